import type { Rating } from "../../src/core/engine";
import { defaultTree } from "../../src/core/model/default-tree";
import { leaves } from "../../src/core/model/tree";
import type { SyncStats } from "../../src/excel";
import type { ImportRatingsRequest } from "../../src/port";
import { colLetter, parseRect } from "../../src/plan";
import { readBlock, type ImportLogEntry } from "../../src/plan/importLog";
import { importRequest, readInput } from "../../src/taskpane/importFlow";
import { MemoryExcel as FakeExcel } from "../../src/demo/memoryExcel";
import { bigTree, portOn, request, vendors } from "./helpers";

const codes = leaves(defaultTree()).map((l) => l.node.code);

function rowOf(fake: FakeExcel, code: string, sheet = "Ratings"): number {
  for (let r = 4; r < 2000; r++) if (fake.cell(sheet, `A${r}`)?.value === code) return r;
  throw new Error(`no row for ${code}`);
}

function req(ratings: Rating[], over: Partial<ImportRatingsRequest> = {}): ImportRatingsRequest {
  return { ratings, choice: "keep-existing", sourceFile: "ratings.csv", newVendors: [], ...over };
}

type Value = string | number | boolean | null;
const LOG = "Import log";

/** A row of the sheet from column `from` (letters) for `n` cells. */
function rowValues(fake: FakeExcel, sheet: string, row: number, from: number, n: number): Value[] {
  return Array.from({ length: n }, (_, i) => fake.cell(sheet, `${colLetter(from + i)}${row}`)?.value ?? null);
}

/** The list of imports (columns A–J, from row 2). */
function listRows(fake: FakeExcel, sheet = LOG): Value[][] {
  const out: Value[][] = [];
  for (let r = 2; fake.cell(sheet, `A${r}`) !== undefined; r++) out.push(rowValues(fake, sheet, r, 1, 10));
  return out;
}

/** The cells an import logged, read back from its block as the undo reads it. */
function logged(fake: FakeExcel, importId: string, sheet = LOG): ImportLogEntry[] {
  const row = listRows(fake, sheet).find((r) => r[0] === importId);
  if (!row) throw new Error(`no import ${importId}`);
  const { r1, c1, r2, c2 } = parseRect(String(row[9]));
  const values = Array.from({ length: r2 - r1 + 1 }, (_, i) => rowValues(fake, sheet, r1 + i, c1, c2 - c1 + 1));
  return readBlock(values, importId) ?? [];
}

async function setUp(names = ["Acme", "Bolt", "Cirrus"]): Promise<FakeExcel> {
  const fake = new FakeExcel();
  await portOn(fake).createWorkbook(request({ vendors: names }));
  return fake;
}

