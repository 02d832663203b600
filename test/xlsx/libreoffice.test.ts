/**
 * The CLI's .xlsx, filled with ratings through ExcelJS and recalculated by LibreOffice headless,
 * gives the engine's scores. One soffice run converts all files. Skipped only without soffice.
 */

import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "../../src/cli/commands/template";
import type { MissingPolicy } from "../../src/core/engine";
import { defaultTree } from "../../src/core/model";
import { buildPlan, type CellValue, type RatingsGrid, type WorkbookPlan } from "../../src/plan";
import { compareResults } from "../plan/compare";
import { leafCodes } from "../plan/arbitraries";
import { describeWithLibreOffice, recalculate, recalculatedValue } from "./libreoffice";

const describeLo = describeWithLibreOffice("LibreOffice check");

interface Case {
  file: string;
  vendors: string[];
  locale: "zh-CN" | "en-US";
  missing: MissingPolicy;
  grid: RatingsGrid;
}

function makeGrid(vendors: string[], seed: number): RatingsGrid {
  const codes = leafCodes(defaultTree());
  const grid: RatingsGrid = {};
  let s = seed;
  const rnd = (): number => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  vendors.forEach((v, i) => {
    if (i === vendors.length - 1) return; // the last vendor is left unrated
    grid[v] = {};
    for (const code of codes) {
      const x = rnd();
      if (x < 0.1) continue;
      grid[v][code] = x < 0.15 ? "NA" : Math.round(rnd() * 1000) / 10;
    }
  });
  return grid;
}

async function fill(path: string, plan: WorkbookPlan, grid: RatingsGrid): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(plan.layout.sheetNames.ratings as string) as ExcelJS.Worksheet;
  const { rows, firstCol, vendors } = plan.layout.ratings;
  vendors.forEach((vendor, v) => {
    for (const r of rows) {
      const x = r.leaf ? grid[vendor]?.[r.code] : undefined;
      if (x !== undefined) ws.getCell(r.row, firstCol + v).value = x === "NA" ? "N/A" : x;
    }
  });
  await wb.xlsx.writeFile(path);
}


describeLo("LibreOffice recalculates the template to the engine's scores", () => {
  const dir = mkdtempSync(join(tmpdir(), "sc-lo-"));
  const out = join(dir, "out");
  const cases: Case[] = [
    { file: "exclude-zh.xlsx", vendors: ["Acme", "=Beta", "Gamma Ltd", "Delta"], locale: "zh-CN", missing: "exclude", grid: {} },
    { file: "zero-en.xlsx", vendors: ["North", "South", "+East"], locale: "en-US", missing: "zero", grid: {} },
  ];
  const plans = new Map<string, WorkbookPlan>();

  beforeAll(async () => {
    for (const [i, c] of cases.entries()) {
      const path = join(dir, c.file);
      const io = { stdout: () => undefined, stderr: () => undefined };
      const code = await run(["--vendors", c.vendors.join(","), "--locale", c.locale, "--missing", c.missing, "--out", path], io);
      expect(code).toBe(0);
      const plan = buildPlan({ tree: defaultTree(), vendors: c.vendors, options: { locale: c.locale, missing: c.missing } });
      plans.set(c.file, plan);
      c.grid = makeGrid(c.vendors, 17 + i);
      if (i === 0) writeFileSync(join(dir, "charts.xlsx"), readFileSync(path)); // untouched, with charts
      await fill(path, plan, c.grid);
    }
    recalculate(dir, [...cases.map((c) => join(dir, c.file)), join(dir, "charts.xlsx")], out);
  }, 180000);

  test.each(["exclude-zh.xlsx", "zero-en.xlsx"])("%s: every Results figure equals score()", async (file) => {
    const c = cases.find((k) => k.file === file) as Case;
    const plan = plans.get(file) as WorkbookPlan;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, file));
    const get = (sheet: string, a1: string): CellValue => recalculatedValue((wb.getWorksheet(sheet) as ExcelJS.Worksheet).getCell(a1), null);
    const problems = compareResults(plan, defaultTree(), c.grid, c.missing, get, true);
    expect(problems).toEqual([]);
    // Sanity: the figures are real numbers, not all blanks.
    expect(typeof get(plan.layout.sheetNames.results as string, "B5")).toBe("number");
    expect(get(plan.layout.sheetNames.weights as string, "C3")).toBe(2);
  });

  test("LibreOffice loads the hand-written charts (it re-exports them)", async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(out, "charts.xlsx")));
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts.length).toBe(2 + 4);
    const xml = await Promise.all(charts.map((f) => (zip.file(f) as JSZip.JSZipObject).async("string")));
    expect(xml.filter((x) => x.includes("<c:radarChart")).length).toBe(5);
    expect(xml.filter((x) => x.includes("<c:barChart")).length).toBe(1);
  });
});
