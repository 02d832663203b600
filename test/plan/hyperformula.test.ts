import fc from "fast-check";
import { defaultTree, effectiveWeights, siblingGroups, validateTree, type IndicatorNode, type IndicatorTree } from "../../src/core/model";
import type { MissingPolicy } from "../../src/core/engine";
import { buildPlan, type RatingsGrid, type WorkbookPlan } from "../../src/plan";
import { cell } from "../../src/plan/a1";
import { WEIGHTS } from "../../src/plan/context";
import { allCodes, gridFrom, leafCodes, ratingArb, treeArb } from "./arbitraries";
import { compareResults } from "./compare";
import { hfFromPlan, type HfBook } from "./hf";

const CREATED = "2026-11-25T21:30:00.000Z";

function plan(tree: IndicatorTree, vendors: string[], missing: MissingPolicy = "exclude", ratings?: RatingsGrid): WorkbookPlan {
  return buildPlan({ tree, vendors, options: { missing, locale: "en-US" }, createdAt: CREATED, ratings });
}

/** Types ratings into the Ratings cells, as a user would. */
function enterRatings(book: HfBook, p: WorkbookPlan, grid: RatingsGrid): void {
  const sheet = p.layout.sheetNames.ratings as string;
  const { rows, firstCol, vendors } = p.layout.ratings;
  book.batch(() => {
    vendors.forEach((vendor, v) => {
      for (const r of rows) {
        if (!r.leaf) continue;
        const x = grid[vendor]?.[r.code];
        book.set(sheet, cell(r.row, firstCol + v), x === undefined ? null : x === "NA" ? "N/A" : x);
      }
    });
  });
}

function setWeight(book: HfBook, p: WorkbookPlan, code: string, weight: number | null): void {
  const row = p.layout.weights.rows.find((r) => r.code === code)?.row as number;
  book.set(p.layout.sheetNames.weights as string, `${p.layout.weights.weightColumn}${row}`, weight);
}

function withWeights(tree: IndicatorTree, weights: Map<string, number | null>): IndicatorTree {
  const copy = structuredClone(tree);
  const rec = (ns: IndicatorNode[]): void => ns.forEach((n) => (weights.has(n.code) && (n.weight = weights.get(n.code) as number | null), rec(n.children)));
  rec(copy.roots);
  return copy;
}

