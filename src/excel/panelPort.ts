/**
 * The panel operations of the Excel port: a rater's copy out, a returned copy previewed and
 * written back into that rater's sheet. Sync counts are constant: export 2 (list sheets; read the
 * model and the rater sheets), preview 2, apply 3 (+ splits past the 4 MB budget).
 * The write path is this file's own: the import flow's importRatings writes single-rater sheets.
 */
import type { Rating } from "../core/engine";
import type { CellValue, SheetPlan } from "../plan";
import type { ApplyCopyResult, MergeChoice, PortCallOptions, RaterCopyFile, ReturnedCopyPreview } from "../taskpane/port";
import { copyPreview, copyWrites, gridOf, raterCopyFile, readCopyFile } from "../taskpane/raterCopy";
import { protectOps } from "./applyPlan";
import { estimate, OpList, runOps, type Syncer } from "./batch";
import { noScorecard, ScorecardError } from "./errors";
import { cellKeyOf, panelSnapshot, raterCells } from "./panel";
import { findSheet, probeWorkbook, readScorecard, type Scorecard, type WorkbookState } from "./readBack";

export interface PanelEnv {
  syncer: Syncer;
  supports(version: string): boolean;
  options?: PortCallOptions;
}

export function notAPanel(): ScorecardError {
  return new ScorecardError("ScorecardNotAPanel", "This scorecard has a single rating sheet: rater copies need a panel (two or more raters). Create it again with raters.");
}

export function unknownRater(rater: string): ScorecardError {
  return new ScorecardError("ScorecardUnknownRater", `The scorecard has no rating sheet for the rater "${rater}".`);
}

/** One sync after the probe: the model, Weights and every rater sheet and Moderation. */
async function readPanel(env: PanelEnv): Promise<{ card: Scorecard; state: WorkbookState }> {
  const { syncer } = env;
  const state = await probeWorkbook(syncer.context, syncer);
  const card = await readScorecard(syncer.context, syncer, state, ["weights"], { panel: true });
  if (!card) throw noScorecard();
  if (!card.panel) throw notAPanel();
  return { card, state };
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
  const existing = panelSnapshot(card).ratings;
  const preview = copyPreview(file, card.model, existing, sourceFile);
  env.options?.onProgress?.(1, "check");
  return preview;
}

/**
 * Syncs: 3 (list sheets; read; write). Writes the copy's ratings cell by cell into the rater's
 * sheet (unprotecting it around the write when it was protected); nothing else is touched.
 */
export async function applyReturnedCopy(env: PanelEnv, copy: ReturnedCopyPreview, choice: MergeChoice): Promise<ApplyCopyResult> {
  env.options?.onProgress?.(0, "read");
  const { card, state } = await readPanel(env);
  const cells = raterCells(card, copy.rater);
  if (!cells) throw unknownRater(copy.rater);
  const current = (vendor: string, code: string): CellValue => cells.cells.get(cellKeyOf(vendor, code))?.value ?? null;
  const { writes, result } = copyWrites(copy, card.model, current, choice);
  if (writes.length === 0) {
    env.options?.onProgress?.(1, "import");
    return result;
  }
  const wb = env.syncer.context.workbook;
  const ws = (): Excel.Worksheet => wb.worksheets.getItem(cells.sheet);
  const plan = card.plan.sheets.find((s) => s.key === "ratings" && s.rater === copy.rater) as SheetPlan | undefined;
  const wasProtected = findSheet(state, cells.sheet)?.protected ?? false;
  const ops = new OpList();
  if (wasProtected && plan) ops.push(estimate(2), () => ws().protection.unprotect(plan.protection.password ?? undefined));
  for (const w of writes) {
    const address = cells.cells.get(cellKeyOf(w.vendor, w.code))?.address;
    if (address === undefined) continue;
    ops.push(estimate(2, [address, w.value]), () => void (ws().getRange(address).values = [[w.value === null ? "" : w.value]]));
  }
  if (wasProtected && plan) protectOps(plan, ws, env.supports, () => undefined, ops);
  env.options?.onProgress?.(0.5, "import");
  await runOps(env.syncer, ops.ops, {
    beforeBatch: () => (env.supports("1.6") ? { bytes: estimate(1), run: () => env.syncer.context.application.suspendApiCalculationUntilNextSync() } : null),
  });
  env.options?.onProgress?.(1, "import");
  return result;
}
