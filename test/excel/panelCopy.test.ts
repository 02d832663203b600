/**
 * Rater copy round trip through the Excel adapter: exportRaterCopy bytes → a cell filled with
 * ExcelJS (as the rater would in Excel) → mergeReturnedCopy previews it → applyReturnedCopy
 * writes it into that rater's sheet only → readWorkbook shows it. Sync counts are constant.
 */
import ExcelJS from "exceljs";
import { defaultTree } from "../../src/core/model/default-tree";
import { leaves } from "../../src/core/model/tree";
import { applyPlan, type SyncStats } from "../../src/excel";
import { buildPlan, cell, MODEL_SHEET_NAME, parseRect, type CellValue } from "../../src/plan";
import { readBlockNotes } from "../../src/plan/importLog";
import { MemoryExcel as FakeExcel } from "../../src/demo/memoryExcel";
import { NOW, portOn, request, vendors } from "./helpers";

const codes = leaves(defaultTree()).map((l) => l.node.code);
const raters = ["Ann", "Bo", "Cy"];

/** The row of a code on a rating sheet (codes in column A). */
function rowFinder(fake: FakeExcel, sheet: string): (code: string) => number {
  return (code) => {
    for (let r = 4; r < 200; r++) if (fake.cell(sheet, `A${r}`)?.value === code) return r;
    throw new Error(code);
  };
}

/** The notes-grid cell of vendor × code on a rating sheet: the column headed "Reason: vendor", the code's row. */
function noteAt(fake: FakeExcel, sheet: string, vendor: string, code: string): string {
  for (let r = 1; r < 10; r++) {
    for (let c = 1; c < 40; c++) if (fake.cell(sheet, cell(r, c))?.value === `Reason: ${vendor}`) return cell(rowFinder(fake, sheet)(code), c);
  }
  throw new Error(`no notes column for ${vendor}`);
}

/** A rectangle of a sheet's values (blank cells null). */
function valuesAt(fake: FakeExcel, sheet: string, address: string): CellValue[][] {
  const { r1, c1, r2, c2 } = parseRect(address);
  return Array.from({ length: r2 - r1 + 1 }, (_, i) => Array.from({ length: c2 - c1 + 1 }, (_, j) => (fake.cell(sheet, cell(r1 + i, c1 + j))?.value ?? null) as CellValue));
}

/** A copy's rating sheet, as the rater opens it. */
async function copySheet(bytes: Uint8Array): Promise<{ wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return { wb, ws: wb.worksheets.find((w) => w.name !== MODEL_SHEET_NAME) as ExcelJS.Worksheet };
}

/** Row of a code (column A) and column of a header (a vendor, or "Reason: vendor") on a copy's sheet; 0 when absent. */
function copyAt(ws: ExcelJS.Worksheet, code: string, header = ""): { row: number; col: number } {
  let row = 0;
  let col = 0;
  ws.eachRow((r, n) => {
    if (r.getCell(1).value === code) row = n;
    r.eachCell((c, k) => {
      if (header !== "" && c.value === header && col === 0) col = k;
    });
  });
  return { row, col };
}

/** The value of a copy's cell for a code and a column header. */
async function copyCell(bytes: Uint8Array, code: string, header: string): Promise<unknown> {
  const { ws } = await copySheet(bytes);
  const { row, col } = copyAt(ws, code, header);
  return ws.getCell(row, col).value;
}

/** A panel workbook on a fake, a port recording its sync stats, and Ann's sheet with a row finder. */
async function annPanel(): Promise<{ fake: FakeExcel; stats: Record<string, SyncStats>; port: ReturnType<typeof portOn>; sheet: string; rowOf: (code: string) => number }> {
  const fake = new FakeExcel();
  await portOn(fake).createWorkbook(request({ raters }));
  const stats: Record<string, SyncStats> = {};
  const sheet = "Ratings - Ann";
  return { fake, stats, port: portOn(fake, undefined, stats), sheet, rowOf: rowFinder(fake, sheet) };
}

