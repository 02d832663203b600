/** The importer's result and option types (shared by the delimited/xlsx importer and the indicators-down reader). */
import type { Rating } from "../engine/types";
import type { IndicatorTree, LocalizedText } from "../model/types";
import type { DetectedEncoding, EncodingChoice } from "./decode";
import type { Delimiter, DelimiterChoice } from "./delimited";
import type { ColumnInfo, ColumnMapping, Shape, UnmappedColumn } from "./headers";
import type { IndicatorIndex } from "./match";
import type { Rejection } from "./reasons";

/** An accepted rating with where it came from. */
export interface ImportedRating extends Rating {
  line: number;
  /** Header of the source column (wide files). */
  column?: string;
  comment?: string;
}

export interface ImportWarning {
  code: string;
  line?: number;
  message: LocalizedText;
  /** similar-vendor-names: the spellings found (the pane offers to merge them). */
  names?: string[];
  /** How many times the same warning occurred when they are summarised in one. */
  count?: number;
}

/**
 * Accounting: `read === accepted + rejected` always. The unit is a data row for long files and
 * a non-empty indicator cell for wide files (unit "cell"); for wide files also
 * `read + blankCells === dataRows × indicator columns`.
 */
export interface ImportCounts {
  unit: "row" | "cell";
  read: number;
  accepted: number;
  rejected: number;
  /** Data rows after the header that hold anything. */
  dataRows: number;
  /** Rows with nothing in them: skipped, not counted in `read`. */
  blankRows: number;
  /** Wide files: empty indicator cells = no rating (not an error, not a zero). */
  blankCells: number;
}

export interface ImportSource {
  name?: string;
  format: "delimited" | "xlsx" | "paste";
  encoding?: DetectedEncoding;
  delimiter?: Delimiter;
  sheet?: string;
  sheets?: string[];
}

export type FatalCode =
  | "empty-file"
  | "no-data"
  | "no-vendor-column"
  | "no-indicator-columns"
  | "xlsx-unreadable"
  | "xlsx-no-sheet"
  | "xlsx-sheet-not-found"
  | "too-large";

export interface ImportResult {
  /** False when the file could not be read as ratings at all (see `fatal`). */
  ok: boolean;
  fatal?: { code: FatalCode; message: LocalizedText };
  source: ImportSource;
  shape: Shape | null;
  columns: ColumnInfo[];
  /** Columns not used: map them explicitly with `options.columns` if they hold ratings. */
  unmapped: UnmappedColumn[];
  accepted: ImportedRating[];
  rejected: Rejection[];
  counts: ImportCounts;
  warnings: ImportWarning[];
  /**
   * Every vendor the file names, in order of first appearance, rated or not (a row or column
   * whose cells are all blank still names its vendor: it is listed as unrated, never dropped).
   */
  vendors?: string[];
}

export interface ImportOptions {
  tree: IndicatorTree;
  encoding?: EncodingChoice;
  delimiter?: DelimiterChoice;
  /** .xlsx: the sheet to read (default: the first). */
  sheet?: string;
  columns?: ColumnMapping;
  /** File name, for the report and the overwrite log. */
  sourceName?: string;
  /** Reuse a prebuilt index when importing many files against one tree. */
  index?: IndicatorIndex;
}
