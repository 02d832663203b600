/** Types of the optional Pairwise (AHP) sheet; see pairwiseSheet.ts. */

/** One pre-filled judgement: `a` over `b` (codes of one sibling group), for a rater of a panel or the single rater (no `rater`). */
export interface PairwiseValue {
  parent: string | null;
  a: string;
  b: string;
  value: string | number;
  rater?: string;
}

/** Ask buildPlan for a Pairwise sheet. */
export interface PairwiseInput {
  /** Sibling groups to compare, by parent code; null = the top level (the dimensions). 2–10 members each. */
  groups: (string | null)[];
  /** Judgements to pre-fill (as text or numbers, read like typed input). */
  values?: PairwiseValue[];
}

/** One block: a rater's judgements (or the single rater's), or the panel's geometric-mean group. */
export interface PairwiseBlockLayout {
  kind: "rater" | "group";
  /** Panel rater name; absent for the single rater and the group block. */
  rater?: string;
  /** First row (the heading) of the block. */
  top: number;
  /** One row per pair, a before b in the group's order; the judgement cell is `input` (rater) or the geometric mean (group). */
  pairs: { a: string; b: string; row: number; input: string }[];
  /** Weight cells in the group's order (relative A1, on the Pairwise sheet). */
  weights: { code: string; cell: string }[];
  lambdaMax: string;
  ci: string;
  cr: string;
  consistent: string;
  revisit: string;
  /** Group block of a panel: S* and the number of raters counted. */
  consensus?: string;
  ratersCounted?: string;
}

export interface PairwiseGroupLayout {
  parent: string | null;
  codes: string[];
  /** Rater blocks in panel order (one for a single rater), then the group block for a panel. */
  blocks: PairwiseBlockLayout[];
}

export interface PairwiseLayout {
  sheet: string;
  groups: PairwiseGroupLayout[];
}
