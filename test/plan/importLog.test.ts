import fc from "fast-check";
import { parseRect } from "../../src/plan";
import { beforeCell, fromBefore, importLogAppend, readBlock, readBlockNotes, readSummaries, undoneMark, type ImportLogEntry, type ImportMeta, type NoteLogEntry } from "../../src/plan/importLog";
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
    for (const old of [null, 0, 55, "N/A", "see note", "blank", " Blank ", "空", '"quoted"', '"', "50", true, "=not a formula", "=", '="x"', " =x", '"=x"']) {
      expect(fromBefore(beforeCell(old, "en-US"))).toEqual({ oldValue: old });
      expect(fromBefore(beforeCell(old, "zh-CN"))).toEqual({ oldValue: old });
    }
    expect(fromBefore("")).toBeUndefined();
    expect(fromBefore(null)).toBeUndefined();
  });

  test("a formula is stored as its text and read back as a formula, whatever it showed; a text starting with = stays text", () => {
    const cases: [CellValue, string][] = [[85, "=40+45"], [null, '=IF(A1="","",A1)'], ["=x", '="="&"x"'], ["blank", "=Sheet2!B4"], ['"q"', '="""q"""']];
    for (const [shown, formula] of cases) {
      for (const locale of ["en-US", "zh-CN"] as const) {
        expect(beforeCell(shown, locale, formula)).toBe(formula);
        expect(fromBefore(beforeCell(shown, locale, formula))).toEqual({ oldValue: formula, oldFormula: formula });
      }
    }
    // the text "=x" (typed with an apostrophe or formatted as text) is quoted, so undo writes it back as text
    expect(beforeCell("=x", "en-US")).toBe('"=x"');
    expect(fromBefore('"=x"')).toEqual({ oldValue: "=x" });
    expect(fromBefore("=x")).toEqual({ oldValue: "=x", oldFormula: "=x" });
    // only "=…" is a formula
    expect(beforeCell(5, "en-US", "5")).toBe(5);
  });

  test("a block with an overwritten formula: its before cell holds the formula text, read back with oldFormula", () => {
    const entries: ImportLogEntry[] = [
      { vendor: "A", code: "1.1", oldValue: 85, oldFormula: "=Sheet2!B4", newValue: 90, action: "overwritten" },
      { vendor: "A", code: "1.2", oldValue: "=x", newValue: 10, action: "overwritten" },
      { vendor: "B", code: "1.1", oldValue: null, oldFormula: '=IF(Z1="","",Z1)', newValue: "NA", action: "added" },
    ];
    const append = importLogAppend(META, entries, { summaryRows: 0, detailRows: 0 }, "en-US");
    const read = sheetOf(append.blocks);
    expect(read("O3:P6")).toEqual([["=Sheet2!B4", '"=x"'], [90, 10], ['=IF(Z1="","",Z1)', ""], ["N/A", ""]]);
    // every block is a values block: the adapter writes "=…" as text (needsTextGuard), never as a live formula
    expect(append.blocks.every((b) => b.kind === "values")).toBe(true);
    expect(readBlock(read(append.details), "imp-1")).toEqual([
      { vendor: "A", code: "1.1", oldValue: "=Sheet2!B4", oldFormula: "=Sheet2!B4", newValue: 90, action: "overwritten" },
      { vendor: "A", code: "1.2", oldValue: "=x", newValue: 10, action: "overwritten" },
      { vendor: "B", code: "1.1", oldValue: '=IF(Z1="","",Z1)', oldFormula: '=IF(Z1="","",Z1)', newValue: "NA", action: "overwritten" },
    ]);
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

  test("property: any entries (one per vendor × rater × code) read back as written; a formula as its text", () => {
    const text = fc.string({ minLength: 1, maxLength: 8 }).filter((t) => t.trim() !== "");
    const value = fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 150 }), fc.constantFrom("N/A", "blank", '"x', "note", "50", "空", "=x", '"=x"', "="), text);
    const formula = fc.option(fc.oneof(fc.constantFrom("=40+45", "=Sheet2!B4", '=IF(A1="","",A1)', '="blank"'), text.map((t) => `=${t}`)), { nil: undefined });
    const entry = fc.record({ vendor: fc.constantFrom("A", "B", "=C"), code: fc.constantFrom("1", "1.1", "2.3.4"), rater: fc.constantFrom(undefined, "Ann"), oldValue: value, oldFormula: formula, newValue: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant("NA" as const)) });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 20 }), fc.constantFrom("en-US" as const, "zh-CN" as const), (raw, locale) => {
        const seen = new Set<string>();
        const entries: ImportLogEntry[] = raw
          .filter((e) => !seen.has(`${e.vendor}|${e.rater}|${e.code}`) && seen.add(`${e.vendor}|${e.rater}|${e.code}`))
          .map((e) => ({ vendor: e.vendor, code: e.code, ...(e.rater ? { rater: e.rater } : {}), oldValue: e.oldValue, ...(e.oldFormula !== undefined ? { oldFormula: e.oldFormula } : {}), newValue: e.newValue, action: e.oldValue === null ? "added" : "overwritten" }));
        if (entries.length === 0) return;
        const append = importLogAppend(META, entries, { summaryRows: 0, detailRows: 0 }, locale);
        const back = readBlock(sheetOf(append.blocks)(append.details), "imp-1") ?? [];
        const key = (e: ImportLogEntry): string => `${e.vendor}|${e.rater ?? ""}|${e.code}`;
        // the log keeps a formula, not what it showed: read back, its text is the old value too
        const expected = (e: ImportLogEntry): ImportLogEntry => (e.oldFormula === undefined ? e : { ...e, oldValue: e.oldFormula, action: "overwritten" });
        expect(new Map(back.map((e) => [key(e), e]))).toEqual(new Map(entries.map((e) => [key(e), expected(e)])));
      }),
    );
  });

  test("reasons get their own columns after the codes, headed in the log's language; readBlock ignores them, readBlockNotes reads them in either language", () => {
    const entries: ImportLogEntry[] = [{ vendor: "A", code: "1.1", oldValue: null, newValue: 40, action: "added" }];
    const notes: NoteLogEntry[] = [
      { vendor: "B", code: "2.1", oldValue: null, newValue: "=1+1" },
      { vendor: "A", code: "1.1", oldValue: "blank", newValue: "50" },
    ];
    for (const [locale, header] of [["en-US", "1.1 (reason)"], ["zh-CN", "1.1（理由）"]] as const) {
      const append = importLogAppend(META, entries, { summaryRows: 0, detailRows: 0 }, locale, { codes: ["1.1", "2.1"], vendors: ["A", "B"] }, notes);
      expect(append.details).toBe("L1:Q6");
      const read = sheetOf(append.blocks);
      expect(read("O2:Q2")[0]).toEqual(["1.1", header, header.replace("1.1", "2.1")]);
      expect(readBlock(read(append.details), "imp-1")).toEqual(entries);
      expect(readBlockNotes(read(append.details), "imp-1")).toEqual([notes[1], notes[0]]);
      expect(readBlockNotes(read(append.details), "imp-2")).toBeNull();
      // the list still counts ratings
      expect(readSummaries(read("A2:J2"), 2)[0]).toMatchObject({ added: 1, overwritten: 0 });
    }
    const onlyNotes = importLogAppend(META, [], { summaryRows: 0, detailRows: 0 }, "en-US", {}, [notes[0]]);
    const read = sheetOf(onlyNotes.blocks);
    expect(readBlock(read(onlyNotes.details), "imp-1")).toEqual([]);
    expect(readBlockNotes(read(onlyNotes.details), "imp-1")).toEqual([notes[0]]);
  });

  test("property: ratings and reasons appended together read back exactly (readBlock + readBlockNotes), whatever the text", () => {
    const text = fc.oneof(
      fc.constantFrom("=", "=1+1", '"', '"quoted"', "blank", " blank ", "BLANK", "空", "理由：价格偏高", "50", "1e3", "a\nb", "line1\r\nline2", "N/A", "'x", "@x", "-3"),
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }),
    ).filter((t) => t !== "");
    const key = fc.record({ vendor: fc.constantFrom("A", "B", "=C"), code: fc.constantFrom("1", "1.1", "2.3.4"), rater: fc.constantFrom(undefined, "Ann") });
    const rating = fc.record({ k: key, oldValue: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), newValue: fc.integer({ min: 0, max: 100 }) });
    const note = fc.record({ k: key, oldValue: fc.option(text, { nil: null }), newValue: text });
    const id = (k: { vendor: string; code: string; rater?: string }): string => `${k.vendor}|${k.rater ?? ""}|${k.code}`;
    const uniq = <T extends { k: { vendor: string; code: string; rater?: string } }>(xs: T[]): T[] => {
      const seen = new Set<string>();
      return xs.filter((x) => !seen.has(id(x.k)) && seen.add(id(x.k)));
    };
    const strip = (k: { vendor: string; code: string; rater?: string }) => ({ vendor: k.vendor, code: k.code, ...(k.rater ? { rater: k.rater } : {}) });
    fc.assert(
      fc.property(fc.array(rating, { maxLength: 12 }), fc.array(note, { maxLength: 12 }), fc.constantFrom("en-US" as const, "zh-CN" as const), fc.nat(30), (rs, ns, locale, below) => {
        const entries: ImportLogEntry[] = uniq(rs).map((r) => ({ ...strip(r.k), oldValue: r.oldValue, newValue: r.newValue, action: r.oldValue === null ? "added" : "overwritten" }));
        const notes: NoteLogEntry[] = uniq(ns).map((n) => ({ ...strip(n.k), oldValue: n.oldValue, newValue: n.newValue }));
        const append = importLogAppend(META, entries, { summaryRows: below, detailRows: below }, locale, {}, notes);
        const block = sheetOf(append.blocks)(append.details);
        expect(new Map((readBlock(block, "imp-1") ?? []).map((e) => [id(e), e]))).toEqual(new Map(entries.map((e) => [id(e), e])));
        expect(new Map((readBlockNotes(block, "imp-1") ?? []).map((e) => [id(e), e]))).toEqual(new Map(notes.map((e) => [id(e), e])));
      }),
      { numRuns: 300 },
    );
  });
});
