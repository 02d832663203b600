import { compileTree, type CompiledTree } from "../engine/compile";
import type { ScoreResult } from "../engine/types";
import type { IndicatorTree } from "../model/types";
import type { ColumnScores } from "../engine/result";

/**
 * The weighted part of the engine, kept apart from the ratings: every vendor's leaf scores as the
 * engine settled them (the aggregate of the raters; 0 for a missing rating under the "zero" policy,
 * NaN for a missing one under "exclude" and for N/A), and the tree's groups, so that totals under
 * other weights cost one pass over the groups (what what-if, flip points and sampling need).
 */
export interface WeightModel {
  tree: CompiledTree;
  vendors: string[];
  /** Leaf score per vendor × node (NaN on groups and unscored leaves). */
  leafScore: Float64Array;
  /** Every group, children before their parent; the virtual root (index codes.length) last. */
  groups: { node: number; children: number[] }[];
  /** Each node's normalised weight within its sibling group (effective raw weight ÷ group sum; 0 when the sum is 0, a group the engine cannot score). */
  base: Float64Array;
  /** The engine's totals (NaN when nothing counted). */
  total: Float64Array;
}

/** The model from score()'s result objects (leaf scores and totals as the engine gave them). */
export function weightModelOf(tree: IndicatorTree, result: ScoreResult): WeightModel {
  const t = compileTree(tree);
  const n = t.codes.length;
  const nodeScore = new Float64Array(result.vendors.length * n).fill(NaN);
  result.vendors.forEach((r, v) => {
    for (let i = 0; i < n; i++) if (t.leafOf[i] >= 0 && t.leafIsFirst[t.leafOf[i]]) nodeScore[v * n + i] = r.scores[t.codes[i]] ?? NaN;
  });
  return weightModel({ tree: t, vendors: result.vendors.map((r) => r.vendor), nodeScore, total: Float64Array.from(result.vendors, (r) => r.total ?? NaN) });
}

export function weightModel(cs: Pick<ColumnScores, "tree" | "vendors" | "nodeScore" | "total">): WeightModel {
  const t = cs.tree;
  const n = t.codes.length;
  const V = cs.vendors.length;
  const leafScore = new Float64Array(V * n).fill(NaN);
  for (let v = 0; v < V; v++) for (let i = 0; i < n; i++) if (t.leafOf[i] >= 0) leafScore[v * n + i] = cs.nodeScore[v * n + i];
  const kids: number[][] = Array.from({ length: n + 1 }, () => []);
  for (let i = 0; i < n; i++) kids[t.parent[i]].push(i);
  const groups: { node: number; children: number[] }[] = [];
  for (let i = n - 1; i >= 0; i--) if (t.leafOf[i] < 0) groups.push({ node: i, children: kids[i] });
  groups.push({ node: n, children: kids[n] });
  const base = new Float64Array(n);
  for (const g of groups) {
    let sum = 0;
    for (const c of g.children) sum += t.weight[c];
    for (const c of g.children) base[c] = sum > 0 ? t.weight[c] / sum : 0;
  }
  return { tree: t, vendors: cs.vendors, leafScore, groups, base, total: cs.total };
}

/**
 * Every vendor's total under `weights` (one weight per node, each group's summing to 1 or not: each
 * group is Σw·s ÷ Σw over its children with a score, as the engine scores it). `scratch` holds
 * codes.length + 1 numbers. Writes into and returns `out`.
 */
export function totalsWith(m: WeightModel, weights: Float64Array, out: Float64Array = new Float64Array(m.vendors.length), scratch: Float64Array = new Float64Array(m.tree.codes.length + 1)): Float64Array {
  const n = m.tree.codes.length;
  const groups = m.groups;
  for (let v = 0; v < m.vendors.length; v++) {
    scratch.set(m.leafScore.subarray(v * n, v * n + n));
    for (let g = 0; g < groups.length; g++) {
      const { node, children } = groups[g];
      let num = 0;
      let den = 0;
      for (let k = 0; k < children.length; k++) {
        const c = children[k];
        const s = scratch[c];
        if (s !== s) continue; // NaN: no score
        num += weights[c] * s;
        den += weights[c];
      }
      scratch[node] = den > 0 ? num / den : NaN;
    }
    out[v] = scratch[n];
  }
  return out;
}

/**
 * The weights with node `node`'s normalised weight set to x and its siblings rescaled in proportion
 * so that the group still sums to 1 (siblings that all weigh 0 share 1 − x equally); every other
 * group keeps its normalised weights.
 */
export function withNodeWeight(m: WeightModel, node: number, x: number, out: Float64Array = new Float64Array(m.base.length)): Float64Array {
  out.set(m.base);
  const parent = m.tree.parent[node];
  const siblings = m.groups.find((g) => g.node === parent)?.children ?? [];
  const rest = 1 - m.base[node];
  for (const c of siblings) {
    if (c === node) out[c] = x;
    else out[c] = rest > 1e-15 ? (m.base[c] * (1 - x)) / rest : (1 - x) / (siblings.length - 1);
  }
  return out;
}
