/**
 * Reading a filled scorecard back with its notes grid (issue #14): an .xlsx written by the xlsx
 * writer, or a CSV saved from its Ratings sheet, gives each rating its reason as `comment`; the
 * "Reason: vendor" / "理由：vendor" headers are never vendors.
 */
import fc from "fast-check";
import Papa from "papaparse";
import { importDelimited } from "../../src/core/import";
import { NOTE_HEADER_PREFIXES, readIndicatorRows } from "../../src/core/import/indicatorRows";
import { defaultTree } from "../../src/core/model/default-tree";
import { leaves } from "../../src/core/model/tree";
import type { Locale } from "../../src/core/model/types";
import { buildPlan, type NotesGrid, type RatingsGrid, type WorkbookPlan } from "../../src/plan";
import { LABELS } from "../../src/plan/labels";
import { importRatingsFile } from "../../src/plan/workbookImport";
import { planToWorkbook, writeXlsxBytes } from "../../src/xlsx";

const tree = defaultTree();
const codes = leaves(tree).map((l) => l.node.code);
const NOW = "2026-11-25T10:00:00.000Z";

function plan(locale: Locale, vendors: string[], ratings: RatingsGrid, notes: NotesGrid, raters?: string[]): WorkbookPlan {
  return buildPlan({
    tree, vendors, options: { locale, missing: "exclude" }, createdAt: NOW,
    ...(raters ? { raters, raterRatings: Object.fromEntries(raters.map((r) => [r, ratings])), raterNotes: Object.fromEntries(raters.map((r) => [r, notes])) } : { ratings, notes }),
  });
}

const byKey = (rs: readonly { vendor: string; code: string; rater?: string; comment?: string }[]): Map<string, string | undefined> => new Map(rs.map((r) => [`${r.vendor}|${r.code}|${r.rater ?? ""}`, r.comment]));

