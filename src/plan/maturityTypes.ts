/** Types of the optional Maturity self-assessment sheets; see maturitySheet.ts. */
import type { MaturityMarks, MaturityModel } from "../core/maturity/types";

/** Ask buildPlan for Maturity sheets: one per scenario key, in the order given. */
export interface MaturityInput {
  /** Scenario keys of the model ("marketing", "training"); empty = no sheet. */
  scenarios: string[];
  /** The maturity model; default the bundled 36Kr 2022 model. */
  model?: MaturityModel;
  /** Marks to pre-fill per scenario (stage numbers, 1-based). */
  marks?: Record<string, MaturityMarks>;
}

/** Where one Maturity sheet's inputs and results are (A1 cells relative to `sheet`). */
export interface MaturitySheetLayout {
  scenario: string;
  sheet: string;
  /** Input cells per characteristic, in the model's order. */
  today: string[];
  aim: string[];
  markedToday: string;
  current: string;
  currentName: string;
  spread: string;
  /** Fraction (0.63 = 63 %) of enterprises at the current stage or below. */
  peersAtOrBelow: string;
  markedAim: string;
  target: string;
  targetName: string;
  peersAtOrAboveTarget: string;
  platform: string;
  features: string;
  team: string;
  indicators: string;
}
