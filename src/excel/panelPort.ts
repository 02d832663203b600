/**
 * The panel operations of the Excel port: a rater's copy out, a returned copy previewed and
 * written back into that rater's sheet. Sync counts are constant: export 3 (list sheets; read the
 * model and Weights; read the rater's sheet); preview 3 (list sheets; read the model and Weights; read the copy's
 * rater's sheet — 2 when the workbook has no sheet for that rater); apply 4 (list sheets; read the
 * model, Weights and the Import log's extent; read the rater's sheet; write — + splits past the
 * 4 MB budget). An export or a merge reads no other rater's sheet nor Moderation, so its largest
 * response is that one sheet's used range. A merge is logged in the Import log like an import (kind
 * "returned copy", the rater and the returned file as source), so listImports lists it and
 * undoImport undoes it (./importRatings.ts).
 */
import type { Rating } from "../core/engine";
import type { CellValue, SheetPlan } from "../plan";
import { importIdOf, type ImportLogEntry } from "../plan/importLog";
import { noteBlocks, noteEdits, ratingBlocks } from "../plan/importWrite";
import type { ApplyCopyResult, MergeChoice, PortCallOptions, RaterCopyFile, ReturnedCopyPreview } from "../port";
import { copyPreview, copyWrites, gridOf, readCopyFile } from "../plan/copyMerge";
import { OpList, type Syncer } from "./batch";
import { noScorecard, ScorecardError } from "./errors";
import { cellKeyOf, notesByRater, raterCells, raterSnapshot } from "./panel";
import { currentNotes, logOps, queueLogExtent, ratingOps, write } from "./importRatings";
import { findSheet, probeWorkbook, readRaterSheet, readScorecard, type Scorecard, type WorkbookState } from "./readBack";

export interface PanelEnv {
  syncer: Syncer;
  supports(version: string): boolean;
  /** Time of a merge in the Import log. */
  now: Date;
  options?: PortCallOptions;
}

export function notAPanel(): ScorecardError {
  return new ScorecardError("ScorecardNotAPanel", "This scorecard has a single rating sheet: rater copies need a panel (two or more raters). Create it again with raters.");
}

export function unknownRater(rater: string): ScorecardError {
  return new ScorecardError("ScorecardUnknownRater", `The scorecard has no rating sheet for the rater "${rater}".`);
}

/**
 * For a merge or a rater's copy, that rater's sheet only (Excel on the web refuses responses over 5 MB, which every
 * rater sheet together exceeds for large panels). Syncs after the probe: 1 for the model and
 * Weights (and, for a merge written, the Import log's extent), then 1 for the rater's sheet — whose name
 * comes from the rebuilt plan, read with its formulas for a merge written — none when the panel has no such rater.
 */
async function readMergeTarget(env: PanelEnv, rater: string, forWrite = false): Promise<{ card: Scorecard; state: WorkbookState; extent: ReturnType<ReturnType<typeof queueLogExtent>> | null }> {
  const { syncer } = env;
  const state = await probeWorkbook(syncer.context, syncer);
  const extentOf = forWrite ? queueLogExtent(syncer.context, syncer, state) : null;
  const model = await readScorecard(syncer.context, syncer, state, ["weights"], { panel: true, panelSheets: false });
  if (!model) throw noScorecard();
  if (!model.panel) throw notAPanel();
  const extent = extentOf ? extentOf() : null;
  const card = await readRaterSheet(syncer.context, syncer, state, model, rater, forWrite);
  return { card, state, extent };
}

/** Syncs: 3 (2 for an unknown rater), reading that rater's sheet only. The copy is written without Office (ExcelJS, fetched on first use). */
export async function exportRaterCopy(env: PanelEnv, rater: string, prefill: boolean): Promise<RaterCopyFile> {
  env.options?.onProgress?.(0, "read");
  const { card, state } = await readMergeTarget(env, rater);
  const cells = raterCells(card, rater);
  if (!cells) throw unknownRater(rater);
  const ratings: Rating[] = prefill ? raterSnapshot(card, rater, (name) => findSheet(state, name) !== undefined).ratings : [];
  env.options?.onProgress?.(0.5, "prepare");
  const { raterCopyFile } = await import(/* webpackChunkName: "xlsx-writer" */ "../xlsx/raterCopyFile");
  const file = await raterCopyFile(card.model, rater, prefill ? { ratings: gridOf(ratings, rater), notes: notesByRater(card).get(rater) ?? {} } : {});
  env.options?.onProgress?.(1, "prepare");
  return file;
}

