/**
 * Rater copy round trip through the Excel adapter: exportRaterCopy bytes → a cell filled with
 * ExcelJS (as the rater would in Excel) → mergeReturnedCopy previews it → applyReturnedCopy
 * writes it into that rater's sheet only → readWorkbook shows it. Sync counts are constant.
 */
import ExcelJS from "exceljs";
import { defaultTree } from "../../src/core/model/default-tree";
import { leaves } from "../../src/core/model/tree";
import type { SyncStats } from "../../src/excel";
import { MODEL_SHEET_NAME } from "../../src/plan";
import { MemoryExcel as FakeExcel } from "../../src/demo/memoryExcel";
import { portOn, request } from "./helpers";

const codes = leaves(defaultTree()).map((l) => l.node.code);
const raters = ["Ann", "Bo", "Cy"];

/** The row of a code on a rating sheet (codes in column A). */
function rowFinder(fake: FakeExcel, sheet: string): (code: string) => number {
  return (code) => {
    for (let r = 4; r < 200; r++) if (fake.cell(sheet, `A${r}`)?.value === code) return r;
    throw new Error(code);
  };
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
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets.find((w) => w.name !== MODEL_SHEET_NAME) as ExcelJS.Worksheet;
  let header = 0;
  ws.eachRow((row, n) => {
    if (header === 0 && row.getCell(4).value === "Vendor 1") header = n;
  });
  for (const c of cells) {
    let row = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(1).value === c.code) row = n;
    });
    let col = 0;
    ws.getRow(header).eachCell((cell, n) => {
      if (cell.value === c.vendor) col = n;
    });
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
