/**
 * A rating cell that holds something other than a rating (a stray note, a number outside 0–100)
 * is existing content: the preview shows it as a conflict the user chooses about, exactly as the
 * write treats it (keep existing leaves it, overwrite replaces it and logs it for undo). The
 * core's previewMerge compares ratings only, so these cells are added here from the snapshot's
 * problems.
 */
import type { Rating, RatingValue } from "../core/engine/types";
import type { ImportResult } from "../core/import/importRatings";
import { previewMerge, type MergeConflict, type MergePreview } from "../core/import/merge";
import type { WorkbookProblem } from "./problems";

/** What a conflicting cell holds: a rating, or text / an out-of-range number as typed. */
export type ExistingValue = RatingValue | { text: string };

export interface CellConflict extends Omit<MergeConflict, "existing"> {
  existing: ExistingValue;
}

export interface CellPreview extends Omit<MergePreview, "conflicts"> {
  conflicts: CellConflict[];
}

const keyOf = (vendor: string, code: string, rater: string | undefined): string => `${vendor}\u0001${code}\u0001${rater ?? ""}`;

/** Rating cells holding text or a number outside 0–100, by vendor, code and rater. */
export function unratedCells(problems: readonly WorkbookProblem[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of problems) {
    if ((p.kind === "not-a-number" || p.kind === "out-of-range") && p.vendor !== undefined && typeof p.code === "string") out.set(keyOf(p.vendor, p.code, p.rater), p.value ?? "");
  }
  return out;
}

/** previewMerge, with the ratings that would land on an `unrated` cell counted as conflicts, not as new. */
export function cellPreview(existing: readonly Rating[], imported: ImportResult, unrated: ReadonlyMap<string, string>, vendors: readonly string[] = []): CellPreview {
  const base = previewMerge(existing, imported, vendors);
  if (unrated.size === 0) return base;
  const extra: CellConflict[] = [];
  for (const r of imported.accepted) {
    const text = unrated.get(keyOf(r.vendor, r.code, r.rater || undefined));
    if (text !== undefined) extra.push({ vendor: r.vendor, code: r.code, ...(r.rater ? { rater: r.rater } : {}), existing: { text }, incoming: r.value, line: r.line });
  }
  if (extra.length === 0) return base;
  const conflicts: CellConflict[] = [...base.conflicts, ...extra].sort((a, b) => a.line - b.line);
  return { ...base, added: base.added - extra.length, conflicts };
}

/** A conflict's workbook value as shown: N/A, the number, or the text in quotes. */
export function existingText(v: ExistingValue, na: string): string {
  if (typeof v === "object") return `“${v.text}”`;
  return v === "NA" ? na : String(v);
}
