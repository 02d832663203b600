import fc from "fast-check";
import {
  score,
  scoreColumns,
  toColumns,
  toScoreResult,
  type Rating,
  type RatingColumns,
} from "../../src/core/engine";
import type { IndicatorTree } from "../../src/core/model";
import { leafCodes, node, rate, referenceScores, tree, treeArb, scoreOptionsArb as optionsArb } from "./fixtures";

const RUNS = { numRuns: 300 };

interface Row {
  t: number;
  k: number;
  r: number;
  x: number;
  na: boolean;
}

/** Values as ratings come: mostly whole numbers 0–100, now and then decimals, blanks (NaN), ±Infinity, −0 or a wide span. */
const valueArb = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: 0, max: 100 }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 127, 128, -1, 1000, 2.5, 1e9 + 0.1) },
  { weight: 1, arbitrary: fc.double({ min: -10, max: 110, noNaN: true }) },
);

/**
 * Random columns over the tree: vendor and code tables that may repeat a name, name unknown codes or
 * leave a leaf out; rows with duplicate (vendor, leaf, rater), N/A, blanks and rater indices that
 * may fall outside the rater table (scoring does not read them).
 */
const columnsArb = (t: IndicatorTree): fc.Arbitrary<RatingColumns> => {
  const names = [...leafCodes(t), "9.9", "x", "1"];
  return fc
    .record({
      vendors: fc.array(fc.constantFrom("A", "B", "C"), { minLength: 1, maxLength: 4 }),
      codes: fc.array(fc.constantFrom(...names), { minLength: 1, maxLength: names.length + 2 }),
      raters: fc.array(fc.constantFrom("r1", "r2", "r3"), { maxLength: 3 }),
      rows: fc.array(
        fc.record({ t: fc.nat(99), k: fc.nat(99), r: fc.integer({ min: -1, max: 4 }), x: valueArb, na: fc.boolean() }),
        { maxLength: 120 },
      ),
      scale: fc.constantFrom(0, 0, 1, 2, 3),
    })
    .map(({ vendors, codes, raters, rows, scale }) => columnsOf(vendors, codes, raters, rows, SCALES[scale]));
};

/** As generated; decimals of no short form; halves; tenths (the last two sort by counting). */
const SCALES: ((x: number) => number)[] = [(x) => x, (x) => x / 4 + 0.1, (x) => x / 2, (x) => x / 10];

function columnsOf(vendors: string[], codes: string[], raters: string[], rows: Row[], scale: (x: number) => number): RatingColumns {
  const n = rows.length;
  const cols: RatingColumns = {
    vendors,
    codes,
    raters,
    vendor: Int32Array.from(rows, (row) => row.t % vendors.length),
    leaf: Int32Array.from(rows, (row) => row.k % codes.length),
    rater: Int32Array.from(rows, (row) => row.r),
    value: new Float64Array(n),
    na: new Uint8Array(n),
  };
  rows.forEach((row, i) => {
    const na = row.na && row.x % 7 === 0; // about one in seven
    cols.na[i] = na ? 1 : 0;
    cols.value[i] = na ? NaN : scale(row.x);
  });
  return cols;
}

/** The rating objects the columns stand for. */
function fromColumns(cols: RatingColumns): Rating[] {
  return Array.from(cols.value, (x, i) => {
    const r = cols.rater[i];
    const rating: Rating = { vendor: cols.vendors[cols.vendor[i]], code: cols.codes[cols.leaf[i]], value: cols.na[i] ? "NA" : x };
    if (r >= 0 && r < cols.raters.length) rating.rater = cols.raters[r];
    return rating;
  });
}

const treeAndColumns = treeArb.chain((t) => columnsArb(t).map((cols) => ({ t, cols })));