describe("plan evaluated by HyperFormula equals score()", () => {
  test("default tree: the reference example (670/9) and a pre-filled plan", () => {
    const tree = defaultTree();
    const dimScore: Record<string, number> = { "1": 80, "2": 70, "3": 90, "4": 60, "5": 50 };
    const grid: RatingsGrid = { A: {}, B: {} };
    for (const code of leafCodes(tree)) {
      grid.A[code] = dimScore[code.split(".")[0]];
      if (!code.startsWith("3")) grid.B[code] = 75;
    }
    grid.B["2.1.1"] = "NA";
    const p = plan(tree, ["A", "B", "C"], "exclude", grid);
    const book = hfFromPlan(p);
    expect(book.get("Results", "B5")).toBeCloseTo(670 / 9, 12);
    expect(compareResults(p, tree, grid, "exclude", book.get)).toEqual([]);
    expect(book.get("Results", "B7")).toBe("");
    expect(book.get("Results", "C7")).toBe("");
  });

  test("default tree: Weights sums, warnings and normalised weights", () => {
    const tree = defaultTree();
    const p = plan(tree, ["A"]);
    const book = hfFromPlan(p);
    const W = "Weights";
    expect(book.get(W, cell(WEIGHTS.rootRow, WEIGHTS.childSum))).toBe(90);
    expect(book.get(W, cell(WEIGHTS.summaryRow, WEIGHTS.weight))).toBe(2);
    const serviceRow = p.layout.weights.rows.find((r) => r.code === "3")?.row as number;
    expect(book.get(W, cell(serviceRow, WEIGHTS.childSum))).toBe(110);
    expect(String(book.get(W, cell(serviceRow, WEIGHTS.check)))).toMatch(/not 100%/);
    for (const g of siblingGroups(tree)) {
      const eff = effectiveWeights(g.nodes);
      const sum = eff.reduce((a, b) => a + b, 0);
      g.nodes.forEach((n, i) => {
        const row = p.layout.weights.rows.find((r) => r.code === n.code)?.row as number;
        expect(book.get(W, cell(row, WEIGHTS.normalised))).toBeCloseTo(eff[i] / sum, 12);
      });
    }
    // Rescaling the top level in the workbook clears its warning.
    book.batch(() => ["1", "2", "3", "4", "5"].forEach((c, i) => setWeight(book, p, c, [30, 20, 20, 20, 10][i])));
    expect(book.get(W, cell(WEIGHTS.summaryRow, WEIGHTS.weight))).toBe(1);
  });

  test("ties share a rank; a vendor with nothing rated has no total and no rank", () => {
    const tree = defaultTree();
    const grid: RatingsGrid = { A: {}, B: {}, C: {}, D: {} };
    for (const code of leafCodes(tree)) {
      grid.A[code] = 80;
      grid.B[code] = 80;
      grid.C[code] = 90;
    }
    grid.B["1.1"] = "NA";
    const p = plan(tree, ["A", "B", "C", "D"], "exclude", grid);
    const book = hfFromPlan(p);
    expect([5, 6, 7, 8].map((r) => book.get("Results", `C${r}`))).toEqual([2, 2, 1, ""]);
    expect(compareResults(p, tree, grid, "exclude", book.get)).toEqual([]);
  });

  test("default tree, 25 vendors, random ratings, both missing policies", () => {
    const tree = defaultTree();
    const codes = leafCodes(tree);
    const vendors = Array.from({ length: 25 }, (_, i) => `Vendor ${i + 1}`);
    fc.assert(
      fc.property(fc.array(ratingArb, { minLength: 50, maxLength: 300 }), fc.constantFrom<MissingPolicy>("exclude", "zero"), (draws, missing) => {
        const grid = gridFrom(vendors, codes, draws);
        const p = plan(tree, vendors, missing);
        const book = hfFromPlan(p);
        enterRatings(book, p, grid);
        expect(compareResults(p, tree, grid, missing, book.get)).toEqual([]);
      }),
      { numRuns: 6 },
    );
  });

  test("random trees of depth 1–3, weights edited in the workbook, 1–6 vendors", () => {
    fc.assert(
      fc.property(
        treeArb,
        fc.integer({ min: 1, max: 6 }),
        fc.array(ratingArb, { minLength: 1, maxLength: 80 }),
        fc.constantFrom<MissingPolicy>("exclude", "zero"),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 80 }), fc.constant(null)), { maxLength: 6 }),
        (tree, nVendors, draws, missing, edits) => {
          const vendors = Array.from({ length: nVendors }, (_, i) => `V${i + 1}`);
          const grid = gridFrom(vendors, leafCodes(tree), draws);
          const p = plan(tree, vendors, missing);
          const book = hfFromPlan(p);
          enterRatings(book, p, grid);
          const codes = allCodes(tree);
          const changed = new Map<string, number | null>();
          edits.forEach((w, i) => changed.set(codes[(i * 7) % codes.length], w));
          book.batch(() => changed.forEach((w, code) => setWeight(book, p, code, w)));
          const edited = withWeights(tree, changed);
          expect(compareResults(p, edited, grid, missing, book.get)).toEqual([]);
          const warnings = validateTree(edited).filter((f) => f.code === "weights-not-100").length;
          expect(book.get("Weights", cell(WEIGHTS.summaryRow, WEIGHTS.weight))).toBe(warnings);
        },
      ),
      { numRuns: 60 },
    );
  });
});
