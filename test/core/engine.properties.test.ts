import { competitionRanks } from "../../src/core/engine/rank";
import fc from "fast-check";
import { score, type Aggregation, type MissingPolicy, type Rating, type ScoreResult, type VendorResult } from "../../src/core/engine";
import { defaultTree, rescaleGroup, siblingGroups, validateTree, type IndicatorNode, type IndicatorTree } from "../../src/core/model";
import { VENDORS, approxEqual, leafCodes, ratingsArb, referenceScores, treeAndRatingsArb, treeArb } from "./fixtures";

const EPS = 1e-9;
const RUNS = { numRuns: 200 };

const optionsArb = fc.record({
  missing: fc.constantFrom<MissingPolicy>("exclude", "zero"),
  aggregate: fc.constantFrom<Aggregation>("mean", "median", "trimmed"),
  trimPercent: fc.oneof(fc.constantFrom(0, 0.2, 0.5), fc.double({ min: 0, max: 0.99, noNaN: true })),
});

/** The random trees plus the default tree now and then. */
const anyTreeAndRatings = fc.oneof(
  { weight: 4, arbitrary: treeAndRatingsArb },
  { weight: 1, arbitrary: fc.constant(defaultTree()).chain((t) => ratingsArb(t, 200).map((ratings) => ({ t, ratings }))) },
);

const byVendor = (res: ScoreResult): Map<string, VendorResult> => new Map(res.vendors.map((v) => [v.vendor, v]));

function close(a: number | null, b: number | null): boolean {
  return a === null || b === null ? a === b : Math.abs(a - b) <= EPS;
}

function mapGroups(nodes: IndicatorNode[], f: (group: IndicatorNode[], parent: string | null) => IndicatorNode[], parent: string | null = null): IndicatorNode[] {
  return f(nodes, parent).map((n) => ({ ...n, children: mapGroups(n.children, f, n.code) }));
}

