/**
 * Panel workbooks from the CLI, filled through ExcelJS (raters' sheets and Moderation) and
 * recalculated by LibreOffice headless: consolidation (mean, median, TRIMMEAN), spread,
 * moderation override, Results and Kendall's W equal the engine. Skipped only without soffice.
 */

import ExcelJS from "exceljs";
import fc from "fast-check";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "../../src/cli/commands/template";
import type { Aggregation, MissingPolicy } from "../../src/core/engine";
import { defaultTree } from "../../src/core/model";
import { buildPlan, type CellValue, type WorkbookPlan } from "../../src/plan";
import { compareScores } from "../plan/compare";
import { compareAgreement, comparePanelCells, comparePanelResults, engineRatings, enterPanel, panelArb, type Panel } from "../plan/panelHelpers";
import { describeWithLibreOffice, recalculate, recalculatedValue } from "./libreoffice";

const describeLo = describeWithLibreOffice("LibreOffice panel check");

interface Case {
  file: string;
  locale: "zh-CN" | "en-US";
  missing: MissingPolicy;
  aggregate: Aggregation;
  seed: number;
  panel?: Panel;
}


/** A random panel with at least 5 raters for TRIMMEAN to trim, and at least one consensus score. */
function samplePanel(seed: number, minRaters: number): Panel {
  const arb = panelArb(defaultTree()).filter((p) => p.raters.length >= minRaters && p.consensus.length > 0);
  return fc.sample(arb, { seed, numRuns: 1 })[0];
}

describeLo("LibreOffice recalculates panel workbooks to the engine's figures", () => {
  const dir = mkdtempSync(join(tmpdir(), "sc-lo-panel-"));
  const out = join(dir, "out");
  const cases: Case[] = [
    { file: "trimmed-en.xlsx", locale: "en-US", missing: "exclude", aggregate: "trimmed", seed: 3 },
    { file: "median-zh-zero.xlsx", locale: "zh-CN", missing: "zero", aggregate: "median", seed: 5 },
    { file: "mean-en.xlsx", locale: "en-US", missing: "exclude", aggregate: "mean", seed: 7 },
  ];
  const plans = new Map<string, WorkbookPlan>();

  beforeAll(async () => {
    for (const c of cases) {
      const panel = samplePanel(c.seed, c.aggregate === "trimmed" ? 5 : 2);
      c.panel = panel;
      const path = join(dir, c.file);
      const io = { stdout: () => undefined, stderr: () => undefined };
      const args = ["--vendors", panel.vendors.join(","), "--raters", panel.raters.join(","), "--aggregate", c.aggregate, "--locale", c.locale, "--missing", c.missing, "--out", path];
      expect(await run(args, io)).toBe(0);
      const plan = buildPlan({ tree: defaultTree(), vendors: panel.vendors, raters: panel.raters, options: { locale: c.locale, missing: c.missing, aggregate: c.aggregate } });
      plans.set(c.file, plan);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path);
      enterPanel(plan, panel, (sheet, a1, value) => {
        (wb.getWorksheet(sheet) as ExcelJS.Worksheet).getCell(a1).value = value;
      });
      await wb.xlsx.writeFile(path);
    }
    recalculate(dir, cases.map((c) => join(dir, c.file)), out);
  }, 180000);

  test.each(cases.map((c) => c.file))("%s: consolidation, spread, moderation, Results and Kendall's W equal the engine", async (file) => {
    const c = cases.find((k) => k.file === file) as Case;
    const panel = c.panel as Panel;
    const plan = plans.get(file) as WorkbookPlan;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, file));
    const get = (sheet: string, a1: string): CellValue => recalculatedValue((wb.getWorksheet(sheet) as ExcelJS.Worksheet).getCell(a1), null);
    const tree = defaultTree();
    expect(compareScores(plan, tree, engineRatings(panel), { missing: c.missing, aggregate: c.aggregate }, get, true)).toEqual([]);
    expect(comparePanelCells(plan, tree, panel, c.aggregate, 20, get)).toEqual([]);
    expect(comparePanelResults(plan, tree, panel, get)).toEqual([]);
    expect(compareAgreement(plan, tree, panel, c.missing, get)).toEqual([]);
    expect(typeof get(plan.layout.sheetNames.results as string, "B5")).toBe("number");
  });
});
