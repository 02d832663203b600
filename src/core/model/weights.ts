import { cloneTree, findByCode } from "./tree";
import type { IndicatorNode, IndicatorTree } from "./types";

/** A weight the engine can use as a number: finite (null is "no weight", not a number). */
export function isFiniteWeight(w: unknown): w is number {
  return typeof w === "number" && Number.isFinite(w);
}

/**
 * The raw weights the engine uses for one sibling group: the numeric weight; 1 each when every
 * weight is null; a null among numbers counts 0. A non-finite weight (a finding) counts 0.
 */
export function effectiveWeights(siblings: IndicatorNode[]): number[] {
  if (siblings.every((n) => n.weight === null)) return siblings.map(() => 1);
  return siblings.map((n) => (isFiniteWeight(n.weight) ? n.weight : 0));
}

/** Sum of the group's numeric weights (nulls count 0), or null when every weight is null. */
export function weightSum(siblings: IndicatorNode[]): number | null {
  if (siblings.every((n) => n.weight === null)) return null;
  return siblings.reduce((acc, n) => acc + (n.weight ?? 0), 0);
}

/**
 * A new tree in which the sibling group under `parentCode` (null: the top level) is scaled to sum
 * to 100; nulls in a mixed group become 0. Left as is: an all-null group, an unknown or leaf parent,
 * and a group whose sum is not a positive finite number (nothing to scale).
 */
export function rescaleGroup(tree: IndicatorTree, parentCode: string | null): IndicatorTree {
  const copy = cloneTree(tree);
  const group = parentCode === null ? copy.roots : findByCode(copy, parentCode)?.node.children;
  if (!group || group.length === 0) return copy;
  const sum = weightSum(group);
  if (sum === null || !Number.isFinite(sum) || sum <= 0) return copy;
  for (const node of group) node.weight = ((node.weight ?? 0) * 100) / sum;
  return copy;
}
