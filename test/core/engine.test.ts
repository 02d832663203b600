import { score, trimCount, type Rating } from "../../src/core/engine";
import { defaultTree, leaves, type IndicatorTree } from "../../src/core/model";
import { node, rate, referenceScores, tree } from "./fixtures";

/** Every default-tree leaf of a dimension rated `byDimension[d]` by one rater. */
function rateDefault(vendor: string, byDimension: Record<string, number>): Rating[] {
  return leaves(defaultTree()).map(({ node: n }) => ({ vendor, code: n.code, value: byDimension[n.code.split(".")[0]] }));
}

describe("reference figures of indicators.md", () => {
  const t = defaultTree();

  test("80/70/90/60/50 by dimension scores 670/9", () => {
    const v = score(t, rateDefault("V", { 1: 80, 2: 70, 3: 90, 4: 60, 5: 50 })).vendors[0];
    expect(v.total).toBeCloseTo(670 / 9, 9);
    expect(["1", "2", "3", "4", "5"].map((d) => v.scores[d])).toEqual([80, 70, 90, 60, 50]);
    expect(v.complete).toBe(true);
    expect(v.flags).toEqual([]);
  });

  test.each([
    ["1", 1 / 3],
    ["2", 2 / 9],
    ["3", 2 / 9],
    ["4", 1 / 9],
    ["5", 1 / 9],
  ])("effective weight of dimension %s is %f", (dim, w) => {
    const by: Record<string, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, [dim]: 100 };
    expect(score(t, rateDefault("V", by)).vendors[0].total).toBeCloseTo(100 * w, 9);
  });

  test("Service sub-dimensions are normalised by 110, leaves of a sub-dimension weigh equally", () => {
    const ratings: Rating[] = [
      ...rate("V", "3.1", 100), ...rate("V", "3.2", 0), ...rate("V", "3.3", 0), ...rate("V", "3.4", 0), ...rate("V", "3.5", 0),
      ...rate("V", "2.2.1", 100), ...rate("V", "2.2.2", 40),
    ];
    const v = score(t, ratings).vendors[0];
    expect(v.scores["3"]).toBeCloseTo((20 * 100) / 110, 12);
    expect(v.scores["2.2"]).toBe(70);
  });

  test("100 everywhere scores exactly 100, 0 everywhere exactly 0", () => {
    const all = (x: number): Rating[] => rateDefault("V", { 1: x, 2: x, 3: x, 4: x, 5: x });
    const hi = score(t, all(100)).vendors[0];
    expect(hi.total).toBe(100);
    expect(Object.values(hi.scores).every((s) => s === 100)).toBe(true);
    expect(score(t, all(0)).vendors[0].total).toBe(0);
  });
});

// 1 (60) → 1.1, 1.2 (equal); 2 (40) → 2.1
const small: IndicatorTree = tree(node("1", 60, [node("1.1", null), node("1.2", null)]), node("2", 40, [node("2.1", null, [], false)]));