describe("a filled scorecard read back with its reasons", () => {
  test("the core's note prefixes are the plan's notes headers in every language", () => {
    expect([...NOTE_HEADER_PREFIXES].sort()).toEqual([...new Set(Object.values(LABELS).map((l) => l.notesHeaderPrefix))].sort());
  });

  test.each(["en-US", "zh-CN"] as const)("%s single rater (.xlsx): every rating with its reason; the Reason columns are no vendors", async (locale) => {
    const vendors = ["Acme", "Reason: Acme", "Beta"];
    const ratings: RatingsGrid = { Acme: { [codes[0]]: 80, [codes[1]]: "NA" }, "Reason: Acme": { [codes[0]]: 10 }, Beta: { [codes[2]]: 55 } };
    const notes: NotesGrid = { Acme: { [codes[0]]: "=1+1 fast", [codes[3]]: "no rating here" }, "Reason: Acme": { [codes[0]]: "odd name" }, Beta: { [codes[2]]: "0012 价格\n偏高" } };
    const bytes = await writeXlsxBytes(plan(locale, vendors, ratings, notes));
    const read = await importRatingsFile(bytes, { tree, sourceName: "filled.xlsx" });
    expect(read.workbook).toBeDefined();
    expect(read.result.ok).toBe(true);
    expect(read.result.vendors).toEqual(vendors);
    expect(byKey(read.result.accepted)).toEqual(
      new Map([
        [`Acme|${codes[0]}|`, "=1+1 fast"],
        [`Acme|${codes[1]}|`, undefined],
        [`Reason: Acme|${codes[0]}|`, "odd name"],
        [`Beta|${codes[2]}|`, "0012 价格\n偏高"],
      ]),
    );
    // the reason beside no rating is said, not silently dropped
    expect(read.result.warnings.find((w) => w.code === "reason-without-rating")?.count).toBe(1);
    expect(read.result.warnings.some((w) => w.code === "similar-vendor-names" && /Reason|理由/.test(w.message["en-US"]) && !vendors.includes("Reason: Acme"))).toBe(false);
  });

  test("a panel: each rater's ratings carry that rater's reasons", async () => {
    const ratings: RatingsGrid = { Acme: { [codes[0]]: 70 } };
    const notes: NotesGrid = { Acme: { [codes[0]]: "seen in the demo" } };
    const read = await importRatingsFile(await writeXlsxBytes(plan("en-US", ["Acme", "Beta"], ratings, notes, ["Ann", "Bo"])), { tree });
    expect(read.workbook?.panel?.raters).toEqual(["Ann", "Bo"]);
    expect(byKey(read.workbook?.panel?.ratings ?? [])).toEqual(new Map([[`Acme|${codes[0]}|Ann`, "seen in the demo"], [`Acme|${codes[0]}|Bo`, "seen in the demo"]]));
    expect(read.result.vendors).toEqual(["Acme", "Beta"]);
  });

  test("a CSV saved from the Ratings sheet (plain importer): reasons come as comments, never as vendors", async () => {
    const p = plan("zh-CN", ["甲", "乙"], { 甲: { [codes[0]]: 60 }, 乙: { [codes[0]]: 70 } }, { 乙: { [codes[0]]: "理由：很好" } });
    const wb = await planToWorkbook(p);
    const ws = wb.worksheets.find((w) => w.name === p.layout.sheetNames.ratings);
    const rows: string[][] = [];
    ws?.eachRow({ includeEmpty: true }, (row) => {
      const out: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const v = row.getCell(c).value;
        out.push(v === null || v === undefined ? "" : typeof v === "object" ? "" : String(v));
      }
      rows.push(out);
    });
    const csv = Papa.unparse(rows);
    const read = importDelimited(new TextEncoder().encode(csv), { tree, sourceName: "ratings.csv" });
    expect(read.ok).toBe(true);
    expect(read.vendors).toEqual(["甲", "乙"]);
    expect(byKey(read.accepted)).toEqual(new Map([[`甲|${codes[0]}|`, undefined], [`乙|${codes[0]}|`, "理由：很好"]]));
  });

  test("property: any reasons written beside any ratings are read back as the ratings' comments, in either language", () => {
    const text = fc.oneof(fc.string({ minLength: 1, maxLength: 10 }), fc.constantFrom("=1+1", "blank", "空", "Reason: x", "理由：y", "  padded  ", "a\nb")).filter((t) => t.trim() !== "");
    const cellArb = fc.record({ v: fc.integer({ min: 0, max: 2 }), c: fc.integer({ min: 0, max: 5 }), value: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), note: fc.option(text, { nil: null }) });
    fc.assert(
      fc.property(fc.array(cellArb, { maxLength: 15 }), fc.constantFrom("en-US" as const, "zh-CN" as const), (cells, locale) => {
        const vendors = ["A", "B", "C"];
        const ratings: RatingsGrid = {};
        const notes: NotesGrid = {};
        for (const x of cells) {
          const [vendor, code] = [vendors[x.v], codes[x.c]];
          if (x.value !== null) (ratings[vendor] ??= {})[code] = x.value;
          if (x.note !== null) (notes[vendor] ??= {})[code] = x.note;
        }
        const p = plan(locale, vendors, ratings, notes);
        const sheet = p.sheets.find((s) => s.key === "ratings");
        const values: (string | number | null)[][] = [];
        for (const b of sheet?.blocks ?? []) {
          if (b.kind !== "values") continue;
          const m = /^([A-Z]+)(\d+)/.exec(b.address) as RegExpExecArray;
          const c0 = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
          b.cells.forEach((row, i) => row.forEach((v, j) => (((values[Number(m[2]) - 1 + i] ??= [])[c0 + j] = v as string | number | null))));
        }
        const read = readIndicatorRows(values, { tree, vendors, header: { row: p.layout.ratings.headerRow - 1, codeCol: 0, firstVendor: p.layout.ratings.firstCol - 1 }, source: { format: "xlsx" } });
        const expected = new Map<string, string | undefined>();
        for (const [vendor, byCode] of Object.entries(ratings)) for (const [code] of Object.entries(byCode)) expected.set(`${vendor}|${code}|`, notes[vendor]?.[code]?.trim() || undefined);
        expect(byKey(read.imported.accepted)).toEqual(expected);
        expect(read.extraVendors).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
