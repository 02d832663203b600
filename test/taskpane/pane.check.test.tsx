/** @jest-environment jsdom */
import { enabledButton, openTab, renderPane, typeRating, typeWeights } from "./setup";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createDemoPort, officeError, type DemoPort } from "../../src/demo";
import { rescaleGroup } from "../../src/core/model";
import { publishedTree } from "../../src/taskpane/standard";

async function openCheck(port: DemoPort, locale: "en-US" | "zh-CN" = "en-US"): Promise<HTMLElement> {
  renderPane(port, { locale });
  const name = locale === "en-US" ? "Check & score" : "检查与评分";
  await screen.findByRole("tab", { name });
  return openTab(name);
}

async function withScorecard(options: Parameters<typeof createDemoPort>[0] = {}): Promise<DemoPort> {
  const port = createDemoPort({ demoRatings: true, now: () => new Date("2026-11-25T10:00:00Z"), ...options });
  await port.createWorkbook({ tree: publishedTree(), vendors: ["Acme", "Beta", "Gamma"], raters: [], locale: "en-US", missing: "exclude" });
  return port;
}

test("a workbook without a scorecard says where to start", async () => {
  const panel = await openCheck(createDemoPort());
  fireEvent.click(await enabledButton("Check workbook"));
  expect(await within(panel).findByText("This workbook has no scorecard yet. Create one in the New tab.")).toBeTruthy();
});

test("problems are listed in plain words and each selects its cell", async () => {
  const port = await withScorecard();
  const panel = await openCheck(port);
  fireEvent.click(await enabledButton("Check workbook"));
  const list = await within(panel).findByRole("region", { name: "Problems (5)" });
  const links = within(list).getAllByRole("button");
  expect(links.map((l) => l.textContent)).toEqual([
    "Acme: “1.2 Usability & performance” is 120, outside 0–100",
    "Gamma: required indicator “1.1 Core features” has no rating",
    "Gamma: “1.3 Product forms” is “n/a?”, not a number",
    "Dimension weights sum to 90%, not 100%",
    "Weights under “3 Service” sum to 110%, not 100%",
  ]);
  expect(list.textContent).toContain("(Ratings!D6)");
  fireEvent.click(links[1]);
  await waitFor(() => expect(port.excel.selection).toEqual({ sheet: "Ratings", address: "F5" }));
  fireEvent.click(links[3]);
  await waitFor(() => expect(port.excel.selection).toEqual({ sheet: "Weights", address: "C6" }));
});

test("a missing rating (with raters) and its wording", async () => {
  const port = createDemoPort({ demoRatings: true });
  await port.createWorkbook({ tree: publishedTree(), vendors: ["Acme", "Beta"], raters: ["Ann", "Bob"], locale: "en-US", missing: "exclude" });
  const panel = await openCheck(port);
  fireEvent.click(await enabledButton("Check workbook"));
  expect(await within(panel).findByText("Beta / Ann: “1.1 Core features” not rated")).toBeTruthy();
});

test("a clean workbook: no problems", async () => {
  const port = await withScorecard();
  typeRating(port, "Acme", "1.2", 80);
  typeRating(port, "Gamma", "1.1", 70);
  typeRating(port, "Gamma", "1.3", "NA");
  typeWeights(port, rescaleGroup(rescaleGroup(publishedTree(), null), "3"));
  const panel = await openCheck(port);
  fireEvent.click(await enabledButton("Check workbook"));
  expect(await within(panel).findByText(/No problems found/)).toBeTruthy();
});

