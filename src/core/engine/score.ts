import type { IndicatorTree } from "../model/types";
import { aggregateCells } from "./aggregate";
import { collectColumns } from "./collect";
import { columnsWithCodes, type RatingColumns } from "./columns";
import { compileTree, type CompiledTree } from "./compile";
import { competitionRanks } from "./rank";
import {
  DEFAULT_SCORE_OPTIONS,
  type LeafResult,
  type Rating,
  type ScoreOptions,
  type ScoreResult,
  type VendorFlag,
  type VendorResult,
} from "./types";

export type ScoreInput = Partial<ScoreOptions> & { vendors?: string[] };

/**
 * Scores as typed arrays, NaN for null: what scoreColumns computes before any result object is made.
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
 * Scores every vendor against the tree: leaf ratings aggregated per options.aggregate, then each
 * group = Σw·s / Σw over the children that have a score (w from effectiveWeights).
 * Throws RangeError for a trimPercent outside [0, 1), as Excel's TRIMMEAN gives #NUM!.
 */
export function score(tree: IndicatorTree, ratings: Iterable<Rating> | Rating[], options: ScoreInput = {}): ScoreResult {
  const opts = resolveOptions(options);
  const compiled = compileTree(tree);
  const cols = columnsWithCodes(compiled.leafCodes, ratings, false);
  return toScoreResult(scoreCompiled(compiled, cols, opts, options.vendors));
}

/**
 * score() over rating columns, results as typed arrays (toScoreResult makes score()'s objects).
 * Vendors: options.vendors, then the columns' vendor table (each name once). The tree may be given
 * compiled (compileTree) when it is scored many times.
 */
export function scoreColumns(tree: IndicatorTree | CompiledTree, cols: RatingColumns, options: ScoreInput = {}): ColumnScores {
  const opts = resolveOptions(options);
  const compiled = "leafOf" in tree ? tree : compileTree(tree);
  return scoreCompiled(compiled, cols, opts, options.vendors);
}

function scoreCompiled(t: CompiledTree, cols: RatingColumns, opts: ScoreOptions, presetVendors?: string[]): ColumnScores {
  const data = collectColumns(cols, t, presetVendors, opts);
  const value = aggregateCells(data, data.vendors.length * t.leafCodes.length, opts.aggregate, opts.trimPercent);
  return rollUpCells(t, opts, data.vendors, data.unknownCodes, { count: data.count, na: data.na, value, range: data.range, stdev: data.stdev });
}

/** The per-cell statistics that rollUpCells turns into scores (see ColumnScores). */
export interface CellStats {
  count: Int32Array;
  na: Int32Array;
  value: Float64Array;
  range: Float64Array;
  stdev: Float64Array;
}

/** Leaf scores per missing policy, node scores, totals and ranks from the cells' statistics. */
export function rollUpCells(
  t: CompiledTree,
  opts: ScoreOptions,
  vendors: string[],
  unknownCodes: string[],
  cells: CellStats,
  /** Where to write the node scores (vendors × nodes), when the caller allocated it. */
  nodeScoreOut?: Float64Array,
): ColumnScores {
  const leafCount = t.leafCodes.length;
  const nodeCount = t.codes.length;
  const vendorCount = vendors.length;
  const { count, na, value } = cells;
  const total = new Float64Array(vendorCount);
  const missing = new Int32Array(vendorCount);
  const nodeScore = nodeScoreOut ?? new Float64Array(vendorCount * nodeCount);
  const leafScores = new Float64Array(leafCount);
  const rollup = new Rollup(t);
  const zero = opts.missing === "zero" ? 0 : NaN;
  for (let v = 0; v < vendorCount; v++) {
    const base = v * leafCount;
    let m = 0;
    for (let l = 0; l < leafCount; l++) {
      const c = base + l;
      if (count[c] > 0) {
        leafScores[l] = value[c];
      } else if (na[c] > 0) {
        leafScores[l] = NaN;
      } else {
        leafScores[l] = zero;
        m++;
      }
    }
    missing[v] = m;
    total[v] = rollup.run(leafScores, nodeScore, v * nodeCount);
  }
  const ranks = competitionRanks(Array.from(total, (x) => (x === x ? x : null)));
  const rank = Int32Array.from(ranks, (r) => r ?? 0);
  return {
    tree: t,
    options: opts,
    vendors,
    unknownCodes,
    total,
    rank,
    missing,
    nodeScore,
    raters: count,
    na,
    value,
    range: cells.range,
    stdev: cells.stdev,
  };
}

