/**
 * The pane ↔ workbook contract for weights from pairwise comparisons (AHP, issue #13): reading the
 * Pairwise sheet's judgements back with the weights they give, and "Use these weights" — a
 * group's derived weights written into the Weights sheet after a preview, logged in the Import log
 * (kind "weights") and undone through undoImport like an import.
 */
import type { LocalizedText } from "../core/model/types";

/** One group's analysis: weights (shares summing to 1, by code), λmax, CI, CR and the judgement to revisit. */
export interface AhpSummary {
  weights: Record<string, number>;
  lambdaMax: number;
  ci: number;
  cr: number;
  /** CR ≤ 0.10. */
  consistent: boolean;
  /** Set when CR > 0.10: the judgement whose change would reduce the inconsistency most. */
  revisit?: { a: string; b: string; judged: number; suggested: number; crIfChanged: number };
}

/** A judgement cell as read from the Pairwise sheet: "a over b". */
export interface PairwiseJudgementRead {
  a: string;
  b: string;
  /** A1 address on the Pairwise sheet. */
  address: string;
  /** What the cell holds (null = blank). */
  typed: string | number | null;
  /** The scale value it reads as; null when blank or not on the scale. */
  value: number | null;
  /** Why a non-blank cell is not read (both languages). */
  problem?: LocalizedText;
}

/** One rater's block (the single rater's: no `rater`). */
export interface PairwiseRaterRead {
  rater?: string;
  judgements: PairwiseJudgementRead[];
  /** Every pair judged on the scale. */
  complete: boolean;
  /** Null until complete. */
  result: AhpSummary | null;
}

export interface PairwiseGroupRead {
  /** Parent code; null = the dimensions. */
  parent: string | null;
  codes: string[];
  raters: PairwiseRaterRead[];
  /**
   * The group's weights: a panel's geometric-mean (AIJ) matrix of the complete raters, or the
   * single rater's result; null while no rater is complete.
   */
  group: AhpSummary | null;
  /** BPMSG's consensus S* (0…1) of the complete raters; null with fewer than two. */
  consensus: number | null;
  ratersCounted: number;
}

export interface PairwiseReading {
  /** Name of the Pairwise sheet. */
  sheet: string;
  groups: PairwiseGroupRead[];
}

/** "Use these weights": a sibling group's derived weights (shares, any positive scale; written as percentages summing to 100). */
export interface GroupWeightsRequest {
  parent: string | null;
  weights: Record<string, number>;
  /** What the weights come from, for the Import log ("Pairwise", "Compare in pairs"). */
  source: string;
}

/** What "Use these weights" would write, read from the Weights sheet as it stands; nothing written. */
export interface GroupWeightsPreview {
  parent: string | null;
  source: string;
  /** The Weights sheet's name. */
  sheet: string;
  /** One row per member of the group, in the tree's order. */
  rows: { code: string; name: LocalizedText; address: string; before: string | number | boolean | null; after: number }[];
}

export interface ApplyGroupWeightsResult {
  /** Id in the Import log: undoImport(importId) sets the cells back. */
  importId: string;
  /** Cells whose value changed. */
  changed: number;
  logSheet: string;
}
