/**
 * The enterprise live-streaming MATURITY model (the report's second instrument, beside the vendor
 * standard): per scenario (marketing, training) five stages, each described along six
 * characteristics, with the share of enterprises at each stage; plus the product's (not the
 * report's) mapping from stage needs to indicators of the vendor standard.
 */
import type { LocalizedText } from "../model/types";

/** Version of the maturity JSON this code reads. Bump on incompatible changes. */
export const MATURITY_SCHEMA_VERSION = 1;

export interface MaturityCharacteristic {
  /** Stable key: focus, outcomes, platform, team, evaluation, scenes in the bundled model. */
  key: string;
  name: LocalizedText;
}

/** The 直播前 / 直播中 / 直播后 lists of a stage's own page in the report (empty when the page has none). */
export interface StageFeatures {
  before: LocalizedText[];
  during: LocalizedText[];
  after: LocalizedText[];
}

export interface MaturityStage {
  name: LocalizedText;
  /** Share of enterprises at this stage, percent. */
  share: number;
  /** Characteristic key → the table's cell. */
  cells: Record<string, LocalizedText>;
  /** The stage's own page in the report: its platform-needs and team lines, and the feature lists. */
  page?: { platform: LocalizedText; team: LocalizedText; features: StageFeatures };
}

export interface MaturityScenario {
  /** "marketing" / "training" in the bundled model. */
  key: string;
  name: LocalizedText;
  title: LocalizedText;
  /** Lowest to highest. */
  stages: MaturityStage[];
}

/** One need of one stage and the indicator codes it concerns (the product's mapping). */
export interface MaturityMappingEntry {
  scenario: string;
  /** 1-based stage number. */
  stage: number;
  /** The characteristic the need comes from (mostly "platform"). */
  from: string;
  need: LocalizedText;
  /** Indicator codes of the vendor standard (leaves or groups). */
  codes: string[];
}

export interface MaturityMapping {
  /** Always "product": the mapping is this product's reading, not the report's. */
  origin: "product";
  note: LocalizedText;
  entries: MaturityMappingEntry[];
}

export interface MaturityModel {
  kind: "maturity-model";
  id: string;
  schemaVersion: number;
  title: LocalizedText;
  source: string;
  characteristics: MaturityCharacteristic[];
  scenarios: MaturityScenario[];
  mapping: MaturityMapping;
}

export type MaturityFindingCode =
  | "schema"
  | "schema-version"
  | "duplicate-key"
  | "missing-cell"
  | "empty-text"
  | "shares-not-100"
  | "share-out-of-range"
  | "too-few-stages"
  | "stage-name"
  | "mapping-scenario"
  | "mapping-stage"
  | "mapping-from"
  | "mapping-code";

/** A structured validation finding; never thrown. `path` locates it in the JSON. */
export interface MaturityFinding {
  code: MaturityFindingCode;
  severity: "error" | "warning";
  path: string;
  message: LocalizedText;
}

/** The marks of one self-assessment: per characteristic (model order) a stage number 1…N or null. */
export interface MaturityMarks {
  today: (number | null)[];
  aim: (number | null)[];
}

export interface MaturityAssessment {
  scenario: string;
  stageCount: number;
  markedToday: number;
  markedAim: number;
  /** Median of today's marks rounded down (see assess.ts); null when nothing is marked. */
  current: number | null;
  /** Highest minus lowest of today's marks. */
  spread: number | null;
  /** Median of the aims rounded down; null when no aim is marked. */
  target: number | null;
  /** Percent of enterprises at the current stage or below (the report's shares). */
  peersAtOrBelow: number | null;
  /** Percent of enterprises at the target stage or beyond. */
  peersAtOrAboveTarget: number | null;
  /** The target stage's platform needs and team (the table's cells). */
  requirements: { platform: LocalizedText; team: LocalizedText } | null;
  /** Mapping entries of the stages to grow through: (current, target], or the target alone. */
  needs: MaturityMappingEntry[];
  /** Their indicator codes, once each, in the tree's order when a tree is given. */
  indicators: string[];
}
