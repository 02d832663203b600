import fc from "fast-check";
import {
  CUBE_NA,
  compileTree,
  score,
  scoreColumns,
  scoreCube,
  toColumns,
  toCube,
  toScoreResult,
  type Rating,
  type RatingValue,
} from "../../src/core/engine";
import type { IndicatorTree } from "../../src/core/model";
import { approxEqual, leafCodes, node, rate, tree, treeArb, scoreOptionsArb as optionsArb } from "./fixtures";

const RUNS = { numRuns: 300 };

/** Whole numbers mostly; N/A, blanks (NaN), ±Infinity, −0, decimals and halves now and then. */
const valueArb: fc.Arbitrary<RatingValue> = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 100 }) },
  { weight: 3, arbitrary: fc.constant<"NA">("NA") },
  { weight: 2, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 127, 128, -1, 2.5) },
  { weight: 2, arbitrary: fc.double({ min: -10, max: 110, noNaN: true }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 200 }).map((x) => x / 2) },
  // On the 1/1024 grid min and max by arithmetic are exact; tenths are not on it.
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 102400 }).map((x) => x / 1024) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 1000 }).map((x) => x / 10) },
);

/** Ratings with unique (vendor, code, rater): codes of the tree plus unknown ones; raters possibly unnamed. */
const uniqueRatingsArb = (t: IndicatorTree): fc.Arbitrary<Rating[]> => {
  const codes = [...leafCodes(t), "9.9", "x"];
  return fc
    .array(
      fc.record({
        vendor: fc.constantFrom("A", "B", "C"),
        code: fc.constantFrom(...codes),
        rater: fc.option(fc.constantFrom("r1", "r2", "r3", "r4", "r5", ""), { nil: undefined, freq: 8 }),
        value: valueArb,
      }),
      { maxLength: 150 },
    )
    .map((rows) => {
      const seen = new Set<string>();
      return rows
        .map((r): Rating => (r.rater === undefined ? { vendor: r.vendor, code: r.code, value: r.value } : r))
        .filter((r) => {
          const key = `${r.vendor}\u0000${r.code}\u0000${r.rater ?? ""}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
    });
};

/** Whole numbers 0–127 with N/A and blanks only: the cells scoreCube counts per value. */
const wholeArb: fc.Arbitrary<RatingValue> = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: 0, max: 127 }) },
  { weight: 1, arbitrary: fc.constantFrom<RatingValue>("NA", NaN, -0) },
);

/** Many raters per cell: decimals (sorted, by the built-in sort beyond 32) or whole numbers (counted). */
const manyRatersArb = (t: IndicatorTree): fc.Arbitrary<Rating[]> => {
  const codes = leafCodes(t);
  return fc
    .constantFrom(valueArb, wholeArb)
    .chain((values) => fc.array(fc.array(values, { minLength: 1, maxLength: 45 }), { minLength: 1, maxLength: Math.min(3, codes.length) }))
    .map((cells) => cells.flatMap((xs, c) => xs.map((value, r) => ({ vendor: "A", code: codes[c], rater: `r${r}`, value }))));
};

describe("scoreCube (dense vendor × leaf × rater input)", () => {
  test("scoreCube(toCube(x)) = score(x) for random trees, ratings, options", () => {
    fc.assert(
      fc.property(
        treeArb.chain((t) => fc.oneof({ weight: 3, arbitrary: uniqueRatingsArb(t) }, { weight: 2, arbitrary: manyRatersArb(t) }).map((ratings) => ({ t, ratings }))),
        optionsArb,
        ({ t, ratings }, options) => {
          const expected = score(t, ratings, options);
          const cube = toCube(t, ratings);
          const got = toScoreResult(scoreCube(t, cube, options));
          if (!approxEqual(got, expected)) {
            throw new Error(`differs:\n${JSON.stringify(got)}\n${JSON.stringify(expected)}`);
          }
          // A compiled tree gives the same.
          expect(approxEqual(toScoreResult(scoreCube(compileTree(t), cube, options)), expected)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  test("layout: vendor-major, then code (tree leaf order first), then rater; NaN blank, CUBE_NA for N/A", () => {
    const t = tree(node("1", 50, [node("1.1", null), node("1.2", null)]), node("2", 50));
    const ratings: Rating[] = [
      { vendor: "V", code: "1.2", rater: "b", value: 7 },
      { vendor: "V", code: "1.1", rater: "a", value: "NA" },
      { vendor: "W", code: "zz", rater: "a", value: 3 },
      { vendor: "W", code: "2", value: NaN },
    ];
    const cube = toCube(t, ratings);
    expect(cube.vendors).toEqual(["V", "W"]);
    expect(cube.codes).toEqual(["1.1", "1.2", "2", "zz"]);
    expect(cube.raters).toEqual(["b", "a", ""]);
    const at = (v: number, k: number, r: number): number => cube.values[(v * 4 + k) * 3 + r];
    expect(at(0, 1, 0)).toBe(7);
    expect(at(0, 0, 1)).toBe(CUBE_NA);
    expect(at(1, 3, 1)).toBe(3);
    expect(Number.isNaN(at(1, 2, 2))).toBe(true);
    expect(cube.values.filter((x) => x === x).length).toBe(3);
    expect(toScoreResult(scoreCube(t, cube)).unknownCodes).toEqual(["zz"]);
  });

  test("toCube refuses two ratings of one (vendor, code, rater), which score() aggregates", () => {
    const t = tree(node("1", null));
    const dup = [...rate("V", "1", 10), ...rate("V", "1", 20)]; // no rater: both are rater ""
    expect(() => toCube(t, dup)).toThrow(RangeError);
    expect(() => toCube(t, [{ vendor: "V", code: "1", rater: "a", value: NaN }, { vendor: "V", code: "1", rater: "a", value: 5 }])).toThrow(/two ratings/);
    // Different raters are fine and aggregate as score() does.
    const ok: Rating[] = [
      { vendor: "V", code: "1", rater: "a", value: 10 },
      { vendor: "V", code: "1", rater: "b", value: 20 },
    ];
    expect(toScoreResult(scoreCube(t, toCube(t, ok)))).toEqual(score(t, ok));
  });

  test("a hand-built cube: codes in any order, a leaf absent, N/A, blanks; same as the columns", () => {
    const t = tree(node("1", 60, [node("1.1", null), node("1.2", null)]), node("2", 40));
    const NA = CUBE_NA;
    // vendors × codes ["2", "1.1"] × raters [a, b, c]; leaf 1.2 has no column.
    const cube = {
      vendors: ["P", "Q"],
      codes: ["2", "1.1"],
      raters: ["a", "b", "c"],
      values: Float64Array.from([80, 90, NaN, NA, NA, NaN, 10, 20, 60, NaN, NaN, NaN]),
    };
    for (const aggregate of ["mean", "median", "trimmed"] as const) {
      for (const missing of ["exclude", "zero"] as const) {
        const ratings: Rating[] = [];
        cube.vendors.forEach((vendor, v) =>
          cube.codes.forEach((code, k) =>
            cube.raters.forEach((rater, r) => {
              const x = cube.values[(v * 2 + k) * 3 + r];
              if (x === x) ratings.push({ vendor, code, rater, value: x === NA ? "NA" : x });
            }),
          ),
        );
        const options = { aggregate, missing };
        const got = toScoreResult(scoreCube(t, cube, options));
        expect(approxEqual(got, score(t, ratings, options))).toBe(true);
        expect(approxEqual(got, toScoreResult(scoreColumns(t, toColumns(t, ratings), options)))).toBe(true);
      }
    }
    const r = toScoreResult(scoreCube(t, cube));
    expect(r.vendors[0].leaves["2"]).toEqual({ status: "rated", value: 85, raters: 2, range: 10, stdev: 5 });
    expect(r.vendors[0].leaves["1.1"].status).toBe("na");
    expect(r.vendors[0].leaves["1.2"].status).toBe("missing");
    expect(r.vendors[1].leaves["1.1"].status).toBe("missing");
  });

  test("cells of more than 255 raters (not counted per value) agree with score()", () => {
    const t = tree(node("1", 50), node("2", 50));
    const ratings: Rating[] = [];
    for (let r = 0; r < 300; r++) {
      ratings.push({ vendor: "V", code: "1", rater: `r${r}`, value: (r * 37) % 101 });
      ratings.push({ vendor: "V", code: "2", rater: `r${r}`, value: r % 7 === 0 ? "NA" : (r * 13) % 50 });
    }
    for (const aggregate of ["mean", "median", "trimmed"] as const) {
      expect(approxEqual(toScoreResult(scoreCube(t, toCube(t, ratings), { aggregate })), score(t, ratings, { aggregate }))).toBe(true);
    }
  });

  test("invalid cubes and options are RangeErrors", () => {
    const t = tree(node("1", null));
    const cube = { vendors: ["V"], codes: ["1"], raters: ["a"], values: new Float64Array(1) };
    expect(() => scoreCube(t, { ...cube, values: new Float64Array(2) })).toThrow(RangeError);
    expect(() => scoreCube(t, { ...cube, vendors: ["V", "V"], values: new Float64Array(2) })).toThrow(/named twice/);
    expect(() => scoreCube(t, { ...cube, codes: ["1", "1"], values: new Float64Array(2) })).toThrow(/named twice/);
    expect(() => scoreCube(t, cube, { trimPercent: 1 })).toThrow(RangeError);
    expect(toScoreResult(scoreCube(t, cube, { vendors: ["Z"] })).vendors.map((v) => v.vendor)).toEqual(["Z", "V"]);
  });
});
