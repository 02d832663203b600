/** The task pane's WorkbookPort over Office.js: every call is one Excel.run with a fixed number of syncs. */
import { scoreCube, toScoreResult, type Rating } from "../core/engine";
import { walk } from "../core/model/tree";
import type { IndicatorTree } from "../core/model/types";
import {
  buildPlan,
  cell,
  freezeResults as freezePlan,
  MODEL_SHEET_NAME,
  parseRect,
  storedModel,
  type SheetPlan,
  type WorkbookPlan,
} from "../plan";
import type {
  ApplyGroupWeightsResult,
  GroupWeightsPreview,
  GroupWeightsRequest,
  MaturityMarksRequest,
  MaturityMarksWritten,
  MaturityReading,
  PrepareReportResult,
  PairwiseReading,
  Capabilities,
  CreateWorkbookRequest,
  CreateWorkbookResult,
  ApplyCopyResult,
  ExportRaterCopyOptions,
  MergeChoice,
  RaterCopyFile,
  ReturnedCopyPreview,
  ImportRatingsRequest,
  ImportRatingsResult,
  ImportSummary,
  PortCallOptions,
  UndoImportResult,
  WorkbookPort,
  WorkbookProblem,
  WorkbookSnapshot,
} from "../port";
import { Grid } from "./address";
import { applyPlan, protectOps } from "./applyPlan";
import { sheetOps } from "./applySheet";
import { estimate, newStats, OpList, runOps, Syncer, type SyncStats } from "./batch";
import { chunkBlock } from "./blocks";
import { panelCarryOver, panelSnapshot, ratersRemoved, withModerationInputs } from "./panel";
import { notesSnapshot } from "./notesSnapshot";
import { applyReturnedCopy, exportRaterCopy, mergeReturnedCopy, type PanelEnv } from "./panelPort";
import { importRatings, listImports, undoImport, type ImportEnv } from "./importRatings";
import { noScorecard, sheetMissing, structureChanged, throwIfAborted } from "./errors";
import { CubeFill } from "./ratingCube";
import { applyGroupWeights, previewGroupWeights, readPairwise } from "./pairwise";
import { pairwiseCarry } from "./pairwiseCarry";
import { awardCarry, sheetAwardSettings, withSheetMinimums } from "./awardCarry";
import { withAward } from "./awardSnapshot";
import { maturityCarry, readMaturity, writeMaturityMarks } from "./maturity";
import { prepareReport } from "./report";
import { reportCarry, reportInPlace } from "./reportCarry";
import {
  checkRatingsLayout,
  checkResultsLayout,
  checkWeightsLayout,
  classify,
  probeWorkbook,
  ratingCells,
  readScorecard,
  readWeights,
  type Scorecard,
  type WorkbookState,
} from "./readBack";

/** What the port needs from Office; tests pass a fake. */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(version: string): boolean;
  platform(): string | undefined;
  now(): Date;
}

export const EXCEL_API_VERSIONS = Array.from({ length: 17 }, (_, i) => `1.${i + 1}`);

export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (version) => Office.context.requirements?.isSetSupported("ExcelApi", version) ?? false,
    platform: () => (Office.context.platform == null ? undefined : String(Office.context.platform)),
    now: () => new Date(),
  };
}

export interface ExcelPortOptions {
  host?: ExcelHost;
  /** Called after every operation with its sync count and estimated request sizes (bench, diagnostics). */
  onStats?(operation: keyof WorkbookPort, stats: SyncStats): void;
}

export function createExcelPort(options: ExcelPortOptions = {}): WorkbookPort {
  return new ExcelPort(options.host ?? officeHost(), options.onStats);
}

class ExcelPort implements WorkbookPort {
  constructor(
    private readonly host: ExcelHost,
    private readonly onStats?: ExcelPortOptions["onStats"],
  ) {}

  private supports = (version: string): boolean => this.host.isSetSupported(version);

  private async run<T>(op: keyof WorkbookPort, options: PortCallOptions | undefined, body: (syncer: Syncer) => Promise<T>): Promise<T> {
    throwIfAborted(options?.signal);
    const stats = newStats();
    const result = await this.host.run((context) => body(new Syncer(context, stats, options?.signal)));
    this.onStats?.(op, stats);
    return result;
  }

