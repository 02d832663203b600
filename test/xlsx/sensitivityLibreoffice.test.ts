/**
 * Workbooks with the Sensitivity sheet, written by the .xlsx writer, pass the OOXML validator and,
 * recalculated by LibreOffice headless, give src/core/sensitivity's flip points (1e-9) in the
 * case the sheet is exact for (every vendor scored on every member). Skipped only without soffice / the validator.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { score, type MissingPolicy, type Rating } from "../../src/core/engine";
import { defaultTree, leaves, type Locale } from "../../src/core/model";
import { evaluateAward, type PriceSettings } from "../../src/core/award";
import { flipPoints, priceFlip, totalsWith, weightModelOf, withNodeWeight } from "../../src/core/sensitivity";
import { buildPlan, type RatingsGrid, type WorkbookPlan } from "../../src/plan";
import { cell, colLetter } from "../../src/plan/a1";
import { SENSITIVITY_LABELS } from "../../src/plan/sensitivitySheet";
import { writeXlsx } from "../../src/xlsx";
import { describeWithLibreOffice, recalculate, OOXML_VALIDATE as VALIDATE } from "./libreoffice";

/** Price sheets: a vendor without a bid (not eligible), fractional weights, both methods. */
const PRICE_A: Case["price"] = { settings: { weight: 30, method: "lowest", lowBidThreshold: 20 }, bids: { Acme: 1000, Globex: 900, Initech: 1250, Umbrella: null, Hooli: 1100 } };
const PRICE_B: Case["price"] = { settings: { weight: 45.5, method: "linear", lowBidThreshold: 20 }, bids: { Acme: 800, Globex: 1000, Initech: 950, Umbrella: 1200, Hooli: 700 } };
const describeLo = describeWithLibreOffice("LibreOffice Sensitivity check");
const describeValidator = existsSync(VALIDATE) ? describe : describe.skip;
if (!existsSync(VALIDATE)) console.warn(`OOXML validation of the Sensitivity workbooks SKIPPED: ${VALIDATE} not found`);

const tree = defaultTree();
const VENDORS = ["Acme", "Globex", "Initech", "Umbrella", "Hooli"];

interface Case {
  file: string;
  locale: Locale;
  missing: MissingPolicy;
  raters?: string[];
  grid: RatingsGrid;
  ratings: Rating[];
  /** A Price sheet: settings and bids (the table gains the price weight's row). */
  price?: { settings: PriceSettings; bids: Record<string, number | null> };
}

/** Every leaf rated (blanks too under "zero"); vendor i strong on dimension i, so weights decide. */
function makeCase(file: string, locale: Locale, missing: MissingPolicy, seed0: number, price?: Case["price"]): Case {
  let seed = seed0;
  const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const grid: RatingsGrid = {};
  const ratings: Rating[] = [];
  VENDORS.forEach((vendor, i) => {
    for (const { node } of leaves(tree)) {
      if (missing === "zero" && rnd() < 0.1) continue;
      const value = Math.round((55 + (node.code.split(".")[0] === String(i + 1) ? 20 : 0) + 25 * rnd()) * 1000) / 1000;
      (grid[vendor] ??= {})[node.code] = value;
      ratings.push({ vendor, code: node.code, value });
    }
  });
  return { file, locale, missing, grid, ratings, ...(price ? { price } : {}) };
}

function planOf(c: Case): WorkbookPlan {
  return buildPlan({ tree, vendors: VENDORS, options: { locale: c.locale, missing: c.missing }, createdAt: "2026-12-01T00:00:00.000Z", ratings: c.grid, sensitivity: true, ...(c.price ? { award: { settings: { price: c.price.settings }, bids: c.price.bids } } : {}) });
}

describeValidator("the Sensitivity workbooks pass the OOXML validator", () => {
  test.each(["en-US", "zh-CN"] as const)("%s, as written", async (locale) => {
    const dir = mkdtempSync(join(tmpdir(), "sc-sens-val-"));
    const path = join(dir, `sensitivity-${locale}.xlsx`);
    writeFileSync(path, await writeXlsx(planOf(makeCase("", locale, "exclude", 5, PRICE_A))));
    const r = spawnSync(VALIDATE, [path], { encoding: "utf8", timeout: 120000 });
    expect(`${r.stdout}${r.stderr}`).toMatch(/parts valid, 0 invalid/);
    expect(r.status).toBe(0);
  }, 120000);
});

