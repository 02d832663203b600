import type { CompiledTree } from "./compile";
import type { RatingColumns } from "./columns";

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

/**
 * One pass over the rating columns. Vendors: `presetVendors`, then the columns' vendor table, each
 * name once. Unknown codes: codes of the table that are not leaves, in order of first use by a rating.
 * Throws RangeError for columns of unequal length or a vendor or leaf index outside its table.
 */
export function collectColumns(
  cols: RatingColumns,
  tree: Pick<CompiledTree, "leafCodes" | "leafIndex">,
  presetVendors: readonly string[] = [],
  keepValues = false,
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
  // Table index → cell base (vendor position × leafCount) and → leaf (−1: not a leaf).
  const vendorTable = cols.vendors.length;
  const codeTable = cols.codes.length;
  const base = new Int32Array(vendorTable);
  for (let t = 0; t < vendorTable; t++) base[t] = (vendorIndex.get(cols.vendors[t]) as number) * leafCount;
  const leafOfCode = new Int32Array(codeTable);
  for (let t = 0; t < codeTable; t++) leafOfCode[t] = tree.leafIndex.get(cols.codes[t]) ?? -1;
  const unknownUsed = new Uint8Array(codeTable);
  const unknownOrder: number[] = [];

  const cells = vendors.length * leafCount;
  const count = new Int32Array(cells);
  const naCount = new Int32Array(cells);
  const stats = new Float64Array(cells * STRIDE);
  const keptCell = keepValues ? new Int32Array(n) : null;
  const keptValue = keepValues ? new Float64Array(n) : null;
  let rows = 0;
  for (let i = 0; i < n; i++) {
    const t = vendor[i];
    const k = leaf[i];
    if (t >>> 0 >= vendorTable || k >>> 0 >= codeTable) throw outOfRange(i, t, k, vendorTable, codeTable);
    const l = leafOfCode[k];
    if (l < 0) {
      if (unknownUsed[k] === 0) {
        unknownUsed[k] = 1;
        unknownOrder.push(k);
      }
      continue;
    }
    const c = base[t] + l;
    if (na[i] !== 0) {
      naCount[c]++;
      continue;
    }
    const x = value[i];
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
  const unknownCodes = [...new Set(unknownOrder.map((k) => cols.codes[k]))];
  return { vendors, count, na: naCount, ...finish(count, stats, cells), unknownCodes, values };
}

function outOfRange(i: number, t: number, k: number, vendors: number, codes: number): RangeError {
  return t >>> 0 >= vendors
    ? new RangeError(`rating ${i}: vendor index ${t} outside the vendor table (${vendors})`)
    : new RangeError(`rating ${i}: leaf index ${k} outside the code table (${codes})`);
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
