/**
 * Reading the workbook back: which sheets exist, the stored model, and the cells the layout says
 * hold codes, vendors, ratings and weights — checked before anything is trusted.
 */
import { cloneTree, walk } from "../core/model/tree";
import type { IndicatorTree } from "../core/model/types";
import { validateTree } from "../core/model/validate";
import type { WorkbookProblem } from "../port";
import {
  buildPlan,
  cell,
  LABELS,
  labelsFor,
  MODEL_SHEET_NAME,
  parseCell,
  readStoredModel,
  type ArchivedRating,
  type CellValue,
  type NotesGrid,
  type PlanInput,
  type RatingsGrid,
  type RatingsLayout,
  type ResultsLayout,
  type StoredModel,
  type WeightsLayout,
  type WorkbookPlan,
} from "../plan";
import { cellFormula } from "../plan/importWrite";
import { CONS } from "../plan/panelContext";
import { MATURITY_LABELS } from "../plan/maturityLabels";
import { AWARD_LABELS } from "../plan/awardLabels";
import { PAIRWISE_LABELS } from "../plan/pairwiseLabels";
import { REPORT_LABELS } from "../plan/reportLabels";
import { Grid, text } from "./address";
import type { Syncer } from "./batch";
import { layoutChanged, panelNotSupported } from "./errors";

/** Prefix of an old scorecard sheet set aside while its replacement is written. */
export const ASIDE_PREFIX = "SC~old~";

export interface ExistingSheet {
  name: string;
  visibility: string;
  protected: boolean;
}

export interface WorkbookState {
  sheets: ExistingSheet[];
  /** Workbook-scoped names. */
  names: string[];
}

/** One sync: the workbook's sheets (name, visibility, protection) and names. */
export async function probeWorkbook(context: Excel.RequestContext, syncer: Syncer): Promise<WorkbookState> {
  const sheets = context.workbook.worksheets.load("items/name,items/visibility,items/protection/protected");
  const names = context.workbook.names.load("items/name");
  syncer.add(400);
  await syncer.sync();
  return {
    sheets: sheets.items.map((s) => ({ name: s.name, visibility: s.visibility, protected: s.protection.protected })),
    names: names.items.map((n) => n.name),
  };
}

export function findSheet(state: WorkbookState, name: string): ExistingSheet | undefined {
  const key = name.toLowerCase();
  return state.sheets.find((s) => s.name.toLowerCase() === key);
}

/** "maturity": every Maturity sheet the model asks for (in `Scorecard.maturity`, not `grids`). */
export type SheetRole = "ratings" | "weights" | "results" | "archive" | "pairwise" | "maturity" | "price" | "report";

/** A sheet's used range as read: its values and, when asked for, its formulas (same address). */
export interface SheetGrid {
  sheet: string;
  grid: Grid;
  /** `range.formulas` of the same used range: "=…" for a formula cell, the constant otherwise. */
  formulas?: Grid;
}

export interface Scorecard {
  model: StoredModel;
  /** The plan rebuilt from the stored model: its layout says where everything is. */
  plan: WorkbookPlan;
  /** Used range of each requested sheet that exists, by role. */
  grids: Partial<Record<SheetRole, SheetGrid>>;
  /** Existing sheets of this scorecard (to replace on regeneration). */
  sheets: string[];
  /** Panel workbooks read with `{ panel: true }`: every rater's sheet and Moderation, as they stand. */
  panel?: PanelGrids;
  /** Read with the "maturity" role: the Maturity sheets of the model that exist, in the layout's order. */
  maturity?: { scenario: string; sheet: string; grid: Grid }[];
}

export interface PanelGrids {
  /** In the model's rater order; `grid` is undefined when the rater's sheet is missing; `formulas` when read with them. */
  raters: { rater: string; sheet: string; grid?: Grid; formulas?: Grid }[];
  moderation?: { sheet: string; grid: Grid };
  /** The spread threshold cell on Consolidated (SC_SpreadThreshold) as it stands, read with the rater sheets. */
  spreadThreshold?: CellValue;
}

