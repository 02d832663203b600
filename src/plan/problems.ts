/** Problems found when a scorecard workbook is read back, each with the cell to show. */

export type WorkbookProblemKind =
  | "missing-rating"
  | "out-of-range"
  | "not-a-number"
  | "required-unrated"
  | "weights-not-100"
  /** Panel: a consensus score on Moderation without a reason. */
  | "consensus-without-reason";

/** One problem found in the workbook, always with the cell to show. */
export interface WorkbookProblem {
  kind: WorkbookProblemKind;
  sheet: string;
  /** A1 address on `sheet`, e.g. "D7". */
  address: string;
  vendor?: string;
  rater?: string;
  /** Indicator code (leaf for ratings; the group's parent code for weights, null for the top level). */
  code?: string | null;
  /** The cell's text as entered, for out-of-range / not-a-number. */
  value?: string;
  /** Sum of the group's weights in percent, for weights-not-100. */
  sum?: number;
}
