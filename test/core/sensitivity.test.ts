import fc from "fast-check";
import { evaluateAward } from "../../src/core/award";
import { compileTree, score, scoreCube, toCube, type MissingPolicy, type Rating } from "../../src/core/engine";
import { rankKey } from "../../src/core/engine/rank";
import { cloneTree, defaultTree, findByCode, leaves, type IndicatorTree } from "../../src/core/model";
import { analyseSensitivity, bootstrapRaters, flipPoints, raterBootstrap, priceFlip, rankAcceptability, totalsWith, weightModel, withNodeWeight, type WeightModel } from "../../src/core/sensitivity";
import { treeArb } from "../plan/arbitraries";
import { node, tree } from "./fixtures";

const VENDORS = ["A", "B", "C", "D"];

/**
 * Random ratings with blanks and N/A (so "exclude" renormalises), to 3 decimals: ranks compare totals
 * at 9 decimals, so flips between totals within 1e-9 of each other are rounding, not weights.
 */
function ratingsArb(t: IndicatorTree): fc.Arbitrary<Rating[]> {
  const codes = leaves(t).map((l) => l.node.code);
  const cell = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 100_000 }).map((x) => x / 1000) }, { weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant("NA" as const) });
  return fc.array(cell, { minLength: VENDORS.length * codes.length, maxLength: VENDORS.length * codes.length }).map((cells) => {
    const out: Rating[] = [];
    VENDORS.forEach((vendor, v) => codes.forEach((code, k) => {
      const value = cells[v * codes.length + k];
      if (value !== undefined) out.push({ vendor, code, value });
    }));
    return out;
  });
}

function model(t: IndicatorTree, ratings: Rating[], missing: MissingPolicy): WeightModel {
  return weightModel(scoreCube(t, toCube(t, ratings), { missing, vendors: VENDORS }));
}

/** The tree with node `code`'s group reweighted as withNodeWeight does (in percent), scored by the engine itself. */
function engineTotalsAt(t: IndicatorTree, ratings: Rating[], missing: MissingPolicy, m: WeightModel, code: string, x: number): (number | null)[] {
  const i = m.tree.codes.indexOf(code);
  const w = withNodeWeight(m, i, x);
  const parent = m.tree.parent[i];
  const copy = cloneTree(t);
  const group = parent === m.tree.codes.length ? copy.roots : (findByCode(copy, m.tree.codes[parent])?.node.children ?? []);
  const members = m.tree.codes.flatMap((_, j) => (m.tree.parent[j] === parent ? [j] : []));
  group.forEach((n, k) => (n.weight = 100 * w[members[k]]));
  return score(copy, ratings, { missing, vendors: VENDORS }).vendors.map((v) => v.total);
}

/** Indices of the vendors ranked first (at 9 decimals). */
function firsts(totals: (number | null)[]): number[] {
  const keys = totals.map((x) => (x === null ? -Infinity : rankKey(x)));
  const best = Math.max(...keys);
  return best === -Infinity ? [] : keys.flatMap((k, i) => (k === best ? [i] : []));
}

describe("weightModel / totalsWith", () => {
  test("at the current weights the totals are the engine's (1e-9), both policies", () => {
    fc.assert(
      fc.property(treeArb.chain((t) => fc.tuple(fc.constant(t), ratingsArb(t), fc.constantFrom<MissingPolicy>("exclude", "zero"))), ([t, ratings, missing]) => {
        const m = model(t, ratings, missing);
        const got = totalsWith(m, m.base);
        m.total.forEach((T, v) => (Number.isNaN(T) ? expect(got[v]).toBeNaN() : expect(Math.abs(got[v] - T)).toBeLessThan(1e-9)));
      }),
      { numRuns: 150 },
    );
  });
});