/** Fills the copy's cell for vendor × code (found by the code column and the vendor header), as a rater would. */
async function fill(bytes: Uint8Array, cells: { vendor: string; code: string; value: number | string }[], extra?: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const { wb, ws } = await copySheet(bytes);
  for (const c of cells) {
    const { row, col } = copyAt(ws, c.code, c.vendor);
    ws.getCell(row, col).value = c.value;
  }
  extra?.(ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("rater copy round trip (Excel adapter)", () => {
  test("export → fill with ExcelJS → preview → merge into that rater's sheet → read back", async () => {
    const fake = new FakeExcel();
    await portOn(fake).createWorkbook(request({ raters }));
    const stats: Record<string, SyncStats> = {};
    const port = portOn(fake, undefined, stats);

    const exportReadsBefore = fake.calls({ name: "getUsedRangeOrNullObject" }).length;
    const file = await port.exportRaterCopy("Bo");
    expect(stats.exportRaterCopy.syncs).toBe(3);
    // the model, Weights and Bo's sheet only: no other rater's sheet, no Moderation
    expect(fake.calls({ name: "getUsedRangeOrNullObject" }).slice(exportReadsBefore).map((c) => c.target)).toEqual([`sheet(${MODEL_SHEET_NAME})`, "sheet(Weights)", "sheet(Ratings - Bo)"]);
    expect(file.fileName).toBe("Scorecard - Bo.xlsx");
    expect([...file.bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);

    const returned = await fill(file.bytes, [
      { vendor: "Vendor 2", code: codes[0], value: 75 },
      { vendor: "Vendor 1", code: codes[1], value: "N/A" },
      { vendor: "Vendor 3", code: codes[2], value: 150 },
    ]);
    const readsBefore = fake.calls({ name: "getUsedRangeOrNullObject" }).length;
    const preview = await port.mergeReturnedCopy(returned, "bo-back.xlsx");
    expect(stats.mergeReturnedCopy.syncs).toBe(3);
    // the model, Weights and Bo's sheet only: no other rater's sheet, no Moderation
    const usedRanges = (from: number): string[] => fake.calls({ name: "getUsedRangeOrNullObject" }).slice(from).map((c) => c.target);
    expect(usedRanges(readsBefore)).toEqual([`sheet(${MODEL_SHEET_NAME})`, "sheet(Weights)", "sheet(Ratings - Bo)"]);
    expect(preview).toMatchObject({ rater: "Bo", knownRater: true, ok: true, sourceFile: "bo-back.xlsx", extraVendors: [], unknownCodes: [], warnings: [] });
    expect(preview.preview).toMatchObject({ accepted: 2, rejected: 1, added: 2, unchanged: 0, conflicts: [] });
    // In the copy's row order.
    expect(preview.ratings).toEqual([
      { vendor: "Vendor 2", code: codes[0], rater: "Bo", value: 75 },
      { vendor: "Vendor 1", code: codes[1], rater: "Bo", value: "NA" },
    ]);

    const writesBefore = fake.calls({ op: "set", name: "values" }).length;
    const applyReadsBefore = fake.calls({ name: "getUsedRangeOrNullObject" }).length;
    const result = await port.applyReturnedCopy(preview, "keep-existing");
    expect(stats.applyReturnedCopy.syncs).toBe(4);
    expect(usedRanges(applyReadsBefore).filter((t) => t.startsWith("sheet(Ratings") || t.startsWith("sheet(Moderation"))).toEqual(["sheet(Ratings - Bo)"]);
    expect(result).toEqual({ added: 2, overwritten: 0, kept: 0, unchanged: 0, skipped: 0, notes: { added: 0, overwritten: 0, kept: 0, unchanged: 0 }, importId: "imp-20261125-100000-000-1", logSheet: "Import log" });
    const writes = fake.calls({ op: "set", name: "values" }).slice(writesBefore);
    expect(new Set(writes.map((w) => w.target.split("!")[0]))).toEqual(new Set(["Ratings - Bo", "Import log"]));

    const snap = await port.readWorkbook();
    expect(snap?.ratings).toEqual([
      { vendor: "Vendor 1", code: codes[1], rater: "Bo", value: "NA" },
      { vendor: "Vendor 2", code: codes[0], rater: "Bo", value: 75 },
    ]);
  });

  test("a second copy with a changed rating: conflict kept or overwritten; the export pre-fills the rater's ratings", async () => {
    const fake = new FakeExcel();
    await portOn(fake).createWorkbook(request({ raters }));
    const port = portOn(fake);
    const first = await fill((await port.exportRaterCopy("Ann")).bytes, [{ vendor: "Vendor 1", code: codes[0], value: 40 }]);
    await port.applyReturnedCopy(await port.mergeReturnedCopy(first, "a1.xlsx"), "keep-existing");

    const again = await port.exportRaterCopy("Ann");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(again.bytes as unknown as ExcelJS.Buffer);
    const values: unknown[] = [];
    wb.worksheets[0].eachRow((r) => r.eachCell((c) => void values.push(c.value)));
    expect(values).toContain(40);

    const second = await fill(again.bytes, [{ vendor: "Vendor 1", code: codes[0], value: 90 }]);
    const preview = await port.mergeReturnedCopy(second, "a2.xlsx");
    expect(preview.preview.conflicts).toEqual([{ vendor: "Vendor 1", code: codes[0], rater: "Ann", existing: 40, incoming: 90, line: expect.any(Number) }]);
    expect(await port.applyReturnedCopy(preview, "keep-existing")).toMatchObject({ kept: 1, overwritten: 0 });
    expect((await port.readWorkbook())?.ratings.find((r) => r.rater === "Ann")?.value).toBe(40);
    expect(await port.applyReturnedCopy(preview, "overwrite")).toMatchObject({ kept: 0, overwritten: 1 });
    expect((await port.readWorkbook())?.ratings.find((r) => r.rater === "Ann")?.value).toBe(90);
  });

  test("a merge is logged like an import: listed with its rater and file, undone cell by cell; later edits are reported, not overwritten", async () => {
    const { fake, stats, port, sheet, rowOf } = await annPanel();
    // Ann already rated Vendor 1 on codes[0] (40); a stray note sits in Vendor 2 × codes[1]
    fake.put(sheet, `D${rowOf(codes[0])}`, [[40]]);
    fake.put(sheet, `E${rowOf(codes[1])}`, [["ask Bo"]]);
    const back = await fill((await port.exportRaterCopy("Ann", { prefill: false })).bytes, [
      { vendor: "Vendor 1", code: codes[0], value: 90 },
      { vendor: "Vendor 2", code: codes[1], value: 70 },
      { vendor: "Vendor 3", code: codes[2], value: "N/A" },
      { vendor: "Vendor 1", code: codes[3], value: 10 },
    ]);
    const preview = await port.mergeReturnedCopy(back, "ann-back.xlsx");
    // the note is existing content: a conflict in the preview, as the write counts it
    expect(preview.preview).toMatchObject({ added: 2, conflicts: [expect.objectContaining({ existing: 40 }), expect.objectContaining({ existing: { text: "ask Bo" } })] });
    const merged = await port.applyReturnedCopy(preview, "overwrite");
    expect(stats.applyReturnedCopy.syncs).toBe(4);
    expect(merged).toMatchObject({ added: 2, overwritten: 2, kept: 0, logSheet: "Import log" });
    expect(fake.cell(sheet, `E${rowOf(codes[1])}`)?.value).toBe(70);

    const list = await port.listImports();
    expect(stats.listImports.syncs).toBe(2);
    expect(list).toEqual([{ importId: merged.importId, kind: "merge", time: "2026-11-25T10:00:00.000Z", sourceFile: "ann-back.xlsx", rater: "Ann", added: 2, overwritten: 2, undone: false }]);
    expect(fake.cell("Import log", "B2")?.value).toBe("returned copy");
    expect(fake.cell("Import log", "E2")?.value).toBe("Ann");

    fake.put(sheet, `D${rowOf(codes[3])}`, [[11]]); // Ann's score changed by hand after the merge
    const undo = await port.undoImport(merged.importId as string);
    expect(stats.undoImport.syncs).toBe(4);
    expect(undo).toEqual({ restored: 3, changedSince: 1, missing: 0, changedCells: [{ sheet, address: `D${rowOf(codes[3])}`, vendor: "Vendor 1", code: codes[3], rater: "Ann", imported: 10, now: 11 }] });
    expect(fake.cell(sheet, `D${rowOf(codes[0])}`)?.value).toBe(40);
    expect(fake.cell(sheet, `E${rowOf(codes[1])}`)?.value).toBe("ask Bo");
    expect(fake.cell(sheet, `F${rowOf(codes[2])}`)).toBeUndefined();
    expect(fake.cell(sheet, `D${rowOf(codes[3])}`)?.value).toBe(11);
    expect(fake.sheet(sheet)?.protected).toBe(true);
    // only Ann's sheet was written back
    expect((await port.readWorkbook())?.ratings.filter((r) => r.rater !== "Ann")).toEqual([]);
    expect((await port.listImports())[0].undone).toBe(true);
    await expect(port.undoImport(merged.importId as string)).rejects.toMatchObject({ code: "ScorecardImportNotFound" });
  });

  test("a merge over a rating cell holding a formula: logged as the formula's text; undo puts the formula back", async () => {
    const { fake, stats, port, sheet, rowOf } = await annPanel();
    fake.putFormula(sheet, `D${rowOf(codes[0])}`, "=40+45", 85);
    fake.put(sheet, `E${rowOf(codes[1])}`, [["=ask Bo"]]); // text typed with an apostrophe
    const back = await fill((await port.exportRaterCopy("Ann", { prefill: false })).bytes, [
      { vendor: "Vendor 1", code: codes[0], value: 90 },
      { vendor: "Vendor 2", code: codes[1], value: 70 },
    ]);
    const loadsBefore = fake.calls({ op: "load" }).length;
    const preview = await port.mergeReturnedCopy(back, "ann-back.xlsx");
    expect(preview.preview.conflicts.map((c) => c.existing)).toEqual([85, { text: "=ask Bo" }]);
    const merged = await port.applyReturnedCopy(preview, "overwrite");
    expect(stats.applyReturnedCopy.syncs).toBe(4);
    expect(merged).toMatchObject({ added: 0, overwritten: 2 });
    // the preview reads Ann's values; the merge written reads her formulas too, in the same range and sync
    const annLoads = fake.calls({ op: "load" }).slice(loadsBefore).filter((c) => c.target.startsWith(`${sheet}!`)).map((c) => c.args[0]);
    expect(annLoads).toEqual(["address,values", "address,values,formulas"]);
    expect(fake.cell(sheet, `D${rowOf(codes[0])}`)?.formula).toBeUndefined();

    const logCells = [...(fake.sheet("Import log")?.cells.values() ?? [])];
    expect(logCells.find((c) => c.value === "=40+45")).toMatchObject({ numberFormat: "@" });
    expect(logCells.find((c) => c.value === '"=ask Bo"')).toBeDefined();
    expect(logCells.every((c) => c.formula === undefined)).toBe(true);

    expect(await port.undoImport(merged.importId as string)).toEqual({ restored: 2, changedSince: 0, missing: 0 });
    expect(fake.cell(sheet, `D${rowOf(codes[0])}`)?.formula).toBe("=40+45");
    expect(fake.cell(sheet, `E${rowOf(codes[1])}`)).toMatchObject({ value: "=ask Bo", numberFormat: "@" });
    expect(fake.cell(sheet, `E${rowOf(codes[1])}`)?.formula).toBeUndefined();
    expect(fake.sheet(sheet)?.protected).toBe(true);
  });

  test("not an xlsx, or a copy for a rater the workbook lacks: previewed with a warning, nothing to merge", async () => {
    const fake = new FakeExcel();
    await portOn(fake).createWorkbook(request({ raters }));
    const port = portOn(fake);
    const junk = await port.mergeReturnedCopy(new TextEncoder().encode("vendor,code\n"), "x.csv");
    expect(junk).toMatchObject({ ok: false, warnings: ["not-xlsx"], ratings: [] });

    const other = new FakeExcel();
    await portOn(other).createWorkbook(request({ raters: ["Zed", "Yu"] }));
    const foreign = await fill((await portOn(other).exportRaterCopy("Zed")).bytes, [{ vendor: "Vendor 1", code: codes[0], value: 50 }]);
    const preview = await port.mergeReturnedCopy(foreign, "zed.xlsx");
    expect(preview).toMatchObject({ rater: "Zed", knownRater: false });
    expect(preview.warnings).toContain("unknown-rater");
    await expect(port.applyReturnedCopy(preview, "overwrite")).rejects.toMatchObject({ code: "ScorecardUnknownRater" });
  });

  test("the preview still refuses a panel with a rater's sheet missing, though it reads only the copy's rater's sheet", async () => {
    const fake = new FakeExcel();
    await portOn(fake).createWorkbook(request({ raters }));
    const port = portOn(fake);
    const back = await fill((await port.exportRaterCopy("Ann")).bytes, [{ vendor: "Vendor 1", code: codes[0], value: 50 }]);
    fake.sheets.splice(fake.sheets.findIndex((s) => s.name === "Ratings - Cy"), 1);
    await expect(port.mergeReturnedCopy(back, "ann.xlsx")).rejects.toMatchObject({ code: "ItemNotFound", message: expect.stringContaining("Ratings - Cy") });
  });

  test("a single-rater scorecard has no rater copies", async () => {
    const fake = new FakeExcel();
    await portOn(fake).createWorkbook(request());
    await expect(portOn(fake).exportRaterCopy("Ann")).rejects.toMatchObject({ code: "ScorecardNotAPanel" });
  });
});

describe("rater copies carry reasons (notes grid, issue #14)", () => {
  test("export pre-fills the rater's reasons; the returned reasons are previewed, written with the ratings in one write and logged in the same block", async () => {
    const { fake, stats, port, sheet, rowOf } = await annPanel();
    // Ann already rated and gave reasons; Bo has a reason too (never read nor written)
    fake.put(sheet, `D${rowOf(codes[0])}`, [[40]]);
    fake.put(sheet, noteAt(fake, sheet, "Vendor 1", codes[0]), [["pilot went well"]]);
    fake.put(sheet, noteAt(fake, sheet, "Vendor 2", codes[1]), [["no SLA offered"]]);
    fake.put("Ratings - Bo", noteAt(fake, "Ratings - Bo", "Vendor 1", codes[0]), [["Bo's own"]]);

    const exported = await port.exportRaterCopy("Ann");
    expect(stats.exportRaterCopy.syncs).toBe(3);
    expect(await copyCell(exported.bytes, codes[0], "Reason: Vendor 1")).toBe("pilot went well");
    expect(await copyCell(exported.bytes, codes[1], "Reason: Vendor 2")).toBe("no SLA offered");
    expect(await copyCell(exported.bytes, codes[0], "Vendor 1")).toBe(40);
    expect(await copyCell((await port.exportRaterCopy("Ann", { prefill: false })).bytes, codes[0], "Reason: Vendor 1")).toBeNull();

    const back = await fill(exported.bytes, [
      { vendor: "Vendor 1", code: codes[2], value: 65 },
      { vendor: "Reason: Vendor 1", code: codes[2], value: "=SUM(A1)" }, // a reason that looks like a formula stays text
      { vendor: "Reason: Vendor 3", code: codes[3], value: 42 }, // a number typed as a reason is read as its text
      { vendor: "Reason: Vendor 2", code: codes[1], value: "SLA offered after all" }, // differs from Ann's reason
    ]);
    const preview = await port.mergeReturnedCopy(back, "ann-back.xlsx");
    expect(stats.mergeReturnedCopy.syncs).toBe(3);
    expect(preview).toMatchObject({ rater: "Ann", ok: true, extraVendors: [], unknownCodes: [], unplacedRows: 0, warnings: [] });
    expect(preview.preview).toMatchObject({ accepted: 2, rejected: 0, added: 1, unchanged: 1, conflicts: [] });
    expect(preview.ratings.map((r) => r.vendor)).toEqual(["Vendor 1", "Vendor 1"]);
    expect(preview.notePreview).toEqual({ added: 2, unchanged: 1, conflicts: 1 });
    expect(preview.notes).toEqual(
      expect.arrayContaining([
        { vendor: "Vendor 1", code: codes[0], rater: "Ann", note: "pilot went well" },
        { vendor: "Vendor 1", code: codes[2], rater: "Ann", note: "=SUM(A1)" },
        { vendor: "Vendor 3", code: codes[3], rater: "Ann", note: "42" },
        { vendor: "Vendor 2", code: codes[1], rater: "Ann", note: "SLA offered after all" },
      ]),
    );
    expect(preview.notes).toHaveLength(4);

    const writesBefore = fake.calls({ op: "set", name: "values" }).length;
    const kept = await port.applyReturnedCopy(preview, "keep-existing");
    expect(stats.applyReturnedCopy.syncs).toBe(4);
    expect(kept).toMatchObject({ added: 1, overwritten: 0, kept: 0, unchanged: 1, notes: { added: 2, overwritten: 0, kept: 1, unchanged: 1 }, logSheet: "Import log" });
    expect(new Set(fake.calls({ op: "set", name: "values" }).slice(writesBefore).map((w) => w.target.split("!")[0]))).toEqual(new Set([sheet, "Import log"]));
    expect(fake.cell(sheet, noteAt(fake, sheet, "Vendor 1", codes[2]))).toMatchObject({ value: "=SUM(A1)", numberFormat: "@" });
    expect(fake.cell(sheet, noteAt(fake, sheet, "Vendor 1", codes[2]))?.formula).toBeUndefined();
    expect(fake.cell(sheet, noteAt(fake, sheet, "Vendor 3", codes[3]))?.value).toBe("42");
    expect(fake.cell(sheet, noteAt(fake, sheet, "Vendor 2", codes[1]))?.value).toBe("no SLA offered");
    expect(fake.cell(sheet, `D${rowOf(codes[2])}`)?.value).toBe(65);
    expect(fake.cell("Ratings - Bo", noteAt(fake, "Ratings - Bo", "Vendor 1", codes[0]))?.value).toBe("Bo's own");
    expect(fake.sheet(sheet)?.protected).toBe(true);
    // the reasons are in the merge's own Import log block, beside its ratings
    const list = await port.listImports();
    expect(list[0]).toMatchObject({ importId: kept.importId, kind: "merge", rater: "Ann", added: 1, overwritten: 0 });
    const details = fake.cell("Import log", "J2")?.value as string;
    expect(readBlockNotes(valuesAt(fake, "Import log", details), kept.importId as string)).toEqual(
      expect.arrayContaining([
        { vendor: "Vendor 1", code: codes[2], rater: "Ann", oldValue: null, newValue: "=SUM(A1)" },
        { vendor: "Vendor 3", code: codes[3], rater: "Ann", oldValue: null, newValue: "42" },
      ]),
    );
    expect(readBlockNotes(valuesAt(fake, "Import log", details), kept.importId as string)).toHaveLength(2);

    // the same copy again, overwriting: only the differing reason changes
    const over = await port.applyReturnedCopy(await port.mergeReturnedCopy(back, "ann-back.xlsx"), "overwrite");
    expect(over).toMatchObject({ added: 0, overwritten: 0, unchanged: 2, notes: { added: 0, overwritten: 1, kept: 0, unchanged: 3 } });
    expect(fake.cell(sheet, noteAt(fake, sheet, "Vendor 2", codes[1]))?.value).toBe("SLA offered after all");
    const overDetails = fake.cell("Import log", "J3")?.value as string;
    expect(readBlockNotes(valuesAt(fake, "Import log", overDetails), over.importId as string)).toEqual([{ vendor: "Vendor 2", code: codes[1], rater: "Ann", oldValue: "no SLA offered", newValue: "SLA offered after all" }]);

    // undo puts the reasons back: the overwritten one, then the added ones blank again
    expect(await port.undoImport(over.importId as string)).toMatchObject({ restored: 0, changedSince: 0, notesRestored: 1, notesChangedSince: 0 });
    expect(fake.cell(sheet, noteAt(fake, sheet, "Vendor 2", codes[1]))?.value).toBe("no SLA offered");
    fake.put(sheet, noteAt(fake, sheet, "Vendor 3", codes[3]), [["43"]]); // Ann edits a merged reason by hand
    const undo = await port.undoImport(kept.importId as string);
    expect(stats.undoImport.syncs).toBe(4);
    expect(undo).toMatchObject({ restored: 1, changedSince: 0, notesRestored: 1, notesChangedSince: 1 });
    expect(fake.cell(sheet, noteAt(fake, sheet, "Vendor 1", codes[2]))?.value ?? null).toBeNull();
    expect(fake.cell(sheet, noteAt(fake, sheet, "Vendor 3", codes[3]))?.value).toBe("43");
    expect(fake.cell(sheet, `D${rowOf(codes[2])}`)?.value ?? null).toBeNull();
    expect(fake.cell(sheet, noteAt(fake, sheet, "Vendor 1", codes[0]))?.value).toBe("pilot went well");
    expect(fake.sheet(sheet)?.protected).toBe(true);
  });

  test("only reasons returned: merged and logged; nothing new: nothing written", async () => {
    const { fake, port, sheet } = await annPanel();
    const back = await fill((await port.exportRaterCopy("Ann")).bytes, [{ vendor: "Reason: Vendor 2", code: codes[4], value: "  strong references  " }]);
    const preview = await port.mergeReturnedCopy(back, "ann.xlsx");
    expect(preview.ratings).toEqual([]);
    expect(preview.notePreview).toEqual({ added: 1, unchanged: 0, conflicts: 0 });
    const merged = await port.applyReturnedCopy(preview, "keep-existing");
    expect(merged).toMatchObject({ added: 0, notes: { added: 1, overwritten: 0, kept: 0, unchanged: 0 }, logSheet: "Import log" });
    expect(fake.cell(sheet, noteAt(fake, sheet, "Vendor 2", codes[4]))?.value).toBe("strong references");
    const again = await port.applyReturnedCopy(await port.mergeReturnedCopy(back, "ann.xlsx"), "overwrite");
    expect(again).toEqual({ added: 0, overwritten: 0, kept: 0, unchanged: 0, skipped: 0, notes: { added: 0, overwritten: 0, kept: 0, unchanged: 1 } });
    expect(await port.listImports()).toHaveLength(1);
  });

  test("a copy of a workbook made before the notes grid still merges its ratings", async () => {
    const fake = new FakeExcel();
    const old = buildPlan({ tree: defaultTree(), vendors: vendors(3), raters, options: { locale: "en-US", missing: "exclude" }, createdAt: NOW.toISOString(), notesGrid: false });
    await applyPlan(fake.context as unknown as Excel.RequestContext, old);
    const port = portOn(fake);
    const exported = await port.exportRaterCopy("Cy");
    const { ws } = await copySheet(exported.bytes);
    expect(ws.getRow(copyAt(ws, codes[0]).row).cellCount).toBe(3 + 3); // code, name, required, the vendors: no notes grid
    const back = await fill(exported.bytes, [{ vendor: "Vendor 3", code: codes[0], value: 80 }]);
    const preview = await port.mergeReturnedCopy(back, "cy.xlsx");
    expect(preview).toMatchObject({ rater: "Cy", ok: true, extraVendors: [], warnings: [], notes: [], notePreview: { added: 0, unchanged: 0, conflicts: 0 } });
    expect(preview.ratings).toEqual([{ vendor: "Vendor 3", code: codes[0], rater: "Cy", value: 80 }]);
    expect(await port.applyReturnedCopy(preview, "keep-existing")).toMatchObject({ added: 1, notes: { added: 0, overwritten: 0, kept: 0, unchanged: 0 } });
    expect((await port.readWorkbook())?.ratings).toEqual([{ vendor: "Vendor 3", code: codes[0], rater: "Cy", value: 80 }]);
  });

  test("a copy with reasons merged into a workbook without a notes grid: ratings only, with a warning", async () => {
    const withGrid = new FakeExcel();
    await portOn(withGrid).createWorkbook(request({ raters }));
    const back = await fill((await portOn(withGrid).exportRaterCopy("Bo")).bytes, [
      { vendor: "Vendor 1", code: codes[0], value: 55 },
      { vendor: "Reason: Vendor 1", code: codes[0], value: "why" },
    ]);
    const fake = new FakeExcel();
    await applyPlan(fake.context as unknown as Excel.RequestContext, buildPlan({ tree: defaultTree(), vendors: vendors(3), raters, options: { locale: "en-US", missing: "exclude" }, createdAt: NOW.toISOString(), notesGrid: false }));
    const port = portOn(fake);
    const preview = await port.mergeReturnedCopy(back, "bo.xlsx");
    expect(preview).toMatchObject({ extraVendors: [], warnings: ["no-notes-grid"], notes: [], notePreview: { added: 0, unchanged: 0, conflicts: 0 } });
    expect(await port.applyReturnedCopy(preview, "overwrite")).toMatchObject({ added: 1, notes: { added: 0, overwritten: 0, kept: 0, unchanged: 0 } });
  });
});
