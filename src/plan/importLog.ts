/**
 * The Import log sheet: the audit trail of every import and every merged rater copy, enough to
 * undo each. Two parts side by side:
 *
 * - Columns A–J, the list: one row per import (id, kind, time, source file, rater, added,
 *   overwritten, undone time, cells not undone because they changed since, and the address of
 *   the import's block). The pane's list and an undo read only this, plus the one block.
 * - From column L, one compact block per import, stacked with a blank row between:
 *     heading  import id · kind · time · source file · rater · how to read the block
 *     header   Vendor · Rater · before / after · code₁ · code₂ … (only the codes it touched)
 *     rows     vendor · rater · "before" · the cells as they were ("blank" = empty)
 *              vendor · rater · "after"  · what the import wrote
 *   An empty cell in a block = not touched by that import. A rating costs a few bytes, not a row.
 *   Reasons the import wrote into the notes grid (issue #14) follow the codes as their own
 *   columns, headed "code (reason)" / "code（理由）", before and after as for ratings.
 *
 * A cell that held a formula is stored as the formula's text ("=Sheet2!B4", written as text, not
 * as a live formula), so undo writes the formula back, not the value it showed. An old text value
 * equal to a blank marker, or starting with a double quote or with "=", is stored wrapped in
 * double quotes so undo tells it from a blank or a formula. Workbooks with the earlier
 * one-row-per-rating log (columns A–J, summary L–S) are not read.
 */
import type { RatingValue } from "../core/engine/types";
import type { Locale } from "../core/model/types";
import { colLetter, parseRect, rect } from "./a1";
import { IMPORT_LOG_LABELS } from "./importLogLabels";
import { NA_TEXT } from "./ratingsSheet";
import type { CellBlock, CellValue, ColumnPlan } from "./types";

/** Width of the list of imports (columns A–J). */
export const SUMMARY_WIDTH = 10;
/** The list's columns as an A1 range of whole columns. */
export const SUMMARY_COLUMNS = `A:${colLetter(SUMMARY_WIDTH)}`;
/** First column (L) of the blocks. */
export const DETAIL_COL = SUMMARY_WIDTH + 2;
export const DETAIL_COLUMN = colLetter(DETAIL_COL);
/** Columns of a block before its indicator codes: vendor, rater, before/after. */
export const BLOCK_LEAD = 3;

export type ImportAction = "added" | "overwritten";
/**
 * A file imported in the Import tab, a returned rater copy merged in the Panel tab, or a sibling
 * group's weights written from pairwise comparisons ("Use these weights", issue #13: its block
 * has one row pair labelled with the Weights sheet's name, the group's codes as columns).
 */
export type ImportKind = "import" | "merge" | "weights";

/** One cell an import wrote. */
export interface ImportLogEntry {
  vendor: string;
  code: string;
  rater?: string;
  /** The cell as it was: null = blank. Read back from the log, a formula's text (the log keeps the formula, not what it showed). */
  oldValue: CellValue;
  /** The cell held this formula ("=…"): undo writes it back as a formula. */
  oldFormula?: string;
  newValue: RatingValue;
  action: ImportAction;
}

/** One reason (notes-grid cell) an import or a merge wrote. */
export interface NoteLogEntry {
  vendor: string;
  code: string;
  rater?: string;
  /** null = was blank */
  oldValue: string | null;
  newValue: string;
}

export interface ImportMeta {
  importId: string;
  kind: ImportKind;
  /** ISO 8601. */
  time: string;
  sourceFile: string;
  /** A merge: whose sheet the copy was merged into. */
  rater?: string;
}

export interface ImportSummary extends ImportMeta {
  added: number;
  overwritten: number;
  /** The import has been undone. */
  undone: boolean;
}

export interface ImportLogAppend {
  sheet: string;
  /** True when the sheet does not exist yet (widths included). */
  create: boolean;
  columns: ColumnPlan[];
  /** Values blocks: the adapter keeps every string text (needsTextGuard / number format "@"). */
  blocks: CellBlock[];
  /** The import's block (heading to last row), as written into the list. */
  details: string;
}

export function ratingCell(v: RatingValue): number | string {
  return v === "NA" ? NA_TEXT : v;
}

