import fc from "fast-check";
import { kendallW, type Aggregation, type MissingPolicy } from "../../src/core/engine";
import { defaultTree } from "../../src/core/model";
import { buildPlan, freezeResults, LABELS, MODEL_SHEET_NAME, parseRect, type WorkbookPlan } from "../../src/plan";
import { cell } from "../../src/plan/a1";
import { raterSheetNames } from "../../src/plan/raterNames";
import { treeArb } from "./arbitraries";
import { compareScores } from "./compare";
import { hfFromPlan } from "./hf";
import { compareAgreement, comparePanelCells, comparePanelResults, engineRatings, engineW, enterPanel, panelArb } from "./panelHelpers";

const CREATED = "2026-11-25T21:30:00.000Z";

describe("panel plan structure", () => {
  const plan = buildPlan({ tree: defaultTree(), vendors: ["A", "B"], raters: ["Alice", "Bob", "Carol"], createdAt: CREATED });

  test("one sheet per rater, then Consolidated and Moderation; the model stores raters and the aggregation", () => {
    expect(plan.sheets.map((s) => s.name)).toEqual([
      "Ratings - Alice", "Ratings - Bob", "Ratings - Carol", "Consolidated", "Moderation", "Weights", "Results", "Charts", "Method", "Calc", "Award calc", MODEL_SHEET_NAME,
    ]);
    expect(plan.sheets.filter((s) => s.key === "ratings").map((s) => s.rater)).toEqual(["Alice", "Bob", "Carol"]);
    expect(plan.model.raters).toEqual(["Alice", "Bob", "Carol"]);
    expect(plan.model.options.aggregate).toBe("mean");
    expect(plan.layout.sheetNames.ratings).toBe("Ratings - Alice");
    expect(plan.names.map((n) => n.name)).toEqual(expect.arrayContaining(["SC_SpreadThreshold", "SC_KendallW"]));
    expect(plan.names.find((n) => n.name === "SC_Ratings")?.ref.startsWith("'Consolidated'!")).toBe(true);
    expect(plan.layout.panel?.moderation.rows).toHaveLength(2 * 49);
  });

  test("zh-CN names; a single rater (or none) is the single-rater workbook", () => {
    const zh = buildPlan({ tree: defaultTree(), vendors: ["A"], raters: ["张三", "李四"], options: { locale: "zh-CN" }, createdAt: CREATED });
    expect(zh.sheets.slice(0, 4).map((s) => s.name)).toEqual(["评分-张三", "评分-李四", "汇总评分", "评审合议"]);
    const none = buildPlan({ tree: defaultTree(), vendors: ["A"], createdAt: CREATED });
    const one = buildPlan({ tree: defaultTree(), vendors: ["A"], raters: ["Alice"], createdAt: CREATED });
    expect(one.sheets.map((s) => s.name)).toEqual(none.sheets.map((s) => s.name));
    expect(one.layout.panel).toBeUndefined();
    expect(one.sheets[0].rater).toBe("Alice");
    expect(none.model.raters).toBeUndefined();
    expect(none.model.options.aggregate).toBeUndefined();
  });

  test("rater sheet names: invalid characters removed, ≤ 31 chars, unique, never a reserved name", () => {
    const names = raterSheetNames(["a/b:c", "x".repeat(40), "x".repeat(40), "'quoted'", "[]"], "Ratings - ", ["Weights"]);
    expect(names[0]).toBe("Ratings - abc");
    expect(names.every((n) => n.length <= 31 && !/[[\]:*?/\\]/.test(n))).toBe(true);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names[3]).toBe("Ratings - 'quoted");
    expect(names[4]).toBe("Ratings - 5");
    expect(() => buildPlan({ tree: defaultTree(), vendors: ["A"], raters: ["Bob", " bob "] })).toThrow(RangeError);
    expect(() => buildPlan({ tree: defaultTree(), vendors: ["A"], raters: ["Bob", ""] })).toThrow(RangeError);
  });

  test("formulas stay under Excel's 8,192 characters with 30 raters; blocks never overlap", () => {
    const raters = Array.from({ length: 30 }, (_, k) => `Rater number ${k + 1}`);
    const big: WorkbookPlan = buildPlan({ tree: defaultTree(), vendors: Array.from({ length: 20 }, (_, v) => `Vendor ${v + 1}`), raters, options: { aggregate: "trimmed" }, createdAt: CREATED });
    let longest = 0;
    const overlaps: string[] = [];
    for (const sheet of big.sheets) {
      const seen = new Set<number>();
      for (const b of sheet.blocks) {
        if (b.kind === "formulas") for (const v of b.cells.flat()) if (typeof v === "string") longest = Math.max(longest, v.length);
        const { r1, c1, r2, c2 } = parseRect(b.address);
        for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) {
          const key = r * 20000 + c;
          if (seen.has(key)) overlaps.push(`${sheet.name}!${cell(r, c)}`);
          seen.add(key);
        }
      }
    }
    expect(overlaps).toEqual([]);
    expect(longest).toBeLessThan(8192);
  });

  test("labels: the panel keys exist in both locales", () => {
    expect(Object.keys(LABELS["zh-CN"]).sort()).toEqual(Object.keys(LABELS["en-US"]).sort());
  });
});

