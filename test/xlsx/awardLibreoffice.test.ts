/**
 * Workbooks with minimums and a Price sheet, written by the .xlsx writer, pass the OOXML validator;
 * recalculated by LibreOffice headless, Results' award columns equal evaluateAward: price scores and
 * overall to 1e-9, eligibility, reasons, grades, low-bid flags and ranks exactly — random trees,
 * ratings, minimums and bids under both methods, ties at the lowest bid, a single bidder, every vendor
 * ineligible, missing bids, a panel (the consolidated ratings), both locales; Method's award section
 * (live formulas) states the minimums, price settings and bands the workbook holds.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { AwardSettings, PriceSettings } from "../../src/core/award";
import type { MissingPolicy, Rating } from "../../src/core/engine";
import { allNodes, defaultTree, type IndicatorTree } from "../../src/core/model";
import { buildPlan, type CellValue, type RatingsGrid, type WorkbookPlan } from "../../src/plan";
import { writeXlsx } from "../../src/xlsx";
import { compareAward } from "../plan/awardCompare";
import { expectedMethodLines, methodLines } from "../plan/awardMethodExpect";
import { compareResults } from "../plan/compare";
import { gridFrom, leafCodes, ratingArb, treeArb } from "../plan/arbitraries";
import { describeWithLibreOffice, recalculate, recalculatedValue, OOXML_VALIDATE as VALIDATE } from "./libreoffice";

const describeLo = describeWithLibreOffice("LibreOffice award check");
const describeValidator = existsSync(VALIDATE) ? describe : describe.skip;
if (!existsSync(VALIDATE)) console.warn(`OOXML validation of the award workbooks SKIPPED: ${VALIDATE} not found`);

const VENDORS = ["A", "B", "C", "D"];

interface Case {
  file: string;
  tree: IndicatorTree;
  locale: "en-US" | "zh-CN";
  missing: MissingPolicy;
  grid: RatingsGrid;
  raters?: string[];
  raterRatings?: Record<string, RatingsGrid>;
  bids: Record<string, number | null>;
  settings?: AwardSettings;
  plan?: WorkbookPlan;
}

const withMinimums = (t: IndicatorTree, f: (code: string, i: number) => number | null, total: number | null): IndicatorTree => {
  const copy = structuredClone(t);
  allNodes(copy).forEach(({ node }, i) => (node.minimum = f(node.code, i)));
  copy.minimum = total;
  return copy;
};

function makeCases(): Case[] {
  const out: Case[] = [];
  const samples = fc.sample(
    fc.record({
      tree: treeArb,
      draws: fc.array(ratingArb, { minLength: 1, maxLength: 40 }),
      mins: fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null, freq: 2 }), { minLength: 1, maxLength: 20 }),
      total: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null, freq: 2 }),
      bids: fc.array(fc.oneof(fc.integer({ min: 50, max: 120 }).map((x) => x * 1000), fc.integer({ min: 1, max: 9999999 }).map((x) => x / 100), fc.constantFrom<number | null>(null, 0)), { minLength: 4, maxLength: 4 }),
      weight: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })),
      threshold: fc.integer({ min: 0, max: 50 }),
      missing: fc.constantFrom<MissingPolicy>("exclude", "zero"),
    }),
    { seed: 11, numRuns: 16 },
  );
  samples.forEach((s, i) => {
    const tree = withMinimums(s.tree, (_, k) => s.mins[k % s.mins.length], s.total);
    const price: PriceSettings = { weight: s.weight, method: i % 2 === 0 ? "lowest" : "linear", lowBidThreshold: s.threshold };
    out.push({
      file: `random-${i}-${i % 4 === 3 ? "zh" : "en"}.xlsx`, tree, locale: i % 4 === 3 ? "zh-CN" : "en-US", missing: s.missing,
      grid: gridFrom(VENDORS, leafCodes(tree), s.draws), bids: Object.fromEntries(VENDORS.map((v, k) => [v, s.bids[k]])),
      settings: i % 5 === 4 ? undefined : { price },
    });
  });
  const base = defaultTree();
  const full = (x: number): Record<string, number> => Object.fromEntries(leafCodes(base).map((c) => [c, x]));
  const grid: RatingsGrid = { A: full(90), B: { ...full(80), "4.1.1": "NA" }, C: { ...full(70), "4.1.2": 30 }, D: full(50) };
  const min = withMinimums(base, (code) => (code === "4.1.1" ? 60 : code === "4.1" ? 60 : null), null);
  const price = (method: PriceSettings["method"]): AwardSettings => ({ price: { weight: 30, method, lowBidThreshold: 20 } });
  out.push(
    { file: "tie-lowest-zh.xlsx", tree: min, locale: "zh-CN", missing: "exclude", grid, bids: { A: 100000, B: 100000, C: 100000, D: 60000 }, settings: price("lowest") },
    { file: "tie-linear-en.xlsx", tree: min, locale: "en-US", missing: "exclude", grid, bids: { A: 100000, B: 100000, C: 150000, D: 60000 }, settings: price("linear") },
    { file: "single-bidder-en.xlsx", tree: base, locale: "en-US", missing: "exclude", grid, bids: { A: null, B: 120000, C: null, D: null }, settings: price("linear") },
    { file: "all-ineligible-zh.xlsx", tree: withMinimums(base, () => null, 95), locale: "zh-CN", missing: "exclude", grid, bids: { A: 1, B: 2, C: 3, D: 4 }, settings: price("lowest") },
    { file: "no-bids-en.xlsx", tree: base, locale: "en-US", missing: "zero", grid, bids: {}, settings: price("lowest") },
    { file: "no-price-en.xlsx", tree: min, locale: "en-US", missing: "exclude", grid, bids: {} },
  );
  // Fractional minimums and settings: Method states them as the engine does (ROUND(x,6)&"" in both engines).
  out.push({
    file: "method-fractions-en.xlsx", tree: withMinimums(base, (code) => (code === "1" ? 100 / 3 : code === "4.1" ? 62.5 : null), 72.5), locale: "en-US", missing: "exclude", grid,
    bids: { A: 100000, B: 90000, C: 95000, D: null }, settings: { price: { weight: 12.5, method: "linear", lowBidThreshold: 17.25 } },
  });
  const ann: RatingsGrid = { A: full(90), B: full(60), C: full(75), D: { ...full(70), "1.1": "NA" } };
  const bo: RatingsGrid = { A: full(50), B: full(62), C: full(80), D: full(40) };
  out.push({ file: "panel-en.xlsx", tree: withMinimums(base, (code) => (code === "1" ? 65 : null), 60), locale: "en-US", missing: "exclude", grid: {}, raters: ["Ann", "Bo"], raterRatings: { Ann: ann, Bo: bo }, bids: { A: 90000, B: 100000, C: 95000, D: 50000 }, settings: price("lowest") });
  return out;
}

function planOf(c: Case): WorkbookPlan {
  return buildPlan({
    tree: c.tree, vendors: VENDORS, options: { missing: c.missing, locale: c.locale }, createdAt: "2026-12-01T00:00:00.000Z",
    ratings: c.raters ? undefined : c.grid, raters: c.raters, raterRatings: c.raterRatings, award: { settings: c.settings, bids: c.bids },
  });
}

function ratingsOf(c: Case): Rating[] {
  return Object.entries(c.raterRatings ?? {}).flatMap(([rater, g]) => Object.entries(g).flatMap(([vendor, byCode]) => Object.entries(byCode).map(([code, value]) => ({ vendor, code, rater, value }))));
}


describeValidator("the award workbooks pass the OOXML validator", () => {
  test.each(["tie-lowest-zh.xlsx", "no-price-en.xlsx", "panel-en.xlsx"])("%s as written", async (file) => {
    const c = makeCases().find((k) => k.file === file) as Case;
    const dir = mkdtempSync(join(tmpdir(), "sc-aw-val-"));
    const path = join(dir, file);
    writeFileSync(path, await writeXlsx(planOf(c)));
    const r = spawnSync(VALIDATE, [path], { encoding: "utf8", timeout: 120000 });
    expect(`${r.stdout}${r.stderr}`).toMatch(/parts valid, 0 invalid/);
    expect(r.status).toBe(0);
  }, 120000);
});

describeLo("LibreOffice recalculates the award decision to evaluateAward's", () => {
  const dir = mkdtempSync(join(tmpdir(), "sc-lo-aw-"));
  const out = join(dir, "out");
  const cases = makeCases();

  beforeAll(async () => {
    for (const c of cases) {
      c.plan = planOf(c);
      writeFileSync(join(dir, c.file), await writeXlsx(c.plan));
    }
    recalculate(dir, cases.map((c) => join(dir, c.file)), out);
  }, 300000);

  test.each(cases.map((c) => c.file))("%s", async (file) => {
    const c = cases.find((k) => k.file === file) as Case;
    const plan = c.plan as WorkbookPlan;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, file));
    const get = (sheet: string, a1: string): CellValue => recalculatedValue((wb.getWorksheet(sheet) as ExcelJS.Worksheet).getCell(a1));
    if (c.raters) {
      expect(compareAward(plan, c.tree, ratingsOf(c), c.missing, c.bids, c.settings, get, "mean")).toEqual([]);
    } else {
      expect(compareAward(plan, c.tree, c.grid, c.missing, c.bids, c.settings, get)).toEqual([]);
      expect(compareResults(plan, c.tree, c.grid, c.missing, get, true)).toEqual([]);
    }
    // Method's award section is live formulas over the input cells: the same lines as the rules built in.
    expect(methodLines(plan, get).lines).toEqual(expectedMethodLines(c.tree, c.settings?.price, c.locale));
  });
});