describe("importRatings", () => {
  test.each([
    ["10 ratings", 10],
    ["10,000 ratings", 10_000],
  ])("%s: 3 syncs, every request under 4 MB, values where the layout says", async (_l, n) => {
    const fake = new FakeExcel();
    const tree = bigTree();
    const all = leaves(tree).map((l) => l.node.code);
    const names = vendors(50);
    await portOn(fake).createWorkbook(request({ tree, vendors: names }));
    const ratings: Rating[] = [];
    for (let i = 0; i < n; i++) ratings.push({ vendor: names[Math.floor(i / all.length)], code: all[i % all.length], value: i % 101 });
    const before = fake.syncs;
    const stats: Record<string, SyncStats> = {};
    const result = await portOn(fake, undefined, stats).importRatings(req(ratings));
    expect(fake.syncs - before).toBe(3);
    expect(stats.importRatings.syncs).toBe(3);
    expect(Math.max(...fake.requestBytes.slice(before))).toBeLessThan(4_000_000);
    expect(result).toMatchObject({ added: n, overwritten: 0, kept: 0, skipped: 0, newVendors: [] });
    const last = ratings[n - 1];
    const col = String.fromCharCode(68 + names.indexOf(last.vendor)); // D onwards; < 26 vendors used for this read
    if (names.indexOf(last.vendor) < 22) expect(fake.cell("Ratings", `${col}${rowOf(fake, last.code)}`)?.value).toBe(last.value);
    // one list row and one compact block: 2 rows per vendor touched, not a row per rating
    expect(listRows(fake)).toHaveLength(1);
    const entries = logged(fake, result.importId);
    expect(entries).toHaveLength(n);
    expect(entries.every((e) => e.action === "added" && e.oldValue === null)).toBe(true);
    expect(entries.find((e) => e.vendor === last.vendor && e.code === last.code)?.newValue).toBe(last.value);
    // a few bytes per rating in all: ratings, before and after (was one 10-column log row each)
    const sent = fake.requestBytes.slice(before).reduce((x, y) => x + y, 0);
    expect(sent).toBeLessThan(20 * n + 20_000);
    // rectangles, not one call per cell: a full import is one range per run of leaf rows
    const writes = fake.calls({ op: "set", name: "values", target: "Ratings!" });
    expect(writes.length).toBeLessThan(Math.max(10, n / 4));
  });

  test("keep existing vs overwrite; the log holds old and new values with time and source", async () => {
    const fake = await setUp();
    const [a, b, c] = codes;
    fake.put("Ratings", `D${rowOf(fake, a)}`, [[50, 60]]);
    const incoming: Rating[] = [
      { vendor: "Acme", code: a, value: 55 },
      { vendor: "Bolt", code: a, value: 60 },
      { vendor: "Acme", code: b, value: "NA" },
      { vendor: "Cirrus", code: c, value: 70, rater: "Ann" },
    ];
    const keep = await portOn(fake).importRatings(req(incoming));
    expect(keep).toMatchObject({ added: 2, overwritten: 0, kept: 1, unchanged: 1, logSheet: "Import log" });
    expect(fake.cell("Ratings", `D${rowOf(fake, a)}`)?.value).toBe(50);
    expect(fake.cell("Ratings", `D${rowOf(fake, b)}`)?.value).toBe("N/A");
    expect(fake.cell("Ratings", `F${rowOf(fake, c)}`)?.value).toBe(70);

    const over = await portOn(fake).importRatings(req(incoming, { choice: "overwrite", sourceFile: "second.xlsx" }));
    expect(over).toMatchObject({ added: 0, overwritten: 1, kept: 0, unchanged: 3 });
    expect(fake.cell("Ratings", `D${rowOf(fake, a)}`)?.value).toBe(55);
    // the list: one row per import, human-readable
    expect(rowValues(fake, LOG, 1, 1, 10)).toEqual(["Import", "Kind", "Time", "Source file", "Rater", "Added", "Overwritten", "Undone", "Not undone (changed since)", "Cells before and after"]);
    const list = listRows(fake);
    expect(list).toHaveLength(2);
    expect(list[0]).toEqual([keep.importId, "import", "2026-11-25T10:00:00.000Z", "ratings.csv", null, 2, 0, null, null, expect.stringMatching(/^L1:[A-Z]+\d+$/)]);
    expect(list[1].slice(1, 8)).toEqual(["import", "2026-11-25T10:00:00.000Z", "second.xlsx", null, 0, 1, null]);
    // the first block: heading, header of the codes it touched, a before and an after row per vendor
    expect(rowValues(fake, LOG, 1, 12, 4)).toEqual([keep.importId, "import", "2026-11-25T10:00:00.000Z", "ratings.csv"]);
    expect(rowValues(fake, LOG, 2, 12, 5)).toEqual(["Vendor", "Rater", "before / after", b, c]);
    expect(rowValues(fake, LOG, 3, 12, 5)).toEqual(["Acme", null, "before", "blank", null]);
    expect(rowValues(fake, LOG, 4, 12, 5)).toEqual(["Acme", null, "after", "N/A", null]);
    expect(rowValues(fake, LOG, 5, 12, 5)).toEqual(["Cirrus", "Ann", "before", null, "blank"]);
    expect(rowValues(fake, LOG, 6, 12, 5)).toEqual(["Cirrus", "Ann", "after", null, 70]);
    // the second block below it, after a blank row
    expect(fake.cell(LOG, "L7")).toBeUndefined();
    expect(rowValues(fake, LOG, 8, 12, 4)).toEqual([over.importId, "import", "2026-11-25T10:00:00.000Z", "second.xlsx"]);
    expect(list[1][9]).toBe("L8:O11");
    expect(logged(fake, keep.importId)).toEqual([
      { vendor: "Acme", code: b, oldValue: null, newValue: "NA", action: "added" },
      { vendor: "Cirrus", code: c, rater: "Ann", oldValue: null, newValue: 70, action: "added" },
    ]);
    expect(logged(fake, over.importId)).toEqual([{ vendor: "Acme", code: a, oldValue: 50, newValue: 55, action: "overwritten" }]);
  });

  test("a text cell (a stray note) is existing content: kept, or overwritten and logged; undo puts the text back", async () => {
    const fake = await setUp();
    const [a, b] = codes;
    fake.put("Ratings", `D${rowOf(fake, a)}`, [["see note", "blank"]]);
    fake.put("Ratings", `D${rowOf(fake, b)}`, [["50", 150]]);
    const incoming: Rating[] = [
      { vendor: "Acme", code: a, value: 10 },
      { vendor: "Bolt", code: a, value: 20 },
      { vendor: "Acme", code: b, value: 50 },
      { vendor: "Bolt", code: b, value: 30 },
    ];
    const port = portOn(fake);
    expect(await port.importRatings(req(incoming))).toMatchObject({ added: 0, overwritten: 0, kept: 4, unchanged: 0 });
    expect(fake.sheet(LOG)).toBeUndefined();
    const over = await port.importRatings(req(incoming, { choice: "overwrite" }));
    expect(over).toMatchObject({ added: 0, overwritten: 4, kept: 0, unchanged: 0 });
    expect(fake.cell("Ratings", `D${rowOf(fake, a)}`)?.value).toBe(10);
    expect(logged(fake, over.importId).map((e) => [e.vendor, e.code, e.oldValue])).toEqual([
      ["Acme", a, "see note"],
      ["Acme", b, "50"],
      ["Bolt", a, "blank"],
      ["Bolt", b, 150],
    ]);
    // a text equal to the blank marker is stored quoted, so undo tells it from an empty cell
    expect(fake.cell(LOG, "O5")?.value).toBe('"blank"');
    expect(await port.undoImport(over.importId)).toEqual({ restored: 4, changedSince: 0, missing: 0 });
    expect(fake.cell("Ratings", `D${rowOf(fake, a)}`)?.value).toBe("see note");
    expect(fake.cell("Ratings", `E${rowOf(fake, a)}`)?.value).toBe("blank");
    expect(fake.cell("Ratings", `D${rowOf(fake, b)}`)).toMatchObject({ value: "50", numberFormat: "@" });
    expect(fake.cell("Ratings", `E${rowOf(fake, b)}`)?.value).toBe(150);
  });

  test("a rating cell holding a formula: overwritten, logged as the formula's text, and undo puts the formula back", async () => {
    const fake = await setUp();
    const [a, b] = codes;
    const [ra, rb] = [rowOf(fake, a), rowOf(fake, b)];
    fake.putFormula("Ratings", `D${ra}`, "=40+45", 85);
    fake.putFormula("Ratings", `E${ra}`, "=Sheet2!B4", 60);
    fake.putFormula("Ratings", `F${ra}`, '=IF(Sheet2!B5="","",Sheet2!B5)'); // shows blank
    fake.put("Ratings", `D${rb}`, [["=x"]]); // a text typed with an apostrophe: reads "=x" as value and as formula
    const incoming: Rating[] = [
      { vendor: "Acme", code: a, value: 90 },
      { vendor: "Bolt", code: a, value: 60 },
      { vendor: "Cirrus", code: a, value: 70 },
      { vendor: "Acme", code: b, value: 10 },
    ];
    const stats: Record<string, SyncStats> = {};
    const port = portOn(fake, undefined, stats);
    // keep existing: the formulas showing a value are conflicts (decided on values) and stay
    expect(await port.importRatings(req(incoming.slice(0, 2)))).toMatchObject({ added: 0, kept: 1, unchanged: 1 });
    expect(fake.cell("Ratings", `D${ra}`)).toMatchObject({ formula: "=40+45", value: 85 });

    const loadsBefore = fake.calls({ op: "load" }).length;
    const over = await port.importRatings(req(incoming, { choice: "overwrite" }));
    expect(stats.importRatings.syncs).toBe(3);
    expect(over).toMatchObject({ added: 1, overwritten: 2, unchanged: 1, kept: 0 });
    // Ratings read with its formulas (same range, same sync); Weights without
    const loads = fake.calls({ op: "load" }).slice(loadsBefore);
    expect(loads.filter((c) => c.target.startsWith("Ratings!")).map((c) => c.args[0])).toEqual(["address,values,formulas"]);
    expect(loads.filter((c) => c.target.startsWith("Weights!")).map((c) => c.args[0])).toEqual(["address,values"]);
    expect(fake.cell("Ratings", `D${ra}`)).toEqual({ numberFormat: undefined, value: 90 });
    expect(fake.cell("Ratings", `E${ra}`)).toMatchObject({ formula: "=Sheet2!B4", value: 60 }); // unchanged: not written

    // the log: the formulas as text (formatted "@" before they were written, never live), the text "=x" quoted
    const entries = logged(fake, over.importId);
    expect(entries).toEqual([
      { vendor: "Acme", code: a, oldValue: "=40+45", oldFormula: "=40+45", newValue: 90, action: "overwritten" },
      { vendor: "Acme", code: b, oldValue: "=x", newValue: 10, action: "overwritten" },
      { vendor: "Cirrus", code: a, oldValue: '=IF(Sheet2!B5="","",Sheet2!B5)', oldFormula: '=IF(Sheet2!B5="","",Sheet2!B5)', newValue: 70, action: "overwritten" },
    ]);
    const logCells = [...(fake.sheet(LOG)?.cells.values() ?? [])];
    expect(logCells.every((c) => c.formula === undefined)).toBe(true);
    expect(logCells.find((c) => c.value === "=40+45")).toMatchObject({ numberFormat: "@" });
    expect(logCells.find((c) => c.value === '=IF(Sheet2!B5="","",Sheet2!B5)')).toMatchObject({ numberFormat: "@" });
    expect(logCells.some((c) => c.value === '"=x"')).toBe(true);
    expect(listRows(fake).map((r) => r.slice(5, 7))).toEqual([[1, 2]]);

    const undoBefore = fake.syncs;
    expect(await port.undoImport(over.importId)).toEqual({ restored: 3, changedSince: 0, missing: 0 });
    expect(fake.syncs - undoBefore).toBe(4);
    // formulas written back as formulas, the text as text
    expect(fake.cell("Ratings", `D${ra}`)?.formula).toBe("=40+45");
    expect(fake.cell("Ratings", `F${ra}`)?.formula).toBe('=IF(Sheet2!B5="","",Sheet2!B5)');
    expect(fake.cell("Ratings", `D${rb}`)).toMatchObject({ value: "=x", numberFormat: "@" });
    expect(fake.cell("Ratings", `D${rb}`)?.formula).toBeUndefined();
    expect(fake.calls({ op: "set", name: "formulas", target: "Ratings!" }).slice(-2).map((c) => c.args[0])).toEqual([[["=40+45"]], [['=IF(Sheet2!B5="","",Sheet2!B5)']]]);
    // as Excel reports them
    const range = fake.context.workbook.worksheets.getItem("Ratings").getRange(`D${ra}:F${ra}`).load("formulas");
    await fake.context.sync();
    expect(range.formulas).toEqual([["=40+45", "=Sheet2!B4", '=IF(Sheet2!B5="","",Sheet2!B5)']]);
    expect(fake.sheet("Ratings")?.protected).toBe(true);
  });

  test("the pane's preview, read from this workbook, counts what the write does: text and out-of-range cells are conflicts", async () => {
    const fake = await setUp();
    const [a, b] = codes;
    fake.put("Ratings", `D${rowOf(fake, a)}`, [["see note", 150, 40]]);
    fake.put("Ratings", `D${rowOf(fake, b)}`, [["n/a"]]);
    const port = portOn(fake);
    const snapshot = await port.readWorkbook();
    if (!snapshot) throw new Error("no snapshot");
    const text = `Vendor,Indicator,Score\nAcme,${a},80\nBolt,${a},70\nCirrus,${a},40\nAcme,${b},N/A\nBolt,${b},60\n`;
    const { result, preview } = await readInput({ kind: "paste", text }, snapshot, { encoding: "auto", delimiter: "auto", columns: {} });
    expect({ added: preview.added, unchanged: preview.unchanged, conflicts: preview.conflicts.length }).toEqual({ added: 1, unchanged: 2, conflicts: 2 });
    expect(preview.conflicts.map((c) => c.existing)).toEqual([{ text: "see note" }, { text: "150" }]);
    const keep = await port.importRatings(importRequest(result, preview, "keep-existing", "p.csv"));
    expect(keep).toMatchObject({ added: preview.added, unchanged: preview.unchanged, kept: preview.conflicts.length, overwritten: 0 });
    const again = await readInput({ kind: "paste", text }, (await port.readWorkbook()) ?? snapshot, { encoding: "auto", delimiter: "auto", columns: {} });
    const over = await port.importRatings(importRequest(again.result, again.preview, "overwrite", "p.csv"));
    expect(over).toMatchObject({ added: again.preview.added, overwritten: again.preview.conflicts.length, kept: 0 });
  });

  test("undo restores old values (blank where the import added), marks the rows and leaves later edits", async () => {
    const fake = await setUp();
    const [a, b] = codes;
    fake.put("Ratings", `D${rowOf(fake, a)}`, [[50, 60, 70]]);
    const port = portOn(fake);
    const done = await port.importRatings(req([
      { vendor: "Acme", code: a, value: 1 },
      { vendor: "Bolt", code: a, value: 2 },
      { vendor: "Acme", code: b, value: 3 },
    ], { choice: "overwrite" }));
    fake.put("Ratings", `E${rowOf(fake, a)}`, [[99]]); // changed by hand since
    expect(await port.listImports()).toEqual([{ importId: done.importId, kind: "import", time: "2026-11-25T10:00:00.000Z", sourceFile: "ratings.csv", added: 1, overwritten: 2, undone: false }]);
    const before = fake.syncs;
    const undo = await port.undoImport(done.importId);
    // probe; model, Ratings and the list; the import's block; write
    expect(fake.syncs - before).toBe(4);
    expect(undo).toEqual({
      restored: 2,
      changedSince: 1,
      missing: 0,
      changedCells: [{ sheet: "Ratings", address: `E${rowOf(fake, a)}`, vendor: "Bolt", code: a, imported: 2, now: 99 }],
    });
    expect(fake.cell("Ratings", `D${rowOf(fake, a)}`)?.value).toBe(50);
    expect(fake.cell("Ratings", `E${rowOf(fake, a)}`)?.value).toBe(99);
    expect(fake.cell("Ratings", `D${rowOf(fake, b)}`)?.value).toBeUndefined();
    // marked undone in the list, with the cells left because they changed since
    expect(listRows(fake)[0].slice(7, 9)).toEqual(["2026-11-25T10:00:00.000Z", 1]);
    expect((await port.listImports())[0].undone).toBe(true);
    await expect(port.undoImport(done.importId)).rejects.toMatchObject({ code: "ScorecardImportNotFound" });
    expect(fake.sheet("Ratings")?.protected).toBe(true);
  });

  test("nothing to write: 2 syncs, no log sheet", async () => {
    const fake = await setUp();
    fake.put("Ratings", `D${rowOf(fake, codes[0])}`, [[50]]);
    const before = fake.syncs;
    const r = await portOn(fake).importRatings(req([{ vendor: "Acme", code: codes[0], value: 50 }, { vendor: "Acme", code: "nope", value: 1 }]));
    expect(fake.syncs - before).toBe(2);
    expect(r).toMatchObject({ added: 0, unchanged: 1, skipped: 1 });
    expect(fake.sheet("Import log")).toBeUndefined();
  });

  test("no scorecard: a plain error code", async () => {
    await expect(portOn(new FakeExcel()).importRatings(req([]))).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("a big Import log", () => {
  test("list reads only the list; undo reads only the import's block, in one read; every response under 4 MB", async () => {
    const fake = new FakeExcel();
    const tree = bigTree();
    const all = leaves(tree).map((l) => l.node.code);
    const names = vendors(125);
    await portOn(fake).createWorkbook(request({ tree, vendors: names }));
    const port = portOn(fake);
    const first = await port.importRatings(req(names.flatMap((vendor) => all.map((code) => ({ vendor, code, value: 1 })))));
    const second = await port.importRatings(req([{ vendor: names[0], code: all[0], value: 2 }], { choice: "overwrite", sourceFile: "one.csv" }));
    expect(logged(fake, first.importId)).toHaveLength(25_000);
    const before = fake.syncs;
    const list = await port.listImports();
    expect(fake.syncs - before).toBe(2);
    expect(Math.max(...fake.responseBytes.slice(before))).toBeLessThan(2_000);
    expect(list.map((s) => [s.importId, s.sourceFile, s.added, s.overwritten, s.undone])).toEqual([
      [second.importId, "one.csv", 0, 1, false],
      [first.importId, "ratings.csv", 25_000, 0, false],
    ]);
    const at = fake.syncs;
    const undo = await port.undoImport(first.importId);
    // probe; model, Ratings and the list; the block (250 rows × 203 columns); write
    expect(fake.syncs - at).toBe(4);
    expect(Math.max(...fake.responseBytes.slice(at))).toBeLessThan(4_000_000);
    expect(Math.max(...fake.requestBytes.slice(at))).toBeLessThan(4_000_000);
    expect(undo).toMatchObject({ restored: 24_999, changedSince: 1, missing: 0 });
    expect((await port.listImports()).map((s) => s.undone)).toEqual([false, true]);
    // the first undo left the cell the second import changed; undoing the second puts back what it held before it
    expect(await port.undoImport(second.importId)).toMatchObject({ restored: 1 });
    expect(fake.cell("Ratings", `D${rowOf(fake, all[0])}`)?.value).toBe(1);
  });
});

describe("importRatings with new vendors", () => {
  const hostile = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "-1+1", "@SUM(A1)"];

  test("formula-like vendor names stay literal text in every cell they reach; constant syncs; ratings kept", async () => {
    const fake = await setUp(["Acme"]);
    const [a, b] = codes;
    fake.put("Ratings", `D${rowOf(fake, a)}`, [[40]]);
    const incoming: Rating[] = hostile.flatMap((vendor, i) => [{ vendor, code: a, value: 10 + i }, { vendor, code: b, value: 20 + i }]);
    const before = fake.syncs;
    const port = portOn(fake);
    const result = await port.importRatings(req(incoming, { newVendors: hostile }));
    // probe + read + log + rebuild
    expect(fake.syncs - before).toBe(4);
    expect(result).toMatchObject({ added: 8, newVendors: hostile });

    // Ratings header: literal text, formatted as text before it was written
    hostile.forEach((v, i) => {
      const c = fake.cell("Ratings", `${String.fromCharCode(69 + i)}3`);
      expect(c).toMatchObject({ value: v, numberFormat: "@" });
      expect(c?.formula).toBeUndefined();
      expect(fake.cell("Ratings", `${String.fromCharCode(69 + i)}${rowOf(fake, a)}`)?.value).toBe(10 + i);
    });
    expect(fake.cell("Ratings", `D${rowOf(fake, a)}`)?.value).toBe(40);
    // no cell anywhere holds a formula made of a vendor name (Results reads the header by reference)
    for (const sheet of fake.sheets) {
      for (const cell of sheet.cells.values()) {
        const f = cell.formula ?? "";
        expect(/HYPERLINK|cmd\||SUM\(A1\)|^=-1\+1$/.test(f)).toBe(false);
        if (typeof cell.value === "string" && hostile.includes(cell.value)) expect(cell.numberFormat).toBe("@");
      }
    }
    // Import log vendor column
    const logVendors = logged(fake, result.importId).map((e) => e.vendor);
    expect(new Set(logVendors)).toEqual(new Set(hostile));
    for (const cell of fake.sheet(LOG)?.cells.values() ?? []) {
      if (typeof cell.value === "string" && hostile.includes(cell.value)) expect(cell.numberFormat).toBe("@");
      expect(cell.formula).toBeUndefined();
    }
    // Model: read back, the vendor list is exactly the names
    const snap = await port.readWorkbook();
    expect(snap?.vendors).toEqual(["Acme", ...hostile]);
    expect(snap?.ratings).toEqual(expect.arrayContaining([{ vendor: hostile[0], code: a, value: 10 }, { vendor: "Acme", code: a, value: 40 }]));
    // Results: the vendor cell is a reference to the Ratings header, never the name as a formula
    const resultRefs = fake.calls({ op: "set", name: "formulas", target: "Results!" }).flatMap((c) => (c.args[0] as unknown[][]).flat()).filter((v) => typeof v === "string");
    expect(resultRefs.some((f) => /Ratings'!E\$3/.test(f as string))).toBe(true);
  });

  test("a Chinese workbook gets 导入日志; undoing an import that added a vendor clears its ratings (the vendor stays)", async () => {
    const fake = new FakeExcel();
    const port = portOn(fake);
    await port.createWorkbook(request({ vendors: ["Acme"], locale: "zh-CN" }));
    const done = await port.importRatings(req([{ vendor: "新供应商", code: codes[0], value: 66 }]));
    expect(done).toMatchObject({ added: 1, newVendors: ["新供应商"], logSheet: "导入日志" });
    expect(fake.cell("导入日志", "A1")?.value).toBe("导入编号");
    expect(fake.cell("导入日志", "B2")?.value).toBe("导入");
    expect(rowValues(fake, "导入日志", 2, 12, 4)).toEqual(["供应商", "评分人", "导入前 / 导入后", codes[0]]);
    expect(rowValues(fake, "导入日志", 3, 12, 4)).toEqual(["新供应商", null, "导入前", "空"]);
    expect(logged(fake, done.importId, "导入日志")).toEqual([{ vendor: "新供应商", code: codes[0], oldValue: null, newValue: 66, action: "added" }]);
    expect(fake.cell("评分", `E${rowOf(fake, codes[0], "评分")}`)?.value).toBe(66);
    expect(await port.undoImport(done.importId)).toEqual({ restored: 1, changedSince: 0, missing: 0 });
    expect(fake.cell("评分", `E${rowOf(fake, codes[0], "评分")}`)?.value).toBeUndefined();
    expect((await port.readWorkbook())?.vendors).toEqual(["Acme", "新供应商"]);
  });

  test("10,000 ratings for 50 new vendors: still 4 syncs, requests under 4 MB", async () => {
    const fake = new FakeExcel();
    const tree = bigTree();
    const all = leaves(tree).map((l) => l.node.code);
    await portOn(fake).createWorkbook(request({ tree, vendors: ["Old"] }));
    const names = vendors(50);
    const ratings: Rating[] = names.flatMap((vendor) => all.map((code, i) => ({ vendor, code, value: i % 100 })));
    const before = fake.syncs;
    await portOn(fake).importRatings(req(ratings, { newVendors: names }));
    expect(fake.syncs - before).toBe(4);
    expect(Math.max(...fake.requestBytes.slice(before))).toBeLessThan(4_000_000);
  });
});
