import fc from "fast-check";
import { score, type MissingPolicy, type Rating } from "../../src/core/engine";
import type { IndicatorTree, Locale } from "../../src/core/model";
import { evaluateAward, type PriceSettings } from "../../src/core/award";
import { flipPoints, priceFlip, totalsWith, weightModelOf, withNodeWeight } from "../../src/core/sensitivity";
import { buildPlan, type RatingsGrid, type WorkbookPlan } from "../../src/plan";
import { cell, colLetter } from "../../src/plan/a1";
import { SENSITIVITY_LABELS } from "../../src/plan/sensitivitySheet";
import { leafCodes, treeArb } from "./arbitraries";
import { hfFromPlan } from "./hf";

const VENDORS = ["Acme", "Globex", "Initech", "Umbrella"];
const CREATED = "2026-01-01T00:00:00.000Z";

function plan(tree: IndicatorTree, ratings: RatingsGrid, missing: MissingPolicy, locale: Locale = "en-US", sensitivity = true): WorkbookPlan {
  return buildPlan({ tree, vendors: VENDORS, options: { missing, locale }, createdAt: CREATED, ratings, sensitivity });
}

/**
 * The case the sheet's straight lines are exact for: every vendor has a score on every member of
 * every group (all rated; under "zero" blanks count 0, so blanks are allowed there).
 */
const caseArb = treeArb.chain((tree) => {
  const codes = leafCodes(tree);
  return fc.constantFrom<MissingPolicy>("exclude", "zero").chain((missing) =>
    fc
      .array(missing === "zero" ? fc.option(fc.integer({ min: 0, max: 100_000 }), { freq: 6 }) : fc.integer({ min: 0, max: 100_000 }), { minLength: VENDORS.length * codes.length, maxLength: VENDORS.length * codes.length })
      .map((draws) => {
        const grid: RatingsGrid = {};
        const ratings: Rating[] = [];
        VENDORS.forEach((vendor, v) => codes.forEach((code, k) => {
          const x = draws[v * codes.length + k];
          if (x === null || x === undefined) return;
          (grid[vendor] ??= {})[code] = x / 1000;
          ratings.push({ vendor, code, value: x / 1000 });
        }));
        return { tree, missing, grid, ratings };
      }),
  );
});