test("ranking table and the lazily loaded radar preview", async () => {
  const port = await withScorecard();
  const panel = await openCheck(port);
  fireEvent.click(await enabledButton("Check workbook"));
  const table = await within(panel).findByRole("table", { name: "Ranking" });
  const rows = within(table).getAllByRole("row").slice(1);
  expect(rows).toHaveLength(3);
  expect(rows.map((r) => within(r).getAllByRole("cell")[0].textContent)).toEqual(["1", "2", "3"]);
  expect(within(table).getAllByText("incomplete")).toHaveLength(2); // Acme (120 left out) and Gamma
  expect(within(panel).queryByRole("img", { name: /Dimension scores/ })).toBeNull();
  fireEvent.click(within(panel).getByRole("button", { name: "Show radar preview" }));
  const chart = await within(panel).findByRole("img", { name: "Dimension scores of the top 3" });
  expect(chart.querySelectorAll("polygon").length).toBe(4 + 3);
  expect(within(panel).getByText("Product")).toBeTruthy();
});

test("freeze results, and its failure", async () => {
  const port = await withScorecard();
  const panel = await openCheck(port);
  fireEvent.click(await enabledButton("Check workbook"));
  fireEvent.click(await within(panel).findByRole("button", { name: "Freeze results" }));
  expect(await within(panel).findByText("Results copied as values into “Results 2026-11-25”.")).toBeTruthy();
  // The copy holds the ranking the pane showed: vendor, total and rank as values.
  const table = within(panel).getByRole("table", { name: "Ranking" });
  const shown = within(table).getAllByRole("row").slice(1).map((r) => within(r).getAllByRole("cell")[0].textContent);
  const frozen = [5, 6, 7].map((row) => port.excel.cell("Results 2026-11-25", `C${row}`)?.value);
  expect([...frozen].sort()).toEqual(shown.map(Number));
  expect(port.excel.cell("Results 2026-11-25", "B5")?.formula).toBeUndefined();
});

test("freeze results fails with a clear error when the scorecard is gone", async () => {
  const port = await withScorecard({ failWith: { freezeResults: officeError("ItemNotFound") } });
  const panel = await openCheck(port);
  fireEvent.click(await enabledButton("Check workbook"));
  fireEvent.click(await within(panel).findByRole("button", { name: "Freeze results" }));
  expect((await within(panel).findByRole("alert")).textContent).toContain("Don't rename or delete the scorecard sheets.");
  expect(port.excel.sheets.some((s) => s.name.startsWith("Results 2"))).toBe(false);
});

test("read failure: payload too large, in Chinese", async () => {
  const port = await withScorecard({ failWith: { readWorkbook: officeError("RequestPayloadSizeLimitExceeded") } });
  const panel = await openCheck(port, "zh-CN");
  fireEvent.click(await enabledButton("检查工作簿"));
  const alert = await within(panel).findByRole("alert");
  expect(alert.textContent).toContain("一次发送给 Excel 的数据过多。");
});

test("selecting a renamed sheet's cell explains ItemNotFound", async () => {
  const port = await withScorecard();
  const panel = await openCheck(port);
  fireEvent.click(await enabledButton("Check workbook"));
  const list = await within(panel).findByRole("region", { name: "Problems (5)" });
  port.excel.sheet("Ratings")!.name = "My ratings"; // renamed by hand since the check
  fireEvent.click(within(list).getAllByRole("button")[0]);
  expect((await within(panel).findByRole("alert")).textContent).toContain("Don't rename or delete the scorecard sheets.");
});

test("reading can be cancelled", async () => {
  const port = await withScorecard({ delayMs: 200 });
  const panel = await openCheck(port);
  fireEvent.click(await enabledButton("Check workbook"));
  fireEvent.click(await within(panel).findByRole("button", { name: "Cancel" }));
  expect(await within(panel).findByText(/^Cancelled\./)).toBeTruthy();
  expect(within(panel).queryByRole("table")).toBeNull();
});

test("an Excel without ExcelApi 1.4 cannot check, and says why", async () => {
  const port = createDemoPort({ excelApi: ["1.1", "1.2", "1.3"], asExcel: true });
  const panel = await openCheck(port);
  await waitFor(() => expect(within(panel).getByText("Needs Excel API 1.4; this Excel supports up to 1.3. Update Office, or use Excel on the web.")).toBeTruthy());
  expect(within(panel).getByRole("button", { name: "Check workbook" }).hasAttribute("disabled")).toBe(true);
});