export interface ReadOptions {
  /**
   * Read panel (multi-rater) workbooks: every rater sheet and Moderation are loaded in the same
   * sync. Without it a panel model is refused (ScorecardPanelNotSupported), so single-rater code
   * paths never read or write one rater's sheet as if it were the only one.
   */
  panel?: boolean;
  /**
   * With `panel`: false leaves the rater sheets and Moderation unread (panel.raters then have no
   * grid whether or not the sheet exists; moderation is absent), for callers that read the one
   * rater sheet they need afterwards with readRaterSheet.
   */
  panelSheets?: boolean;
  /**
   * Roles whose used range also loads `formulas` (in `grids[role].formulas`), in the same sync:
   * one more property of the same range, no more syncs (the response carries it too).
   */
  formulas?: SheetRole[];
}

const THRESHOLD_CELL = cell(CONS.thresholdRow, CONS.thresholdCol);

/** Sheets that may belong to a panel, by name in every locale (rater sheets by their prefix). */
function panelCandidate(name: string): boolean {
  return Object.values(LABELS).some((l) => name.startsWith(l.sheetRaterPrefix) || name === l.sheetModeration);
}

/** The plan the stored model was built from (layout, sheet names, styles); `report` in place of the model's (e.g. with carried signature entries). */
export function rebuildPlan(model: StoredModel, report?: PlanInput["report"]): WorkbookPlan {
  const withReport = report ?? model.report;
  return buildPlan({
    tree: model.tree, vendors: model.vendors, options: model.options, createdAt: model.createdAt, ...(model.raters ? { raters: model.raters } : {}),
    ...(model.pairwise ? { pairwise: { groups: model.pairwise.groups } } : {}),
    ...(model.maturity ? { maturity: { scenarios: model.maturity.scenarios, ...(model.maturity.model ? { model: model.maturity.model } : {}) } } : {}),
    ...(model.award ? { award: { settings: model.award } } : {}),
    ...(withReport ? { report: withReport } : {}),
    ...(model.sensitivity ? { sensitivity: true } : {}),
    notesGrid: model.notesGrid === true,
  });
}

/** Maturity sheets are named after their scenario: any sheet with a locale's prefix ("Maturity (", "成熟度（") may be one. */
const MATURITY_PREFIXES = Object.values(MATURITY_LABELS).map((l) => l.sheet("\u0000").split("\u0000")[0]);

function roleNames(role: SheetRole, state: WorkbookState): string[] {
  if (role === "maturity") return state.sheets.filter((s) => MATURITY_PREFIXES.some((p) => s.name.startsWith(p))).map((s) => s.name);
  if (role === "pairwise") return [...new Set(Object.values(PAIRWISE_LABELS).map((l) => l.sheet))];
  if (role === "price") return [...new Set(Object.values(AWARD_LABELS).map((l) => l.sheetPrice))];
  if (role === "report") return [...new Set(Object.values(REPORT_LABELS).map((l) => l.sheet))];
  const key = { ratings: "sheetRatings", weights: "sheetWeights", results: "sheetResults", archive: "sheetArchive" } as const;
  return [...new Set(Object.values(LABELS).map((l) => l[key[role]]))];
}

/**
 * One sync (none when there is no model sheet): the stored model and the used range of the
 * requested sheets. The sheets are looked up under their name in every locale, since the
 * model's locale is only known after the read. Null when the workbook holds no scorecard.
 */