describe("missing ratings and N/A", () => {
  const partly = [...rate("X", "1.1", 80), ...rate("X", "2.1", 50)];

  test("exclude (default): the missing leaf is left out and its siblings reweighted", () => {
    const v = score(small, partly).vendors[0];
    expect(v.scores).toEqual({ "1": 80, "1.1": 80, "1.2": null, "2": 50, "2.1": 50 });
    expect(v.total).toBeCloseTo(68, 12);
    expect(v.leaves["1.2"]).toEqual({ status: "missing", value: null, raters: 0, range: null, stdev: null });
    expect(v.completeness).toBeCloseTo(2 / 3, 15);
    expect(v.complete).toBe(false);
    expect(v.flags).toEqual([{ kind: "required-unrated", code: "1.2" }, { kind: "incomplete", missing: 1 }]);
  });

  test("zero: the missing leaf counts 0, still reported incomplete", () => {
    const v = score(small, partly, { missing: "zero" }).vendors[0];
    expect(v.scores["1.2"]).toBe(0);
    expect(v.scores["1"]).toBe(40);
    expect(v.total).toBeCloseTo(44, 12);
    expect(v.complete).toBe(false);
    expect(v.flags).toContainEqual({ kind: "incomplete", missing: 1 });
  });

  test("NA is excluded under both policies and counts as answered", () => {
    const ratings = [...partly, ...rate("X", "1.2", "NA")];
    for (const missing of ["exclude", "zero"] as const) {
      const v = score(small, ratings, { missing }).vendors[0];
      expect(v.scores["1.2"]).toBeNull();
      expect(v.total).toBeCloseTo(68, 12);
      expect(v.leaves["1.2"]).toEqual({ status: "na", value: null, raters: 0, range: null, stdev: null });
      expect(v.completeness).toBe(1);
      expect(v.complete).toBe(true);
      expect(v.flags).toEqual([]);
    }
  });

  test("a numeric rating beside an NA makes the leaf rated", () => {
    const v = score(small, rate("X", "1.1", "NA", 70)).vendors[0];
    expect(v.leaves["1.1"]).toEqual({ status: "rated", value: 70, raters: 1, range: 0, stdev: 0 });
  });

  test("a leaf that is not required is not flagged, but still counts toward incomplete", () => {
    const v = score(small, [...rate("X", "1.1", 10), ...rate("X", "1.2", 10)]).vendors[0];
    expect(v.flags).toEqual([{ kind: "incomplete", missing: 1 }]);
    expect(v.scores["2"]).toBeNull();
    expect(v.total).toBe(10);
  });

  test("nothing rated: null total and rank under exclude, 0 under zero", () => {
    const ex = score(small, rate("X", "1.1", "NA"), { vendors: ["Y"] });
    expect(ex.vendors.map((v) => [v.vendor, v.total, v.rank])).toEqual([["Y", null, null], ["X", null, null]]);
    const zero = score(small, rate("X", "1.1", "NA"), { vendors: ["Y"], missing: "zero" });
    expect(zero.vendors.map((v) => [v.vendor, v.total, v.rank])).toEqual([["Y", 0, 1], ["X", 0, 1]]);
  });

  test("values that are not finite numbers nor \"NA\" are not ratings", () => {
    const bad = [NaN, Infinity, -Infinity, "n/a", null, undefined].map((value) => ({ vendor: "X", code: "1.1", value }) as unknown as Rating);
    const v = score(small, bad).vendors[0];
    expect(v.leaves["1.1"].status).toBe("missing");
    expect(v.total).toBeNull();
  });

  test("groups whose counted weights sum to 0 score null", () => {
    const t = tree(node("1", 100, [node("1.1", 0), node("1.2", 100)]));
    const v = score(t, rate("X", "1.1", 90)).vendors[0];
    expect(v.scores["1"]).toBeNull();
    expect(v.total).toBeNull();
  });

  test("weights that cancel out (a negative weight, an error finding) give null, not Infinity", () => {
    const t = tree(node("1", 100, [node("1.1", 50), node("1.2", -50)]));
    expect(score(t, [...rate("X", "1.1", 90), ...rate("X", "1.2", 30)]).vendors[0].scores["1"]).toBeNull();
  });

  test("a null weight among numbers counts 0", () => {
    const t = tree(node("1", 100, [node("1.1", null), node("1.2", 50)]));
    const v = score(t, [...rate("X", "1.1", 90), ...rate("X", "1.2", 30)]).vendors[0];
    expect(v.scores["1"]).toBe(30);
  });

  test("a light child scoring far from its siblings costs no precision (ratings past 100, as the object API takes them)", () => {
    const t = tree(node("1", 100, [node("1.1", 1), node("1.2", 1e-12), node("1.3", 0)]));
    const v = score(t, [...rate("X", "1.1", 0.3153395600220703), ...rate("X", "1.2", 1e9 + 0.1), ...rate("X", "1.3", 1e9)]).vendors[0];
    const exact = (0.3153395600220703 + 1e-12 * (1e9 + 0.1)) / (1 + 1e-12);
    expect(Math.abs((v.scores["1"] as number) - exact)).toBeLessThan(1e-13);
    // The same with the heavy child last.
    const last = tree(node("1", 100, [node("1.3", 0), node("1.2", 1e-12), node("1.1", 1)]));
    const w = score(last, [...rate("X", "1.1", 0.3153395600220703), ...rate("X", "1.2", 1e9 + 0.1), ...rate("X", "1.3", 1e9)]).vendors[0];
    expect(Math.abs((w.scores["1"] as number) - exact)).toBeLessThan(1e-13);
  });
});

