/**
 * Print settings (issue #14): every visible sheet has paper by locale, one page wide, print titles,
 * a header/footer and print area; header rows and wrapped text rows are tall enough. LibreOffice
 * prints a 3-vendor scorecard in a few pages (25 before the settings), Results one page wide,
 * charts whole, no serif fallback, and the header labels unbroken.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { defaultTree } from "../../src/core/model/default-tree";
import { buildPlan } from "../../src/plan";
import { linesFor, textWidth } from "../../src/plan/print";
import type { Locale } from "../../src/core/model/types";
import { writeXlsx } from "../../src/xlsx";
import { describeWithPdf, pdfFonts, pdfPages, printPdf, OOXML_VALIDATE as VALIDATE } from "./libreoffice";

const plan = (locale: Locale, raters: string[] = []) =>
  buildPlan({ tree: defaultTree(), vendors: ["Acme", "Globex", "Initech"], raters, options: { locale }, createdAt: "2026-12-04T10:00:00Z" });

describe("print settings in the plan", () => {
  test.each([["en-US", "Letter"], ["zh-CN", "A4"]] as const)("%s: every visible sheet is set up for %s, one page wide, with titles and a header/footer", (locale, paper) => {
    const p = plan(locale, ["Ann", "Bo"]);
    const visible = p.sheets.filter((s) => s.visibility === "visible");
    expect(visible.length).toBeGreaterThan(5);
    for (const s of visible) {
      expect(s.print).toMatchObject({ paper, fitToWidth: true });
      expect(s.print?.area).toMatch(/^A1:[A-Z]+\d+$/);
      expect(s.print?.header?.left).toBe(defaultTree().title[locale]);
      expect(s.print?.footer?.right).toContain("&P");
      expect(s.print?.footer?.right).toContain("&N");
      expect(s.print?.footer?.left).toContain("&D");
      if (s.freeze.rows > 0) expect(s.print?.titleRows).toBe(`1:${s.freeze.rows}`);
      if (s.freeze.columns > 0) expect(s.print?.titleColumns).toMatch(/^A:[A-Z]+$/);
    }
    for (const s of p.sheets.filter((x) => x.visibility !== "visible")) expect(s.print).toBeUndefined();
    expect(p.font?.name).toBe(locale === "zh-CN" ? "等线" : "Calibri");
  });

  test("Ratings with its notes grid prints landscape over as many pages wide as keep the text at 70 % or more (the code and indicator repeated), more vendors more pages; without a grid, one page wide", () => {
    const wide = (n: number, notesGrid = true) =>
      buildPlan({ tree: defaultTree(), vendors: Array.from({ length: n }, (_, i) => `V${i + 1}`), options: { locale: "en-US" }, createdAt: "2026-12-04T10:00:00Z", notesGrid }).sheets.find((s) => s.key === "ratings")?.print;
    expect(wide(3)).toMatchObject({ orientation: "landscape", fitToWidth: true, pagesWide: 2, titleColumns: "A:C" });
    const pages = [1, 3, 6, 10, 20].map((n) => wide(n)?.pagesWide as number);
    for (let i = 1; i < pages.length; i++) expect(pages[i]).toBeGreaterThanOrEqual(pages[i - 1]);
    expect(pages[4]).toBeGreaterThan(pages[1]);
    expect(wide(3, false)?.pagesWide).toBeUndefined();
  });

  test("Results: the header row is tall enough for its wrapped labels and no column is narrower than its longest word", () => {
    const p = plan("en-US");
    const results = p.sheets.find((s) => s.key === "results");
    const header = results?.rowHeights?.find((h) => h.rows === "4:4");
    expect(header?.height).toBeGreaterThanOrEqual(30);
    // The last width given to column D (Completeness) wins in both writers.
    const d = [...(results?.columns ?? [])].reverse().find((c) => c.range === "D" || /^[A-D]:[D-Z]$/.test(c.range));
    expect(d?.width).toBeGreaterThanOrEqual("Completeness".length + 1);
  });

  test("Method: every wrapped paragraph row has a height for its lines; the Charts sheet breaks between chart bands", () => {
    const p = plan("zh-CN");
    const method = p.sheets.find((s) => s.key === "method");
    const rows = new Set((method?.rowHeights ?? []).map((h) => h.rows));
    expect(rows.size).toBeGreaterThan(0);
    const charts = p.sheets.find((s) => s.key === "charts");
    const bands = [...new Set(charts?.charts.map((c) => c.anchor.from.row))].sort((a, b) => a - b);
    expect(charts?.print?.rowBreaks).toEqual(bands.slice(1));
  });

  test("text widths: CJK counts double, lines wrap at spaces", () => {
    expect(textWidth("评分abc")).toBe(7);
    expect(linesFor("one two three", 8)).toBe(3);
    expect(linesFor("one", 20)).toBe(1);
    expect(linesFor("第一行\n第二行", 20)).toBe(2);
  });
});

describeWithPdf("LibreOffice print check")("printed by LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "sc-print-"));
  const pages: Record<string, string[]> = {};
  const fonts: Record<string, string[]> = {};
  beforeAll(async () => {
    const files: string[] = [];
    for (const locale of ["en-US", "zh-CN"] as const) {
      const file = join(dir, `${locale}.xlsx`);
      writeFileSync(file, await writeXlsx(plan(locale)));
      files.push(file);
    }
    printPdf(dir, files, dir);
    for (const locale of ["en-US", "zh-CN"]) {
      pages[locale] = pdfPages(join(dir, `${locale}.pdf`));
      fonts[locale] = pdfFonts(join(dir, `${locale}.pdf`));
    }
  }, 180000);

  const sheetOf = (page: string): string => page.split("\n").find((l) => l.trim() !== "")?.trim().split(/\s{2,}/).pop() ?? "";

  test.each([["en-US", "Results", "Charts"], ["zh-CN", "结果", "图表"]])("%s: a few pages in all, Results on one page, charts whole, named fonts", (locale, results, charts) => {
    const all = pages[locale];
    console.log(`${locale}: ${all.length} pages (${all.map(sheetOf).join(", ")})`);
    expect(all.length).toBeLessThanOrEqual(10); // 25 before the print settings
    expect(all.filter((p) => sheetOf(p) === results)).toHaveLength(1);
    // The comparison radar and totals bar on one page, the three vendor radars on the next.
    expect(all.filter((p) => sheetOf(p) === charts)).toHaveLength(2);
    expect(fonts[locale].some((f) => /serif|times|song|simsun|ming/i.test(f) && !/sans/i.test(f))).toBe(false);
    for (const p of all) expect(p).toMatch(locale === "zh-CN" ? /第 \d+ 页，共 \d+ 页/ : /Page \d+ of \d+/);
  });

  (existsSync(VALIDATE) ? test : test.skip)("the printed workbooks (print areas, titles, breaks, fonts) pass the OOXML validator", () => {
    for (const locale of ["en-US", "zh-CN"]) expect(() => execFileSync(VALIDATE, [join(dir, `${locale}.xlsx`)], { stdio: "pipe" })).not.toThrow();
  });

  test.each([["en-US", "Ratings", "Reason: Initech", "Code"], ["zh-CN", "评分", "理由：Initech", "编号"]])("%s: Ratings prints at full size over two pages wide, the reasons on the second with the code and indicator repeated", (locale, ratings, lastReason, code) => {
    const mine = pages[locale].filter((p) => sheetOf(p) === ratings);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    const reasons = mine.filter((p) => p.includes(lastReason));
    expect(reasons.length).toBeGreaterThan(0);
    for (const p of reasons) expect(p).toContain(code);
    expect(mine.some((p) => !p.includes(lastReason) && p.includes("Acme"))).toBe(true);
    const xml = execFileSync("unzip", ["-p", join(dir, `${locale}.xlsx`), "xl/worksheets/sheet1.xml"], { encoding: "utf8" });
    expect(xml).toMatch(/<pageSetup[^>]*fitToWidth="2"/);
  });

  test("en-US: the Results header labels print whole (no 'Completenes' cut)", () => {
    const page = pages["en-US"].find((p) => sheetOf(p) === "Results") ?? "";
    expect(page).toMatch(/Completeness/);
    for (const v of ["Acme", "Globex", "Initech"]) expect(page).toContain(v);
  });
});