describe("Sensitivity sheet", () => {
  test("only when asked: the default plan has no such sheet", () => {
    const tree = fc.sample(treeArb, { numRuns: 1, seed: 1 })[0];
    expect(plan(tree, {}, "exclude", "en-US", false).sheets.some((s) => s.key === "sensitivity")).toBe(false);
    const p = plan(tree, {}, "exclude");
    expect(p.sheets.filter((s) => s.key === "sensitivity").map((s) => s.name)).toEqual(["Sensitivity"]);
    expect(p.model.sensitivity).toBe(true);
    expect(plan(tree, {}, "exclude", "zh-CN").sheets.find((s) => s.key === "sensitivity")?.name).toBe("敏感性");
    // Method explains what the sheet computes, in both languages.
    const method = (pl: WorkbookPlan): string => JSON.stringify(pl.sheets.find((s) => s.key === "method")?.blocks);
    expect(method(p)).toContain(SENSITIVITY_LABELS["en-US"].methodHeading);
    expect(method(plan(tree, {}, "exclude", "zh-CN"))).toContain(SENSITIVITY_LABELS["zh-CN"].methodText[3]);
  });

  test("HyperFormula: weight, flip point, rival and stable interval equal the core's (1e-9) when every vendor has a score on every member", () => {
    let flips = 0;
    let none = 0;
    fc.assert(
      fc.property(caseArb, fc.constantFrom<Locale>("en-US", "zh-CN"), ({ tree, missing, grid, ratings }, locale) => {
        const p = plan(tree, grid, missing, locale);
        const L = SENSITIVITY_LABELS[locale];
        const lay = p.layout.sensitivity!;
        const book = hfFromPlan(p);
        const scored = score(tree, ratings, { missing, vendors: VENDORS });
        // The documented case: every vendor has a score on every node and a total (no group whose weights are all 0, the top level included).
        fc.pre(scored.vendors.every((v) => v.total !== null && Object.values(v.scores).every((x) => x !== null)));
        const core = flipPoints(weightModelOf(tree, scored));
        expect(book.get(lay.sheet, lay.leaderCell)).toBe(core.leader ?? "");
        fc.pre(core.leader !== null && core.tiedWith.length === 0);
        expect(lay.codes).toEqual(core.flips.map((f) => f.code));
        core.flips.forEach((f, k) => {
          const r = lay.firstRow + k;
          const get = (c: number): unknown => book.get(lay.sheet, cell(r, c));
          expect(Math.abs((get(lay.cols.weight) as number) - f.weight)).toBeLessThan(1e-9);
          expect(Math.abs((get(lay.cols.from) as number) - f.stableFrom)).toBeLessThan(1e-9);
          expect(Math.abs((get(lay.cols.to) as number) - f.stableTo)).toBeLessThan(1e-9);
          if (f.flipAt === null) {
            expect(get(lay.cols.flipAt)).toBe(L.noFlip);
            expect(get(lay.cols.rival)).toBe(L.noFlipText);
            none++;
          } else {
            expect(Math.abs((get(lay.cols.flipAt) as number) - f.flipAt)).toBeLessThan(1e-9);
            expect(get(lay.cols.rival)).toBe(f.rival);
            flips++;
          }
        });
      }),
      { numRuns: 80 },
    );
    expect(flips).toBeGreaterThan(10);
    expect(none).toBeGreaterThan(10);
  });

  test("HyperFormula: the weight chart's table equals the core's totals as the chosen dimension's weight goes 0, 10%, …, 100% (1e-9); the current weight marked", () => {
    let points = 0;
    fc.assert(
      fc.property(caseArb, fc.constantFrom<Locale>("en-US", "zh-CN"), ({ tree, missing, grid, ratings }, locale) => {
        fc.pre(tree.roots.length >= 2);
        const p = plan(tree, grid, missing, locale);
        const lay = p.layout.sensitivity!;
        const chart = lay.chart!;
        expect(chart.codes).toEqual(tree.roots.map((r) => r.code));
        const sheet = p.sheets.find((s) => s.key === "sensitivity")!;
        expect(sheet.validations.find((v) => v.range === chart.chooserCell)?.rule).toEqual({ kind: "list", values: chart.choices });
        const scored = score(tree, ratings, { missing, vendors: VENDORS });
        fc.pre(scored.vendors.every((v) => v.total !== null && Object.values(v.scores).every((x) => x !== null)));
        const m = weightModelOf(tree, scored);
        const book = hfFromPlan(p);
        chart.codes.forEach((code, d) => {
          book.set(lay.sheet, chart.chooserCell, chart.choices[d]);
          const node = m.tree.codes.indexOf(code);
          expect(Math.abs((book.get(lay.sheet, chart.currentCell) as number) - m.base[node])).toBeLessThan(1e-9);
          for (let i = 0; i < chart.points; i++) {
            const x = book.get(lay.sheet, cell(chart.firstRow + i, chart.xCol)) as number;
            expect(x).toBeCloseTo(i / (chart.points - 1), 12);
            const core = totalsWith(m, withNodeWeight(m, node, x));
            VENDORS.forEach((_, v) => {
              const at = `${colLetter(chart.xCol + 1 + v)}${chart.firstRow + i}`;
              // A vendor without a total (a group the engine cannot score) is #N/A: a gap in the chart.
              if (Number.isNaN(core[v])) expect(() => book.get(lay.sheet, at)).toThrow(/#N\/A/);
              else {
                expect(Math.abs((book.get(lay.sheet, at) as number) - core[v])).toBeLessThan(1e-9);
                points++;
              }
            });
          }
        });
      }),
      { numRuns: 40 },
    );
    expect(points).toBeGreaterThan(500);
  });

  test("HyperFormula: with a Price sheet, the price weight's row (weight, leader on overall, flip point, rival, stable interval) equals the core's priceFlip (1e-9), also after typing another weight", () => {
    // Bids: some missing (not eligible), both price methods, any weight 0–100 (fractional too).
    const priceArb = fc.record({
      weight: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })),
      method: fc.constantFrom<PriceSettings["method"]>("lowest", "linear"),
      lowBidThreshold: fc.constant(20),
    });
    const bidsArb = fc.array(fc.option(fc.integer({ min: 1, max: 100_000 }), { freq: 5 }), { minLength: VENDORS.length, maxLength: VENDORS.length });
    let flips = 0;
    let none = 0;
    fc.assert(
      fc.property(caseArb, priceArb, bidsArb, fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom<Locale>("en-US", "zh-CN"), ({ tree, missing, grid, ratings }, price, draws, typed, locale) => {
        const bids = Object.fromEntries(VENDORS.map((v, i) => [v, draws[i] === null ? null : draws[i]! / 100]));
        const p = buildPlan({ tree, vendors: VENDORS, options: { missing, locale }, createdAt: CREATED, ratings: grid, sensitivity: true, award: { settings: { price }, bids } });
        const L = SENSITIVITY_LABELS[locale];
        const lay = p.layout.sensitivity!;
        const at = lay.price!;
        expect(at.row).toBe(lay.firstRow + lay.codes.length);
        const book = hfFromPlan(p);
        const scored = score(tree, ratings, { missing, vendors: VENDORS });
        for (const weight of [price.weight, typed]) {
          if (weight !== price.weight) book.set(p.layout.award!.price!.sheet, p.layout.award!.price!.weight, weight);
          const award = evaluateAward(tree, scored, { settings: { price: { ...price, weight } }, bids });
          const core = priceFlip(award.vendors, weight / 100);
          const get = (c: number): unknown => book.get(lay.sheet, cell(at.row, c));
          expect(Math.abs((get(lay.cols.weight) as number) - weight / 100)).toBeLessThan(1e-12);
          expect(book.get(lay.sheet, at.leaderCell)).toBe(core.leader ?? "");
          // Preconditions: a leader, alone first on overall (ties at 9 decimals are the engine's to break).
          const overall = award.vendors.filter((v) => v.eligible && v.overall !== null).map((v) => Math.round(v.overall! * 1e9));
          fc.pre(core.leader !== null && overall.filter((o) => o === Math.max(...overall)).length === 1);
          expect(Math.abs((get(lay.cols.from) as number) - core.stableFrom)).toBeLessThan(1e-9);
          expect(Math.abs((get(lay.cols.to) as number) - core.stableTo)).toBeLessThan(1e-9);
          if (core.flipAt === null) {
            expect(get(lay.cols.flipAt)).toBe(L.noFlip);
            expect(get(lay.cols.rival)).toBe(L.priceNoFlipText);
            none++;
          } else {
            expect(Math.abs((get(lay.cols.flipAt) as number) - core.flipAt)).toBeLessThan(1e-9);
            expect(get(lay.cols.rival)).toBe(core.rival);
            flips++;
          }
        }
      }),
      { numRuns: 80 },
    );
    expect(flips).toBeGreaterThan(10);
    expect(none).toBeGreaterThan(10);
  });

  test("the price row and its Method text only with a Price sheet, in both languages", () => {
    const tree = fc.sample(treeArb, { numRuns: 1, seed: 3 })[0];
    for (const locale of ["en-US", "zh-CN"] as const) {
      const L = SENSITIVITY_LABELS[locale];
      const method = (pl: WorkbookPlan): string => JSON.stringify(pl.sheets.find((s) => s.key === "method")?.blocks);
      const without = plan(tree, {}, "exclude", locale);
      expect(without.layout.sensitivity?.price).toBeUndefined();
      expect(method(without)).not.toContain(L.priceMethod);
      const withPrice = buildPlan({ tree, vendors: VENDORS, options: { missing: "exclude", locale }, createdAt: CREATED, ratings: {}, sensitivity: true, award: { settings: { price: { weight: 30, method: "lowest", lowBidThreshold: 20 } } } });
      expect(method(withPrice)).toContain(L.priceMethod);
      const lay = withPrice.layout.sensitivity!;
      const book = hfFromPlan(withPrice);
      expect(book.get(lay.sheet, cell(lay.price!.row, 2))).toBe(L.priceName);
      // No bids: nobody is eligible, no leader, no flip.
      expect(book.get(lay.sheet, lay.price!.leaderCell)).toBe("");
      expect(book.get(lay.sheet, cell(lay.price!.row, lay.cols.rival))).toBe(L.priceNoFlipText);
      expect(book.get(lay.sheet, cell(lay.price!.row, lay.cols.weight))).toBeCloseTo(0.3, 12);
    }
  });
});
