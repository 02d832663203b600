/** @jest-environment jsdom */
import { enabledButton, openTab, planOf, renderPane, typeRatings } from "./setup";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createDemoPort, type DemoPort } from "../../src/demo";
import { applyPlan } from "../../src/excel";
import { buildPlan, cell } from "../../src/plan";
import { publishedTree } from "../../src/taskpane/standard";

/** Check & score: ratings without a reason (issue #14). */

const NOW = new Date("2026-11-25T10:00:00Z");

async function openCheck(port: DemoPort, locale: "en-US" | "zh-CN" = "en-US"): Promise<HTMLElement> {
  renderPane(port, { locale });
  const name = locale === "en-US" ? "Check & score" : "检查与评分";
  await screen.findByRole("tab", { name });
  return openTab(name);
}

/** The notes cell of a rating (on the rater's sheet in a panel). */
function noteAt(port: DemoPort, vendor: string, code: string, rater?: string): { sheet: string; address: string } {
  const { layout } = planOf(port);
  const notes = layout.ratings.notes;
  const sheet = rater === undefined ? layout.sheetNames.ratings : layout.panel?.raters.find((r) => r.name === rater)?.sheet;
  const row = layout.ratings.rows.find((r) => r.code === code)?.row;
  if (!notes || sheet === undefined || row === undefined) throw new Error(`no notes cell for ${vendor} ${code}`);
  return { sheet, address: cell(row, notes.firstCol + layout.ratings.vendors.indexOf(vendor)) };
}

function writeReason(port: DemoPort, vendor: string, code: string, text: string, rater?: string): void {
  const at = noteAt(port, vendor, code, rater);
  port.excel.put(at.sheet, at.address, [[text]]);
}

async function single(): Promise<DemoPort> {
  const port = createDemoPort({ now: () => NOW });
  await port.createWorkbook({ tree: publishedTree(), vendors: ["Acme", "Beta"], raters: [], locale: "en-US", missing: "exclude" });
  typeRatings(port, [
    ["Acme", "1.1", 40],
    ["Acme", "1.2", 45],
    ["Beta", "1.1", 90],
    ["Beta", "1.2", "N/A"],
  ]);
  writeReason(port, "Acme", "1.2", "Slow on the pilot");
  return port;
}

const region = (panel: HTMLElement, count: number): Promise<HTMLElement> => within(panel).findByRole("region", { name: `Ratings without a reason (${count})` });

test("by default the low ratings without a reason are listed (N/A and reasoned ones never); every one on request; each selects its notes cell", async () => {
  const port = await single();
  const panel = await openCheck(port);
  fireEvent.click(await enabledButton("Check workbook"));
  const list = await region(panel, 1);
  const all = within(list).getByRole("checkbox", { name: "List every rating without a reason" }) as HTMLInputElement;
  const flagged = within(list).getByRole("checkbox", { name: "Ratings below the threshold" }) as HTMLInputElement;
  expect([all.checked, flagged.checked]).toEqual([false, true]);
  expect((within(list).getByRole("textbox", { name: "Threshold (0–100)" }) as HTMLInputElement).value).toBe("60");
  const link = within(list).getByRole("button", { name: "Acme · 1.1 Core features: 40 (below 60)" });
  const at = noteAt(port, "Acme", "1.1");
  expect(list.textContent).toContain(`(${at.sheet}!${at.address})`);
  fireEvent.click(link);
  await waitFor(() => expect(port.excel.selection).toEqual(at));

  fireEvent.click(all);
  await region(panel, 2);
  expect(within(list).getAllByRole("button").map((b) => b.textContent)).toEqual(["Acme · 1.1 Core features: 40 (below 60)", "Beta · 1.1 Core features: 90"]);
  fireEvent.click(flagged);
  fireEvent.click(all);
  await region(panel, 0);
  expect(within(list).queryAllByRole("button")).toHaveLength(0);
});

