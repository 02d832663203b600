/** Problems found when a scorecard workbook is read back, each with the cell to show. */

export type WorkbookProblemKind =
  | "missing-rating"
  | "out-of-range"
  | "not-a-number"
  | "required-unrated"
  | "weights-not-100"
  /** Panel: a consensus score on Moderation without a reason. */
  | "consensus-without-reason"
  /** Award (issue #11): a vendor's score below a minimum (`code`: the node, null for the total; `value`, `minimum`). */
  | "gate-failed"
  /** Award: no score (a blank or N/A rating, nothing scored) where a minimum is set. */
  | "gate-unrated"
  /** Award: a Price sheet but no bid (or a bid of 0 or less) for the vendor. */
  | "no-bid"
  /** Award: the bid cell holds text that does not read as an amount (`value`). */
  | "bid-not-a-number";

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
  /** The minimum not met, for gate-failed and gate-unrated. */
  minimum?: number;
}
