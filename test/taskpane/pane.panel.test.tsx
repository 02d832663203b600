/** @jest-environment jsdom */
import { enabledButton, modelOf, moderationAt, openTab, renderPane, typeRating, typeRatings, valueAt } from "./setup";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import ExcelJS from "exceljs";
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";
import { kendallW } from "../../src/core/engine";
import { leaves } from "../../src/core/model/tree";
import { translator, type UiLocale } from "../../src/i18n";
import { MODEL_SHEET_NAME } from "../../src/plan";
import { createDemoPort, type DemoPort } from "../../src/demo";
import { publishedTree } from "../../src/taskpane/standard";
import { panelStats } from "../../src/taskpane/panelStats";

const en = translator("en-US");
const re = (s: string): RegExp => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
const tree = publishedTree();
const codes = leaves(tree).map((l) => l.node.code);
const vendors = ["Acme", "Beta", "Gamma"];
const raters = ["Ann", "Bo", "Cy"];

// jsdom lacks what every pane browser has: TextDecoder/TextEncoder, object URLs, File.arrayBuffer.
const created: Blob[] = [];
const clicked: { href: string; download: string }[] = [];
beforeAll(() => {
  const g = globalThis as unknown as Record<string, unknown>;
  g.TextDecoder ??= NodeTextDecoder;
  g.TextEncoder ??= NodeTextEncoder;
  URL.createObjectURL = (b: Blob): string => `blob:copy-${created.push(b)}`;
  URL.revokeObjectURL = (): void => undefined;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement): void {
    clicked.push({ href: this.href, download: this.download });
  };
  if (typeof Blob.prototype.arrayBuffer !== "function") {
    Blob.prototype.arrayBuffer = function (this: Blob): Promise<ArrayBuffer> {
      return new Promise((resolve) => {
        const r = new FileReader();
        r.onload = () => resolve(r.result as ArrayBuffer);
        r.readAsArrayBuffer(this);
      });
    };
  }
});

/** A panel whose three raters all rank the vendors Gamma > Beta > Acme (so W = 1). */
async function panelPort(options: { skip?: string } = {}): Promise<DemoPort> {
  const port = createDemoPort({ now: () => new Date("2026-11-25T10:00:00Z") });
  await port.createWorkbook({ tree, vendors, raters, locale: "en-US", missing: "exclude", aggregate: "median" });
  typeRatings(port, raters.flatMap((rater, r) => (rater === options.skip ? [] : vendors.flatMap((vendor, v) => codes.map((code): [string, string, number, string] => [vendor, code, 50 + 10 * v + r, rater])))));
  return port;
}

async function openPanel(port: DemoPort, t = en, locale: UiLocale = "en-US"): Promise<HTMLElement> {
  renderPane(port, { locale });
  await screen.findByRole("tab", { name: t("tab.panel") });
  const panel = await openTab(t("tab.panel"));
  fireEvent.click(await enabledButton(t("panel.read")));
  await within(panel).findByText(t("panel.stats.title"));
  return panel;
}

async function blobBytes(b: Blob): Promise<Uint8Array> {
  return new Uint8Array(await b.arrayBuffer());
}