test("the threshold is editable: a higher one lists more; a non-number says so and keeps the last", async () => {
  const port = await single();
  const panel = await openCheck(port);
  fireEvent.click(await enabledButton("Check workbook"));
  const list = await region(panel, 1);
  const input = within(list).getByRole("textbox", { name: "Threshold (0–100)" });
  fireEvent.change(input, { target: { value: "95" } });
  await region(panel, 2);
  expect(within(list).getByRole("button", { name: "Beta · 1.1 Core features: 90 (below 95)" })).toBeTruthy();
  fireEvent.change(input, { target: { value: "120" } });
  expect(await within(list).findByText("Enter a number from 0 to 100.")).toBeTruthy();
  expect(within(list).getAllByRole("button")).toHaveLength(2);
  fireEvent.change(input, { target: { value: "30" } });
  await region(panel, 0);
  expect(within(list).getByText("None: each of these ratings has a reason.")).toBeTruthy();
});

test("a panel: a spread above the workbook's threshold lists each rater's rating without a reason, on their sheet; zh-CN", async () => {
  const port = createDemoPort({ now: () => NOW });
  await port.createWorkbook({ tree: publishedTree(), vendors: ["Acme", "Beta"], raters: ["Ann", "Bob"], locale: "en-US", missing: "exclude" });
  typeRatings(port, [
    ["Acme", "1.1", 90, "Ann"],
    ["Acme", "1.1", 65, "Bob"],
    ["Beta", "1.1", 70, "Ann"],
    ["Beta", "1.1", 75, "Bob"],
  ]);
  writeReason(port, "Acme", "1.1", "Demo went well", "Ann");
  const panel = await openCheck(port, "zh-CN");
  fireEvent.click(await enabledButton("检查工作簿"));
  const list = await within(panel).findByRole("region", { name: "未写理由的评分（1）" });
  expect(within(list).getByRole("checkbox", { name: "低于阈值的评分，或评审人之间分差超过 20 分的评分（工作簿的分差阈值）" })).toBeTruthy();
  const link = within(list).getByRole("button", { name: "Acme · 1.1 基础功能 · Bob：65（分差 25 > 20）" });
  fireEvent.click(link);
  await waitFor(() => expect(port.excel.selection).toEqual(noteAt(port, "Acme", "1.1", "Bob")));

  // The workbook's threshold, as typed on Consolidated.
  const consolidated = planOf(port).layout.panel?.consolidated;
  port.excel.put(consolidated?.sheet as string, consolidated?.threshold as string, [[30]]);
  fireEvent.click(await enabledButton("检查工作簿"));
  expect(await within(panel).findByRole("region", { name: "未写理由的评分（0）" })).toBeTruthy();
});

test("a scorecard made before the Reason columns says how to get them", async () => {
  const port = createDemoPort({ now: () => NOW });
  const old = buildPlan({ tree: publishedTree(), vendors: ["Acme"], options: { locale: "en-US", missing: "exclude" }, createdAt: NOW.toISOString(), notesGrid: false });
  await port.excel.run((context) => applyPlan(context as unknown as Excel.RequestContext, old));
  const panel = await openCheck(port);
  fireEvent.click(await enabledButton("Check workbook"));
  expect(await within(panel).findByText("This scorecard has no Reason columns. Create it again in the New tab to add them (the ratings are kept).")).toBeTruthy();
  expect(within(panel).queryByRole("region", { name: /Ratings without a reason/ })).toBeNull();
});

test("a long list shows the first 50 and says how many more", async () => {
  const port = createDemoPort({ demoRatings: true, now: () => NOW });
  await port.createWorkbook({ tree: publishedTree(), vendors: ["Acme", "Beta", "Gamma"], raters: [], locale: "en-US", missing: "exclude" });
  const snapshot = await port.readWorkbook();
  // the demo writes a reason beside some ratings: those are not listed
  const reasoned = new Set((snapshot?.notes ?? []).map((n) => `${n.vendor}\u0001${n.code}`));
  const numeric = (snapshot?.ratings ?? []).filter((r) => typeof r.value === "number" && !reasoned.has(`${r.vendor}\u0001${r.code}`)).length;
  expect(reasoned.size).toBeGreaterThan(0);
  expect(numeric).toBeGreaterThan(50);
  const panel = await openCheck(port);
  fireEvent.click(await enabledButton("Check workbook"));
  await within(panel).findByRole("region", { name: /Ratings without a reason/ });
  fireEvent.click(within(panel).getByRole("checkbox", { name: "List every rating without a reason" }));
  const list = await region(panel, numeric);
  expect(within(list).getAllByRole("button")).toHaveLength(50);
  expect(within(list).getByText(`and ${numeric - 50} more`)).toBeTruthy();
});
