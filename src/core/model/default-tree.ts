import standard from "./standard-36kr-2022.json";
import { parseTree } from "./parse";
import type { IndicatorTree } from "./types";

/**
 * A fresh copy of the 36Kr 2022 standard with the weights exactly as published (their two
 * wrong sums, 90% and 110%, are validation warnings, not corrected here).
 */
export function defaultTree(): IndicatorTree {
  const { tree, findings } = parseTree(standard);
  const errors = findings.filter((f) => f.severity === "error");
  if (tree === null || errors.length > 0) {
    throw new Error(`Bundled standard is invalid: ${errors.map((f) => f.message["en-US"]).join("; ")}`);
  }
  return tree;
}
