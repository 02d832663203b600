import type { CompiledTree } from "./compile";
import { trimCount } from "./aggregate";
import type { RatingColumns } from "./columns";
import type { Aggregation } from "./types";

// runningSums: counts and running statistics of a cell sit side by side at cell * STRIDE + these
// offsets (one cache line, one array and one bounds check per rating; counts as doubles, exact below
// 2^53). The collecting loop writes the offsets as literals.
const STRIDE = 8;
const COUNT = 0;
const NA = 1;
/** The cell's first numeric rating; the sums are of x − shift. */
const SHIFT = 2;
const SUM = 3;
const SUM_SQ = 4;
const MIN = 5;
const MAX = 6;

/**
 * Statistics per (vendor, leaf) cell, cell = vendorIndex * leafCount + leafIndex; mean, range and
 * stdev are NaN where count is 0. Either exact integer sums (countSmallIntegers) or running sums of
 * x − shift, shift being the cell's first rating (runningSums): the variance from them is stable
 * (cancellation is bounded by the number of ratings). Either way a cell whose ratings are all equal
 * has mean exactly x.
 */
export interface Collected {
  vendors: string[];
  count: Int32Array;
  na: Int32Array;
  mean: Float64Array;
  /** max − min of the numeric ratings. */
  range: Float64Array;
  /** Population standard deviation (STDEV.P). */
  stdev: Float64Array;
  unknownCodes: string[];
  /** Every numeric rating with its cell, when a median or trimmed mean is still to be computed. */
  values: { rows: number; cell: Int32Array; value: Float64Array } | null;
  /** The median or trimmed mean of every cell when already computed (NaN where count is 0). */
  ordered: Float64Array | null;
}

/** What collectColumns computes besides the statistics: nothing more for "mean". */
export interface OrderOptions {
  aggregate: Aggregation;
  trimPercent: number;
}

/** Index maps shared by both collecting loops. */
interface Tables {
  /** Columns' vendor index → cell base (vendor position × leafCount). */
  base: Int32Array;
  /** Columns' code index → leaf, −1 when the code is not a leaf. */
  leafOfCode: Int32Array;
  /** Set to 1 for a code that is not a leaf and that a rating uses. */
  unknownUsed: Uint8Array;
  cells: number;
}

/**
 * The ratings of every (vendor, leaf) cell. Vendors: `presetVendors`, then the columns' vendor table,
 * each name once. Unknown codes: codes of the table that are not leaves, in order of first use by a
 * rating. Ratings that are all whole numbers in 0–127 (N/A and blanks aside; −0 counts as 0) with at
 * most 255 per cell are counted per cell and value (one pass, no sort); others are collected by
 * running sums (see Collected), keeping the values for a median or trimmed mean.
 * Throws RangeError for columns of unequal length or a vendor or leaf index outside its table.
 */
export function collectColumns(
  cols: RatingColumns,
  tree: Pick<CompiledTree, "leafCodes" | "leafIndex">,
  presetVendors: readonly string[] = [],
  order: OrderOptions = { aggregate: "mean", trimPercent: 0 },
): Collected {
  const { vendor, leaf, value, na } = cols;
  const n = value.length;
  if (vendor.length !== n || leaf.length !== n || na.length !== n) {
    throw new RangeError(`rating columns differ in length: vendor ${vendor.length}, leaf ${leaf.length}, value ${n}, na ${na.length}`);
  }
  const leafCount = tree.leafCodes.length;
  const vendors: string[] = [];
  const vendorIndex = new Map<string, number>();
  for (const v of [...presetVendors, ...cols.vendors]) {
    if (!vendorIndex.has(v)) vendorIndex.set(v, vendors.push(v) - 1);
  }
  const base = new Int32Array(cols.vendors.length);
  for (let t = 0; t < base.length; t++) base[t] = (vendorIndex.get(cols.vendors[t]) as number) * leafCount;
  const leafOfCode = new Int32Array(cols.codes.length);
  for (let t = 0; t < leafOfCode.length; t++) leafOfCode[t] = tree.leafIndex.get(cols.codes[t]) ?? -1;
  const cells = vendors.length * leafCount;
  const tables: Tables = { base, leafOfCode, unknownUsed: new Uint8Array(leafOfCode.length), cells };
  // Per-value counts take 128 bytes a cell: not for many sparse cells (kept values take 12 a rating).
  const counted = cells < 1 << 26 && (order.aggregate === "mean" || cells * COUNTED_VALUES <= Math.max(1 << 22, 16 * n));
  const stats = (counted ? countSmallIntegers(cols, tables, order) : null) ?? runningSums(cols, tables, order.aggregate !== "mean");
  return { vendors, ...stats, unknownCodes: unknownInOrder(cols, tables.unknownUsed) };
}

