import { score } from "../../src/core/engine";
import type { Rating } from "../../src/core/engine";
import { leaves, type IndicatorNode, type IndicatorTree } from "../../src/core/model";
import { gcFunction, heapNow, line, mb, timeIt } from "../util";

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

export async function bench(): Promise<void> {
  const tree = syntheticTree();
  const ratings = syntheticRatings(leaves(tree).map(({ node: n }) => n.code));
  line("ratings", `${ratings.length.toLocaleString("en-US")} (${VENDORS} vendors × ${LEAVES * SUBS * DIMS} leaves × ${RATERS} raters)`);

  const floor = timeIt(() => {
    let s = 0;
    for (let i = 0; i < ratings.length; i++) {
      const x = ratings[i].value;
      if (typeof x === "number") s += x;
    }
    return s;
  }, 10);
  line("floor: plain loop summing value", `${floor.ms.toFixed(2)} ms`);

  for (const aggregate of ["mean", "median", "trimmed"] as const) {
    const { ms, result } = timeIt(() => score(tree, ratings, { aggregate }).vendors.length, 10);
    if (result !== VENDORS) throw new Error("bench: wrong vendor count");
    line(`engine, ${aggregate}`, `${ms.toFixed(2)} ms (${(ms / floor.ms).toFixed(1)}× floor)`);
  }

  const gc = gcFunction();
  gc();
  gc(); // the second also frees array buffers the first released
  const before = heapNow();
  const kept = score(tree, ratings, { aggregate: "median" });
  gc();
  gc();
  const after = heapNow();
  line("heap before scoring (ratings held), after full GC", mb(before));
  line("heap after, one median result held, after full GC", `${mb(after)} (result ≈ ${mb(after - before)})`);
  if (kept.vendors.length !== VENDORS) throw new Error("bench: wrong vendor count");
}
