import type { CompiledTree } from "./compile";
import type { RatingColumns } from "./columns";

// Counts and running statistics of a cell sit side by side at cell * STRIDE + these offsets (one
// cache line, one array and one bounds check per rating; counts as doubles, exact below 2^53).
// The collecting loop writes the offsets as literals.
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

  const cells = vendors.length * leafCount;
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
  const unknownCodes = unknownInOrder(cols, unknownUsed);
  return { vendors, ...finish(stats, cells), unknownCodes, values };
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
