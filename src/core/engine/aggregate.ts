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
/** Largest span of integer ratings (max − min + 1) sorted by counting; 0–100 scales are far below. */
const MAX_KEY_SPAN = 1 << 16;

/**
 * The kept values grouped by cell (segment c at start[c]), ascending within each cell; equal values
 * keep their input order. Integer ratings over a modest span are sorted by counting; others per cell.
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
  const byValue = countingSortByValue(kept, keys.lo, keys.span);
  const { rows, cell, value } = byValue;
  const sorted = kept.value; // no longer needed: reused rather than another rows-long allocation
  for (let i = 0; i < rows; i++) sorted[fill[cell[i]]++] = value[i];
  // Large groups were sorted by the built-in sort, which puts −0 before 0: keep that order.
  for (let c = 0; c < cells; c++) if (start[c + 1] - start[c] > SMALL_GROUP) sortRange(sorted, start[c], start[c + 1]);
  return sorted;
}

/** The least kept value and max − min + 1 when every value is an integer and the span is at most MAX_KEY_SPAN. */
function integerKeys({ rows, value }: Kept): { lo: number; span: number } | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < rows; i++) {
    const x = value[i];
    if (x !== Math.floor(x)) return null;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return rows > 0 && hi - lo < MAX_KEY_SPAN ? { lo, span: hi - lo + 1 } : null;
}

/** The kept rows reordered by value (integers lo … lo + span − 1), stably. */
function countingSortByValue({ rows, cell, value }: Kept, lo: number, span: number): Kept {
  const fill = new Int32Array(span + 1);
  for (let i = 0; i < rows; i++) fill[value[i] - lo + 1]++;
  for (let k = 0; k < span; k++) fill[k + 1] += fill[k];
  const outCell = new Int32Array(rows);
  const outValue = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const x = value[i];
    const at = fill[x - lo]++;
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
