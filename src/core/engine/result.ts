import { cellStats, type CellRuns } from "./cells";
import type { CompiledTree } from "./compile";
import { competitionRanks } from "./rank";
import { DEFAULT_SCORE_OPTIONS, type LeafResult, type ScoreOptions, type ScoreResult, type VendorFlag, type VendorResult } from "./types";

/**
 * Scores as typed arrays, NaN for null: what scoreCube returns, before any result object is made.
 * Cells are vendor × leafCount + leaf, nodes vendor × nodeCount + node, in the compiled tree's order.
 */
export interface ColumnScores {
  tree: CompiledTree;
  options: ScoreOptions;
  vendors: string[];
  unknownCodes: string[];
  /** Weighted total per vendor; NaN when nothing counted. */
  total: Float64Array;
  /** Competition rank per vendor (1 = best), 0 when the total is NaN. */
  rank: Int32Array;
  /** Leaves neither rated nor N/A, per vendor. */
  missing: Int32Array;
  /** Score of every node (tree.codes) per vendor. */
  nodeScore: Float64Array;
  /** Per cell: numeric ratings, N/A ratings, aggregated rating, max − min, STDEV.P (NaN without ratings). */
  raters: Int32Array;
  na: Int32Array;
  value: Float64Array;
  range: Float64Array;
  stdev: Float64Array;
}

/** Options with their defaults; RangeError for a trimPercent outside [0, 1), as TRIMMEAN gives #NUM!. */
export function resolveOptions(options: Partial<ScoreOptions>): ScoreOptions {
  const opts: ScoreOptions = {
    missing: options.missing ?? DEFAULT_SCORE_OPTIONS.missing,
    aggregate: options.aggregate ?? DEFAULT_SCORE_OPTIONS.aggregate,
    trimPercent: options.trimPercent ?? DEFAULT_SCORE_OPTIONS.trimPercent,
  };
  if (!(opts.trimPercent >= 0 && opts.trimPercent < 1)) {
    throw new RangeError(`trimPercent must be in [0, 1), got ${opts.trimPercent}`);
  }
  return opts;
}

/**
 * Every vendor's scores from its cells' ratings: each leaf's aggregated rating (a missing leaf
 * counts 0 under the zero policy, nothing under exclude; N/A counts nothing under both), then each
 * group = Σw·s / Σw over the children that have a score, then the ranks of the totals.
 */
export function scoreRuns(t: CompiledTree, opts: ScoreOptions, vendors: string[], unknownCodes: string[], runs: CellRuns): ColumnScores {
  const leafCount = t.leafCodes.length;
  const nodeCount = t.codes.length;
  const stats = cellStats(runs, opts);
  const total = new Float64Array(vendors.length);
  const missing = new Int32Array(vendors.length);
  const nodeScore = new Float64Array(vendors.length * nodeCount);
  const groups = groupsOf(t);
  // One vendor's node scores, the virtual root (the total) last.
  const score = new Float64Array(nodeCount + 1);
  for (let v = 0; v < vendors.length; v++) {
    for (let i = 0; i < nodeCount; i++) {
      const l = t.leafOf[i];
      if (l < 0) continue;
      const c = v * leafCount + l;
      const unanswered = stats.count[c] === 0 && stats.na[c] === 0;
      if (unanswered) missing[v]++;
      score[i] = stats.count[c] > 0 ? stats.value[c] : unanswered && opts.missing === "zero" ? 0 : NaN;
    }
    for (const { node, children } of groups) score[node] = weightedMean(score, children, t.weight);
    nodeScore.set(score.subarray(0, nodeCount), v * nodeCount);
    total[v] = score[nodeCount];
  }
  const rank = Int32Array.from(competitionRanks(Array.from(total, (x) => (Number.isNaN(x) ? null : x))), (r) => r ?? 0);
  const { count, na, value, range, stdev } = stats;
  return { tree: t, options: opts, vendors, unknownCodes, total, rank, missing, nodeScore, raters: count, na, value, range, stdev };
}

/**
 * The groups (and the virtual root, index codes.length, last), each after every group below it,
 * with its children heaviest first (ties in descending node order).
 */
function groupsOf(t: CompiledTree): { node: number; children: number[] }[] {
  const nodeCount = t.codes.length;
  const children: number[][] = Array.from({ length: nodeCount + 1 }, () => []);
  for (let i = 0; i < nodeCount; i++) children[t.parent[i]].push(i);
  const groups: { node: number; children: number[] }[] = [];
  const heaviestFirst = (i: number): number[] => children[i].sort((a, b) => t.weight[b] - t.weight[a] || b - a);
  // Pre-order: every descendant of a node has a greater index, so descending order is bottom-up.
  for (let i = nodeCount - 1; i >= 0; i--) if (t.leafOf[i] < 0) groups.push({ node: i, children: heaviestFirst(i) });
  groups.push({ node: nodeCount, children: heaviestFirst(nodeCount) });
  return groups;
}

/**
 * Σw·s / Σw over the children with a score, taken as ref + Σw·(s − ref) / Σw with ref = the first
 * (heaviest) child's score: children that all score s give exactly s, and a light child scoring far
 * from the rest costs no precision. NaN when no child has a score or their weights sum to 0.
 */
function weightedMean(score: Float64Array, children: number[], weight: Float64Array): number {
  let ref = NaN;
  let num = 0;
  let den = 0;
  for (const i of children) {
    const s = score[i];
    if (Number.isNaN(s)) continue;
    if (Number.isNaN(ref)) ref = s;
    num += weight[i] * (s - ref);
    den += weight[i];
  }
  return Number.isNaN(ref) || den === 0 ? NaN : ref + num / den;
}

const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** The result objects of score() from column scores. */
export function toScoreResult(s: ColumnScores): ScoreResult {
  const t = s.tree;
  const leafCount = t.leafCodes.length;
  const nodeCount = t.codes.length;
  const vendors = s.vendors.map((vendor, v): VendorResult => {
    const leaves: Record<string, LeafResult> = {};
    const flags: VendorFlag[] = [];
    for (let l = 0; l < leafCount; l++) {
      const code = t.leafCodes[l];
      const c = v * leafCount + l;
      const n = s.raters[c];
      const missing = n === 0 && s.na[c] === 0;
      if (t.leafIsFirst[l]) {
        leaves[code] =
          n === 0
            ? { status: missing ? "missing" : "na", value: null, raters: 0, range: null, stdev: null }
            : { status: "rated", value: s.value[c], raters: n, range: s.range[c], stdev: s.stdev[c] };
      }
      if (missing && t.leafRequired[l]) flags.push({ kind: "required-unrated", code });
    }
    const missing = s.missing[v];
    if (missing > 0) flags.push({ kind: "incomplete", missing });
    const scores: Record<string, number | null> = {};
    // Backwards, so that on a duplicated code the first node in pre-order wins, as in leafIndex.
    for (let i = nodeCount - 1; i >= 0; i--) scores[t.codes[i]] = orNull(s.nodeScore[v * nodeCount + i]);
    return {
      vendor,
      total: orNull(s.total[v]),
      rank: s.rank[v] === 0 ? null : s.rank[v],
      completeness: leafCount === 0 ? 1 : (leafCount - missing) / leafCount,
      complete: missing === 0,
      scores,
      leaves,
      flags,
    };
  });
  return { vendors, unknownCodes: s.unknownCodes };
}
