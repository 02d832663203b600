/**
 * Format merging (src/excel/formatMerge.ts): the merged ranges cover exactly the cells the plan's
 * ranges cover, one format each as before; borders drawn once cover exactly the bordered cells.
 */
import fc from "fast-check";
import { defaultTree } from "../../src/core/model/default-tree";
import { mergeRanges, sheetFormats } from "../../src/excel/formatMerge";
import { buildPlan, parseRect, rect, STYLES, type FormatPlan, type StyleKey } from "../../src/plan";

function cells(addresses: string[]): Set<string> {
  const out = new Set<string>();
  for (const a of addresses) {
    const r = parseRect(a);
    for (let y = r.r1; y <= r.r2; y++) for (let x = r.c1; x <= r.c2; x++) out.add(`${y},${x}`);
  }
  return out;
}

const area = (a: string): number => {
  const r = parseRect(a);
  return (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1);
};

const rectArb = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 4 }))
  .map(([r, c, h, w]) => rect(r, c, r + h, c + w));

describe("mergeRanges", () => {
  test("covers exactly the same cells, with pieces that do not overlap, never more pieces than given", () => {
    fc.assert(
      fc.property(fc.array(rectArb, { minLength: 1, maxLength: 12 }), (ranges) => {
        const merged = mergeRanges(ranges) as string[];
        expect(cells(merged)).toEqual(cells(ranges));
        expect(merged.length).toBeLessThanOrEqual(ranges.length);
        if (merged !== ranges) expect(merged.reduce((n, a) => n + area(a), 0)).toBe(cells(ranges).size);
      }),
      { numRuns: 2000 },
    );
  });

  test("tiles become one rectangle; whole rows or columns are left alone", () => {
    expect(mergeRanges(["A3:W3", "A4:C66", "D4:W66"])).toEqual(["A3:W66"]);
    expect(mergeRanges(["B5:B10", "B11", "B12:B20"])).toEqual(["B5:B20"]);
    expect(mergeRanges(["A1:A2", "B2:B3"])).toEqual(["A1:A2", "B2:B3"]);
    expect(mergeRanges(["6:12", "A1"])).toBeNull();
  });
});

describe("sheetFormats", () => {
  /** Per cell, which formats (by index) cover it and whether it is bordered. */
  function coverage(formats: FormatPlan[], borders: string[] | null, styles = STYLES): Map<string, string> {
    const out = new Map<string, string>();
    formats.forEach((f, i) => {
      for (const c of cells(f.ranges)) out.set(c, `${out.get(c) ?? ""}${i};`);
    });
    const bordered = borders ? cells(borders) : cells(formats.filter((f) => f.style && styles[f.style].border).flatMap((f) => f.ranges));
    for (const c of bordered) out.set(c, `${out.get(c) ?? ""}border`);
    return out;
  }

  const styleArb = fc.constantFrom<StyleKey>("header", "label", "input", "title", "muted", "groupRow1");
  test("every cell gets the same formats in the same order, and a border exactly where a bordered style was", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ ranges: fc.array(rectArb, { minLength: 1, maxLength: 6 }), style: styleArb }), { minLength: 1, maxLength: 6 }), (formats) => {
        const out = sheetFormats(formats, STYLES);
        expect(out.formats.map((f) => f.style)).toEqual(formats.map((f) => f.style));
        expect(coverage(out.formats, out.borders?.ranges ?? null)).toEqual(coverage(formats, null));
      }),
      { numRuns: 1000 },
    );
  });

  test("two border colours: each style keeps its own border", () => {
    const styles = { ...STYLES, muted: { ...STYLES.muted, border: "#FF0000" } };
    const out = sheetFormats([{ ranges: ["A1:B2"], style: "label" }, { ranges: ["C1"], style: "muted" }], styles);
    expect(out.borders).toBeNull();
    expect(out.formats.every((f) => !f.noBorder)).toBe(true);
  });

  test("a panel rater sheet: its whole table, and its notes grid, are each bordered by one rectangle", () => {
    const plan = buildPlan({ tree: defaultTree(), vendors: ["A", "B", "C"], raters: ["Ann", "Bo"], createdAt: "2026-01-01T00:00:00Z" });
    const sheet = plan.sheets[0];
    const out = sheetFormats(sheet.formats, plan.styles);
    expect(out.borders?.ranges).toHaveLength(2);
    expect(coverage(out.formats, out.borders?.ranges ?? null, plan.styles)).toEqual(coverage(sheet.formats, null, plan.styles));
  });
});
