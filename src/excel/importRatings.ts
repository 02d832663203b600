/**
 * Imported ratings into the workbook, the Import log, and undo. Sync counts are constant:
 * import 3 (list sheets; read model, Ratings, Weights and the log's extent; write) or 4 when new
 * vendors rebuild the scorecard (the log is written first, then the rebuild); list 2 (the log's
 * summary table only); undo 4 (list sheets; read model, Ratings and the summary; read the
 * import's log rows; write). A write splits only past the 4 MB request budget, and the log rows
 * of an undo are read in slices of LOG_READ_ROWS rows, one sync each, to keep every response small.
 */
import { buildPlan, colLetter, MODEL_SHEET_NAME, parseCell, parseRect, rect, storedModel, type CellBlock, type CellValue, type SheetPlan } from "../plan";
import {
  IMPORT_LOG_WIDTH,
  importIdOf,
  importLogAppend,
  readImportLog,
  readSummaries,
  SUMMARY_COL,
  SUMMARY_COLUMNS,
  SUMMARY_WIDTH,
  undoneMarks,
  type ImportLogAppend,
  type ImportLogEntry,
  type ImportSummary,
  type LoggedEntry,
  type SummaryRow,
} from "../plan/importLog";
import { importLogSheetNames } from "../plan/importLogLabels";
import { cellKey, importedCell, importEdits, ratingBlocks, type CellWrite } from "../plan/importWrite";
import type { ImportRatingsRequest, ImportRatingsResult, PortCallOptions, UndoImportResult } from "../taskpane/port";
import { Grid, localAddress } from "./address";
import { applyPlan, protectOps } from "./applyPlan";
import { estimate, jsonSize, OpList, runOps, type Syncer } from "./batch";
import { chunkBlock, textGuardFormats, writeBlock } from "./blocks";
import { carryOver } from "./carryOver";
import { noScorecard, ScorecardError, sheetMissing } from "./errors";
import { widthPoints } from "./styles";
import { checkRatingsLayout, findSheet, probeWorkbook, ratingCells, readScorecard, treeWithWeights, type ExistingSheet, type Scorecard, type WorkbookState } from "./readBack";

export interface ImportEnv {
  syncer: Syncer;
  supports(version: string): boolean;
  now: Date;
  options?: PortCallOptions;
}

function findLog(state: WorkbookState): ExistingSheet | undefined {
  for (const name of importLogSheetNames()) {
    const s = findSheet(state, name);
    if (s) return s;
  }
  return undefined;
}

/** Rows read per sync from the log (about 120 bytes a row: ~2.4 MB a response, under Excel on the web's 5 MB). */
export const LOG_READ_ROWS = 20_000;

function usedPart(context: Excel.RequestContext, sheet: string, columns: string, props: string): Excel.Range {
  return context.workbook.worksheets.getItem(sheet).getRange(columns).getUsedRangeOrNullObject(true).load(props);
}

function bottom(range: Excel.Range | null): number {
  return range && !range.isNullObject ? parseRect(localAddress(range.address)).r2 : 0;
}

function ratingsOf(card: Scorecard): { sheet: string; grid: Grid } {
  const r = card.grids.ratings;
  if (!r) throw sheetMissing(card.plan.layout.sheetNames.ratings ?? "ratings");
  checkRatingsLayout(r.sheet, r.grid, card.plan.layout.ratings);
  return r;
}

/** Current non-blank rating cells by vendor and leaf code. */
function currentCells(card: Scorecard, grid: Grid): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const c of ratingCells(grid, card.plan.layout.ratings, card.model.tree)) if (c.value !== null) out.set(cellKey(c.vendor, c.code), c.value);
  return out;
}

/** Queues values blocks, chunked, with the text guard ("@" first) wherever a string must stay text. */
function blockOps(ws: () => Excel.Worksheet, blocks: readonly CellBlock[], ops: OpList): void {
  for (const block of blocks) {
    for (const piece of chunkBlock(block)) {
      const guard = textGuardFormats(piece);
      ops.push(estimate(guard ? 3 : 2, [piece.address, piece.cells]) + (guard ? jsonSize(guard) : 0), () => writeBlock(ws().getRange(piece.address), piece, guard));
    }
  }
}

function logOps(wb: Excel.Workbook, sheet: string, add: boolean, append: ImportLogAppend, ops: OpList): void {
  let proxy: Excel.Worksheet | null = null;
  const ws = (): Excel.Worksheet => proxy ?? wb.worksheets.getItem(sheet);
  if (add) {
    ops.push(estimate(1, sheet), () => void (proxy = wb.worksheets.add(sheet)));
    for (const c of append.columns) ops.push(estimate(2, c), () => void (ws().getRange(`${c.range}:${c.range}`).format.columnWidth = widthPoints(c.width)));
  }
  blockOps(ws, append.blocks, ops);
}

