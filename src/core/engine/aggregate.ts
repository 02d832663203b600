import type { Collected } from "./collect";
import type { Aggregation } from "./types";

/** Excel TRIMMEAN: drop floor(n·p/2) values at each end. The epsilon guards 2.9999999… from n·p. */
export function trimCount(n: number, trimPercent: number): number {
  return Math.floor((n * trimPercent) / 2 + 1e-9);
}

/** The aggregated rating of every cell; NaN where a cell has no numeric rating. */
export function aggregateCells(data: Collected, cells: number, aggregate: Aggregation, trimPercent: number): Float64Array {
  return aggregate === "mean" ? data.mean : orderStatistic(data, cells, aggregate, trimPercent);
}

/** Median or trimmed mean per cell: the kept values grouped by cell (counting sort), each group sorted. */
function orderStatistic(data: Collected, cells: number, aggregate: Aggregation, trimPercent: number): Float64Array {
  if (data.values === null) throw new Error(`aggregate "${aggregate}" needs the ratings' values kept`);
  const { rows, cell, value } = data.values;
  const count = data.count;
  const start = new Int32Array(cells + 1);
  for (let c = 0; c < cells; c++) start[c + 1] = start[c] + count[c];
  const fill = start.slice(0, cells);
  const sorted = new Float64Array(rows);
  for (let i = 0; i < rows; i++) sorted[fill[cell[i]]++] = value[i];
  const out = new Float64Array(cells).fill(NaN);
  for (let c = 0; c < cells; c++) {
    const n = count[c];
    if (n === 0) continue;
    const from = start[c];
    sortRange(sorted, from, from + n);
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

/** Insertion sort for the usual handful of raters; the built-in sort beyond. */
function sortRange(a: Float64Array, from: number, to: number): void {
  if (to - from > 48) {
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
