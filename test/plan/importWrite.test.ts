import fc from "fast-check";
import { cellFormula, cellKey, importEdits, noteBlocks, noteEdits, ratingBlocks } from "../../src/plan/importWrite";
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

describe("reasons (notes grid) in an import", () => {
  const NOTES: RatingsLayout = { ...LAYOUT, notes: { firstCol: 7, range: "G4:H6", headers: ["Reason: A", "Reason: B"] } };

  test("noteEdits: blank never clears, same text (trimmed) is unchanged, a different reason is a conflict decided by the choice, first per cell wins", () => {
    const current = new Map([[cellKey("A", "1.1"), "cheap"], [cellKey("B", "1.1"), "slow"]]);
    const incoming = [
      { vendor: "A", code: "1.1", note: "  cheap " },
      { vendor: "B", code: "1.1", note: "fast now", rater: "Ann" },
      { vendor: "A", code: "1.2", note: "" },
      { vendor: "B", code: "1.2", note: " =1+1 " },
      { vendor: "B", code: "1.2", note: "second" },
    ];
    expect(noteEdits(current, incoming, "keep-existing")).toEqual({ edits: [{ vendor: "B", code: "1.2", oldValue: null, newValue: "=1+1" }], kept: 1, unchanged: 1 });
    expect(noteEdits(current, incoming, "overwrite")).toEqual({
      edits: [
        { vendor: "B", code: "1.1", rater: "Ann", oldValue: "slow", newValue: "fast now" },
        { vendor: "B", code: "1.2", oldValue: null, newValue: "=1+1" },
      ],
      kept: 0,
      unchanged: 1,
    });
  });

  test("property: noteEdits never writes a blank, never touches a cell whose reason is the same, and keeps every existing reason under keep-existing", () => {
    const key = fc.record({ vendor: fc.constantFrom("A", "B"), code: fc.constantFrom("1.1", "1.2") });
    const text = fc.constantFrom("", " ", "a", " a ", "b", "=x", "空");
    fc.assert(
      fc.property(fc.array(fc.tuple(key, text.filter((t) => t.trim() !== ""))), fc.array(fc.record({ k: key, note: text })), fc.constantFrom("keep-existing" as const, "overwrite" as const), (cur, inc, choice) => {
        const current = new Map(cur.map(([k, t]) => [cellKey(k.vendor, k.code), t.trim()]));
        const { edits, kept, unchanged } = noteEdits(current, inc.map((i) => ({ ...i.k, note: i.note })), choice);
        for (const e of edits) {
          expect(e.newValue).toBe(e.newValue.trim());
          expect(e.newValue).not.toBe("");
          expect(e.oldValue).toBe(current.get(cellKey(e.vendor, e.code)) ?? null);
          expect(e.newValue).not.toBe(e.oldValue);
          if (choice === "keep-existing") expect(e.oldValue).toBeNull();
        }
        const firsts = new Map<string, string>();
        // the first row of a cell (the one whose rating counts) gives its reason
        for (const i of inc) if (!firsts.has(cellKey(i.k.vendor, i.k.code))) firsts.set(cellKey(i.k.vendor, i.k.code), i.note.trim());
        expect(edits.length + kept + unchanged).toBe([...firsts.values()].filter((t) => t !== "").length);
        for (const e of edits) expect(e.newValue).toBe(firsts.get(cellKey(e.vendor, e.code)));
        expect(new Set(edits.map((e) => cellKey(e.vendor, e.code))).size).toBe(edits.length);
      }),
    );
  });

  test("noteBlocks: the notes grid's columns, merged runs as for ratings; everything outside without a grid", () => {
    const writes = [
      { vendor: "A", code: "1.1", value: "x" },
      { vendor: "B", code: "1.1", value: "y" },
      { vendor: "A", code: "1.2", value: null },
      { vendor: "B", code: "1.2", value: "=z" },
      { vendor: "C", code: "1.1", value: "lost" },
      { vendor: "A", code: "1", value: "group" },
    ];
    const { blocks, outside } = noteBlocks(NOTES, writes);
    expect(blocks).toEqual([{ address: "G5:H6", kind: "values", cells: [["x", "y"], [null, "=z"]] }]);
    expect(outside).toEqual([writes[4], writes[5]]);
    // the same run-merging as the rating rectangle, shifted to the notes grid's columns
    expect(ratingBlocks(NOTES, writes).blocks).toEqual([{ address: "D5:E6", kind: "values", cells: [["x", "y"], [null, "=z"]] }]);
    expect(noteBlocks(LAYOUT, writes)).toEqual({ blocks: [], outside: writes });
  });
});