type Stats = Omit<Collected, "vendors" | "unknownCodes">;

/** Values 0 … COUNTED_VALUES − 1 are counted per cell. */
const COUNTED_VALUES = 128;

/**
 * Whole-number ratings in 0–127: per cell the count, sum and sum of squares (exact integers), the
 * values present as a 128-bit set (min, max) and, for a median or trimmed mean, how many times each
 * value occurs. Null, having looked at no more than needed, when a value is not such a number or a
 * cell has more than 255 ratings (sums and per-value counts could then wrap).
 */
function countSmallIntegers(cols: RatingColumns, tables: Tables, order: OrderOptions): Stats | null {
  const { vendor, leaf } = cols;
  const { base, unknownUsed, cells } = tables;
  const n = leaf.length;
  const vendorTable = base.length;
  // Per cell, 8 ints: count, N/A count, Σx, Σx², then the 128-bit set of values present (value v:
  // bit v & 31 of word 4 + (v >> 5)). One array: one bounds check and no int→double per rating.
  const ints = new Int32Array(cells * 8);
  const byValue = order.aggregate === "mean" ? null : new Uint8Array(cells * COUNTED_VALUES);
  const acc: Accumulators = { ints, byValue };
  // Runs of one vendor whose leaves repeat with a period (a rating sheet: per vendor, per rater,
  // every leaf) are read leaf by leaf down the raters, the sums kept in registers; the rest row by row.
  let done = 0;
  for (let i = 0; i < n; ) {
    const t = vendor[i];
    const first = leaf[i];
    let e = i + 1;
    while (e < n && vendor[e] === t && leaf[e] !== first) e++;
    if (e < n && vendor[e] === t) {
      // leaf[i … e) recurs from e: extend while the pattern holds (a last period may be partial).
      const period = e - i;
      while (e < n && vendor[e] === t && leaf[e] === leaf[e - period]) e++;
      if (e - i >= 2 * period && e - i >= MIN_RUN) {
        if (done < i && !countRows(cols, tables, acc, done, i)) return abandon(unknownUsed);
        if (t >>> 0 >= vendorTable) throw outOfRange(i, "vendor", t, vendorTable);
        if (!countRun(cols, tables, acc, i, e, period, base[t])) return abandon(unknownUsed);
        done = e;
      }
    }
    i = e;
  }
  if (done < n && !countRows(cols, tables, acc, done, n)) return abandon(unknownUsed);
  const count = new Int32Array(cells);
  const naCount = new Int32Array(cells);
  const mean = new Float64Array(cells).fill(NaN);
  const range = new Float64Array(cells).fill(NaN);
  const stdev = new Float64Array(cells).fill(NaN);
  for (let c = 0; c < cells; c++) {
    const b = c << 3;
    const m = ints[b];
    naCount[c] = ints[b + 1];
    if (m === 0) continue;
    if (m > 255) return abandon(unknownUsed);
    count[c] = m;
    const s = ints[b + 2];
    mean[c] = s / m;
    // m·Σx² − (Σx)² is an exact integer, so the variance is exact to rounding and never negative.
    stdev[c] = Math.sqrt((m * ints[b + 3] - s * s) / (m * m));
    range[c] = highestBit(ints, b + 4) - lowestBit(ints, b + 4);
  }
  const ordered = byValue === null ? null : orderStatistics(byValue, count, ints, order);
  return { count, na: naCount, mean, range, stdev, values: null, ordered };
}

interface Accumulators {
  ints: Int32Array;
  byValue: Uint8Array | null;
}

/** Periodic vendor runs shorter than this are counted row by row. */
const MIN_RUN = 64;

function abandon(unknownUsed: Uint8Array): null {
  unknownUsed.fill(0);
  return null;
}