describe("flip points", () => {
  test("the issue's single-level formula: x = (w·Δ − D)/(Δ − D)", () => {
    // Two dimensions 60/40 with one leaf each; A = (80, 40) → 64, B = (50, 90) → 66: B leads.
    const t = tree(node("1", 60, [node("1.1", null)]), node("2", 40, [node("2.1", null)]));
    const ratings: Rating[] = [
      { vendor: "A", code: "1.1", value: 80 },
      { vendor: "A", code: "2.1", value: 40 },
      { vendor: "B", code: "1.1", value: 50 },
      { vendor: "B", code: "2.1", value: 90 },
    ];
    const m = weightModel(scoreCube(t, toCube(t, ratings)));
    const r = flipPoints(m);
    expect(r.leader).toBe("B");
    const f = r.flips.find((x) => x.code === "1")!;
    // Leader B (i), rival A (j): D = T_B − T_A = 66 − 64 = 2; node 1's scores differ by Δ = s_B − s_A = 50 − 80 = −30.
    const w = 0.6;
    const D = 66 - 64;
    const delta = 50 - 80;
    expect(f.weight).toBeCloseTo(w, 12);
    expect(f.rival).toBe("A");
    expect(f.flipAt).toBeCloseTo((w * delta - D) / (delta - D), 12);
    expect(f.flipAt).toBeCloseTo(50 / 80, 12);
    expect(f.stableFrom).toBe(0);
    expect(f.stableTo).toBeCloseTo(50 / 80, 12);
  });

  test("moving a weight just past its flip point changes the leader (engine), just before does not; no flip: the leader stays first on a grid", () => {
    let flipsChecked = 0;
    let stableChecked = 0;
    fc.assert(
      fc.property(treeArb.chain((t) => fc.tuple(fc.constant(t), ratingsArb(t), fc.constantFrom<MissingPolicy>("exclude", "zero"))), ([t, ratings, missing]) => {
        const m = model(t, ratings, missing);
        const r = flipPoints(m);
        fc.pre(r.leader !== null && r.tiedWith.length === 0);
        const leader = VENDORS.indexOf(r.leader as string);
        for (const f of r.flips) {
          const at = (x: number): (number | null)[] => engineTotalsAt(t, ratings, missing, m, f.code, x);
          const inside = [f.stableFrom + 1e-9, (f.stableFrom + f.stableTo) / 2, f.stableTo - 1e-9].filter((x) => x > 0 && x < 1 && f.stableTo - f.stableFrom > 2e-9);
          for (const x of inside) {
            const T = at(x);
            // Inside the stable interval nobody is ahead of the leader (ties at its ends allowed).
            for (const v of T) if (v !== null) expect(v).toBeLessThanOrEqual((T[leader] as number) + 1e-9);
          }
          if (f.flipAt === null) {
            for (let k = 1; k < 20; k++) expect(firsts(at(k / 20))).toContain(leader);
            stableChecked++;
            continue;
          }
          const dir = f.flipAt >= f.weight ? 1 : -1;
          const rival = VENDORS.indexOf(f.rival as string);
          const eps = 1e-6;
          const past = at(f.flipAt + dir * eps);
          const before = at(f.flipAt - dir * eps);
          const gap = (past[rival] as number) - (past[leader] as number);
          fc.pre(Math.abs(gap) > 1e-11 && f.flipAt + dir * eps > 0 && f.flipAt + dir * eps < 1);
          expect(gap).toBeGreaterThan(0);
          expect(firsts(past)).not.toContain(leader);
          if (Math.abs(f.flipAt - f.weight) > 2 * eps) expect(firsts(before)).toContain(leader);
          flipsChecked++;
        }
      }),
      { numRuns: 120 },
    );
    expect(flipsChecked).toBeGreaterThan(20);
    expect(stableChecked).toBeGreaterThan(20);
  });

  test("a vendor missing a whole sub-dimension under exclude: flip from the exact linear-fraction form, checked by the engine", () => {
    // 1 = {1.1, 1.2}; A has no rating on 1.2, so its dimension 1 is 1.1 alone whatever 1.1's weight (constant); B's moves.
    const t = tree(node("1", 50, [node("1.1", 30), node("1.2", 70)]), node("2", 50, [node("2.1", null)]));
    const ratings: Rating[] = [
      { vendor: "A", code: "1.1", value: 70 },
      { vendor: "A", code: "2.1", value: 70 },
      { vendor: "B", code: "1.1", value: 100 },
      { vendor: "B", code: "1.2", value: 50 },
      { vendor: "B", code: "2.1", value: 70 },
    ];
    const m = weightModel(scoreCube(t, toCube(t, ratings), { missing: "exclude" }));
    const r = flipPoints(m);
    expect(r.leader).toBe("A"); // A 70, B 0.5·(0.3·100 + 0.7·50) + 35 = 67.5
    const f = r.flips.find((x) => x.code === "1.1")!;
    // B's dimension 1 = 100x + 50(1 − x) = 70 at x = 0.4.
    expect(f.flipAt).toBeCloseTo(0.4, 12);
    expect(f.rival).toBe("B");
    expect([f.stableFrom, f.stableTo]).toEqual([0, expect.closeTo(0.4, 12)]);
    const z = flipPoints(weightModel(scoreCube(t, toCube(t, ratings), { missing: "zero" })));
    // Under "zero" A's 1.2 counts 0: A = 0.5·70x + 35, B = 0.5·(50 + 50x) + 35; B leads at w = 0.3 and everywhere in (0, 1).
    expect(z.leader).toBe("B");
    expect(z.flips.find((x) => x.code === "1.1")?.flipAt).toBeNull();
  });

  test("the price weight: overall is linear in p; past the flip the award's first changes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 10, max: 1000, noNaN: true })), { minLength: 2, maxLength: 6 }),
        fc.integer({ min: 1, max: 99 }),
        (rows, pct) => {
          const t = tree(node("1", null));
          const vendors = rows.map((_, i) => `V${i}`);
          const ratings: Rating[] = rows.map(([q], i) => ({ vendor: vendors[i], code: "1", value: q }));
          const bids = Object.fromEntries(rows.map(([, b], i) => [vendors[i], b]));
          const result = score(t, ratings, { vendors });
          const at = (p: number): number[] => evaluateAward(t, result, { bids, settings: { price: { weight: p * 100, method: "lowest", lowBidThreshold: 20 } } }).vendors.flatMap((v, i) => (v.rank === 1 ? [i] : []));
          const award = evaluateAward(t, result, { bids, settings: { price: { weight: pct, method: "lowest", lowBidThreshold: 20 } } });
          const f = priceFlip(award.vendors, pct / 100);
          fc.pre(at(pct / 100).length === 1);
          const leader = vendors.indexOf(f.leader as string);
          expect(at(pct / 100)).toEqual([leader]);
          if (f.flipAt === null) {
            for (let k = 1; k < 20; k++) expect(at(k / 20)).toContain(leader);
            return;
          }
          const dir = f.flipAt >= pct / 100 ? 1 : -1;
          fc.pre(f.flipAt + dir * 1e-6 < 1 && f.flipAt + dir * 1e-6 > 0);
          expect(at(f.flipAt + dir * 1e-6)).not.toContain(leader);
          expect(at(f.flipAt + dir * 1e-6)).toContain(vendors.indexOf(f.rival as string));
          if (Math.abs(f.flipAt - pct / 100) > 2e-6) expect(at(f.flipAt - dir * 1e-6)).toContain(leader);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("rank acceptability", () => {
  const t = defaultTree();
  const codes = leaves(t).map((l) => l.node.code);
  const ratings: Rating[] = [];
  let seed = 7;
  const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  // Each vendor strong on "its" dimension, so that the weights decide between them.
  ["A", "B", "C", "D", "E"].forEach((vendor, i) => {
    for (const code of codes) for (const rater of ["r1", "r2", "r3"]) ratings.push({ vendor, code, rater, value: Math.round(65 + (code.split(".")[0] === String(i + 1) ? 20 : 0) + 10 * rnd()) });
  });
  const cs = scoreCube(t, toCube(t, ratings));
  const m = weightModel(cs);

  test("a fixed seed gives identical figures; another seed different ones; the standard error is √(s(1 − s)/N)", () => {
    const a = rankAcceptability(m, { samples: 2000, seed: 42 });
    const b = rankAcceptability(m, { samples: 2000, seed: 42 });
    const c = rankAcceptability(m, { samples: 2000, seed: 43 });
    expect(b).toEqual(a);
    expect(c.vendors.map((v) => v.firstShare)).not.toEqual(a.vendors.map((v) => v.firstShare));
    for (const v of a.vendors) expect(v.standardError).toBeCloseTo(Math.sqrt((v.firstShare * (1 - v.firstShare)) / 2000), 15);
    expect(a.vendors.reduce((s, v) => s + v.firstShare, 0)).toBeGreaterThanOrEqual(1);
  });

  test("spread 0 puts the current leader first in every sample; a wider spread never narrows a rank range", () => {
    const leader = cs.vendors[cs.rank.indexOf(1)];
    const zero = rankAcceptability(m, { samples: 50, spread: 0 });
    expect(zero.vendors.find((v) => v.vendor === leader)?.firstShare).toBe(1);
    for (const v of zero.vendors) expect(v.bestRank).toBe(v.worstRank);
    const simplex = rankAcceptability(m, { samples: 3000, mode: "simplex", seed: 3 });
    const narrow = rankAcceptability(m, { samples: 3000, spread: 0.05, seed: 3 });
    for (const v of narrow.vendors) {
      const s = simplex.vendors.find((x) => x.vendor === v.vendor)!;
      expect((s.worstRank as number) - (s.bestRank as number)).toBeGreaterThanOrEqual((v.worstRank as number) - (v.bestRank as number));
    }
  });

  test("bootstrap of raters: reproducible; one rater gives one ranking in every sample", () => {
    const cube = toCube(t, ratings);
    const a = bootstrapRaters(compileTree(t), cube, {}, { samples: 300, seed: 5 });
    expect(bootstrapRaters(compileTree(t), cube, {}, { samples: 300, seed: 5 })).toEqual(a);
    expect(a.mode).toBe("bootstrap");
    const one = toCube(t, ratings.filter((r) => r.rater === "r1"));
    const single = bootstrapRaters(compileTree(t), one, {}, { samples: 20, seed: 5 });
    const leader = scoreCube(t, one).vendors[scoreCube(t, one).rank.indexOf(1)];
    expect(single.vendors.find((v) => v.vendor === leader)?.firstShare).toBe(1);
    expect(single.vendors.filter((v) => v.firstShare > 0)).toHaveLength(1);
  });

  test("bootstrap of raters drawn in slices (raterBootstrap) gives the unsliced figures, and partial figures over the samples drawn so far", () => {
    const ct = compileTree(t);
    const cube = toCube(t, ratings);
    const whole = bootstrapRaters(ct, cube, {}, { samples: 60, seed: 11 });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 1, maxLength: 12 }), (slices) => {
        const run = raterBootstrap(ct, cube, {}, { samples: 60, seed: 11 });
        let done = 0;
        for (const k of slices) {
          done = Math.min(60, done + k);
          expect(run.next(k)).toBe(done);
          expect(run.done).toBe(done);
          if (done > 0 && done < 60) expect(run.result()).toEqual(bootstrapRaters(ct, cube, {}, { samples: done, seed: 11 }));
        }
        while (run.done < run.samples) run.next(7);
        expect(run.next(5)).toBe(60);
        expect(run.result()).toEqual(whole);
      }),
      { numRuns: 15 },
    );
  });

  test("bad options are refused with the reason", () => {
    expect(() => rankAcceptability(m, { samples: 0 })).toThrow(/samples/);
    expect(() => rankAcceptability(m, { spread: 2 })).toThrow(/spread/);
    expect(() => rankAcceptability(m, { seed: 1.5 })).toThrow(/seed/);
  });
});