  async getCapabilities(options?: PortCallOptions): Promise<Capabilities> {
    throwIfAborted(options?.signal);
    const platform = this.host.platform();
    return { host: "excel", ...(platform !== undefined ? { platform } : {}), excelApi: EXCEL_API_VERSIONS.filter(this.supports) };
  }

  /**
   * Syncs: 1 to list sheets, +1 to read an existing scorecard, then 1 write (more only when the
   * queued writes pass the 4 MB request budget). Two or more raters build a panel (one sheet per
   * rater, Consolidated, Moderation); re-creating keeps every rater's ratings and the Moderation inputs.
   */
  async createWorkbook(request: CreateWorkbookRequest, options?: PortCallOptions): Promise<CreateWorkbookResult> {
    return this.run("createWorkbook", options, async (syncer) => {
      options?.onProgress?.(0, "prepare");
      const state = await probeWorkbook(syncer.context, syncer);
      const old = await readScorecard(syncer.context, syncer, state, ["ratings", "archive", "pairwise", "maturity", "weights", "price", "report"], { panel: true, formulas: ["report"] });
      options?.onProgress?.(0.1, "ratings");
      const panel = request.raters.length >= 2;
      // The Maturity sheets' marks are carried (a sheet with marks is never dropped silently; see ./maturity.ts).
      const maturity = maturityCarry(old, request.maturity);
      // Minimums the request leaves unsaid keep those typed on Weights (see ./awardCarry.ts).
      const tree = withSheetMinimums(request.tree, old);
      const input = {
        tree, vendors: request.vendors, createdAt: this.host.now().toISOString(),
        options: { missing: request.missing, locale: request.locale, ...(panel ? { aggregate: request.aggregate ?? "mean" } : {}) },
        ...(request.raters.length > 0 ? { raters: request.raters } : {}),
        ...(maturity ? { maturity } : {}),
        // The Report sheet (issue #14): as asked, else as the workbook has it, with what was typed in its signature block (see ./reportCarry.ts).
        ...reportCarry(old, request.report),
      };
      // Every rater's ratings, the Archive and the Moderation inputs are carried over (see ./panel.ts).
      const carried = old ? panelCarryOver(old, storedModel(input)) : { ratings: {}, raterRatings: {}, notes: {}, raterNotes: {}, archived: [], moderation: [], droppedRaters: [] };
      if (carried.droppedRaters.length > 0) throw ratersRemoved(carried.droppedRaters);
      // The Pairwise sheet's groups and judgements too (see ./pairwise.ts).
      const pairwise = pairwiseCarry(old, tree, request.pairwise, request.raters);
      // The Price sheet's settings and bids, the typed grade bands (see ./awardCarry.ts).
      const award = awardCarry(old, request.award);
      // The Sensitivity sheet: as asked, else as the workbook has it (its cells are all formulas).
      const sensitivity = request.sensitivity ?? old?.model.sensitivity ?? false;
      const built = buildPlan({ ...input, ratings: carried.ratings, raterRatings: carried.raterRatings, notes: carried.notes, raterNotes: carried.raterNotes, archived: carried.archived, ...(pairwise ? { pairwise } : {}), ...(award ? { award } : {}), ...(sensitivity ? { sensitivity } : {}) });
      const plan = withModerationInputs(built, carried.moderation);
      const firstInput = firstInputCell(plan);
      const result = await applyPlan(syncer.context, plan, {
        supports: this.supports, state, scorecardSheets: old?.sheets ?? [], syncer, signal: options?.signal,
        onProgress: (f) => options?.onProgress?.(0.2 + 0.8 * f, f < 1 ? "results" : "format"),
        ...(firstInput ? { activate: firstInput } : {}),
      });
      const shown = new Set(plan.sheets.filter((s) => s.visibility === "visible").map((s) => s.name));
      return { sheets: result.sheets.filter((name) => shown.has(name)), ...(firstInput ? { firstInput } : {}), ...(result.noteCodes.length > 0 ? { notes: result.noteCodes } : {}) };
    });
  }

