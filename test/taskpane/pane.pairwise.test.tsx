/** @jest-environment jsdom */
import { modelOf, openTab, renderPane } from "./setup";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { analyse, parseJudgement, type Judgement } from "../../src/core/ahp";
import { createDemoPort, type DemoPort } from "../../src/demo";
import { dictionaries } from "../../src/i18n";
import { buildPlan, type PairwiseLayout } from "../../src/plan";
import { publishedTree } from "../../src/taskpane/standard";

jest.setTimeout(30000);

const en = (key: keyof (typeof dictionaries)["en-US"], vars: Record<string, string | number> = {}): string =>
  dictionaries["en-US"][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
const zh = (key: keyof (typeof dictionaries)["zh-CN"], vars: Record<string, string | number> = {}): string =>
  dictionaries["zh-CN"][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

async function withScorecard(raters: string[] = []): Promise<DemoPort> {
  const port = createDemoPort();
  await port.createWorkbook({ tree: publishedTree(), vendors: ["Acme", "Beta"], raters, locale: "en-US", missing: "exclude" });
  return port;
}

/** Where the Weights sheet keeps a code's weight. */
function weightAt(port: DemoPort, code: string): unknown {
  const { tree, vendors, options, createdAt } = modelOf(port);
  const { layout } = buildPlan({ tree, vendors, options, createdAt });
  const row = layout.weights.rows.find((r) => r.code === code)?.row;
  return port.excel.cell(layout.sheetNames.weights as string, `${layout.weights.weightColumn}${row}`)?.value ?? null;
}

const NAMES = publishedTree().roots.map((r) => `${r.code} ${r.name["en-US"]}`);

/** The pair controls in pair order: (1,2) (1,3) … (4,5). */
function pairControls(view: HTMLElement, names: string[]): { favour: HTMLSelectElement; much: HTMLInputElement }[] {
  const out: { favour: HTMLSelectElement; much: HTMLInputElement }[] = [];
  for (let a = 0; a < names.length; a++) {
    for (let b = a + 1; b < names.length; b++) {
      const group = within(view).getByRole("group", { name: en("pairwise.pair", { a: names[a], b: names[b] }) });
      out.push({
        favour: within(group).getByRole("combobox", { name: en("pairwise.more", { a: names[a], b: names[b] }) }) as HTMLSelectElement,
        much: within(group).getByRole("combobox", { name: en("pairwise.howMuch", { a: names[a], b: names[b] }) }) as HTMLInputElement,
      });
    }
  }
  return out;
}

async function openCompare(label: string): Promise<HTMLElement> {
  const panel = await openTab("Weights");
  await act(async () => {
    fireEvent.click(within(panel).getByRole("button", { name: `${en("pairwise.open")}: ${label}` }));
  });
  return within(panel).findByRole("region", { name: en("pairwise.title", { group: label }) });
}

// Five dimensions, a over b, as a person would choose: favour a or b, and how much.
const TYPED: ["a" | "b", string][] = [["a", "3"], ["b", "3"], ["a", "0.333"], ["a", "5"], ["b", "2"], ["a", "2"], ["a", "4"], ["a", "1"], ["a", "3"], ["a", "7"]];

test("Compare in pairs: typed 3, 1/3, 0.333; weights and CR live; the judgement to revisit; its suggestion; Use these weights → preview → write → undo from the Import tab", async () => {
  const port = await withScorecard();
  renderPane(port);
  const view = await openCompare(en("weights.groupTop"));
  const controls = pairControls(view, NAMES);
  expect(controls).toHaveLength(10);
  // Not judged yet: no weights, no writing.
  expect(within(view).getByText(en("pairwise.progress", { done: 0, total: 10 }))).toBeTruthy();
  expect(within(view).getByRole("button", { name: en("pairwise.use") }).hasAttribute("disabled")).toBe(true);

  // Off the scale: the reason under the field.
  fireEvent.change(controls[0].much, { target: { value: "10" } });
  expect(within(view).getByText(/10 is not on Saaty's scale/)).toBeTruthy();
  TYPED.forEach(([favour, much], i) => {
    fireEvent.change(controls[i].favour, { target: { value: favour } });
    fireEvent.change(controls[i].much, { target: { value: much } });
  });
  expect(within(view).getByText(en("pairwise.progress", { done: 10, total: 10 }))).toBeTruthy();

  const judgements: Judgement[] = [];
  let k = 0;
  for (let a = 0; a < 5; a++) for (let b = a + 1; b < 5; b++) {
    const [favour, much] = TYPED[k++];
    const v = (parseJudgement(much) as { value: number }).value;
    judgements.push({ a, b, value: favour === "a" ? v : 1 / v });
  }
  const expected = analyse(5, judgements);
  const table = within(view).getByRole("table", { name: en("pairwise.weights") });
  NAMES.forEach((name, i) => {
    const row = within(table).getByText(name).closest("tr") as HTMLElement;
    expect(row.textContent).toContain(`${Math.round(expected.weights[i] * 1000) / 10}%`);
  });
  expect(within(view).getByTestId("pairwise-cr").textContent).toContain(`CR ${expected.cr.toFixed(3)}`);
  expect(expected.consistent).toBe(false);
  const worst = expected.worst as NonNullable<typeof expected.worst>;
  expect(within(view).getByText(en("pairwise.inconsistent", { cr: expected.cr.toFixed(3) }))).toBeTruthy();
  expect(view.textContent).toContain(`Revisit ${NAMES[worst.a]} vs ${NAMES[worst.b]}`);

  // Taking the suggestion recomputes at once: CR as the core said it would be.
  fireEvent.click(within(view).getByRole("button", { name: en("pairwise.useSuggestion") }));
  expect(within(view).getByTestId("pairwise-cr").textContent).toContain(`CR ${worst.crIfChanged.toFixed(3)}`);

  // Use these weights: a preview (nothing written), then the write.
  await act(async () => {
    fireEvent.click(within(view).getByRole("button", { name: en("pairwise.use") }));
  });
  const preview = await within(view).findByRole("region", { name: en("pairwise.previewTitle", { sheet: "Weights" }) });
  expect(within(preview).getByText("1 Product").closest("tr")?.textContent).toMatch(/^1 Product30/);
  expect(weightAt(port, "1")).toBe(30);
  await act(async () => {
    fireEvent.click(within(preview).getByRole("button", { name: en("pairwise.apply") }));
  });
  expect(await within(view).findByText(en("pairwise.applied", { count: 5, sheet: "Weights" }))).toBeTruthy();
  const written = ["1", "2", "3", "4", "5"].map((c) => weightAt(port, c) as number);
  expect(Math.round(written.reduce((s, x) => s + x, 0) * 100)).toBe(10000);
  expect(written[0]).not.toBe(30);
  // The pane's tree follows what was written.
  const weightsPanel = screen.getByRole("tabpanel", { name: "Weights" });
  expect(within(weightsPanel).getByText("Dimension weights: 100%")).toBeTruthy();

  // Undo from the Import tab's list.
  const importPanel = await openTab("Import");
  await act(async () => {
    fireEvent.click(within(importPanel).getByRole("button", { name: en("import.history.show") }));
  });
  const undo = await within(importPanel).findByRole("button", { name: en("import.undo") });
  await act(async () => {
    fireEvent.click(undo);
  });
  await waitFor(() => expect(weightAt(port, "1")).toBe(30));
  expect([weightAt(port, "2"), weightAt(port, "5")]).toEqual([20, 10]);
});

test("zh-CN: the New tab adds a Pairwise sheet for the dimensions; raters fill it in Excel; the Weights tab reads each rater's and the group's weights with the consensus", async () => {
  const port = createDemoPort();
  renderPane(port, { locale: "zh-CN" });
  const create = await screen.findByRole("button", { name: zh("new.create") });
  await waitFor(() => expect(create.hasAttribute("disabled")).toBe(false));
  fireEvent.change(screen.getByRole("textbox", { name: new RegExp(zh("new.vendors")) }), { target: { value: "甲公司\n乙公司" } });
  fireEvent.change(screen.getByRole("textbox", { name: new RegExp(zh("new.raters")) }), { target: { value: "张三, 李四" } });
  const groups = await screen.findByRole("group", { name: zh("new.pairwise") });
  fireEvent.click(within(groups).getByRole("checkbox", { name: zh("new.pairwise.top") }));
  await act(async () => {
    fireEvent.click(create);
  });
  await waitFor(() => expect(modelOf(port).pairwise).toEqual({ groups: [null] }));
  const model = modelOf(port);
  const layout = buildPlan({ tree: model.tree, vendors: model.vendors, options: model.options, createdAt: model.createdAt, raters: model.raters, pairwise: { groups: [null] } }).layout.pairwise as PairwiseLayout;
  expect(layout.sheet).toBe("两两比较");
  const blocks = layout.groups[0].blocks.filter((b) => b.kind === "rater");
  const typed: Record<string, (string | number)[]> = { 张三: [3, "1/3", "0.333", 5, "1/2", 2, 4, 1, "3", 7], 李四: [2, 1, 2, 3, 1, "1/2", 3, 1, 2, 2] };
  for (const b of blocks) b.pairs.forEach((p, i) => port.excel.put(layout.sheet, p.input, [[typed[b.rater as string][i]]]));

  const panel = await openTab(zh("tab.weights"));
  const label = zh("weights.groupTop");
  await act(async () => {
    fireEvent.click(within(panel).getByRole("button", { name: `${zh("pairwise.open")}: ${label}` }));
  });
  const view = await within(panel).findByRole("region", { name: zh("pairwise.title", { group: label }) });
  await act(async () => {
    fireEvent.click(within(view).getByRole("button", { name: zh("pairwise.readSheet") }));
  });
  const sheet = await within(view).findByRole("region", { name: zh("pairwise.sheetTitle") });
  const reading = await port.readPairwise();
  const g = reading?.groups[0];
  expect(g?.ratersCounted).toBe(2);
  for (const rater of ["张三", "李四"]) {
    const row = within(sheet).getByRole("rowheader", { name: rater }).closest("tr") as HTMLElement;
    const r = g?.raters.find((x) => x.rater === rater)?.result;
    expect(row.textContent).toContain(`${Math.round((r?.weights["1"] ?? 0) * 1000) / 10}%`);
  }
  const groupRow = within(sheet).getByRole("rowheader", { name: zh("pairwise.groupRow") }).closest("tr") as HTMLElement;
  expect(groupRow.textContent).toContain(`${Math.round((g?.group?.weights["2"] ?? 0) * 1000) / 10}%`);
  const c = g?.consensus as number;
  const level = zh(c < 0.65 ? "pairwise.consensus.low" : c <= 0.75 ? "pairwise.consensus.moderate" : "pairwise.consensus.high");
  expect(within(sheet).getByText(zh("pairwise.consensus", { value: Math.round(c * 1000) / 10, level, count: 2 }))).toBeTruthy();
  // The sheet's group weights can be used the same way.
  expect(within(sheet).getByRole("button", { name: zh("pairwise.useGroup") }).hasAttribute("disabled")).toBe(false);
});
