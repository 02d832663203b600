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

/** Heap + external memory allocated by one call (no full GC between the readings), and GCs that ran meanwhile. */
async function allocated<T>(fn: () => T): Promise<{ bytes: number; gcs: number; result: T }> {
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

export async function bench(): Promise<void> {
  const REPEATS = 15;
  const tree = syntheticTree();
  const ratings = syntheticRatings(leaves(tree).map(({ node: n }) => n.code));
  line("ratings", `${ratings.length.toLocaleString("en-US")} (${VENDORS} vendors × ${LEAVES * SUBS * DIMS} leaves × ${RATERS} raters)`);
  // Back to back, as the floor runs fastest so (its 4.8 MB stay in cache): interleaved with the
  // engine it takes about twice as long, which would halve the ratios.
  line("times: best / median of 15 back-to-back runs", "floor timed again before each engine line");

  const cols = toColumns(tree, ratings);
  const { value } = cols;
  const floorLoop = (): number => {
    let s = 0;
    for (let i = 0; i < value.length; i++) {
      const x = value[i];
      if (x === x) s += x;
    }
    return s;
  };
  const ratio = (t: Timing, f: Timing): string => `${(t.best / f.best).toFixed(1)}× / ${(t.median / f.median).toFixed(1)}×`;
  // Whole numbers 0–100 take the counting path; the same ratings + 0.5 the running-sums path.
  const decimal = { ...cols, value: cols.value.map((x) => x + 0.5) };
  for (const [label, c] of [["", cols], [", ratings + 0.5 (decimal path)", decimal]] as const) {
    for (const aggregate of ["mean", "median", "trimmed"] as const) {
      const floor = timeRuns(floorLoop, REPEATS);
      const engine = timeRuns(() => scoreColumns(tree, c, { aggregate }), REPEATS);
      if (aggregate === "mean" && label === "") line("floor: loop summing the columns' Float64Array values", both(floor));
      line(`engine on columns, ${aggregate}${label}`, `${both(engine)} (${ratio(engine, floor)} floor)`);
    }
  }

  // The dense input (one vendors × leaves grid per rater, as the rater sheets hold it), floor = a
  // plain sum of the cube's values (no NaN test: stricter than the columns' floor).
  const cube = toCube(tree, ratings);
  const cubeValues = cube.values;
  const cubeFloor = (): number => {
    let s = 0;
    for (let i = 0; i < cubeValues.length; i++) s += cubeValues[i];
    return s;
  };
  // Whole numbers 0–100: median/trimmed count per value; + 0.5: they sort each cell (N/A stays −∞).
  const decimalCube = { ...cube, values: cube.values.map((x) => x + 0.5) };
  for (const [label, c] of [["", cube], [", ratings + 0.5 (cells sorted)", decimalCube]] as const) {
    for (const aggregate of ["mean", "median", "trimmed"] as const) {
      const floor = timeRuns(cubeFloor, REPEATS);
      const engine = timeRuns(() => scoreCube(tree, c, { aggregate }), REPEATS);
      if (aggregate === "mean" && label === "") line("floor: plain loop summing the cube's Float64Array values (no NaN test)", both(floor));
      line(`engine on a dense cube (the rater sheets' shape), ${aggregate}${label}`, `${both(engine)} (${ratio(engine, floor)} floor)`);
    }
  }
  line("one-off: toCube (rating objects → cube)", both(timeRuns(() => toCube(tree, ratings), REPEATS)));

  const build = timeRuns(() => toColumns(tree, ratings), REPEATS);
  line("one-off: toColumns (rating objects → columns)", both(build));
  const scored = scoreColumns(tree, cols);
  const objects = timeRuns(() => toScoreResult(scored), REPEATS);
  line("result objects (toScoreResult) for score()", both(objects));
  for (const aggregate of ["mean", "median", "trimmed"] as const) {
    const t = timeRuns(() => score(tree, ratings, { aggregate }), 5);
    line(`object API score(), ${aggregate}: toColumns + engine + objects`, `${both(t)} (of 5)`);
  }

  await allocated(() => scoreColumns(tree, cols)); // the first reading also counts one-off allocations
  for (const aggregate of ["mean", "median"] as const) {
    const { bytes, gcs, result } = await allocated(() => scoreColumns(tree, cols, { aggregate }));
    if (result.vendors.length !== VENDORS) throw new Error("bench: wrong vendor count");
    line(`peak memory ≈ allocated by one engine run, ${aggregate}`, `${mb(bytes)} (${gcs} GC during the run)`);
  }
  const { bytes: decimalBytes, gcs: decimalGcs } = await allocated(() => scoreColumns(tree, decimal, { aggregate: "median" }));
  line("peak memory ≈ allocated, median, decimal path", `${mb(decimalBytes)} (${decimalGcs} GC during the run)`);
  const { bytes: colBytes, gcs: colGcs } = await allocated(() => toColumns(tree, ratings));
  line("memory of the columns (toColumns allocates)", `${mb(colBytes)} (${colGcs} GC during the run)`);

  const gc = gcFunction();
  gc();
  gc();
  const before = heapAndExternal();
  const kept = score(tree, ratings, { aggregate: "median" });
  gc();
  gc();
  const after = heapAndExternal();
  line("heap before score() (ratings + columns held), full GC", mb(before));
  line("heap after, one median score() result held", `${mb(after)} (result ≈ ${mb(after - before)})`);
  if (kept.vendors.length !== VENDORS) throw new Error("bench: wrong vendor count");
}
