import fc from "fast-check";
import { parseRect } from "../../src/plan";
import { beforeCell, fromBefore, importLogAppend, readBlock, readSummaries, undoneMark, type ImportLogEntry, type ImportMeta } from "../../src/plan/importLog";
import type { CellBlock, CellValue } from "../../src/plan/types";

const META: ImportMeta = { importId: "imp-1", kind: "import", time: "2026-11-25T10:00:00.000Z", sourceFile: "a.csv" };

/** The sheet the blocks would make, as a sparse map, and a reader of any rectangle of it. */
function sheetOf(blocks: CellBlock[]): (address: string) => CellValue[][] {
  const cells = new Map<string, CellValue>();
  for (const b of blocks) {
    const { r1, c1 } = parseRect(b.address);
    b.cells.forEach((row, i) => row.forEach((v, j) => cells.set(`${r1 + i},${c1 + j}`, v)));
  }
  return (address) => {
    const { r1, c1, r2, c2 } = parseRect(address);
    return Array.from({ length: r2 - r1 + 1 }, (_, i) => Array.from({ length: c2 - c1 + 1 }, (_, j) => cells.get(`${r1 + i},${c1 + j}`) ?? ""));
  };
}

describe("Import log blocks", () => {
  test("blank and ambiguous old texts survive the round trip; empty = not touched", () => {
    for (const old of [null, 0, 55, "N/A", "see note", "blank", " Blank ", "空", '"quoted"', '"', "50", true]) {
      expect(fromBefore(beforeCell(old, "en-US"))).toEqual(old);
      expect(fromBefore(beforeCell(old, "zh-CN"))).toEqual(old);
    }
    expect(fromBefore("")).toBeUndefined();
    expect(fromBefore(null)).toBeUndefined();
  });

  test("append → read back gives the entries, in the workbook's code and vendor order; the list row points at the block", () => {
    const entries: ImportLogEntry[] = [
      { vendor: "B", code: "2.1", oldValue: 10, newValue: 20, action: "overwritten" },
      { vendor: "A", code: "1.1", oldValue: null, newValue: "NA", action: "added" },
      { vendor: "A", code: "2.1", rater: "Ann", oldValue: "x", newValue: 5, action: "overwritten" },
    ];
    const append = importLogAppend(META, entries, { summaryRows: 3, detailRows: 10 }, "en-US", { codes: ["1.1", "2.1"], vendors: ["A", "B"] });
    expect(append.create).toBe(false);
    expect(append.details).toBe("L12:P19");
    const read = sheetOf(append.blocks);
    expect(read("L13:P13")).toEqual([["Vendor", "Rater", "before / after", "1.1", "2.1"]]);
    expect(read("L14:N19").map((r) => r.join("|"))).toEqual(["A||before", "A||after", "A|Ann|before", "A|Ann|after", "B||before", "B||after"]);
    expect(readBlock(read(append.details), "imp-1")).toEqual([entries[1], entries[2], entries[0]]);
    expect(readBlock(read(append.details), "imp-2")).toBeNull();
    const list = readSummaries(read("A4:J4"), 4);
    expect(list).toEqual([{ row: 4, ...META, added: 1, overwritten: 2, undone: false, details: "L12:P19" }]);
    expect(undoneMark(4, "t", 2)).toEqual({ address: "H4:I4", kind: "values", cells: [["t", 2]] });
  });

  test("property: any entries (one per vendor × rater × code) read back as written", () => {
    const value = fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 150 }), fc.constantFrom("N/A", "blank", '"x', "note", "50", "空"));
    const entry = fc.record({ vendor: fc.constantFrom("A", "B", "=C"), code: fc.constantFrom("1", "1.1", "2.3.4"), rater: fc.constantFrom(undefined, "Ann"), oldValue: value, newValue: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant("NA" as const)) });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 20 }), fc.constantFrom("en-US" as const, "zh-CN" as const), (raw, locale) => {
        const seen = new Set<string>();
        const entries: ImportLogEntry[] = raw
          .filter((e) => !seen.has(`${e.vendor}|${e.rater}|${e.code}`) && seen.add(`${e.vendor}|${e.rater}|${e.code}`))
          .map((e) => ({ vendor: e.vendor, code: e.code, ...(e.rater ? { rater: e.rater } : {}), oldValue: e.oldValue, newValue: e.newValue, action: e.oldValue === null ? "added" : "overwritten" }));
        if (entries.length === 0) return;
        const append = importLogAppend(META, entries, { summaryRows: 0, detailRows: 0 }, locale);
        const back = readBlock(sheetOf(append.blocks)(append.details), "imp-1") ?? [];
        const key = (e: ImportLogEntry): string => `${e.vendor}|${e.rater ?? ""}|${e.code}`;
        expect(new Map(back.map((e) => [key(e), e]))).toEqual(new Map(entries.map((e) => [key(e), e])));
      }),
    );
  });
});
