/**
 * The contract between the task pane and a workbook: what the pane needs from it. The Excel
 * adapter (src/excel) implements it with Office.js; outside Excel (the demo page, the pane's tests)
 * the same adapter runs over an in-memory workbook (src/demo). Every method may throw: Office errors (objects with a string `code`,
 * as OfficeExtension.Error) are turned into plain words by the pane (src/taskpane/errors.ts); a
 * cancelled call rejects with an AbortError.
 */
import type { IndicatorTree, Locale } from "../core/model/types";
import type { AwardSettings } from "../core/award/types";
import type { Aggregation, MissingPolicy, Rating, RatingValue, ScoreResult } from "../core/engine/types";
import type { ApplyCopyResult, MergeChoice, RaterCopyFile, ReturnedCopyPreview } from "../plan/copyTypes";
import type { WorkbookProblem } from "../plan/problems";
import type { ImportChoice } from "../plan/importWrite";
import type { ImportSummary } from "../plan/importLog";
import type { SnapshotAward } from "./award";
import type { ApplyGroupWeightsResult, GroupWeightsPreview, GroupWeightsRequest, PairwiseReading } from "./pairwise";
import type { MaturityMarksRequest, MaturityMarksWritten, MaturityReading } from "./maturity";

export type { ApplyCopyResult, MergeChoice, RaterCopyFile, ReturnedCopyPreview } from "../plan/copyTypes";
export type { WorkbookProblem, WorkbookProblemKind } from "../plan/problems";
export type { ImportChoice } from "../plan/importWrite";
export type { ImportKind, ImportSummary } from "../plan/importLog";
export type * from "./pairwise";
export type * from "./award";
export type * from "./maturity";

/** A consensus typed on Moderation: it replaces the raters' ratings of that vendor × leaf in the scores. */
export interface ConsensusRating {
  vendor: string;
  code: string;
  value: RatingValue;
  /** Trimmed; "" when none was given (reported as a problem). */
  reason: string;
}

export interface ExportRaterCopyOptions {
  /** Pre-fill the ratings the rater already gave in the workbook (default true). */
  prefill?: boolean;
}

export interface PortCallOptions {
  /** Abort the call; the port rejects with a DOMException named "AbortError" as soon as it can. */
  signal?: AbortSignal;
  /** fraction in [0, 1]; step names what is being done (the pane words it in its language). */
  onProgress?(fraction: number, step: ProgressStep): void;
}

export type ProgressStep = "prepare" | "weights" | "ratings" | "results" | "format" | "read" | "check" | "freeze" | "select" | "import" | "undo";

export interface Capabilities {
  /** "excel" inside Excel; "demo" for the in-memory demo workbook (src/demo). */
  host: "excel" | "demo";
  /** Platform as Office reports it ("PC", "Mac", "OfficeOnline", …), when known. */
  platform?: string;
  /** ExcelApi requirement-set versions the host supports, e.g. ["1.1", "1.2", …, "1.12"]. */
  excelApi: string[];
}

export interface CreateWorkbookRequest {
  tree: IndicatorTree;
  /** Trimmed, de-duplicated, non-empty vendor names in the order entered. */
  vendors: string[];
  /** Rater names; empty means one rating column per vendor (no rater split). */
  raters: string[];
  /** Language of sheet names, headers and notes. */
  locale: Locale;
  missing: MissingPolicy;
  /**
   * A Pairwise (AHP) sheet for these sibling groups (parent codes, null = the dimensions; 2–10
   * members each). Absent: a re-create keeps the workbook's groups that still exist, and the
   * judgements typed in them; `groups: []` removes the sheet.
   */
  pairwise?: { groups: (string | null)[] };
  /** Panel (two or more raters): how the raters' ratings of a cell are combined; default "mean". */
  aggregate?: Aggregation;
  /**
   * Maturity self-assessment sheets, by scenario key ("marketing", "training"). Absent: a re-create
   * keeps the workbook's sheets and every mark in them; present: exactly these (`[]` = none), and
   * leaving out a sheet that holds marks is refused (ScorecardMaturityRemoved) rather than losing them.
   */
  maturity?: string[];
  /**
   * Award settings (issue #11): `price` adds the Price sheet (weight, method, low-bid threshold),
   * `bands` sets the grade bands. Absent: a re-create keeps the workbook's as they stand in its
   * sheets; either way the bids typed on an earlier Price sheet are kept by vendor name.
   */
  award?: AwardSettings;
  /**
   * The Sensitivity sheet (issue #12: flip points, stable intervals, the weight chart). Absent: a
   * re-create keeps it when the workbook has one; false removes it (it holds only formulas).
   */
  sensitivity?: boolean;
  /** The Report sheet (issue #14). Absent: a re-create keeps it when the workbook has one, with what was typed in its signature block; false removes it (refused, ScorecardReportSignaturesRemoved, while that block holds entries). */
  report?: boolean;
}

