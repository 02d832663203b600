import type { IndicatorTree } from "../model/types";
import { leaves } from "../model/tree";
import { trimCount } from "./aggregate";
import { columnsWithCodes } from "./columns";
import { compileTree, type CompiledTree } from "./compile";
import { resolveOptions, rollUpCells, type ColumnScores, type ScoreInput } from "./score";
import type { Rating } from "./types";

/**
 * "Not applicable" in RatingCube.values. −Infinity is never a rating (the object API treats every
 * non-finite value as no rating), so the sentinel takes no valid value away.
 */
export const CUBE_NA = -Infinity;

/**
 * Ratings as a dense grid, the shape of the workbook's rater sheets (one vendors × leaves grid per
 * rater): values[((v × codes.length) + k) × raters.length + r] is the rating of vendors[v] for
 * codes[k] by raters[r], so the raters of one (vendor, code) cell are contiguous.
 *
 * - NaN (or +Infinity): no rating (a blank); CUBE_NA (−Infinity): "not applicable"; any finite
 *   number is a rating (0–100 on the standard's scale; others are scored as the object API does).
 * - `vendors` and `codes` name each vendor and code once (scoreCube throws RangeError otherwise).
 * - A code that is not a leaf of the tree is reported in unknownCodes, whatever its cells hold;
 *   leaves without a code in the cube are unrated.
 * - One value per (vendor, code, rater): the object API aggregates duplicate ratings of one rater,
 *   which a cube cannot hold (toCube refuses them).
 */
export interface RatingCube {
  vendors: string[];
  codes: string[];
  raters: string[];
  values: Float64Array;
}

/**
 * The cube of rating objects: vendors and raters in order of first appearance (ratings without a
 * rater count as rater ""), codes = the tree's leaf codes in tree order (when a tree is given), then
 * other codes in order of first appearance. Blanks and non-finite values are NaN, "NA" is CUBE_NA.
 * scoreCube(tree, toCube(tree, ratings)) gives what score(tree, ratings) gives.
 * Throws RangeError when two ratings share vendor, code and rater (blank or not): the object API
 * aggregates both, a cube holds one; score them with score() or scoreColumns() instead.
 */
export function toCube(tree: IndicatorTree | null, ratings: Iterable<Rating>): RatingCube {
  const leafCodes = tree === null ? [] : leaves(tree).map(({ node }) => node.code);
  const cols = columnsWithCodes(leafCodes, ratings, true);
  const { vendor, leaf, rater, value, na } = cols;
  const raters = cols.raters;
  let unnamed = -1;
  for (let i = 0; i < rater.length; i++) {
    if (rater[i] < 0) {
      unnamed = raters.indexOf("");
      if (unnamed < 0) unnamed = raters.push("") - 1;
      break;
    }
  }
  const V = cols.vendors.length;
  const L = cols.codes.length;
  const R = raters.length;
  const values = new Float64Array(V * L * R).fill(NaN);
  const seen = new Uint8Array(values.length);
  for (let i = 0; i < value.length; i++) {
    const r = rater[i] < 0 ? unnamed : rater[i];
    const at = (vendor[i] * L + leaf[i]) * R + r;
    if (seen[at] !== 0) {
      throw new RangeError(
        `toCube: two ratings of vendor "${cols.vendors[vendor[i]]}", code "${cols.codes[leaf[i]]}", rater "${raters[r]}": a cube holds one (score them with score())`,
      );
    }
    seen[at] = 1;
    const x = value[i];
    values[at] = na[i] !== 0 ? CUBE_NA : x - x === 0 ? x : NaN;
  }
  return { vendors: cols.vendors, codes: cols.codes, raters, values };
}

/**
 * score() over a cube, results as typed arrays (toScoreResult makes score()'s objects). Vendors:
 * options.vendors, then the cube's. Per cell one pass over its raters' values (count, N/A count,
 * running sums of x − first rating, min, max); for a median or trimmed mean the cell's ratings are
 * sorted in a scratch array (TRIMMEAN as in score()). The tree may be given compiled (compileTree).
 * Throws RangeError for a values array of the wrong length, a vendor or code named twice, or a
 * trimPercent outside [0, 1).
 */