  /** Syncs: 2 (list sheets; read model, Ratings — every rater's sheet and Moderation for a panel — and Weights). */
  async readWorkbook(options?: PortCallOptions): Promise<WorkbookSnapshot | null> {
    return this.run("readWorkbook", options, async (syncer) => {
      options?.onProgress?.(0, "read");
      const state = await probeWorkbook(syncer.context, syncer);
      const card = await readScorecard(syncer.context, syncer, state, ["ratings", "weights", "price"], { panel: true });
      if (!card) return null;
      options?.onProgress?.(0.6, "check");
      // The award decision from the minimums, bands, Price settings and bids as they stand (see ./awardSnapshot.ts).
      const snapshot = withAward(card, card.panel ? panelSnapshot(card) : snapshotOf(card));
      options?.onProgress?.(1, "check");
      return snapshot;
    });
  }

  /** Syncs: 1. */
  async selectCell(sheet: string, address: string, options?: PortCallOptions): Promise<void> {
    return this.run("selectCell", options, async (syncer) => {
      options?.onProgress?.(0, "select");
      const ws = syncer.context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      syncer.add(estimate(3));
      await syncer.sync();
    });
  }

  /** Syncs: 3 (list sheets; read model and Results; write the frozen copy). */
  async freezeResults(options?: PortCallOptions): Promise<{ sheet: string }> {
    return this.run("freezeResults", options, async (syncer) => {
      options?.onProgress?.(0, "freeze");
      const state = await probeWorkbook(syncer.context, syncer);
      const card = await readScorecard(syncer.context, syncer, state, ["results"], { panel: true });
      if (!card) throw noScorecard();
      const results = required(card, "results");
      const layout = card.plan.layout.results;
      checkResultsLayout(results.sheet, results.grid, layout, card.model.vendors);
      const r = parseRect(layout.range);
      const sheet = freezePlan({
        values: results.grid.rect(r.r1, r.c1, r.r2, r.c2), results: layout, locale: card.model.options.locale,
        date: this.host.now().toISOString(), existingSheetNames: state.sheets.map((s) => s.name),
      });
      const frozen: WorkbookPlan = { ...card.plan, sheets: [sheet], names: [] };
      await applyPlan(syncer.context, frozen, { supports: this.supports, state, syncer, signal: options?.signal });
      options?.onProgress?.(1, "freeze");
      return { sheet: sheet.name };
    });
  }

  /**
   * Syncs: 3 (list sheets; read model and Weights; write). Writes names, weights and required marks
   * where the layout says (Weights, Ratings labels, Results headers) and stores the new model.
   */
  async applyWeights(tree: IndicatorTree, options?: PortCallOptions): Promise<void> {
    return this.run("applyWeights", options, async (syncer) => {
      options?.onProgress?.(0, "weights");
      const state = await probeWorkbook(syncer.context, syncer);
      const card = await readScorecard(syncer.context, syncer, state, ["weights", "price", "report"], { panel: true });
      if (!card) throw noScorecard();
      const weights = required(card, "weights");
      checkWeightsLayout(weights.sheet, weights.grid, card.plan.layout.weights);
      const { vendors, options: modelOptions, createdAt, raters } = card.model;
      const { pairwise, maturity } = card.model;
      // The stored model takes the Price sheet's settings and typed bands, and the minimums typed on Weights where the tree leaves them unsaid (see ./awardCarry.ts).
      const award = sheetAwardSettings(card);
      // The optional parts stay as stored (the Maturity sheets' indicator names are rewritten, never their marks).
      const next = buildPlan({
        tree: withSheetMinimums(tree, card), vendors, options: modelOptions, createdAt, ...(raters ? { raters } : {}), ...(pairwise ? { pairwise: { groups: pairwise.groups } } : {}),
        ...(maturity ? { maturity: { scenarios: maturity.scenarios, ...(maturity.model ? { model: maturity.model } : {}) } } : {}),
        ...(award ? { award: { settings: award } } : {}),
        ...(card.model.sensitivity ? { sensitivity: true } : {}),
        ...(card.model.report ? { report: true } : {}),
        notesGrid: card.model.notesGrid === true,
      });
      if (!sameStructure(card.plan, next)) throw structureChanged();
      // The Report's names are rewritten above its signature block (never the block); a Report not laid out as expected is left for "Prepare report".
      const target = reportInPlace(card) ? next : { ...next, sheets: next.sheets.filter((s) => s.key !== "report") };
      const ops = rewriteOps(syncer.context.workbook, target, state, this.supports);
      await runOps(syncer, ops.ops);
      options?.onProgress?.(1, "weights");
    });
  }