/** Rating cells written on Ratings, unprotecting it around the write when it was protected. */
function ratingOps(wb: Excel.Workbook, card: Scorecard, state: WorkbookState, blocks: CellBlock[], supports: (v: string) => boolean, ops: OpList): void {
  const plan = card.plan.sheets.find((s) => s.key === "ratings") as SheetPlan;
  const name = (card.grids.ratings as { sheet: string }).sheet;
  const ws = (): Excel.Worksheet => wb.worksheets.getItem(name);
  const wasProtected = findSheet(state, name)?.protected ?? false;
  if (wasProtected) ops.push(estimate(2), () => ws().protection.unprotect(plan.protection.password ?? undefined));
  blockOps(ws, blocks, ops);
  if (wasProtected) protectOps(plan, ws, supports, () => undefined, ops);
}

async function write(env: ImportEnv, ops: OpList, from: number): Promise<void> {
  const { syncer, supports, options } = env;
  await runOps(syncer, ops.ops, {
    beforeBatch: () => (supports("1.6") ? { bytes: estimate(1), run: () => syncer.context.application.suspendApiCalculationUntilNextSync() } : null),
    onBatch: (done, total) => options?.onProgress?.(from + (1 - from) * (total === 0 ? 1 : done / total), "import"),
  });
}

export async function importRatings(env: ImportEnv, request: ImportRatingsRequest): Promise<ImportRatingsResult> {
  const { syncer, options } = env;
  const context = syncer.context;
  options?.onProgress?.(0, "read");
  const state = await probeWorkbook(context, syncer);
  const log = findLog(state);
  const summaryCol = colLetter(SUMMARY_COL);
  const dataUsed = log ? usedPart(context, log.name, "A:A", "address") : null;
  const summaryUsed = log ? usedPart(context, log.name, `${summaryCol}:${summaryCol}`, "address") : null;
  syncer.add(800);
  const card = await readScorecard(context, syncer, state, ["ratings", "weights", "archive"]);
  if (!card) throw noScorecard();
  const ratings = ratingsOf(card);
  const leafCodes = new Set(card.plan.layout.ratings.rows.filter((r) => r.leaf).map((r) => r.code));
  const valid = request.ratings.filter((r) => leafCodes.has(r.code) && r.vendor.trim() !== "");
  const merged = importEdits(currentCells(card, ratings.grid), valid, request.choice);
  const known = new Set(card.model.vendors);
  const newVendors = [...new Set(merged.edits.map((e) => e.vendor))].filter((v) => !known.has(v));
  const time = env.now.toISOString();
  const summaryRows = bottom(summaryUsed);
  const importId = importIdOf(time, Math.max(summaryRows, 1));
  const result: ImportRatingsResult = {
    importId,
    added: merged.edits.filter((e) => e.action === "added").length,
    overwritten: merged.edits.filter((e) => e.action === "overwritten").length,
    kept: merged.kept,
    unchanged: merged.unchanged,
    skipped: merged.skipped + request.ratings.length - valid.length,
    newVendors,
  };
  if (merged.edits.length === 0) {
    options?.onProgress?.(1, "import");
    return result;
  }
  options?.onProgress?.(0.2, "import");
  const entries: ImportLogEntry[] = merged.edits.map((e) => ({ importId, time, sourceFile: request.sourceFile, ...e }));
  const append = importLogAppend(entries, { rows: bottom(dataUsed), summaryRows }, card.model.options.locale);
  const logName = log?.name ?? append.sheet;
  const ops = new OpList();
  logOps(context.workbook, logName, !log, append, ops);

  if (newVendors.length === 0) {
    const writes: CellWrite[] = merged.edits.map((e) => ({ vendor: e.vendor, code: e.code, value: importedCell(e.newValue) }));
    ratingOps(context.workbook, card, state, ratingBlocks(card.plan.layout.ratings, writes).blocks, env.supports, ops);
    await write(env, ops, 0.2);
    return { ...result, logSheet: logName };
  }
  // New vendors: the log first, then the scorecard rebuilt through the create path with every rating kept.
  await write(env, ops, 0.2);
  await rebuild(env, card, state, [...card.model.vendors, ...newVendors], merged.edits, time);
  options?.onProgress?.(1, "import");
  return { ...result, logSheet: logName };
}

async function rebuild(env: ImportEnv, card: Scorecard, state: WorkbookState, vendors: string[], edits: { vendor: string; code: string; newValue: number | "NA" }[], time: string): Promise<void> {
  const weights = card.grids.weights;
  if (!weights) throw sheetMissing(card.plan.layout.sheetNames.weights ?? "weights");
  const W = card.plan.layout.weights;
  const tree = treeWithWeights(card.model.tree, weights.grid, W, parseCell(`${W.weightColumn}1`).col);
  const input = { tree, vendors, options: card.model.options, createdAt: time };
  const carried = carryOver(card, storedModel(input));
  const kept = carried.kept;
  for (const e of edits) (kept[e.vendor] ??= {})[e.code] = e.newValue;
  const plan = buildPlan({ ...input, ratings: kept, archived: carried.archived });
  await applyPlan(env.syncer.context, plan, { supports: env.supports, state, scorecardSheets: card.sheets, syncer: env.syncer, signal: env.options?.signal });
}

