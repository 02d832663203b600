import { CUBE_NA, type RatingValue, type ScoreOptions } from "./types";

/** Excel TRIMMEAN: drop floor(n·p/2) values at each end. The epsilon guards 2.9999999… from n·p. */
export function trimCount(n: number, trimPercent: number): number {
  return Math.floor((n * trimPercent) / 2 + 1e-9);
}

/**
 * Where each (vendor, leaf) cell's ratings are: values[from[c] … from[c] + len[c]), cell
 * c = vendor × leafCount + leaf. NaN (any non-finite number) is a blank, CUBE_NA "not applicable".
 * A cube's cells point into the cube itself; score() groups its rating objects into such runs.
 */
export interface CellRuns {
  values: Float64Array;
  from: Int32Array;
  len: Int32Array;
}

/** Per cell: numeric ratings, N/A ratings, aggregated rating, max − min, STDEV.P (NaN without ratings). */
export interface CellStats {
  count: Int32Array;
  na: Int32Array;
  value: Float64Array;
  range: Float64Array;
  stdev: Float64Array;
}

/**
 * The statistics of every cell, each from its ratings sorted (so they do not depend on the order
 * the ratings came in): mean = least + Σ(x − least) / n, exactly x when every rating is x; median;
 * TRIMMEAN as Excel (trimCount), the mean of the kept values taken the same way; range; STDEV.P in
 * two passes (deviations from the mean). −0 counts as 0.
 */
export function cellStats(runs: CellRuns, options: ScoreOptions): CellStats {
  const { values, from, len } = runs;
  const cells = from.length;
  const out: CellStats = {
    count: new Int32Array(cells),
    na: new Int32Array(cells),
    value: new Float64Array(cells).fill(NaN),
    range: new Float64Array(cells).fill(NaN),
    stdev: new Float64Array(cells).fill(NaN),
  };
  let longest = 0;
  for (let c = 0; c < cells; c++) longest = Math.max(longest, len[c]);
  const sorted = new Float64Array(longest);
  for (let c = 0; c < cells; c++) {
    let n = 0;
    let na = 0;
    for (let i = from[c]; i < from[c] + len[c]; i++) {
      const x = values[i];
      if (Number.isFinite(x)) sorted[n++] = x + 0; // −0 + 0 = 0
      else if (x === CUBE_NA) na++;
    }
    out.count[c] = n;
    out.na[c] = na;
    if (n === 0) continue;
    sortPrefix(sorted, n);
    const mean = meanOf(sorted, 0, n);
    let q = 0;
    for (let i = 0; i < n; i++) q += (sorted[i] - mean) ** 2;
    out.range[c] = sorted[n - 1] - sorted[0];
    out.stdev[c] = Math.sqrt(q / n);
    if (options.aggregate === "median") {
      const h = n >> 1;
      out.value[c] = n % 2 === 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
    } else if (options.aggregate === "trimmed") {
      const k = trimCount(n, options.trimPercent);
      out.value[c] = meanOf(sorted, k, n - k);
    } else {
      out.value[c] = mean;
    }
  }
  return out;
}

/** Mean of sorted[from … to), as the least of them plus the mean difference from it. */
function meanOf(sorted: Float64Array, from: number, to: number): number {
  const least = sorted[from];
  let s = 0;
  for (let i = from + 1; i < to; i++) s += sorted[i] - least;
  return least + s / (to - from);
}

/** Sorts a[0 … n) ascending: insertion sort for a usual handful of raters, the built-in sort beyond. */
function sortPrefix(a: Float64Array, n: number): void {
  if (n > 32) {
    a.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const x = a[i];
    let j = i - 1;
    for (; j >= 0 && a[j] > x; j--) a[j + 1] = a[j];
    a[j + 1] = x;
  }
}

/** A rating value as cells hold it: the number when finite, CUBE_NA for "NA", NaN (no rating) otherwise. */
export function cellValue(x: RatingValue): number {
  if (typeof x === "number") return Number.isFinite(x) ? x : NaN;
  return x === "NA" ? CUBE_NA : NaN;
}

/** Names in order of first appearance, each once, with their index. */
export class Names {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(first: readonly string[] = []) {
    for (const name of first) this.add(name);
  }

  add(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) this.index.set(name, (i = this.names.push(name) - 1));
    return i;
  }
}
