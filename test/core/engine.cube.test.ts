import fc from "fast-check";
import { CUBE_NA, compileTree, score, scoreCube, toCube, toScoreResult, type Rating, type RatingCube, type RatingValue } from "../../src/core/engine";
import type { IndicatorTree } from "../../src/core/model";
import { leafCodes, node, rate, referenceScores, tree, treeArb, scoreOptionsArb as optionsArb } from "./fixtures";

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

/** Whole numbers 0–127 with N/A and blanks only. */
const wholeArb: fc.Arbitrary<RatingValue> = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: 0, max: 127 }) },
  { weight: 1, arbitrary: fc.constantFrom<RatingValue>("NA", NaN, -0) },
);

/** Many raters per cell (past the insertion sort's 32): any values, or whole numbers only. */
const manyRatersArb = (t: IndicatorTree): fc.Arbitrary<Rating[]> => {
  const codes = leafCodes(t);
  return fc
    .constantFrom(valueArb, wholeArb)
    .chain((values) => fc.array(fc.array(values, { minLength: 1, maxLength: 45 }), { minLength: 1, maxLength: Math.min(3, codes.length) }))
    .map((cells) => cells.flatMap((xs, c) => xs.map((value, r) => ({ vendor: "A", code: codes[c], rater: `r${r}`, value }))));
};