/** Where the log ends: the last used row of column A (the list) and of column L (the blocks); 0 when empty. */
export interface LogExtent {
  summaryRows: number;
  detailRows: number;
}

const ALL_LABELS = Object.values(IMPORT_LOG_LABELS);
const BLANKS = new Set(ALL_LABELS.map((l) => l.blank.toLowerCase()));

function str(v: CellValue | undefined): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

/**
 * A "before" cell: the old formula's text when the cell held one ("=…", written as text), else
 * the old value — "blank" for an empty cell, a text that could be read as a blank, a quoted text
 * or a formula ("=…") wrapped in double quotes.
 */
export function beforeCell(old: CellValue, locale: Locale, formula?: string): CellValue {
  if (formula !== undefined && formula.startsWith("=")) return formula;
  if (old === null) return IMPORT_LOG_LABELS[locale].blank;
  if (typeof old === "string" && (BLANKS.has(old.trim().toLowerCase()) || old.startsWith('"') || old.startsWith("="))) return `"${old}"`;
  return old;
}

/** The cell as it was before an import, read back from its "before" cell. */
export interface Before {
  /** null = was blank; for a formula, its text. */
  oldValue: CellValue;
  /** The cell held this formula. */
  oldFormula?: string;
}

/** A "before" cell read back: undefined = not touched; a text starting with "=" is a formula. */
export function fromBefore(v: CellValue | undefined): Before | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  if (typeof v !== "string") return { oldValue: v };
  if (v.startsWith("=")) return { oldValue: v, oldFormula: v };
  if (BLANKS.has(v.trim().toLowerCase())) return { oldValue: null };
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) return { oldValue: v.slice(1, -1) };
  return { oldValue: v };
}

function ratingOf(v: CellValue | undefined): RatingValue | null {
  if (typeof v === "number") return v;
  const t = str(v);
  if (/^n\/?a$/i.test(t)) return "NA";
  const n = t === "" ? NaN : Number(t);
  return Number.isFinite(n) ? n : null;
}

function ordered<T>(items: Iterable<T>, order: readonly T[] | undefined): T[] {
  const at = new Map((order ?? []).map((x, i) => [x, i]));
  const base = order?.length ?? 0;
  const list = [...new Set(items)];
  const rank = new Map(list.map((x, i) => [x, at.get(x) ?? base + i]));
  return list.sort((a, b) => (rank.get(a) as number) - (rank.get(b) as number));
}

/**
 * One import appended to the log: its row in the list and its block under the last block. Codes
 * and vendors follow `order` (the workbook's) where given, else first appearance. `notes`, the
 * reasons it wrote, get their own columns after the rating codes. Pure.
 */
