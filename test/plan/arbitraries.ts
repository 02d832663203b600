import fc from "fast-check";
import type { IndicatorNode, IndicatorTree } from "../../src/core/model";
import type { RatingsGrid } from "../../src/plan";

/** Weights: published-style numbers, all-null groups, and a few nulls mixed with numbers. */
const weight = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom(12.5, 33.3, 0.5) },
  { weight: 1, arbitrary: fc.constant(null) },
);

function nodesArb(prefix: string, depth: number): fc.Arbitrary<IndicatorNode[]> {
  return fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.array(weight, { minLength: 4, maxLength: 4 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }))
    .chain(([n, allNull, ws, req]) =>
      fc.tuple(...Array.from({ length: n }, (_, i) => (depth > 1 ? fc.oneof(fc.constant([] as IndicatorNode[]), nodesArb(`${prefix}${i + 1}.`, depth - 1)) : fc.constant([] as IndicatorNode[])))).map((kids) =>
        kids.map((children, i): IndicatorNode => ({
          code: `${prefix}${i + 1}`,
          name: { "zh-CN": `指标${prefix}${i + 1}`, "en-US": `Indicator ${prefix}${i + 1}` },
          weight: allNull ? null : ws[i],
          required: req[i],
          children,
        })),
      ),
    );
}

export const treeArb: fc.Arbitrary<IndicatorTree> = fc.integer({ min: 1, max: 3 }).chain((depth) =>
  nodesArb("", depth).map((roots) => ({ id: "random", title: { "zh-CN": "随机", "en-US": "Random" }, roots })),
);

export const ratingArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 100 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 200 }).map((x) => x / 2) },
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constant("NA" as const) },
);

export function leafCodes(tree: IndicatorTree): string[] {
  const out: string[] = [];
  const rec = (ns: IndicatorNode[]): void => ns.forEach((n) => (n.children.length ? rec(n.children) : out.push(n.code)));
  rec(tree.roots);
  return out;
}

export function allCodes(tree: IndicatorTree): string[] {
  const out: string[] = [];
  const rec = (ns: IndicatorNode[]): void => ns.forEach((n) => (out.push(n.code), rec(n.children)));
  rec(tree.roots);
  return out;
}

/** A ratings grid for the given vendors and leaves from a flat list of draws. */
export function gridFrom(vendors: string[], codes: string[], draws: (number | "NA" | undefined)[]): RatingsGrid {
  const grid: RatingsGrid = {};
  let k = 0;
  for (const v of vendors) {
    for (const code of codes) {
      const x = draws[k++ % Math.max(draws.length, 1)];
      if (x !== undefined) (grid[v] ??= {})[code] = x;
    }
  }
  return grid;
}