describe("several raters", () => {
  const one = tree(node("L", null));
  const leaf = (values: (number | "NA")[], options = {}) => score(one, rate("X", "L", ...values), options).vendors[0].leaves.L;

  test("mean, median and trimmed of 10, 20, 90", () => {
    expect(leaf([90, 10, 20]).value).toBeCloseTo(40, 12);
    expect(leaf([90, 10, 20], { aggregate: "median" }).value).toBe(20);
    expect(leaf([90, 10, 20], { aggregate: "trimmed" }).value).toBeCloseTo(40, 12); // k = floor(0.3) = 0
    expect(leaf([90, 10, 20, 30], { aggregate: "median" }).value).toBe(25);
  });

  const ten = [66, 0, 61, 68, 62, 100, 63, 67, 64, 65];
  test("TRIMMEAN, n = 10, 20%: one value dropped at each end", () => {
    expect(leaf(ten, { aggregate: "trimmed" }).value).toBeCloseTo(64.5, 12);
    expect(leaf(ten).value).toBeCloseTo(61.6, 12);
    expect(leaf(ten, { aggregate: "median" }).value).toBe(64.5);
  });

  test("TRIMMEAN, n = 9, 20%: nothing dropped (k = floor(0.9) = 0)", () => {
    const nine = ten.filter((x) => x !== 68);
    expect(leaf(nine, { aggregate: "trimmed" }).value).toBeCloseTo(548 / 9, 12);
    expect(leaf(nine, { aggregate: "median" }).value).toBe(64);
  });

  test("TRIMMEAN with other percentages", () => {
    expect(leaf([0, 40, 60, 100], { aggregate: "trimmed", trimPercent: 0.5 }).value).toBe(50);
    expect(leaf([0, 40, 60, 100], { aggregate: "trimmed", trimPercent: 0 }).value).toBe(50);
    expect(leaf([0, 10, 40, 60, 100], { aggregate: "trimmed", trimPercent: 0.4 }).value).toBeCloseTo(110 / 3, 12);
  });

  test("trimCount follows Excel: floor(n·p/2) per end, robust to n·p rounding below an integer", () => {
    expect([trimCount(9, 0.2), trimCount(10, 0.2), trimCount(19, 0.2), trimCount(20, 0.2)]).toEqual([0, 1, 1, 2]);
    expect(trimCount(4, 0.49)).toBe(0);
    expect(0.58 * 100).toBeLessThan(58); // the case the epsilon is for
    expect(trimCount(100, 0.58)).toBe(29);
  });

  test("an invalid trimPercent is refused, as TRIMMEAN gives #NUM!", () => {
    expect(() => score(one, [], { trimPercent: 1 })).toThrow(RangeError);
    expect(() => score(one, [], { trimPercent: -0.1 })).toThrow(RangeError);
    expect(() => score(one, [], { trimPercent: NaN })).toThrow(RangeError);
  });

  test("many raters (past the small-group sort): median and TRIMMEAN of 0..100 shuffled", () => {
    const values = Array.from({ length: 101 }, (_, i) => (i * 37) % 101); // a permutation of 0..100
    values.push(1000); // n = 102, 20%: k = floor(10.2) = 10 dropped at each end
    expect(leaf(values, { aggregate: "median" }).value).toBe(50.5);
    const kept = Array.from({ length: 82 }, (_, i) => i + 10); // 10..91
    expect(leaf(values, { aggregate: "trimmed" }).value).toBeCloseTo(kept.reduce((a, b) => a + b) / 82, 12);
  });

  test("301 ratings of one cell, and ratings past 127 or in halves, aggregate as the naive reference", () => {
    const many = Array.from({ length: 301 }, (_, i) => i % 101); // 0..100 three times, then 0..97
    for (const values of [many, [3, 200, 5], [4, 4.5, 5]]) {
      for (const aggregate of ["mean", "median", "trimmed"] as const) {
        const ratings = rate("A", "L", ...values);
        const result = leaf(values, { aggregate });
        const ref = referenceScores(one, ratings, "A", { aggregate, missing: "exclude", trimPercent: 0.2 });
        expect(Math.abs((result.value as number) - (ref.L as number))).toBeLessThanOrEqual(1e-9);
        expect(result.range).toBe(Math.max(...values) - Math.min(...values));
        expect(result.raters).toBe(values.length);
      }
    }
  });

  test("NA ratings beside numbers are not counted as raters or in the aggregate", () => {
    expect(leaf([50, "NA", 70])).toEqual({ status: "rated", value: 60, raters: 2, range: 20, stdev: 10 });
  });

  test("spread: range and population standard deviation", () => {
    const r = leaf([90, 10, 20]);
    expect(r.range).toBe(80);
    expect(r.stdev).toBeCloseTo(Math.sqrt(3800 / 3), 12);
    expect(leaf([42]).stdev).toBe(0);
    expect(leaf([42]).range).toBe(0);
    // −0 counts as 0, whichever comes first.
    expect([leaf([0, -0]).range, leaf([-0, 0]).range, leaf([-0], { aggregate: "median" }).value]).toEqual([0, 0, 0]);
  });

  test("stdev is numerically stable with a large offset", () => {
    const r = leaf([1e9 + 1, 1e9 + 2, 1e9 + 3]);
    expect(r.stdev).toBeCloseTo(Math.sqrt(2 / 3), 9);
    expect(leaf([1e9 + 0.1, 1e9 + 0.1, 1e9 + 0.1]).stdev).toBe(0);
  });
});

