/**
 * Imported ratings into the workbook, the Import log (shared with merged rater copies, see
 * ./panelPort.ts), and undo. Sync counts are constant: import 3 (list sheets; read model,
 * Ratings — values and formulas, so an overwritten formula is logged as one —, Weights and the
 * log's extent; write) or 4 when new vendors rebuild the scorecard (the log is written first,
 * then the rebuild); list 2 (the log's list of imports only); undo 4 (list
 * sheets; read the model and the list; read the import's block and the one rating sheet it
 * wrote; write). The log
 * holds a compact block per import (../plan/importLog.ts), so a 100,000-rating import writes one
 * request of about 2 MB and its undo reads about 1.5 MB. A write splits only past the 4 MB
 * request budget; a block is read in slices only past LOG_READ_CELLS cells.
 */
import { buildPlan, MODEL_SHEET_NAME, parseRect, readStoredModel, rect, storedModel, type CellBlock, type CellValue, type RatingsLayout, type SheetPlan, type StoredModel, type WorkbookPlan } from "../plan";
import {
  DETAIL_COLUMN,
  importIdOf,
  importLogAppend,
  readBlock,
  readBlockNotes,
  readSummaries,
  SUMMARY_COLUMNS,
  SUMMARY_WIDTH,
  undoneMark,
  type ImportLogEntry,
  type ImportMeta,
  type ImportSummary,
  type NoteLogEntry,
  type SummaryRow,
} from "../plan/importLog";
import { importLogSheetNames } from "../plan/importLogLabels";
import { cellKey, importedCell, importEdits, noteBlocks, noteEdits, ratingBlocks, type CellWrite } from "../plan/importWrite";
import type { ImportRatingsRequest, ImportRatingsResult, PortCallOptions, UndoImportResult, UndoLeftCell } from "../port";
import { Grid, localAddress } from "./address";
import { applyPlan, protectOps } from "./applyPlan";
import { estimate, jsonSize, OpList, runOps, type Syncer } from "./batch";
import { chunkBlock, textGuardFormats, writeBlock } from "./blocks";
import { carryOver } from "./carryOver";
import { pairwiseCarry } from "./pairwiseCarry";
import { awardCarry, treeWithMinimums } from "./awardCarry";
import { maturityCarry } from "./maturity";
import { reportCarry } from "./reportCarry";
import { noScorecard, ScorecardError, sheetMissing } from "./errors";
import { widthPoints } from "./styles";
import { sameWeight, weightBlocks, weightCells } from "./weightCells";
import { checkRatingsLayout, checkWeightsLayout, findSheet, noteCells, probeWorkbook, ratingCells, readScorecard, rebuildPlan, treeWithWeights, type ExistingSheet, type Scorecard, type SheetGrid, type WorkbookState } from "./readBack";

export interface ImportEnv {
  syncer: Syncer;
  supports(version: string): boolean;
  now: Date;
  options?: PortCallOptions;
}

export function findLog(state: WorkbookState): ExistingSheet | undefined {
  for (const name of importLogSheetNames()) {
    const s = findSheet(state, name);
    if (s) return s;
  }
  return undefined;
}

/** Cells of a block read per sync (at most ~12 bytes a cell in the response: ~3 MB, under Excel on the web's 5 MB). */
export const LOG_READ_CELLS = 250_000;
/** Cells of the import's block listed in an undo's result when they changed since the import. */
export const LEFT_CELLS_LISTED = 50;

function usedPart(context: Excel.RequestContext, sheet: string, columns: string, props: string): Excel.Range {
  return context.workbook.worksheets.getItem(sheet).getRange(columns).getUsedRangeOrNullObject(true).load(props);
}

function bottom(range: Excel.Range | null): number {
  return range && !range.isNullObject ? parseRect(localAddress(range.address)).r2 : 0;
}