export function scoreCube(tree: IndicatorTree | CompiledTree, cube: RatingCube, options: ScoreInput = {}): ColumnScores {
  const opts = resolveOptions(options);
  const t = "leafOf" in tree ? tree : compileTree(tree);
  const V = cube.vendors.length;
  const K = cube.codes.length;
  const R = cube.raters.length;
  const values = cube.values;
  if (values.length !== V * K * R) {
    throw new RangeError(`cube values: length ${values.length}, expected ${V} vendors × ${K} codes × ${R} raters = ${V * K * R}`);
  }
  const leafCount = t.leafCodes.length;
  const vendors: string[] = [];
  const vendorIndex = new Map<string, number>();
  for (const v of options.vendors ?? []) if (!vendorIndex.has(v)) vendorIndex.set(v, vendors.push(v) - 1);
  const base = new Int32Array(V);
  const cubeVendors = new Set<string>();
  for (let v = 0; v < V; v++) {
    const name = cube.vendors[v];
    if (cubeVendors.has(name)) throw new RangeError(`cube vendors: "${name}" named twice`);
    cubeVendors.add(name);
    let at = vendorIndex.get(name);
    if (at === undefined) vendorIndex.set(name, (at = vendors.push(name) - 1));
    base[v] = at * leafCount;
  }
  const leafOfCode = new Int32Array(K);
  const unknownCodes: string[] = [];
  const cubeCodes = new Set<string>();
  for (let k = 0; k < K; k++) {
    const code = cube.codes[k];
    if (cubeCodes.has(code)) throw new RangeError(`cube codes: "${code}" named twice`);
    cubeCodes.add(code);
    const l = t.leafIndex.get(code);
    leafOfCode[k] = l ?? -1;
    if (l === undefined) unknownCodes.push(code);
  }
  const cells = vendors.length * leafCount;
  const stats: CubeStats = {
    count: new Int32Array(cells),
    na: new Int32Array(cells),
    value: new Float64Array(cells).fill(NaN),
    range: new Float64Array(cells).fill(NaN),
    stdev: new Float64Array(cells).fill(NaN),
  };
  if (opts.aggregate === "mean") cubeMeans(values, R, base, leafOfCode, stats);
  else cubeOrdered(values, R, base, leafOfCode, stats, opts.aggregate === "median", opts.trimPercent);
  return rollUpCells(t, opts, vendors, unknownCodes, stats);
}

interface CubeStats {
  count: Int32Array;
  na: Int32Array;
  value: Float64Array;
  range: Float64Array;
  stdev: Float64Array;
}

/** Count, N/A count, mean, range and STDEV.P of every cell, as collectColumns' running sums. */
function cubeMeans(values: Float64Array, R: number, base: Int32Array, leafOfCode: Int32Array, out: CubeStats): void {
  const { count, na, value, range, stdev } = out;
  const K = leafOfCode.length;
  for (let v = 0; v < base.length; v++) {
    const vb = base[v];
    for (let k = 0; k < K; k++) {
      const l = leafOfCode[k];
      if (l < 0) continue;
      const c = vb + l;
      let i = (v * K + k) * R;
      const end = i + R;
      let nas = 0;
      // The first rating is the shift: sums of x − shift keep the variance stable.
      let shift = NaN;
      for (; i < end; i++) {
        const x = values[i];
        if (x - x === 0) {
          shift = x;
          break;
        }
        if (x === -Infinity) nas++;
      }
      if (i === end) {
        na[c] = nas;
        continue;
      }
      let n = 1;
      let s = 0;
      let q = 0;
      let lo = shift;
      let hi = shift;
      for (i++; i < end; i++) {
        const x = values[i];
        if (x - x === 0) {
          n++;
          const d = x - shift;
          s += d;
          q += d * d;
          if (x < lo) lo = x;
          if (x > hi) hi = x;
        } else if (x === -Infinity) {
          nas++;
        }
      }
      count[c] = n;
      na[c] = nas;
      value[c] = shift + s / n;
      range[c] = hi - lo;
      stdev[c] = Math.sqrt(Math.max(0, (q - (s * s) / n) / n));
    }
  }
}

/** cubeMeans' statistics, the value being the median or TRIMMEAN of the cell's sorted ratings. */
function cubeOrdered(
  values: Float64Array,
  R: number,
  base: Int32Array,
  leafOfCode: Int32Array,
  out: CubeStats,
  median: boolean,
  trimPercent: number,
): void {
  const { count, na, value, range, stdev } = out;
  const K = leafOfCode.length;
  const sorted = new Float64Array(R);
  for (let v = 0; v < base.length; v++) {
    const vb = base[v];
    for (let k = 0; k < K; k++) {
      const l = leafOfCode[k];
      if (l < 0) continue;
      const c = vb + l;
      const from = (v * K + k) * R;
      const end = from + R;
      let nas = 0;
      let n = 0;
      for (let i = from; i < end; i++) {
        const x = values[i];
        if (x - x === 0) sorted[n++] = x;
        else if (x === -Infinity) nas++;
      }
      na[c] = nas;
      if (n === 0) continue;
      count[c] = n;
      const shift = sorted[0];
      let s = 0;
      let q = 0;
      for (let j = 1; j < n; j++) {
        const d = sorted[j] - shift;
        s += d;
        q += d * d;
      }
      stdev[c] = Math.sqrt(Math.max(0, (q - (s * s) / n) / n));
      sortPrefix(sorted, n);
      range[c] = sorted[n - 1] - sorted[0];
      if (median) {
        const h = n >> 1;
        value[c] = n % 2 === 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
      } else {
        const t = trimCount(n, trimPercent);
        let m = 0;
        for (let j = t; j < n - t; j++) m += sorted[j];
        value[c] = m / (n - 2 * t);
      }
    }
  }
}

/** Sorts a[0 … n): insertion sort for a handful of raters, the built-in sort beyond. */
function sortPrefix(a: Float64Array, n: number): void {
  if (n > 32) {
    a.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}
