import type { AwardSettings, PriceMethod } from "../core/award/types";

/** Where the award parts live (issue #11), for the adapter and the pane. */
export interface AwardLayout {
  /** Weights column letter of the minimums (the root row holds the total's). */
  minimumColumn: string;
  /** Weights range of the grade bands (lower bound, label), highest first. */
  bands: string;
  /** The hidden Award calc sheet. */
  awardSheet: string;
  /** Only with a Price sheet: its name, the settings' cells (relative A1), the bids' first row and column, the method labels of the drop-down. */
  price?: { sheet: string; weight: string; method: string; threshold: string; firstRow: number; bidColumn: string; methods: Record<PriceMethod, string> };
}

/** Input of the award parts of buildPlan. */
export interface AwardPlanInput {
  settings?: AwardSettings;
  /** Bids to pre-fill on the Price sheet, by vendor (text as typed in an earlier Price sheet stays text). */
  bids?: Record<string, number | string | null | undefined>;
}