/** The log's extent, queued before a read sync: the last used rows of the list and of the blocks. */
export function queueLogExtent(context: Excel.RequestContext, syncer: Syncer, state: WorkbookState): () => { log: ExistingSheet | undefined; summaryRows: number; detailRows: number } {
  const log = findLog(state);
  const list = log ? usedPart(context, log.name, "A:A", "address") : null;
  const details = log ? usedPart(context, log.name, `${DETAIL_COLUMN}:${DETAIL_COLUMN}`, "address") : null;
  if (log) syncer.add(800);
  return () => ({ log, summaryRows: bottom(list), detailRows: bottom(details) });
}

function ratingsOf(card: Scorecard): SheetGrid {
  const r = card.grids.ratings;
  if (!r) throw sheetMissing(card.plan.layout.sheetNames.ratings ?? "ratings");
  checkRatingsLayout(r.sheet, r.grid, card.plan.layout.ratings);
  return r;
}

const isBlank = (v: CellValue): boolean => v === null || (typeof v === "string" && v.trim() === "");

/**
 * Current non-blank rating cells by vendor and leaf code, and the rating cells holding a formula
 * (blank-looking ones too: what an edit of them must log to be undone).
 */
function currentCells(card: Scorecard, ratings: SheetGrid): { cells: Map<string, CellValue>; formulas: Map<string, string> } {
  const cells = new Map<string, CellValue>();
  const formulas = new Map<string, string>();
  for (const c of ratingCells(ratings.grid, card.plan.layout.ratings, card.model.tree, ratings.formulas)) {
    const k = cellKey(c.vendor, c.code);
    if (!isBlank(c.value)) cells.set(k, c.value);
    if (c.formula !== undefined) formulas.set(k, c.formula);
  }
  return { cells, formulas };
}

/** Current non-blank reasons of a ratings sheet's notes grid by vendor and leaf code (none without a grid). */
export function currentNotes(grid: Grid, layout: RatingsLayout): Map<string, string> {
  return new Map(noteCells(grid, layout).filter((c) => c.text !== "").map((c) => [cellKey(c.vendor, c.code), c.text]));
}

/**
 * Queues values blocks, chunked, with the text guard ("@" first) wherever a string must stay
 * text; `text`: every cell formatted "@" (the notes grid stays text, see ../plan/ratingsSheet.ts).
 */
export function blockOps(ws: () => Excel.Worksheet, blocks: readonly CellBlock[], ops: OpList, text = false): void {
  for (const block of blocks) {
    for (const piece of chunkBlock(block)) {
      const guard = text ? piece.cells.map((row) => row.map(() => "@")) : textGuardFormats(piece);
      ops.push(estimate(guard ? 3 : 2, [piece.address, piece.cells]) + (guard ? jsonSize(guard) : 0), () => writeBlock(ws().getRange(piece.address), piece, guard));
    }
  }
}

/** One import appended to the log (the sheet added first when the workbook has none). */
export function logOps(wb: Excel.Workbook, extent: ReturnType<ReturnType<typeof queueLogExtent>>, meta: ImportMeta, entries: readonly ImportLogEntry[], card: Scorecard, ops: OpList, notes: readonly NoteLogEntry[] = []): string {
  const order = { codes: card.plan.layout.ratings.rows.filter((r) => r.leaf).map((r) => r.code), vendors: card.plan.layout.ratings.vendors };
  const append = importLogAppend(meta, entries, extent, card.model.options.locale, order, notes);
  const sheet = extent.log?.name ?? append.sheet;
  let proxy: Excel.Worksheet | null = null;
  const ws = (): Excel.Worksheet => proxy ?? wb.worksheets.getItem(sheet);
  if (!extent.log) {
    ops.push(estimate(1, sheet), () => void (proxy = wb.worksheets.add(sheet)));
    for (const c of append.columns) ops.push(estimate(2, c), () => void (ws().getRange(`${c.range}:${c.range}`).format.columnWidth = widthPoints(c.width)));
  }
  blockOps(ws, append.blocks, ops);
  return sheet;
}

/**
 * Rating cells (and `notes`, blocks of the notes grid, kept text) written on a rating sheet,
 * unprotecting it around the write when it was protected.
 */
