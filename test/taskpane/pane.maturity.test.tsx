/** @jest-environment jsdom */
import { enabledButton, hasLabel, modelOf, openTab, renderPane } from "./setup";
import { rebuildPlan } from "../../src/excel/readBack";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createDemoPort } from "../../src/demo";
import { translator } from "../../src/i18n";
import { assessMaturity, defaultMaturityModel } from "../../src/core/maturity";

const en = translator("en-US");
const zh = translator("zh-CN");
/** Creating a workbook takes a few seconds on a busy machine. */
const SLOW = { timeout: 15000 };

function typeVendors(name: RegExp, text: string): void {
  fireEvent.change(screen.getByRole("textbox", { name }), { target: { value: text } });
}

test("New tab: no Maturity sheet unless asked; the choice is labelled and listed in both languages", async () => {
  const port = createDemoPort();
  renderPane(port);
  const panel = screen.getByRole("tabpanel", { name: en("tab.new") });
  const select = within(panel).getByRole("combobox", { name: en("new.maturity") });
  expect(hasLabel(select)).toBe(true);
  expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual(["None", "Marketing", "Training", "Marketing and training"]);
  typeVendors(/^Vendors/, "Acme, Beta");
  fireEvent.click(await enabledButton(en("new.create")));
  await screen.findByText(/Scorecard created/, {}, SLOW);
  expect(port.excel.sheets.some((s) => s.name.startsWith("Maturity"))).toBe(false);
  expect(modelOf(port).maturity).toBeUndefined();
});