const orNull = (x: number): number | null => (x === x ? x : null);

/** The result objects of score() from column scores. */
export function toScoreResult(s: ColumnScores): ScoreResult {
  const t = s.tree;
  const leafCount = t.leafCodes.length;
  const nodeCount = t.codes.length;
  const vendors = s.vendors.map((vendor, v): VendorResult => {
    const base = v * leafCount;
    const leaves: Record<string, LeafResult> = {};
    const flags: VendorFlag[] = [];
    for (let l = 0; l < leafCount; l++) {
      const code = t.leafCodes[l];
      const c = base + l;
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
    const nb = v * nodeCount;
    for (let i = nodeCount - 1; i >= 0; i--) scores[t.codes[i]] = orNull(s.nodeScore[nb + i]);
    const rank = s.rank[v];
    return {
      vendor,
      total: orNull(s.total[v]),
      rank: rank === 0 ? null : rank,
      completeness: leafCount === 0 ? 1 : (leafCount - missing) / leafCount,
      complete: missing === 0,
      scores,
      leaves,
      flags,
    };
  });
  return { vendors, unknownCodes: s.unknownCodes };
}

/**
 * Group scores from leaf scores (NaN = no score). Each group accumulates Σw·(s − ref) and Σw with
 * ref = the first child score it receives, so children that all score s give exactly s. Groups are
 * scored in descending node order (children after … before their parents), each over its children
 * heaviest first, the sums in registers.
 */
class Rollup {
  /** Groups in descending node order, the virtual root (index codes.length) last. */
  private readonly groups: Int32Array;
  /** Children of groups[g] at childStart[g] … childStart[g + 1] − 1, descending. */
  private readonly childStart: Int32Array;
  private readonly child: Int32Array;
  private readonly childLeaf: Int32Array;
  private readonly childWeight: Float64Array;

  constructor(t: CompiledTree) {
    const { parent, weight, leafOf } = t;
    const nodes = leafOf.length;
    const groups: number[] = [];
    for (let i = nodes - 1; i >= 0; i--) if (leafOf[i] < 0) groups.push(i);
    groups.push(nodes);
    const slot = new Int32Array(nodes + 1).fill(-1);
    groups.forEach((g, k) => (slot[g] = k));
    const childCount = new Int32Array(groups.length + 1);
    for (let i = 0; i < nodes; i++) childCount[slot[parent[i]] + 1]++;
    for (let k = 0; k < groups.length; k++) childCount[k + 1] += childCount[k];
    this.childStart = childCount.slice();
    this.child = new Int32Array(nodes);
    this.childLeaf = new Int32Array(nodes);
    this.childWeight = new Float64Array(nodes);
    // Each group's children heaviest first (ties in descending node order): the first scored child
    // is the heaviest, so a light child scoring far from the rest costs no precision through ref.
    const order: number[][] = groups.map(() => []);
    for (let i = nodes - 1; i >= 0; i--) order[slot[parent[i]]].push(i);
    for (let k = 0; k < groups.length; k++) {
      order[k].sort((a, b) => weight[b] - weight[a] || b - a);
      order[k].forEach((i, j) => {
        const at = childCount[k] + j;
        this.child[at] = i;
        this.childLeaf[at] = leafOf[i];
        this.childWeight[at] = weight[i];
      });
    }
    this.groups = Int32Array.from(groups);
  }

  /** Writes every node's score at out[at + node]; returns the total (NaN when nothing counted). */
  run(leafScores: Float64Array, out: Float64Array, at: number): number {
    const { groups, childStart, child, childLeaf, childWeight } = this;
    const last = groups.length - 1;
    let total = NaN;
    for (let g = 0; g <= last; g++) {
      let num = 0;
      let den = 0;
      let ref = NaN;
      for (let j = childStart[g]; j < childStart[g + 1]; j++) {
        const i = child[j];
        const l = childLeaf[j];
        let s: number;
        if (l >= 0) {
          s = leafScores[l];
          out[at + i] = s;
        } else {
          s = out[at + i];
        }
        if (s !== s) continue;
        if (ref !== ref) ref = s;
        const w = childWeight[j];
        num += w * (s - ref);
        den += w;
      }
      const score = groupScore(num, den, ref);
      if (g === last) total = score;
      else out[at + groups[g]] = score;
    }
    return total;
  }
}

/** NaN when no child scored (ref unset) or their weights sum to 0. */
function groupScore(num: number, den: number, ref: number): number {
  return ref === ref && den !== 0 ? ref + num / den : NaN;
}
