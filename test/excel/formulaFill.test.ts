import fc from "fast-check";
import { defaultTree } from "../../src/core/model/default-tree";
import { a1ToR1C1, fillKey, MAX_COL, MAX_ROW, partitionBlock, r1c1ToA1 } from "../../src/excel/formulaFill";
import { buildPlan, colLetter, parseRect, quoteSheet, type CellBlock, type CellValue, type WorkbookPlan } from "../../src/plan";
import { bigTree, vendors } from "./helpers";

// ---------------------------------------------------------------------------------------------
// A model of formulas: references are targets seen from an anchor cell, each part absolute or
// relative. The model writes A1 at the anchor moved by (dr, dc) and R1C1 at the anchor, by itself.

interface Axis {
  n: number;
  abs: boolean;
}
type Ref = { t: "cell"; r: Axis; c: Axis } | { t: "cols"; a: Axis; b: Axis } | { t: "rows"; a: Axis; b: Axis };
type Tok = { t: "ref"; sheet: string | null; ref: Ref; to?: Ref } | { t: "str"; s: string } | { t: "lit"; s: string };

const at = (a: Axis, shift: number): number => (a.abs ? a.n : a.n + shift);
const d = (x: string, a: Axis): string => (a.abs ? "$" : "") + x;

function refA1(ref: Ref, dr: number, dc: number): string {
  if (ref.t === "cell") return d(colLetter(at(ref.c, dc)), ref.c) + d(String(at(ref.r, dr)), ref.r);
  if (ref.t === "cols") return `${d(colLetter(at(ref.a, dc)), ref.a)}:${d(colLetter(at(ref.b, dc)), ref.b)}`;
  return `${d(String(at(ref.a, dr)), ref.a)}:${d(String(at(ref.b, dr)), ref.b)}`;
}

function part(axis: "R" | "C", a: Axis, here: number): string {
  if (a.abs) return `${axis}${a.n}`;
  return a.n === here ? axis : `${axis}[${a.n - here}]`;
}

function refR1C1(ref: Ref, row: number, col: number): string {
  if (ref.t === "cell") return part("R", ref.r, row) + part("C", ref.c, col);
  if (ref.t === "cols") return `${part("C", ref.a, col)}:${part("C", ref.b, col)}`;
  return `${part("R", ref.a, row)}:${part("R", ref.b, row)}`;
}