describe("kendallW", () => {
  test("perfect agreement 1, perfect reversal of two raters 0, ties by average ranks with the correction", () => {
    expect(kendallW([[1, 2, 3], [1, 2, 3], [1, 2, 3]]).w).toBeCloseTo(1, 12);
    expect(kendallW([[1, 2, 3], [3, 2, 1]]).w).toBeCloseTo(0, 12);
    // Ranks (1,2.5,2.5) and (1,2,3): R = (2, 4.5, 5.5), S = 6.5, ΣT = 6, W = 78 / (4·24 − 2·6) = 78/84.
    expect(kendallW([[1, 2, 2], [1, 2, 3]]).w).toBeCloseTo(78 / 84, 12);
    expect(kendallW([[5, 5], [5, 5]]).w).toBeNull();
    expect(kendallW([[1, 2]])).toEqual({ w: null, raters: 1, items: 2 });
  });

  test("invariant under reversing every rater; between 0 and 1", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }).chain((n) => fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }), { minLength: 2, maxLength: 6 })), (rs) => {
        const a = kendallW(rs).w;
        const b = kendallW(rs.map((r) => r.map((x) => -x))).w;
        if (a === null) return b === null;
        return b !== null && Math.abs(a - b) < 1e-12 && a >= -1e-12 && a <= 1 + 1e-12;
      }),
    );
  });
});

describe("panel plan evaluated by HyperFormula equals score()", () => {
  const cases: [Aggregation, MissingPolicy][] = [["mean", "exclude"], ["median", "exclude"], ["mean", "zero"], ["median", "zero"]];
  test.each(cases)("random panels, %s, missing %s: consolidation, spread, moderation, final scores, Kendall's W", (aggregate, missing) => {
    let numericW = 0;
    fc.assert(
      fc.property(treeArb.chain((tree) => panelArb(tree).map((panel) => ({ tree, panel }))), ({ tree, panel }) => {
        const plan = buildPlan({ tree, vendors: panel.vendors, raters: panel.raters, options: { missing, aggregate, locale: "en-US" }, createdAt: CREATED });
        const book = hfFromPlan(plan);
        book.batch(() => enterPanel(plan, panel, book.set));
        const problems = [
          ...compareScores(plan, tree, engineRatings(panel), { missing, aggregate }, book.get),
          ...comparePanelCells(plan, tree, panel, aggregate, 20, book.get),
          ...comparePanelResults(plan, tree, panel, book.get),
        ];
        problems.push(...compareAgreement(plan, tree, panel, missing, book.get));
        if (engineW(tree, panel, missing).w !== null) numericW++;
        expect(problems).toEqual([]);
      }),
      { numRuns: 25 },
    );
    expect(numericW).toBeGreaterThan(0);
  }, 120000);

  test("the threshold is editable: lowering it flags more cells", () => {
    const plan = buildPlan({ tree: defaultTree(), vendors: ["A"], raters: ["R1", "R2"], createdAt: CREATED });
    const book = hfFromPlan(plan);
    const p = plan.layout.panel;
    if (!p) throw new Error("panel expected");
    const row = plan.layout.ratings.rows.find((r) => r.leaf)?.row as number;
    book.set(p.raters[0].sheet, cell(row, 4), 50);
    book.set(p.raters[1].sheet, cell(row, 4), 60);
    const mod = p.moderation.rows[0].row;
    expect(book.get(p.moderation.sheet, cell(mod, p.moderation.columns.flag))).toBe("");
    book.set(p.consolidated.sheet, p.consolidated.threshold, 5);
    expect(book.get(p.moderation.sheet, cell(mod, p.moderation.columns.flag))).toBe("moderate");
    expect(book.get(p.consolidated.sheet, cell(row, p.consolidated.finalCol))).toBe(55);
    // A consensus replaces the aggregate; the raters' sheets keep their ratings.
    book.set(p.moderation.sheet, cell(mod, p.moderation.columns.consensus), 58);
    expect(book.get(p.consolidated.sheet, cell(row, p.consolidated.finalCol))).toBe(58);
    expect(book.get(p.raters[0].sheet, cell(row, 4))).toBe(50);
    expect(book.get("Results", cell(5, plan.layout.results.columns.findIndex((c) => c.kind === "consensusWithoutReason") + 1))).toBe(1);
  });
});

