/** The two languages the product speaks. */
export type Locale = "zh-CN" | "en-US";

export interface LocalizedText {
  "zh-CN": string;
  "en-US": string;
}

/**
 * One node of the indicator tree. A node without children is a scored leaf (rated 0–100).
 * `weight` is in percent of its sibling group as entered (30 means 30%); `null` means
 * "no weight given": a group whose weights are all null weighs its members equally.
 * In a group where some weights are numbers, a null weight counts as 0 (and is a finding).
 */
export interface IndicatorNode {
  code: string;
  name: LocalizedText;
  weight: number | null;
  required: boolean;
  description?: LocalizedText;
  children: IndicatorNode[];
  /**
   * Optional minimum score (0–100) on this node: a vendor scoring below it is not eligible for
   * award (issue #11). Absent or null = no minimum; trees without minimums score as before.
   */
  minimum?: number | null;
}

export interface IndicatorTree {
  id: string;
  title: LocalizedText;
  source?: string;
  /** Top-level nodes (dimensions in the default tree). */
  roots: IndicatorNode[];
  /** Optional minimum of the total (quality) score; absent or null = none. */
  minimum?: number | null;
}

export type FindingSeverity = "error" | "warning";

export type FindingCode =
  | "weights-not-100"
  | "weights-mixed"
  | "weight-negative"
  | "weight-not-number"
  | "duplicate-code"
  | "empty-code"
  | "empty-name"
  | "no-leaves"
  | "empty-tree"
  | "minimum-invalid"
  | "schema";

/** A structured validation finding; never thrown. `codes` names the nodes concerned. */
export interface Finding {
  code: FindingCode;
  severity: FindingSeverity;
  /** Code of the parent of the sibling group, or null for the top level; for node findings the node's code. */
  at: string | null;
  codes: string[];
  /** Sum of the sibling group's weights, for weights-not-100. */
  sum?: number;
  /** Location in the input JSON, for schema findings (e.g. "roots.0.children.2.weight"). */
  path?: string;
  message: LocalizedText;
}