export async function readScorecard(context: Excel.RequestContext, syncer: Syncer, state: WorkbookState, roles: SheetRole[], opts: ReadOptions = {}): Promise<Scorecard | null> {
  const modelSheet = findSheet(state, MODEL_SHEET_NAME);
  if (!modelSheet) return null;
  const load = (name: string, formulas = false): Excel.Range => context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true).load(formulas ? "address,values,formulas" : "address,values");
  const modelRange = load(modelSheet.name);
  const candidates = new Map<string, Excel.Range>();
  const withFormulas = new Set<string>();
  for (const role of roles) {
    for (const name of roleNames(role, state)) {
      const found = findSheet(state, name);
      if (!found || candidates.has(found.name)) continue;
      const formulas = opts.formulas?.includes(role) ?? false;
      candidates.set(found.name, load(found.name, formulas));
      if (formulas) withFormulas.add(found.name);
    }
  }
  if (opts.panel && opts.panelSheets !== false) for (const s of state.sheets) if (panelCandidate(s.name) && !candidates.has(s.name)) candidates.set(s.name, load(s.name));
  // The spread threshold: one cell of Consolidated (under its name in every locale), not its used range.
  const thresholds = new Map<string, Excel.Range>();
  if (opts.panel && opts.panelSheets !== false) {
    for (const name of new Set(Object.values(LABELS).map((l) => l.sheetConsolidated))) {
      const found = findSheet(state, name);
      if (found) thresholds.set(found.name, context.workbook.worksheets.getItem(found.name).getRange(THRESHOLD_CELL).load("values"));
    }
  }
  syncer.add(400 * (1 + candidates.size) + 100 * thresholds.size);
  await syncer.sync();

  if (modelRange.isNullObject) return null;
  const modelGrid = Grid.fromRange(modelRange.address, modelRange.values as CellValue[][]);
  if (modelGrid.top !== 1 || modelGrid.left !== 1) return null;
  const model = readStoredModel(modelGrid.values.map((row) => row[0] ?? null));
  if (!model) return null;
  if ((model.raters?.length ?? 0) > 1 && !opts.panel) throw panelNotSupported();
  const plan = rebuildPlan(model);
  const grids: Scorecard["grids"] = {};
  const gridOf = (name: string | undefined): SheetGrid | undefined => {
    const found = name === undefined ? undefined : findSheet(state, name);
    const range = found ? candidates.get(found.name) : undefined;
    if (!found || !range) return undefined;
    return { sheet: found.name, ...usedGrids(range, withFormulas.has(found.name)) };
  };
  for (const role of roles) {
    if (role === "maturity") continue;
    const name = role === "archive" ? labelsFor(model.options.locale).sheetArchive : plan.layout.sheetNames[role];
    const g = gridOf(name);
    if (g && (role !== "archive" || isArchive(g.grid))) grids[role] = g;
  }
  const sheets = plan.sheets.map((s) => findSheet(state, s.name)?.name).filter((n): n is string => n !== undefined);
  if (grids.archive && !sheets.includes(grids.archive.sheet)) sheets.push(grids.archive.sheet);
  // Sheets set aside by a rewrite that stopped half-way: a valid model means their ratings were carried.
  for (const s of state.sheets) if (s.name.startsWith(ASIDE_PREFIX)) sheets.push(s.name);
  const maturity = roles.includes("maturity")
    ? (plan.layout.maturity ?? []).flatMap((l) => {
        const g = gridOf(l.sheet);
        return g ? [{ scenario: l.scenario, sheet: g.sheet, grid: g.grid }] : [];
      })
    : undefined;
  const panel = plan.layout.panel;
  if (!panel) return { model, plan, grids, sheets, ...(maturity ? { maturity } : {}) };
  const raters = panel.raters.map(({ name, sheet }) => {
    const g = gridOf(sheet);
    return { rater: name, sheet: g?.sheet ?? sheet, ...(g ? { grid: g.grid } : {}) };
  });
  const moderation = gridOf(panel.moderation.sheet);
  const consolidated = findSheet(state, panel.consolidated.sheet);
  const threshold = consolidated && panel.consolidated.threshold === THRESHOLD_CELL ? thresholds.get(consolidated.name) : undefined;
  const spreadThreshold = threshold ? (threshold.values as CellValue[][])[0]?.[0] : undefined;
  return { model, plan, grids, sheets, panel: { raters, ...(moderation ? { moderation } : {}), ...(spreadThreshold !== undefined ? { spreadThreshold } : {}) }, ...(maturity ? { maturity } : {}) };
}

/** The values (and, when loaded, the formulas) of a used range read with getUsedRangeOrNullObject. */
function usedGrids(range: Excel.Range, formulas: boolean): { grid: Grid; formulas?: Grid } {
  if (range.isNullObject) return formulas ? { grid: Grid.empty(), formulas: Grid.empty() } : { grid: Grid.empty() };
  const grid = Grid.fromRange(range.address, range.values as CellValue[][]);
  return formulas ? { grid, formulas: Grid.fromRange(range.address, range.formulas as CellValue[][]) } : { grid };
}

/**
 * One sync (none when the rater has no entry in the panel or no sheet): the used range of one
 * rater's sheet, for a card read with `{ panel: true, panelSheets: false }`. Returns the card with
 * that rater's grid filled in (and its formulas, with `formulas`: one more property of the same
 * range, same sync); the other raters stay without a grid.
 */
