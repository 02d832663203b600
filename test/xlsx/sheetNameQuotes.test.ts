/**
 * A sheet name with an apostrophe (a rater named O'Neil): every reference to it in the package —
 * the print area and titles ExcelJS writes, the plan's names, formulas — doubles the apostrophe,
 * so Excel opens the file without a repair and it reads back.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { defaultTree } from "../../src/core/model/default-tree";
import { buildPlan } from "../../src/plan";
import { writeXlsx } from "../../src/xlsx";
import { OOXML_VALIDATE as VALIDATE } from "./libreoffice";

const plan = buildPlan({ tree: defaultTree(), vendors: ["Acme", "Bolt"], raters: ["O'Neil", "Bo"], createdAt: "2026-12-05T10:00:00Z" });

test("the print area and titles of \"Ratings - O'Neil\" quote the name with its apostrophe doubled", async () => {
  const bytes = await writeXlsx(plan);
  const wb = await (await JSZip.loadAsync(bytes)).file("xl/workbook.xml")?.async("string");
  const defs = [...(wb ?? "").matchAll(/<definedName\b[^>]*>([^<]*)<\/definedName>/g)].map((m) => m[1].replace(/&apos;/g, "'"));
  const oneil = defs.filter((d) => d.includes("Neil"));
  expect(oneil.length).toBeGreaterThanOrEqual(2);
  for (const d of oneil) expect(d).not.toMatch(/'Ratings - O'Neil'!/);
  expect(oneil.some((d) => d.startsWith("'Ratings - O''Neil'!$A"))).toBe(true);
  // ExcelJS reads the file back (it threw on the unbalanced quote)
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  expect(back.getWorksheet("Ratings - O'Neil")).toBeDefined();
});

(existsSync(VALIDATE) ? test : test.skip)("the file passes the OOXML validator", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "sc-quote-")), "oneil.xlsx");
  writeFileSync(file, await writeXlsx(plan));
  expect(() => execFileSync(VALIDATE, [file], { stdio: "pipe" })).not.toThrow();
});