export function importLogAppend(
  meta: ImportMeta,
  entries: readonly ImportLogEntry[],
  extent: LogExtent,
  locale: Locale,
  order: { codes?: readonly string[]; vendors?: readonly string[] } = {},
  notes: readonly NoteLogEntry[] = [],
): ImportLogAppend {
  const l = IMPORT_LOG_LABELS[locale];
  const create = extent.summaryRows === 0 && extent.detailRows === 0;
  const blocks: CellBlock[] = [];
  if (extent.summaryRows === 0) blocks.push({ address: rect(1, 1, 1, SUMMARY_WIDTH), kind: "values", cells: [[...l.summaryHeaders]] });

  const codes = ordered(entries.map((e) => e.code), order.codes);
  const noteCodes = ordered(notes.map((e) => e.code), order.codes);
  const col = new Map(codes.map((c, i) => [c, i]));
  const noteCol = new Map(noteCodes.map((c, i) => [c, codes.length + i]));
  const width = codes.length + noteCodes.length;
  const rowKey = (e: { vendor: string; rater?: string }): string => `${e.vendor}\u0001${e.rater ?? ""}`;
  const vendorRank = new Map(ordered([...entries, ...notes].map((e) => e.vendor), order.vendors).map((v, i) => [v, i]));
  const pairs = new Map<string, { vendor: string; rater: string; before: CellValue[]; after: CellValue[] }>();
  const pairOf = (e: { vendor: string; rater?: string }): { before: CellValue[]; after: CellValue[] } => {
    const k = rowKey(e);
    let p = pairs.get(k);
    if (!p) pairs.set(k, (p = { vendor: e.vendor, rater: e.rater ?? "", before: new Array<CellValue>(width).fill(null), after: new Array<CellValue>(width).fill(null) }));
    return p;
  };
  for (const e of entries) {
    const p = pairOf(e);
    const i = col.get(e.code) as number;
    p.before[i] = beforeCell(e.oldValue, locale, e.oldFormula);
    p.after[i] = ratingCell(e.newValue);
  }
  for (const e of notes) {
    const p = pairOf(e);
    const i = noteCol.get(e.code) as number;
    p.before[i] = beforeCell(e.oldValue === "" ? null : e.oldValue, locale);
    p.after[i] = e.newValue;
  }
  const rows = [...pairs.values()].sort((a, b) => (vendorRank.get(a.vendor) as number) - (vendorRank.get(b.vendor) as number) || (a.rater < b.rater ? -1 : a.rater > b.rater ? 1 : 0));

  const top = extent.detailRows === 0 ? 1 : extent.detailRows + 2;
  const last = top + 1 + 2 * rows.length;
  const right = DETAIL_COL + BLOCK_LEAD - 1 + Math.max(width, 1);
  const details = rect(top, DETAIL_COL, last, right);
  blocks.push({ address: rect(top, DETAIL_COL, top, DETAIL_COL + 5), kind: "values", cells: [[meta.importId, kindLabel(meta.kind, locale), meta.time, meta.sourceFile, meta.rater ?? "", l.legend]] });
  blocks.push({ address: rect(top + 1, DETAIL_COL, top + 1, DETAIL_COL + BLOCK_LEAD - 1 + width), kind: "values", cells: [[l.blockVendor, l.blockRater, l.blockValues, ...codes, ...noteCodes.map((c) => `${c}${l.noteSuffix}`)]] });
  if (rows.length > 0) {
    // Names apart from values: a name needing the text guard then guards three columns, not the block.
    blocks.push({ address: rect(top + 2, DETAIL_COL, last, DETAIL_COL + BLOCK_LEAD - 1), kind: "values", cells: rows.flatMap((p) => [[p.vendor, p.rater, l.before], [p.vendor, p.rater, l.after]]) });
    if (width > 0) blocks.push({ address: rect(top + 2, DETAIL_COL + BLOCK_LEAD, last, right), kind: "values", cells: rows.flatMap((p) => [p.before, p.after]) });
  }
  const added = entries.filter((e) => e.action === "added").length;
  const row = Math.max(extent.summaryRows, 1) + 1;
  blocks.push({
    address: rect(row, 1, row, SUMMARY_WIDTH),
    kind: "values",
    cells: [[meta.importId, kindLabel(meta.kind, locale), meta.time, meta.sourceFile, meta.rater ?? "", added, entries.length - added, null, null, details]],
  });
  const widths = [24, 14, 24, 24, 14, 8, 10, 24, 12, 20, 3, 24, 14, 14];
  const columns = create ? widths.map((width, i) => ({ range: colLetter(i + 1), width })) : [];
  return { sheet: l.sheet, create, columns, blocks, details };
}

/** The indicator code of a block header naming a reasons column ("1.1 (reason)", "1.1（理由）" in either locale), else undefined. */
function noteCodeOf(header: string): string | undefined {
  for (const l of ALL_LABELS) if (header.endsWith(l.noteSuffix) && header.length > l.noteSuffix.length) return header.slice(0, -l.noteSuffix.length);
  return undefined;
}

function kindLabel(kind: ImportKind, locale: Locale): string {
  const l = IMPORT_LOG_LABELS[locale];
  return kind === "merge" ? l.kindMerge : kind === "weights" ? l.kindWeights : l.kindImport;
}

function kindOf(text: string): ImportKind {
  if (ALL_LABELS.some((l) => l.kindWeights === text)) return "weights";
  return ALL_LABELS.some((l) => l.kindMerge === text) ? "merge" : "import";
}

/** A row of the list as read back, with its 1-based sheet row and its block's address. */
export interface SummaryRow extends ImportSummary {
  row: number;
  details: string;
}

