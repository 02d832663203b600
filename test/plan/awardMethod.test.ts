/**
 * The Method sheet's award section is live (issue #11): minimums, price weight, method, low-bid
 * threshold and grade bands are formulas over the input cells (Weights' Minimum column and band
 * table, the Price sheet), so Method states what the workbook computes with after any edit.
 * HyperFormula, both locales; LibreOffice in test/xlsx/awardLibreoffice.test.ts.
 */
import fc from "fast-check";
import { DEFAULT_BANDS, type GradeBand, type PriceSettings } from "../../src/core/award";
import { allNodes, defaultTree, type IndicatorNode, type IndicatorTree } from "../../src/core/model";
import type { Locale } from "../../src/core/model/types";
import { buildPlan, type WorkbookPlan } from "../../src/plan";
import { awardLabelsFor } from "../../src/plan/awardLabels";
import { AWARD_W } from "../../src/plan/awardSheet";
import { allCodes, treeArb } from "./arbitraries";
import { expectedMethodLines, methodLines } from "./awardMethodExpect";
import { hfFromPlan } from "./hf";

const CREATED = "2026-11-25T21:30:00.000Z";
const VENDORS = ["A", "B", "C"];
const LOCALES: Locale[] = ["en-US", "zh-CN"];

function plan(tree: IndicatorTree, price: PriceSettings | undefined, locale: Locale): WorkbookPlan {
  return buildPlan({ tree, vendors: VENDORS, options: { missing: "exclude", locale }, createdAt: CREATED, award: { settings: price ? { price } : undefined, bids: {} } });
}

const minimumArb = fc.option(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 400 }).map((x) => x / 4), fc.constant(100 / 3)), { nil: null, freq: 2 });

