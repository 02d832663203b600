/** Builders, random-tree arbitraries and a naive reference scorer for the core tests. */
import fc from "fast-check";
import type { Aggregation, MissingPolicy, Rating } from "../../src/core/engine";
import { leaves, type IndicatorNode, type IndicatorTree } from "../../src/core/model";

export function node(code: string, weight: number | null, children: IndicatorNode[] = [], required = true): IndicatorNode {
  return { code, name: { "zh-CN": `指标${code}`, "en-US": `Indicator ${code}` }, weight, required, children };
}

export function tree(...roots: IndicatorNode[]): IndicatorTree {
  return { id: "t", title: { "zh-CN": "测试", "en-US": "Test" }, roots };
}

export function leafCodes(t: IndicatorTree): string[] {
  return leaves(t).map(({ node: n }) => n.code);
}

export function rate(vendor: string, code: string, ...values: (number | "NA")[]): Rating[] {
  return values.map((value, i) => ({ vendor, code, rater: `r${i + 1}`, value }));
}

// ---- random trees ----------------------------------------------------------------------------

interface Shape {
  mode: "null" | "numeric" | "mixed";
  items: { w: number; isNull: boolean; children: Shape | null }[];
}

/** Weights as people enter them: whole percents, zeros, and fractions (as rescaleGroup leaves them). */
const weightArb = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0.01, max: 100, noNaN: true }));

function shapeArb(depth: number): fc.Arbitrary<Shape> {
  const child: fc.Arbitrary<Shape | null> =
    depth <= 1 ? fc.constant(null) : fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: shapeArb(depth - 1) });
  return fc.record({
    mode: fc.constantFrom<Shape["mode"]>("null", "numeric", "mixed"),
    items: fc.array(
      fc.record({ w: weightArb, isNull: fc.boolean(), children: child }),
      { minLength: 1, maxLength: depth >= 3 ? 3 : 4 },
    ),
  });
}

function build(shape: Shape, prefix: string): IndicatorNode[] {
  const nodes = shape.items.map((item, i) => {
    const code = prefix === "" ? `${i + 1}` : `${prefix}.${i + 1}`;
    const weight = shape.mode === "null" ? null : shape.mode === "mixed" && item.isNull ? null : item.w;
    return node(code, weight, item.children ? build(item.children, code) : []);
  });
  // Every numeric group gets a positive sum, so that a fully rated vendor always has a total.
  if (shape.mode !== "null" && !nodes.some((n) => (n.weight ?? 0) > 0)) nodes[0].weight = 1;
  return nodes;
}

/** Trees of depth 1–4 with all-null, numeric (zeros allowed) and mixed sibling groups. */
export const treeArb: fc.Arbitrary<IndicatorTree> = fc
  .integer({ min: 1, max: 4 })
  .chain((depth) => shapeArb(depth))
  .map((shape) => tree(...build(shape, "")));

export const VENDORS = ["A", "B", "C"];

/** Random rating rows (integers 0–100 and NA) for up to three vendors; many cells stay missing. */
export function ratingsArb(t: IndicatorTree, maxRows = 80): fc.Arbitrary<Rating[]> {
  const codes = leafCodes(t);
  return fc.array(
    fc.record({
      v: fc.nat({ max: VENDORS.length - 1 }),
      l: fc.nat({ max: codes.length - 1 }),
      rater: fc.constantFrom("r1", "r2", "r3", "r4"),
      value: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 100 }) }, { weight: 1, arbitrary: fc.constant<"NA">("NA") }),
    }),
    { maxLength: maxRows },
  ).map((rows) => rows.map(({ v, l, rater, value }) => ({ vendor: VENDORS[v], code: codes[l], rater, value })));
}

export const treeAndRatingsArb = treeArb.chain((t) => ratingsArb(t).map((ratings) => ({ t, ratings })));

// ---- a naive reference scorer, written from the semantics, not from the engine -------------------

export interface RefOptions {
  missing: MissingPolicy;
  aggregate: Aggregation;
  trimPercent: number;
}

function aggregateNaive(values: number[], o: RefOptions): number {
  const v = [...values].sort((a, b) => a - b);
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  if (o.aggregate === "mean") return mean(v);
  if (o.aggregate === "median") return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  const k = Math.floor((v.length * o.trimPercent) / 2 + 1e-9);
  return mean(v.slice(k, v.length - k));
}

export function referenceScores(t: IndicatorTree, ratings: Rating[], vendor: string, o: RefOptions): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const mine = ratings.filter((r) => r.vendor === vendor);
  const group = (nodes: IndicatorNode[]): number | null => {
    const allNull = nodes.every((n) => n.weight === null);
    let num = 0;
    let den = 0;
    let any = false;
    for (const n of nodes) {
      const s = nodeScore(n);
      if (s === null) continue;
      const w = allNull ? 1 : (n.weight ?? 0);
      num += w * s;
      den += w;
      any = true;
    }
    return any && den !== 0 ? num / den : null;
  };
  const nodeScore = (n: IndicatorNode): number | null => {
    let s: number | null;
    if (n.children.length > 0) {
      s = group(n.children);
    } else {
      const rs = mine.filter((r) => r.code === n.code);
      const nums = rs.map((r) => r.value).filter((x): x is number => typeof x === "number" && Number.isFinite(x));
      if (nums.length > 0) s = aggregateNaive(nums, o);
      else if (rs.some((r) => r.value === "NA")) s = null;
      else s = o.missing === "zero" ? 0 : null;
    }
    out[n.code] = s;
    return s;
  };
  out[""] = group(t.roots);
  return out;
}

/** Deep equality where numbers may differ by `eps` (summation order of several raters' ratings). */
export function approxEqual(a: unknown, b: unknown, eps = 1e-9): boolean {
  if (typeof a === "number" && typeof b === "number") return a === b || Math.abs(a - b) <= eps;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return a === b;
  if (a instanceof Map && b instanceof Map) {
    return a.size === b.size && [...a].every(([k, v]) => b.has(k) && approxEqual(v, b.get(k), eps));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => k in b && approxEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], eps));
}

/** Engine options drawn at random: both missing policies, every aggregation, any trim share, preset vendors or none. */
export const scoreOptionsArb = fc.record({
  missing: fc.constantFrom<MissingPolicy>("exclude", "zero"),
  aggregate: fc.constantFrom<Aggregation>("mean", "median", "trimmed"),
  trimPercent: fc.oneof(fc.constantFrom(0, 0.2, 0.5), fc.double({ min: 0, max: 0.99, noNaN: true })),
  vendors: fc.option(fc.array(fc.constantFrom("A", "Z", "B"), { maxLength: 3 }), { nil: undefined }),
});