export async function readRaterSheet(context: Excel.RequestContext, syncer: Syncer, state: WorkbookState, card: Scorecard, rater: string, formulas = false): Promise<Scorecard> {
  const entry = card.panel?.raters.find((r) => r.rater === rater);
  const found = entry ? findSheet(state, entry.sheet) : undefined;
  if (!card.panel || !entry || !found) return card;
  const range = context.workbook.worksheets.getItem(found.name).getUsedRangeOrNullObject(true).load(formulas ? "address,values,formulas" : "address,values");
  syncer.add(400);
  await syncer.sync();
  const read = usedGrids(range, formulas);
  const raters = card.panel.raters.map((r) => (r === entry ? { rater: r.rater, sheet: found.name, ...read } : r));
  return { ...card, panel: { ...card.panel, raters } };
}

function expectCell(sheet: string, grid: Grid, row: number, col: number, expected: string): void {
  const found = text(grid.get(row, col));
  if (found !== expected) throw layoutChanged(sheet, cell(row, col), expected, found);
}

/** Column of the indicator codes on Ratings and Weights (the plans put them in column A). */
const CODE_COLUMN = 1;

/** Throws when a code or vendor header is not where the layout says. */
export function checkRatingsLayout(sheet: string, grid: Grid, layout: RatingsLayout): void {
  layout.vendors.forEach((v, i) => expectCell(sheet, grid, layout.headerRow, layout.firstCol + i, v));
  layout.notes?.headers.forEach((h, i) => expectCell(sheet, grid, layout.headerRow, (layout.notes?.firstCol ?? 0) + i, h));
  for (const r of layout.rows) expectCell(sheet, grid, r.row, CODE_COLUMN, r.code);
}

export function checkWeightsLayout(sheet: string, grid: Grid, layout: WeightsLayout): void {
  for (const r of layout.rows) if (r.code !== "") expectCell(sheet, grid, r.row, CODE_COLUMN, r.code);
}

/** Vendor names in the Results table must be in the layout's rows. */
export function checkResultsLayout(sheet: string, grid: Grid, layout: ResultsLayout, vendors: string[]): void {
  const col = layout.columns.findIndex((c) => c.kind === "vendor") + 1;
  vendors.forEach((v, i) => expectCell(sheet, grid, layout.firstRow + i, col, v));
}

export interface RatingCell {
  vendor: string;
  code: string;
  address: string;
  required: boolean;
  value: CellValue;
  /** The formula the cell holds (only when read with the sheet's formulas, see cellFormula). */
  formula?: string;
}

/**
 * Every leaf × vendor rating cell of the layout, vendor by vendor in tree order; with `formulas`
 * (the same used range's `range.formulas`), each cell holding a formula carries it.
 */
export function ratingCells(grid: Grid, layout: RatingsLayout, tree: IndicatorTree, formulas?: Grid): RatingCell[] {
  const required = new Map<string, boolean>();
  walk(tree, ({ node }) => void required.set(node.code, node.required));
  const out: RatingCell[] = [];
  layout.vendors.forEach((vendor, v) => {
    const col = layout.firstCol + v;
    for (const r of layout.rows) {
      if (!r.leaf) continue;
      const c: RatingCell = { vendor, code: r.code, address: cell(r.row, col), required: required.get(r.code) ?? false, value: grid.get(r.row, col) };
      if (formulas) {
        const f = cellFormula(c.value, formulas.get(r.row, col));
        if (f !== undefined) c.formula = f;
      }
      out.push(c);
    }
  });
  return out;
}

export type Classified =
  | { kind: "rating"; value: number | "NA" }
  | { kind: "missing" }
  | { kind: "out-of-range"; value: number }
  | { kind: "not-a-number"; text: string };

/** What a rating cell holds. "N/A" and "NA" in any case, as the workbook's formulas compare. */
export function classify(v: CellValue): Classified {
  if (v === null) return { kind: "missing" };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { kind: "not-a-number", text: String(v) };
    return v >= 0 && v <= 100 ? { kind: "rating", value: v } : { kind: "out-of-range", value: v };
  }
  const t = String(v).trim();
  if (t === "") return { kind: "missing" };
  if (/^n\/?a$/i.test(t)) return { kind: "rating", value: "NA" };
  return { kind: "not-a-number", text: t };
}

export interface NoteCell {
  vendor: string;
  code: string;
  /** The notes-grid cell, e.g. "H12". */
  address: string;
  /** The reason as typed, trimmed; "" = none. */
  text: string;
}

