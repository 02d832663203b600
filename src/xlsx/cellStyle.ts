import type ExcelJS from "exceljs";
import type { CellStyle, FormatPlan, StyleKey } from "../plan/types";

/** The merged formatting of one cell: later formats override earlier ones, key by key. */
export interface CellFormat {
  style: CellStyle;
  numberFormat?: string;
  indent?: number;
  locked?: boolean;
}

export function mergeFormat(into: CellFormat | undefined, f: FormatPlan, styles: Record<StyleKey, CellStyle>): CellFormat {
  const out: CellFormat = into ? { ...into, style: { ...into.style } } : { style: {} };
  if (f.style) Object.assign(out.style, styles[f.style]);
  if (f.numberFormat !== undefined) out.numberFormat = f.numberFormat;
  if (f.indent !== undefined) out.indent = f.indent;
  if (f.locked !== undefined) out.locked = f.locked;
  return out;
}

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;

/** ExcelJS style for a merged cell format (fresh objects: ExcelJS must not share them between cells). */
export function toExcelStyle(f: CellFormat, font?: { name: string; size: number }): Partial<ExcelJS.Style> {
  const s = f.style;
  const out: Partial<ExcelJS.Style> = {};
  // Every font record names its face and size: a nameless one falls back to a serif in some readers.
  if (s.bold || s.italic || s.fontSize || s.fontColor || font) {
    out.font = { name: font?.name, size: s.fontSize ?? font?.size, bold: s.bold, italic: s.italic, color: s.fontColor ? { argb: argb(s.fontColor) } : undefined };
  }
  if (s.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.horizontal || s.vertical || s.wrap || f.indent) {
    out.alignment = { horizontal: s.horizontal, vertical: s.vertical, wrapText: s.wrap, indent: f.indent };
  }
  if (s.border) {
    const side = { style: "thin" as const, color: { argb: argb(s.border) } };
    out.border = { top: side, left: side, bottom: side, right: side };
  }
  if (f.numberFormat !== undefined) out.numFmt = f.numberFormat;
  if (f.locked !== undefined) out.protection = { locked: f.locked };
  return out;
}