describe("analyseSensitivity", () => {
  test("from score()'s objects it gives what the cube's model gives; with an award only eligible vendors compete", () => {
    fc.assert(
      fc.property(treeArb.chain((t) => fc.tuple(fc.constant(t), ratingsArb(t), fc.constantFrom<MissingPolicy>("exclude", "zero"))), ([t, ratings, missing]) => {
        const result = score(t, ratings, { missing, vendors: VENDORS });
        const r = analyseSensitivity(t, result, { samples: 50, seed: 9 });
        const viaCube = flipPoints(model(t, ratings, missing));
        expect(r.leader).toBe(viaCube.leader);
        expect(r.flips).toEqual(viaCube.flips);
        expect(r.acceptability).toEqual(rankAcceptability(model(t, ratings, missing), { samples: 50, seed: 9 }));
      }),
      { numRuns: 60 },
    );
  });

  test("price: the contest is overall among the eligible; the price weight's flip is reported", () => {
    const t = tree(node("1", null));
    const ratings: Rating[] = [
      { vendor: "A", code: "1", value: 90 },
      { vendor: "B", code: "1", value: 70 },
      { vendor: "C", code: "1", value: 99 },
    ];
    const result = score(t, ratings);
    // C has no bid: not eligible. A: bid 100 → price 50; B: bid 50 → price 100. Overall at p = 0.3: A 78, B 79 → B leads.
    const award = evaluateAward(t, result, { bids: { A: 100, B: 50 }, settings: { price: { weight: 30, method: "lowest", lowBidThreshold: 20 } } });
    const r = analyseSensitivity(t, result, { award, priceWeight: 0.3, samples: 100 });
    expect(r.basis).toBe("award");
    expect(r.leader).toBe("B");
    // Tie: 90(1 − p) + 50p = 70(1 − p) + 100p → p = 20/70.
    expect(r.price).toMatchObject({ weight: 0.3, rival: "A", stableFrom: expect.closeTo(20 / 70, 12), stableTo: 1 });
    expect(r.price?.flipAt).toBeCloseTo(20 / 70, 12);
    expect(r.acceptability.vendors.find((v) => v.vendor === "C")?.firstShare).toBe(0);
  });
});
