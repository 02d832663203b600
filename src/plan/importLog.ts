/**
 * The Import log sheet: an append-only table with one row per rating an import wrote (added or
 * overwritten), enough to undo it. Columns A–J: import id, time, source file, vendor, indicator
 * code, rater, old value, new value, action, undone (time). Columns L–S: one summary row per
 * import (id, time, source, first row, rows, added, overwritten, undone) so the pane's list and an
 * undo read a few cells instead of the whole log. Row 1 holds the headers.
 */
import type { RatingValue } from "../core/engine/types";
import type { Locale } from "../core/model/types";
import { colLetter, rect, rowRuns } from "./a1";
import { IMPORT_LOG_LABELS } from "./importLogLabels";
import { NA_TEXT } from "./ratingsSheet";
import type { CellBlock, CellValue, ColumnPlan } from "./types";

export const IMPORT_LOG_WIDTH = 10;
/** 1-based column of the undone time. */
export const UNDONE_COL = 10;
/** First column (L) and width of the summary table. */
export const SUMMARY_COL = 12;
export const SUMMARY_WIDTH = 8;
/** The summary table's columns as an A1 range of whole columns. */
export const SUMMARY_COLUMNS = `${colLetter(SUMMARY_COL)}:${colLetter(SUMMARY_COL + SUMMARY_WIDTH - 1)}`;

export type ImportAction = "added" | "overwritten";

export interface ImportLogEntry {
  importId: string;
  /** ISO 8601. */
  time: string;
  sourceFile: string;
  vendor: string;
  code: string;
  rater?: string;
  /** The cell as it was: null = blank. */
  oldValue: CellValue;
  newValue: RatingValue;
  action: ImportAction;
  /** ISO time of the undo, once undone. */
  undoneAt?: string;
}

/** An entry as read back, with its 1-based sheet row. */
export interface LoggedEntry extends ImportLogEntry {
  row: number;
}

export interface ImportLogAppend {
  sheet: string;
  /** True when the sheet does not exist yet (header and widths included). */
  create: boolean;
  columns: ColumnPlan[];
  /** Values blocks: the adapter keeps every string text (needsTextGuard / number format "@"). */
  blocks: CellBlock[];
}

export function ratingCell(v: RatingValue): number | string {
  return v === "NA" ? NA_TEXT : v;
}

function rowOf(e: ImportLogEntry, locale: Locale): CellValue[] {
  const l = IMPORT_LOG_LABELS[locale];
  return [e.importId, e.time, e.sourceFile, e.vendor, e.code, e.rater ?? "", e.oldValue, ratingCell(e.newValue), e.action === "added" ? l.added : l.overwritten, e.undoneAt ?? null];
}

/** Where the log ends: the last used row of column A and of the summary's first column (0 when empty). */
export interface LogExtent {
  rows: number;
  summaryRows: number;
}

/** One import's rows appended after the log's last row, plus its summary row. Pure. */
export function importLogAppend(entries: readonly ImportLogEntry[], extent: LogExtent, locale: Locale): ImportLogAppend {
  const l = IMPORT_LOG_LABELS[locale];
  const create = extent.rows === 0;
  const blocks: CellBlock[] = [];
  if (create) blocks.push({ address: rect(1, 1, 1, IMPORT_LOG_WIDTH), kind: "values", cells: [[...l.headers]] });
  if (extent.summaryRows === 0) blocks.push({ address: rect(1, SUMMARY_COL, 1, SUMMARY_COL + SUMMARY_WIDTH - 1), kind: "values", cells: [[...l.summaryHeaders]] });
  const first = Math.max(extent.rows, 1) + 1;
  if (entries.length > 0) {
    blocks.push({ address: rect(first, 1, first + entries.length - 1, IMPORT_LOG_WIDTH), kind: "values", cells: entries.map((e) => rowOf(e, locale)) });
    const e = entries[0];
    const added = entries.filter((x) => x.action === "added").length;
    const row = Math.max(extent.summaryRows, 1) + 1;
    blocks.push({
      address: rect(row, SUMMARY_COL, row, SUMMARY_COL + SUMMARY_WIDTH - 1),
      kind: "values",
      cells: [[e.importId, e.time, e.sourceFile, first, entries.length, added, entries.length - added, null]],
    });
  }
  const widths = [22, 22, 24, 20, 14, 14, 10, 10, 12, 22, 4, 22, 22, 24, 8, 8, 8, 10, 22];
  const columns = create ? widths.map((width, i) => ({ range: colLetter(i + 1), width })) : [];
  return { sheet: l.sheet, create, columns, blocks };
}

