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
import { FakeExcel } from "./fakeExcel";
import { portOn, request } from "./helpers";

const codes = leaves(defaultTree()).map((l) => l.node.code);
const raters = ["Ann", "Bo", "Cy"];

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

    const file = await port.exportRaterCopy("Bo");
    expect(stats.exportRaterCopy.syncs).toBe(2);
    expect(file.fileName).toBe("Scorecard - Bo.xlsx");
    expect([...file.bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);

    const returned = await fill(file.bytes, [
      { vendor: "Vendor 2", code: codes[0], value: 75 },
      { vendor: "Vendor 1", code: codes[1], value: "N/A" },
      { vendor: "Vendor 3", code: codes[2], value: 150 },
    ]);
    const preview = await port.mergeReturnedCopy(returned, "bo-back.xlsx");
    expect(stats.mergeReturnedCopy.syncs).toBe(2);
    expect(preview).toMatchObject({ rater: "Bo", knownRater: true, ok: true, sourceFile: "bo-back.xlsx", extraVendors: [], unknownCodes: [], warnings: [] });
    expect(preview.preview).toMatchObject({ accepted: 2, rejected: 1, added: 2, unchanged: 0, conflicts: [] });
    // In the copy's row order.
    expect(preview.ratings).toEqual([
      { vendor: "Vendor 2", code: codes[0], rater: "Bo", value: 75 },
      { vendor: "Vendor 1", code: codes[1], rater: "Bo", value: "NA" },
    ]);

    const writesBefore = fake.calls({ op: "set", name: "values" }).length;
    const result = await port.applyReturnedCopy(preview, "keep-existing");
    expect(stats.applyReturnedCopy.syncs).toBe(3);
    expect(result).toEqual({ added: 2, overwritten: 0, kept: 0, unchanged: 0, skipped: 0 });
    const writes = fake.calls({ op: "set", name: "values" }).slice(writesBefore);
    expect(new Set(writes.map((w) => w.target.split("!")[0]))).toEqual(new Set(["Ratings - Bo"]));

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

  test("a single-rater scorecard has no rater copies", async () => {
    const fake = new FakeExcel();
    await portOn(fake).createWorkbook(request());
    await expect(portOn(fake).exportRaterCopy("Ann")).rejects.toMatchObject({ code: "ScorecardNotAPanel" });
  });
});