/** Every leaf × vendor cell of the notes grid (issue #14), vendor by vendor in tree order; none without a grid. */
export function noteCells(grid: Grid, layout: RatingsLayout): NoteCell[] {
  const notes = layout.notes;
  if (!notes) return [];
  const out: NoteCell[] = [];
  layout.vendors.forEach((vendor, v) => {
    const col = notes.firstCol + v;
    for (const r of layout.rows) if (r.leaf) out.push({ vendor, code: r.code, address: cell(r.row, col), text: text(grid.get(r.row, col)) });
  });
  return out;
}

/** The reasons written in a notes grid, by vendor and code (blank cells left out). */
export function notesGrid(cells: readonly NoteCell[]): NotesGrid {
  const out: NotesGrid = {};
  for (const c of cells) if (c.text !== "") (out[c.vendor] ??= {})[c.code] = c.text;
  return out;
}

/** Everything typed that a new model can hold (out-of-range numbers too: they stay visible). */
export function ratingsGrid(cells: RatingCell[]): RatingsGrid {
  const grid: RatingsGrid = {};
  for (const c of cells) {
    const k = classify(c.value);
    if (k.kind === "rating" || k.kind === "out-of-range") (grid[c.vendor] ??= {})[c.code] = k.value;
  }
  return grid;
}

/** The tree with the weights as they stand in the Weights sheet (blank → null, text → null). */
export function treeWithWeights(tree: IndicatorTree, grid: Grid, layout: WeightsLayout): IndicatorTree {
  const col = parseCell(`${layout.weightColumn}1`).col;
  const rowOf = new Map(layout.rows.map((r) => [r.code, r.row]));
  const out = cloneTree(tree);
  walk(out, ({ node }) => {
    const row = rowOf.get(node.code);
    if (row === undefined) return;
    const v = grid.get(row, col);
    const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
    node.weight = Number.isFinite(n) ? n : null;
  });
  return out;
}

/** treeWithWeights, with a weights-not-100 problem at the first weight of each sibling group that does not sum to 100. */
export function readWeights(tree: IndicatorTree, weights: SheetGrid, layout: WeightsLayout): { tree: IndicatorTree; problems: WorkbookProblem[] } {
  const read = treeWithWeights(tree, weights.grid, layout);
  const rowOf = new Map(layout.rows.map((r) => [r.code, r.row]));
  const problems: WorkbookProblem[] = [];
  for (const f of validateTree(read)) {
    if (f.code !== "weights-not-100") continue;
    const row = rowOf.get(f.codes[0]) ?? layout.firstRow;
    problems.push({ kind: "weights-not-100", sheet: weights.sheet, address: `${layout.weightColumn}${row}`, code: f.at, ...(f.sum !== undefined ? { sum: f.sum } : {}) });
  }
  return { tree: read, problems };
}

function isArchive(grid: Grid): boolean {
  const title = text(grid.get(1, 1));
  return Object.values(LABELS).some((l) => l.archiveTitle === title);
}

/** Rows of an earlier Archive sheet (from row 4: date, vendor, code, name, value, reason, rater, reason given), so regenerating keeps them. */
export function readArchive(grid: Grid): ArchivedRating[] {
  const reasons = new Map<string, ArchivedRating["reason"]>();
  for (const l of Object.values(LABELS)) {
    reasons.set(l.reasonIndicatorRemoved, "indicator-removed");
    reasons.set(l.reasonVendorRemoved, "vendor-removed");
    reasons.set(l.reasonNowAGroup, "now-a-group");
  }
  const out: ArchivedRating[] = [];
  const bottom = grid.top + grid.values.length - 1;
  for (let r = 4; r <= bottom; r++) {
    const [vendor, code, name] = [text(grid.get(r, 2)), text(grid.get(r, 3)), text(grid.get(r, 4))];
    const k = classify(grid.get(r, 5));
    const note = text(grid.get(r, 8));
    const rated = k.kind === "rating" || k.kind === "out-of-range";
    if (vendor === "" || code === "" || (!rated && note === "")) continue;
    const rater = text(grid.get(r, 7));
    out.push({ vendor, code, name, value: rated ? k.value : null, reason: reasons.get(text(grid.get(r, 6))) ?? "indicator-removed", ...(rater !== "" ? { rater } : {}), ...(note !== "" ? { note } : {}) });
  }
  return out;
}
