/**
 * Merging a returned rater copy, pure logic shared by the Excel adapter and the demo workbook:
 * reading the copy's cells back, the merge preview against the workbook's ratings for that rater,
 * and which cells applying it changes.
 */
import type { Rating, RatingValue } from "../core/engine/types";
import { readXlsxSheets } from "../core/import/xlsx";
import { isLeaf, allNodes } from "../core/model/tree";
import { MODEL_SHEET_NAME } from "./context";
import { readStoredModel } from "./modelSheet";
import { cellKey, noteEdits } from "./importWrite";
import { readReturnedCopy } from "./returnedCopy";
import type { CellValue, NotesGrid, RatingsGrid, StoredModel } from "./types";
import { cellPreview, unratedCells } from "./cellConflicts";
import type { ApplyCopyResult, CopyNote, MergeChoice, NotePreview, ReturnedCopyPreview } from "./copyTypes";
import type { WorkbookProblem } from "./problems";

const BAD_FILE_CHARS = /[\\/:*?"<>|]/g;

/** "Scorecard - Ann.xlsx" ("评分表 - 张三.xlsx" in Chinese). */
export function raterCopyFileName(rater: string, locale: StoredModel["options"]["locale"]): string {
  const base = locale === "zh-CN" ? "评分表" : "Scorecard";
  const name = [...rater.replace(BAD_FILE_CHARS, "")].filter((ch) => ch.charCodeAt(0) >= 32).join("").trim() || "rater";
  return `${base} - ${name}.xlsx`;
}

/** Ratings of one rater as a grid (for pre-filling their copy). */
export function gridOf(ratings: readonly Rating[], rater: string): RatingsGrid {
  const out: RatingsGrid = {};
  for (const r of ratings) if (r.rater === rater) (out[r.vendor] ??= {})[r.code] = r.value;
  return out;
}

export interface CopyFile {
  /** The rater sheet's values, row-major from A1 (empty cells null). */
  values: CellValue[][];
  model: StoredModel | null;
  sheetName?: string;
  /** The bytes are not a readable .xlsx. */
  unreadable?: boolean;
}

/** Reads a returned copy: the first sheet that is not the model sheet, and the stored model. */
export async function readCopyFile(bytes: Uint8Array): Promise<CopyFile> {
  const sheets = await readXlsxSheets(bytes);
  if (sheets === null) return { values: [], model: null, unreadable: true };
  const modelSheet = sheets.find((w) => w.name === MODEL_SHEET_NAME);
  const column: CellValue[] = modelSheet ? modelSheet.values.map((row) => row[0] ?? "") : [];
  const ws = sheets.find((w) => w.name !== MODEL_SHEET_NAME);
  return { values: ws?.values ?? [], model: readStoredModel(column), ...(ws ? { sheetName: ws.name } : {}) };
}

const EMPTY_PREVIEW = { rowsRead: 0, unit: "cell" as const, accepted: 0, rejected: 0, newVendors: [], added: 0, unchanged: 0, conflicts: [] };

const NO_NOTES: NotePreview = { added: 0, unchanged: 0, conflicts: 0 };

/**
 * The preview of merging a returned copy into `target`: read by code and vendor header
 * (readReturnedCopy), compared with `existing` (the workbook's ratings, any rater) for the copy's
 * rater. `problems` (the snapshot's) name the rater's cells holding text or an out-of-range
 * number: they are conflicts, as copyWrites treats them. The copy's reasons are compared with
 * `existingNotes` (that rater's notes grid); a workbook without a notes grid takes none of them.
 */
export function copyPreview(file: CopyFile, target: StoredModel, existing: readonly Rating[], sourceFile: string, problems: readonly WorkbookProblem[] = [], existingNotes: NotesGrid = {}): ReturnedCopyPreview {
  const base = { sourceFile, extraVendors: [], unknownCodes: [], unplacedRows: 0, ratings: [], notes: [], notePreview: NO_NOTES };
  if (file.unreadable) return { ...base, rater: "", knownRater: false, ok: false, preview: EMPTY_PREVIEW, warnings: ["not-xlsx"] };
  if (!file.model) return { ...base, rater: "", knownRater: false, ok: false, preview: EMPTY_PREVIEW, warnings: ["no-model"] };
  const copy = readReturnedCopy({ values: file.values, copyModel: file.model, target, sourceName: sourceFile, ...(file.sheetName ? { sheetName: file.sheetName } : {}) });
  const rater = copy.rater;
  const knownRater = rater !== "" && (target.raters ?? []).includes(rater);
  const mine = existing.filter((r) => r.rater === rater);
  const warnings = copy.imported.warnings.map((w) => w.code);
  if (!copy.imported.ok) warnings.push("no-header");
  if (rater !== "" && !knownRater) warnings.push("unknown-rater");
  if (copy.notes.length > 0 && target.notesGrid !== true) warnings.push("no-notes-grid");
  const notes: CopyNote[] = target.notesGrid === true ? copy.notes.map((n) => ({ vendor: n.vendor, code: n.code, rater, note: n.note })) : [];
  return {
    rater,
    knownRater,
    sourceFile,
    ok: copy.imported.ok,
    preview: cellPreview(mine, copy.imported, unratedCells(problems.filter((p) => p.rater === rater)), target.vendors),
    extraVendors: copy.extraVendors,
    unknownCodes: copy.unknownCodes,
    unplacedRows: copy.unplaced.length,
    warnings,
    ratings: copy.imported.accepted.map((r) => ({ vendor: r.vendor, code: r.code, rater, value: r.value })),
    notes,
    notePreview: notePreview(notes, existingNotes),
  };
}

/** Reasons added, equal to the rater's, or different from it (a conflict); decided as the write decides (noteEdits). */
function notePreview(notes: readonly CopyNote[], existing: NotesGrid): NotePreview {
  const current = new Map(Object.entries(existing).flatMap(([vendor, byCode]) => Object.entries(byCode).map(([code, text]): [string, string] => [cellKey(vendor, code), text])));
  const { edits, kept, unchanged } = noteEdits(current, notes, "keep-existing");
  return { added: edits.length, unchanged, conflicts: kept };
}

/** A rating as a cell value: numbers as numbers, N/A as the workbook writes it. */
export function ratingCellValue(v: RatingValue): CellValue {
  return v === "NA" ? "N/A" : v;
}

/** The cell holds this rating: the same number, or N/A typed in any case. Text is never a rating. */
function sameValue(cell: CellValue, v: RatingValue): boolean {
  if (v === "NA") return typeof cell === "string" && /^n\/?a$/i.test(cell.trim());
  return cell === v;
}

export interface CopyWrite {
  vendor: string;
  code: string;
  value: CellValue;
  /** The rating written (for the Import log). */
  rating: RatingValue;
  /** The cell before (null = blank), for the Import log and undo. */
  old: CellValue;
}

/**
 * What applying a previewed copy changes: `current(vendor, code)` is the rater's cell now (null =
 * blank). A blank cell is filled; an equal one is left; a different one (text and numbers
 * outside 0–100 included) is kept or overwritten.
 * Only the copy's own rater is written; one rating per cell (the first).
 */
export function copyWrites(copy: ReturnedCopyPreview, model: Pick<StoredModel, "tree" | "vendors">, current: (vendor: string, code: string) => CellValue, choice: MergeChoice): { writes: CopyWrite[]; result: ApplyCopyResult } {
  const leavesSet = new Set(allNodes(model.tree).filter((i) => isLeaf(i.node)).map((i) => i.node.code));
  const vendors = new Set(model.vendors);
  const result: ApplyCopyResult = { added: 0, overwritten: 0, kept: 0, unchanged: 0, skipped: 0, notes: { added: 0, overwritten: 0, kept: 0, unchanged: 0 } };
  const writes: CopyWrite[] = [];
  const seen = new Set<string>();
  for (const r of copy.ratings) {
    const k = `${r.vendor}\u0001${r.code}`;
    if (r.rater !== copy.rater || !vendors.has(r.vendor) || !leavesSet.has(r.code) || seen.has(k)) {
      result.skipped++;
      continue;
    }
    seen.add(k);
    const now = current(r.vendor, r.code);
    const blank = now === null || (typeof now === "string" && now.trim() === "");
    if (blank) {
      result.added++;
      writes.push({ vendor: r.vendor, code: r.code, value: ratingCellValue(r.value), rating: r.value, old: null });
    } else if (sameValue(now, r.value)) result.unchanged++;
    else if (choice === "keep-existing") result.kept++;
    else {
      result.overwritten++;
      writes.push({ vendor: r.vendor, code: r.code, value: ratingCellValue(r.value), rating: r.value, old: now });
    }
  }
  return { writes, result };
}
