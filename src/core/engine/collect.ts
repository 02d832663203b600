import type { CompiledTree } from "./compile";
import type { Rating } from "./types";

// Running statistics of a cell sit side by side at cell * STRIDE + these offsets (one cache line,
// one bounds check per rating). Private to this module: under tsx/CommonJS every imported binding
// is a getter call, too dear per cell.
const STRIDE = 5;
/** The cell's first numeric rating; the sums are of x − shift. */
const SHIFT = 0;
const SUM = 1;
const SUM_SQ = 2;
const MIN = 3;
const MAX = 4;

/**
 * Statistics per (vendor, leaf) cell, cell = vendorIndex * leafCount + leafIndex, from running sums
 * of x − shift, shift being the cell's first rating: the variance from them is stable (cancellation
 * is bounded by the number of ratings) and a cell whose ratings are all equal has mean exactly x.
 * mean, range and stdev are NaN where count is 0.
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
  /** Every numeric rating with its cell, only when asked for (median, trimmed mean). */
  values: { rows: number; cell: Int32Array; value: Float64Array } | null;
}

interface CellArrays {
  count: Int32Array;
  na: Int32Array;
  stats: Float64Array;
}

function allocate(cells: number, old?: CellArrays): CellArrays {
  const a: CellArrays = { count: new Int32Array(cells), na: new Int32Array(cells), stats: new Float64Array(cells * STRIDE) };
  if (old) {
    a.count.set(old.count);
    a.na.set(old.na);
    a.stats.set(old.stats);
  }
  return a;
}

/**
 * predict[l + 1] is the leaf a rating after one on leaf l most likely names: the next leaf that is
 * the first with its code, wrapping to leaf 0 after the last (the next rater or vendor starts over).
 * predict[0] serves after an unknown code.
 */
function predictions(leafIsFirst: boolean[]): Int32Array {
  const predict = new Int32Array(leafIsFirst.length + 1);
  let next = 0;
  for (let l = leafIsFirst.length - 1; l >= -1; l--) {
    predict[l + 1] = next;
    if (l >= 0 && leafIsFirst[l]) next = l;
  }
  return predict;
}

/**
 * One pass over the ratings. They usually arrive grouped by vendor and in tree order, so the
 * predicted leaf, the last code and the last vendor are tried before any Map lookup.
 */
export function collectRatings(
  ratings: Iterable<Rating>,
  tree: Pick<CompiledTree, "leafCodes" | "leafIndex" | "leafIsFirst">,
  presetVendors: string[] = [],
  keepValues = false,
): Collected {
  const { leafCodes, leafIndex, leafIsFirst } = tree;
  const leafCount = leafCodes.length;
  const predict = predictions(leafIsFirst);
  const vendors: string[] = [];
  const vendorIndex = new Map<string, number>();
  for (const v of presetVendors) {
    if (!vendorIndex.has(v)) vendorIndex.set(v, vendors.push(v) - 1);
  }
  const unknown = new Set<string>();
  const list = Array.isArray(ratings) ? ratings : Array.from(ratings);
  let vendorCapacity = Math.max(16, vendors.length);
  let arrays = allocate(vendorCapacity * leafCount);
  let { count, na, stats } = arrays;
  const keptCell = keepValues ? new Int32Array(list.length) : null;
  const keptValue = keepValues ? new Float64Array(list.length) : null;
  let rows = 0;
  let lastVendor: string | undefined;
  let lastV = -1;
  let lastCode: string | undefined;
  let lastL = -1;

  for (let i = 0; i < list.length; i++) {
    const r = list[i];
    const vendor = r.vendor;
    if (vendor !== lastVendor) {
      let v = vendorIndex.get(vendor);
      if (v === undefined) {
        vendorIndex.set(vendor, (v = vendors.push(vendor) - 1));
        if (v >= vendorCapacity) {
          vendorCapacity *= 2;
          arrays = allocate(vendorCapacity * leafCount, arrays);
          ({ count, na, stats } = arrays);
        }
      }
      lastVendor = vendor;
      lastV = v;
    }
    const code = r.code;
    const p = predict[lastL + 1];
    if (code === leafCodes[p]) {
      lastL = p; // leafCodes[p] is the first leaf with its code, so leafIndex.get(code) === p
    } else if (code !== lastCode) {
      lastL = leafIndex.get(code) ?? -1;
      if (lastL < 0) unknown.add(code);
    }
    lastCode = code;
    if (lastL < 0) continue;
    const c = lastV * leafCount + lastL;
    const x = r.value;
    if (typeof x !== "number") {
      if (x === "NA") na[c]++;
      continue;
    }
    if (x - x !== 0) continue; // NaN or ±Infinity: not a rating
    if (keptCell !== null && keptValue !== null) {
      keptCell[rows] = c;
      keptValue[rows++] = x;
    }
    const b = c * STRIDE;
    if (count[c]++ === 0) {
      stats[b + SHIFT] = x;
      stats[b + MIN] = x;
      stats[b + MAX] = x;
      continue; // sums of x − shift start at 0
    }
    const d = x - stats[b + SHIFT];
    stats[b + SUM] += d;
    stats[b + SUM_SQ] += d * d;
    if (x < stats[b + MIN]) stats[b + MIN] = x;
    if (x > stats[b + MAX]) stats[b + MAX] = x;
  }
  const values = keptCell && keptValue ? { rows, cell: keptCell, value: keptValue } : null;
  const cells = vendors.length * leafCount;
  return { vendors, count, na, ...finish(count, stats, cells), unknownCodes: [...unknown], values };
}

/** Mean, range and population standard deviation of every cell from its running sums. */
function finish(count: Int32Array, stats: Float64Array, cells: number): Pick<Collected, "mean" | "range" | "stdev"> {
  const mean = new Float64Array(cells).fill(NaN);
  const range = new Float64Array(cells).fill(NaN);
  const stdev = new Float64Array(cells).fill(NaN);
  for (let c = 0; c < cells; c++) {
    const n = count[c];
    if (n === 0) continue;
    const b = c * STRIDE;
    const s = stats[b + SUM];
    mean[c] = stats[b + SHIFT] + s / n;
    range[c] = stats[b + MAX] - stats[b + MIN];
    stdev[c] = Math.sqrt(Math.max(0, (stats[b + SUM_SQ] - (s * s) / n) / n));
  }
  return { mean, range, stdev };
}
