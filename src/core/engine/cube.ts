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
 * running sums of x − first rating, min, max); for a median or trimmed mean the same pass counts
 * whole-number ratings 0–127 per value, and cells with other ratings are sorted in a scratch array
 * (TRIMMEAN as in score()). Results equal score()'s up to rounding (≈1e−14 on 0–100 ratings: sums
 * are taken in rater order). The tree may be given compiled (compileTree).
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
  const nodes = vendors.length * t.codes.length;
  // One buffer for every output array: one allocation instead of six (each costs as much as
  // scoring thousands of ratings).
  const buffer = new ArrayBuffer(cells * (3 * 8 + 2 * 4) + nodes * 8);
  const stats: CubeStats = {
    value: new Float64Array(buffer, 0, cells).fill(NaN),
    range: new Float64Array(buffer, cells * 8, cells).fill(NaN),
    stdev: new Float64Array(buffer, cells * 16, cells).fill(NaN),
    count: new Int32Array(buffer, cells * 24, cells),
    na: new Int32Array(buffer, cells * 28, cells),
  };
  const nodeScore = new Float64Array(buffer, cells * 32, nodes);
  const order = opts.aggregate === "mean" ? null : { median: opts.aggregate === "median", trimPercent: opts.trimPercent };
  if (order === null) cubeMeans(values, R, base, leafOfCode, stats);
  else cubeOrdered(values, R, base, leafOfCode, stats, order);
  return rollUpCells(t, opts, vendors, unknownCodes, stats, nodeScore);
}

interface CubeStats {
  count: Int32Array;
  na: Int32Array;
  value: Float64Array;
  range: Float64Array;
  stdev: Float64Array;
}

/** Largest magnitude at which min and max by arithmetic are trusted (see cellStats). */
const EXACT_LIMIT = 2 ** 20;

/**
 * Whether min and max found by arithmetic are trusted: multiples of 1/1024 (whole numbers, halves,
 * quarters …) below EXACT_LIMIT, whose sums and differences are exact (at most 31 significant bits).
 */
function onGrid(lo: number, hi: number): boolean {
  const l = lo * 1024;
  const h = hi * 1024;
  return l === Math.floor(l) && h === Math.floor(h) && lo >= -EXACT_LIMIT && hi <= EXACT_LIMIT;
}

/**
 * Count, N/A count, mean, range and STDEV.P of the cell at values[from … from + R) into out[c], as
 * collectColumns' running sums (x − shift, shift = the first rating); the mean is left in out.value.
 * Four raters at a time without branches when all four are ratings: min(a, b) = (a + b − |a − b|) / 2,
 * exact for whole numbers and halves (onGrid). When the cell's min or max is not on that grid they
 * are found again by comparisons. Returns the count.
 */
