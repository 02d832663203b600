import fc from "fast-check";
import type { AwardSettings, PriceSettings } from "../../src/core/award";
import type { MissingPolicy } from "../../src/core/engine";
import { allNodes, defaultTree, type IndicatorTree } from "../../src/core/model";
import { buildPlan, type RatingsGrid, type WorkbookPlan } from "../../src/plan";
import { cell } from "../../src/plan/a1";
import { compareAward } from "./awardCompare";
import { compareResults } from "./compare";
import { allCodes, gridFrom, leafCodes, ratingArb, treeArb } from "./arbitraries";
import { hfFromPlan } from "./hf";

const CREATED = "2026-11-25T21:30:00.000Z";
const VENDORS = ["A", "B", "C", "D"];

function withMinimums(t: IndicatorTree, mins: (number | null)[], total: number | null): IndicatorTree {
  const copy = structuredClone(t);
  allNodes(copy).forEach(({ node }, i) => (node.minimum = mins[i % Math.max(mins.length, 1)] ?? null));
  copy.minimum = total;
  return copy;
}

function plan(tree: IndicatorTree, grid: RatingsGrid, missing: MissingPolicy, award?: { settings?: AwardSettings; bids?: Record<string, number | null> }, locale: "en-US" | "zh-CN" = "en-US"): WorkbookPlan {
  return buildPlan({ tree, vendors: VENDORS, options: { missing, locale }, createdAt: CREATED, ratings: grid, award });
}

const priceArb: fc.Arbitrary<PriceSettings> = fc.record({
  weight: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })),
  method: fc.constantFrom<"lowest" | "linear">("lowest", "linear"),
  lowBidThreshold: fc.integer({ min: 0, max: 50 }),
});
/** Bids: ties at the lowest, zero and negative (no valid bid), missing, decimals. */
const bidArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 50, max: 120 }).map((x) => x * 1000) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 99999999 }).map((x) => x / 100) },
  { weight: 1, arbitrary: fc.constantFrom<number | null>(null, 0, -5) },
);
const caseArb = treeArb.chain((tree) =>
  fc.record({
    tree: fc.constant(tree),
    draws: fc.array(ratingArb, { minLength: 1, maxLength: 40 }),
    mins: fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null, freq: 2 }), { minLength: 1, maxLength: allCodes(tree).length }),
    total: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null, freq: 2 }),
    bids: fc.array(bidArb, { minLength: VENDORS.length, maxLength: VENDORS.length }),
    price: fc.option(priceArb, { nil: undefined, freq: 4 }),
    missing: fc.constantFrom<MissingPolicy>("exclude", "zero"),
  }),
);