describe("a single named rater", () => {
  test("is the single-rater workbook, with the rater on the Ratings sheet and in the model only", () => {
    const tree = defaultTree();
    const none = buildPlan({ tree, vendors: ["A", "B"], createdAt: CREATED, ratings: { A: { "1.1": 5 } } });
    const one = buildPlan({ tree, vendors: ["A", "B"], raters: ["Alice"], createdAt: CREATED, raterRatings: { Alice: { A: { "1.1": 5 } } } });
    const { rater, ...sheet } = one.sheets[0];
    expect(rater).toBe("Alice");
    expect(sheet).toEqual(none.sheets[0]);
    expect(one.sheets.slice(1, -1)).toEqual(none.sheets.slice(1, -1));
    expect({ ...one.model, raters: undefined }).toEqual({ ...none.model, raters: undefined });
  });
});

describe("rater names that need quoting", () => {
  test("apostrophes and brackets: formulas still reach every rater's sheet", () => {
    const plan = buildPlan({ tree: defaultTree(), vendors: ["A"], raters: ["O'Brien", "Zoë [lead]"], createdAt: CREATED });
    const p = plan.layout.panel;
    if (!p) throw new Error("panel expected");
    expect(p.raters.map((r) => r.sheet)).toEqual(["Ratings - O'Brien", "Ratings - Zoë lead"]);
    const book = hfFromPlan(plan);
    const row = plan.layout.ratings.rows.find((r) => r.leaf)?.row as number;
    book.set(p.raters[0].sheet, cell(row, 4), 40);
    book.set(p.raters[1].sheet, cell(row, 4), 80);
    expect(book.get(p.consolidated.sheet, cell(row, p.consolidated.finalCol))).toBe(60);
    expect(book.get(p.consolidated.sheet, cell(row, p.consolidated.rangeCol))).toBe(40);
    expect(book.get(p.moderation.sheet, cell(p.moderation.rows[0].row, p.moderation.columns.flag))).toBe("moderate");
  });
});

describe("freezing a panel's Results", () => {
  test("the panel columns keep their count and percent formats", () => {
    const plan = buildPlan({ tree: defaultTree(), vendors: ["A", "B"], raters: ["R1", "R2"], createdAt: CREATED });
    const { results } = plan.layout;
    const { c2 } = parseRect(results.range);
    const values = Array.from({ length: results.firstRow + 1 }, () => Array.from({ length: c2 }, () => 1));
    const frozen = freezeResults({ values, results, locale: "en-US", date: "2026-11-25", existingSheetNames: [] });
    const col = (kind: string): string => cell(results.firstRow, results.columns.findIndex((c) => c.kind === kind) + 1);
    const formatAt = (a1: string): string | undefined => frozen.formats.find((f) => f.ranges.some((r) => r.startsWith(a1)))?.numberFormat;
    expect(formatAt(col("raters"))).toBe("0");
    expect(formatAt(col("consensusWithoutReason"))).toBe("0");
    expect(formatAt(col("raterCompleteness"))).toBe("0.0%");
  });
});
