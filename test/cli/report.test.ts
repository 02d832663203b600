/**
 * `scorecard report` (issue #14): prints the Report sheet (or --sheets) of a workbook to PDF with
 * LibreOffice headless after recalculating it; a clear message naming libreoffice-calc without
 * soffice; usage errors exit 2 with nothing written. The PDF checks need soffice and pdftotext:
 * skipped with a stated reason when they are absent.
 */
import { existsSync, writeFileSync } from "fs";
import { join } from "path";
import { cli, dir } from "./helpers";
import { describeWithPdf, pdfPages } from "../xlsx/libreoffice";

const WITH = join(dir, "report-with.xlsx");
const WITHOUT = join(dir, "report-without.xlsx");
const ZH = join(dir, "报告.xlsx");

beforeAll(async () => {
  expect((await cli("template", "--vendors", "Acme,Globex,Initech", "--report", "--out", WITH)).code).toBe(0);
  expect((await cli("template", "--vendors", "Acme,Globex", "--out", WITHOUT)).code).toBe(0);
  expect((await cli("template", "--vendors", "甲公司,乙公司,丙公司", "--raters", "张三,李四", "--locale", "zh-CN", "--report", "--out", ZH)).code).toBe(0);
}, 60000);

describe("scorecard report: usage", () => {
  test("listed in scorecard --help; its own --help names --out, --sheets and the Debian package", async () => {
    expect((await cli("--help")).out).toMatch(/report +Recalculate a workbook and print its Report sheet/);
    const r = await cli("report", "--help");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--out/);
    expect(r.out).toMatch(/--sheets/);
    expect(r.out).toMatch(/libreoffice-calc/);
  });

  test.each([
    [["report"], /which workbook/],
    [["report", WITH], /--out REPORT\.pdf is required/],
    [["report", WITH, "--out", join(dir, "x.docx")], /must name a \.pdf/],
    [["report", WITH, "--out", join(dir, "x.pdf"), "--bogus"], /unknown option --bogus/],
    [["report", join(dir, "missing.xlsx"), "--out", join(dir, "x.pdf")], /cannot read .*missing\.xlsx/],
    [["report", WITH, "--out", join(dir, "x.pdf"), "--sheets", "Nope,Results"], /has no sheet "Nope"; its sheets: Ratings, Weights, Results/],
    [["report", WITHOUT, "--out", join(dir, "x.pdf")], /has no Report sheet: make the workbook with "scorecard template --report/],
  ])("%j exits 2 with a message and writes nothing", async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(existsSync(join(dir, "x.pdf"))).toBe(false);
  });

  test("a file that is not a workbook exits 2; an existing --out is kept without --force", async () => {
    const text = join(dir, "not.xlsx");
    writeFileSync(text, "vendor,score\n");
    expect((await cli("report", text, "--out", join(dir, "x.pdf"))).err).toMatch(/is not an \.xlsx workbook/);
    const taken = join(dir, "taken.pdf");
    writeFileSync(taken, "keep me");
    const r = await cli("report", WITH, "--out", taken);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/exists; nothing written \(add --force/);
  });

  test("without soffice on PATH: exit 1, a message naming libreoffice-calc and Excel's own printing, nothing written", async () => {
    const path = process.env.PATH;
    process.env.PATH = join(dir, "no-such-bin");
    try {
      const r = await cli("report", WITH, "--out", join(dir, "none.pdf"));
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/soffice is not on PATH/);
      expect(r.err).toMatch(/apt-get install libreoffice-calc/);
      expect(r.err).toMatch(/Save as PDF/);
    } finally {
      process.env.PATH = path;
    }
    expect(existsSync(join(dir, "none.pdf"))).toBe(false);
  });
});

describeWithPdf("scorecard report PDF check")("scorecard report: the PDF", () => {
  test("the Report sheet only: 2 + 1 page per vendor at most, every vendor, the profile of each, the signature block", async () => {
    const out = join(dir, "report.pdf");
    const r = await cli("report", WITH, "--out", out);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Wrote .*report\.pdf: Report of .*report-with\.xlsx/);
    const pages = pdfPages(out);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages.length).toBeLessThanOrEqual(5);
    const text = pages.join("\n");
    for (const v of ["Acme", "Globex", "Initech"]) expect(text).toContain(`Vendor profile: ${v}`);
    expect(text).toContain("Signatures of the evaluation panel");
    // Only the Report: no Ratings or Method page.
    expect(text).not.toContain("Rate each vendor 0–100");
    for (const p of pages) expect(p).toMatch(/Page \d+ of \d+/);
  }, 180000);

  test("zh-CN panel with --sheets: the named sheets in the workbook's order, recalculated, --force overwrites", async () => {
    const out = join(dir, "报告.pdf");
    writeFileSync(out, "old");
    const r = await cli("report", ZH, "--out", out, "--sheets", "结果,评审报告", "--force");
    expect(r.code).toBe(0);
    const pages = pdfPages(out);
    const sheetOf = (page: string): string => page.split("\n").find((l) => l.trim() !== "")?.trim().split(/\s{2,}/).pop() ?? "";
    expect([...new Set(pages.map(sheetOf))]).toEqual(["结果", "评审报告"]);
    const text = pages.join("\n");
    for (const v of ["甲公司", "乙公司", "丙公司"]) expect(text).toContain(`供应商概况：${v}`);
    for (const n of ["张三", "李四", "评审组长"]) expect(text).toContain(n);
    expect(text).toContain("合议决定");
  }, 180000);
});
