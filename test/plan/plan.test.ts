import { defaultTree, leaves } from "../../src/core/model";
import {
  buildPlan, LABELS, MODEL_CHUNK, MODEL_SHEET_NAME, modelCells, needsTextGuard, parseRect, readStoredModel, rowRuns, splitBlock,
  type CellValue, type WorkbookPlan,
} from "../../src/plan";

const CREATED = "2026-11-25T21:30:00.000Z";
const build = (vendors = ["A", "B", "C"], locale: "zh-CN" | "en-US" = "en-US"): WorkbookPlan =>
  buildPlan({ tree: defaultTree(), vendors, options: { locale }, createdAt: CREATED });

describe("labels", () => {
  test("both locales define every key, non-empty", () => {
    const en = Object.keys(LABELS["en-US"]).sort();
    const zh = Object.keys(LABELS["zh-CN"]).sort();
    expect(zh).toEqual(en);
    for (const locale of ["en-US", "zh-CN"] as const) {
      for (const [key, value] of Object.entries(LABELS[locale])) expect(`${key}=${value.trim()}`).not.toBe(`${key}=`);
    }
  });

  test("sheet names follow the locale; the model sheet name is fixed", () => {
    const zh = build(["A"], "zh-CN").sheets.map((s) => s.name);
    expect(zh).toEqual(["评分", "权重", "结果", "图表", "方法说明", "计算", "授标计算", MODEL_SHEET_NAME]);
    expect(build(["A"]).sheets.map((s) => s.name)).toEqual(["Ratings", "Weights", "Results", "Charts", "Method", "Calc", "Award calc", MODEL_SHEET_NAME]);
  });
});