  private env(syncer: Syncer, options: PortCallOptions | undefined): ImportEnv {
    return { syncer, supports: this.supports, now: this.host.now(), ...(options ? { options } : {}) };
  }

  /** Syncs: 3, or 4 when new vendors rebuild the scorecard (see ./importRatings.ts). */
  async importRatings(request: ImportRatingsRequest, options?: PortCallOptions): Promise<ImportRatingsResult> {
    return this.run("importRatings", options, (syncer) => importRatings(this.env(syncer, options), request));
  }

  /** Syncs: 2. */
  async listImports(options?: PortCallOptions): Promise<ImportSummary[]> {
    return this.run("listImports", options, (syncer) => listImports(this.env(syncer, options)));
  }

  /** Syncs: 4 (see ./importRatings.ts): an import or a merged rater copy. */
  async undoImport(importId: string, options?: PortCallOptions): Promise<UndoImportResult> {
    return this.run("undoImport", options, (syncer) => undoImport(this.env(syncer, options), importId));
  }

  private panelEnv(syncer: Syncer, options: PortCallOptions | undefined): PanelEnv {
    return { syncer, supports: this.supports, now: this.host.now(), ...(options ? { options } : {}) };
  }

  /** Syncs: 2 (see ./panelPort.ts). */
  async exportRaterCopy(rater: string, options?: PortCallOptions & ExportRaterCopyOptions): Promise<RaterCopyFile> {
    return this.run("exportRaterCopy", options, (syncer) => exportRaterCopy(this.panelEnv(syncer, options), rater, options?.prefill ?? true));
  }

  /** Syncs: 3 — the model, then the copy's rater's sheet only (see ./panelPort.ts). */
  async mergeReturnedCopy(bytes: Uint8Array, sourceFile: string, options?: PortCallOptions): Promise<ReturnedCopyPreview> {
    return this.run("mergeReturnedCopy", options, (syncer) => mergeReturnedCopy(this.panelEnv(syncer, options), bytes, sourceFile));
  }

  /** Syncs: 4 — the model, then the rater's sheet only, then the write (see ./panelPort.ts). */
  async applyReturnedCopy(copy: ReturnedCopyPreview, choice: MergeChoice, options?: PortCallOptions): Promise<ApplyCopyResult> {
    return this.run("applyReturnedCopy", options, (syncer) => applyReturnedCopy(this.panelEnv(syncer, options), copy, choice));
  }

  /** Syncs: 2 (list sheets; read the model and the Pairwise sheet; see ./pairwise.ts). */
  async readPairwise(options?: PortCallOptions): Promise<PairwiseReading | null> {
    return this.run("readPairwise", options, (syncer) => readPairwise(this.panelEnv(syncer, options)));
  }

  /** Syncs: 2 (list sheets; read the model and Weights). */
  async previewGroupWeights(request: GroupWeightsRequest, options?: PortCallOptions): Promise<GroupWeightsPreview> {
    return this.run("previewGroupWeights", options, (syncer) => previewGroupWeights(this.panelEnv(syncer, options), request));
  }

  /** Syncs: 3 (list sheets; read the model, Weights and the log's extent; write the log and the cells). */
  async applyGroupWeights(preview: GroupWeightsPreview, options?: PortCallOptions): Promise<ApplyGroupWeightsResult> {
    return this.run("applyGroupWeights", options, (syncer) => applyGroupWeights(this.panelEnv(syncer, options), preview));
  }

  /** Syncs: 2 reads (sheets; the model), then the Report and model sheets written (see ./report.ts). */
  async prepareReport(options?: PortCallOptions): Promise<PrepareReportResult> {
    return this.run("prepareReport", options, async (syncer) => {
      options?.onProgress?.(0, "prepare");
      const result = await prepareReport(syncer, this.supports);
      options?.onProgress?.(1, "format");
      return result;
    });
  }

