/**
 * The pane ↔ workbook contract for the maturity self-assessment (issue #16): the marks of each
 * Maturity sheet as read, and what src/core/maturity's assessMaturity makes of them (current
 * stage, spread, target, peers, the target's requirements and the indicators to emphasise).
 */
import type { MaturityAssessment } from "../core/maturity/types";
import type { LocalizedText } from "../core/model/types";

/** One mark cell of a Maturity sheet as read. */
export interface MaturityMarkRead {
  /** The characteristic's key in the maturity model (focus, outcomes, platform, …). */
  characteristic: string;
  name: LocalizedText;
  /** A1 address on the sheet. */
  address: string;
  /** What the cell holds (null = blank). */
  typed: string | number | null;
  /** The stage (1-based) it reads as, as the sheet's formulas read it; null when blank or not a stage. */
  stage: number | null;
}

export interface MaturityScenarioRead {
  scenario: string;
  name: LocalizedText;
  sheet: string;
  /** The scenario's stages, lowest first, with the report's share of enterprises (percent). */
  stages: { name: LocalizedText; share: number }[];
  today: MaturityMarkRead[];
  aim: MaturityMarkRead[];
  /** assessMaturity on the marks (its indicators in the workbook's tree order). */
  assessment: MaturityAssessment;
  /** Names of the assessment's indicators in the workbook's tree (codes the tree lacks are left out). */
  indicatorNames: Record<string, LocalizedText>;
}

export interface MaturityReading {
  /** One per Maturity sheet the workbook asked for, in its order; a deleted sheet is left out. */
  scenarios: MaturityScenarioRead[];
  /** Scenarios whose sheet is missing (renamed or deleted). */
  missing: string[];
}

/** writeMaturityMarks: one scenario's marks, one entry per characteristic in the model's order (a stage 1…N, or null = blank). */
export interface MaturityMarksRequest {
  scenario: string;
  today: (number | null)[];
  aim: (number | null)[];
}

export interface MaturityMarksWritten {
  sheet: string;
  /** The mark cells written (those whose reading changed), A1 addresses on `sheet`. */
  written: string[];
}
