import type { CellStyle, FormatPlan, StyleKey } from "../plan";
import { estimate } from "./batch";
import { dims, fill } from "./address";

const H = { left: "Left", center: "Center", right: "Right" } as const;
const V = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

type Edge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

function edges(rows: number, cols: number): Edge[] {
  const out: Edge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
  if (rows > 1) out.push("InsideHorizontal");
  if (cols > 1) out.push("InsideVertical");
  return out;
}

/** A thin border on every edge of every cell of the range. */
export function applyBorders(range: Excel.Range, color: string, rows: number, cols: number): void {
  for (const edge of edges(rows, cols)) {
    const b = range.format.borders.getItem(edge);
    b.style = "Continuous";
    b.weight = "Thin";
    b.color = color;
  }
}

export function bordersBytes(address: string, color: string): number {
  const { rows, cols } = dims(address);
  return estimate(4 * edges(rows, cols).length, [address, color]);
}

export function applyStyle(range: Excel.Range, style: CellStyle, rows: number, cols: number, noBorder = false): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.fontColor !== undefined) f.font.color = style.fontColor;
  if (style.fill !== undefined) f.fill.color = style.fill;
  if (style.horizontal !== undefined) f.horizontalAlignment = H[style.horizontal];
  if (style.vertical !== undefined) f.verticalAlignment = V[style.vertical];
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.border !== undefined && !noBorder) applyBorders(range, style.border, rows, cols);
}

function styleActions(style: CellStyle, rows: number, cols: number, noBorder: boolean): number {
  const props = Object.keys(style).filter((k) => k !== "border").length;
  return props + (style.border !== undefined && !noBorder ? 4 * edges(rows, cols).length : 0);
}

export interface FormatSupport {
  /** RangeFormat.indentLevel is ExcelApi 1.9. */
  indent: boolean;
}

/**
 * Applies one FormatPlan to one of its ranges. Number formats are written as a full 2-D array.
 * `noBorder`: the style's border is drawn elsewhere (see formatMerge.ts).
 */
export function applyFormat(range: Excel.Range, address: string, plan: FormatPlan, styles: Record<StyleKey, CellStyle>, support: FormatSupport, noBorder = false): void {
  const { rows, cols } = dims(address);
  if (plan.style !== undefined) applyStyle(range, styles[plan.style], rows, cols, noBorder);
  if (plan.numberFormat !== undefined) range.numberFormat = fill(rows, cols, plan.numberFormat);
  if (plan.indent !== undefined && support.indent) range.format.indentLevel = plan.indent;
  if (plan.locked !== undefined) range.format.protection.locked = plan.locked;
}

export function formatBytes(address: string, plan: FormatPlan, styles: Record<StyleKey, CellStyle>, noBorder = false): number {
  const { rows, cols } = dims(address);
  const actions = 1 + (plan.style !== undefined ? styleActions(styles[plan.style], rows, cols, noBorder) : 0) + (plan.indent !== undefined ? 1 : 0) + (plan.locked !== undefined ? 1 : 0);
  const numberFormat = plan.numberFormat !== undefined ? fill(rows, cols, plan.numberFormat) : undefined;
  return estimate(actions + (numberFormat ? 1 : 0), [address, plan.style ? styles[plan.style] : null, numberFormat]);
}

/** Excel column width is in points; a plan gives characters (≈ 7 px each plus 5 px padding). */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}