describe("columnar input", () => {
  test("scoring columns equals scoring the rating objects they stand for, exactly", () => {
    fc.assert(
      fc.property(treeAndColumns, optionsArb, ({ t, cols }, options) => {
        const fromCols = toScoreResult(scoreColumns(t, cols, options));
        const objects = score(t, fromColumns(cols), { ...options, vendors: [...(options.vendors ?? []), ...cols.vendors] });
        expect(fromCols).toEqual(objects);
      }),
      RUNS,
    );
  });

  test("toColumns then scoreColumns equals score, exactly, and agrees with the naive reference", () => {
    fc.assert(
      fc.property(treeAndColumns, optionsArb, ({ t, cols }, options) => {
        const ratings = fromColumns(cols);
        const viaColumns = toScoreResult(scoreColumns(t, toColumns(t, ratings), options));
        expect(viaColumns).toEqual(score(t, ratings, options));
        for (const v of viaColumns.vendors) {
          const ref = referenceScores(t, ratings, v.vendor, options);
          for (const code of Object.keys(v.scores)) {
            const a = v.scores[code];
            const b = ref[code];
            if (a === null || b === null ? a !== b : Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(b))) {
              throw new Error(`${v.vendor} ${code}: ${a} vs ${b}`);
            }
          }
        }
      }),
      RUNS,
    );
  });

  test("the typed-array results match the result objects", () => {
    const t = tree(node("1", 60, [node("1.1", null), node("1.2", null)]), node("2", 40, [node("2.1", null)]));
    const ratings = [...rate("X", "1.1", 80, 90), ...rate("X", "2.1", "NA"), ...rate("Y", "1.2", 10), ...rate("Y", "9", 1)];
    const s = scoreColumns(t, toColumns(t, ratings), { aggregate: "median" });
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
  });

  test("toColumns: vendors and raters by first appearance, the tree's codes first, N/A flagged, others blank", () => {
    const t = tree(node("1", 100, [node("1.1", null), node("1.2", null)]));
    const bad = { vendor: "A", code: "1.2", value: null } as unknown as Rating;
    const cols = toColumns(t, [
      { vendor: "B", code: "1.2", rater: "r2", value: 5 },
      { vendor: "A", code: "zz", value: "NA" },
      bad,
      { vendor: "B", code: "1.1", rater: "r1", value: NaN },
    ]);
    expect(cols.vendors).toEqual(["B", "A"]);
    expect(cols.codes).toEqual(["1.1", "1.2", "zz"]);
    expect(cols.raters).toEqual(["r2", "r1"]);
    expect(Array.from(cols.vendor)).toEqual([0, 1, 1, 0]);
    expect(Array.from(cols.leaf)).toEqual([1, 2, 1, 0]);
    expect(Array.from(cols.rater)).toEqual([0, -1, -1, 1]);
    expect(Array.from(cols.value)).toEqual([5, NaN, NaN, NaN]);
    expect(Array.from(cols.na)).toEqual([0, 1, 0, 0]);
    expect(toColumns(null, []).codes).toEqual([]);
  });

  test("a vendor or leaf index outside its table, or columns of unequal length, are refused", () => {
    const t = tree(node("L", null));
    const base = toColumns(t, rate("A", "L", 1, 2, 3));
    const withIndex = (key: "vendor" | "leaf", i: number, x: number): RatingColumns => {
      const col = base[key].slice();
      col[i] = x;
      return { ...base, [key]: col };
    };
    for (const [key, x] of [["vendor", 1], ["vendor", -1], ["leaf", 1], ["leaf", -5]] as const) {
      expect(() => scoreColumns(t, withIndex(key, 2, x))).toThrow(RangeError);
    }
    const decimal = { ...base, value: Float64Array.of(1.5, 2, 3) }; // the general path checks too
    expect(() => scoreColumns(t, { ...decimal, leaf: Int32Array.of(0, 7, 0) })).toThrow(/leaf index 7/);
    expect(() => scoreColumns(t, { ...base, na: new Uint8Array(2) })).toThrow(RangeError);
  });

  test("a rater index outside the rater table changes nothing (scoring does not read raters)", () => {
    const t = tree(node("L", null));
    const cols = toColumns(t, rate("A", "L", 10, 20, 60));
    const odd = { ...cols, rater: Int32Array.of(99, -7, 1) };
    expect(toScoreResult(scoreColumns(t, odd))).toEqual(toScoreResult(scoreColumns(t, cols)));
  });

  test("more than 255 ratings of one cell, and ratings past 127, still aggregate exactly (general path)", () => {
    const t = tree(node("L", null));
    const many = Array.from({ length: 301 }, (_, i) => i % 101); // 0..100 three times, then 0..97
    for (const values of [many, [3, 200, 5], [4, 4.5, 5]]) {
      for (const aggregate of ["mean", "median", "trimmed"] as const) {
        const ratings = rate("A", "L", ...values);
        const leaf = score(t, ratings, { aggregate }).vendors[0].leaves.L;
        const ref = referenceScores(t, ratings, "A", { aggregate, missing: "exclude", trimPercent: 0.2 });
        expect(Math.abs((leaf.value as number) - (ref.L as number))).toBeLessThanOrEqual(1e-9);
        expect(leaf.range).toBe(Math.max(...values) - Math.min(...values));
        expect(leaf.raters).toBe(values.length);
      }
    }
  });

  describe("rating-sheet layout (per vendor, per rater, every code: read leaf by leaf down the raters)", () => {
    /** Columns as a rating sheet gives them, whole numbers 0–100 with N/A and blanks, then perturbed. */
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
          const codes = [...leafList, ...extraCodes.map((c) => (c === "dup" ? leafList[0] : c))];
          let x = seed || 1;
          const rnd = (): number => (x = (x * 48271) % 2147483647) / 2147483647;
          const rows: Row[] = [];
          for (let v = 0; v < vendors; v++) {
            for (let r = 0; r < raters; r++) {
              codes.forEach((_, k) => {
                const u = rnd();
                rows.push({ t: v, k, r, x: u < 0.05 ? NaN : Math.floor(rnd() * 101), na: u > 0.9 });
              });
            }
          }
          if (drop !== undefined) rows.splice(drop % rows.length, 1);
          const cols = columnsOf(["A", "B", "C"].slice(0, vendors), codes, ["r"], rows, (v) => v);
          cols.na.set(rows.map((row) => (row.na ? 1 : 0)));
          rows.forEach((row, i) => (cols.value[i] = row.na ? NaN : row.x));
          if (decimal !== undefined) cols.value[decimal % rows.length] = 2.5;
          return { t, cols, exact: decimal === undefined };
        }),
    );

    function shuffled(cols: RatingColumns, seed: number): RatingColumns {
      const order = Array.from(cols.value, (_, i) => i);
      let x = seed || 1;
      for (let i = order.length - 1; i > 0; i--) {
        x = (x * 48271) % 2147483647;
        const j = x % (i + 1);
        [order[i], order[j]] = [order[j], order[i]];
      }
      const pick = <A extends Int32Array | Float64Array | Uint8Array>(a: A): A => a.map((_, i) => a[order[i]]) as A;
      return { ...cols, vendor: pick(cols.vendor), leaf: pick(cols.leaf), rater: pick(cols.rater), value: pick(cols.value), na: pick(cols.na) };
    }

    test("whole-number ratings score exactly as the same rows shuffled (row by row)", () => {
      fc.assert(
        fc.property(sheetArb, optionsArb, fc.nat(), ({ t, cols, exact }, options, seed) => {
          fc.pre(exact);
          const a = toScoreResult(scoreColumns(t, cols, options));
          const b = toScoreResult(scoreColumns(t, shuffled(cols, seed), options));
          expect(a).toEqual(b);
        }),
        { numRuns: 150 },
      );
    });

    test("agrees with the naive reference, decimals included (they fall back to running sums)", () => {
      fc.assert(
        fc.property(sheetArb, optionsArb, ({ t, cols }, options) => {
          const ratings = fromColumns(cols);
          const res = toScoreResult(scoreColumns(t, cols, options));
          for (const v of res.vendors) {
            const ref = referenceScores(t, ratings, v.vendor, options);
            for (const code of Object.keys(v.scores)) {
              const a = v.scores[code];
              const b = ref[code];
              if (a === null || b === null ? a !== b : Math.abs(a - b) > 1e-9) throw new Error(`${v.vendor} ${code}: ${a} vs ${b}`);
            }
            for (const [code, leaf] of Object.entries(v.leaves)) {
              const xs = ratings.filter((r) => r.vendor === v.vendor && r.code === code).map((r) => r.value);
              const nums = xs.filter((x): x is number => typeof x === "number" && Number.isFinite(x));
              expect(leaf.raters).toBe(nums.length);
              if (nums.length > 0) expect(leaf.range).toBe(Math.max(...nums) - Math.min(...nums));
            }
          }
          expect(res.unknownCodes).toEqual(cols.codes.includes("zz") && ratings.some((r) => r.code === "zz") ? ["zz"] : []);
        }),
        { numRuns: 150 },
      );
    });

    test("a leaf index outside the code table inside a sheet run is refused at its first row", () => {
      const t = tree(node("1", null), node("2", null));
      const cols = toColumns(t, Array.from({ length: 40 }, (_, r) => [...rate("A", "1", r), ...rate("A", "2", 100 - r)]).flat());
      const leaf = cols.leaf.slice();
      for (let i = 3; i < leaf.length; i += 2) leaf[i] = 9;
      expect(() => scoreColumns(t, { ...cols, leaf })).toThrow(/rating 3: leaf index 9/);
    });
  });
});