describeLo("LibreOffice recalculates the Sensitivity sheet to the core's flip points", () => {
  test("6 workbooks, both locales, both policies, two with a Price sheet: weight, flip point, rival and stable interval of every node and of the price weight (1e-9)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sc-sens-lo-"));
    const out = join(dir, "out");
    mkdirSync(out);
    const cases = [
      makeCase("s-0-en.xlsx", "en-US", "exclude", 11),
      makeCase("s-1-en.xlsx", "en-US", "zero", 12),
      makeCase("s-2-en.xlsx", "en-US", "exclude", 13, PRICE_A),
      makeCase("s-3-zh.xlsx", "zh-CN", "exclude", 14),
      makeCase("s-4-zh.xlsx", "zh-CN", "zero", 15),
      makeCase("s-5-zh.xlsx", "zh-CN", "zero", 16, PRICE_B),
    ];
    const plans = new Map<string, WorkbookPlan>();
    for (const [k, c] of cases.entries()) {
      const p = planOf(c);
      // The weight chart's chooser: a different dimension in each workbook.
      const chart = p.layout.sensitivity!.chart!;
      const chooser = p.sheets.find((sh) => sh.key === "sensitivity")!.blocks.find((b) => b.address === chart.chooserCell)!;
      chooser.cells[0][0] = chart.choices[k % chart.choices.length];
      plans.set(c.file, p);
      writeFileSync(join(dir, c.file), await writeXlsx(p));
    }
    recalculate(dir, cases.map((c) => join(dir, c.file)), out);
    let flips = 0;
    let points = 0;
    let prices = 0;
    for (const [k, c] of cases.entries()) {
      const p = plans.get(c.file) as WorkbookPlan;
      const lay = p.layout.sensitivity!;
      const L = SENSITIVITY_LABELS[c.locale];
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(out, c.file));
      const ws = wb.getWorksheet(lay.sheet) as ExcelJS.Worksheet;
      const val = (a1: string): unknown => {
        const x = ws.getCell(a1);
        return x.type === ExcelJS.ValueType.Formula ? x.result : x.value;
      };
      const m = weightModelOf(tree, score(tree, c.ratings, { missing: c.missing, vendors: VENDORS }));
      const core = flipPoints(m);
      // The weight chart's table: every vendor's total at 0, 10%, …, 100% of the chosen dimension's weight.
      const chart = lay.chart!;
      const node = m.tree.codes.indexOf(chart.codes[k % chart.codes.length]);
      expect(Math.abs((val(chart.currentCell) as number) - m.base[node])).toBeLessThan(1e-9);
      for (let i = 0; i < chart.points; i++) {
        const x = val(cell(chart.firstRow + i, chart.xCol)) as number;
        const totals = totalsWith(m, withNodeWeight(m, node, x));
        VENDORS.forEach((vendor, v) => {
          const got = val(`${colLetter(chart.xCol + 1 + v)}${chart.firstRow + i}`) as number;
          expect([c.file, vendor, x, Math.abs(got - totals[v]) < 1e-9]).toEqual([c.file, vendor, x, true]);
          points++;
        });
      }
      expect(val(lay.leaderCell)).toBe(core.leader);
      expect(lay.codes).toEqual(core.flips.map((f) => f.code));
      core.flips.forEach((f, k) => {
        const r = lay.firstRow + k;
        const at = (col: number): unknown => val(cell(r, col));
        const ctx = `${c.file} ${f.code}`;
        expect([ctx, Math.abs((at(lay.cols.weight) as number) - f.weight) < 1e-9]).toEqual([ctx, true]);
        expect([ctx, Math.abs((at(lay.cols.from) as number) - f.stableFrom) < 1e-9, Math.abs((at(lay.cols.to) as number) - f.stableTo) < 1e-9]).toEqual([ctx, true, true]);
        if (f.flipAt === null) expect([ctx, at(lay.cols.flipAt), at(lay.cols.rival)]).toEqual([ctx, L.noFlip, L.noFlipText]);
        else {
          flips++;
          expect([ctx, Math.abs((at(lay.cols.flipAt) as number) - f.flipAt) < 1e-9, at(lay.cols.rival)]).toEqual([ctx, true, f.rival]);
        }
      });
      // The price weight's row: among the vendors eligible now, on overall score.
      expect(lay.price === undefined).toBe(c.price === undefined);
      if (c.price && lay.price) {
        const scored = score(tree, c.ratings, { missing: c.missing, vendors: VENDORS });
        const pf = priceFlip(evaluateAward(tree, scored, { settings: { price: c.price.settings }, bids: c.price.bids }).vendors, c.price.settings.weight / 100);
        const at = (col: number): unknown => val(cell(lay.price!.row, col));
        const ctx = `${c.file} price`;
        expect([ctx, val(lay.price.leaderCell)]).toEqual([ctx, pf.leader]);
        expect([ctx, Math.abs((at(lay.cols.weight) as number) - pf.weight) < 1e-9, Math.abs((at(lay.cols.from) as number) - pf.stableFrom) < 1e-9, Math.abs((at(lay.cols.to) as number) - pf.stableTo) < 1e-9]).toEqual([ctx, true, true, true]);
        if (pf.flipAt === null) expect([ctx, at(lay.cols.flipAt), at(lay.cols.rival)]).toEqual([ctx, L.noFlip, L.priceNoFlipText]);
        else expect([ctx, Math.abs((at(lay.cols.flipAt) as number) - pf.flipAt) < 1e-9, at(lay.cols.rival)]).toEqual([ctx, true, pf.rival]);
        prices++;
      }
    }
    expect(prices).toBe(2);
    expect(flips).toBeGreaterThan(20);
    expect(points).toBe(6 * 11 * VENDORS.length);
  }, 240000);
});