function render(toks: Tok[], write: (r: Ref) => string): string {
  return `=${toks
    .map((t) => {
      if (t.t === "lit") return t.s;
      if (t.t === "str") return `"${t.s.replace(/"/g, '""')}"`;
      const sheet = t.sheet === null ? "" : `${quoteSheet(t.sheet)}!`;
      return sheet + write(t.ref) + (t.to ? `:${write(t.to)}` : "");
    })
    .join("")}`;
}

const modelA1 = (toks: Tok[], dr: number, dc: number): string => render(toks, (r) => refA1(r, dr, dc));
const modelR1C1 = (toks: Tok[], row: number, col: number): string => render(toks, (r) => refR1C1(r, row, col));

/** Rows and columns near the edges of the sheet as well as small ones. */
const rowN = fc.oneof(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: MAX_ROW }));
const colN = fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: MAX_COL }));
const axis = (n: fc.Arbitrary<number>): fc.Arbitrary<Axis> => fc.record({ n, abs: fc.boolean() });
const cellRef: fc.Arbitrary<Ref> = fc.record({ t: fc.constant("cell" as const), r: axis(rowN), c: axis(colN) });
const wholeRef: fc.Arbitrary<Ref> = fc.oneof(
  fc.record({ t: fc.constant("cols" as const), a: axis(colN), b: axis(colN) }),
  fc.record({ t: fc.constant("rows" as const), a: axis(rowN), b: axis(rowN) }),
);
/** Sheet names with spaces, quotes, CJK, and text that looks like references. */
const sheetName = fc.oneof(
  fc.constantFrom("Calc", "Ratings - Rater 16", "O'Brien's", "评分", "A1", "R1C1", "Sheet 1!", "''", 'a"b', "SUM(A1)"),
  fc.string({ unit: fc.constantFrom("a", "Z", "1", " ", "'", "-", "评", "分", "!", "$", "(", '"', "#", "."), minLength: 1, maxLength: 12 }),
);
/** String literals holding things that look like references, sheets or quotes. */
const str = fc.oneof(
  fc.constantFrom("N/A", "A1", "$B$2:C3", "'Calc'!B5", "R1C1", "RC[-1]", 'say "hi"', "", "≥ 100%", "LOG10(A1)"),
  fc.string({ unit: fc.constantFrom("A", "1", "$", ":", "'", '"', "!", "R", "C", "[", "]", " ", "评"), maxLength: 12 }),
);
/** Functions (some that look like cells: LOG10, ATAN2), names, numbers, error and array literals. */
const lit = fc.constantFrom("SUM(", "LOG10(", "ATAN2(", "IF(", "ROUND(", "_xlfn.STDEV.S(", "SUMPRODUCT(", "SC_Totals", "SC_KendallW", "TRUE", "1", "0.5", "1E+5", "100", ".25", "#N/A", "#DIV/0!", "{1,2;3,4}", ")", "-", "%");
const sep = fc.constantFrom(",", "+", "*", "&", "/", "^", "=", "<>", ">=", ")+(", " ", ",-");

const tok: fc.Arbitrary<Tok> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant("ref" as const), sheet: fc.option(sheetName, { nil: null }), ref: cellRef }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("ref" as const), sheet: fc.option(sheetName, { nil: null }), ref: cellRef, to: cellRef }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("ref" as const), sheet: fc.option(sheetName, { nil: null }), ref: wholeRef }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("str" as const), s: str }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("lit" as const), s: lit }) },
);
/** Tokens always separated by an operator, as in a formula (no two of them run together). */
const formula: fc.Arbitrary<Tok[]> = fc.array(fc.tuple(tok, sep), { minLength: 1, maxLength: 8 }).map((pairs) => pairs.flatMap(([t, s], i) => (i === pairs.length - 1 ? [t] : [t, { t: "lit" as const, s }])));

function refs(toks: Tok[]): Ref[] {
  return toks.flatMap((t) => (t.t === "ref" ? [t.ref, ...(t.to ? [t.to] : [])] : []));
}
/** Every reference stays on the sheet when the formula moves by (dr, dc). */
function fits(toks: Tok[], dr: number, dc: number): boolean {
  const ok = (a: Axis, shift: number, max: number): boolean => at(a, shift) >= 1 && at(a, shift) <= max;
  return refs(toks).every((r) => (r.t === "cell" ? ok(r.r, dr, MAX_ROW) && ok(r.c, dc, MAX_COL) : r.t === "cols" ? ok(r.a, dc, MAX_COL) && ok(r.b, dc, MAX_COL) : ok(r.a, dr, MAX_ROW) && ok(r.b, dr, MAX_ROW)));
}

describe("A1 ↔ R1C1", () => {
  test("a formula reads as the model's R1C1 at its cell, and back as the model's A1 at any cell it moves to", () => {
    fc.assert(
      fc.property(formula, rowN, colN, fc.integer({ min: -40, max: 40 }), fc.integer({ min: -40, max: 40 }), (toks, row, col, dr, dc) => {
        const a1 = modelA1(toks, 0, 0);
        const r1c1 = a1ToR1C1(a1, row, col);
        expect(r1c1).toBe(modelR1C1(toks, row, col));
        expect(fillKey(a1, row, col)).toBe(r1c1);
        expect(r1c1ToA1(r1c1 as string, row, col)).toBe(a1);
        const inside = row + dr >= 1 && row + dr <= MAX_ROW && col + dc >= 1 && col + dc <= MAX_COL;
        if (inside && fits(toks, dr, dc)) expect(r1c1ToA1(r1c1 as string, row + dr, col + dc)).toBe(modelA1(toks, dr, dc));
        else if (!fits(toks, dr, dc)) expect(r1c1ToA1(r1c1 as string, row + dr, col + dc)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  test("examples from the plans", () => {
    const f = `=IF(ISNUMBER('Ratings - Rater 16'!T66),'Ratings - Rater 16'!T66,IF(OR('Ratings - Rater 16'!T66="N/A",'Ratings - Rater 16'!T66="NA"),"N/A",""))`;
    expect(a1ToR1C1(f, 66, 20)).toBe(`=IF(ISNUMBER('Ratings - Rater 16'!RC),'Ratings - Rater 16'!RC,IF(OR('Ratings - Rater 16'!RC="N/A",'Ratings - Rater 16'!RC="NA"),"N/A",""))`);
    expect(a1ToR1C1("=IF(X5=1,SUMPRODUCT($B$10:$B$15,D10:D15)/SUMPRODUCT($B$10:$B$15,X10:X15),0)", 5, 4)).toBe("=IF(RC[20]=1,SUMPRODUCT(R10C2:R15C2,R[5]C:R[10]C)/SUMPRODUCT(R10C2:R15C2,R[5]C[20]:R[10]C[20]),0)");
    expect(a1ToR1C1("=LOG10(A1)+ATAN2(B$2,$C3)+SUM(C:F,$6:$12)+SC_Totals", 10, 10)).toBe("=LOG10(R[-9]C[-9])+ATAN2(R2C[-8],R[-7]C3)+SUM(C[-7]:C[-4],R6:R12)+SC_Totals");
    expect(a1ToR1C1(`=IF(A1="B5 and 'x'!C3",1,0)`, 3, 3)).toBe(`=IF(R[-2]C[-2]="B5 and 'x'!C3",1,0)`);
    expect(r1c1ToA1("=R[-1]C+RC[-1]", 1, 5)).toBeNull();
  });

  test.each([
    ["lower-case reference", "=a1+1"],
    ["unquoted sheet name", "=Sheet1!A1"],
    ["structured reference", "=Table1[Col]"],
    ["another workbook", "='[Book1.xlsx]Sheet1'!A1"],
    ["a name that reads as R1C1", "=R1C1+1"],
    ["a name that reads as this row", "=RC*2"],
    ["a column past XFD", "=XFE1"],
    ["row 0", "=A0"],
    ["a row past the sheet", "=A1048577"],
    ["unterminated string", '="abc'],
    ["unterminated sheet name", "='Calc!A1"],
    ["stray $", "=$SC_Totals"],
    ["unknown error literal", "=#OOPS!"],
    ["not a formula", "A1"],
  ])("%s stays an A1 cell", (_label, f) => {
    expect(fillKey(f, 5, 5)).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Partition: applying the fills, then the leftover cells, gives exactly the block.

type Grid = Map<string, string | number | boolean>;

/** Plain checks (no matcher per cell: real plans have 100,000 cells). */
function check(ok: boolean, what: () => string): void {
  if (!ok) throw new Error(what());
}

/** Writes a block's partition as Excel would: each fill's R1C1 at every cell, then the rest ("" clears). */
function applyPartition(block: CellBlock): { grid: Grid; written: Set<string> } {
  const grid: Grid = new Map();
  const written = new Set<string>();
  const { fills, rest } = partitionBlock(block);
  for (const f of fills) {
    const { r1, c1, r2, c2 } = parseRect(f.address);
    check(f.cells >= 2 && (r1 !== r2 || c1 !== c2), () => `fill ${f.address} of ${f.cells} cells`);
    for (let r = r1; r <= r2; r++)
      for (let c = c1; c <= c2; c++) {
        const a1 = r1c1ToA1(f.r1c1, r, c);
        check(a1 !== null, () => `${f.r1c1} unreadable at ${colLetter(c)}${r}`);
        grid.set(`${r},${c}`, a1 as string);
        written.add(`${r},${c}`);
      }
  }
  const restCells = new Set<string>();
  for (const b of rest) {
    const { r1, c1, r2, c2 } = parseRect(b.address);
    check(b.kind === block.kind && b.cells.length === r2 - r1 + 1, () => `rest ${b.address}`);
    b.cells.forEach((row, i) => {
      check(row.length === c2 - c1 + 1, () => `rest ${b.address} row ${i}`);
      row.forEach((v, j) => {
        const k = `${r1 + i},${c1 + j}`;
        check(!restCells.has(k), () => `${k} in two leftover blocks`);
        restCells.add(k);
        written.add(k);
        if (v === null || v === "") grid.delete(k);
        else grid.set(k, v);
      });
    });
  }
  return { grid, written };
}

function expectExact(block: CellBlock): void {
  const { grid, written } = applyPartition(block);
  const { r1, c1, r2, c2 } = parseRect(block.address);
  let want = 0;
  block.cells.forEach((row, i) =>
    row.forEach((v, j) => {
      const got = grid.get(`${r1 + i},${c1 + j}`);
      if (v === null || v === "") check(got === undefined, () => `${colLetter(c1 + j)}${r1 + i}: ${String(got)} instead of empty`);
      else {
        want++;
        check(got === v, () => `${colLetter(c1 + j)}${r1 + i}: ${String(got)} instead of ${String(v)}`);
      }
    }),
  );
  expect(grid.size).toBe(want);
  // Nothing outside the block, every cell of it written (blank cells as "", as before).
  for (const k of written) {
    const [r, c] = k.split(",").map(Number);
    check(r >= r1 && r <= r2 && c >= c1 && c <= c2, () => `${k} written outside ${block.address}`);
  }
  expect(written.size).toBe((r2 - r1 + 1) * (c2 - c1 + 1));
}

describe("partitionBlock", () => {
  test("random blocks of repeated, moved and odd formulas, blanks and values come back exactly", () => {
    const kinds = fc.array(formula, { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(kinds, fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 60 }), fc.array(fc.nat(), { minLength: 49, maxLength: 49 }), (forms, rows, cols, top, left, picks) => {
        const cells: CellValue[][] = Array.from({ length: rows }, (_, i) =>
          Array.from({ length: cols }, (_, j): CellValue => {
            const p = picks[(i * cols + j) % picks.length] % (forms.length + 4);
            if (p === forms.length) return null;
            if (p === forms.length + 1) return 42;
            if (p === forms.length + 2) return "=not a ref A1(";
            if (p === forms.length + 3) return "text";
            // The same formula moved with its cell (one R1C1 text), when it stays on the sheet.
            return fits(forms[p], i, j) ? modelA1(forms[p], i, j) : modelA1(forms[p], 0, 0);
          }),
        );
        const address = `${colLetter(left)}${top}:${colLetter(left + cols - 1)}${top + rows - 1}`;
        expectExact({ kind: "formulas", address, cells });
      }),
      { numRuns: 300 },
    );
  });

  test("a column broken by blank rows is one fill; the blank rows are written empty after it", () => {
    const cells: CellValue[][] = [[null, null], ["=A2", "=B2"], [null, null], ["=A4", "=B4"], ["=A5", "=B5"]];
    const block: CellBlock = { kind: "formulas", address: "C1:D5", cells };
    const { fills, rest } = partitionBlock(block);
    expect(fills).toEqual([{ address: "C2:D5", r1c1: "=RC[-2]", cells: 6 }]);
    expect(rest.map((b) => b.address)).toEqual(["C1:D1", "C3:D3"]);
    expectExact(block);
  });

  test("values blocks are left whole", () => {
    const block: CellBlock = { kind: "values", address: "A1:B1", cells: [["=A2", "=A2"]] };
    expect(partitionBlock(block)).toEqual({ fills: [], rest: [block] });
  });
});

describe("real plans: fills and leftover cells rebuild every formulas block exactly", () => {
  const raters = (m: number): string[] => Array.from({ length: m }, (_, i) => `Rater ${i + 1}`);
  const cases: [string, () => WorkbookPlan][] = [
    ["single rater, default tree, 3 vendors", () => buildPlan({ tree: defaultTree(), vendors: vendors(3) })],
    ["single rater, 200 leaves × 100 vendors", () => buildPlan({ tree: bigTree(), vendors: vendors(100) })],
    ["single rater, zh-CN, missing as zero", () => buildPlan({ tree: defaultTree(), vendors: ["甲", "O'Neil & Co", "=SUM(A1)"], options: { locale: "zh-CN", missing: "zero" } })],
    ["panel 5 × 5, median", () => buildPlan({ tree: defaultTree(), vendors: vendors(5), raters: raters(5), options: { locale: "en-US", missing: "exclude", aggregate: "median" } })],
    ["panel 3 × 4, trimmed mean", () => buildPlan({ tree: defaultTree(), vendors: vendors(4), raters: ["Ann", "O'Brien", "李"], options: { locale: "en-US", missing: "exclude", aggregate: "trimmed" } })],
    ["panel 30 × 20, mean", () => buildPlan({ tree: defaultTree(), vendors: vendors(20), raters: raters(30), options: { locale: "en-US", missing: "exclude", aggregate: "mean" } })],
  ];
  test.each(cases)("%s", (_label, make) => {
    const plan = make();
    let a1Bytes = 0;
    let fillBytes = 0;
    for (const sheet of plan.sheets) {
      for (const block of sheet.blocks) {
        if (block.kind !== "formulas") continue;
        expectExact(block);
        a1Bytes += JSON.stringify(block.cells).length;
        const { fills, rest } = partitionBlock(block);
        fillBytes += JSON.stringify(fills) .length + JSON.stringify(rest.map((b) => b.cells)).length;
      }
    }
    // Figures only matter for the request size; the plans repeat most formulas.
    expect(fillBytes).toBeLessThan(a1Bytes);
  });
});