/** Rows of the list from the values of columns A–J (top row `top`); rows that do not parse are skipped. */
export function readSummaries(values: readonly (readonly CellValue[])[], top: number): SummaryRow[] {
  const out: SummaryRow[] = [];
  values.forEach((r, i) => {
    const row = top + i;
    const importId = str(r[0]);
    const details = str(r[9]);
    if (row < 2 || importId === "" || !validRect(details)) return;
    const rater = str(r[4]);
    out.push({
      row, importId, kind: kindOf(str(r[1])), time: str(r[2]), sourceFile: str(r[3]), ...(rater ? { rater } : {}),
      added: Number(r[5]) || 0, overwritten: Number(r[6]) || 0, undone: str(r[7]) !== "", details,
    });
  });
  return out.sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : b.row - a.row));
}

function validRect(address: string): boolean {
  if (!/^[A-Z]+\d+:[A-Z]+\d+$/.test(address)) return false;
  const { r1, c1, r2, c2 } = parseRect(address);
  return c1 === DETAIL_COL && r2 >= r1 + 1 && c2 >= c1 + BLOCK_LEAD - 1;
}

/**
 * The cells of one block (its values from the heading row, column L first), or null when it is
 * not the import's. A cell that held a formula comes back with `oldFormula` (and as
 * "overwritten": the formula is not blank, whatever it showed).
 */
export function readBlock(values: readonly (readonly CellValue[])[], importId: string): ImportLogEntry[] | null {
  const out: ImportLogEntry[] = [];
  const ok = eachBlockCell(values, importId, (vendor, rater, code, before, after) => {
    if (noteCodeOf(code) !== undefined) return;
    const newValue = ratingOf(after);
    const old = fromBefore(before);
    if (newValue === null || old === undefined) return;
    const { oldValue, oldFormula } = old;
    out.push({ vendor, code, ...(rater ? { rater } : {}), oldValue, ...(oldFormula !== undefined ? { oldFormula } : {}), newValue, action: oldValue === null ? "added" : "overwritten" });
  });
  return ok ? out : null;
}

/**
 * The reasons of one block (its values from the heading row, column L first): the columns headed
 * "code (reason)" in either locale; null when the block is not the import's. Texts as written.
 */
export function readBlockNotes(values: readonly (readonly CellValue[])[], importId: string): NoteLogEntry[] | null {
  const out: NoteLogEntry[] = [];
  const ok = eachBlockCell(values, importId, (vendor, rater, header, before, after) => {
    const code = noteCodeOf(header);
    const old = fromBefore(before);
    if (code === undefined || old === undefined || after === null || after === undefined || after === "") return;
    out.push({ vendor, code, ...(rater ? { rater } : {}), oldValue: old.oldValue === null ? null : String(old.oldValue), newValue: String(after) });
  });
  return ok ? out : null;
}

/** Calls `visit` for every cell of a block's before/after row pairs under a non-empty header; false when the block is not the import's. */
function eachBlockCell(
  values: readonly (readonly CellValue[])[],
  importId: string,
  visit: (vendor: string, rater: string, header: string, before: CellValue | undefined, after: CellValue | undefined) => void,
): boolean {
  if (str(values[0]?.[0]) !== importId) return false;
  const headers = (values[1] ?? []).slice(BLOCK_LEAD).map((c) => str(c));
  for (let i = 2; i + 1 < values.length; i += 2) {
    const [before, after] = [values[i], values[i + 1]];
    const vendor = str(before[0]);
    if (vendor === "" || str(after[0]) !== vendor) continue;
    const rater = str(before[1]);
    headers.forEach((h, j) => {
      if (h !== "") visit(vendor, rater, h, before[BLOCK_LEAD + j], after[BLOCK_LEAD + j]);
    });
  }
  return true;
}

/** The list row of an undone import: its undo time and the cells left because they changed since. */
export function undoneMark(summaryRow: number, time: string, leftAsChanged: number): CellBlock {
  return { address: rect(summaryRow, 8, summaryRow, 9), kind: "values", cells: [[time, leftAsChanged]] };
}

/** A readable, unique import id from its ISO time and its number in the log: "imp-20261125-100000-000-3". */
export function importIdOf(time: string, seq: number): string {
  const d = time.replace(/[-:]/g, "").replace("T", "-").replace(/\.(\d+)Z?$/, "-$1").replace(/Z$/, "");
  return `imp-${d}-${seq}`;
}
