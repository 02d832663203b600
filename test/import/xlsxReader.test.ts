/** The .xlsx reader (SheetJS CE): cells only, from files saved by several programs; readXlsxSheets' contract for the copy merge. */
import { readFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { readXlsx, readXlsxBook, readXlsxSheets } from "../../src/core/import/xlsx";
import { importFile } from "../../src/core/import";
import { tree } from "./helpers";

const SCORECARDS = join(__dirname, "..", "fixtures", "scorecards");
const bytes = (f: string): Uint8Array => new Uint8Array(readFileSync(join(SCORECARDS, f)));

test.each(["openpyxl", "libreoffice", "gnumeric"])("a workbook with charts, an image, a comment, merged cells, a date and a formula saved by %s reads", async (program) => {
  const book = await readXlsxBook(bytes(`single-${program}.xlsx`));
  if (!book.ok) throw new Error(book.reason);
  const ratings = book.sheets.find((s) => s.name === "Ratings");
  expect(ratings?.values[0][0]).toBe("Ratings");
  expect(ratings?.values[0][11]).toBe("2024-03-01");
  expect(ratings?.values[0][13]).toBe("merged note");
  // openpyxl writes no cached value for a formula: blank; LibreOffice and Gnumeric cache 2.
  expect(ratings?.values[1][11]).toBe(program === "openpyxl" ? null : 2);
  expect(ratings?.values[2].slice(0, 6)).toEqual(["Code", "Indicator", "Required", "Acme", "Globex", "Initech"]);
  const model = book.sheets.find((s) => s.name === "SC_Model");
  // ssconvert writes the very hidden model sheet as visible; the others keep it hidden.
  expect(model?.hidden).toBe(program === "gnumeric" ? undefined : true);
});

test("readXlsxSheets: every sheet row-major from A1, empty cells null; null for bytes that are not an .xlsx", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  ws.getCell("B2").value = 5;
  ws.getCell("C3").value = { formula: "B2*2", result: 10 };
  ws.getCell("A3").value = { richText: [{ text: "ri" }, { text: "ch" }] };
  ws.getCell("A1").value = true;
  wb.addWorksheet("Empty");
  const sheets = await readXlsxSheets(new Uint8Array(await wb.xlsx.writeBuffer()));
  expect(sheets).toEqual([
    { name: "S", values: [["TRUE", null, null], [null, 5, null], ["rich", null, 10]] },
    { name: "Empty", values: [] },
  ]);
  expect(await readXlsxSheets(new TextEncoder().encode("vendor,score\n"))).toBeNull();
  expect(await readXlsxSheets(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBeNull();
});

test("a broken zip is a clear fatal, never a throw", async () => {
  const r = await readXlsx(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
  expect(r.ok).toBe(false);
  const imported = await importFile(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 9, 9]), { tree });
  expect(imported.fatal?.code).toBe("xlsx-unreadable");
  expect(imported.fatal?.message["en-US"]).toMatch(/^Cannot read the \.xlsx file: /);
});

test("the importer reads a Ratings sheet (indicators down) from a plain .xlsx with no model", async () => {
  const r = await importFile(bytes("single-libreoffice.xlsx"), { tree, sheet: "Ratings" });
  expect(r.ok).toBe(true);
  expect(r.counts.accepted).toBe(67);
  expect(r.vendors).toEqual(["Acme", "Globex", "Initech"]);
});
