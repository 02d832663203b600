import fc from "fast-check";
import { awardOrder, bandProblems, checkBands, DEFAULT_BANDS, evaluateAward, gatesOf, parseBid, priceScore, type PriceSettings } from "../../src/core/award";
import { score, type Rating } from "../../src/core/engine";
import { allNodes, parseTree, validateTree, type IndicatorTree } from "../../src/core/model";
import { node, rate, ratingsArb, tree, treeArb, VENDORS } from "./fixtures";

const RUNS = { numRuns: 150 };

/** 1 Quality (60%: 1.1, 1.2), 2 Security (40%). */
function small(): IndicatorTree {
  return tree(node("1", 60, [node("1.1", 50), node("1.2", 50)]), node("2", 40));
}

const ratingsOf = (rows: Record<string, Record<string, number | "NA">>): Rating[] =>
  Object.entries(rows).flatMap(([vendor, r]) => Object.entries(r).flatMap(([code, v]) => rate(vendor, code, v)));

const withMinimums = (t: IndicatorTree, mins: Record<string, number>, total?: number): IndicatorTree => {
  const copy = structuredClone(t);
  for (const { node: n } of allNodes(copy)) if (n.code in mins) n.minimum = mins[n.code];
  if (total !== undefined) copy.minimum = total;
  return copy;
};