export function ratingOps(wb: Excel.Workbook, name: string, plan: SheetPlan | undefined, state: WorkbookState, blocks: CellBlock[], supports: (v: string) => boolean, ops: OpList, notes: CellBlock[] = []): void {
  if (blocks.length === 0 && notes.length === 0) return;
  const ws = (): Excel.Worksheet => wb.worksheets.getItem(name);
  const wasProtected = (findSheet(state, name)?.protected ?? false) && plan !== undefined;
  if (wasProtected) ops.push(estimate(2), () => ws().protection.unprotect(plan.protection.password ?? undefined));
  blockOps(ws, blocks, ops);
  blockOps(ws, notes, ops, true);
  if (wasProtected) protectOps(plan, ws, supports, () => undefined, ops);
}

export async function write(env: { syncer: Syncer; supports(v: string): boolean; options?: PortCallOptions }, ops: OpList, from: number): Promise<void> {
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
  const extentOf = queueLogExtent(context, syncer, state);
  // Ratings with its formulas (same range, same sync): an overwritten formula is logged as one.
  const card = await readScorecard(context, syncer, state, ["ratings", "weights", "archive", "pairwise", "maturity", "price", "report"], { formulas: ["ratings", "report"] });
  if (!card) throw noScorecard();
  const ratings = ratingsOf(card);
  const leafCodes = new Set(card.plan.layout.ratings.rows.filter((r) => r.leaf).map((r) => r.code));
  const valid = request.ratings.filter((r) => leafCodes.has(r.code) && r.vendor.trim() !== "");
  const current = currentCells(card, ratings);
  const merged = importEdits(current.cells, valid, request.choice, current.formulas);
  const known = new Set(card.model.vendors);
  const newVendors = [...new Set(merged.edits.map((e) => e.vendor))].filter((v) => !known.has(v));
  // Reasons (issue #14): into the notes grid, decided like ratings; a sheet without one skips them.
  const layout = card.plan.layout.ratings;
  const withNote = valid.filter((r) => (r.comment ?? "").trim() !== "");
  // New vendors rebuild the scorecard in today's layout, which has a notes grid even where the old sheet had none.
  const grid = layout.notes !== undefined || newVendors.length > 0;
  const placed = new Set([...known, ...newVendors]);
  const notes = noteEdits(grid ? currentNotes(ratings.grid, layout) : new Map(), grid ? valid.map((r) => ({ vendor: r.vendor, code: r.code, ...(r.rater ? { rater: r.rater } : {}), note: r.comment ?? "" })) : [], request.choice);
  const noteLog = notes.edits.filter((e) => placed.has(e.vendor));
  const time = env.now.toISOString();
  const extent = extentOf();
  const importId = importIdOf(time, Math.max(extent.summaryRows, 1));
  const result: ImportRatingsResult = {
    importId,
    added: merged.edits.filter((e) => e.action === "added").length,
    overwritten: merged.edits.filter((e) => e.action === "overwritten").length,
    kept: merged.kept,
    unchanged: merged.unchanged,
    skipped: merged.skipped + request.ratings.length - valid.length,
    newVendors,
    ...(withNote.length > 0
      ? grid
        ? { notesAdded: noteLog.filter((e) => e.oldValue === null).length, notesOverwritten: noteLog.filter((e) => e.oldValue !== null).length, notesKept: notes.kept, notesUnchanged: notes.unchanged }
        : { notesSkipped: withNote.length }
      : {}),
  };
  if (merged.edits.length === 0 && noteLog.length === 0) {
    options?.onProgress?.(1, "import");
    return result;
  }
  options?.onProgress?.(0.2, "import");
  const ops = new OpList();
  const logSheet = logOps(context.workbook, extent, { importId, kind: "import", time, sourceFile: request.sourceFile }, merged.edits, card, ops, noteLog);

  if (newVendors.length === 0) {
    const writes: CellWrite[] = merged.edits.map((e) => ({ vendor: e.vendor, code: e.code, value: importedCell(e.newValue) }));
    const plan = card.plan.sheets.find((s) => s.key === "ratings");
    const noteWrites: CellWrite[] = noteLog.map((e) => ({ vendor: e.vendor, code: e.code, value: e.newValue }));
    ratingOps(context.workbook, ratings.sheet, plan, state, ratingBlocks(layout, writes).blocks, env.supports, ops, noteBlocks(layout, noteWrites).blocks);
    await write(env, ops, 0.2);
    return { ...result, logSheet };
  }
  // New vendors: the log first, then the scorecard rebuilt through the create path with every rating (and reason) kept.
  await write(env, ops, 0.2);
  await rebuild(env, card, state, [...card.model.vendors, ...newVendors], merged.edits, time, noteLog);
  options?.onProgress?.(1, "import");
  return { ...result, logSheet };
}

