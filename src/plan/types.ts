/**
 * The workbook PLAN: plain data describing every sheet of a scoring workbook. It is produced by
 * pure functions (src/plan/buildPlan.ts) and applied mechanically by two writers:
 *  - src/excel (Office.js, Excel.run) in the add-in,
 *  - src/xlsx (ExcelJS + hand-written chart XML) in the `scorecard template` CLI.
 *
 * Conventions, shared by every type below:
 *  - Addresses are A1-style and relative to the sheet that holds them, without a sheet name:
 *    "B4", "B4:F20", whole rows "6:12", whole columns "C:F".
 *  - A `RangeRef` (used by charts and named ranges) is sheet-qualified and absolute:
 *    "'Results'!$H$5:$L$5". Sheet names are always single-quoted (quotes inside doubled).
 *  - Formulas use English function names and comma separators, start with "=", and refer only to
 *    sheets of the same workbook (write them with `range.formulas`, never `formulasLocal`).
 *  - Everything is rectangular so an adapter can write one block per call: a `CellBlock` is a
 *    2-D array for one range; a `FormatPlan` applies one format to a list of ranges.
 *  - Order matters: apply sheets in array order; within a sheet: columns, blocks, formats,
 *    row groups, validations, conditional formats, freeze panes, protection last. Add the
 *    workbook names after every sheet exists, charts after Results has its formulas.
 *
 * Applying with Office.js (suggested, ~one sync per sheet and phase):
 *  - blocks: "formulas" → range.formulas = cells; "values" → strings for which
 *    `needsTextGuard(s)` is true get a leading apostrophe (or number format "@" first), then
 *    range.values = cells. Split big blocks with `splitBlock(block, maxCells)`.
 *  - formats: worksheet.getRanges(ranges.join(",")) (RangeAreas) then format / numberFormat /
 *    format.protection.locked; `indent` → format.indentLevel; widths are characters (× ~7 px).
 *  - rowGroups: getRange(rows).group("ByRows"); validations: range.dataValidation.rule;
 *    conditional formats: conditionalFormats.add(ColorScale | Custom); visibility:
 *    worksheet.visibility ("VeryHidden" for the model sheet); protection: protection.protect().
 *  - charts: worksheet.charts.add(kind, categories range, "Rows"), then one series per
 *    ChartSeriesPlan (series.setValues / setXAxisValues, name), axis min/max, anchor with
 *    chart.setPosition(from cell, to cell).
 *
 * Scoring scheme (see calcSheet.ts): a hidden Calc sheet has one row per tree node, laid out so
 * that every sibling group is contiguous, the normalised weight of each node (from Weights),
 * and per vendor a score column S and a has-score column H. A group's H is
 * SUMPRODUCT(w,Hc)<>0 and its S is SUMPRODUCT(w,Sc)/SUMPRODUCT(w,Hc) over its children's rows.
 * Results reads Calc. A PANEL (two or more raters, `PlanInput.raters`) has one `ratings` sheet per
 * rater (same layout, `SheetPlan.rater`), a `consolidated` sheet of the same leaf layout
 * aggregating them (AVERAGE / MEDIAN / TRIMMEAN over hidden staging columns, spread, consensus
 * override) and a `moderation` sheet; Calc and Results then read `consolidated` instead of
 * `ratings`, and Calc adds one scoring block per rater for Kendall's W (see panelPlan.ts).
 */
import type { IndicatorTree, Locale } from "../core/model/types";
import type { Aggregation, MissingPolicy } from "../core/engine/types";
import type { PairwiseInput, PairwiseLayout } from "./pairwiseTypes";
import type { MaturityInput, MaturitySheetLayout } from "./maturityTypes";
import type { AwardSettings } from "../core/award/types";
import type { AwardLayout, AwardPlanInput } from "./awardTypes";
import type { ReportInput, ReportSignatureLayout } from "./reportTypes";

export type { PairwiseInput, PairwiseLayout, PairwiseValue, PairwiseGroupLayout, PairwiseBlockLayout } from "./pairwiseTypes";
export type { MaturityInput, MaturitySheetLayout } from "./maturityTypes";
export type { ReportInput, ReportSignatureEntry, ReportSigner, ReportTypedCell, ReportSignatureLayout } from "./reportTypes";

/** Version of the stored model (the very hidden sheet). Bump on incompatible changes. */
export const MODEL_SCHEMA_VERSION = 1;