/** A summary row as read back, with its 1-based sheet row. */
export interface SummaryRow extends ImportSummary {
  row: number;
  firstRow: number;
  rows: number;
}

/** Summary rows from the values of the summary columns (top row `top`, column L first). */
export function readSummaries(values: readonly (readonly CellValue[])[], top: number): SummaryRow[] {
  const out: SummaryRow[] = [];
  values.forEach((r, i) => {
    const row = top + i;
    const [importId, firstRow, rows] = [str(r[0]), Number(r[3]), Number(r[4])];
    if (row < 2 || importId === "" || !Number.isInteger(firstRow) || !Number.isInteger(rows) || firstRow < 2 || rows < 1) return;
    const undoneAt = str(r[7]);
    out.push({ row, importId, time: str(r[1]), sourceFile: str(r[2]), firstRow, rows, added: Number(r[5]) || 0, overwritten: Number(r[6]) || 0, undone: undoneAt !== "" });
  });
  return out.sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : b.row - a.row));
}

function actionOf(text: string): ImportAction | null {
  for (const l of Object.values(IMPORT_LOG_LABELS)) {
    if (text === l.added) return "added";
    if (text === l.overwritten) return "overwritten";
  }
  return null;
}

function str(v: CellValue | undefined): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

function ratingOf(v: CellValue | undefined): RatingValue | null {
  if (typeof v === "number") return v;
  const t = str(v);
  if (/^n\/?a$/i.test(t)) return "NA";
  const n = t === "" ? NaN : Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Log rows from the sheet's values (top row `top`, column A first); rows that do not parse are skipped. */
export function readImportLog(values: readonly (readonly CellValue[])[], top: number): LoggedEntry[] {
  const out: LoggedEntry[] = [];
  values.forEach((r, i) => {
    const row = top + i;
    if (row < 2) return;
    const action = actionOf(str(r[8]));
    const newValue = ratingOf(r[7]);
    const [importId, vendor, code] = [str(r[0]), str(r[3]), str(r[4])];
    if (action === null || newValue === null || importId === "" || vendor === "" || code === "") return;
    const old = r[6];
    const rater = str(r[5]);
    const undoneAt = str(r[9]);
    out.push({
      row, importId, time: str(r[1]), sourceFile: str(r[2]), vendor, code, ...(rater ? { rater } : {}),
      oldValue: old === undefined || old === "" ? null : old, newValue, action, ...(undoneAt ? { undoneAt } : {}),
    });
  });
  return out;
}

export interface ImportSummary {
  importId: string;
  time: string;
  sourceFile: string;
  added: number;
  overwritten: number;
  /** Every row of the import has been undone. */
  undone: boolean;
}

/** One summary per import id, newest first. */
export function summarizeImports(entries: readonly ImportLogEntry[]): ImportSummary[] {
  const byId = new Map<string, ImportSummary>();
  for (const e of entries) {
    let s = byId.get(e.importId);
    if (!s) byId.set(e.importId, (s = { importId: e.importId, time: e.time, sourceFile: e.sourceFile, added: 0, overwritten: 0, undone: true }));
    if (e.action === "added") s.added++;
    else s.overwritten++;
    if (e.undoneAt === undefined) s.undone = false;
  }
  return [...byId.values()].sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0));
}

/** Blocks marking log rows undone at `time` (one per run of consecutive rows), and the import's summary row. */
export function undoneMarks(rows: readonly number[], time: string, summaryRow?: number): CellBlock[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const marks: CellBlock[] = rowRuns(sorted, UNDONE_COL).map((address) => {
    const [a, b = a] = address.split(":");
    const n = Number(b.replace(/\D/g, "")) - Number(a.replace(/\D/g, "")) + 1;
    return { address, kind: "values" as const, cells: Array.from({ length: n }, () => [time]) };
  });
  if (summaryRow !== undefined) marks.push({ address: rect(summaryRow, SUMMARY_COL + SUMMARY_WIDTH - 1, summaryRow, SUMMARY_COL + SUMMARY_WIDTH - 1), kind: "values", cells: [[time]] });
  return marks;
}

/** A readable, unique import id from its ISO time and its number in the log: "imp-20261125-100000-000-3". */
export function importIdOf(time: string, seq: number): string {
  const d = time.replace(/[-:]/g, "").replace("T", "-").replace(/\.(\d+)Z?$/, "-$1").replace(/Z$/, "");
  return `imp-${d}-${seq}`;
}