  /** Syncs: 2 (list sheets; read the model and the Maturity sheets; see ./maturity.ts). */
  async readMaturity(options?: PortCallOptions): Promise<MaturityReading | null> {
    return this.run("readMaturity", options, async (syncer) => {
      options?.onProgress?.(0, "read");
      const reading = await readMaturity(syncer);
      options?.onProgress?.(1, "check");
      return reading;
    });
  }

  /** Syncs: 3 (list sheets; read the model and the Maturity sheets; write the changed marks), 2 when none changes (see ./maturity.ts). */
  async writeMaturityMarks(request: MaturityMarksRequest, options?: PortCallOptions): Promise<MaturityMarksWritten> {
    return this.run("writeMaturityMarks", options, async (syncer) => {
      options?.onProgress?.(0, "read");
      const written = await writeMaturityMarks({ syncer, supports: this.supports, ...(options ? { options } : {}) }, request);
      options?.onProgress?.(1, "import");
      return written;
    });
  }
}

/**
 * Rewrites the label and weight cells of a plan whose layout matches the workbook: unprotect,
 * clear the model column (the new model may take fewer cells), write the blocks, renew the
 * SC_Model name, protect again what was protected.
 */
function rewriteOps(wb: Excel.Workbook, next: WorkbookPlan, state: WorkbookState, supports: (v: string) => boolean): OpList {
  const ops = new OpList();
  const touched = labelSheets(next);
  const wasProtected = new Set(state.sheets.filter((s) => s.protected).map((s) => s.name));
  const sheet = (name: string): Excel.Worksheet => wb.worksheets.getItem(name);
  const note = (): void => undefined;
  for (const s of touched) if (wasProtected.has(s.name)) ops.push(estimate(2), () => sheet(s.name).protection.unprotect(s.protection.password ?? undefined));
  ops.push(estimate(2), () => sheet(MODEL_SHEET_NAME).getRange("A:A").clear("Contents"));
  for (const s of touched) {
    const blocksOnly: SheetPlan = { ...s, columns: [], formats: [], rowGroups: [], validations: [], conditionalFormats: [], merges: [], freeze: { rows: 0, columns: 0 }, charts: [] };
    sheetOps(blocksOnly, { sheet: () => sheet(s.name), rangeOf: () => sheet(s.name).getRange("A1"), styles: next.styles, supports, note }, ops);
  }
  const modelName = next.names.find((n) => n.name === "SC_Model");
  if (modelName && supports("1.4")) {
    const exists = state.names.some((n) => n.toLowerCase() === modelName.name.toLowerCase());
    ops.push(estimate(2, modelName), () => {
      if (exists) wb.names.getItem(modelName.name).delete();
      wb.names.add(modelName.name, `=${modelName.ref}`, modelName.comment);
    });
  }
  for (const s of touched) if (wasProtected.has(s.name)) protectOps(s, () => sheet(s.name), supports, note, ops);
  return ops;
}

function required(card: Scorecard, role: "ratings" | "weights" | "results"): { sheet: string; grid: Grid } {
  const g = card.grids[role];
  if (!g) throw sheetMissing(card.plan.layout.sheetNames[role] ?? role);
  return g;
}

function firstInputCell(plan: WorkbookPlan): { sheet: string; address: string } | undefined {
  const L = plan.layout.ratings;
  const row = L.rows.find((r) => r.leaf);
  const sheet = plan.layout.sheetNames.ratings;
  return row && sheet && L.vendors.length > 0 ? { sheet, address: cell(row.row, L.firstCol) } : undefined;
}

