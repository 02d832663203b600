/** @jest-environment jsdom */
import { enabledButton, hasLabel, modelOf, renderPane } from "./setup";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createDemoPort } from "../../src/demo";
import { translator } from "../../src/i18n";

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
