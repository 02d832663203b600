/**
 * The published 36Kr 2022 standard for the pane, read straight from the shipped JSON. The core's
 * defaultTree() runs the same JSON through its zod schema; the pane skips that (zod alone would add
 * tens of kilobytes to the first download) because the file is checked by test/core/default-tree.test.ts
 * and test/taskpane/standard.test.ts asserts this copy equals defaultTree().
 */
import standard from "../core/model/standard-36kr-2022.json";
import type { IndicatorTree } from "../core/model/types";

const published: IndicatorTree = standard;

/** A fresh copy of the published standard (weights as published, wrong sums included). */
export function publishedTree(): IndicatorTree {
  return structuredClone(published);
}
