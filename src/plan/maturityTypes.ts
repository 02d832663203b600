/** Types of the optional Maturity self-assessment sheets; see maturitySheet.ts. */
import type { MaturityMarks, MaturityModel } from "../core/maturity/types";

/** Ask buildPlan for Maturity sheets: one per scenario key, in the order given. */
export interface MaturityInput {
  /** Scenario keys of the model ("marketing", "training"); empty = no sheet. */
  scenarios: string[];
  /** The maturity model; default the bundled 36Kr 2022 model. */
  model?: MaturityModel;
  /**
   * Marks to pre-fill per scenario: stage numbers (1-based, written as the stage's name), or what
   * a re-created sheet held when it was not a stage (written back as typed, so nothing is lost).
   */
  marks?: Record<string, MaturityMarks | MaturityTypedMarks>;
}

/** A mark cell as carried: a stage number, or what was typed when it is not one; null = blank. */
export type MaturityCellMark = number | string | null;

/** The marks of one sheet as carried into a rebuilt one, per characteristic in the model's order. */
export interface MaturityTypedMarks {
  today: MaturityCellMark[];
  aim: MaturityCellMark[];
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
