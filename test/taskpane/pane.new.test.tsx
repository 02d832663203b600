/** @jest-environment jsdom */
import { enabledButton, hasLabel, renderPane } from "./setup";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createFakePort, officeError } from "../../src/taskpane/fakePort";
import { KNOWN_ERROR_CODES } from "../../src/taskpane/errors";
import { translator } from "../../src/i18n";
import type { CreateWorkbookRequest } from "../../src/port";

const en = translator("en-US");
const zh = translator("zh-CN");

function newPanel(): HTMLElement {
  return screen.getByRole("tabpanel", { name: en("tab.new") });
}

function typeVendors(text: string): void {
  fireEvent.change(screen.getByRole("textbox", { name: /^Vendors/ }), { target: { value: text } });
}

test("outside Excel: demo banner, tabs and the New form, every control labelled", async () => {
  renderPane(createFakePort());
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
  renderPane(createFakePort({ capabilities: { host: "excel", excelApi: ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8"] } }), { demo: false });
  await screen.findByRole("tab", { name: "New" });
  expect(screen.queryByText(en("app.demoBanner"))).toBeNull();
});

test("language switch re-renders in Chinese and back", async () => {
  renderPane(createFakePort());
  const picker = await screen.findByRole("combobox", { name: "Language" });
  fireEvent.change(picker, { target: { value: "zh-CN" } });
  expect(await screen.findByText(zh("app.demoBanner"))).toBeTruthy();
  expect(screen.getByRole("tab", { name: "检查与评分" })).toBeTruthy();
  expect(screen.getByRole("button", { name: zh("new.create") })).toBeTruthy();
  fireEvent.change(screen.getByRole("combobox", { name: "语言" }), { target: { value: "en-US" } });
  expect(await screen.findByRole("button", { name: "Create scorecard" })).toBeTruthy();
});

test("vendor list: count, duplicates and empty names reported; nothing entered is an error", async () => {
  const port = createFakePort();
  renderPane(port);
  fireEvent.click(await enabledButton("Create scorecard"));
  expect(await screen.findByText(en("new.vendors.none"))).toBeTruthy();
  expect(port.calls.filter((c) => c.method === "createWorkbook")).toHaveLength(0);
  typeVendors("Acme\nBeta, acme\n\n ,Gamma");
  expect(screen.getByText("3 vendors · Listed more than once (kept once): Acme · 2 empty names ignored")).toBeTruthy();
});

test("create: request sent with parsed names, progress and cancel shown, success links to the first rating", async () => {
  const port = createFakePort({ delayMs: 5 });
  renderPane(port);
  await enabledButton("Create scorecard");
  typeVendors("Acme\nBeta\nAcme");
  fireEvent.change(screen.getByRole("textbox", { name: /Raters/ }), { target: { value: "Ann, Bob" } });
  fireEvent.change(screen.getByRole("combobox", { name: "Missing ratings" }), { target: { value: "zero" } });
  fireEvent.click(screen.getByRole("button", { name: "Create scorecard" }));
  expect(await screen.findByRole("progressbar")).toBeTruthy();
  expect(screen.getByRole("button", { name: "Cancel" })).toBeTruthy();
  expect(await screen.findByText("Scorecard created: Weights, Ratings, Results.")).toBeTruthy();
  const request = port.calls.find((c) => c.method === "createWorkbook")?.args[0] as CreateWorkbookRequest;
  expect(request).toMatchObject({ vendors: ["Acme", "Beta"], raters: ["Ann", "Bob"], locale: "en-US", missing: "zero" });
  expect(request.tree.roots).toHaveLength(5);
  fireEvent.click(screen.getByRole("button", { name: "Go to the first rating" }));
  await waitFor(() => expect(port.selected).toEqual({ sheet: "Ratings", address: "C2" }));
});

test("the workbook is written in the pane's language", async () => {
  const port = createFakePort();
  renderPane(port, { locale: "zh-CN" });
  fireEvent.change(await screen.findByRole("textbox", { name: /^供应商/ }), { target: { value: "甲，乙" } });
  fireEvent.click(await enabledButton("创建评分卡"));
  expect(await screen.findByText("评分卡已创建：权重, 评分, 结果。")).toBeTruthy();
  expect((port.calls[1].args[0] as CreateWorkbookRequest).locale).toBe("zh-CN");
});

test("cancel aborts the port call and says so", async () => {
  const port = createFakePort({ delayMs: 200 });
  renderPane(port);
  await enabledButton("Create scorecard");
  typeVendors("Acme");
  fireEvent.click(screen.getByRole("button", { name: "Create scorecard" }));
  fireEvent.click(await screen.findByRole("button", { name: "Cancel" }));
  expect(await screen.findByText(en("task.cancelled"))).toBeTruthy();
  await act(() => new Promise((r) => setTimeout(r, 250)));
  expect(port.book).toBeNull();
  expect(screen.queryByRole("progressbar")).toBeNull();
});

const CODES: string[] = [...KNOWN_ERROR_CODES, "SomethingNew"];

describe.each(CODES)("Excel error %s", (code) => {
  test.each([
    ["en-US", en],
    ["zh-CN", zh],
  ] as const)("is shown in plain words with what to do (%s)", async (locale, t) => {
    const port = createFakePort({ failWith: { createWorkbook: officeError(code, "Raw message with stack at x.js:1") } });
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
  const port = createFakePort({ capabilities: { host: "excel", excelApi: ["1.1", "1.2", "1.3"] } });
  renderPane(port, { demo: false });
  const create = await screen.findByRole("button", { name: "Create scorecard" });
  await waitFor(() => expect(create.hasAttribute("disabled") || create.getAttribute("aria-disabled") === "true").toBe(true));
  const note = en("caps.needs", { version: "1.8", highest: "1.3" });
  expect(screen.getByText(note)).toBeTruthy();
  expect(create.getAttribute("aria-describedby")).toBe("create-note");
});

test("capabilities failing is reported, not fatal", async () => {
  renderPane(createFakePort({ failWith: { getCapabilities: officeError("GeneralException") } }));
  expect((await screen.findByRole("alert")).textContent).toContain(en("error.GeneralException"));
  expect(screen.getByRole("button", { name: "Create scorecard" })).toBeTruthy();
});

test("features skipped on an older Excel are listed after creating, in the pane's language", async () => {
  const port = createFakePort({
    createNotes: [
      { code: "data-validation", sheet: "Ratings", version: "1.8" },
      { code: "named-ranges", version: "1.4" },
    ],
  });
  renderPane(port, { locale: "zh-CN" });
  fireEvent.change(await screen.findByRole("textbox", { name: /^供应商/ }), { target: { value: "Acme" } });
  fireEvent.click(await enabledButton(zh("new.create")));
  expect(await screen.findByText(zh("new.notes"))).toBeTruthy();
  expect(screen.getByText(zh("note.item", { what: zh("note.data-validation"), sheet: "Ratings", version: "1.8" }))).toBeTruthy();
  expect(screen.getByText(zh("note.itemWorkbook", { what: zh("note.named-ranges"), version: "1.4" }))).toBeTruthy();
});