/** A literal cell value. `null` = leave the cell empty. */
export type CellValue = string | number | boolean | null;

/** Sheet-qualified absolute range, e.g. "'Results'!$B$5:$B$24". */
export type RangeRef = string;

/**
 * Stable, locale-independent identity of a sheet. `ratings` is the single rater's sheet; a later
 * panel feature adds one `ratings` sheet per rater (see `SheetPlan.rater`), plus `consolidated`
 * and `moderation` sheets that feed `calc` with the same leaf layout.
 */
export type SheetKey =
  | "weights"
  | "ratings"
  | "results"
  | "charts"
  | "method"
  | "calc"
  | "model"
  | "archive"
  | "frozen"
  | "consolidated"
  | "moderation"
  /** Optional: weights from pairwise comparisons (AHP), only when `PlanInput.pairwise` asks for it. */
  | "pairwise"
  /** Optional: the maturity self-assessment, one sheet per scenario, only when `PlanInput.maturity` asks for it. */
  | "maturity"
  /** Optional: bids and price settings (issue #11), only when `PlanInput.award.settings.price` is set. */
  | "price"
  /** Hidden: the award decision's gates, price scores and ranks (issue #11). */
  | "award"
  /** Optional: the printable, signable evaluation report (issue #14), only when `PlanInput.report` asks for it. */
  | "report"
  /** Optional: flip points of every weighted node (issue #12), only when `PlanInput.sensitivity` asks for it. */
  | "sensitivity";

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

// ---------------------------------------------------------------------------------------------
// Workbook

export interface WorkbookPlan {
  /** Locale the labels and sheet names were produced in. */
  locale: Locale;
  /** Sheets in tab order. Names are unique, ≤ 31 chars, without []:*?/\ . */
  sheets: SheetPlan[];
  /** Workbook-scoped names, e.g. SC_Totals → "'Results'!$B$5:$B$24". ASCII, locale-independent. */
  names: NamedRangePlan[];
  /** Cell styles referenced by `FormatPlan.style`. Every key used in a sheet is defined here. */
  styles: Record<StyleKey, CellStyle>;
  /** Where things are, so an adapter/pane can read or rewrite them without re-deriving layout. */
  layout: PlanLayout;
  /** The model stored in the very hidden sheet (same object, parsed form). */
  model: StoredModel;
  /** The font every cell is written in (the Office default of the locale); absent = the writer's default. */
  font?: { name: string; size: number };
}

/** The model stored inside the workbook so the add-in can reopen and rebuild it without loss. */
export interface StoredModel {
  kind: "vendor-scorecard";
  schemaVersion: typeof MODEL_SCHEMA_VERSION;
  tree: IndicatorTree;
  vendors: string[];
  options: ModelOptions;
  /** Panel: rater names, one ratings sheet each. Absent or empty = single rater. */
  raters?: string[];
  /** Set on a rater copy (one rater's sheet sent out for scoring): whose copy it is. */
  raterCopy?: { rater: string };
  /** The sibling groups of the Pairwise (AHP) sheet, by parent code (null = the dimensions); absent in workbooks without one (and in those made before it existed). The judgements live in the sheet's cells. */
  pairwise?: { groups: (string | null)[] };
  /** The Maturity sheets asked for (scenario keys; the model when it is not the bundled one). */
  maturity?: { scenarios: string[]; model?: MaturityInput["model"] };
  /** Award settings (issue #11): price weight, method and low-bid threshold, grade bands. Absent = none. */
  award?: AwardSettings;
  /** The workbook has a Report sheet (issue #14). Absent = none. */
  report?: boolean;
  /** The workbook has the Sensitivity sheet (issue #12). Absent = none. */
  sensitivity?: boolean;
  /** The ratings sheets have a notes grid, a reason beside every rating (issue #14). Absent in workbooks made before it: they keep their layout until re-created. */
  notesGrid?: boolean;
  /** ISO date-time when the plan was built. */
  createdAt: string;
}

export interface ModelOptions {
  missing: MissingPolicy;
  locale: Locale;
  /** Panel: how the raters' ratings of one cell are combined (default mean; TRIMMEAN 20% for "trimmed"). */
  aggregate?: Aggregation;
}

