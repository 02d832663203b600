/**
 * The panel operations of the Excel port: a rater's copy out, a returned copy previewed and
 * written back into that rater's sheet. Sync counts are constant: export 2 (list sheets; read the
 * model and the rater sheets), preview 2, apply 3 (+ splits past the 4 MB budget). A merge is
 * logged in the Import log like an import (kind "returned copy", the rater and the returned
 * file as source), so listImports lists it and undoImport undoes it (./importRatings.ts).
 */
import type { Rating } from "../core/engine";
import type { CellValue, SheetPlan } from "../plan";
import { importIdOf, type ImportLogEntry } from "../plan/importLog";
import { ratingBlocks } from "../plan/importWrite";
import type { ApplyCopyResult, MergeChoice, PortCallOptions, RaterCopyFile, ReturnedCopyPreview } from "../taskpane/port";
import { copyPreview, copyWrites, gridOf, raterCopyFile, readCopyFile } from "../taskpane/raterCopy";
import { OpList, type Syncer } from "./batch";
import { noScorecard, ScorecardError } from "./errors";
import { cellKeyOf, panelSnapshot, raterCells } from "./panel";
import { logOps, queueLogExtent, ratingOps, write } from "./importRatings";
import { probeWorkbook, readScorecard, type Scorecard, type WorkbookState } from "./readBack";

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

/** One sync after the probe: the model, Weights and every rater sheet and Moderation (and, when asked, the Import log's extent). */
async function readPanel(env: PanelEnv, withLog = false): Promise<{ card: Scorecard; state: WorkbookState; extent: ReturnType<ReturnType<typeof queueLogExtent>> | null }> {
  const { syncer } = env;
  const state = await probeWorkbook(syncer.context, syncer);
  const extentOf = withLog ? queueLogExtent(syncer.context, syncer, state) : null;
  const card = await readScorecard(syncer.context, syncer, state, ["weights"], { panel: true });
  if (!card) throw noScorecard();
  if (!card.panel) throw notAPanel();
  return { card, state, extent: extentOf ? extentOf() : null };
}

/** Syncs: 2. The copy is written without Office (ExcelJS, fetched on first use). */
export async function exportRaterCopy(env: PanelEnv, rater: string, prefill: boolean): Promise<RaterCopyFile> {
  env.options?.onProgress?.(0, "read");
  const { card } = await readPanel(env);
  const cells = raterCells(card, rater);
  if (!cells) throw unknownRater(rater);
  const ratings: Rating[] = prefill ? panelSnapshot(card).ratings : [];
  env.options?.onProgress?.(0.5, "prepare");
  const file = await raterCopyFile(card.model, rater, prefill ? gridOf(ratings, rater) : undefined);
  env.options?.onProgress?.(1, "prepare");
  return file;
}

/** Syncs: 2. Reads the returned file (ExcelJS) and previews the merge; writes nothing. */
export async function mergeReturnedCopy(env: PanelEnv, bytes: Uint8Array, sourceFile: string): Promise<ReturnedCopyPreview> {
  env.options?.onProgress?.(0, "read");
  const file = await readCopyFile(bytes);
  const { card } = await readPanel(env);
  env.options?.onProgress?.(0.6, "check");
  const snapshot = panelSnapshot(card);
  const preview = copyPreview(file, card.model, snapshot.ratings, sourceFile, snapshot.problems);
  env.options?.onProgress?.(1, "check");
  return preview;
}

/**
 * Syncs: 3 (list sheets; read the panel and the Import log's extent; write). Writes the copy's
 * ratings into the rater's sheet as rectangles (unprotecting it around the write when it was
 * protected) and logs every cell written, with its value before, to the Import log.
 */
export async function applyReturnedCopy(env: PanelEnv, copy: ReturnedCopyPreview, choice: MergeChoice): Promise<ApplyCopyResult> {
  env.options?.onProgress?.(0, "read");
  const { card, state, extent } = await readPanel(env, true);
  const cells = raterCells(card, copy.rater);
  if (!cells) throw unknownRater(copy.rater);
  const blank = (v: CellValue | undefined): boolean => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
  const current = (vendor: string, code: string): CellValue => {
    const v = cells.cells.get(cellKeyOf(vendor, code))?.value;
    return blank(v) ? null : (v as CellValue);
  };
  const { writes, result } = copyWrites(copy, card.model, current, choice);
  if (writes.length === 0 || !extent) {
    env.options?.onProgress?.(1, "import");
    return result;
  }
  const time = env.now.toISOString();
  const importId = importIdOf(time, Math.max(extent.summaryRows, 1));
  const entries: ImportLogEntry[] = writes.map((w) => ({ vendor: w.vendor, code: w.code, rater: copy.rater, oldValue: w.old, newValue: w.rating, action: w.old === null ? "added" : "overwritten" }));
  const ops = new OpList();
  const logSheet = logOps(env.syncer.context.workbook, extent, { importId, kind: "merge", time, sourceFile: copy.sourceFile, rater: copy.rater }, entries, card, ops);
  const plan = card.plan.sheets.find((s) => s.key === "ratings" && s.rater === copy.rater) as SheetPlan | undefined;
  ratingOps(env.syncer.context.workbook, cells.sheet, plan, state, ratingBlocks(card.plan.layout.ratings, writes).blocks, env.supports, ops);
  env.options?.onProgress?.(0.5, "import");
  await write(env, ops, 0.5);
  env.options?.onProgress?.(1, "import");
  return { ...result, importId, logSheet };
}
