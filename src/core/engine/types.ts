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
