/**
 * Shared helpers for pane tests under jsdom: the few browser APIs Fluent UI expects that jsdom
 * lacks, and a render helper. Import it first in every pane test file.
 */
import { act, fireEvent, render, screen, waitFor, type RenderResult } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import type { UiLocale } from "../../src/i18n";
import type { WorkbookPort } from "../../src/port";
import type { DemoPort } from "../../src/demo";
import type { IndicatorTree } from "../../src/core/model/types";
import { walk } from "../../src/core/model/tree";
import { buildPlan, cell, MODEL_SHEET_NAME, readStoredModel, type CellValue, type StoredModel, type WorkbookPlan } from "../../src/plan";

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as unknown as Record<string, unknown>;
g.ResizeObserver ??= ResizeObserverStub;
if (typeof window !== "undefined" && !window.matchMedia) {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (typeof g.structuredClone !== "function") {
  g.structuredClone = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
}

export function renderPane(port: WorkbookPort, options: { locale?: UiLocale; demo?: boolean } = {}): RenderResult {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App port={port} demo={options.demo ?? true} initialLocale={options.locale ?? "en-US"} />
    </FluentProvider>,
  );
}

/** A button by name, once it is enabled (buttons wait for the host's capabilities). */
export async function enabledButton(name: string | RegExp): Promise<HTMLElement> {
  const button = await screen.findByRole("button", { name });
  await waitFor(() => expect(button.hasAttribute("disabled")).toBe(false));
  return button;
}

/** The accessible label of a form control: <label for>, aria-label or aria-labelledby. */
export function hasLabel(el: HTMLElement): boolean {
  const labels = (el as HTMLInputElement).labels;
  return (labels !== undefined && labels !== null && labels.length > 0) || !!el.getAttribute("aria-label") || !!el.getAttribute("aria-labelledby");
}

/** Opens a tab and waits for its lazily loaded content (the Weights and Check tabs are separate chunks). */
export async function openTab(name: string): Promise<HTMLElement> {
  await act(async () => {
    fireEvent.click(screen.getByRole("tab", { name }));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  const panel = screen.getByRole("tabpanel", { name });
  await waitFor(() => expect(panel.querySelector(":scope > .fui-Spinner")).toBeNull());
  return panel;
}

// The workbook the adapter wrote, in the demo's in-memory Excel: read and typed as a user would.

/** The model the adapter stored on the hidden model sheet. */
export function modelOf(port: DemoPort): StoredModel {
  const sheet = port.excel.sheet(MODEL_SHEET_NAME);
  if (!sheet) throw new Error("no scorecard in the workbook");
  const column: CellValue[] = [];
  for (const [k, c] of sheet.cells) {
    const [row, col] = k.split(",").map(Number);
    if (col === 1) column[row - 1] = c.value ?? null;
  }
  const model = readStoredModel(Array.from(column, (v) => v ?? null));
  if (!model) throw new Error("the model sheet does not hold a model");
  return model;
}

/** The plan of the stored model: where every cell is. */
export function planOf(port: DemoPort): WorkbookPlan {
  const { tree, vendors, options, createdAt, raters } = modelOf(port);
  return buildPlan({ tree, vendors, options, createdAt, ...(raters ? { raters } : {}) });
}

/** The rating cell of a vendor and leaf (on the rater's sheet in a panel). */
export function ratingAt(port: DemoPort, vendor: string, code: string, rater?: string, plan = planOf(port)): { sheet: string; address: string } {
  const { layout } = plan;
  const sheet = rater === undefined ? layout.sheetNames.ratings : layout.panel?.raters.find((r) => r.name === rater)?.sheet;
  const row = layout.ratings.rows.find((r) => r.code === code)?.row;
  const col = layout.ratings.firstCol + layout.ratings.vendors.indexOf(vendor);
  if (sheet === undefined || row === undefined || col < layout.ratings.firstCol) throw new Error(`no rating cell for ${vendor} ${code} ${rater ?? ""}`);
  return { sheet, address: cell(row, col) };
}

/** What a rating cell holds (null when blank). */
export function valueAt(port: DemoPort, vendor: string, code: string, rater?: string): CellValue {
  const at = ratingAt(port, vendor, code, rater);
  return port.excel.cell(at.sheet, at.address)?.value ?? null;
}

/** Types into a rating cell, as a user would in Excel. */
export function typeRating(port: DemoPort, vendor: string, code: string, value: string | number, rater?: string): void {
  typeRatings(port, [[vendor, code, value, rater]]);
}

/** Types into many rating cells: [vendor, code, value, rater?] each. */
export function typeRatings(port: DemoPort, entries: [string, string, string | number, string?][]): void {
  const plan = planOf(port);
  for (const [vendor, code, value, rater] of entries) {
    const at = ratingAt(port, vendor, code, rater, plan);
    port.excel.put(at.sheet, at.address, [[value]]);
  }
}

/** Types every weight of `tree` into the Weights sheet. */
export function typeWeights(port: DemoPort, tree: IndicatorTree): void {
  const { layout } = planOf(port);
  const rowOf = new Map(layout.weights.rows.map((r) => [r.code, r.row]));
  walk(tree, ({ node }) => port.excel.put(layout.sheetNames.weights as string, `${layout.weights.weightColumn}${rowOf.get(node.code)}`, [[node.weight]]));
}

/** A Moderation cell (consensus or reason) of a vendor and leaf. */
export function moderationAt(port: DemoPort, vendor: string, code: string, which: "consensus" | "reason"): { sheet: string; address: string } {
  const M = planOf(port).layout.panel?.moderation;
  const row = M?.rows.find((r) => r.vendor === vendor && r.code === code)?.row;
  if (!M || row === undefined) throw new Error(`no Moderation row for ${vendor} ${code}`);
  return { sheet: M.sheet, address: cell(row, M.columns[which]) };
}
