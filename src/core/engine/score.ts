import type { IndicatorTree } from "../model/types";
import { aggregateCells } from "./aggregate";
import { collectRatings, type Collected } from "./collect";
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
 * Scores every vendor against the tree: leaf ratings aggregated per options.aggregate, then each
 * group = Σw·s / Σw over the children that have a score (w from effectiveWeights).
 * Throws RangeError for a trimPercent outside [0, 1), as Excel's TRIMMEAN gives #NUM!.
 */
export function score(tree: IndicatorTree, ratings: Iterable<Rating> | Rating[], options: ScoreInput = {}): ScoreResult {
  const opts: ScoreOptions = {
    missing: options.missing ?? DEFAULT_SCORE_OPTIONS.missing,
    aggregate: options.aggregate ?? DEFAULT_SCORE_OPTIONS.aggregate,
    trimPercent: options.trimPercent ?? DEFAULT_SCORE_OPTIONS.trimPercent,
  };
  if (!(opts.trimPercent >= 0 && opts.trimPercent < 1)) {
    throw new RangeError(`trimPercent must be in [0, 1), got ${opts.trimPercent}`);
  }
  const compiled = compileTree(tree);
  const data = collectRatings(ratings, compiled, options.vendors, opts.aggregate !== "mean");
  const leafCount = compiled.leafCodes.length;
  const values = aggregateCells(data, data.vendors.length * leafCount, opts.aggregate, opts.trimPercent);
  const rollup = new Rollup(compiled);
  const vendors = data.vendors.map((vendor, v) => vendorResult(vendor, v * leafCount, compiled, data, values, opts, rollup));
  const ranks = competitionRanks(vendors.map((r) => r.total));
  vendors.forEach((r, i) => (r.rank = ranks[i]));
  return { vendors, unknownCodes: data.unknownCodes };
}

function leafResult(data: Collected, values: Float64Array, c: number): LeafResult {
  const n = data.count[c];
  if (n === 0) return { status: data.na[c] > 0 ? "na" : "missing", value: null, raters: 0, range: null, stdev: null };
  return { status: "rated", value: values[c], raters: n, range: data.range[c], stdev: data.stdev[c] };
}

function vendorResult(
  vendor: string,
  base: number,
  t: CompiledTree,
  data: Collected,
  values: Float64Array,
  opts: ScoreOptions,
  rollup: Rollup,
): VendorResult {
  const leafCount = t.leafCodes.length;
  const leaves: Record<string, LeafResult> = {};
  const leafScores = new Float64Array(leafCount);
  const flags: VendorFlag[] = [];
  let missing = 0;
  for (let l = 0; l < leafCount; l++) {
    const code = t.leafCodes[l];
    const leaf = leafResult(data, values, base + l);
    if (t.leafIsFirst[l]) leaves[code] = leaf;
    if (leaf.status === "missing") {
      missing++;
      if (t.leafRequired[l]) flags.push({ kind: "required-unrated", code });
    }
    leafScores[l] = leaf.value ?? (leaf.status === "missing" && opts.missing === "zero" ? 0 : NaN);
  }
  if (missing > 0) flags.push({ kind: "incomplete", missing });
  const { scores, total } = rollup.run(leafScores);
  return {
    vendor,
    total,
    rank: null,
    completeness: leafCount === 0 ? 1 : (leafCount - missing) / leafCount,
    complete: missing === 0,
    scores,
    leaves,
    flags,
  };
}

/**
 * Group scores from leaf scores (NaN = no score). Each group accumulates Σw·(s − ref) and Σw with
 * ref = the first child score it receives, so children that all score s give exactly s.
 */
class Rollup {
  private readonly num: Float64Array;
  private readonly den: Float64Array;
  private readonly ref: Float64Array;

  constructor(private readonly t: CompiledTree) {
    const size = t.codes.length + 1;
    this.num = new Float64Array(size);
    this.den = new Float64Array(size);
    this.ref = new Float64Array(size);
  }

  run(leafScores: Float64Array): { scores: Record<string, number | null>; total: number | null } {
    const { codes, parent, weight, leafOf } = this.t;
    const { num, den, ref } = this;
    num.fill(0);
    den.fill(0);
    ref.fill(NaN);
    const value = new Float64Array(codes.length);
    for (let i = codes.length - 1; i >= 0; i--) {
      const l = leafOf[i];
      const s = l >= 0 ? leafScores[l] : groupScore(num[i], den[i], ref[i]);
      value[i] = s;
      if (s !== s) continue;
      const p = parent[i];
      if (ref[p] !== ref[p]) ref[p] = s;
      num[p] += weight[i] * (s - ref[p]);
      den[p] += weight[i];
    }
    const scores: Record<string, number | null> = {};
    // Backwards, so that on a duplicated code the first node in pre-order wins, as in leafIndex.
    for (let i = codes.length - 1; i >= 0; i--) scores[codes[i]] = value[i] === value[i] ? value[i] : null;
    const root = codes.length;
    const total = groupScore(num[root], den[root], ref[root]);
    return { scores, total: total === total ? total : null };
  }
}

/** NaN when no child scored (ref unset) or their weights sum to 0. */
function groupScore(num: number, den: number, ref: number): number {
  return ref === ref && den !== 0 ? ref + num / den : NaN;
}
