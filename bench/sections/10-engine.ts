import { score, scoreCube, toCube } from "../../src/core/engine";
import type { Rating } from "../../src/core/engine";
import { leaves, type IndicatorNode, type IndicatorTree } from "../../src/core/model";
import { line } from "../util";

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

/** Best and median of `repeats` back-to-back runs, after `warm` untimed ones (so V8 has optimised). */
function timeRuns(fn: () => unknown, repeats: number, warm: number): Timing {
  for (let i = 0; i < warm; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { best: ms[0], median: ms[ms.length >> 1] };
}

const TARGET_MS = 150;
const REPEATS = 15;
const WARM = 5;

export async function bench(): Promise<void> {
  const tree = syntheticTree();
  const ratings = syntheticRatings(leaves(tree).map(({ node: n }) => n.code));
  const cube = toCube(tree, ratings);
  line("ratings", `${ratings.length.toLocaleString("en-US")} (${VENDORS} vendors × ${LEAVES * SUBS * DIMS} leaves × ${RATERS} raters, 2% N/A)`);
  line("target (issue #17)", `each run under ${TARGET_MS} ms`);
  line("times", `best / median of ${REPEATS} runs after ${WARM} warm-up runs`);
  const runs: [string, (aggregate: "mean" | "median" | "trimmed") => unknown][] = [
    ["score(): rating objects", (aggregate) => score(tree, ratings, { aggregate })],
    ["scoreCube: the cube", (aggregate) => scoreCube(tree, cube, { aggregate })],
  ];
  for (const [label, run] of runs) {
    for (const aggregate of ["mean", "median", "trimmed"] as const) {
      const t = timeRuns(() => run(aggregate), REPEATS, WARM);
      const verdict = t.median < TARGET_MS ? "under target" : "OVER TARGET";
      line(`  ${label}, ${aggregate}`, `${t.best.toFixed(1)} ms / ${t.median.toFixed(1)} ms (${verdict})`);
    }
  }
  const t = timeRuns(() => toCube(tree, ratings), REPEATS, WARM);
  line("  one-off: toCube (rating objects → cube)", `${t.best.toFixed(1)} ms / ${t.median.toFixed(1)} ms`);
}
