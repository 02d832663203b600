/** Types of the panel (several raters) features: rater copies out and back in. */
import type { Rating } from "../core/engine/types";
import type { CellPreview } from "./cellConflicts";

export type { MergeChoice, MergePreview } from "../core/import/merge";

export interface RaterCopyFile {
  /** e.g. "Scorecard - Ann.xlsx" (characters a file name cannot hold are dropped). */
  fileName: string;
  bytes: Uint8Array;
}

/** What a returned rater copy would change, before anything is written. */
export interface ReturnedCopyPreview {
  /** Whose copy it is ("" when the file names no rater). */
  rater: string;
  /** The rater has a sheet in this workbook (otherwise nothing can be merged). */
  knownRater: boolean;
  sourceFile: string;
  /** The file could be read as a rater copy (a ratings header and a stored model were found). */
  ok: boolean;
  /** Rows read / accepted / rejected, new vendors, added / unchanged ratings and conflicts (cells holding text included). */
  preview: CellPreview;
  /** Vendor columns of the copy that are not vendors of the workbook (not merged). */
  extraVendors: string[];
  /** Codes in the copy that are not indicators of the workbook. */
  unknownCodes: string[];
  /** Rows with ratings that could not be placed (no code, group row, repeated code). */
  unplacedRows: number;
  /** "not-a-rater-copy" | "other-standard" | "not-xlsx" | "no-model" …, worded by the pane. */
  warnings: string[];
  /** The copy's accepted ratings (rater set), handed back to applyReturnedCopy. */
  ratings: Rating[];
  /** The copy's reasons (notes grid, issue #14), handed back to applyReturnedCopy; [] when the copy or the workbook has no notes grid. */
  notes: CopyNote[];
  /** What the reasons would do; a conflict (a different reason of the rater there) is decided by the same MergeChoice as the ratings. */
  notePreview: NotePreview;
}

/** A reason written in a returned copy's notes grid. */
export interface CopyNote {
  vendor: string;
  code: string;
  rater: string;
  /** As typed (trimmed), never empty; a number typed there is its text. */
  note: string;
}

export interface NotePreview {
  added: number;
  unchanged: number;
  conflicts: number;
}

export interface ApplyCopyResult {
  added: number;
  overwritten: number;
  /** Conflicts left as they were. */
  kept: number;
  unchanged: number;
  /** Ratings with no cell (vendor or indicator not in the workbook). */
  skipped: number;
  /** The reasons (notes grid) written, left and found equal, as for the ratings. */
  notes: { added: number; overwritten: number; kept: number; unchanged: number };
  /** The merge's id in the Import log (undoImport undoes it); absent when nothing was written. */
  importId?: string;
  logSheet?: string;
}