function shuffle<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 48271) % 2147483647;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe("engine properties (random trees of depth 1–4, random ratings with NA and gaps)", () => {
  test("agrees with a naive recursive reference on every node score and the total", () => {
    fc.assert(
      fc.property(anyTreeAndRatings, optionsArb, ({ t, ratings }, options) => {
        const res = score(t, ratings, options);
        for (const v of res.vendors) {
          const ref = referenceScores(t, ratings, v.vendor, options);
          expect(close(v.total, ref[""])).toBe(true);
          for (const code of Object.keys(v.scores)) {
            if (!close(v.scores[code], ref[code])) throw new Error(`${v.vendor} ${code}: ${v.scores[code]} vs ${ref[code]}`);
          }
        }
      }),
      RUNS,
    );
  });

  test("median and TRIMMEAN agree with the reference for decimal ratings and integers over a wide span (no counting sort)", () => {
    const scales: ((x: number) => number)[] = [(x) => x / 4 + 0.1, (x) => x * 1000 - 7];
    fc.assert(
      fc.property(anyTreeAndRatings, optionsArb, fc.constantFrom(0, 1), ({ t, ratings }, options, which) => {
        const f = scales[which];
        const scaled = ratings.map((r) => (typeof r.value === "number" ? { ...r, value: f(r.value) } : r));
        const res = score(t, scaled, options);
        for (const v of res.vendors) {
          const ref = referenceScores(t, scaled, v.vendor, options);
          for (const code of Object.keys(v.scores)) {
            const a = v.scores[code];
            const b = ref[code];
            if (a === null || b === null ? a !== b : Math.abs(a - b) > EPS * Math.max(1, Math.abs(b))) {
              throw new Error(`${v.vendor} ${code}: ${a} vs ${b}`);
            }
          }
        }
      }),
      RUNS,
    );
  });

  test("leaf statistics agree with a naive computation", () => {
    fc.assert(
      fc.property(treeAndRatingsArb, ({ t, ratings }) => {
        for (const v of score(t, ratings).vendors) {
          for (const [code, leaf] of Object.entries(v.leaves)) {
            const rs = ratings.filter((r) => r.vendor === v.vendor && r.code === code);
            const xs = rs.map((r) => r.value).filter((x): x is number => typeof x === "number");
            expect(leaf.raters).toBe(xs.length);
            expect(leaf.status).toBe(xs.length > 0 ? "rated" : rs.length > 0 ? "na" : "missing");
            if (xs.length === 0) {
              expect([leaf.range, leaf.stdev, leaf.value]).toEqual([null, null, null]);
              continue;
            }
            const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
            const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length);
            expect(Math.abs((leaf.stdev as number) - sd)).toBeLessThanOrEqual(EPS);
            expect(leaf.range).toBe(Math.max(...xs) - Math.min(...xs));
          }
        }
      }),
      RUNS,
    );
  });

  test("every score lies in [0, 100]", () => {
    fc.assert(
      fc.property(anyTreeAndRatings, optionsArb, ({ t, ratings }, options) => {
        for (const v of score(t, ratings, options).vendors) {
          for (const s of [v.total, ...Object.values(v.scores)]) {
            if (s !== null) expect(s >= -EPS && s <= 100 + EPS).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  test("raising one numeric rating never lowers that vendor's total (every aggregation, both policies)", () => {
    fc.assert(
      fc.property(treeAndRatingsArb, optionsArb, fc.nat(), fc.integer({ min: 1, max: 100 }), ({ t, ratings }, options, pick, by) => {
        const numeric = ratings.map((r, i) => (typeof r.value === "number" ? i : -1)).filter((i) => i >= 0);
        fc.pre(numeric.length > 0);
        const i = numeric[pick % numeric.length];
        const raised = ratings.map((r, j) => (j === i ? { ...r, value: (r.value as number) + by } : r));
        const before = byVendor(score(t, ratings, options)).get(ratings[i].vendor)?.total ?? null;
        const after = byVendor(score(t, raised, options)).get(ratings[i].vendor)?.total ?? null;
        expect(before === null).toBe(after === null);
        if (before !== null && after !== null) expect(after).toBeGreaterThanOrEqual(before - EPS);
      }),
      RUNS,
    );
  });

  test("multiplying one sibling group's weights by a positive constant changes nothing", () => {
    fc.assert(
      fc.property(treeAndRatingsArb, optionsArb, fc.nat(), fc.double({ min: 0.001, max: 1000, noNaN: true }), ({ t, ratings }, options, pick, c) => {
        let groups = 0;
        mapGroups(t.roots, (g) => (groups++, g));
        const target = pick % groups;
        let k = 0;
        const scaled: IndicatorTree = {
          ...t,
          roots: mapGroups(t.roots, (g) => (k++ === target ? g.map((n) => ({ ...n, weight: n.weight === null ? null : n.weight * c })) : g)),
        };
        const a = score(t, ratings, options);
        const b = score(scaled, ratings, options);
        a.vendors.forEach((v, i) => {
          expect(close(v.total, b.vendors[i].total)).toBe(true);
          for (const code of Object.keys(v.scores)) expect(close(v.scores[code], b.vendors[i].scores[code])).toBe(true);
        });
      }),
      RUNS,
    );
  });

  test("rescaleGroup changes no score and clears that group's weights-not-100", () => {
    fc.assert(
      fc.property(anyTreeAndRatings, optionsArb, fc.nat(), ({ t, ratings }, options, pick) => {
        const groups = siblingGroups(t);
        const at = groups[pick % groups.length].parent?.code ?? null;
        const rescaled = rescaleGroup(t, at);
        const a = score(t, ratings, options);
        const b = score(rescaled, ratings, options);
        expect(approxEqual(b, a)).toBe(true);
        expect(validateTree(rescaled).some((f) => f.code === "weights-not-100" && f.at === at)).toBe(false);
      }),
      RUNS,
    );
  });

  test("shuffling rating rows changes no vendor's result; vendors come in first-appearance order", () => {
    fc.assert(
      fc.property(anyTreeAndRatings, optionsArb, fc.nat(), ({ t, ratings }, options, seed) => {
        const shuffled = shuffle(ratings, seed);
        const a = score(t, ratings, options);
        const b = score(t, shuffled, options);
        expect(approxEqual(byVendor(b), byVendor(a))).toBe(true);
        expect(b.vendors.map((v) => v.vendor)).toEqual([...new Set(shuffled.map((r) => r.vendor))]);
        expect(new Set(b.unknownCodes)).toEqual(new Set(a.unknownCodes));
      }),
      RUNS,
    );
  });

  test("renaming raters or reordering options.vendors changes no vendor's result", () => {
    fc.assert(
      fc.property(treeAndRatingsArb, optionsArb, fc.nat(), ({ t, ratings }, options, seed) => {
        const order = shuffle(VENDORS, seed);
        const renamed = ratings.map((r) => ({ ...r, rater: `x${r.rater}` }));
        const a = score(t, ratings, { ...options, vendors: VENDORS });
        const b = score(t, renamed, { ...options, vendors: order });
        expect(b.vendors.map((v) => v.vendor)).toEqual(order);
        expect(approxEqual(byVendor(b), byVendor(a))).toBe(true);
      }),
      RUNS,
    );
  });

  test("a vendor rated 100 everywhere scores exactly 100 on every node; 0 everywhere, exactly 0", () => {
    fc.assert(
      fc.property(treeArb, fc.integer({ min: 1, max: 3 }), optionsArb, (t, raters, options) => {
        for (const x of [0, 100]) {
          const ratings: Rating[] = leafCodes(t).flatMap((code) => Array.from({ length: raters }, (_, r) => ({ vendor: "V", code, rater: `r${r}`, value: x })));
          const v = score(t, ratings, options).vendors[0];
          expect(v.total).toBe(x);
          for (const s of Object.values(v.scores)) expect(s).toBe(x);
          expect(v.complete).toBe(true);
        }
      }),
      RUNS,
    );
  });

  test("zero-policy total ≤ exclude-policy total; equal when nothing is missing; 0 or null when exclude has none", () => {
    fc.assert(
      fc.property(anyTreeAndRatings, fc.constantFrom<Aggregation>("mean", "median", "trimmed"), ({ t, ratings }, aggregate) => {
        const ex = score(t, ratings, { aggregate, missing: "exclude" });
        const zero = score(t, ratings, { aggregate, missing: "zero" });
        ex.vendors.forEach((e, i) => {
          const z = zero.vendors[i].total;
          if (e.total === null) {
            expect(z === null || Math.abs(z) <= EPS).toBe(true);
          } else {
            expect(z).not.toBeNull();
            expect(z as number).toBeLessThanOrEqual(e.total + EPS);
            if (e.complete) expect(z).toBe(e.total);
          }
        });
      }),
      RUNS,
    );
  });

  test("completeness, complete and flags follow the leaf statuses", () => {
    fc.assert(
      fc.property(anyTreeAndRatings, ({ t, ratings }) => {
        for (const v of score(t, ratings).vendors) {
          const codes = leafCodes(t);
          const statuses = codes.map((code) => v.leaves[code].status);
          const missing = statuses.filter((s) => s === "missing").length;
          expect(v.completeness).toBeCloseTo((statuses.length - missing) / statuses.length, 12);
          expect(v.complete).toBe(missing === 0);
          const expected = [
            ...codes.filter((code) => v.leaves[code].status === "missing").map((code) => ({ kind: "required-unrated", code })),
            ...(missing > 0 ? [{ kind: "incomplete", missing }] : []),
          ];
          expect(v.flags).toEqual(expected);
        }
      }),
      RUNS,
    );
  });

  test("totals that differ only past 9 decimals share a rank", () => {
    expect(competitionRanks([0, -4.4e-16, 50, 50 + 1e-12, 49.999])).toEqual([4, 4, 1, 1, 3]);
  });

  test("ranks: 1 + the number of strictly greater totals at 9 decimals (the workbook's ROUND(total,9))", () => {
    const key = (x: number) => Math.round(x * 1e9) / 1e9;
    fc.assert(
      fc.property(anyTreeAndRatings, optionsArb, ({ t, ratings }, options) => {
        const vs = score(t, ratings, options).vendors;
        for (const v of vs) {
          const expected = v.total === null ? null : 1 + vs.filter((o) => o.total !== null && key(o.total) > key(v.total as number)).length;
          expect(v.rank).toBe(expected);
        }
      }),
      RUNS,
    );
  });
});