function cellStats(values: Float64Array, from: number, R: number, c: number, out: CubeStats): number {
  const end = from + R;
  let i = from;
  let nas = 0;
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
    out.na[c] = nas;
    return 0;
  }
  let n = 0;
  let s = 0;
  let q = 0;
  let lo = shift;
  let hi = shift;
  for (; i + 3 < end; i += 4) {
    const a = values[i];
    const b = values[i + 1];
    const x = values[i + 2];
    const y = values[i + 3];
    if (a - a + (b - b) + (x - x) + (y - y) === 0) {
      n += 4;
      const da = a - shift;
      const db = b - shift;
      const dx = x - shift;
      const dy = y - shift;
      s += da + db + (dx + dy);
      q += da * da + db * db + (dx * dx + dy * dy);
      const sab = a + b;
      const dab = Math.abs(a - b);
      const sxy = x + y;
      const dxy = Math.abs(x - y);
      const m1 = (sab - dab) * 0.5;
      const m2 = (sxy - dxy) * 0.5;
      const M1 = (sab + dab) * 0.5;
      const M2 = (sxy + dxy) * 0.5;
      const m = (m1 + m2 - Math.abs(m1 - m2)) * 0.5;
      const M = (M1 + M2 + Math.abs(M1 - M2)) * 0.5;
      lo = (lo + m - Math.abs(lo - m)) * 0.5;
      hi = (hi + M + Math.abs(hi - M)) * 0.5;
    } else {
      for (let j = i; j < i + 4; j++) {
        const x = values[j];
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
    }
  }
  for (; i < end; i++) {
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
  if (!onGrid(lo, hi)) {
    lo = Infinity;
    hi = -Infinity;
    for (let j = from; j < end; j++) {
      const x = values[j];
      if (x - x !== 0) continue;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
  }
  out.count[c] = n;
  out.na[c] = nas;
  out.value[c] = shift + s / n;
  out.range[c] = hi - lo;
  out.stdev[c] = Math.sqrt(Math.max(0, (q - (s * s) / n) / n));
  return n;
}

interface Order {
  median: boolean;
  trimPercent: number;
}

/** cellStats of every cell (the mean). Its own function, so the median's code never slows it. */
function cubeMeans(values: Float64Array, R: number, base: Int32Array, leafOfCode: Int32Array, out: CubeStats): void {
  const K = leafOfCode.length;
  for (let v = 0; v < base.length; v++) {
    const vb = base[v];
    for (let k = 0; k < K; k++) {
      const l = leafOfCode[k];
      if (l >= 0) cellStats(values, (v * K + k) * R, R, vb + l, out);
    }
  }
}

/**
 * cellCounted of every cell, which also counts the ratings per value, then the median or trimmed
 * mean from the counts; cells whose ratings are not all whole numbers in 0–127 (or that have more
 * than 255) are sorted in a scratch array instead.
 */
function cubeOrdered(values: Float64Array, R: number, base: Int32Array, leafOfCode: Int32Array, out: CubeStats, order: Order): void {
  const K = leafOfCode.length;
  const value = out.value;
  const sorted = new Float64Array(R);
  const hist = new Uint8Array(128);
  const words = new Float64Array(hist.buffer);
  const quads = new Uint32Array(hist.buffer);
  const countable = R <= 255;
  for (let v = 0; v < base.length; v++) {
    const vb = base[v];
    for (let k = 0; k < K; k++) {
      const l = leafOfCode[k];
      if (l < 0) continue;
      const c = vb + l;
      const from = (v * K + k) * R;
      if (!countable) {
        const n = cellStats(values, from, R, c, out);
        if (n === 0) continue;
        const drop = order.median ? 0 : trimCount(n, order.trimPercent);
        value[c] = sortedOrder(values, from, R, n, sorted, order.median, drop);
        continue;
      }
      const lo = cellCounted(values, from, R, c, out, hist);
      const n = out.count[c];
      if (n > 0) {
        const drop = order.median ? 0 : trimCount(n, order.trimPercent);
        value[c] =
          lo >= 0 ? fromCounts(hist, quads, n, lo, out.value[c], out.range[c], order.median, drop) : sortedOrder(values, from, R, n, sorted, order.median, drop);
      }
      // Clear the 128 counts: 16 stores.
      for (let w = 0; w < 16; w++) words[w] = 0;
    }
  }
}

/**
 * cellStats that also counts the cell's ratings per value in hist (at index x & 127; at most 255
 * ratings). Returns the least rating when they are all whole numbers in 0–127 (the counts are then
 * right), else −1 (the counts are garbage, to be cleared).
 */
function cellCounted(values: Float64Array, from: number, R: number, c: number, out: CubeStats, hist: Uint8Array): number {
  const end = from + R;
  let i = from;
  let nas = 0;
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
    out.na[c] = nas;
    return -1;
  }
  let n = 0;
  let s = 0;
  let q = 0;
  let lo = shift;
  let hi = shift;
  // Σ|x − trunc(x)|: 0 exactly when every rating is a whole number (below 2^31).
  let frac = 0;
  for (; i + 3 < end; i += 4) {
    const a = values[i];
    const b = values[i + 1];
    const x = values[i + 2];
    const y = values[i + 3];
    if (a - a + (b - b) + (x - x) + (y - y) === 0) {
      n += 4;
      const ai = a | 0;
      const bi = b | 0;
      const xi = x | 0;
      const yi = y | 0;
      hist[ai & 127]++;
      hist[bi & 127]++;
      hist[xi & 127]++;
      hist[yi & 127]++;
      frac += Math.abs(a - ai) + Math.abs(b - bi) + (Math.abs(x - xi) + Math.abs(y - yi));
      const da = a - shift;
      const db = b - shift;
      const dx = x - shift;
      const dy = y - shift;
      s += da + db + (dx + dy);
      q += da * da + db * db + (dx * dx + dy * dy);
      const sab = a + b;
      const dab = Math.abs(a - b);
      const sxy = x + y;
      const dxy = Math.abs(x - y);
      const m1 = (sab - dab) * 0.5;
      const m2 = (sxy - dxy) * 0.5;
      const M1 = (sab + dab) * 0.5;
      const M2 = (sxy + dxy) * 0.5;
      const m = (m1 + m2 - Math.abs(m1 - m2)) * 0.5;
      const M = (M1 + M2 + Math.abs(M1 - M2)) * 0.5;
      lo = (lo + m - Math.abs(lo - m)) * 0.5;
      hi = (hi + M + Math.abs(hi - M)) * 0.5;
    } else {
      for (let j = i; j < i + 4; j++) {
        const x = values[j];
        if (x - x === 0) {
          n++;
          const xi = x | 0;
          hist[xi & 127]++;
          frac += Math.abs(x - xi);
          const d = x - shift;
          s += d;
          q += d * d;
          if (x < lo) lo = x;
          if (x > hi) hi = x;
        } else if (x === -Infinity) {
          nas++;
        }
      }
    }
  }
  for (; i < end; i++) {
    const x = values[i];
    if (x - x === 0) {
      n++;
      const xi = x | 0;
      hist[xi & 127]++;
      frac += Math.abs(x - xi);
      const d = x - shift;
      s += d;
      q += d * d;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    } else if (x === -Infinity) {
      nas++;
    }
  }
  const counted = frac === 0 && lo >= 0 && hi < 128;
  if (!counted && !onGrid(lo, hi)) {
    lo = Infinity;
    hi = -Infinity;
    for (let j = from; j < end; j++) {
      const x = values[j];
      if (x - x !== 0) continue;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
  }
  out.count[c] = n;
  out.na[c] = nas;
  out.value[c] = shift + s / n;
  out.range[c] = hi - lo;
  out.stdev[c] = Math.sqrt(Math.max(0, (q - (s * s) / n) / n));
  return counted ? lo | 0 : -1;
}

/**
 * Median, or mean without the `drop` least and greatest, from the counts per value of n whole-number
 * ratings, the least lo, with mean `mean` and range `range`: walks only up from lo and, for TRIMMEAN,
 * down from the greatest (lo + range). Sums of whole numbers are exact, as in score().
 */
function fromCounts(hist: Uint8Array, quads: Uint32Array, n: number, lo: number, mean: number, range: number, median: boolean, drop: number): number {
  if (median) {
    // Values of 0-based ranks (n − 1) >> 1 and n >> 1: four values at a time (the sum of four
    // counts, below 256, is the top byte of the quad times 0x01010101), then one at a time.
    const r1 = (n - 1) >> 1;
    const r2 = n >> 1;
    let seen = 0;
    let w = lo >> 2;
    for (let sum = Math.imul(quads[w], 0x01010101) >>> 24; seen + sum <= r1; sum = Math.imul(quads[w], 0x01010101) >>> 24) {
      seen += sum;
      w++;
    }
    let x = w << 2;
    while (seen + hist[x] <= r1) seen += hist[x++];
    const a = x;
    while (seen + hist[x] <= r2) seen += hist[x++];
    return r1 === r2 ? a : (a + x) / 2;
  }
  if (drop === 0) return mean;
  const total = Math.round(mean * n); // Σx: whole, below 128 × 255
  let low = 0;
  for (let left = drop, x = lo; left > 0; x++) {
    const take = Math.min(left, hist[x]);
    low += take * x;
    left -= take;
  }
  let high = 0;
  for (let left = drop, x = lo + range; left > 0; x--) {
    const take = Math.min(left, hist[x]);
    high += take * x;
    left -= take;
  }
  return (total - low - high) / (n - 2 * drop);
}

/** countedOrder for any ratings: the cell's ratings sorted in `sorted`. */
function sortedOrder(values: Float64Array, from: number, R: number, n: number, sorted: Float64Array, median: boolean, drop: number): number {
  let m = 0;
  for (let i = from; i < from + R; i++) {
    const x = values[i];
    if (x - x === 0) sorted[m++] = x;
  }
  sortPrefix(sorted, n);
  if (median) {
    const h = n >> 1;
    return n % 2 === 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
  }
  let s = 0;
  for (let j = drop; j < n - drop; j++) s += sorted[j];
  return s / (n - 2 * drop);
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
