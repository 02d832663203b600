/**
 * The Report sheet (issue #14) as written to .xlsx: passes the OOXML validator; recalculated by
 * LibreOffice headless its ranking, totals, dimension scores and strongest/weakest indicators equal
 * score(); printed to PDF it takes at most 2 pages plus one per vendor, and its text holds every
 * vendor, total and grade, in both locales.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { score } from "../../src/core/engine";
import { defaultTree, leaves } from "../../src/core/model";
import { buildPlan, type CellValue, type RatingsGrid, type WorkbookPlan } from "../../src/plan";
import { writeXlsx } from "../../src/xlsx";
import { evaluateAward } from "../../src/core/award/award";
import { ratingsList } from "../plan/compare";
import { compareReport } from "../plan/reportCompare";
import { describeWithLibreOffice, describeWithPdf, pdfPages, printPdf, recalculate, recalculatedValue, OOXML_VALIDATE as VALIDATE } from "./libreoffice";

const VENDORS = ["Acme", "Globex", "Initech"];
const tree = defaultTree();
const codes = leaves(tree).map((l) => l.node.code);

/** Ratings 40–100 from a fixed generator, with ties (multiples of 5), a blank and an N/A per vendor. */
function grid(seed: number): RatingsGrid {
  let s = seed;
  const next = (): number => (s = (s * 16807) % 2147483647) / 2147483647;
  return Object.fromEntries(VENDORS.map((v, i) => [v, Object.fromEntries(codes.flatMap((c, j) => (j === i ? [] : [[c, j === i + 7 ? "NA" : 40 + 5 * Math.floor(12 * next())]])))]));
}

interface Case { file: string; locale: "en-US" | "zh-CN"; grid: RatingsGrid; plan: WorkbookPlan }
const cases: Case[] = (["en-US", "zh-CN"] as const).map((locale, i) => {
  const g = grid(11 + i);
  return { file: `report-${locale}.xlsx`, locale, grid: g, plan: buildPlan({ tree, vendors: VENDORS, ratings: g, options: { locale }, createdAt: "2026-12-04T10:00:00Z", report: true }) };
});


const dir = mkdtempSync(join(tmpdir(), "sc-report-"));
beforeAll(async () => {
  for (const c of cases) writeFileSync(join(dir, c.file), await writeXlsx(c.plan));
}, 60000);

(existsSync(VALIDATE) ? describe : describe.skip)("the Report workbooks pass the OOXML validator", () => {
  test.each(cases.map((c) => c.file))("%s", (file) => {
    const r = spawnSync(VALIDATE, [join(dir, file)], { encoding: "utf8", timeout: 120000 });
    expect(`${r.stdout}${r.stderr}`).toMatch(/parts valid, 0 invalid/);
  });
});

describeWithLibreOffice("LibreOffice Report check")("LibreOffice recalculates the Report to score()'s figures", () => {
  const out = join(dir, "out");
  beforeAll(() => recalculate(dir, cases.map((c) => join(dir, c.file)), out), 180000);
  test.each(cases.map((c) => c.file))("%s", async (file) => {
    const c = cases.find((k) => k.file === file) as Case;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, file));
    const get = (sheet: string, a1: string): CellValue => recalculatedValue((wb.getWorksheet(sheet) as ExcelJS.Worksheet).getCell(a1));
    const result = score(tree, ratingsList(c.grid), { vendors: VENDORS });
    expect(compareReport(c.plan, tree, get, result.vendors.map((r) => r.total), (code, v) => result.vendors[v].scores[code] ?? null, (v, code) => result.vendors[v].leaves[code]?.value ?? null)).toEqual([]);
  });
});

describeWithPdf("LibreOffice Report print check")("the Report printed to PDF", () => {
  const pdf = join(dir, "pdf");
  beforeAll(() => printPdf(dir, cases.map((c) => join(dir, c.file)), pdf), 180000);
  test.each(cases.map((c) => c.file))("%s: at most 2 pages plus one per vendor; every vendor, total and grade in the text", async (file) => {
    const c = cases.find((k) => k.file === file) as Case;
    const name = c.plan.layout.report?.sheet as string;
    const pages = pdfPages(join(pdf, file.replace(/\.xlsx$/, ".pdf")));
    const sheetOf = (page: string): string => page.split("\n").find((l) => l.trim() !== "")?.trim().split(/\s{2,}/).pop() ?? "";
    const report = pages.filter((p) => sheetOf(p) === name);
    console.log(`${file}: ${pages.length} pages in all, the Report ${report.length}`);
    expect(report.length).toBeGreaterThanOrEqual(1 + VENDORS.length);
    expect(report.length).toBeLessThanOrEqual(2 + VENDORS.length);
    const text = report.join("\n");
    const result = score(tree, ratingsList(c.grid), { vendors: VENDORS });
    const award = evaluateAward(tree, result);
    for (const v of result.vendors) {
      expect(text).toContain(v.vendor);
      expect(text).toContain((v.total as number).toFixed(2));
      const grade = award.vendors.find((a) => a.vendor === v.vendor)?.grade?.label[c.locale];
      expect(grade).toBeDefined();
      expect(text).toContain(grade);
    }
    // Each vendor's profile starts a page of its own.
    VENDORS.forEach((v) => expect(report.some((p) => p.includes(`${c.locale === "zh-CN" ? "供应商概况：" : "Vendor profile: "}${v}`))).toBe(true));
  });
});