async function rebuild(env: ImportEnv, card: Scorecard, state: WorkbookState, vendors: string[], edits: { vendor: string; code: string; newValue: number | "NA" }[], time: string, noteLog: readonly NoteLogEntry[]): Promise<void> {
  const weights = card.grids.weights;
  if (!weights) throw sheetMissing(card.plan.layout.sheetNames.weights ?? "weights");
  const W = card.plan.layout.weights;
  // Weights and minimums as they stand on Weights; the Price sheet's settings and bids (see ./awardCarry.ts).
  const tree = treeWithMinimums(treeWithWeights(card.model.tree, weights.grid, W), weights.grid, W, card.plan.layout.award);
  const award = awardCarry(card);
  // The Report as the workbook has it, with what was typed in its signature block (see ./reportCarry.ts).
  const input = { tree, vendors, options: card.model.options, createdAt: time, ...reportCarry(card) };
  const carried = carryOver(card, storedModel(input));
  const kept = carried.kept;
  for (const e of edits) (kept[e.vendor] ??= {})[e.code] = e.newValue;
  const notes = carried.notes;
  for (const e of noteLog) (notes[e.vendor] ??= {})[e.code] = e.newValue;
  const pairwise = pairwiseCarry(card, tree);
  const maturity = maturityCarry(card);
  const plan = buildPlan({ ...input, ratings: kept, notes, archived: carried.archived, ...(pairwise ? { pairwise } : {}), ...(maturity ? { maturity } : {}), ...(award ? { award } : {}), ...(card.model.sensitivity ? { sensitivity: true } : {}) });
  await applyPlan(env.syncer.context, plan, { supports: env.supports, state, scorecardSheets: card.sheets, syncer: env.syncer, signal: env.options?.signal });
}

/** Syncs: 2 (list sheets; read the log's list of imports). */
export async function listImports(env: ImportEnv): Promise<ImportSummary[]> {
  const { syncer } = env;
  const state = await probeWorkbook(syncer.context, syncer);
  const log = findLog(state);
  if (!log) return [];
  const range = usedPart(syncer.context, log.name, SUMMARY_COLUMNS, "address,values");
  syncer.add(400);
  await syncer.sync();
  return summariesOf(range).map(({ row: _row, details: _details, ...summary }) => summary);
}

function summariesOf(range: Excel.Range): SummaryRow[] {
  if (range.isNullObject) return [];
  const grid = Grid.fromRange(range.address, range.values as CellValue[][]);
  const rows = grid.values.map((_, i) => grid.rect(grid.top + i, 1, grid.top + i, SUMMARY_WIDTH)[0]);
  return readSummaries(rows, grid.top);
}

/**
 * The import's block (in one read, or in slices of LOG_READ_CELLS cells past that), with the
 * rating sheet `sheet` loaded alongside its first slice.
 */
async function readDetails(syncer: Syncer, log: string, details: string, sheet: string | undefined): Promise<{ values: CellValue[][]; target: Excel.Range | null }> {
  const { r1, c1, r2, c2 } = parseRect(details);
  const step = Math.max(1, Math.floor(LOG_READ_CELLS / (c2 - c1 + 1)));
  const values: CellValue[][] = [];
  let target: Excel.Range | null = null;
  for (let top = r1; top <= r2; top += step) {
    const range = syncer.context.workbook.worksheets.getItem(log).getRange(rect(top, c1, Math.min(r2, top + step - 1), c2)).load("values");
    if (top === r1 && sheet !== undefined) target = syncer.context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true).load("address,values");
    syncer.add(800);
    await syncer.sync();
    values.push(...(range.values as CellValue[][]));
  }
  return { values, target };
}

