import { colLetter, rect } from "./a1";
import { emptySheet, protection } from "./context";
import { block } from "./grid";
import { labelsFor } from "./labels";
import { NUMBER_FORMATS } from "./styles";
import type { CellValue, FormatPlan, FreezeInput, ResultsColumn, SheetPlan } from "./types";

const INVALID = /[[\]:*?/\\]/g;

/** A sheet name (≤ 31 chars, no []:*?/\) not among `existing` (case-insensitive). */
export function uniqueSheetName(base: string, existing: string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const clean = base.replace(INVALID, "-").slice(0, 31);
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = clean.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

function formatOf(col: ResultsColumn): string | undefined {
  switch (col.kind) {
    case "total":
    case "node":
      return NUMBER_FORMATS.score;
    case "completeness":
    case "raterCompleteness":
      return NUMBER_FORMATS.percent;
    case "rank":
    case "missing":
    case "requiredUnrated":
    case "raters":
    case "consensusWithoutReason":
      return NUMBER_FORMATS.count;
    default:
      return undefined;
  }
}

/** The plan of a dated, values-only copy of Results (the adapter reads Results' values and writes this). */
export function freezeResults(input: FreezeInput): SheetPlan {
  const L = labelsFor(input.locale);
  const date = input.date.slice(0, 10);
  const sheet = emptySheet("frozen", uniqueSheetName(`${L.sheetFrozen} ${date}`, input.existingSheetNames), "visible", protection(true, null));
  const width = Math.max(1, ...input.values.map((r) => r.length));
  const values: CellValue[][] = input.values.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
  if (values.length > 0) values[0] = [`${L.frozenTitle} ${date}`, ...values[0].slice(1).map(() => null)];
  sheet.blocks.push(...block(1, 1, "values", values));
  const { headerRow, firstRow, columns } = input.results;
  const lastRow = values.length;
  const formats: FormatPlan[] = [{ ranges: ["A1"], style: "title" }];
  if (lastRow >= headerRow) formats.push({ ranges: [rect(headerRow, 1, headerRow, width)], style: "header" });
  if (lastRow >= firstRow) {
    columns.forEach((col, i) => {
      const nf = formatOf(col);
      if (nf && i < width) formats.push({ ranges: [rect(firstRow, i + 1, lastRow, i + 1)], numberFormat: nf });
    });
  }
  sheet.formats = formats;
  sheet.columns = [{ range: "A", width: 22 }, ...(width > 1 ? [{ range: `B:${colLetter(width)}`, width: 12 }] : [])];
  sheet.freeze = { rows: headerRow, columns: 1 };
  return sheet;
}