describe("vendors, ranks and unknown codes", () => {
  const one = tree(node("L", null));

  test("ties share a rank (1, 1, 3) and a null total has none", () => {
    const res = score(one, [...rate("A", "L", 80), ...rate("B", "L", 80), ...rate("C", "L", 70), ...rate("D", "L", "NA"), ...rate("E", "L", 90)]);
    expect(res.vendors.map((v) => [v.vendor, v.rank])).toEqual([["A", 2], ["B", 2], ["C", 4], ["D", null], ["E", 1]]);
  });

  test("vendors: first appearance by default; options.vendors order kept, unrated included, others appended", () => {
    const ratings = [...rate("B", "L", 1), ...rate("A", "L", 2), ...rate("B", "L", 3), ...rate("C", "L", 4)];
    expect(score(one, ratings).vendors.map((v) => v.vendor)).toEqual(["B", "A", "C"]);
    const res = score(one, ratings, { vendors: ["Z", "A", "Z"] });
    expect(res.vendors.map((v) => v.vendor)).toEqual(["Z", "A", "B", "C"]);
    expect(res.vendors[0]).toMatchObject({ total: null, rank: null, completeness: 0, complete: false });
    expect(res.vendors[2].leaves.L.value).toBe(2);
  });

  test("codes that are not leaves are reported once each and ignored", () => {
    const t = tree(node("1", 100, [node("1.1", null)]));
    const res = score(t, [...rate("A", "9.9", 0), ...rate("A", "1", 0), ...rate("A", "1.1", 70), ...rate("A", "9.9", 0), ...rate("B", "x", 5)]);
    expect(res.unknownCodes).toEqual(["9.9", "1", "x"]);
    expect(res.vendors.map((v) => [v.vendor, v.total])).toEqual([["A", 70], ["B", null]]);
  });

  test("any iterable of ratings gives the same result as the array", () => {
    const ratings = [...rate("A", "L", 10, 20), ...rate("B", "L", "NA")];
    function* gen(): Generator<Rating> {
      yield* ratings;
    }
    expect(score(one, gen())).toEqual(score(one, ratings));
  });

  test("ratings for a duplicated leaf code go to the first leaf; the second stays missing", () => {
    const t = tree(node("1", 50, [node("x", null)]), node("2", 50, [node("x", null), node("y", null)]));
    const v = score(t, [...rate("A", "x", 80), ...rate("A", "y", 40)]).vendors[0];
    expect(v.scores["1"]).toBe(80);
    expect(v.scores["2"]).toBe(40);
    expect(v.leaves.x.status).toBe("rated");
    expect(v.flags).toEqual([{ kind: "required-unrated", code: "x" }, { kind: "incomplete", missing: 1 }]);
  });

  test("a duplicated code is never matched to its later leaf, even when rows come in tree order", () => {
    const t = tree(node("1", 50, [node("x", null), node("y", null)]), node("2", 50, [node("x", null)]));
    const v = score(t, [...rate("A", "x", 80), ...rate("A", "y", 40), ...rate("A", "x", 60)]).vendors[0];
    expect(v.leaves.x).toMatchObject({ raters: 2, value: 70 });
    expect(v.scores["2"]).toBeNull();
  });

  test("an empty tree: every rating is unknown, totals null", () => {
    const res = score(tree(), rate("A", "L", 5));
    expect(res.unknownCodes).toEqual(["L"]);
    expect(res.vendors[0]).toMatchObject({ vendor: "A", total: null, rank: null, completeness: 1, complete: true, flags: [] });
  });
});
