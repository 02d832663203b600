/** @jest-environment jsdom */
/**
 * The award decision in the pane (issue #11): the New tab's Price sheet with the Order No. 87
 * guidance; the Weights tab's minimums written by "Apply"; the Check & score tab's ranking with
 * price, overall and grade, the vendors not eligible below with their reasons, and each gate
 * failure a problem that selects its cell. Both locales, on the demo adapter.
 */
import { enabledButton, modelOf, openTab, renderPane } from "./setup";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createDemoPort, type DemoPort } from "../../src/demo";
import { buildPlan } from "../../src/plan";
import { publishedTree } from "../../src/taskpane/standard";

const NOW = (): Date => new Date("2026-11-25T10:00:00Z");

async function withPriceSheet(locale: "en-US" | "zh-CN" = "en-US"): Promise<DemoPort> {
  const port = createDemoPort({ now: NOW });
  await port.createWorkbook({ tree: publishedTree(), vendors: ["Acme", "Beta", "Gamma"], raters: [], locale, missing: "exclude", award: { price: { weight: 20, method: "lowest", lowBidThreshold: 20 } } });
  const model = modelOf(port);
  const plan = buildPlan({ tree: model.tree, vendors: model.vendors, options: model.options, ...(model.award ? { award: { settings: model.award } } : {}) });
  const R = plan.layout.ratings;
  const ratings = plan.sheets.find((s) => s.key === "ratings")?.name as string;
  // Acme 90 everywhere, Beta 80, Gamma 70 but 30 on the first leaf.
  const first = R.rows.find((r) => r.leaf)?.code;
  [90, 80, 70].forEach((score, v) => {
    const col = String.fromCharCode(64 + R.firstCol + v);
    for (const r of R.rows) if (r.leaf) port.excel.put(ratings, `${col}${r.row}`, [[v === 2 && r.code === first ? 30 : score]]);
  });
  const A = plan.layout.award;
  if (!A?.price) throw new Error("no price layout");
  const weightsSheet = plan.layout.sheetNames.weights as string;
  port.excel.put(weightsSheet, `${A.minimumColumn}${plan.layout.weights.rows.find((r) => r.code === first)?.row}`, [[50]]);
  port.excel.put(A.price.sheet, `${A.price.bidColumn}${A.price.firstRow}`, [[1_000_000]]);
  port.excel.put(A.price.sheet, `${A.price.bidColumn}${A.price.firstRow + 1}`, [["¥600,000"]]);
  port.excel.put(A.price.sheet, `${A.price.bidColumn}${A.price.firstRow + 2}`, [[900_000]]);
  return port;
}

test("New tab: a Price sheet with its weight, method and threshold; under 30% the Order No. 87 guidance shows, and creating still works", async () => {
  const port = createDemoPort({ now: NOW });
  renderPane(port);
  const panel = await openTab("New");
  fireEvent.change(within(panel).getByRole("textbox", { name: /Vendors/ }), { target: { value: "Acme\nBeta" } });
  fireEvent.click(within(panel).getByRole("checkbox", { name: /Add a Price sheet/ }));
  const weight = within(panel).getByRole("textbox", { name: "Price weight (% of the overall score)" });
  expect(within(panel).queryByText(/Order No\. 87/)).toBeNull();
  fireEvent.change(weight, { target: { value: "20" } });
  expect(within(panel).getByText(/at least 30% for goods/)).toBeTruthy();
  fireEvent.change(weight, { target: { value: "5" } });
  expect(within(panel).getByText(/at least 10% for services and at least 30% for goods/)).toBeTruthy();
  fireEvent.change(within(panel).getByRole("combobox", { name: "Price score" }), { target: { value: "linear" } });
  fireEvent.change(within(panel).getByRole("textbox", { name: /Flag a bid/ }), { target: { value: "15" } });
  fireEvent.click(await enabledButton("Create scorecard"));
  await within(panel).findByText(/Scorecard created/, undefined, { timeout: 15000 });
  expect(port.excel.sheet("Price")).toBeTruthy();
  expect(modelOf(port).award?.price).toEqual({ weight: 5, method: "linear", lowBidThreshold: 15 });
});

