/** @jest-environment jsdom */
/**
 * The Import tab with a reason column (issue #14): the preview says how many reasons the file
 * carries, the import writes them beside their ratings, and the done message counts them; both
 * languages.
 */
import { enabledButton, openTab, planOf, renderPane, valueAt } from "./setup";
import { act, fireEvent, within } from "@testing-library/react";
import { createDemoPort, type DemoPort } from "../../src/demo";
import { publishedTree } from "../../src/taskpane/standard";
import { translator } from "../../src/i18n";
import { cell } from "../../src/plan";
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";

const en = translator("en-US");
const zh = translator("zh-CN");
const re = (s: string): RegExp => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));

beforeAll(() => {
  const g = globalThis as unknown as Record<string, unknown>;
  g.TextDecoder ??= NodeTextDecoder;
  g.TextEncoder ??= NodeTextEncoder;
  URL.createObjectURL = (): string => "blob:report";
  URL.revokeObjectURL = (): void => undefined;
});

async function portWithScorecard(locale: "en-US" | "zh-CN"): Promise<DemoPort> {
  const port = createDemoPort({ now: () => new Date("2026-11-25T10:00:00Z") });
  await port.createWorkbook({ tree: publishedTree(), vendors: ["Acme", "Beta"], raters: [], locale, missing: "exclude" });
  return port;
}

/** What a vendor's notes-grid cell holds for a leaf (null when blank), with its number format. */
function reasonAt(port: DemoPort, vendor: string, code: string): { value: unknown; numberFormat?: string } {
  const { layout } = planOf(port);
  const notes = layout.ratings.notes;
  const row = layout.ratings.rows.find((r) => r.code === code)?.row;
  if (!notes || row === undefined) throw new Error("no notes grid");
  const c = port.excel.cell(layout.sheetNames.ratings as string, cell(row, notes.firstCol + layout.ratings.vendors.indexOf(vendor)));
  return { value: c?.value ?? null, numberFormat: c?.numberFormat };
}

async function paste(panel: HTMLElement, text: string, t: typeof en): Promise<void> {
  fireEvent.change(within(panel).getByRole("textbox", { name: t("import.paste") }), { target: { value: text } });
  await act(async () => {
    fireEvent.click(await enabledButton(t("import.readPaste")));
  });
  await within(panel).findByText(t("import.preview"), { selector: "span" });
}

test.each([
  ["en-US", en, "Vendor,Indicator,Score,Reason"],
  ["zh-CN", zh, "供应商,指标,得分,评分理由"],
] as const)("%s: the preview counts the file's reasons; the import writes them beside the ratings and says so", async (locale, t, header) => {
  const port = await portWithScorecard(locale);
  renderPane(port, { locale });
  const panel = await openTab(t("tab.import"));
  await paste(panel, `${header}\nAcme,1.1,80,=1+1 is the setup cost\nBeta,1.2,70,\nBeta,1.3,60,稳定 stable\n`, t);
  expect(within(panel).getByText(t("import.reasons", { count: 2 }))).toBeTruthy();
  await act(async () => {
    fireEvent.click(within(panel).getByRole("button", { name: t("import.write", { count: 3 }) }));
  });
  expect(await within(panel).findByText(re(t("import.doneReasons", { added: 2, overwritten: 0, kept: 0 })))).toBeTruthy();
  expect(within(panel).getByText(re(t("import.done", { added: 3, overwritten: 0, kept: 0 })))).toBeTruthy();
  expect(valueAt(port, "Acme", "1.1")).toBe(80);
  expect(reasonAt(port, "Acme", "1.1")).toEqual({ value: "=1+1 is the setup cost", numberFormat: "@" });
  expect(reasonAt(port, "Beta", "1.3").value).toBe("稳定 stable");
  expect(reasonAt(port, "Beta", "1.2").value).toBeNull();

  // A reason edited since is left; undo says so and names it as a reason, the others are set back.
  const { layout } = planOf(port);
  const row = layout.ratings.rows.find((r) => r.code === "1.3")?.row as number;
  const notesCol = (layout.ratings.notes?.firstCol as number) + 1;
  port.excel.put(layout.sheetNames.ratings as string, cell(row, notesCol), [["my own words"]]);
  await act(async () => {
    fireEvent.click(within(panel).getByRole("button", { name: t("import.history.show") }));
  });
  const undo = await within(panel).findByRole("button", { name: t("import.undo") });
  await act(async () => {
    fireEvent.click(undo);
  });
  const message = await within(panel).findByText(re(t("import.undone", { restored: 3 })));
  expect(message.textContent).toContain(t("import.undoneNotes", { count: 1 }));
  expect(message.textContent).toContain(t("import.undoneNotesChanged", { count: 1 }));
  expect(message.textContent).toContain(`Beta · 1.3${t("import.undoneCellNote")}`);
  expect(reasonAt(port, "Acme", "1.1").value).toBeNull();
  expect(reasonAt(port, "Beta", "1.3").value).toBe("my own words");
});

test("a file without a reason column: no reason line in the preview or the done message", async () => {
  const port = await portWithScorecard("en-US");
  renderPane(port);
  const panel = await openTab(en("tab.import"));
  await paste(panel, "Vendor,Indicator,Score\nAcme,1.1,80\n", en);
  expect(within(panel).queryByText(re(en("import.reasons", { count: 0 }).split(":")[0]))).toBeNull();
  await act(async () => {
    fireEvent.click(within(panel).getByRole("button", { name: en("import.write", { count: 1 }) }));
  });
  await within(panel).findByText(re(en("import.done", { added: 1, overwritten: 0, kept: 0 })));
  expect(within(panel).queryByText(re(en("import.doneReasons", { added: 0, overwritten: 0, kept: 0 }).split(":")[0]))).toBeNull();
});

test("only reasons are new (the ratings are already there): the import is offered and writes them", async () => {
  const port = await portWithScorecard("en-US");
  renderPane(port);
  const panel = await openTab(en("tab.import"));
  await paste(panel, "Vendor,Indicator,Score\nAcme,1.1,80\n", en);
  await act(async () => {
    fireEvent.click(within(panel).getByRole("button", { name: en("import.write", { count: 1 }) }));
  });
  await within(panel).findByText(re(en("import.done", { added: 1, overwritten: 0, kept: 0 })));
  await paste(panel, "Vendor,Indicator,Score,Comment\nAcme,1.1,80,measured in the pilot\n", en);
  expect(within(panel).getByText(en("import.reasons", { count: 1 }))).toBeTruthy();
  await act(async () => {
    fireEvent.click(within(panel).getByRole("button", { name: en("import.writeReasons", { count: 1 }) }));
  });
  expect(await within(panel).findByText(re(en("import.doneReasons", { added: 1, overwritten: 0, kept: 0 })))).toBeTruthy();
  expect(reasonAt(port, "Acme", "1.1").value).toBe("measured in the pilot");
});
