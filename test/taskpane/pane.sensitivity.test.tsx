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

describe("New tab: the Sensitivity sheet", () => {
  test("none unless asked; \"Add\" creates it and the model records it (en-US)", async () => {
    const port = createDemoPort();
    renderPane(port);
    const panel = screen.getByRole("tabpanel", { name: en("tab.new") });
    const select = within(panel).getByRole("combobox", { name: en("new.sensitivity") });
    expect(hasLabel(select)).toBe(true);
    expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual(["None", "Add the Sensitivity sheet"]);
    typeVendors(/^Vendors/, "Acme, Beta");
    fireEvent.click(await enabledButton(en("new.create")));
    await screen.findByText(/Scorecard created/, {}, SLOW);
    expect(port.excel.sheets.map((s) => s.name)).not.toContain("Sensitivity");
    expect(modelOf(port).sensitivity).toBeUndefined();
    fireEvent.change(select, { target: { value: "add" } });
    fireEvent.click(await enabledButton(en("new.create")));
    await waitFor(() => expect(port.excel.sheets.map((s) => s.name)).toContain("Sensitivity"), SLOW);
    expect(modelOf(port).sensitivity).toBe(true);
    // Re-creating with "None" keeps it, as the hint says.
    fireEvent.change(select, { target: { value: "none" } });
    typeVendors(/^Vendors/, "Acme, Beta, Gamma");
    fireEvent.click(await enabledButton(en("new.create")));
    await waitFor(() => expect(modelOf(port).vendors).toEqual(["Acme", "Beta", "Gamma"]), SLOW);
    expect(port.excel.sheets.map((s) => s.name)).toContain("Sensitivity");
  });

  test("in Chinese: the option and the sheet are Chinese", async () => {
    const port = createDemoPort();
    renderPane(port, { locale: "zh-CN" });
    const select = await screen.findByRole("combobox", { name: zh("new.sensitivity") });
    expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual(["不添加", "添加敏感性工作表"]);
    fireEvent.change(select, { target: { value: "add" } });
    typeVendors(new RegExp(`^${zh("new.vendors")}`), "甲公司\n乙公司");
    fireEvent.click(await enabledButton(zh("new.create")));
    await waitFor(() => expect(port.excel.sheets.map((s) => s.name)).toContain("敏感性"), SLOW);
    expect(port.excel.cell("敏感性", "A1")?.value).toBe("第一名有多稳？");
  });
});