describe("model: minimums are optional and validated", () => {
  test("a tree without minimums parses unchanged; minimums round-trip through the schema", () => {
    const t = small();
    expect(parseTree(JSON.parse(JSON.stringify(t))).tree).toEqual(t);
    const m = withMinimums(t, { "2": 60 }, 50);
    const back = parseTree(JSON.parse(JSON.stringify(m)));
    expect(back.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(back.tree?.roots[1].minimum).toBe(60);
    expect(back.tree?.minimum).toBe(50);
  });
  test("a minimum outside 0–100 is an error naming the node", () => {
    const f = validateTree(withMinimums(small(), { "1.2": 120 }, -1)).filter((x) => x.code === "minimum-invalid");
    expect(f.map((x) => x.at)).toEqual([null, "1.2"]);
    expect(f[1].message["en-US"]).toContain("“1.2 Indicator 1.2”");
  });
});

describe("gates", () => {
  const t = withMinimums(small(), { "2": 60, "1.1": 50 });
  const res = score(t, ratingsOf({
    A: { "1.1": 90, "1.2": 80, "2": 52 },
    B: { "1.1": 90, "1.2": 80, "2": 70 },
    C: { "1.1": "NA", "1.2": 80, "2": 70 },
    D: { "1.2": 80, "2": 59.96 },
  }), { missing: "zero" });
  const award = evaluateAward(t, res);
  const by = Object.fromEntries(award.vendors.map((v) => [v.vendor, v]));

  test("below a minimum: failed with the reason; N/A or blank under a minimum: not yet eligible (unrated), even when missing counts 0", () => {
    expect(by.A.status).toBe("failed");
    expect(by.A.gates.map((g) => g.reason["en-US"])).toEqual(["2 Indicator 2 52.0 < 60"]);
    expect(by.A.gates[0].reason["zh-CN"]).toBe("2 指标2 52.0 < 60");
    expect(by.C.status).toBe("unrated");
    expect(by.C.gates).toEqual([expect.objectContaining({ code: "1.1", kind: "unrated", value: null, minimum: 50 })]);
    expect(by.C.gates[0].reason["en-US"]).toBe("1.1 Indicator 1.1: not rated");
    // D: 1.1 unrated and 2 below → failed, both reasons (59.96 shown as 60.0).
    expect(by.D.status).toBe("failed");
    expect(by.D.gates.map((g) => g.reason["en-US"])).toEqual(["1.1 Indicator 1.1: not rated", "2 Indicator 2 60.0 < 60"]);
  });
  test("ranks among eligible vendors only; the others have none and come last", () => {
    expect(award.vendors.map((v) => [v.vendor, v.eligible, v.rank])).toEqual([["A", false, null], ["B", true, 1], ["C", false, null], ["D", false, null]]);
    expect(awardOrder(award.vendors).map((v) => v.vendor)).toEqual(["B", "A", "C", "D"]);
  });
  test("a minimum on the total is a gate with code \"\"", () => {
    const t2 = withMinimums(small(), {}, 80);
    const a = evaluateAward(t2, score(t2, ratingsOf({ A: { "1.1": 70, "1.2": 70, "2": 70 } })));
    expect(a.vendors[0].gates).toEqual([expect.objectContaining({ code: "", value: 70, minimum: 80, kind: "below" })]);
    expect(a.vendors[0].gates[0].reason).toEqual({ "zh-CN": "总分 70.0 < 80", "en-US": "Total 70.0 < 80" });
  });
});

describe("price", () => {
  const t = small();
  const full = (q: number): Record<string, number> => ({ "1.1": q, "1.2": q, "2": q });
  const res = score(t, ratingsOf({ A: full(90), B: full(80), C: full(70), D: full(60) }));
  const price = (p: Partial<PriceSettings> = {}): PriceSettings => ({ weight: 40, method: "lowest", lowBidThreshold: 20, ...p });

  test("lowest: lowest ÷ bid × 100; overall = quality × (1 − p) + price × p; no bid is not eligible", () => {
    const a = evaluateAward(t, res, { bids: { A: 200, B: 100, C: 0 }, settings: { price: price() } });
    const [A, B, C, D] = a.vendors;
    expect(A.priceScore).toBe(50);
    expect(B.priceScore).toBe(100);
    expect(A.overall).toBeCloseTo(90 * 0.6 + 50 * 0.4, 12);
    expect(B.overall).toBeCloseTo(80 * 0.6 + 40, 12);
    expect([C.status, D.status]).toEqual(["no-bid", "no-bid"]);
    expect([C.rank, D.rank, C.overall, C.priceScore]).toEqual([null, null, null, null]);
    expect([B.rank, A.rank]).toEqual([1, 2]);
    expect(a.lowest).toBe(100);
  });
  test("linear: 100 at the lowest, 0 at the highest; all equal → 100; an ineligible vendor's bid sets nothing", () => {
    const t2 = withMinimums(t, { "2": 65 });
    const res2 = score(t2, ratingsOf({ A: full(90), B: full(80), C: full(70), D: full(60) }));
    const a = evaluateAward(t2, res2, { bids: { A: 300, B: 200, C: 100, D: 1 }, settings: { price: price({ method: "linear" }) } });
    expect(a.vendors.map((v) => v.priceScore)).toEqual([0, 50, 100, null]);
    expect([a.lowest, a.highest]).toEqual([100, 300]);
    const one = evaluateAward(t, res, { bids: { A: 5 }, settings: { price: price({ method: "linear" }) } });
    expect(one.vendors[0].priceScore).toBe(100);
  });
  test("an abnormally low bid is flagged, never excluded; guidance under 30% / 10%", () => {
    const a = evaluateAward(t, res, { bids: { A: 70, B: 100, C: 100, D: 100 }, settings: { price: price({ weight: 20 }) } });
    expect(a.vendors.map((v) => v.lowBid)).toEqual([true, false, false, false]);
    expect(a.vendors[0].eligible).toBe(true);
    expect(a.priceGuidance).toBe("below-goods");
    const b = evaluateAward(t, res, { bids: { A: 81, B: 100, C: 100, D: 100 }, settings: { price: price({ weight: 5 }) } });
    expect(b.vendors[0].lowBid).toBe(false);
    expect(b.priceGuidance).toBe("below-services");
  });
});

describe("grade bands", () => {
  test("default bands; a gap below the lowest band is a clear error", () => {
    const sorted = checkBands(DEFAULT_BANDS);
    expect(sorted.map((b) => b.min)).toEqual([85, 70, 60, 0]);
    expect(() => checkBands(DEFAULT_BANDS.slice(0, 3))).toThrow("0–60 has no grade");
    expect(bandProblems([])[0]["en-US"]).toContain("must cover 0–100");
    expect(bandProblems([{ min: 0, label: { "zh-CN": "a", "en-US": "a" } }, { min: 0, label: { "zh-CN": "b", "en-US": "b" } }])[0]["en-US"]).toBe("Two grades both start at 0");
  });
  test("grades by quality at the boundaries", () => {
    const t = tree(node("1", null));
    const res = score(t, [85, 84.9999999999, 70, 60, 59.99].map((v, i) => ({ vendor: `V${i}`, code: "1", value: v })));
    expect(evaluateAward(t, res).vendors.map((v) => v.grade?.label["en-US"])).toEqual(["Excellent", "Excellent", "Good", "Acceptable", "Unacceptable"]);
  });
});

describe("bids as people write them", () => {
  test.each([
    ["¥1,234,567.00", 1234567], ["1 234 567", 1234567], ["１２３４５６７", 1234567], ["￥１，２３４，５６７．５", 1234567.5],
    ["1234567元", 1234567], ["RMB 1,000", 1000], [" 99.5 ", 99.5], [1e6, 1e6],
  ])("%s → %d", (text, value) => expect(parseBid(text)).toEqual({ kind: "ok", value }));
  test.each([["abc"], ["1,23"], ["1.234.567"], ["12 34"]])("%s is not a number", (text) => expect(parseBid(text)).toEqual({ kind: "nan" }));
  test("blank is empty", () => expect(parseBid("  ")).toEqual({ kind: "empty" }));
});

// ---- properties -------------------------------------------------------------------------------

const minimumsArb = (t: IndicatorTree): fc.Arbitrary<IndicatorTree> =>
  fc.record({
    mins: fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null, freq: 3 }), { minLength: allNodes(t).length, maxLength: allNodes(t).length }),
    total: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null, freq: 2 }),
  }).map(({ mins, total }) => {
    const copy = structuredClone(t);
    allNodes(copy).forEach(({ node: n }, i) => (n.minimum = mins[i]));
    copy.minimum = total;
    return copy;
  });