describe("plan structure (what an adapter relies on)", () => {
  const plan = build(["A", "B", "=C"]);

  test("blocks are rectangles of the declared size and never overlap", () => {
    for (const sheet of plan.sheets) {
      const seen = new Set<string>();
      for (const b of sheet.blocks) {
        const { r1, c1, r2, c2 } = parseRect(b.address);
        expect(b.cells).toHaveLength(r2 - r1 + 1);
        for (const row of b.cells) expect(row).toHaveLength(c2 - c1 + 1);
        for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) {
          const key = `${r},${c}`;
          expect(seen.has(key) ? `${sheet.name}!${key}` : "").toBe("");
          seen.add(key);
        }
      }
    }
  });

  test("formula blocks hold formulas (or numbers/blanks); value blocks never hold formulas by accident", () => {
    let formulas = 0;
    for (const sheet of plan.sheets) {
      for (const b of sheet.blocks) {
        for (const v of b.cells.flat()) {
          if (b.kind === "formulas" && typeof v === "string") {
            expect(v.startsWith("=")).toBe(true);
            formulas++;
          }
        }
      }
    }
    expect(formulas).toBeGreaterThan(500);
    const vendorHeader = plan.sheets[0].blocks.find((b) => b.cells.flat().includes("=C"));
    expect(vendorHeader?.kind).toBe("values");
    expect(needsTextGuard("=C")).toBe(true);
    expect(needsTextGuard("1.10")).toBe(true);
    expect(needsTextGuard("Acme")).toBe(false);
  });

  test("formulas avoid functions missing from HyperFormula/older Excel and whole-column references", () => {
    const all = plan.sheets.flatMap((s) => s.blocks.filter((b) => b.kind === "formulas").flatMap((b) => b.cells.flat())).filter((v): v is string => typeof v === "string");
    for (const f of all) {
      expect(f).not.toMatch(/\b(RANK|RANK\.EQ|LET|XLOOKUP|FILTER|AGGREGATE|AVERAGEIFS|TRIMMEAN|INDIRECT|OFFSET)\(/);
      expect(f).not.toMatch(/\$?[A-Z]+:\$?[A-Z]+\b(?!\d)/);
      expect(f.replace(/"[^"]*"/g, "")).not.toMatch(/;/);
    }
  });

  test("rating and weight inputs are the only unlocked cells; every sheet is protected without a password", () => {
    for (const sheet of plan.sheets) {
      expect(sheet.protection).toMatchObject({ protect: true, password: null });
      const unlocked = sheet.formats.filter((f) => f.locked === false);
      // Weights: the weights, and (issue #11) the minimums (column P) and the grade bands (R:S).
      if (sheet.key === "weights") expect(unlocked.map((f) => f.ranges[0])).toEqual([`C6:C${5 + plan.layout.ratings.rows.length}`, `P5:P${5 + plan.layout.ratings.rows.length}`, "R5:S8"]);
      // Ratings: the rating cells, and (issue #14) the notes grid's reasons on the same leaf rows.
      else if (sheet.key === "ratings") expect(unlocked.length).toBe(2);
      else expect(unlocked).toEqual([]);
    }
    const ratings = plan.sheets.find((s) => s.key === "ratings");
    const leafRows = plan.layout.ratings.rows.filter((r) => r.leaf).map((r) => r.row);
    const unlockedRows = (ratings?.formats.find((f) => f.locked === false)?.ranges ?? []).flatMap((r) => {
      const { r1, r2 } = parseRect(r);
      return Array.from({ length: r2 - r1 + 1 }, (_, i) => r1 + i);
    });
    expect(unlockedRows).toEqual(leafRows);
    const noteRows = (ratings?.formats.filter((f) => f.locked === false)[1]?.ranges ?? []).flatMap((r) => {
      const { r1, r2, c1, c2 } = parseRect(r);
      expect([c1, c2]).toEqual([plan.layout.ratings.notes?.firstCol, (plan.layout.ratings.notes?.firstCol ?? 0) + plan.layout.ratings.vendors.length - 1]);
      return Array.from({ length: r2 - r1 + 1 }, (_, i) => r1 + i);
    });
    expect(noteRows).toEqual(leafRows);
  });

  test("ratings: outline groups per dimension and sub-dimension, validation, frozen labels", () => {
    const ratings = plan.sheets.find((s) => s.key === "ratings");
    expect(ratings?.rowGroups.filter((g) => g.level === 1)).toHaveLength(5);
    expect(ratings?.rowGroups.filter((g) => g.level === 2)).toHaveLength(9);
    expect(ratings?.freeze).toEqual({ rows: 3, columns: 3 });
    expect(ratings?.validations[0].rule).toEqual({ kind: "custom", formula: '=OR(AND(ISNUMBER(D4),D4>=0,D4<=100),D4="N/A",D4="NA")' });
    expect(plan.layout.ratings.rows.filter((r) => r.leaf)).toHaveLength(leaves(defaultTree()).length);
  });

  test("results: dimensions first in tree order, then sub-dimensions; charts bound to them", () => {
    const nodes = plan.layout.results.columns.filter((c) => c.kind === "node").map((c) => (c.kind === "node" ? c.code : ""));
    expect(nodes.slice(0, 5)).toEqual(["1", "2", "3", "4", "5"]);
    expect(nodes).toHaveLength(5 + 20);
    const charts = plan.sheets.find((s) => s.key === "charts")?.charts ?? [];
    expect(charts.map((c) => c.kind)).toEqual(["radar", "bar", "radar", "radar", "radar"]);
    expect(charts[0].categories).toBe("'Results'!$H$4:$L$4");
    expect(charts[0].series.map((s) => s.values)).toEqual(["'Results'!$H$5:$L$5", "'Results'!$H$6:$L$6", "'Results'!$H$7:$L$7"]);
    expect(charts[0].axis).toEqual({ min: 0, max: 100 });
    expect(charts[1].series[0].values).toBe("'Results'!$B$5:$B$7");
  });

  test("method: both weight warnings of the default tree, the missing policy and the date, in words", () => {
    const method = plan.sheets.find((s) => s.key === "method");
    const text = (method?.blocks ?? []).flatMap((b) => b.cells.flat()).join("\n");
    expect(text).toContain("2026-11-25");
    expect(text).toMatch(/sum to 90%/);
    expect(text).toMatch(/sum to 110%/);
    expect(text).toContain(LABELS["en-US"].methodMissingExclude);
    const zero = buildPlan({ tree: defaultTree(), vendors: ["A"], options: { missing: "zero" }, createdAt: CREATED });
    const zeroText = (zero.sheets.find((s) => s.key === "method")?.blocks ?? []).flatMap((b) => b.cells.flat()).join("\n");
    expect(zeroText).toContain(LABELS["en-US"].methodMissingZero);
    expect(zero.sheets.find((s) => s.key === "calc")?.blocks[0].cells).toEqual([["missing=zero", 1]]);
  });

  test("rejects what a workbook cannot hold", () => {
    expect(() => build([])).toThrow(RangeError);
    expect(() => build(["A", "A"])).toThrow(/twice/);
    expect(() => build(["A", " "])).toThrow(/empty/);
  });
});

describe("stored model", () => {
  test("round-trips through the very hidden sheet, chunked below the cell limit", () => {
    const plan = build();
    const sheet = plan.sheets.find((s) => s.key === "model");
    expect(sheet?.visibility).toBe("veryHidden");
    expect(readStoredModel((sheet?.blocks[0].cells ?? []).map((r) => r[0]))).toEqual(plan.model);
    expect(plan.model).toMatchObject({ kind: "vendor-scorecard", schemaVersion: 1, vendors: ["A", "B", "C"], options: { missing: "exclude", locale: "en-US" } });
  });

  test("a large model spans several chunks of at most 30,000 characters", () => {
    const tree = defaultTree();
    tree.roots[0].description = { "zh-CN": "说".repeat(40000), "en-US": "x".repeat(40000) };
    const plan = buildPlan({ tree, vendors: ["A"], createdAt: CREATED });
    const cells = modelCells(plan.model);
    expect(cells[2][0]).toBeGreaterThanOrEqual(3);
    for (const [c] of cells.slice(3)) expect(String(c).length).toBeLessThanOrEqual(MODEL_CHUNK);
    expect(readStoredModel(cells.map((r) => r[0]))).toEqual(plan.model);
    expect(readStoredModel(["something else"] as CellValue[])).toBeNull();
  });
});

describe("adapter helpers", () => {
  test("splitBlock cuts a block into row bands under a cell budget, covering it exactly", () => {
    const plan = buildPlan({ tree: defaultTree(), vendors: Array.from({ length: 20 }, (_, i) => `V${i}`), createdAt: CREATED });
    const calc = plan.sheets.find((s) => s.key === "calc");
    const body = calc?.blocks.at(-1) as WorkbookPlan["sheets"][number]["blocks"][number];
    const parts = splitBlock(body, 500);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.cells.length * p.cells[0].length).toBeLessThanOrEqual(500);
    expect(parts.flatMap((p) => p.cells)).toEqual(body.cells);
    expect(parseRect(parts[0].address).r1).toBe(parseRect(body.address).r1);
    expect(parseRect(parts.at(-1)?.address ?? "").r2).toBe(parseRect(body.address).r2);
  });

  test("rowRuns merges consecutive rows", () => {
    expect(rowRuns([5, 6, 7, 9, 11, 12], 2)).toEqual(["B5:B7", "B9", "B11:B12"]);
    expect(rowRuns([3], 1, 8)).toEqual(["A3:H3"]);
  });
});
