import type { Collected } from "./collect";
import type { Aggregation } from "./types";

/** Excel TRIMMEAN: drop floor(n·p/2) values at each end. The epsilon guards 2.9999999… from n·p. */
export function trimCount(n: number, trimPercent: number): number {
  return Math.floor((n * trimPercent) / 2 + 1e-9);
}

/** The aggregated rating of every cell; NaN where a cell has no numeric rating. */
export function aggregateCells(data: Collected, cells: number, aggregate: Aggregation, trimPercent: number): Float64Array {
  if (aggregate === "mean") return data.mean;
  return data.ordered ?? orderStatistic(data, cells, aggregate, trimPercent);
}

type Kept = NonNullable<Collected["values"]>;

/** Median or trimmed mean per cell, from the kept values sorted within each cell. */
function orderStatistic(data: Collected, cells: number, aggregate: Aggregation, trimPercent: number): Float64Array {
  if (data.values === null) throw new Error(`aggregate "${aggregate}" needs the ratings' values kept`);
  const count = data.count;
  const start = new Int32Array(cells + 1);
  for (let c = 0; c < cells; c++) start[c + 1] = start[c] + count[c];
  const sorted = sortedByCell(data.values, start, cells);
  const out = new Float64Array(cells).fill(NaN);
  for (let c = 0; c < cells; c++) {
    const n = count[c];
    if (n === 0) continue;
    const from = start[c];
    if (aggregate === "median") {
      const h = from + (n >> 1);
      out[c] = n % 2 === 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
    } else {
      const k = trimCount(n, trimPercent);
      let s = 0;
      for (let i = from + k; i < from + n - k; i++) s += sorted[i];
      out[c] = s / (n - 2 * k);
    }
  }
  return out;
}

/** Small insertion sorts beyond this group size give way to the built-in sort. */
const SMALL_GROUP = 48;
/** Largest span of keys (see integerKeys) sorted by counting; 0–100 scales, even in hundredths, are below. */
const MAX_KEY_SPAN = 1 << 16;

/**
 * The kept values grouped by cell (segment c at start[c]), ascending within each cell; equal values
 * keep their input order. Ratings in whole numbers of 1, 1/2, 1/4, 1/10 or 1/100 over a modest span
 * are sorted by counting; others per cell.
 * May overwrite kept.value.
 */
function sortedByCell(kept: Kept, start: Int32Array, cells: number): Float64Array {
  const fill = start.slice(0, cells);
  const keys = integerKeys(kept);
  if (keys === null) {
    const { rows, cell, value } = kept;
    const sorted = new Float64Array(rows);
    for (let i = 0; i < rows; i++) sorted[fill[cell[i]]++] = value[i];
    for (let c = 0; c < cells; c++) sortRange(sorted, start[c], start[c + 1]);
    return sorted;
  }
  // Two stable counting sorts (least significant key first): by value, then by cell.
  const byValue = countingSortByValue(kept, keys.scale, keys.lo, keys.span);
  const { rows, cell, value } = byValue;
  const sorted = kept.value; // no longer needed: reused rather than another rows-long allocation
  for (let i = 0; i < rows; i++) sorted[fill[cell[i]]++] = value[i];
  // Large groups were sorted by the built-in sort, which puts −0 before 0: keep that order.
  for (let c = 0; c < cells; c++) if (start[c + 1] - start[c] > SMALL_GROUP) sortRange(sorted, start[c], start[c + 1]);
  return sorted;
}

/** Scales tried in turn: whole numbers, halves, quarters, tenths, hundredths. */
const SCALES = [1, 2, 4, 10, 100];

/**
 * Keys x·scale − lo for a counting sort: the first scale at which every kept value x is a whole
 * number of 1/scale (x·scale an integer k with k / scale === x, so keys order as the values do) and
 * the keys span at most MAX_KEY_SPAN. Null when no scale fits.
 */
function integerKeys({ rows, value }: Kept): { scale: number; lo: number; span: number } | null {
  if (rows === 0) return null;
  next: for (const scale of SCALES) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < rows; i++) {
      const x = value[i];
      const k = x * scale;
      if (k !== Math.floor(k) || k / scale !== x) continue next;
      if (k < lo) lo = k;
      if (k > hi) hi = k;
    }
    if (hi - lo < MAX_KEY_SPAN) return { scale, lo, span: hi - lo + 1 };
  }
  return null;
}

/** The kept rows reordered by key x·scale − lo (0 … span − 1), stably. */
function countingSortByValue({ rows, cell, value }: Kept, scale: number, lo: number, span: number): Kept {
  const fill = new Int32Array(span + 1);
  for (let i = 0; i < rows; i++) fill[value[i] * scale - lo + 1]++;
  for (let k = 0; k < span; k++) fill[k + 1] += fill[k];
  const outCell = new Int32Array(rows);
  const outValue = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const x = value[i];
    const at = fill[x * scale - lo]++;
    outCell[at] = cell[i];
    outValue[at] = x;
  }
  return { rows, cell: outCell, value: outValue };
}

/** Insertion sort for the usual handful of raters; the built-in sort beyond. */
function sortRange(a: Float64Array, from: number, to: number): void {
  if (to - from > SMALL_GROUP) {
    a.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= from && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}