test("New tab: \"Marketing and training\" adds both Maturity sheets after Charts; the model records them", async () => {
  const port = createDemoPort();
  renderPane(port);
  fireEvent.change(await screen.findByRole("combobox", { name: en("new.maturity") }), { target: { value: "both" } });
  typeVendors(/^Vendors/, "Acme, Beta");
  fireEvent.click(await enabledButton(en("new.create")));
  await screen.findByText(/Scorecard created: .*Maturity \(Marketing\), Maturity \(Training\)/, {}, SLOW);
  const names = port.excel.sheets.map((s) => s.name);
  expect(names.indexOf("Maturity (Marketing)")).toBe(names.indexOf("Charts") + 1);
  expect(names.indexOf("Maturity (Training)")).toBe(names.indexOf("Charts") + 2);
  expect(modelOf(port).maturity).toEqual({ scenarios: ["marketing", "training"] });
  expect(port.excel.cell("Maturity (Marketing)", "B5")?.value).toBe("Starting out");
  expect(port.excel.cell("Maturity (Marketing)", "C18")?.formula ?? port.excel.cell("Maturity (Marketing)", "C18")?.value).toMatch(/^=IF\(.*INT\(MEDIAN\(/);
});

test("in Chinese: the option and the sheet are Chinese", async () => {
  const port = createDemoPort();
  renderPane(port, { locale: "zh-CN" });
  const select = await screen.findByRole("combobox", { name: zh("new.maturity") });
  expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual(["不添加", "营销", "培训", "营销与培训"]);
  fireEvent.change(select, { target: { value: "training" } });
  typeVendors(new RegExp(`^${zh("new.vendors")}`), "甲公司\n乙公司");
  fireEvent.click(await enabledButton(zh("new.create")));
  await waitFor(() => expect(port.excel.sheets.map((s) => s.name)).toContain("成熟度（培训）"), SLOW);
  expect(port.excel.cell("成熟度（培训）", "B5")?.value).toBe("懵懂起步");
  expect(modelOf(port).maturity).toEqual({ scenarios: ["training"] });
});

test("re-creating a workbook that has Maturity sheets replaces them instead of stopping at a name clash", async () => {
  const port = createDemoPort();
  renderPane(port);
  const select = await screen.findByRole("combobox", { name: en("new.maturity") });
  fireEvent.change(select, { target: { value: "marketing" } });
  typeVendors(/^Vendors/, "Acme, Beta");
  fireEvent.click(await enabledButton(en("new.create")));
  await screen.findByText(/Scorecard created: .*Maturity \(Marketing\)/, {}, SLOW);
  typeVendors(/^Vendors/, "Acme, Beta, Gamma");
  fireEvent.click(await enabledButton(en("new.create")));
  await waitFor(() => expect(modelOf(port).vendors).toEqual(["Acme", "Beta", "Gamma"]), SLOW);
  expect(port.excel.sheets.filter((s) => s.name === "Maturity (Marketing)")).toHaveLength(1);
  expect(modelOf(port).maturity).toEqual({ scenarios: ["marketing"] });
});

// Marks as a user types them in Excel: names from the drop-down, a stage number, something else.
const MARKS_EN = { today: ["Early stage", 2, "Gaining ground", "Early stage", "Starting out", "not sure"], aim: ["Maturing", 4, 5, null, "Maturing", null] };

function typeMarks(port: ReturnType<typeof createDemoPort>, marks: { today: unknown[]; aim: unknown[] }, index = 0): { sheet: string; cells: string[] } {
  const l = rebuildPlan(modelOf(port)).layout.maturity?.[index];
  if (!l) throw new Error("no Maturity sheet");
  const cells = [...l.today, ...l.aim];
  [...marks.today, ...marks.aim].forEach((v, i) => port.excel.put(l.sheet, cells[i], [[v as string | number | null]]));
  return { sheet: l.sheet, cells };
}

test("re-creating with “None” keeps the sheet and every mark (the hint says so); leaving out a marked scenario is refused, naming the sheet; Weights → Maturity self-assessment reads it and suggests (never applies) the indicators, each selectable", async () => {
  const port = createDemoPort();
  renderPane(port);
  const panel = screen.getByRole("tabpanel", { name: en("tab.new") });
  expect(within(panel).getByText(/Re-creating with “None” keeps the workbook's Maturity sheets and their marks/)).toBeTruthy();
  expect(await within(panel).findByText(/Re-creating with none ticked keeps the workbook's groups and their judgements/, {}, SLOW)).toBeTruthy();
  fireEvent.change(await screen.findByRole("combobox", { name: en("new.maturity") }), { target: { value: "marketing" } });
  typeVendors(/^Vendors/, "Acme, Beta");
  fireEvent.click(await enabledButton(en("new.create")));
  await screen.findByText(/Scorecard created: .*Maturity \(Marketing\)/, {}, SLOW);
  const { sheet, cells } = typeMarks(port, MARKS_EN);
  const typed = (): unknown[] => cells.map((a) => port.excel.cell(sheet, a)?.value ?? null);

  // "None" on a re-create: the sheet and its marks stay (the stage number 2 now shows as its name).
  fireEvent.change(screen.getByRole("combobox", { name: en("new.maturity") }), { target: { value: "none" } });
  typeVendors(/^Vendors/, "Acme, Beta, Gamma");
  fireEvent.click(await enabledButton(en("new.create")));
  await waitFor(() => expect(modelOf(port).vendors).toEqual(["Acme", "Beta", "Gamma"]), SLOW);
  expect(modelOf(port).maturity).toEqual({ scenarios: ["marketing"] });
  expect(typed()).toEqual(["Early stage", "Early stage", "Gaining ground", "Early stage", "Starting out", "not sure", "Maturing", "Maturing", "Fully connected system", null, "Maturing", null]);

  // Training only would drop the marked Marketing sheet: refused, the sheet named, nothing changed.
  const before = typed();
  fireEvent.change(screen.getByRole("combobox", { name: en("new.maturity") }), { target: { value: "training" } });
  fireEvent.click(await enabledButton(en("new.create")));
  const alert = await screen.findByRole("alert", {}, SLOW);
  expect(alert.textContent).toContain(en("error.ScorecardMaturityRemoved", { sheet: "Maturity (Marketing)", count: 10 }));
  expect(alert.textContent).toContain(`Maturity (Marketing)!${cells[0]}`);
  expect(typed()).toEqual(before);
  expect(port.excel.sheets.some((s) => s.name === "Maturity (Training)")).toBe(false);

  // Weights → Maturity self-assessment: read on opening.
  const weights = await openTab(en("tab.weights"));
  fireEvent.click(within(weights).getByRole("button", { name: en("maturity.open") }));
  const view = await within(weights).findByRole("region", { name: en("maturity.title") }, SLOW);
  const scenario = await within(view).findByRole("region", { name: "Marketing — Maturity (Marketing)" }, SLOW);
  expect(within(scenario).getByText(/“not sure” is not a stage/)).toBeTruthy();
  expect(within(scenario).getByText("Today: stage 2, Early stage (5 of 6 marked; the median, rounded down).")).toBeTruthy();
  expect(within(scenario).getByText("In 2–3 years: stage 4, Maturing (4 of 6 marked).")).toBeTruthy();
  expect(within(scenario).getByText(en("maturity.peersBelow", { share: 63 }))).toBeTruthy();
  const list = within(scenario).getByRole("list", { name: en("maturity.suggest") });
  const links = within(list).getAllByRole("button").map((b) => b.textContent);
  expect(links).toContain("5.1.1 Open APIs");
  // A suggestion only: the tree is as it was until the user changes a weight.
  expect(within(weights).queryByText(en("weights.changed"))).toBeNull();
  fireEvent.click(within(list).getByRole("button", { name: "5.1.1 Open APIs" }));
  expect(await within(weights).findByRole("region", { name: en("weights.editor", { code: "5.1.1" }) })).toBeTruthy();
}, 60000);

test("zh-CN: the Maturity self-assessment in Chinese (stages, suggestion, a workbook without the sheet)", async () => {
  const port = createDemoPort();
  renderPane(port, { locale: "zh-CN" });
  typeVendors(new RegExp(`^${zh("new.vendors")}`), "甲公司\n乙公司");
  fireEvent.click(await enabledButton(zh("new.create")));
  await waitFor(() => expect(modelOf(port).vendors).toEqual(["甲公司", "乙公司"]), SLOW);
  let weights = await openTab(zh("tab.weights"));
  fireEvent.click(within(weights).getByRole("button", { name: zh("maturity.open") }));
  expect(await within(weights).findByText(zh("maturity.none"), {}, SLOW)).toBeTruthy();

  const newTab = await openTab(zh("tab.new"));
  fireEvent.change(within(newTab).getByRole("combobox", { name: zh("new.maturity") }), { target: { value: "training" } });
  fireEvent.click(await enabledButton(zh("new.create")));
  await waitFor(() => expect(modelOf(port).maturity).toEqual({ scenarios: ["training"] }), SLOW);
  typeMarks(port, { today: ["懵懂起步", "懵懂起步", 2, null, null, null], aim: [3, 3, "小有建树", 3, 3, 3] });
  weights = await openTab(zh("tab.weights"));
  fireEvent.click(within(weights).getByRole("button", { name: zh("maturity.read") }));
  const scenario = await within(weights).findByRole("region", { name: "培训 — 成熟度（培训）" }, SLOW);
  expect(within(scenario).getByText("目前：第 1 阶段「懵懂起步」（已标注 3/6 项；取中位数并向下取整）。")).toBeTruthy();
  expect(within(scenario).getByText("2–3 年内：第 3 阶段「小有建树」（已标注 6/6 项）。")).toBeTruthy();
  expect(within(scenario).getByText(zh("maturity.suggest"))).toBeTruthy();
  expect(within(scenario).getByText(zh("maturity.platform"))).toBeTruthy();
}, 60000);

test("Maturity self-assessment: pick stages (a non-stage mark shown as typed, with the warning), save to the sheet, the assessment shown is assessMaturity's and the cells hold the stage names", async () => {
  const port = createDemoPort();
  renderPane(port);
  fireEvent.change(await screen.findByRole("combobox", { name: en("new.maturity") }), { target: { value: "marketing" } });
  typeVendors(/^Vendors/, "Acme, Beta");
  fireEvent.click(await enabledButton(en("new.create")));
  await screen.findByText(/Scorecard created: .*Maturity \(Marketing\)/, {}, SLOW);
  const { sheet, cells } = typeMarks(port, { today: ["not sure", 2, null, null, null, null], aim: [null, null, null, null, null, null] });
  const weights = await openTab(en("tab.weights"));
  fireEvent.click(within(weights).getByRole("button", { name: en("maturity.open") }));
  let scenario = await within(weights).findByRole("region", { name: "Marketing — Maturity (Marketing)" }, SLOW);
  const model = defaultMaturityModel();
  const chars = model.characteristics.map((c) => c.name["en-US"]);
  const names = (model.scenarios.find((s) => s.key === "marketing")?.stages ?? []).map((s) => s.name["en-US"]);
  const pick = (i: number, col: "today" | "aim"): HTMLSelectElement => within(scenario).getByRole("combobox", { name: `${chars[i]} — ${en(`maturity.${col}`)}` }) as HTMLSelectElement;
  expect(pick(0, "today").value).toBe("typed");
  expect(within(pick(0, "today")).getAllByRole("option").map((o) => o.textContent)).toEqual([en("maturity.notMarked"), "not sure", ...names]);
  expect(within(scenario).getByText(new RegExp(en("maturity.replaced").replace(/[()]/g, ".")))).toBeTruthy();
  expect(pick(1, "today").value).toBe("2");
  // Nothing written until saved.
  expect(port.excel.cell(sheet, cells[0])?.value).toBe("not sure");
  const today = [3, 2, 2, 1, 3, 4];
  const aim = [4, 4, 5, 4, null, 3];
  today.forEach((k, i) => fireEvent.change(pick(i, "today"), { target: { value: String(k) } }));
  aim.forEach((k, i) => fireEvent.change(pick(i, "aim"), { target: { value: k === null ? "" : String(k) } }));
  fireEvent.click(within(scenario).getByRole("button", { name: en("maturity.save") }));
  await waitFor(() => expect(port.excel.cell(sheet, cells[0])?.value).toBe(names[2]), SLOW);
  // The cells hold the stage names (the 2 typed by hand already read as stage 2: left as typed).
  expect(cells.map((a) => port.excel.cell(sheet, a)?.value ?? null)).toEqual([names[2], 2, names[1], names[0], names[2], names[3], names[3], names[3], names[4], names[3], null, names[2]]);
  scenario = await within(weights).findByRole("region", { name: "Marketing — Maturity (Marketing)" }, SLOW);
  const a = assessMaturity(model, "marketing", { today, aim }, modelOf(port).tree);
  const stage = (k: number | null): string => (k === null ? "—" : en("maturity.stage", { n: k, name: names[k - 1] }));
  expect(await within(scenario).findByText(en("maturity.current", { stage: stage(a.current), marked: a.markedToday, of: 6 }), {}, SLOW)).toBeTruthy();
  expect(within(scenario).getByText(en("maturity.target", { stage: stage(a.target), marked: a.markedAim, of: 6 }))).toBeTruthy();
  const list = within(scenario).getByRole("list", { name: en("maturity.suggest") });
  expect(within(list).getAllByRole("listitem")).toHaveLength(a.indicators.length);
  expect(pick(0, "today").value).toBe("3");
}, 60000);
