import { score, scoreColumns, scoreCube, toColumns, toCube, toScoreResult } from "../../src/core/engine";
import type { Rating } from "../../src/core/engine";
import { leaves, type IndicatorNode, type IndicatorTree } from "../../src/core/model";
import { PerformanceObserver, performance } from "perf_hooks";
import { gcFunction, line, mb } from "../util";

const DIMS = 5;
const SUBS = 8;
const LEAVES = 5;
const VENDORS = 100;
const RATERS = 30;

function node(code: string, weight: number | null, children: IndicatorNode[] = []): IndicatorNode {
  return { code, name: { "zh-CN": `指标${code}`, "en-US": `Indicator ${code}` }, weight, required: true, children };
}

/** 5 dimensions × 8 sub-dimensions × 5 leaves = 200 leaves; leaf weights null (equal). */
function syntheticTree(): IndicatorTree {
  const roots = Array.from({ length: DIMS }, (_, d) =>
    node(`${d + 1}`, 20, Array.from({ length: SUBS }, (_, s) =>
      node(`${d + 1}.${s + 1}`, 12.5, Array.from({ length: LEAVES }, (_, l) => node(`${d + 1}.${s + 1}.${l + 1}`, null))))),
  );
  return { id: "bench", title: { "zh-CN": "基准", "en-US": "Bench" }, roots };
}

/** Rows as a rating sheet holds them: per vendor, per rater, every leaf in tree order. */
function syntheticRatings(leafCodes: string[]): Rating[] {
  const out: Rating[] = [];
  let seed = 42;
  const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let v = 0; v < VENDORS; v++) {
    const vendor = `Vendor ${v + 1}`;
    for (let r = 0; r < RATERS; r++) {
      const rater = `Rater ${r + 1}`;
      for (const code of leafCodes) {
        const x = rnd();
        out.push({ vendor, code, rater, value: x < 0.02 ? "NA" : Math.round(x * 100) });
      }
    }
  }
  return out;
}

type Timing = { best: number; median: number };

const fmt = (ms: number): string => `${ms.toFixed(2)} ms`;
const both = (t: Timing): string => `${fmt(t.best)} / ${fmt(t.median)}`;

/** Best and median of `repeats` back-to-back runs (after one untimed warm-up run). */
function timeRuns(fn: () => unknown, repeats: number): Timing {
  fn();
  const ms: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { best: ms[0], median: ms[ms.length >> 1] };
}

/** Heap + external memory (which includes array buffers: heapNow counts those twice). */
function heapAndExternal(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

/** Heap + external memory allocated by one call (least of three), and GCs that ran meanwhile. */
async function allocated<T>(fn: () => T): Promise<{ bytes: number; gcs: number; result: T }> {
  let best = await allocatedOnce(fn);
  for (let i = 0; i < 2; i++) {
    const next = await allocatedOnce(fn);
    if (next.bytes < best.bytes) best = next;
  }
  return best;
}

/** Heap + external memory allocated by one call (no full GC between the readings), and GCs that ran meanwhile. */
async function allocatedOnce<T>(fn: () => T): Promise<{ bytes: number; gcs: number; result: T }> {
  const gc = gcFunction();
  gc();
  gc(); // the second also frees array buffers the first released
  const seen: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.push(e.startTime)));
  observer.observe({ entryTypes: ["gc"] });
  const t0 = performance.now();
  const before = heapAndExternal();
  const result = fn();
  const bytes = heapAndExternal() - before;
  const t1 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 10));
  observer.disconnect();
  return { bytes, gcs: seen.filter((t) => t >= t0 && t <= t1).length, result };
}

/** One row of the engine table: fixed-width columns. */
function row(cells: string[]): void {
  const widths = [34, 9, 20, 20];
  console.log(cells.map((c, i) => (i < widths.length ? c.padEnd(widths[i]) : c)).join(" "));
}

