import type { Rating, RatingValue } from "../engine/types";
import type { ImportedRating, ImportResult } from "./importRatings";

/** Same vendor + indicator + rater already in the workbook with a different value. */
export interface MergeConflict {
  vendor: string;
  code: string;
  rater?: string;
  existing: RatingValue;
  incoming: RatingValue;
  /** Line of the incoming rating in the imported file. */
  line: number;
}

export interface MergePreview {
  rowsRead: number;
  unit: "row" | "cell";
  accepted: number;
  rejected: number;
  /** Vendors not yet in the workbook, in file order. */
  newVendors: string[];
  /** Ratings that are new (no rating yet for vendor + code + rater). */
  added: number;
  /** Ratings equal to what the workbook already holds. */
  unchanged: number;
  conflicts: MergeConflict[];
}

export type MergeChoice = "keep-existing" | "overwrite";

/** One overwritten rating, enough to undo it. */
export interface OverwriteLogEntry {
  vendor: string;
  code: string;
  rater?: string;
  oldValue: RatingValue;
  newValue: RatingValue;
  /** ISO 8601 time of the import. */
  time: string;
  sourceFile: string;
  line: number;
}

export interface MergeOutcome {
  /** Ratings to write into the workbook: new ones, plus overwritten ones with "overwrite". */
  toWrite: Rating[];
  /** The workbook's ratings after the merge (existing order, then new ones in file order). */
  merged: Rating[];
  log: OverwriteLogEntry[];
  kept: number;
  overwritten: number;
  added: number;
}

function keyOf(r: { vendor: string; code: string; rater?: string }): string {
  return `${r.vendor}\u0001${r.code}\u0001${r.rater ?? ""}`;
}

function plain(r: ImportedRating): Rating {
  return r.rater !== undefined && r.rater !== "" ? { vendor: r.vendor, code: r.code, rater: r.rater, value: r.value } : { vendor: r.vendor, code: r.code, value: r.value };
}

function existingIndex(existing: readonly Rating[]): Map<string, number> {
  const m = new Map<string, number>();
  existing.forEach((r, i) => {
    const k = keyOf(r);
    if (!m.has(k)) m.set(k, i);
  });
  return m;
}

/**
 * What an import would do to the workbook, before the user chooses. Pure. `vendors`: the workbook's
 * vendors (rated or not); a vendor is new when neither they nor an existing rating name it.
 */
export function previewMerge(existing: readonly Rating[], imported: ImportResult, vendors: readonly string[] = []): MergePreview {
  const idx = existingIndex(existing);
  const known = new Set([...vendors, ...existing.map((r) => r.vendor)]);
  const newVendors: string[] = [];
  const conflicts: MergeConflict[] = [];
  let added = 0;
  let unchanged = 0;
  for (const r of imported.accepted) {
    if (!known.has(r.vendor)) {
      known.add(r.vendor);
      newVendors.push(r.vendor);
    }
    const i = idx.get(keyOf(r));
    if (i === undefined) added++;
    else if (existing[i].value === r.value) unchanged++;
    else conflicts.push({ vendor: r.vendor, code: r.code, ...(r.rater ? { rater: r.rater } : {}), existing: existing[i].value, incoming: r.value, line: r.line });
  }
  return {
    rowsRead: imported.counts.read,
    unit: imported.counts.unit,
    accepted: imported.counts.accepted,
    rejected: imported.counts.rejected,
    newVendors,
    added,
    unchanged,
    conflicts,
  };
}

/**
 * Applies the user's choice for conflicts. "keep-existing" writes only new ratings;
 * "overwrite" also writes the conflicting ones and logs each (old and new value, time, source
 * file) so it can be undone. `time` is passed in to keep this pure.
 */
export function applyMerge(
  existing: readonly Rating[],
  imported: ImportResult,
  choice: MergeChoice,
  meta: { time: string; sourceFile?: string },
): MergeOutcome {
  const idx = existingIndex(existing);
  const merged: Rating[] = existing.map((r) => ({ ...r }));
  const toWrite: Rating[] = [];
  const log: OverwriteLogEntry[] = [];
  let kept = 0;
  let overwritten = 0;
  let added = 0;
  const source = meta.sourceFile ?? imported.source.name ?? "";
  for (const r of imported.accepted) {
    const k = keyOf(r);
    const i = idx.get(k);
    if (i === undefined) {
      const p = plain(r);
      toWrite.push(p);
      idx.set(k, merged.push({ ...p }) - 1);
      added++;
    } else if (merged[i].value === r.value) {
      continue;
    } else if (choice === "keep-existing") {
      kept++;
    } else {
      log.push({ vendor: r.vendor, code: r.code, ...(r.rater ? { rater: r.rater } : {}), oldValue: merged[i].value, newValue: r.value, time: meta.time, sourceFile: source, line: r.line });
      merged[i] = { ...merged[i], value: r.value };
      toWrite.push(plain(r));
      overwritten++;
    }
  }
  return { toWrite, merged, log, kept, overwritten, added };
}

/** Undo an overwrite: the ratings as they were, from the log entries. */
export function undoOverwrites(log: readonly OverwriteLogEntry[]): Rating[] {
  return log.map((e) => (e.rater ? { vendor: e.vendor, code: e.code, rater: e.rater, value: e.oldValue } : { vendor: e.vendor, code: e.code, value: e.oldValue }));
}