const bidsArb = fc.array(fc.option(fc.integer({ min: -5, max: 2000 }), { nil: null, freq: 5 }), { minLength: VENDORS.length, maxLength: VENDORS.length });
const priceArb = fc.record({ weight: fc.integer({ min: 0, max: 100 }), method: fc.constantFrom<"lowest" | "linear">("lowest", "linear"), lowBidThreshold: fc.integer({ min: 0, max: 60 }) });
const caseArb = treeArb.chain((t) => fc.record({ t: minimumsArb(t), ratings: ratingsArb(t), bids: bidsArb, price: priceArb }));
const bidsOf = (bids: (number | null)[]): Record<string, number | null> => Object.fromEntries(VENDORS.map((v, i) => [v, bids[i]]));

describe("award properties (random trees, minimums, ratings, bids)", () => {
  test("without minimums or price: every vendor with a total is eligible, ranks and overall are the engine's", () => {
    fc.assert(fc.property(treeArb.chain((t) => ratingsArb(t).map((r) => ({ t, r }))), ({ t, r }) => {
      const res = score(t, r);
      const a = evaluateAward(t, res);
      a.vendors.forEach((v, i) => {
        expect(v.eligible).toBe(res.vendors[i].total !== null);
        expect(v.rank).toBe(res.vendors[i].rank);
        expect(v.overall).toBe(res.vendors[i].total);
        expect(v.gates).toEqual([]);
      });
    }), RUNS);
  });
  test("ranks only among eligible; overall between quality and price; the lowest eligible bid scores 100", () => {
    fc.assert(fc.property(caseArb, ({ t, ratings, bids, price }) => {
      const a = evaluateAward(t, score(t, ratings), { bids: bidsOf(bids), settings: { price } });
      const eligible = a.vendors.filter((v) => v.eligible);
      for (const v of a.vendors) {
        expect(v.rank === null).toBe(!v.eligible);
        expect(v.eligible).toBe(v.gates.length === 0 && v.quality !== null && v.bid !== null && v.bid > 0);
        if (v.eligible) {
          const lo = Math.min(v.quality as number, v.priceScore as number) - 1e-9;
          const hi = Math.max(v.quality as number, v.priceScore as number) + 1e-9;
          expect(v.overall as number).toBeGreaterThanOrEqual(lo);
          expect(v.overall as number).toBeLessThanOrEqual(hi);
          if (v.bid === a.lowest) expect(v.priceScore).toBe(100);
        } else {
          expect([v.priceScore, v.overall, v.lowBid]).toEqual([null, null, false]);
        }
      }
      if (eligible.length > 0) expect(Math.min(...eligible.map((v) => v.rank as number))).toBe(1);
      for (const v of eligible) expect(v.rank).toBe(1 + eligible.filter((u) => Math.round((u.overall as number) * 1e9) > Math.round((v.overall as number) * 1e9)).length);
    }), RUNS);
  });
  test("the price score falls as the bid rises (both methods), within 0–100", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (lo, d1, d2, span) => {
      const hi = lo + Math.max(d1, d2) + span;
      for (const method of ["lowest", "linear"] as const) {
        const a = priceScore(method, lo + Math.min(d1, d2), lo, hi);
        const b = priceScore(method, lo + Math.max(d1, d2), lo, hi);
        expect(a).toBeGreaterThanOrEqual(b);
        expect(priceScore(method, lo, lo, hi)).toBe(100);
        expect(b).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThanOrEqual(100);
      }
    }), RUNS);
  });
  test("a failed or unrated gate is exactly a minimum the score is below or has no score for", () => {
    fc.assert(fc.property(caseArb, ({ t, ratings }) => {
      const res = score(t, ratings);
      const a = evaluateAward(t, res);
      const gates = gatesOf(t);
      a.vendors.forEach((v, i) => {
        const r = res.vendors[i];
        for (const g of gates) {
          const value = g.code === "" ? r.total : r.scores[g.code];
          const failure = v.gates.find((f) => f.code === g.code);
          const unrated = value === null || (g.leaf && r.leaves[g.code].status !== "rated");
          expect(failure?.kind).toBe(unrated ? "unrated" : (value as number) < g.minimum ? "below" : undefined);
        }
      });
    }), RUNS);
  });
});