/** countSmallIntegers over rows s … e − 1, in order; false at a value that is not a whole number in 0–127. */
function countRows(cols: RatingColumns, tables: Tables, acc: Accumulators, s: number, e: number): boolean {
  const { vendor, leaf, value, na } = cols;
  const { base, leafOfCode, unknownUsed } = tables;
  const { ints, byValue } = acc;
  const vendorTable = base.length;
  const codeTable = leafOfCode.length;
  let lastT = -1;
  let vendorBase = 0;
  for (let i = s; i < e; i++) {
    const t = vendor[i];
    if (t !== lastT) {
      if (t >>> 0 >= vendorTable) throw outOfRange(i, "vendor", t, vendorTable);
      lastT = t;
      vendorBase = base[t];
    }
    const k = leaf[i];
    if (k >>> 0 >= codeTable) throw outOfRange(i, "leaf", k, codeTable);
    const l = leafOfCode[k];
    if (l < 0) {
      unknownUsed[k] = 1;
      continue;
    }
    const c = vendorBase + l;
    const b = c << 3;
    if (na[i] !== 0) {
      ints[b + 1]++;
      continue;
    }
    const x = value[i];
    const xi = x | 0;
    if (xi !== x || xi >>> 7 !== 0) {
      if (x - x !== 0) continue; // NaN or ±Infinity: not a rating
      return false;
    }
    ints[b]++;
    ints[b + 2] += xi;
    ints[b + 3] += xi * xi;
    ints[b + 4 + (xi >> 5)] |= 1 << (xi & 31);
    if (byValue !== null) byValue[(c << 7) + xi]++;
  }
  return true;
}

/**
 * countSmallIntegers over rows s … e − 1 of one vendor where leaf[r] = leaf[r − P]: each leaf's
 * rows s + p, s + p + P, … summed in registers (min and max without branches), then added to its cell
 * (the sums are exact, so the order does not matter). A leaf index is checked where it first occurs.
 */
function countRun(cols: RatingColumns, tables: Tables, acc: Accumulators, s: number, e: number, P: number, vendorBase: number): boolean {
  const { leaf, value, na } = cols;
  const { leafOfCode, unknownUsed } = tables;
  const { ints, byValue } = acc;
  const codeTable = leafOfCode.length;
  for (let p = 0; p < P; p++) {
    const k = leaf[s + p];
    if (k >>> 0 >= codeTable) throw outOfRange(s + p, "leaf", k, codeTable);
    const l = leafOfCode[k];
    if (l < 0) {
      unknownUsed[k] = 1;
      continue;
    }
    const c = vendorBase + l;
    const at = c << 7;
    let count = 0;
    let nas = 0;
    let sum = 0;
    let sumSq = 0;
    let lo = 127;
    let hi = 0;
    for (let r = s + p; r < e; r += P) {
      if (na[r] !== 0) {
        nas++;
        continue;
      }
      const x = value[r];
      const xi = x | 0;
      if (xi !== x || xi >>> 7 !== 0) {
        if (x - x !== 0) continue; // NaN or ±Infinity: not a rating
        return false;
      }
      count++;
      sum += xi;
      sumSq += xi * xi;
      const dl = xi - lo;
      lo += dl & (dl >> 31); // min(lo, xi)
      const dh = xi - hi;
      hi += dh & ~(dh >> 31); // max(hi, xi)
      if (byValue !== null) byValue[at + xi]++;
    }
    const b = c << 3;
    ints[b] += count;
    ints[b + 1] += nas;
    if (count === 0) continue;
    ints[b + 2] += sum;
    ints[b + 3] += sumSq;
    ints[b + 4 + (lo >> 5)] |= 1 << (lo & 31);
    ints[b + 4 + (hi >> 5)] |= 1 << (hi & 31);
  }
  return true;
}

/** The least value in the 128-bit set at words[at … at + 3] (not empty). */
function lowestBit(words: Int32Array, at: number): number {
  for (let w = 0; w < 4; w++) {
    const x = words[at + w];
    if (x !== 0) return (w << 5) + 31 - Math.clz32(x & -x);
  }
  return NaN;
}

/** The greatest value in the 128-bit set at words[at … at + 3] (not empty). */
function highestBit(words: Int32Array, at: number): number {
  for (let w = 3; w >= 0; w--) {
    const x = words[at + w];
    if (x !== 0) return (w << 5) + 31 - Math.clz32(x);
  }
  return NaN;
}

/**
 * Median or TRIMMEAN of every cell from its per-value counts, walking only as far as needed from the
 * ends. Sums of whole numbers are exact, so they equal the sums of the sorted values.
 */
function orderStatistics(byValue: Uint8Array, count: Int32Array, ints: Int32Array, order: OrderOptions): Float64Array {
  const cells = count.length;
  const out = new Float64Array(cells).fill(NaN);
  const median = order.aggregate === "median";
  for (let c = 0; c < cells; c++) {
    const m = count[c];
    if (m === 0) continue;
    const at = c << 7;
    if (median) {
      // The values of 0-based ranks (m − 1) >> 1 and m >> 1.
      const r1 = (m - 1) >> 1;
      let seen = 0;
      let v = 0;
      while (seen + byValue[at + v] <= r1) seen += byValue[at + v++];
      const a = v;
      while (seen + byValue[at + v] <= m >> 1) seen += byValue[at + v++];
      out[c] = r1 === m >> 1 ? a : (a + v) / 2;
    } else {
      const k = trimCount(m, order.trimPercent);
      let low = 0;
      let high = 0;
      for (let left = k, v = 0; left > 0; v++) {
        const take = Math.min(left, byValue[at + v]);
        low += take * v;
        left -= take;
      }
      for (let left = k, v = COUNTED_VALUES - 1; left > 0; v--) {
        const take = Math.min(left, byValue[at + v]);
        high += take * v;
        left -= take;
      }
      out[c] = (ints[(c << 3) + 2] - low - high) / (m - 2 * k);
    }
  }
  return out;
}