/** The rater fills a cell of their copy (found by code and column header: a vendor, or "Reason: vendor") in Excel. */
async function fillCopy(bytes: Uint8Array, vendor: string, code: string, value: number | string): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets.find((w) => w.name !== MODEL_SHEET_NAME) as ExcelJS.Worksheet;
  let row = 0;
  let col = 0;
  ws.eachRow((r, n) => {
    if (r.getCell(1).value === code) row = n;
    r.eachCell((c, k) => {
      if (c.value === vendor) col = k;
    });
  });
  ws.getCell(row, col).value = value;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test("raters with their completeness; Export rater copy downloads an .xlsx blob", async () => {
  const port = await panelPort({ skip: "Cy" });
  const panel = await openPanel(port);
  const total = vendors.length * codes.length;
  expect(within(panel).getByText(en("panel.completeness", { rater: "Ann", done: total, total, pct: "100" }))).toBeTruthy();
  expect(within(panel).getByText(en("panel.completeness", { rater: "Cy", done: 0, total, pct: "0" }))).toBeTruthy();

  fireEvent.click(within(panel).getByRole("button", { name: en("panel.exportFor", { rater: "Bo" }) }));
  await within(panel).findByText(en("panel.exported", { file: "Scorecard - Bo.xlsx" }));
  expect(clicked[clicked.length - 1]).toEqual({ href: `blob:copy-${created.length}`, download: "Scorecard - Bo.xlsx" });
  const blob = created[created.length - 1];
  expect(blob.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const bytes = await blobBytes(blob);
  expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Ratings - Bo", MODEL_SHEET_NAME]);
});

test("merge a returned copy: preview with a conflict, overwrite, result; cancel writes nothing", async () => {
  const port = await panelPort();
  const panel = await openPanel(port);
  const copy = await port.exportRaterCopy("Bo");
  const returned = await fillCopy(copy.bytes, "Acme", codes[0], 99);
  const input = panel.querySelector('input[type="file"]') as HTMLInputElement;

  await act(async () => {
    fireEvent.change(input, { target: { files: [new File([returned.slice().buffer], "bo-back.xlsx")] } });
  });
  await within(panel).findByText(en("panel.preview.title", { rater: "Bo", file: "bo-back.xlsx" }));
  const n = vendors.length * codes.length;
  expect(within(panel).getByText(en("panel.preview.counts", { read: n, accepted: n, rejected: 0, added: 0, unchanged: n - 1, conflicts: 1 }))).toBeTruthy();
  const indicator = `${codes[0]} ${tree.roots[0].children[0].name["en-US"]}`;
  expect(within(panel).getByText(en("panel.preview.conflict", { vendor: "Acme", indicator, existing: "51", incoming: "99" }))).toBeTruthy();

  fireEvent.click(within(panel).getByRole("button", { name: en("panel.cancel") }));
  expect(within(panel).queryByText(en("panel.preview.title", { rater: "Bo", file: "bo-back.xlsx" }))).toBeNull();
  expect(valueAt(port, "Acme", codes[0], "Bo")).toBe(51);
  expect(port.excel.sheet("Import log")).toBeUndefined();

  await act(async () => {
    fireEvent.change(input, { target: { files: [new File([returned.slice().buffer], "bo-back.xlsx")] } });
  });
  fireEvent.click(await within(panel).findByRole("button", { name: en("panel.overwrite") }));
  await within(panel).findByText(re(en("panel.done", { rater: "Bo", added: 0, overwritten: 1, kept: 0, unchanged: n - 1, skipped: 0 })));
  // The pane reads the panel again meanwhile: its updates land inside act().
  const snap = await act(() => port.readWorkbook());
  expect(snap?.ratings.find((r) => r.rater === "Bo" && r.vendor === "Acme" && r.code === codes[0])?.value).toBe(99);
  expect(snap?.ratings.find((r) => r.rater === "Ann" && r.vendor === "Acme" && r.code === codes[0])?.value).toBe(50);
  // the merge is listed under Merged copies, with its undo
  expect(await within(panel).findByRole("button", { name: en("import.undoMerge") })).toBeTruthy();
});

test("statistics: raters per vendor, Kendall's W with raters and vendors counted, aggregation", async () => {
  const port = await panelPort();
  const panel = await openPanel(port);
  expect(within(panel).getByTestId("kendall-w").textContent).toBe(en("panel.stats.w", { w: "1", raters: 3, vendors: 3 }));
  expect(within(panel).getByText(en("panel.stats.vendorRaters", { vendor: "Beta", count: 3, total: 3 }))).toBeTruthy();
  expect(within(panel).getByText(en("panel.stats.aggregate", { method: en("aggregate.median") }))).toBeTruthy();

  // A disagreeing rater lowers W to what kendallW gives for the per-rater totals.
  typeRatings(port, codes.map((code): [string, string, number, string] => ["Acme", code, 95, "Cy"]));
  fireEvent.click(within(panel).getByRole("button", { name: en("panel.read") }));
  const snap = await act(() => port.readWorkbook());
  const stats = panelStats(snap as NonNullable<typeof snap>);
  expect(stats.agreement).toEqual(kendallW([[50, 60, 70], [51, 61, 71], [95, 62, 72]]));
  const w = (stats.agreement.w as number).toLocaleString("en-US", { maximumFractionDigits: 3 });
  await waitFor(() => expect(within(panel).getByTestId("kendall-w").textContent).toBe(en("panel.stats.w", { w, raters: 3, vendors: 3 })));
});

test("W needs two raters with a total for every vendor; a single-rater scorecard says it is not a panel", async () => {
  const port = createDemoPort();
  await port.createWorkbook({ tree, vendors, raters: ["Ann", "Bo"], locale: "en-US", missing: "exclude" });
  typeRatings(port, vendors.flatMap((vendor, v) => codes.map((code): [string, string, number, string] => [vendor, code, 60 + v, "Ann"])));
  const panel = await openPanel(port);
  expect(within(panel).getByTestId("kendall-w").textContent).toBe(en("panel.stats.wNeeds", { raters: 1, vendors: 3 }));

  await port.createWorkbook({ tree, vendors, raters: [], locale: "en-US", missing: "exclude" });
  fireEvent.click(within(panel).getByRole("button", { name: en("panel.read") }));
  expect(await within(panel).findByText(en("panel.notPanel"))).toBeTruthy();
});

test("the New tab offers the aggregation once two raters are entered and sends it", async () => {
  const port = createDemoPort();
  renderPane(port);
  const label = en("new.aggregate");
  fireEvent.change(await screen.findByRole("textbox", { name: en("new.vendors") }), { target: { value: "Acme, Beta" } });
  const ratersBox = screen.getByRole("textbox", { name: en("new.raters") });
  fireEvent.change(ratersBox, { target: { value: "Ann" } });
  expect(screen.queryByRole("combobox", { name: label })).toBeNull();
  fireEvent.change(ratersBox, { target: { value: "Ann, Bo" } });
  fireEvent.change(screen.getByRole("combobox", { name: label }), { target: { value: "trimmed" } });
  fireEvent.click(await enabledButton(en("new.create")));
  await screen.findByText(/Scorecard created/);
  expect(modelOf(port)).toMatchObject({ raters: ["Ann", "Bo"], options: { aggregate: "trimmed" } });
});

test("a merge is logged: Merged copies lists it with its undo; the undo sets Bo's cells back, reports a cell changed since, and the Import tab lists it too", async () => {
  const port = createDemoPort({ now: () => new Date("2026-11-25T10:00:00Z") });
  await port.createWorkbook({ tree, vendors, raters, locale: "en-US", missing: "exclude" });
  typeRating(port, "Acme", codes[0], 40, "Bo");
  typeRating(port, "Beta", codes[0], "see Ann", "Bo"); // a stray note: a conflict, not a new rating
  const panel = await openPanel(port);
  let bytes = await fillCopy((await port.exportRaterCopy("Bo", { prefill: false })).bytes, "Acme", codes[0], 90);
  bytes = await fillCopy(bytes, "Beta", codes[0], 70);
  bytes = await fillCopy(bytes, "Gamma", codes[0], 60);
  const input = panel.querySelector('input[type="file"]') as HTMLInputElement;
  await act(async () => {
    fireEvent.change(input, { target: { files: [new File([bytes.slice().buffer], "bo-back.xlsx")] } });
  });
  await within(panel).findByText(en("panel.preview.counts", { read: 3, accepted: 3, rejected: 0, added: 1, unchanged: 0, conflicts: 2 }));
  const indicator = `${codes[0]} ${tree.roots[0].children[0].name["en-US"]}`;
  expect(within(panel).getByText(en("panel.preview.conflict", { vendor: "Beta", indicator, existing: "“see Ann”", incoming: "70" }))).toBeTruthy();
  fireEvent.click(await within(panel).findByRole("button", { name: en("panel.overwrite") }));
  await within(panel).findByText(re(en("panel.doneLogged", { sheet: "Import log" })));

  // The list of merged copies shows up right after the merge, with its undo.
  const item = en("import.history.merge", { time: new Date("2026-11-25T10:00:00Z").toLocaleString(), rater: "Bo", source: "bo-back.xlsx", added: 1, overwritten: 2 });
  expect(await within(panel).findByText(re(item))).toBeTruthy();
  typeRating(port, "Gamma", codes[0], 65, "Bo"); // Bo's cell changed by hand since the merge
  const total = vendors.length * codes.length;
  const boDone = (done: number): RegExp => new RegExp(`^${en("panel.completeness", { rater: "Bo", done, total, pct: "PCT" }).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace("PCT", "[\\d.,]+")}$`);
  expect(within(panel).getByText(boDone(3))).toBeTruthy(); // the merge's three ratings
  await act(async () => {
    fireEvent.click(within(panel).getByRole("button", { name: en("import.undoMerge") }));
  });
  expect(await within(panel).findByText(re(en("import.undoneMerge", { restored: 2 })))).toBeTruthy();
  expect(within(panel).getByText(re(en("import.undoneChanged", { count: 1 })))).toBeTruthy();
  expect(within(panel).getByText(re(en("import.undoneCell", { vendor: "Gamma", code: codes[0], rater: " (Bo)", imported: "60", now: "65" })))).toBeTruthy();
  expect(valueAt(port, "Acme", codes[0], "Bo")).toBe(40);
  expect(valueAt(port, "Beta", codes[0], "Bo")).toBe("see Ann");
  expect(valueAt(port, "Gamma", codes[0], "Bo")).toBe(65);
  expect(await within(panel).findByText(en("import.history.undone"))).toBeTruthy();
  // the panel is read again, so its statistics follow the undo: Acme's 40 and Gamma's 65 are ratings, Beta's note is not
  expect(await within(panel).findByText(boDone(2))).toBeTruthy();

  // The Import tab's list is the whole Import log: the merge is there, undone.
  const importTab = await openTab(en("tab.import"));
  await act(async () => {
    fireEvent.click(within(importTab).getByRole("button", { name: en("import.history.show") }));
  });
  expect(await within(importTab).findByText(re(item))).toBeTruthy();
});

test("a consensus typed on Moderation with a reason changes the ranking in Check & score; without a reason it is a problem", async () => {
  const port = await panelPort();
  renderPane(port);
  await screen.findByRole("tab", { name: en("tab.check") });
  const check = await openTab(en("tab.check"));
  const ranking = async (): Promise<string[]> => {
    const table = await within(check).findByRole("table", { name: "Ranking" });
    // The vendor's name only (its cell also carries badges: the grade band, issue #11).
    return within(table).getAllByRole("row").slice(1).map((r) => within(r).getAllByRole("cell").slice(0, 2).map((c) => c.querySelector("span")?.textContent ?? c.textContent).join(" "));
  };
  fireEvent.click(await enabledButton(en("check.read")));
  expect(await ranking()).toEqual(["1 Gamma", "2 Beta", "3 Acme"]);

  // The panel agrees Acme deserves 100 throughout; the reason of the last indicator is forgotten.
  const last = codes[codes.length - 1];
  for (const code of codes) {
    const consensus = moderationAt(port, "Acme", code, "consensus");
    port.excel.put(consensus.sheet, consensus.address, [[100]]);
    const reason = moderationAt(port, "Acme", code, "reason");
    if (code !== last) port.excel.put(reason.sheet, reason.address, [["agreed in the panel meeting"]]);
  }
  fireEvent.click(within(check).getByRole("button", { name: en("check.read") }));
  await waitFor(async () => expect(await ranking()).toEqual(["1 Acme", "2 Gamma", "3 Beta"]));
  const lastLeaf = leaves(tree).find((l) => l.node.code === last)!.node;
  // The published standard's two weight groups are the other problems.
  const missing = await within(check).findByRole("region", { name: "Problems (3)" });
  expect(missing.textContent).toContain(en("problem.consensus-without-reason", { who: "Acme", indicator: `${last} ${lastLeaf.name["en-US"]}` }));
  expect(missing.textContent).toContain(`(Moderation!${moderationAt(port, "Acme", last, "reason").address})`);

  // With the reason typed the problem is gone; the ranking stays.
  const reason = moderationAt(port, "Acme", last, "reason");
  port.excel.put(reason.sheet, reason.address, [["agreed in the panel meeting"]]);
  fireEvent.click(within(check).getByRole("button", { name: en("check.read") }));
  const left = await within(check).findByRole("region", { name: "Problems (2)" });
  expect(left.textContent).not.toContain("has no reason");
  expect(await ranking()).toEqual(["1 Acme", "2 Gamma", "3 Beta"]);
});

test.each([
  ["en-US", en],
  ["zh-CN", translator("zh-CN")],
] as const)("a returned copy's reasons (%s): the preview counts them, a differing reason asks keep or overwrite, the merge writes it", async (locale, t) => {
  const port = await panelPort();
  const grid = (await port.readWorkbook())?.notesGrid;
  if (!grid) throw new Error("no notes grid");
  const noteCell = (vendor: string, code: string): { sheet: string; address: string } => ({ sheet: grid.sheets.Bo, address: `${grid.columns[vendor]}${grid.rows[code]}` });
  const old = noteCell("Acme", codes[0]);
  port.excel.put(old.sheet, old.address, [["old reason"]]);
  const panel = await openPanel(port, t, locale);
  let bytes = await fillCopy((await port.exportRaterCopy("Bo")).bytes, "Reason: Acme", codes[0], "new reason");
  bytes = await fillCopy(bytes, "Reason: Beta", codes[1], "fresh");
  const input = panel.querySelector('input[type="file"]') as HTMLInputElement;
  await act(async () => {
    fireEvent.change(input, { target: { files: [new File([bytes.slice().buffer], "bo-back.xlsx")] } });
  });
  const n = vendors.length * codes.length;
  await within(panel).findByText(t("panel.preview.counts", { read: n, accepted: n, rejected: 0, added: 0, unchanged: n, conflicts: 0 }));
  expect(within(panel).getByText(t("panel.preview.notes", { rater: "Bo", added: 1, unchanged: 0, conflicts: 1 }))).toBeTruthy();
  // no rating differs, but a reason does: the choice is offered
  expect(within(panel).queryByRole("button", { name: t("panel.apply") })).toBeNull();
  fireEvent.click(await within(panel).findByRole("button", { name: t("panel.keep") }));
  await within(panel).findByText(re(t("panel.doneNotes", { added: 1, overwritten: 0, kept: 1, unchanged: 0 })));
  expect(port.excel.cell(old.sheet, old.address)?.value).toBe("old reason");
  const fresh = noteCell("Beta", codes[1]);
  expect(port.excel.cell(fresh.sheet, fresh.address)?.value).toBe("fresh");
});
