import { cellFormula, cellKey, importEdits, ratingBlocks } from "../../src/plan/importWrite";
import type { CellValue, RatingsLayout } from "../../src/plan/types";

const LAYOUT: RatingsLayout = {
  firstRow: 4,
  firstCol: 4,
  headerRow: 3,
  rows: [
    { code: "1", row: 4, leaf: false },
    { code: "1.1", row: 5, leaf: true },
    { code: "1.2", row: 6, leaf: true },
  ],
  vendors: ["A", "B"],
  range: "D4:E6",
};

describe("formulas in an import's edits", () => {
  test("cellFormula: a formula is a text starting with = that differs from the value", () => {
    expect(cellFormula(85, "=40+45")).toBe("=40+45");
    expect(cellFormula(null, '=IF(A1="","",A1)')).toBe('=IF(A1="","",A1)');
    expect(cellFormula("#REF!", "=Sheet2!B4")).toBe("=Sheet2!B4");
    // constants: formulas reads the constant itself
    expect(cellFormula(85, 85)).toBeUndefined();
    expect(cellFormula("note", "note")).toBeUndefined();
    expect(cellFormula(null, null)).toBeUndefined();
    // a text "=x" (apostrophe or text format) reads "=x" in both: text, not a formula
    expect(cellFormula("=x", "=x")).toBeUndefined();
    expect(cellFormula("=x", "'=x")).toBeUndefined();
    expect(cellFormula(5, undefined)).toBeUndefined();
  });

  test("importEdits: conflicts on values; an edit of a formula cell carries the formula (a blank-looking one too)", () => {
    const cells = new Map<string, CellValue>([
      [cellKey("A", "1.1"), 85],
      [cellKey("B", "1.1"), 50],
      [cellKey("A", "1.2"), 70],
    ]);
    const formulas = new Map([
      [cellKey("A", "1.1"), "=40+45"],
      [cellKey("A", "1.2"), "=Sheet2!B4"],
      [cellKey("B", "1.2"), '=IF(Z1="","",Z1)'],
    ]);
    const incoming = [
      { vendor: "A", code: "1.1", value: 90 },
      { vendor: "B", code: "1.1", value: 60 },
      { vendor: "A", code: "1.2", value: 70 },
      { vendor: "B", code: "1.2", value: "NA" as const },
    ];
    expect(importEdits(cells, incoming, "overwrite", formulas)).toEqual({
      edits: [
        { vendor: "A", code: "1.1", oldValue: 85, oldFormula: "=40+45", newValue: 90, action: "overwritten" },
        { vendor: "B", code: "1.1", oldValue: 50, newValue: 60, action: "overwritten" },
        { vendor: "B", code: "1.2", oldValue: null, oldFormula: '=IF(Z1="","",Z1)', newValue: "NA", action: "added" },
      ],
      kept: 0,
      unchanged: 1,
      skipped: 0,
    });
    // keep-existing keeps the formula cell that shows another value
    expect(importEdits(cells, incoming, "keep-existing", formulas)).toMatchObject({ kept: 2, unchanged: 1 });
    // without formulas, as before
    expect(importEdits(cells, incoming, "overwrite").edits.some((e) => e.oldFormula !== undefined)).toBe(false);
  });

  test("ratingBlocks: a formulas block for formula writes, values by default", () => {
    const writes = [
      { vendor: "A", code: "1.1", value: "=40+45" },
      { vendor: "A", code: "1.2", value: "=Sheet2!B4" },
    ];
    expect(ratingBlocks(LAYOUT, writes, "formulas").blocks).toEqual([{ address: "D5:D6", kind: "formulas", cells: [["=40+45"], ["=Sheet2!B4"]] }]);
    expect(ratingBlocks(LAYOUT, [{ vendor: "B", code: "1.1", value: 5 }]).blocks).toEqual([{ address: "E5", kind: "values", cells: [[5]] }]);
  });
});