/** Running sums of x − shift per cell (any finite ratings), the values kept when asked for. */
function runningSums(cols: RatingColumns, tables: Tables, keepValues: boolean): Stats {
  const { vendor, leaf, value, na } = cols;
  const { base, leafOfCode, unknownUsed, cells } = tables;
  const n = value.length;
  const vendorTable = base.length;
  const codeTable = leafOfCode.length;
  const stats = new Float64Array(cells * STRIDE);
  const keptCell = keepValues ? new Int32Array(n) : null;
  const keptValue = new Float64Array(keepValues ? n : 0);
  let rows = 0;
  let lastT = -1;
  let vendorBase = 0;
  for (let i = 0; i < n; i++) {
    const t = vendor[i];
    if (t !== lastT) {
      if (t >>> 0 >= vendorTable) throw outOfRange(i, "vendor", t, vendorTable);
      lastT = t;
      vendorBase = base[t];
    }
    const k = leaf[i];
    if (k >>> 0 >= codeTable) throw outOfRange(i, "leaf", k, codeTable);
    const l = leafOfCode[k];
    if (l < 0) {
      unknownUsed[k] = 1;
      continue;
    }
    const c = vendorBase + l;
    // Offsets as literals (see STRIDE): module constants cost a load each under CommonJS.
    const b = c << 3;
    if (na[i] !== 0) {
      stats[b + 1]++;
      continue;
    }
    const x = value[i];
    if (x - x !== 0) continue; // NaN or ±Infinity: not a rating
    if (keptCell !== null) {
      keptCell[rows] = c;
      keptValue[rows++] = x;
    }
    if (stats[b]++ === 0) {
      stats[b + 2] = x;
      stats[b + 5] = x;
      stats[b + 6] = x;
      continue; // sums of x − shift start at 0
    }
    const d = x - stats[b + 2];
    stats[b + 3] += d;
    stats[b + 4] += d * d;
    if (x < stats[b + 5]) stats[b + 5] = x;
    if (x > stats[b + 6]) stats[b + 6] = x;
  }
  const values = keptCell ? { rows, cell: keptCell, value: keptValue } : null;
  return { ...finish(stats, cells), values, ordered: null };
}

/**
 * The codes of unknownUsed in order of first use by a rating (found again by a pass that stops at the
 * last of them: none at all, usually), each name once.
 */
function unknownInOrder(cols: RatingColumns, unknownUsed: Uint8Array): string[] {
  let left = 0;
  for (let k = 0; k < unknownUsed.length; k++) left += unknownUsed[k];
  const out = new Set<string>();
  const { leaf } = cols;
  for (let i = 0; left > 0 && i < leaf.length; i++) {
    const k = leaf[i];
    if (unknownUsed[k] === 1) {
      unknownUsed[k] = 2;
      left--;
      out.add(cols.codes[k]);
    }
  }
  return [...out];
}

function outOfRange(i: number, what: "vendor" | "leaf", index: number, size: number): RangeError {
  return new RangeError(`rating ${i}: ${what} index ${index} outside the ${what === "vendor" ? "vendor" : "code"} table (${size})`);
}

/** Counts, mean, range and population standard deviation of every cell from its running sums. */
function finish(stats: Float64Array, cells: number): Pick<Collected, "count" | "na" | "mean" | "range" | "stdev"> {
  const count = new Int32Array(cells);
  const na = new Int32Array(cells);
  const mean = new Float64Array(cells).fill(NaN);
  const range = new Float64Array(cells).fill(NaN);
  const stdev = new Float64Array(cells).fill(NaN);
  for (let c = 0; c < cells; c++) {
    const b = c * STRIDE;
    const n = stats[b + COUNT];
    count[c] = n;
    na[c] = stats[b + NA];
    if (n === 0) continue;
    const s = stats[b + SUM];
    mean[c] = stats[b + SHIFT] + s / n;
    range[c] = stats[b + MAX] - stats[b + MIN];
    stdev[c] = Math.sqrt(Math.max(0, (stats[b + SUM_SQ] - (s * s) / n) / n));
  }
  return { count, na, mean, range, stdev };
}