export interface CreateWorkbookResult {
  /** Names of the visible sheets written, in order (the hidden Calc and model sheets are not listed). */
  sheets: string[];
  /** Sheet and cell to show the user first (the first rating cell). */
  firstInput?: { sheet: string; address: string };
  /** Features skipped because this Excel lacks them (the pane words each code). */
  notes?: CreateNote[];
}

/** A feature left out on an older Excel, by code; `sheet` when it concerns one sheet. */
export interface CreateNote {
  code: CreateNoteCode;
  sheet?: string;
  /** ExcelApi version the feature needs. */
  version: string;
}

export type CreateNoteCode =
  | "tab-color"
  | "indent"
  | "row-outline"
  | "data-validation"
  | "conditional-formats"
  | "freeze-panes"
  | "autofilter"
  | "chart-series"
  | "named-ranges"
  | "page-layout"
  | "password";

export interface ImportRatingsRequest {
  /** Accepted ratings from the pure importer (src/core/import); `comment`, the file's reason column, goes into the notes grid (issue #14). */
  ratings: (Rating & { comment?: string })[];
  /** What to do where the workbook already holds a different rating. */
  choice: ImportChoice;
  /** File name (or a label for pasted text), logged with every change. */
  sourceFile: string;
  /** Vendors not in the workbook yet, as shown in the preview (the adapter also derives them). */
  newVendors: string[];
}

export interface ImportRatingsResult {
  importId: string;
  /** Ratings written into empty cells. */
  added: number;
  overwritten: number;
  /** Conflicts left as they were (keep existing). */
  kept: number;
  unchanged: number;
  /** Ratings not written: a second rating of the same cell, or an indicator/vendor with no cell. */
  skipped: number;
  /** Vendors added to the scorecard (it was rebuilt with them, keeping every rating). */
  newVendors: string[];
  /** The Import log sheet (absent when nothing was written). */
  logSheet?: string;
  /** Reasons (notes grid, issue #14), present when the request carried any: written into empty cells, over another reason, left (keep existing), already there. */
  notesAdded?: number;
  notesOverwritten?: number;
  notesKept?: number;
  notesUnchanged?: number;
  /** Reasons not written because the workbook's ratings sheet has no notes grid (made before it; re-create to get one). */
  notesSkipped?: number;
}

export interface UndoImportResult {
  /** Cells set back to what they held before the import. */
  restored: number;
  /** Cells changed since the import: left as they are. */
  changedSince: number;
  /** Logged cells whose vendor, indicator or rater sheet is no longer in the scorecard. */
  missing: number;
  /** The first cells changed since the import (left as they are), to show the user; absent when none. */
  changedCells?: UndoLeftCell[];
  /** Reasons (notes grid) the import wrote, present when it wrote any: set back, and left because they changed since (listed in changedCells with `note`). */
  notesRestored?: number;
  notesChangedSince?: number;
}

/** A cell an undo left because it no longer holds what the import wrote. */
export interface UndoLeftCell {
  sheet: string;
  /** A1 address on `sheet`. */
  address: string;
  vendor: string;
  code: string;
  rater?: string;
  /** What the import wrote (a reason's text for a notes-grid cell). */
  imported: RatingValue | string;
  /** The cell is a reason in the notes grid, not a rating. */
  note?: true;
  /** What the cell holds now (null = blank). */
  now: string | number | boolean | null;
}

export interface WorkbookSnapshot {
  tree: IndicatorTree;
  vendors: string[];
  raters: string[];
  missing: MissingPolicy;
  ratings: Rating[];
  problems: WorkbookProblem[];
  /** Computed with the consensus overrides of a panel (`ratings` are the raters' own). */
  scores: ScoreResult;
  /** Panel: how the raters' ratings of a cell are combined. */
  aggregate?: Aggregation;
  /** Panel: consensus scores typed on Moderation. */
  consensus?: ConsensusRating[];
  /** The award decision (issue #11); absent for workbooks made before it. `tree` then carries the minimums typed on Weights. */
  award?: SnapshotAward;
  /** Every reason written in a notes grid (issue #14), trimmed, blank cells left out; absent when the ratings sheets have no notes grid. */
  notes?: SnapshotNote[];
  /** Where the notes cells are (absent with `notes`): the reason for a rating is in column `columns[vendor]`, row `rows[code]`, of sheet `sheets[rater ?? ""]`. */
  notesGrid?: { sheets: Record<string, string>; columns: Record<string, string>; rows: Record<string, number> };
  /** Panel: the spread threshold on Consolidated (SC_SpreadThreshold) when it holds a number. */
  spreadThreshold?: number;
}

/** A reason typed beside a rating (issue #14). */
export interface SnapshotNote {
  vendor: string;
  code: string;
  /** Panel: the rater whose sheet it is on. */
  rater?: string;
  text: string;
  sheet: string;
  address: string;
}