describe("Method states the award rules the workbook computes with (HyperFormula)", () => {
  test("as built: random trees, minimums (fractions too), price or none, both locales", () => {
    fc.assert(
      fc.property(
        treeArb.chain((tree) => fc.record({ tree: fc.constant(tree), mins: fc.array(minimumArb, { minLength: allCodes(tree).length, maxLength: allCodes(tree).length }), total: minimumArb })),
        fc.option(fc.record({ weight: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(12.5, 100 / 3)), method: fc.constantFrom<"lowest" | "linear">("lowest", "linear"), lowBidThreshold: fc.integer({ min: 0, max: 50 }) }), { nil: undefined }),
        fc.constantFrom(...LOCALES),
        ({ tree, mins, total }, price, locale) => {
          const t = structuredClone(tree);
          allNodes(t).forEach(({ node }, i) => (node.minimum = mins[i]));
          t.minimum = total;
          const p = plan(t, price, locale);
          const shown = methodLines(p, hfFromPlan(p).get);
          expect(shown.lines).toEqual(expectedMethodLines(t, price, locale));
          // The row is sized for the list as built: no print note.
          expect(shown.note).toBe("");
        },
      ),
      { numRuns: 40 },
    );
  });

  test.each(LOCALES)("%s: minimums typed on Weights, price settings typed on Price and bands typed on Weights show on Method", (locale) => {
    const A = awardLabelsFor(locale);
    const tree = defaultTree();
    const price: PriceSettings = { weight: 30, method: "lowest", lowBidThreshold: 20 };
    const p = plan(tree, price, locale);
    const book = hfFromPlan(p);
    const weights = p.layout.sheetNames.weights as string;
    const row = (code: string): number => p.layout.weights.rows.find((r) => r.code === code)?.row as number;
    const P = p.layout.award?.price;
    if (!P) throw new Error("no Price sheet");
    expect(methodLines(p, book.get).lines).toEqual(expectedMethodLines(tree, price, locale));
    expect(methodLines(p, book.get).lines[1]).toBe(A.methodMinimumsNone);

    book.batch(() => {
      book.set(weights, `P${row("")}`, 72.5);
      book.set(weights, `P${row("4.1")}`, 60);
      book.set(weights, `P${row("1")}`, 100 / 3);
      book.set(P.sheet, P.weight, 8);
      book.set(P.sheet, P.method, P.methods.linear);
      book.set(P.sheet, P.threshold, 15.5);
      book.set(weights, `R${AWARD_W.bandsFirstRow + 1}`, 72);
      book.set(weights, `S${AWARD_W.bandsFirstRow + 1}`, "Good+");
    });
    const edited = structuredClone(tree);
    edited.minimum = 72.5;
    const at = (code: string): IndicatorNode => allNodes(edited).find((n) => n.node.code === code)?.node as IndicatorNode;
    at("4.1").minimum = 60;
    at("1").minimum = 100 / 3;
    const bands: GradeBand[] = DEFAULT_BANDS.map((b, i) => (i === 1 ? { min: 72, label: { "zh-CN": "Good+", "en-US": "Good+" } } : b));
    const s2: PriceSettings = { weight: 8, method: "linear", lowBidThreshold: 15.5 };
    const lines = methodLines(p, book.get).lines;
    expect(lines).toEqual(expectedMethodLines(edited, s2, locale, bands));
    // The total's minimum first, then the nodes in tree order; a third shows with 6 decimals.
    expect(lines[1]).toContain(`${A.total} ≥ 72.5; 1 ${at("1").name[locale]} ≥ 33.333333; 4.1 ${at("4.1").name[locale]} ≥ 60`);
    expect(lines).toContain(A.guidanceServices);
    // A name changed on Weights (as applyWeights rewrites it) shows too.
    book.set(weights, `B${row("4.1")}`, "Renamed 4.1");
    expect(methodLines(p, book.get).lines[1]).toContain("; 4.1 Renamed 4.1 ≥ 60");
    book.set(weights, `B${row("4.1")}`, at("4.1").name[locale]);
    expect(lines).toContain(A.methodPriceLinear);

    // Cleared again: none; a weight of 45 needs no guidance; back to the lowest method.
    book.batch(() => {
      for (const code of ["", "4.1", "1"]) book.set(weights, `P${row(code)}`, null);
      book.set(P.sheet, P.weight, 45);
      book.set(P.sheet, P.method, P.methods.lowest);
    });
    expect(methodLines(p, book.get).lines).toEqual(expectedMethodLines(tree, { weight: 45, method: "lowest", lowBidThreshold: 15.5 }, locale, bands));
  });

  test.each(LOCALES)("%s: a note beside the minimums when the list outgrows its row, none otherwise", (locale) => {
    const A = awardLabelsFor(locale);
    const tree = defaultTree();
    const p = plan(tree, undefined, locale);
    const book = hfFromPlan(p);
    const weights = p.layout.sheetNames.weights as string;
    expect(methodLines(p, book.get).note).toBe("");
    book.set(weights, `P${p.layout.weights.rows.find((r) => r.code === "2")?.row}`, 50);
    expect(methodLines(p, book.get).note).toBe("");
    book.batch(() => p.layout.weights.rows.forEach((r) => book.set(weights, `P${r.row}`, 50)));
    expect(methodLines(p, book.get).note).toBe(A.methodMinimumsOverflow);
    const every = structuredClone(tree);
    every.minimum = 50;
    allNodes(every).forEach(({ node }) => (node.minimum = 50));
    expect(methodLines(p, book.get).lines).toEqual(expectedMethodLines(every, undefined, locale));
  });

  test("a tree of 400 nodes, every one with a minimum: each formula on Method and Award calc stays short, the list whole", () => {
    const roots: IndicatorNode[] = Array.from({ length: 20 }, (_, i) => ({
      code: `${i + 1}`, name: { "zh-CN": `维度${i + 1}`, "en-US": `Dimension number ${i + 1} with a long descriptive name` }, weight: 5, required: false, minimum: 40,
      children: Array.from({ length: 19 }, (_, j) => ({ code: `${i + 1}.${j + 1}`, name: { "zh-CN": `指标${i + 1}.${j + 1}`, "en-US": `Indicator ${i + 1}.${j + 1} with a long descriptive name` }, weight: 5, required: false, minimum: 30 + (j % 7) / 2, children: [] })),
    }));
    const tree: IndicatorTree = { id: "big", title: { "zh-CN": "大", "en-US": "Big" }, roots, minimum: 55 };
    const p = plan(tree, { weight: 30, method: "lowest", lowBidThreshold: 20 }, "en-US");
    const formulas = p.sheets
      .filter((s) => s.key === "method" || s.key === "award")
      .flatMap((s) => s.blocks.filter((b) => b.kind === "formulas").flatMap((b) => b.cells.flat()))
      .filter((f): f is string => typeof f === "string");
    expect(formulas.length).toBeGreaterThan(400);
    expect(Math.max(...formulas.map((f) => f.length))).toBeLessThan(8192);
    expect(formulas.some((f) => /TEXTJOIN/i.test(f))).toBe(false);
    const { lines } = methodLines(p, hfFromPlan(p).get);
    expect(lines).toEqual(expectedMethodLines(tree, { weight: 30, method: "lowest", lowBidThreshold: 20 }, "en-US"));
    expect(String(lines[1]).length).toBeLessThan(32767);
  });
});