function importNotFound(importId: string): ScorecardError {
  return new ScorecardError("ScorecardImportNotFound", `The Import log has no import "${importId}" that can still be undone.`);
}

/** The stored model from the model sheet's used range (as readScorecard reads it). */
function modelOf(range: Excel.Range): StoredModel | null {
  if (range.isNullObject) return null;
  const grid = Grid.fromRange(range.address, range.values as CellValue[][]);
  if (grid.top !== 1 || grid.left !== 1) return null;
  return readStoredModel(grid.values.map((row) => row[0] ?? null));
}

/** The rating sheet an import or a merge wrote: Ratings, or the merged rater's sheet of a panel. */
function targetSheet(plan: WorkbookPlan, state: WorkbookState, summary: SummaryRow): { name: string; plan: SheetPlan | undefined } | null {
  if (summary.kind === "weights") {
    const weights = plan.layout.sheetNames.weights;
    const found = weights === undefined ? undefined : findSheet(state, weights);
    return found ? { name: found.name, plan: plan.sheets.find((s) => s.key === "weights") } : null;
  }
  const panel = plan.layout.panel;
  const name = summary.kind === "merge" ? panel?.raters.find((r) => r.name === summary.rater)?.sheet : panel ? undefined : plan.layout.sheetNames.ratings;
  const found = name === undefined ? undefined : findSheet(state, name);
  if (!found) return null;
  const sheetPlan = plan.sheets.find((s) => s.key === "ratings" && (summary.kind === "merge" ? s.rater === summary.rater : true));
  return { name: found.name, plan: sheetPlan };
}

/**
 * Syncs: 4 (list sheets; read the model and the log's list; read the import's block and the one
 * rating sheet it wrote; write). Sets every cell the import wrote back to what it held before
 * where it still holds the imported value — a formula it overwrote as that formula (written
 * through `range.formulas`), anything else as a value; cells changed since are left as they are and
 * reported (the first LEFT_CELLS_LISTED of them by name), never overwritten. Cells whose vendor,
 * indicator or rater sheet is gone are counted as missing. The list row is marked undone.
 */
