import { score, scoreColumns, toColumns, toScoreResult } from "../../src/core/engine";
import type { Rating } from "../../src/core/engine";
import { leaves, type IndicatorNode, type IndicatorTree } from "../../src/core/model";
import { gcFunction, heapNow, line, mb } from "../util";

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

/** Best and median of `repeats` timed runs (after one untimed warm-up run). */
function timeRuns<T>(fn: () => T, repeats: number): { best: number; median: number; result: T } {
  let result = fn();
  const ms: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = process.hrtime.bigint();
    result = fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { best: ms[0], median: ms[ms.length >> 1], result };
}

const fmt = (ms: number): string => `${ms.toFixed(2)} ms`;

export async function bench(): Promise<void> {
  const REPEATS = 15;
  const tree = syntheticTree();
  const ratings = syntheticRatings(leaves(tree).map(({ node: n }) => n.code));
  line("ratings", `${ratings.length.toLocaleString("en-US")} (${VENDORS} vendors × ${LEAVES * SUBS * DIMS} leaves × ${RATERS} raters)`);
  line("(times: best / median of 15 runs)", "");

  const build = timeRuns(() => toColumns(tree, ratings), REPEATS);
  const cols = build.result;
  line("one-off: toColumns (rating objects → columns)", `${fmt(build.best)} / ${fmt(build.median)}`);

  const { value } = cols;
  const floor = timeRuns(() => {
    let s = 0;
    for (let i = 0; i < value.length; i++) {
      const x = value[i];
      if (x === x) s += x;
    }
    return s;
  }, REPEATS);
  line("floor: plain loop summing the Float64Array values", `${fmt(floor.best)} / ${fmt(floor.median)}`);
  const ratio = (ms: number, f: number): string => `${(ms / f).toFixed(1)}×`;

  for (const aggregate of ["mean", "median", "trimmed"] as const) {
    const { best, median, result } = timeRuns(() => scoreColumns(tree, cols, { aggregate }), REPEATS);
    if (result.vendors.length !== VENDORS) throw new Error("bench: wrong vendor count");
    line(`engine on columns, ${aggregate}`, `${fmt(best)} / ${fmt(median)} (${ratio(best, floor.best)} / ${ratio(median, floor.median)} floor)`);
  }

  const scored = scoreColumns(tree, cols);
  const objects = timeRuns(() => toScoreResult(scored).vendors.length, REPEATS);
  line("result objects (toScoreResult), any aggregation", `${fmt(objects.best)} / ${fmt(objects.median)}`);
  for (const aggregate of ["mean", "median", "trimmed"] as const) {
    const { best, median, result } = timeRuns(() => score(tree, ratings, { aggregate }).vendors.length, 5);
    if (result !== VENDORS) throw new Error("bench: wrong vendor count");
    line(`object API score(), ${aggregate} (builder + engine + objects)`, `${fmt(best)} / ${fmt(median)}`);
  }

  const gc = gcFunction();
  for (const aggregate of ["mean", "median"] as const) {
    gc();
    gc(); // the second also frees array buffers the first released
    const start = heapNow();
    const held = scoreColumns(tree, cols, { aggregate });
    const peak = heapNow(); // nothing is freed without a GC: all that one run allocated
    gc();
    gc();
    const kept = heapNow();
    if (held.vendors.length !== VENDORS) throw new Error("bench: wrong vendor count");
    line(`memory, engine on columns, ${aggregate}`, `allocated ${mb(peak - start)}, result held ${mb(kept - start)}`);
  }
  gc();
  gc();
  const before = heapNow();
  const kept = score(tree, ratings, { aggregate: "median" });
  gc();
  gc();
  const after = heapNow();
  line("heap before score() (ratings + columns held), full GC", mb(before));
  line("heap after, one median score() result held", `${mb(after)} (result ≈ ${mb(after - before)})`);
  if (kept.vendors.length !== VENDORS) throw new Error("bench: wrong vendor count");
}
