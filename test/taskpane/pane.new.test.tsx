/** @jest-environment jsdom */
import { enabledButton, hasLabel, modelOf, renderPane } from "./setup";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createDemoPort, officeError } from "../../src/demo";
import { KNOWN_ERROR_CODES } from "../../src/taskpane/errors";
import { translator } from "../../src/i18n";

const UP_TO_1_8 = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8"];

const en = translator("en-US");
const zh = translator("zh-CN");

function newPanel(): HTMLElement {
  return screen.getByRole("tabpanel", { name: en("tab.new") });
}

function typeVendors(text: string): void {
  fireEvent.change(screen.getByRole("textbox", { name: /^Vendors/ }), { target: { value: text } });
}

test("outside Excel: demo banner, tabs and the New form, every control labelled", async () => {
  renderPane(createDemoPort());
  expect(await screen.findByText(en("app.demoBanner"))).toBeTruthy();
  expect(screen.getAllByRole("tab").map((t) => t.getAttribute("aria-selected"))).toEqual(["true", "false", "false", "false", "false"]);
  for (const name of ["New", "Weights", "Check & score", "Import", "Panel"]) expect(screen.getByRole("tab", { name })).toBeTruthy();
  const panel = newPanel();
  const controls = [...within(panel).getAllByRole("textbox"), ...within(panel).getAllByRole("combobox"), ...screen.getAllByRole("combobox")];
  expect(controls.filter((el) => !hasLabel(el))).toEqual([]);
  expect(within(panel).getByRole("combobox", { name: "Indicator standard" })).toBeTruthy();
  expect(within(panel).getByRole("combobox", { name: "Missing ratings" })).toBeTruthy();
  expect(within(panel).getByRole("textbox", { name: /Raters \(optional\)/ })).toBeTruthy();
  expect(within(panel).getByText(/49 indicators in 5 dimensions/)).toBeTruthy();
  // The published standard's wrong sums are said up front.
  expect(within(panel).getByText(/2 weight groups don't add up to 100%/)).toBeTruthy();
});

test("no banner when the port is real", async () => {
  renderPane(createDemoPort({ excelApi: UP_TO_1_8, asExcel: true }), { demo: false });
  await screen.findByRole("tab", { name: "New" });
  expect(screen.queryByText(en("app.demoBanner"))).toBeNull();
});

test("language switch re-renders in Chinese and back", async () => {
  renderPane(createDemoPort());
  const picker = await screen.findByRole("combobox", { name: "Language" });
  fireEvent.change(picker, { target: { value: "zh-CN" } });
  expect(await screen.findByText(zh("app.demoBanner"))).toBeTruthy();
  expect(screen.getByRole("tab", { name: "检查与评分" })).toBeTruthy();
  expect(screen.getByRole("button", { name: zh("new.create") })).toBeTruthy();
  fireEvent.change(screen.getByRole("combobox", { name: "语言" }), { target: { value: "en-US" } });
  expect(await screen.findByRole("button", { name: "Create scorecard" })).toBeTruthy();
});

test("vendor list: count, duplicates and empty names reported; nothing entered is an error", async () => {
  const port = createDemoPort();
  renderPane(port);
  fireEvent.click(await enabledButton("Create scorecard"));
  expect(await screen.findByText(en("new.vendors.none"))).toBeTruthy();
  expect(port.excel.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  typeVendors("Acme\nBeta, acme\n\n ,Gamma");
  expect(screen.getByText("3 vendors · Listed more than once (kept once): Acme · 2 empty names ignored")).toBeTruthy();
});

test("create: request sent with parsed names, progress and cancel shown, success links to the first rating", async () => {
  const port = createDemoPort({ delayMs: 20 });
  renderPane(port);
  await enabledButton("Create scorecard");
  typeVendors("Acme\nBeta\nAcme");
  fireEvent.change(screen.getByRole("textbox", { name: /Raters/ }), { target: { value: "Ann, Bob" } });
  fireEvent.change(screen.getByRole("combobox", { name: "Missing ratings" }), { target: { value: "zero" } });
  fireEvent.click(screen.getByRole("button", { name: "Create scorecard" }));
  expect(await screen.findByRole("progressbar")).toBeTruthy();
  expect(screen.getByRole("button", { name: "Cancel" })).toBeTruthy();
  expect(await screen.findByText(`Scorecard created: Ratings - Ann, Ratings - Bob, Consolidated, Moderation, Weights, Results, Charts, Method.`)).toBeTruthy();
  const model = modelOf(port);
  expect(model).toMatchObject({ vendors: ["Acme", "Beta"], raters: ["Ann", "Bob"], options: { locale: "en-US", missing: "zero" } });
  expect(model.tree.roots).toHaveLength(5);
  expect(port.excel.cell("Ratings - Bob", "E3")?.value).toBe("Beta");
  fireEvent.click(screen.getByRole("button", { name: "Go to the first rating" }));
  await waitFor(() => expect(port.excel.selection).toEqual({ sheet: "Ratings - Ann", address: "D5" }));
});

test("the workbook is written in the pane's language", async () => {
  const port = createDemoPort();
  renderPane(port, { locale: "zh-CN" });
  fireEvent.change(await screen.findByRole("textbox", { name: /^供应商/ }), { target: { value: "甲，乙" } });
  fireEvent.click(await enabledButton("创建评分卡"));
  expect(await screen.findByText(`评分卡已创建：评分, 权重, 结果, 图表, 方法说明。`)).toBeTruthy();
  expect(modelOf(port).options.locale).toBe("zh-CN");
  expect(port.excel.cell("评分", "D3")?.value).toBe("甲");
});

test("cancel aborts the port call and says so", async () => {
  const port = createDemoPort({ delayMs: 200 });
  renderPane(port);
  await enabledButton("Create scorecard");
  typeVendors("Acme");
  fireEvent.click(screen.getByRole("button", { name: "Create scorecard" }));
  fireEvent.click(await screen.findByRole("button", { name: "Cancel" }));
  expect(await screen.findByText(en("task.cancelled"))).toBeTruthy();
  await act(() => new Promise((r) => setTimeout(r, 250)));
  expect(port.excel.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  expect(screen.queryByRole("progressbar")).toBeNull();
});

const CODES: string[] = [...KNOWN_ERROR_CODES, "SomethingNew"];

describe.each(CODES)("Excel error %s", (code) => {
  test.each([
    ["en-US", en],
    ["zh-CN", zh],
  ] as const)("is shown in plain words with what to do (%s)", async (locale, t) => {
    const port = createDemoPort({ failWith: { createWorkbook: officeError(code, "Raw message with stack at x.js:1") } });
    renderPane(port, { locale });
    fireEvent.change(await screen.findByRole("textbox", { name: new RegExp(`^${t("new.vendors")}`) }), { target: { value: "Acme" } });
    fireEvent.click(await enabledButton(t("new.create")));
    const alert = await screen.findByRole("alert");
    const key = code === "SomethingNew" ? "unknown" : code;
    expect(alert.textContent).toContain(t(`error.${key}` as "error.unknown"));
    expect(alert.textContent).toContain(t(`error.${key}.action` as "error.unknown.action"));
    expect(alert.textContent).toContain(t("error.code", { code }));
    expect(alert.textContent).not.toMatch(/Raw message|x\.js/);
    fireEvent.click(within(alert).getByRole("button", { name: t("error.dismiss") }));
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
  });
});

test("an old Excel: features needing newer ExcelApi sets are disabled with the reason", async () => {
  const port = createDemoPort({ excelApi: ["1.1", "1.2", "1.3"], asExcel: true });
  renderPane(port, { demo: false });
  const create = await screen.findByRole("button", { name: "Create scorecard" });
  await waitFor(() => expect(create.hasAttribute("disabled") || create.getAttribute("aria-disabled") === "true").toBe(true));
  const note = en("caps.needs", { version: "1.8", highest: "1.3" });
  expect(screen.getByText(note)).toBeTruthy();
  expect(create.getAttribute("aria-describedby")).toBe("create-note");
});

test("capabilities failing is reported, not fatal", async () => {
  renderPane(createDemoPort({ failWith: { getCapabilities: officeError("GeneralException") } }));
  expect((await screen.findByRole("alert")).textContent).toContain(en("error.GeneralException"));
  expect(screen.getByRole("button", { name: "Create scorecard" })).toBeTruthy();
});

test("features skipped on an older Excel are listed after creating, in the pane's language", async () => {
  const port = createDemoPort({ excelApi: UP_TO_1_8 });
  renderPane(port, { locale: "zh-CN" });
  fireEvent.change(await screen.findByRole("textbox", { name: /^供应商/ }), { target: { value: "Acme" } });
  fireEvent.click(await enabledButton(zh("new.create")));
  expect(await screen.findByText(zh("new.notes"))).toBeTruthy();
  expect(screen.getByText(zh("note.item", { what: zh("note.indent"), sheet: "评分", version: "1.9" }))).toBeTruthy();
  expect(screen.getByText(zh("note.item", { what: zh("note.row-outline"), sheet: "评分", version: "1.10" }))).toBeTruthy();
  expect(screen.getByText(zh("note.item", { what: zh("note.indent"), sheet: "权重", version: "1.9" }))).toBeTruthy();
});
