/** "NA" = not applicable: excluded from the score under every policy. */
export type RatingValue = number | "NA";

export interface Rating {
  vendor: string;
  /** Leaf indicator code. */
  code: string;
  rater?: string;
  value: RatingValue;
}

/** exclude: reweight among the rated siblings (vendor reported incomplete); zero: a missing rating counts as 0. */
export type MissingPolicy = "exclude" | "zero";
export type Aggregation = "mean" | "median" | "trimmed";

export interface ScoreOptions {
  missing: MissingPolicy;
  aggregate: Aggregation;
  /** Fraction trimmed in total for "trimmed", as Excel's TRIMMEAN(percent): default 0.2. */
  trimPercent: number;
}

export const DEFAULT_SCORE_OPTIONS: ScoreOptions = { missing: "exclude", aggregate: "mean", trimPercent: 0.2 };

export type LeafStatus = "rated" | "na" | "missing";

export interface LeafResult {
  status: LeafStatus;
  /** Aggregated rating (numeric ratings only); null when na or missing. */
  value: number | null;
  /** Number of numeric ratings. */
  raters: number;
  /** max − min of the numeric ratings; null with fewer than one. */
  range: number | null;
  /** Population standard deviation (STDEV.P) of the numeric ratings. */
  stdev: number | null;
}

export type VendorFlag =
  | { kind: "required-unrated"; code: string }
  | { kind: "incomplete"; missing: number };

export interface VendorResult {
  vendor: string;
  /** Weighted total on 0–100; null when nothing counted. */
  total: number | null;
  /** 1 = best; ties share a rank (1, 1, 3); null when total is null. */
  rank: number | null;
  /** Share of leaves answered (rated or N/A), 0–1. */
  completeness: number;
  complete: boolean;
  /** Score of every node (leaf, sub-dimension, dimension) by code; null when nothing under it counted. */
  scores: Record<string, number | null>;
  leaves: Record<string, LeafResult>;
  flags: VendorFlag[];
}

export interface ScoreResult {
  vendors: VendorResult[];
  /** Ratings for codes that are not leaves of the tree (never silently dropped). */
  unknownCodes: string[];
}

/** Options of score() and scoreCube(): vendors listed first, in this order (each once), rated or not. */
export type ScoreInput = Partial<ScoreOptions> & { vendors?: string[] };

/**
 * "Not applicable" in RatingCube.values. −Infinity is never a rating (every non-finite value is no
 * rating), so the sentinel takes no valid value away.
 */
export const CUBE_NA = -Infinity;

/**
 * Ratings as a dense grid, the shape of the workbook's rater sheets (one vendors × codes grid per
 * rater): values[((v × codes.length) + k) × raters.length + r] is the rating of vendors[v] for
 * codes[k] by raters[r], so the raters of one (vendor, code) cell are contiguous.
 *
 * - NaN (or +Infinity): no rating (a blank); CUBE_NA (−Infinity): "not applicable"; any finite
 *   number is a rating (0–100 on the standard's scale; others are scored as score() scores them).
 * - `vendors` and `codes` name each vendor and code once (scoreCube throws RangeError otherwise).
 * - One value per (vendor, code, rater slot). Scoring does not read rater names, so a caller may
 *   give one rater several slots for duplicate ratings of a cell (score() aggregates them all);
 *   toCube refuses duplicates.
 * - A code that is not a leaf of the tree is reported in unknownCodes, whatever its cells hold;
 *   leaves without a code in the cube are unrated.
 */
export interface RatingCube {
  vendors: string[];
  codes: string[];
  raters: string[];
  values: Float64Array;
}