/** Syncs: 3 (2 for a rater the workbook lacks). Reads the returned file (ExcelJS) and previews the merge; writes nothing. */
export async function mergeReturnedCopy(env: PanelEnv, bytes: Uint8Array, sourceFile: string): Promise<ReturnedCopyPreview> {
  env.options?.onProgress?.(0, "read");
  const file = await readCopyFile(bytes);
  // The copy's rater, as readReturnedCopy (in copyPreview) takes it.
  const rater = file.model?.raterCopy?.rater ?? "";
  const { card, state } = await readMergeTarget(env, rater);
  env.options?.onProgress?.(0.6, "check");
  const snapshot = raterSnapshot(card, rater, (name) => findSheet(state, name) !== undefined);
  const preview = copyPreview(file, card.model, snapshot.ratings, sourceFile, snapshot.problems, notesByRater(card).get(rater) ?? {});
  env.options?.onProgress?.(1, "check");
  return preview;
}

/**
 * Syncs: 4 (list sheets; read the model, Weights and the Import log's extent; read the rater's
 * sheet; write — 3 when nothing is written). Writes the copy's ratings into the rater's sheet as
 * rectangles, and its reasons into that sheet's notes grid in the same write (unprotecting it
 * around the write when it was protected), and logs every cell written, with its value before —
 * or its formula, which undo then puts back —, to the Import log, the reasons in the same block.
 */
export async function applyReturnedCopy(env: PanelEnv, copy: ReturnedCopyPreview, choice: MergeChoice): Promise<ApplyCopyResult> {
  env.options?.onProgress?.(0, "read");
  const { card, state, extent } = await readMergeTarget(env, copy.rater, true);
  const cells = raterCells(card, copy.rater);
  if (!cells) throw unknownRater(copy.rater);
  const blank = (v: CellValue | undefined): boolean => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
  const current = (vendor: string, code: string): CellValue => {
    const v = cells.cells.get(cellKeyOf(vendor, code))?.value;
    return blank(v) ? null : (v as CellValue);
  };
  const { writes, result } = copyWrites(copy, card.model, current, choice);
  const layout = card.plan.layout.ratings;
  const known = new Set(card.model.vendors);
  const incoming = layout.notes ? copy.notes.filter((n) => n.rater === copy.rater && known.has(n.vendor)) : [];
  const notes = noteEdits(currentNotes(cells.grid, layout), incoming, choice);
  const noteWrites = notes.edits.map((e) => ({ vendor: e.vendor, code: e.code, value: e.newValue }));
  const placed = noteBlocks(layout, noteWrites);
  const edits = notes.edits.filter((e) => !placed.outside.some((o) => o.vendor === e.vendor && o.code === e.code));
  const overwritten = edits.filter((e) => e.oldValue !== null).length;
  result.notes = { added: edits.length - overwritten, overwritten, kept: notes.kept, unchanged: notes.unchanged };
  if ((writes.length === 0 && edits.length === 0) || !extent) {
    env.options?.onProgress?.(1, "import");
    return result;
  }
  const time = env.now.toISOString();
  const importId = importIdOf(time, Math.max(extent.summaryRows, 1));
  const entries: ImportLogEntry[] = writes.map((w) => {
    const oldFormula = cells.cells.get(cellKeyOf(w.vendor, w.code))?.formula;
    return { vendor: w.vendor, code: w.code, rater: copy.rater, oldValue: w.old, ...(oldFormula !== undefined ? { oldFormula } : {}), newValue: w.rating, action: w.old === null ? "added" : "overwritten" };
  });
  const ops = new OpList();
  const logSheet = logOps(env.syncer.context.workbook, extent, { importId, kind: "merge", time, sourceFile: copy.sourceFile, rater: copy.rater }, entries, card, ops, edits);
  const plan = card.plan.sheets.find((s) => s.key === "ratings" && s.rater === copy.rater) as SheetPlan | undefined;
  ratingOps(env.syncer.context.workbook, cells.sheet, plan, state, ratingBlocks(layout, writes).blocks, env.supports, ops, placed.blocks);
  env.options?.onProgress?.(0.5, "import");
  await write(env, ops, 0.5);
  env.options?.onProgress?.(1, "import");
  return { ...result, importId, logSheet };
}