/** Input of buildPlan. */
export interface PlanInput {
  tree: IndicatorTree;
  vendors: string[];
  options?: Partial<ModelOptions>;
  /** ISO date-time written into Method and the stored model; defaults to now (the only impurity). */
  createdAt?: string;
  /** Protect sheets (default true). A password is optional; default none. */
  protect?: boolean;
  password?: string;
  /** Ratings to pre-fill (e.g. kept by reconcile); by vendor, then leaf code. */
  ratings?: RatingsGrid;
  /** Ratings with no place in this model (from reconcile): listed on an Archive sheet. */
  archived?: ArchivedRating[];
  /** Panel: rater names (two or more = one ratings sheet each, Consolidated and Moderation sheets). */
  raters?: string[];
  /** Panel: ratings to pre-fill per rater name. */
  raterRatings?: Record<string, RatingsGrid>;
  /** A notes grid beside the ratings on every ratings sheet (issue #14); default true. */
  notesGrid?: boolean;
  /** Reasons to pre-fill in the notes grid (single rater); by vendor, then leaf code. */
  notes?: NotesGrid;
  /** Panel: reasons to pre-fill per rater name. */
  raterNotes?: Record<string, NotesGrid>;
  /** Optional Pairwise (AHP) sheet for these sibling groups; absent = no such sheet. */
  pairwise?: PairwiseInput;
  /** Optional Maturity self-assessment sheets (one per scenario); absent = no such sheet. */
  maturity?: MaturityInput;
  /** Award decision (issue #11): price settings (a Price sheet), grade bands, bids to pre-fill. */
  award?: AwardPlanInput;
  /** Add the printable Report sheet (issue #14); absent or false = none; an object: with its signature block's entries (a rebuild carries them). */
  report?: boolean | ReportInput;
  /** Optional Sensitivity sheet (issue #12): flip points and stable intervals of every weighted node. */
  sensitivity?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Sheets

export interface SheetPlan {
  key: SheetKey;
  /** Localised display name (tab name). Formulas of other sheets use it quoted. */
  name: string;
  visibility: SheetVisibility;
  /** Panel: which rater a `ratings` sheet belongs to. */
  rater?: string;
  /** Range given an autofilter (header row included), e.g. "A3:M60". Optional: the sheet works without it. */
  autoFilter?: string;
  tabColor?: string;
  /** Column widths in characters (Excel's unit; ≈ 7 px each at Calibri 11). */
  columns: ColumnPlan[];
  /** Optional row heights in points (rows of wrapped text that must print whole); other rows keep the default. */
  rowHeights?: { rows: string; height: number }[];
  /** Optional print set-up (both writers apply it; Office.js needs ExcelApi 1.9 for the page layout). */
  print?: PrintPlan;
  /** Literal values and formulas, one rectangle each. Non-overlapping. */
  blocks: CellBlock[];
  /** Number formats, styles, indent, lock state; one format for a list of ranges. */
  formats: FormatPlan[];
  /** Outline row groups, outer groups first (Office.js: range.group("ByRows")). */
  rowGroups: RowGroupPlan[];
  validations: ValidationPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  merges: string[];
  /** Frozen top rows / left columns (0 = none). */
  freeze: { rows: number; columns: number };
  protection: ProtectionPlan;
  charts: ChartPlan[];
}

/** Page set-up of one sheet (issue #14); filled for every visible sheet by src/plan/print.ts. */
export interface PrintPlan {
  orientation: "portrait" | "landscape";
  /** Fit to one page wide (pages down as many as needed). */
  fitToWidth: boolean;
  /** With fitToWidth: fit to at most this many pages wide instead of one (the engine picks the scale and the breaks; print titles repeat). */
  pagesWide?: number;
  paper?: "A4" | "Letter";
  /** Rows repeated at the top of every page, e.g. "1:4"; columns repeated at the left, e.g. "A:A". */
  titleRows?: string;
  titleColumns?: string;
  /** Print area, e.g. "A1:M60". */
  area?: string;
  /** Excel header/footer codes (&P page, &N pages, &D date, &A sheet); "&&" is a literal ampersand. */
  header?: { left?: string; center?: string; right?: string };
  footer?: { left?: string; center?: string; right?: string };
  /** A manual page break above each of these rows (1-based). */
  rowBreaks?: number[];
}

export interface ColumnPlan {
  /** "A" or "C:F". */
  range: string;
  /** Width in characters. */
  width: number;
  hidden?: boolean;
}

/**
 * One rectangle of cells. `kind` tells the adapter how to write it:
 *  - "values": literal values. Strings are TEXT even when they start with = + - @ — the adapter
 *    must keep them text (e.g. write them with a leading apostrophe or set number format "@"
 *    first); use `needsTextGuard()` from src/plan to decide.
 *  - "formulas": every non-null string starts with "=" and is a formula; numbers/null are literal.
 *    Write with `range.formulas = cells`.
 */
export interface CellBlock {
  /** A1 range whose size equals cells.length × cells[0].length. */
  address: string;
  kind: "values" | "formulas";
  cells: CellValue[][];
}

export interface FormatPlan {
  ranges: string[];
  style?: StyleKey;
  /** Excel number format code, e.g. "0.00", "0.0%", "@", "yyyy-mm-dd". */
  numberFormat?: string;
  /** Left indent level (alignment.indent). */
  indent?: number;
  /** Lock state under protection. Excel's default is locked; plans only say `false` for inputs. */
  locked?: boolean;
}

export type StyleKey =
  | "title"
  | "subtitle"
  | "header"
  | "label"
  | "groupRow1"
  | "groupRow2"
  | "input"
  | "inputWeight"
  | "formula"
  | "score"
  | "total"
  | "warning"
  | "required"
  | "muted"
  | "wrap"
  /** A notes-grid cell: a reason typed beside a rating. */
  | "note";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  fontSize?: number;
  /** "#RRGGBB". */
  fontColor?: string;
  fill?: string;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** Thin border around every cell of the range. */
  border?: string;
}