test("New tab: a price weight that does not read is an error and nothing is created", async () => {
  const port = createDemoPort({ now: NOW });
  renderPane(port);
  const panel = await openTab("New");
  fireEvent.change(within(panel).getByRole("textbox", { name: /Vendors/ }), { target: { value: "Acme" } });
  fireEvent.click(within(panel).getByRole("checkbox", { name: /Add a Price sheet/ }));
  fireEvent.change(within(panel).getByRole("textbox", { name: "Price weight (% of the overall score)" }), { target: { value: "120" } });
  expect(within(panel).getAllByText("Enter a number from 0 to 100.").length).toBeGreaterThan(0);
  fireEvent.click(await enabledButton("Create scorecard"));
  await new Promise((r) => setTimeout(r, 50));
  expect(port.excel.sheet("Price")).toBeUndefined();
});

test.each([
  ["en-US", "Check & score", "Check workbook", "Ranking", "Not eligible (1)", "Price", "Overall", /is below the minimum of 50/, "Gamma"],
  ["zh-CN", "检查与评分", "检查工作簿", "排名", "不具备资格（1）", "价格分", "综合分", /低于最低分 50/, "Gamma"],
] as const)("%s: Check & score ranks eligible vendors with price and overall; the other listed with reasons; the gate failure selects its cell", async (locale, tab, read, ranking, ineligible, priceCol, overallCol, problem, gamma) => {
  const port = await withPriceSheet(locale);
  renderPane(port, { locale });
  await screen.findByRole("tab", { name: tab });
  const panel = await openTab(tab);
  fireEvent.click(await enabledButton(read));
  const region = await within(panel).findByRole("region", { name: ranking }, { timeout: 15000 });
  const table = within(region).getByRole("table");
  expect(within(table).getByRole("columnheader", { name: priceCol })).toBeTruthy();
  expect(within(table).getByRole("columnheader", { name: overallCol })).toBeTruthy();
  const rows = within(table).getAllByRole("row").slice(1);
  // Beta: quality 80, price 100 → 84; Acme: 90, price 60 → 84; ties share rank 1.
  expect(rows.map((r) => within(r).getAllByRole("cell").map((c) => c.textContent))).toEqual([
    [expect.stringMatching(/^1$/), expect.stringContaining("Acme"), "90.0", "60.0", "84.0"],
    [expect.stringMatching(/^1$/), expect.stringContaining("Beta"), "80.0", "100.0", "84.0"],
  ]);
  const others = within(region).getByRole("region", { name: ineligible });
  expect(others.textContent).toContain(gamma);
  expect(others.textContent).toContain("30.0 < 50");
  const problems = await within(panel).findByRole("region", { name: /Problems|问题/ });
  const link = within(problems).getAllByRole("button").find((b) => problem.test(b.textContent ?? ""));
  expect(link).toBeTruthy();
  const select = jest.spyOn(port, "selectCell");
  fireEvent.click(link as HTMLElement);
  await waitFor(() => expect(select).toHaveBeenCalled());
  expect(select.mock.calls[0][0]).toBe(locale === "en-US" ? "Ratings" : "评分");
});

test("Weights tab: a node's minimum and the quality minimum, written to the Weights Minimum column by Apply", async () => {
  const port = await withPriceSheet();
  renderPane(port);
  const panel = await openTab("Weights");
  fireEvent.click(within(panel).getByRole("treeitem", { name: /^2 / }));
  fireEvent.change(within(panel).getByRole("textbox", { name: "Minimum" }), { target: { value: "65" } });
  expect(within(panel).getByText("≥ 65")).toBeTruthy();
  fireEvent.change(within(panel).getByRole("textbox", { name: "Minimum total (quality) score" }), { target: { value: "101" } });
  expect(within(panel).getByText("Enter a number from 0 to 100.")).toBeTruthy();
  fireEvent.change(within(panel).getByRole("textbox", { name: "Minimum total (quality) score" }), { target: { value: "55" } });
  fireEvent.click(await enabledButton(/^Apply/));
  await waitFor(() => expect(modelOf(port).tree.minimum).toBe(55), { timeout: 15000 });
  const model = modelOf(port);
  expect(model.tree.roots.find((r) => r.code === "2")?.minimum).toBe(65);
  // The minimum typed on the sheet for the first leaf (not set in the pane) is kept.
  const first = model.tree.roots[0].children[0];
  expect(first.minimum).toBe(50);
  expect(model.award?.price?.weight).toBe(20);
});