describe("award decision evaluated by HyperFormula equals evaluateAward()", () => {
  test("random trees, ratings, minimums, bids, both price methods (figures 1e-9; eligibility, reasons, grades, ranks exactly)", () => {
    let checked = 0;
    fc.assert(
      fc.property(caseArb, ({ tree, draws, mins, total, bids, price, missing }) => {
        const t = withMinimums(tree, mins, total);
        const grid = gridFrom(VENDORS, leafCodes(t), draws);
        const bidMap = Object.fromEntries(VENDORS.map((v, i) => [v, bids[i]]));
        const settings = price ? { price } : undefined;
        const p = plan(t, grid, missing, { settings, bids: bidMap });
        const book = hfFromPlan(p);
        expect(compareAward(p, t, grid, missing, bidMap, settings, book.get)).toEqual([]);
        checked++;
      }),
      { numRuns: 60 },
    );
    expect(checked).toBe(60);
  });

  test("edge cases: ties at the lowest bid, a single bidder, every vendor ineligible, missing bids; both locales", () => {
    const tree = withMinimums(defaultTree(), [], null);
    const full = (x: number): Record<string, number> => Object.fromEntries(leafCodes(tree).map((c) => [c, x]));
    const grid: RatingsGrid = { A: full(90), B: full(80), C: full(70), D: full(50) };
    const price: PriceSettings = { weight: 40, method: "lowest", lowBidThreshold: 20 };
    const cases: { name: string; t: IndicatorTree; bids: Record<string, number | null>; method: PriceSettings["method"] }[] = [
      { name: "tie at the lowest", t: tree, bids: { A: 100, B: 100, C: 150, D: 90 }, method: "lowest" },
      { name: "tie, linear", t: tree, bids: { A: 100, B: 100, C: 150, D: 90 }, method: "linear" },
      { name: "single bidder", t: tree, bids: { A: null, B: 120, C: null, D: null }, method: "linear" },
      { name: "every vendor ineligible", t: withMinimums(tree, [], 95), bids: { A: 1, B: 2, C: 3, D: 4 }, method: "lowest" },
      { name: "no bids", t: tree, bids: {}, method: "lowest" },
    ];
    for (const locale of ["en-US", "zh-CN"] as const) {
      for (const c of cases) {
        const settings = { price: { ...price, method: c.method } };
        const p = plan(c.t, grid, "exclude", { settings, bids: c.bids }, locale);
        const book = hfFromPlan(p);
        expect([c.name, compareAward(p, c.t, grid, "exclude", c.bids, settings, book.get)]).toEqual([c.name, []]);
      }
    }
  });

  test("minimums typed on Weights, bids and settings typed on Price recalculate live", () => {
    const tree = defaultTree();
    const full = (x: number): Record<string, number> => Object.fromEntries(leafCodes(tree).map((c) => [c, x]));
    const grid: RatingsGrid = { A: { ...full(90), "4.1.1": 40 }, B: full(80), C: full(70), D: {} };
    const settings: AwardSettings = { price: { weight: 30, method: "lowest", lowBidThreshold: 20 } };
    const bids = { A: 100, B: 200, C: 300, D: null };
    const p = plan(tree, grid, "exclude", { settings, bids });
    const book = hfFromPlan(p);
    const weightsRow = (code: string): number => p.layout.weights.rows.find((r) => r.code === code)?.row as number;
    const price = p.layout.award?.price;
    if (!price) throw new Error("no Price sheet");
    book.batch(() => {
      book.set("Weights", `P${weightsRow("4.1")}`, 95);
      book.set("Weights", `P${weightsRow("")}`, 75);
      book.set("Price", price.weight, 50);
      book.set("Price", price.method, price.methods.linear);
      book.set("Price", `B${price.firstRow + 3}`, 150);
    });
    const t = structuredClone(tree);
    allNodes(t).find((n) => n.node.code === "4.1")!.node.minimum = 95;
    t.minimum = 75;
    const s2: AwardSettings = { price: { weight: 50, method: "linear", lowBidThreshold: 20 } };
    const b2 = { ...bids, D: 150 };
    expect(compareAward(p, t, grid, "exclude", b2, s2, book.get)).toEqual([]);
    const reasons = book.get("Results", cell(5, p.layout.results.columns.findIndex((c) => c.kind === "reasons") + 1));
    expect(reasons).toMatch(/^4\.1 Platform security \d+\.\d < 95$/);
    expect(book.get("Price", "A7")).toBe("");
    book.set("Price", price.weight, 20);
    expect(book.get("Price", "A7")).toContain("at least 30% for goods");
  });

  test("without minimums and price every existing Results figure is unchanged and Rank (eligible) equals Rank", () => {
    fc.assert(
      fc.property(treeArb, fc.array(ratingArb, { minLength: 1, maxLength: 30 }), (tree, draws) => {
        const grid = gridFrom(VENDORS, leafCodes(tree), draws);
        const p = plan(tree, grid, "exclude");
        const book = hfFromPlan(p);
        expect(compareResults(p, tree, grid, "exclude", book.get)).toEqual([]);
        const cols = p.layout.results.columns;
        const rank = cols.findIndex((c) => c.kind === "rank") + 1;
        const rankE = cols.findIndex((c) => c.kind === "rankEligible") + 1;
        VENDORS.forEach((_, i) => expect(book.get("Results", cell(5 + i, rankE))).toBe(book.get("Results", cell(5 + i, rank))));
      }),
      { numRuns: 25 },
    );
  });
});