export interface RowGroupPlan {
  /** Whole rows, e.g. "6:12". */
  rows: string;
  /** Nesting level, 1 = outermost. */
  level: number;
}

// ---------------------------------------------------------------------------------------------
// Data validation and conditional formats

export type ValidationRule =
  /** Formula relative to the top-left cell of `range`, e.g. =OR(AND(ISNUMBER(D5),D5>=0,D5<=100),D5="N/A"). */
  | { kind: "custom"; formula: string }
  | { kind: "decimal"; min: number; max?: number }
  | { kind: "list"; values: string[] };

export interface ValidationPlan {
  range: string;
  rule: ValidationRule;
  /** Blank cells pass (Office.js ignoreBlanks). */
  allowBlank: boolean;
  prompt: { title: string; message: string };
  error: { title: string; message: string; style: "stop" | "warning" | "information" };
}

export interface ColorStop {
  kind: "number" | "min" | "max" | "percentile";
  value?: number;
  /** "#RRGGBB". */
  color: string;
}

export type ConditionalFormatPlan =
  | { kind: "colorScale"; range: string; stops: [ColorStop, ColorStop] | [ColorStop, ColorStop, ColorStop] }
  /** Applies `style` where the formula (relative to the top-left cell of `range`) is TRUE. */
  | { kind: "expression"; range: string; formula: string; style: { fontColor?: string; fill?: string; bold?: boolean } };

// ---------------------------------------------------------------------------------------------
// Protection, names, charts

export interface ProtectionPlan {
  protect: boolean;
  /** null = no password (the default). */
  password: string | null;
  /** What users may still do on a protected sheet. */
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowSort: boolean;
  allowAutoFilter: boolean;
}

export interface NamedRangePlan {
  name: string;
  ref: RangeRef;
  comment?: string;
}

export interface ChartPlan {
  key: string;
  /** "scatter": straight lines through (x, y) points, x from each series' `xValues` (the Sensitivity sheet's weight chart). */
  kind: "radar" | "bar" | "scatter";
  title: string;
  /** Cell anchor on the holding sheet, 0-based columns/rows, `to` exclusive (bottom-right corner). */
  anchor: { from: { col: number; row: number }; to: { col: number; row: number } };
  /** Category labels (radar axes / bar categories). */
  categories: RangeRef;
  /** The category labels as of build time (a cache for writers; the range stays the source). */
  categoryLabels: string[];
  series: ChartSeriesPlan[];
  /** Value axis bounds (radar 0–100). */
  axis: { min: number; max: number };
  /** Scatter only: the x axis bounds, step and number format. */
  xAxis?: { min: number; max: number; step: number; numberFormat: string };
  legend: boolean;
}