export async function bench(): Promise<void> {
  const REPEATS = 15;
  const tree = syntheticTree();
  const ratings = syntheticRatings(leaves(tree).map(({ node: n }) => n.code));
  line("ratings", `${ratings.length.toLocaleString("en-US")} (${VENDORS} vendors × ${LEAVES * SUBS * DIMS} leaves × ${RATERS} raters, 2% N/A)`);
  line("target (issue #2)", "engine ≤ 3× the floor: a plain loop summing the same ratings");
  // Back to back, as the floor runs fastest so (its 4.8 MB stay in cache): interleaved with the
  // engine it takes about twice as long, which would halve the ratios.
  line("times", "best / median of 15 back-to-back runs; floor timed again before each row");
  const ratio = (t: Timing, f: Timing): string => `${(t.best / f.best).toFixed(1)}× / ${(t.median / f.median).toFixed(1)}×`;
  const table = (
    title: string,
    floorLabel: string,
    floorLoop: () => number,
    run: (aggregate: "mean" | "median" | "trimmed", decimal: boolean) => unknown,
    decimalLabel: string,
  ): void => {
    console.log(`\n${title}`);
    row(["ratings", "aggregate", "engine best / median", "× floor best / median"]);
    // Warm every path first, so the first row is not timed while the JIT still optimises.
    for (let i = 0; i < 10; i++) for (const decimal of [false, true]) for (const aggregate of ["mean", "median", "trimmed"] as const) run(aggregate, decimal);
    for (const decimal of [false, true]) {
      for (const aggregate of ["mean", "median", "trimmed"] as const) {
        const floor = timeRuns(floorLoop, REPEATS);
        const engine = timeRuns(() => run(aggregate, decimal), REPEATS);
        if (!decimal && aggregate === "mean") line(`  floor: ${floorLabel}`, both(floor));
        row([decimal ? decimalLabel : "whole numbers 0–100", aggregate, both(engine), ratio(engine, floor)]);
      }
    }
  };

  // The dense input (one vendors × leaves grid per rater, as the rater sheets hold it: what the
  // workbook reads score), floor = a plain sum of the cube's values (no NaN test).
  const cube = toCube(tree, ratings);
  const cubeValues = cube.values;
  const cubeFloor = (): number => {
    let s = 0;
    for (let i = 0; i < cubeValues.length; i++) s += cubeValues[i];
    return s;
  };
  // Whole numbers 0–100: median/trimmed count per value; + 0.5: they sort each cell (N/A stays −∞).
  const decimalCube = { ...cube, values: cube.values.map((x) => x + 0.5) };
  table(
    "scoreCube: dense cube, the rater sheets' shape (workbook reads; default aggregate mean)",
    "sum of the cube's Float64Array",
    cubeFloor,
    (aggregate, decimal) => scoreCube(tree, decimal ? decimalCube : cube, { aggregate }),
    "+ 0.5 (cells sorted)",
  );

  const cols = toColumns(tree, ratings);
  const { value } = cols;
  const columnsFloor = (): number => {
    let s = 0;
    for (let i = 0; i < value.length; i++) {
      const x = value[i];
      if (x === x) s += x;
    }
    return s;
  };
  // Whole numbers 0–100 take the counting path; the same ratings + 0.5 the running-sums path.
  const decimal = { ...cols, value: cols.value.map((x) => x + 0.5) };
  table(
    "scoreColumns: index arrays (imported rating objects, via toColumns)",
    "sum of the columns' values, NaN skipped",
    columnsFloor,
    (aggregate, dec) => scoreColumns(tree, dec ? decimal : cols, { aggregate }),
    "+ 0.5 (decimal path)",
  );

  console.log("\nscore(): rating objects (CLI, demo)");
  for (const aggregate of ["mean", "median", "trimmed"] as const) {
    const t = timeRuns(() => score(tree, ratings, { aggregate }), 5);
    line(`  score(), ${aggregate}`, `${both(t)} (of 5: toColumns + engine + result objects)`);
  }
  line("  one-off: toColumns (rating objects → columns)", both(timeRuns(() => toColumns(tree, ratings), REPEATS)));
  const scored = scoreColumns(tree, cols);
  line("  one-off: toScoreResult (result objects)", both(timeRuns(() => toScoreResult(scored), REPEATS)));
  line("  one-off: toCube (rating objects → cube)", both(timeRuns(() => toCube(tree, ratings), REPEATS)));

  console.log("\nmemory");
  await allocated(() => scoreCube(tree, cube)); // the first reading also counts one-off allocations
  for (const aggregate of ["mean", "median"] as const) {
    const { bytes, gcs, result } = await allocated(() => scoreCube(tree, cube, { aggregate }));
    if (result.vendors.length !== VENDORS) throw new Error("bench: wrong vendor count");
    line(`  peak ≈ allocated by one scoreCube, ${aggregate}`, `${mb(bytes)} (${gcs} GC during the run)`);
  }
  line("  the cube itself", mb(cube.values.byteLength));
  await allocated(() => scoreColumns(tree, cols));
  for (const aggregate of ["mean", "median"] as const) {
    const { bytes, gcs } = await allocated(() => scoreColumns(tree, cols, { aggregate }));
    line(`  peak ≈ allocated by one scoreColumns, ${aggregate}`, `${mb(bytes)} (${gcs} GC during the run)`);
  }
  const { bytes: decimalBytes, gcs: decimalGcs } = await allocated(() => scoreColumns(tree, decimal, { aggregate: "median" }));
  line("  … scoreColumns, median, decimal path", `${mb(decimalBytes)} (${decimalGcs} GC during the run)`);
  const { bytes: colBytes, gcs: colGcs } = await allocated(() => toColumns(tree, ratings));
  line("  the columns (toColumns allocates)", `${mb(colBytes)} (${colGcs} GC during the run)`);

  const gc = gcFunction();
  gc();
  gc();
  const before = heapAndExternal();
  const kept = score(tree, ratings, { aggregate: "median" });
  gc();
  gc();
  const after = heapAndExternal();
  line("  heap before score() (ratings + columns held), full GC", mb(before));
  line("  heap after, one median score() result held", `${mb(after)} (result ≈ ${mb(after - before)})`);
  if (kept.vendors.length !== VENDORS) throw new Error("bench: wrong vendor count");
}