/** Syncs: 2 (list sheets; read the log's summary table). */
export async function listImports(env: ImportEnv): Promise<ImportSummary[]> {
  const { syncer } = env;
  const state = await probeWorkbook(syncer.context, syncer);
  const log = findLog(state);
  if (!log) return [];
  const range = usedPart(syncer.context, log.name, SUMMARY_COLUMNS, "address,values");
  syncer.add(400);
  await syncer.sync();
  return summariesOf(range).map(({ row: _row, firstRow: _first, rows: _rows, ...summary }) => summary);
}

function summariesOf(range: Excel.Range): SummaryRow[] {
  if (range.isNullObject) return [];
  const grid = Grid.fromRange(range.address, range.values as CellValue[][]);
  const rows = grid.values.map((_, i) => grid.rect(grid.top + i, SUMMARY_COL, grid.top + i, SUMMARY_COL + SUMMARY_WIDTH - 1)[0]);
  return readSummaries(rows, grid.top);
}

/** The log rows first..first+count-1, one sync per LOG_READ_ROWS rows. */
async function readLogRows(syncer: Syncer, sheet: string, first: number, count: number): Promise<LoggedEntry[]> {
  const out: LoggedEntry[] = [];
  for (let top = first; top < first + count; top += LOG_READ_ROWS) {
    const last = Math.min(first + count, top + LOG_READ_ROWS) - 1;
    const range = syncer.context.workbook.worksheets.getItem(sheet).getRange(rect(top, 1, last, IMPORT_LOG_WIDTH)).load("values");
    syncer.add(400);
    await syncer.sync();
    out.push(...readImportLog(range.values as CellValue[][], top));
  }
  return out;
}

function importNotFound(importId: string): ScorecardError {
  return new ScorecardError("ScorecardImportNotFound", `The Import log has no import "${importId}" that can still be undone.`);
}

/** Syncs: 4 (list sheets; read model, Ratings and the log summary; read the import's rows; write). */
export async function undoImport(env: ImportEnv, importId: string): Promise<UndoImportResult> {
  const { syncer, options } = env;
  const context = syncer.context;
  options?.onProgress?.(0, "read");
  const state = await probeWorkbook(context, syncer);
  const log = findLog(state);
  if (!log || !findSheet(state, MODEL_SHEET_NAME)) throw log ? noScorecard() : importNotFound(importId);
  const summaryRange = usedPart(context, log.name, SUMMARY_COLUMNS, "address,values");
  syncer.add(400);
  const card = await readScorecard(context, syncer, state, ["ratings"]);
  if (!card) throw noScorecard();
  const ratings = ratingsOf(card);
  const summary = summariesOf(summaryRange).find((x) => x.importId === importId && !x.undone);
  if (!summary) throw importNotFound(importId);
  const entries = (await readLogRows(syncer, log.name, summary.firstRow, summary.rows)).filter((e) => e.importId === importId && e.undoneAt === undefined);
  options?.onProgress?.(0.3, "undo");
  const current = currentCells(card, ratings.grid);
  const L = card.plan.layout.ratings;
  const vendors = new Set(L.vendors);
  const leaves = new Set(L.rows.filter((r) => r.leaf).map((r) => r.code));
  const writes: CellWrite[] = [];
  let changedSince = 0;
  let missing = 0;
  for (const e of entries) {
    const now = current.get(cellKey(e.vendor, e.code)) ?? null;
    if (!vendors.has(e.vendor) || !leaves.has(e.code)) missing++;
    else if (now !== null && sameRating(now, e.newValue)) writes.push({ vendor: e.vendor, code: e.code, value: e.oldValue });
    else changedSince++;
  }
  const { blocks } = ratingBlocks(L, writes);
  const ops = new OpList();
  ratingOps(context.workbook, card, state, blocks, env.supports, ops);
  blockOps(() => context.workbook.worksheets.getItem(log.name), undoneMarks(entries.map((e) => e.row), env.now.toISOString(), summary.row), ops);
  await write(env, ops, 0.3);
  options?.onProgress?.(1, "undo");
  return { restored: writes.length, changedSince, missing };
}

function sameRating(cell: CellValue, v: number | "NA"): boolean {
  const c = importedCell(v);
  return cell === c || (typeof cell === "string" && typeof c === "string" && cell.trim().toUpperCase() === c.toUpperCase());
}