export interface ChartSeriesPlan {
  /** Literal name (localised), also the cached name. */
  name: string;
  /** Cell holding the name, when it lives in the workbook (e.g. the vendor cell). */
  nameRef?: RangeRef;
  values: RangeRef;
  /** Scatter: the x values (default the chart's `categories`). */
  xValues?: RangeRef;
  /** Scatter: drawn as a dashed grey line without markers (a reference line, e.g. the current weight). */
  reference?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Layout: where things live (for the adapter, the pane, freeze and reconcile)

export interface PlanLayout {
  sheetNames: Partial<Record<SheetKey, string>>;
  ratings: RatingsLayout;
  results: ResultsLayout;
  weights: WeightsLayout;
  /** Panel only. `sheetNames.ratings` is then the first rater's sheet. */
  panel?: PanelLayout;
  /** Only when the plan has a Pairwise sheet. */
  pairwise?: PairwiseLayout;
  /** Only when the plan has Maturity sheets: one per scenario, in tab order. */
  maturity?: MaturitySheetLayout[];
  /** The award decision's parts (minimum column, bands, Price sheet); absent in plans read from older workbooks. */
  award?: AwardLayout;
  /** The Report sheet's live figures (issue #14); absent without one. */
  report?: ReportLayout;
  /** The Sensitivity sheet (issue #12), when there is one. */
  sensitivity?: SensitivityLayout;
}

/** Where the panel parts live. Every rater sheet has the `ratings` layout. */
export interface PanelLayout {
  raters: { name: string; sheet: string }[];
  aggregate: Aggregation;
  consolidated: ConsolidatedLayout;
  moderation: ModerationLayout;
  /** Sheet-qualified cells of Kendall's W and the numbers of raters and vendors it is based on. */
  agreement: { w: RangeRef; raters: RangeRef; vendors: RangeRef };
}

export interface ConsolidatedLayout {
  sheet: string;
  /** Same rows as Ratings; per block the 1-based column of the first vendor. */
  finalCol: number;
  aggregateCol: number;
  rangeCol: number;
  stdevCol: number;
  /** Hidden mirror of every rater's cell: column = stageCol + vendor × raters + rater. */
  stageCol: number;
  /** Cell (relative to the sheet) of the spread threshold, named SC_SpreadThreshold. */
  threshold: string;
}

/** Cells of one of a Report profile's strongest or weakest indicators. */
export interface ReportIndicatorCells {
  code: string;
  score: string;
  reason?: string;
}

/** Where the Report sheet's live figures are (issue #14), for the tests and the pane. */
export interface ReportLayout {
  sheet: string;
  /** Ranking rows, best first: rank, vendor, total (and eligible, grade, overall when present) cells. */
  ranking: { rank: string; vendor: string; total: string; eligible?: string; grade?: string; overall?: string }[];
  /**
   * One profile per vendor (the scorecard's vendor order): its first row and the cells of the three
   * strongest and weakest indicators; `reason` (the cell under the indicator, see reportReason) when
   * the ratings sheets have a notes grid.
   */
  profiles: { vendor: string; firstRow: number; strongest: ReportIndicatorCells[]; weakest: ReportIndicatorCells[] }[];
  /** The signature rows (name cells). */
  signatures: string[];
  /** The signature block: its heading row, a row per signer, rows kept from signers without one. */
  signatureBlock: ReportSignatureLayout;
  /** The assessed maturity stages (issue #16), per Maturity sheet, when the workbook has them: cells of the current and target stage and the indicators to look for. */
  maturity?: { scenario: string; current: string; target: string; indicators: string }[];
}

export interface ModerationLayout {
  sheet: string;
  headerRow: number;
  firstRow: number;
  /** One row per vendor × leaf, vendor-major, leaves in pre-order. */
  rows: { vendor: string; code: string; row: number }[];
  /** 1-based columns. */
  columns: { vendor: number; code: number; firstRater: number; aggregate: number; range: number; stdev: number; flag: number; consensus: number; reason: number; missingReason: number };
}

export interface RatingsLayout {
  /** First row of the indicator rows (1-based) and first vendor column (1-based). */
  firstRow: number;
  firstCol: number;
  /** Row (1-based) of the vendor-name header. */
  headerRow: number;
  /** Every node in tree pre-order with its 1-based row; leaves hold ratings. */
  rows: { code: string; row: number; leaf: boolean }[];
  vendors: string[];
  /** The whole rating rectangle (vendor columns × indicator rows), e.g. "D5:F60". */
  range: string;
  /**
   * The notes grid (issue #14): a reason beside every rating, text only. Vendor v's reasons are in
   * column `firstCol + v`, on the rating rows; its header cell holds `headerPrefix` + the vendor.
   * `range` is "" without vendors. Absent on sheets made before the grid existed.
   */
  notes?: { firstCol: number; range: string; headers: string[] };
}

export interface ResultsLayout {
  headerRow: number;
  firstRow: number;
  /** The whole table incl. title and header rows, to read for "freeze results". */
  range: string;
  /** Column kinds left to right (1-based column = index + 1). */
  columns: ResultsColumn[];
}

export type ResultsColumn =
  | { kind: "vendor" }
  | { kind: "total" }
  | { kind: "rank" }
  | { kind: "completeness" }
  | { kind: "missing" }
  | { kind: "requiredUnrated" }
  | { kind: "flags" }
  | { kind: "node"; code: string; depth: number }
  /** Panel only, after the node columns: */
  | { kind: "raters" }
  | { kind: "consensusWithoutReason" }
  | { kind: "raterCompleteness"; rater: string }
  /** Award decision (issue #11), after every other column: */
  | { kind: "eligible" }
  | { kind: "reasons" }
  | { kind: "grade" }
  | { kind: "bid" }
  | { kind: "priceScore" }
  | { kind: "overall" }
  | { kind: "lowBid" }
  | { kind: "rankEligible" };

export interface WeightsLayout {
  firstRow: number;
  /** Every node in pre-order with its 1-based row (the root row "all dimensions" has code ""). */
  rows: { code: string; row: number }[];
  /** Column letter of the editable weight cells. */
  weightColumn: string;
}

// ---------------------------------------------------------------------------------------------
// Change without loss

/** Ratings as read from a Ratings sheet: grid[vendor][code] = value. */
export type RatingsGrid = Record<string, Record<string, number | "NA">>;

/** Reasons as read from a notes grid: notes[vendor][code] = the text (never empty). */
export type NotesGrid = Record<string, Record<string, string>>;

export interface ArchivedRating {
  vendor: string;
  code: string;
  /** Indicator name (in the model's locale) at the time it was archived, for readers. */
  name: string;
  /** null: a reason written without a rating (kept so the text is not lost). */
  value: number | "NA" | null;
  reason: "indicator-removed" | "vendor-removed" | "now-a-group";
  /** Panel: whose rating it was. Absent in a single-rater workbook. */
  rater?: string;
  /** The reason written beside the rating (notes grid), when there was one. */
  note?: string;
}

/** Input of freezeResults: the Results table values as read back by the adapter/pane. */
export interface FreezeInput {
  /** Values of `layout.results.range` (title and header rows included), row-major. */
  values: CellValue[][];
  results: ResultsLayout;
  locale: Locale;
  /** ISO date (YYYY-MM-DD or full ISO date-time). */
  date: string;
  /** Names already in the workbook, to pick a unique sheet name. */
  existingSheetNames: string[];
}

export interface ReconcileResult {
  /** Ratings that have a place in the new model. */
  kept: RatingsGrid;
  archived: ArchivedRating[];
  /** Reasons (notes grid) that have a place in the new model; the others are archived with their rating. */
  notes: NotesGrid;
}

/** Where the Sensitivity sheet (src/plan/sensitivitySheet.ts) keeps its figures. */
export interface SensitivityLayout {
  sheet: string;
  /** Cell of the leader's name, and of its index among the vendors (1-based; "" without any total). */
  leaderCell: string;
  leaderIndexCell: string;
  /** First node row: one row per weighted node (a node with siblings) in tree order, codes in column A. */
  firstRow: number;
  codes: string[];
  /** Columns (1-based) of the weight, flip point, rival, stable from and stable to. */
  cols: { weight: number; flipAt: number; rival: number; from: number; to: number };
  /** With a Price sheet: the price weight's row (same columns), and the leader on overall score among the vendors eligible now (name; index, 1-based or ""). */
  price?: { row: number; leaderCell: string; leaderIndexCell: string };
  /**
   * The weight chart (two or more dimensions and a vendor): the chooser cell and its choices (the
   * dimensions' names, or codes when a name cannot sit in a list), the codes chosen by them, the
   * current weight's cell, and the data table: x (0, 0.1, …, 1) in column `xCol` from `firstRow`,
   * vendor v's totals in column `xCol + 1 + v`.
   */
  chart?: { chooserCell: string; choices: string[]; codes: string[]; currentCell: string; xCol: number; firstRow: number; points: number };
}
