import type { Collected } from "./collect";
import type { Aggregation } from "./types";

/** Per (vendor, leaf) cell statistics of the numeric ratings. */
export interface CellStats {
  count: Int32Array;
  na: Int32Array;
  /** Aggregated rating; NaN where count is 0. */
  value: Float64Array;
  min: Float64Array;
  max: Float64Array;
  /** Σ(x − mean)², from a second pass (stable, unlike Σx² − n·mean²). */
  m2: Float64Array;
}

/** Excel TRIMMEAN: drop floor(n·p/2) values at each end. The epsilon guards 2.9999999… from n·p. */
export function trimCount(n: number, trimPercent: number): number {
  return Math.floor((n * trimPercent) / 2 + 1e-9);
}

export function aggregateCells(
  data: Collected,
  cells: number,
  aggregate: Aggregation,
  trimPercent: number,
): CellStats {
  const { rows, cell, value } = data;
  const count = new Int32Array(cells);
  const na = new Int32Array(cells);
  const sum = new Float64Array(cells);
  const min = new Float64Array(cells).fill(Infinity);
  const max = new Float64Array(cells).fill(-Infinity);
  for (let i = 0; i < rows; i++) {
    const c = cell[i];
    const x = value[i];
    if (x !== x) {
      na[c]++;
      continue;
    }
    count[c]++;
    sum[c] += x;
    if (x < min[c]) min[c] = x;
    if (x > max[c]) max[c] = x;
  }
  const mean = new Float64Array(cells);
  for (let c = 0; c < cells; c++) mean[c] = count[c] > 0 ? sum[c] / count[c] : NaN;
  const m2 = new Float64Array(cells);
  for (let i = 0; i < rows; i++) {
    const x = value[i];
    if (x !== x) continue;
    const d = x - mean[cell[i]];
    m2[cell[i]] += d * d;
  }
  const agg = aggregate === "mean" ? mean : orderStatistic(data, count, aggregate, trimPercent);
  return { count, na, value: agg, min, max, m2 };
}

/** Median or trimmed mean per cell: the numeric values grouped by cell (counting sort), each group sorted. */
function orderStatistic(data: Collected, count: Int32Array, aggregate: Aggregation, trimPercent: number): Float64Array {
  const cells = count.length;
  const start = new Int32Array(cells + 1);
  for (let c = 0; c < cells; c++) start[c + 1] = start[c] + count[c];
  const fill = start.slice(0, cells);
  const sorted = new Float64Array(start[cells]);
  for (let i = 0; i < data.rows; i++) {
    const x = data.value[i];
    if (x === x) sorted[fill[data.cell[i]]++] = x;
  }
  const out = new Float64Array(cells).fill(NaN);
  for (let c = 0; c < cells; c++) {
    const n = count[c];
    if (n === 0) continue;
    const group = sorted.subarray(start[c], start[c + 1]).sort();
    if (aggregate === "median") {
      const h = n >> 1;
      out[c] = n % 2 === 1 ? group[h] : (group[h - 1] + group[h]) / 2;
    } else {
      const k = trimCount(n, trimPercent);
      let s = 0;
      for (let i = k; i < n - k; i++) s += group[i];
      out[c] = s / (n - 2 * k);
    }
  }
  return out;
}