export interface WorkbookPort {
  getCapabilities(options?: PortCallOptions): Promise<Capabilities>;
  /** Writes the scorecard sheets (weights, rating sheet(s), results) into the open workbook. */
  createWorkbook(request: CreateWorkbookRequest, options?: PortCallOptions): Promise<CreateWorkbookResult>;
  /** Reads the scorecard back; null when the open workbook holds no scorecard. */
  readWorkbook(options?: PortCallOptions): Promise<WorkbookSnapshot | null>;
  /** Activates the sheet and selects the cell. */
  selectCell(sheet: string, address: string, options?: PortCallOptions): Promise<void>;
  /** Copies the results sheet as values (a dated snapshot) so later edits don't change it. */
  freezeResults(options?: PortCallOptions): Promise<{ sheet: string }>;
  /** Writes the tree's names and weights into the workbook's weights sheet. */
  applyWeights(tree: IndicatorTree, options?: PortCallOptions): Promise<void>;
  /** Writes imported ratings (new vendors are added first), logging every change to the Import log sheet. */
  importRatings(request: ImportRatingsRequest, options?: PortCallOptions): Promise<ImportRatingsResult>;
  /** Imports and merged rater copies in the Import log, newest first. */
  listImports(options?: PortCallOptions): Promise<ImportSummary[]>;
  /** Sets every cell an import wrote back to what it held before, where it still holds the imported value. */
  undoImport(importId: string, options?: PortCallOptions): Promise<UndoImportResult>;
  /** Panel: one rater's copy of the scorecard as .xlsx bytes (their sheet and the model only). */
  exportRaterCopy(rater: string, options?: PortCallOptions & ExportRaterCopyOptions): Promise<RaterCopyFile>;
  /** Panel: reads a returned rater copy and previews merging it into that rater's sheet; writes nothing. */
  mergeReturnedCopy(bytes: Uint8Array, sourceFile: string, options?: PortCallOptions): Promise<ReturnedCopyPreview>;
  /** Panel: writes a previewed copy's ratings into the rater's sheet, logging every change to the Import log (undoImport undoes it). */
  applyReturnedCopy(copy: ReturnedCopyPreview, choice: MergeChoice, options?: PortCallOptions): Promise<ApplyCopyResult>;
  /** The Pairwise sheet's judgements with each rater's and the group's weights, CR and consensus; null when the workbook has no Pairwise sheet. */
  readPairwise(options?: PortCallOptions): Promise<PairwiseReading | null>;
  /** "Use these weights", step 1: the group's weight cells as they stand and what would be written; writes nothing. */
  previewGroupWeights(request: GroupWeightsRequest, options?: PortCallOptions): Promise<GroupWeightsPreview>;
  /** "Use these weights", step 2: writes a previewed group's weights, logged in the Import log (undoImport undoes it). */
  applyGroupWeights(preview: GroupWeightsPreview, options?: PortCallOptions): Promise<ApplyGroupWeightsResult>;
  /** The Maturity sheets' marks with the self-assessment they give (src/core/maturity); null when the workbook has no Maturity sheet. */
  readMaturity(options?: PortCallOptions): Promise<MaturityReading | null>;
  /** Writes one scenario's marks into its Maturity sheet as the sheet's drop-down would (the stage names in the workbook's language; null clears). */
  writeMaturityMarks(request: MaturityMarksRequest, options?: PortCallOptions): Promise<MaturityMarksWritten>;
  /** Writes the Report sheet afresh (issue #14), records it in the stored model and opens it. */
  prepareReport(options?: PortCallOptions): Promise<PrepareReportResult>;
}

export interface PrepareReportResult {
  /** The Report sheet's name (opened). */
  sheet: string;
  /** Features skipped because this Excel lacks them (e.g. print settings before ExcelApi 1.9). */
  notes?: CreateNote[];
}

/** Which ExcelApi version each pane feature needs (the adapter must not need more). */
export const FEATURE_REQUIREMENTS = {
  createWorkbook: "1.8", // data validation on rating cells
  readWorkbook: "1.4", // named items
  applyWeights: "1.4",
  freezeResults: "1.4",
  selectCell: "1.1",
  importRatings: "1.4", // used ranges, named items
  listImports: "1.4",
  undoImport: "1.4",
  exportRaterCopy: "1.4",
  mergeReturnedCopy: "1.4",
  applyReturnedCopy: "1.4",
  readPairwise: "1.4", // used ranges, named items
  previewGroupWeights: "1.4",
  applyGroupWeights: "1.4",
  readMaturity: "1.4", // used ranges, named items
  writeMaturityMarks: "1.4", // used ranges, named items
  prepareReport: "1.4", // named items (the model); older features are skipped with a note
} as const;

export type Feature = keyof typeof FEATURE_REQUIREMENTS;

/** True when the host supports ExcelApi `version` (the demo host supports everything). */
export function supportsSet(caps: Capabilities, version: string): boolean {
  if (caps.host === "demo") return true;
  return caps.excelApi.includes(version);
}

/** Highest supported ExcelApi version, comparing "1.10" > "1.9" numerically. */
export function highestSet(caps: Capabilities): string | null {
  const sorted = [...caps.excelApi].sort((a, b) => {
    const [a1, a2] = a.split(".").map(Number);
    const [b1, b2] = b.split(".").map(Number);
    return a1 - b1 || a2 - b2;
  });
  return sorted.length > 0 ? sorted[sorted.length - 1] : null;
}