describe("scoreCube (dense vendor × leaf × rater input)", () => {
  test("scoreCube(toCube(x)) = score(x) exactly, for random trees, ratings, options", () => {
    fc.assert(
      fc.property(
        treeArb.chain((t) => fc.oneof({ weight: 3, arbitrary: uniqueRatingsArb(t) }, { weight: 2, arbitrary: manyRatersArb(t) }).map((ratings) => ({ t, ratings }))),
        optionsArb,
        ({ t, ratings }, options) => {
          const expected = score(t, ratings, options);
          const cube = toCube(t, ratings);
          expect(toScoreResult(scoreCube(t, cube, options))).toEqual(expected);
          // A compiled tree gives the same.
          expect(toScoreResult(scoreCube(compileTree(t), cube, options))).toEqual(expected);
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

  test("a hand-built cube: codes in any order, a leaf absent, N/A, blanks; same as score()", () => {
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
        expect(got).toEqual(score(t, ratings, options));
      }
    }
    const r = toScoreResult(scoreCube(t, cube));
    expect(r.vendors[0].leaves["2"]).toEqual({ status: "rated", value: 85, raters: 2, range: 10, stdev: 5 });
    expect(r.vendors[0].leaves["1.1"].status).toBe("na");
    expect(r.vendors[0].leaves["1.2"].status).toBe("missing");
    expect(r.vendors[1].leaves["1.1"].status).toBe("missing");
  });

  test("cells of 300 raters (sorted by the built-in sort) agree with score()", () => {
    const t = tree(node("1", 50), node("2", 50));
    const ratings: Rating[] = [];
    for (let r = 0; r < 300; r++) {
      ratings.push({ vendor: "V", code: "1", rater: `r${r}`, value: (r * 37) % 101 });
      ratings.push({ vendor: "V", code: "2", rater: `r${r}`, value: r % 7 === 0 ? "NA" : (r * 13) % 50 });
    }
    for (const aggregate of ["mean", "median", "trimmed"] as const) {
      expect(toScoreResult(scoreCube(t, toCube(t, ratings), { aggregate }))).toEqual(score(t, ratings, { aggregate }));
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

// ---- rating objects as imported files hold them ----------------------------------------------------

interface Row {
  t: number;
  k: number;
  r: number;
  x: number;
  na: boolean;
}

/** Values as ratings come: mostly whole numbers 0–100, now and then decimals, blanks (NaN), ±Infinity, −0 or a wide span. */
const oddValueArb = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: 0, max: 100 }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 127, 128, -1, 1000, 2.5, 1e9 + 0.1) },
  { weight: 1, arbitrary: fc.double({ min: -10, max: 110, noNaN: true }) },
);

/** As generated; decimals of no short form; halves; tenths. */
const SCALES: ((x: number) => number)[] = [(x) => x, (x) => x / 4 + 0.1, (x) => x / 2, (x) => x / 10];

/** The rating objects of rows over vendor, code and rater tables (a rater index outside its table: no rater). */
function ratingsOf(vendors: string[], codes: string[], raters: string[], rows: Row[], scale: (x: number) => number): Rating[] {
  return rows.map((row) => {
    const na = row.na && row.x % 7 === 0; // about one in seven
    const rating: Rating = { vendor: vendors[row.t % vendors.length], code: codes[row.k % codes.length], value: na ? "NA" : scale(row.x) };
    if (row.r >= 0 && row.r < raters.length) rating.rater = raters[row.r];
    return rating;
  });
}

/**
 * Random ratings over the tree, with the vendor and code tables they were drawn from: tables that may
 * repeat a name, name unknown codes or leave a leaf out; duplicate (vendor, code, rater), N/A, blanks,
 * ratings without a rater.
 */
const importedArb = (t: IndicatorTree): fc.Arbitrary<{ vendors: string[]; codes: string[]; ratings: Rating[] }> => {
  const names = [...leafCodes(t), "9.9", "x", "1"];
  return fc
    .record({
      vendors: fc.array(fc.constantFrom("A", "B", "C"), { minLength: 1, maxLength: 4 }),
      codes: fc.array(fc.constantFrom(...names), { minLength: 1, maxLength: names.length + 2 }),
      raters: fc.array(fc.constantFrom("r1", "r2", "r3"), { maxLength: 3 }),
      rows: fc.array(
        fc.record({ t: fc.nat(99), k: fc.nat(99), r: fc.integer({ min: -1, max: 4 }), x: oddValueArb, na: fc.boolean() }),
        { maxLength: 120 },
      ),
      scale: fc.constantFrom(0, 0, 1, 2, 3),
    })
    .map(({ vendors, codes, raters, rows, scale }) => ({
      vendors: [...new Set(vendors)],
      codes: [...new Set(codes)],
      ratings: ratingsOf(vendors, codes, raters, rows, SCALES[scale]),
    }));
};

const treeAndImported = treeArb.chain((t) => importedArb(t).map((x) => ({ t, ...x })));

/**
 * A cube over these vendors and codes with a slot for every rating of a cell (as CubeFill and
 * panelStats give one rater several slots): the i-th rating of a cell goes in slot i.
 */
function slotCube(vendors: string[], codes: string[], ratings: Rating[]): RatingCube {
  const cellOf = (r: Rating): number => (vendors.indexOf(r.vendor) * codes.length + codes.indexOf(r.code));
  const count = new Map<number, number>();
  for (const r of ratings) count.set(cellOf(r), (count.get(cellOf(r)) ?? 0) + 1);
  const slots = Math.max(1, ...count.values());
  const values = new Float64Array(vendors.length * codes.length * slots).fill(NaN);
  const next = new Map<number, number>();
  for (const r of ratings) {
    const c = cellOf(r);
    const slot = next.get(c) ?? 0;
    next.set(c, slot + 1);
    values[c * slots + slot] = r.value === "NA" ? CUBE_NA : Number.isFinite(r.value) ? r.value : NaN;
  }
  return { vendors, codes, raters: new Array<string>(slots).fill("r"), values };
}

/** The ratings without a second rating of one (vendor, code, rater), as toCube takes them. */
function firstOfEach(ratings: Rating[]): Rating[] {
  const seen = new Set<string>();
  return ratings.filter((r) => {
    const key = JSON.stringify([r.vendor, r.code, r.rater ?? ""]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every node score of score() within 1e−9 (relative beyond 1) of the naive reference. */
function agreesWithReference(t: IndicatorTree, ratings: Rating[], options: Parameters<typeof referenceScores>[3], vendors?: string[]): void {
  for (const v of score(t, ratings, { ...options, vendors }).vendors) {
    const ref = referenceScores(t, ratings, v.vendor, options);
    for (const code of Object.keys(v.scores)) {
      const a = v.scores[code];
      const b = ref[code];
      if (a === null || b === null ? a !== b : Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(b))) {
        throw new Error(`${v.vendor} ${code}: ${a} vs ${b}`);
      }
    }
  }
}

describe("rating objects as imported (odd values, duplicate ratings of one rater, unknown codes)", () => {
  test("a cube with a slot per rating of a cell scores exactly as score() on the rating objects", () => {
    fc.assert(
      fc.property(treeAndImported, optionsArb, ({ t, vendors, codes, ratings }, options) => {
        const cube = slotCube(vendors, codes, ratings);
        const fromCube = toScoreResult(scoreCube(t, cube, options));
        const objects = score(t, ratings, { ...options, vendors: [...(options.vendors ?? []), ...vendors] });
        expect(fromCube.vendors).toEqual(objects.vendors);
        // The cube names every code of its table that is not a leaf; score() those some rating uses.
        const leaves = new Set(leafCodes(t));
        expect(fromCube.unknownCodes).toEqual(codes.filter((c) => !leaves.has(c)));
        expect(objects.unknownCodes).toEqual([...new Set(ratings.map((r) => r.code).filter((c) => !leaves.has(c)))]);
      }),
      RUNS,
    );
  });

  test("score() agrees with the naive reference; toCube then scoreCube equals score() exactly", () => {
    fc.assert(
      fc.property(treeAndImported, optionsArb, ({ t, ratings }, options) => {
        agreesWithReference(t, ratings, options, options.vendors);
        const unique = firstOfEach(ratings);
        expect(toScoreResult(scoreCube(t, toCube(t, unique), options))).toEqual(score(t, unique, options));
      }),
      RUNS,
    );
  });

  test("the typed-array results match the result objects", () => {
    const t = tree(node("1", 60, [node("1.1", null), node("1.2", null)]), node("2", 40, [node("2.1", null)]));
    const ratings = [...rate("X", "1.1", 80, 90), ...rate("X", "2.1", "NA"), ...rate("Y", "1.2", 10), ...rate("Y", "9", 1)];
    const s = scoreCube(t, toCube(t, ratings), { aggregate: "median" });
    expect(s.vendors).toEqual(["X", "Y"]);
    expect(s.tree.codes).toEqual(["1", "1.1", "1.2", "2", "2.1"]);
    expect(Array.from(s.total)).toEqual([85, 10]);
    expect(Array.from(s.rank)).toEqual([1, 2]);
    expect(Array.from(s.missing)).toEqual([1, 2]);
    expect(Array.from(s.nodeScore)).toEqual([85, 85, NaN, NaN, NaN, 10, NaN, 10, NaN, NaN]);
    expect(Array.from(s.raters)).toEqual([2, 0, 0, 0, 1, 0]);
    expect(Array.from(s.na)).toEqual([0, 0, 1, 0, 0, 0]);
    expect(Array.from(s.range)).toEqual([10, NaN, NaN, NaN, 0, NaN]);
    expect(s.unknownCodes).toEqual(["9"]);
    expect(toScoreResult(s)).toEqual(score(t, ratings, { aggregate: "median" }));
  });

  test("toCube: vendors and raters by first appearance, the tree's codes first, N/A as CUBE_NA, others blank", () => {
    const t = tree(node("1", 100, [node("1.1", null), node("1.2", null)]));
    const bad = { vendor: "A", code: "1.2", value: null } as unknown as Rating;
    const cube = toCube(t, [
      { vendor: "B", code: "1.2", rater: "r2", value: 5 },
      { vendor: "A", code: "zz", value: "NA" },
      bad,
      { vendor: "B", code: "1.1", rater: "r1", value: NaN },
      { vendor: "B", code: "1.1", rater: "r2", value: -Infinity },
    ]);
    expect(cube.vendors).toEqual(["B", "A"]);
    expect(cube.codes).toEqual(["1.1", "1.2", "zz"]);
    expect(cube.raters).toEqual(["r2", "", "r1"]);
    const at = (v: number, k: number, r: number): number => cube.values[(v * 3 + k) * 3 + r];
    expect([at(0, 1, 0), at(1, 2, 1)]).toEqual([5, CUBE_NA]);
    expect([at(1, 1, 1), at(0, 0, 2), at(0, 0, 0)]).toEqual([NaN, NaN, NaN]); // −Infinity is no rating, not N/A
    expect(cube.values.filter((x) => !Number.isNaN(x)).length).toBe(2);
    expect(toCube(null, []).codes).toEqual([]);
  });

  test("rater names are not read: renamed, repeated or blank raters change nothing", () => {
    const t = tree(node("L", null));
    const cube = toCube(t, rate("A", "L", 10, 20, 60));
    for (const raters of [["x", "x", "x"], ["", "r1", ""], ["r3", "r2", "r1"]]) {
      expect(toScoreResult(scoreCube(t, { ...cube, raters }))).toEqual(toScoreResult(scoreCube(t, cube)));
    }
  });

  describe("rating-sheet layout (per vendor, per rater, every code)", () => {
    /** Ratings as a rating sheet gives them, whole numbers 0–100 with N/A and blanks, then perturbed. */
    const sheetArb = treeArb.chain((t) =>
      fc
        .record({
          vendors: fc.integer({ min: 1, max: 3 }),
          raters: fc.integer({ min: 2, max: 70 }),
          extraCodes: fc.subarray(["zz", "dup"]),
          seed: fc.nat(),
          drop: fc.option(fc.nat(), { nil: undefined }),
          decimal: fc.option(fc.nat(), { nil: undefined }),
        })
        .map(({ vendors, raters, extraCodes, seed, drop, decimal }) => {
          const leafList = leafCodes(t);
          // "dup": a leaf's code a second time, so each rater rates that cell twice.
          const codes = [...leafList, ...extraCodes.map((c) => (c === "dup" ? leafList[0] : c))];
          let x = seed || 1;
          const rnd = (): number => (x = (x * 48271) % 2147483647) / 2147483647;
          const names = ["A", "B", "C"].slice(0, vendors);
          const ratings: Rating[] = [];
          for (const vendor of names) {
            for (let r = 0; r < raters; r++) {
              for (const code of codes) {
                const u = rnd();
                const value = u > 0.9 ? "NA" : u < 0.05 ? NaN : Math.floor(rnd() * 101);
                ratings.push({ vendor, code, rater: `r${r}`, value });
              }
            }
          }
          if (drop !== undefined) ratings.splice(drop % ratings.length, 1);
          if (decimal !== undefined) ratings[decimal % ratings.length].value = 2.5;
          return { t, ratings, vendors: names, codes: [...new Set(codes)] };
        }),
    );

    function shuffled<T>(xs: T[], seed: number): T[] {
      const out = [...xs];
      let x = seed || 1;
      for (let i = out.length - 1; i > 0; i--) {
        x = (x * 48271) % 2147483647;
        const j = x % (i + 1);
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    }

    test("ratings score exactly as the same rows shuffled, and as their cube", () => {
      fc.assert(
        fc.property(sheetArb, optionsArb, fc.nat(), ({ t, ratings, vendors, codes }, options, seed) => {
          const all = { ...options, vendors: [...(options.vendors ?? []), ...vendors] };
          const a = score(t, ratings, all);
          expect(score(t, shuffled(ratings, seed), all)).toEqual(a);
          expect(toScoreResult(scoreCube(t, slotCube(vendors, codes, ratings), all))).toEqual(a);
        }),
        { numRuns: 150 },
      );
    });

    test("agrees with the naive reference, decimals included", () => {
      fc.assert(
        fc.property(sheetArb, optionsArb, ({ t, ratings }, options) => {
          agreesWithReference(t, ratings, options, options.vendors);
          const res = score(t, ratings, options);
          for (const v of res.vendors) {
            for (const [code, leaf] of Object.entries(v.leaves)) {
              const xs = ratings.filter((r) => r.vendor === v.vendor && r.code === code).map((r) => r.value);
              const nums = xs.filter((x): x is number => typeof x === "number" && Number.isFinite(x));
              expect(leaf.raters).toBe(nums.length);
              if (nums.length > 0) expect(leaf.range).toBe(Math.max(...nums) - Math.min(...nums));
            }
          }
          expect(res.unknownCodes).toEqual(ratings.some((r) => r.code === "zz") ? ["zz"] : []);
        }),
        { numRuns: 150 },
      );
    });
  });
});