export async function undoImport(env: ImportEnv, importId: string): Promise<UndoImportResult> {
  const { syncer, options } = env;
  const context = syncer.context;
  options?.onProgress?.(0, "read");
  const state = await probeWorkbook(context, syncer);
  const log = findLog(state);
  const modelSheet = findSheet(state, MODEL_SHEET_NAME);
  if (!log || !modelSheet) throw log ? noScorecard() : importNotFound(importId);
  const summaryRange = usedPart(context, log.name, SUMMARY_COLUMNS, "address,values");
  const modelRange = context.workbook.worksheets.getItem(modelSheet.name).getUsedRangeOrNullObject(true).load("address,values");
  syncer.add(800);
  await syncer.sync();
  const model = modelOf(modelRange);
  if (!model) throw noScorecard();
  const plan = rebuildPlan(model);
  const summary = summariesOf(summaryRange).find((x) => x.importId === importId && !x.undone);
  if (!summary) throw importNotFound(importId);
  const target = targetSheet(plan, state, summary);
  // "Use these weights" (kind "weights") wrote weight cells on Weights, keyed by code alone.
  const weights = summary.kind === "weights";
  const read = await readDetails(syncer, log.name, summary.details, target?.name);
  const entries = readBlock(read.values, importId);
  if (entries === null) throw importNotFound(importId);
  const noteEntries = weights ? [] : readBlockNotes(read.values, importId) ?? [];
  options?.onProgress?.(0.3, "undo");

  const L = plan.layout.ratings;
  const keyOf = (vendor: string, code: string): string => (weights ? code : cellKey(vendor, code));
  const cells = new Map<string, { address: string; value: CellValue }>();
  const noteAt = new Map<string, { address: string; text: string }>();
  if (target && read.target) {
    const grid = read.target.isNullObject ? Grid.empty() : Grid.fromRange(read.target.address, read.target.values as CellValue[][]);
    if (weights) {
      checkWeightsLayout(target.name, grid, plan.layout.weights);
      for (const [code, c] of weightCells(grid, plan.layout.weights)) cells.set(code, c);
    } else {
      checkRatingsLayout(target.name, grid, L);
      for (const c of ratingCells(grid, L, model.tree)) cells.set(cellKey(c.vendor, c.code), { address: c.address, value: c.value });
      for (const c of noteCells(grid, L)) noteAt.set(cellKey(c.vendor, c.code), c);
    }
  }
  const writes: CellWrite[] = [];
  const formulaWrites: CellWrite[] = [];
  const left: UndoLeftCell[] = [];
  let changedSince = 0;
  let missing = 0;
  for (const e of entries) {
    const cell = cells.get(keyOf(e.vendor, e.code));
    if (!target || !cell) missing++;
    else if (!isBlank(cell.value) && (weights ? sameWeight(cell.value, e.newValue) : sameRating(cell.value, e.newValue))) {
      if (e.oldFormula !== undefined) formulaWrites.push({ vendor: e.vendor, code: e.code, value: e.oldFormula });
      else writes.push({ vendor: e.vendor, code: e.code, value: e.oldValue });
    } else {
      changedSince++;
      if (left.length < LEFT_CELLS_LISTED) left.push({ sheet: target.name, address: cell.address, vendor: e.vendor, code: e.code, ...(e.rater ? { rater: e.rater } : {}), imported: e.newValue, now: isBlank(cell.value) ? null : cell.value });
    }
  }
  // Reasons: set back where the cell still holds the imported text (trimmed, as read), else left.
  const noteWrites: CellWrite[] = [];
  let notesChangedSince = 0;
  for (const e of noteEntries) {
    const cell = noteAt.get(cellKey(e.vendor, e.code));
    if (!target || !cell) missing++;
    else if (cell.text === e.newValue.trim()) noteWrites.push({ vendor: e.vendor, code: e.code, value: e.oldValue });
    else {
      notesChangedSince++;
      if (left.length < LEFT_CELLS_LISTED) left.push({ sheet: target.name, address: cell.address, vendor: e.vendor, code: e.code, ...(e.rater ? { rater: e.rater } : {}), imported: e.newValue, now: cell.text === "" ? null : cell.text, note: true });
    }
  }
  const ops = new OpList();
  // Formulas apart from values: a values block would write "=…" as text (the text guard).
  const at = (w: CellWrite): { address: string; value: CellValue } => ({ address: cells.get(keyOf(w.vendor, w.code))?.address as string, value: w.value });
  const blocks = weights
    ? [...weightBlocks(writes.map(at)), ...weightBlocks(formulaWrites.map(at), "formulas")]
    : [...ratingBlocks(L, writes).blocks, ...ratingBlocks(L, formulaWrites, "formulas").blocks];
  if (target) ratingOps(context.workbook, target.name, target.plan, state, blocks, env.supports, ops, noteBlocks(L, noteWrites).blocks);
  blockOps(() => context.workbook.worksheets.getItem(log.name), [undoneMark(summary.row, env.now.toISOString(), changedSince + notesChangedSince)], ops);
  await write(env, ops, 0.3);
  options?.onProgress?.(1, "undo");
  return {
    restored: writes.length + formulaWrites.length,
    changedSince,
    missing,
    ...(left.length > 0 ? { changedCells: left } : {}),
    ...(noteEntries.length > 0 ? { notesRestored: noteWrites.length, notesChangedSince } : {}),
  };
}

function sameRating(cell: CellValue, v: number | "NA"): boolean {
  const c = importedCell(v);
  return cell === c || (typeof cell === "string" && typeof c === "string" && cell.trim().toUpperCase() === c.toUpperCase());
}