/** The snapshot of a single-rater workbook (exported for tests). */
export function snapshotOf(card: Scorecard): WorkbookSnapshot {
  const { model, plan } = card;
  const ratingsSheet = required(card, "ratings");
  const weightsSheet = required(card, "weights");
  checkRatingsLayout(ratingsSheet.sheet, ratingsSheet.grid, plan.layout.ratings);
  checkWeightsLayout(weightsSheet.sheet, weightsSheet.grid, plan.layout.weights);

  const ratings: Rating[] = [];
  const problems: WorkbookProblem[] = [];
  // Scored from a one-rater cube filled in this scan (as score() on `ratings`).
  const fill = new CubeFill(plan.layout.ratings, [""]);
  ratingCells(ratingsSheet.grid, plan.layout.ratings, model.tree).forEach((c, i) => {
    const at = { sheet: ratingsSheet.sheet, address: c.address, vendor: c.vendor, code: c.code };
    const k = classify(c.value);
    if (k.kind === "rating") {
      ratings.push({ vendor: c.vendor, code: c.code, value: k.value });
      fill.set(i, 0, k.value);
    } else if (k.kind === "missing") problems.push({ kind: c.required ? "required-unrated" : "missing-rating", ...at });
    else if (k.kind === "out-of-range") problems.push({ kind: "out-of-range", value: String(k.value), ...at });
    else problems.push({ kind: "not-a-number", value: k.text, ...at });
  });
  const { tree, problems: weightProblems } = readWeights(model.tree, weightsSheet, plan.layout.weights);
  problems.push(...weightProblems);
  const scores = toScoreResult(scoreCube(tree, fill.cube(), { missing: model.options.missing, vendors: model.vendors }));
  return { tree, vendors: [...model.vendors], raters: [], missing: model.options.missing, ratings, problems, scores, ...notesSnapshot(card) };
}

function codesOf(tree: IndicatorTree): string {
  const out: string[] = [];
  walk(tree, ({ node }) => void out.push(`${node.code}:${node.children.length > 0 ? "g" : "l"}`));
  return out.join("|");
}

function sameStructure(a: WorkbookPlan, b: WorkbookPlan): boolean {
  return codesOf(a.model.tree) === codesOf(b.model.tree) && a.sheets.map((s) => s.name).join("|") === b.sheets.map((s) => s.name).join("|");
}

/**
 * The parts of the new plan that carry names, weights and required marks, as sheet plans holding
 * only those blocks: all of Weights, the label columns of Ratings (every rater's, and Consolidated
 * for a panel), the indicator columns of Moderation, the header rows of Results, the model.
 */
function labelSheets(plan: WorkbookPlan): SheetPlan[] {
  const R = plan.layout.ratings;
  const X = plan.layout.results;
  const M = plan.layout.panel?.moderation;
  const labelColumns = (b: SheetPlan["blocks"][number]): boolean => {
    const r = parseRect(b.address);
    return r.r1 >= R.firstRow && r.c2 < R.firstCol;
  };
  const keep: Partial<Record<SheetPlan["key"], (b: SheetPlan["blocks"][number]) => boolean>> = {
    weights: () => true,
    ratings: labelColumns,
    consolidated: labelColumns,
    moderation: (b) => {
      const r = parseRect(b.address);
      return M !== undefined && r.r1 >= M.firstRow && r.c2 < M.columns.firstRater;
    },
    results: (b) => parseRect(b.address).r2 < X.firstRow,
    // The Report above its signature block (names of nodes and vendors; the block holds what people typed).
    report: (b) => plan.layout.report !== undefined && parseRect(b.address).r2 < plan.layout.report.signatureBlock.titleRow,
    model: () => true,
  };
  // Maturity sheets: their indicator names (built without marks, so no block holds a mark cell; checked anyway).
  const marksOf = (sheet: string): ReturnType<typeof parseRect>[] => (plan.layout.maturity ?? []).filter((l) => l.sheet === sheet).flatMap((l) => [...l.today, ...l.aim].map((a) => parseRect(a)));
  return plan.sheets.flatMap((s) => {
    if (s.key === "maturity") {
      const marks = marksOf(s.name);
      const clear = (b: SheetPlan["blocks"][number]): boolean => {
        const r = parseRect(b.address);
        return !marks.some((m) => m.r1 >= r.r1 && m.r1 <= r.r2 && m.c1 >= r.c1 && m.c1 <= r.c2);
      };
      return [{ ...s, blocks: s.blocks.filter(clear).flatMap((b) => chunkBlock(b)) }];
    }
    const pick = keep[s.key];
    return pick ? [{ ...s, blocks: s.blocks.filter(pick).flatMap((b) => chunkBlock(b)) }] : [];
  });
}
