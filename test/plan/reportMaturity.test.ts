/**
 * The Report states the assessed maturity (issues #16, #14): with Maturity sheets, a section per
 * scenario with the current and target stage and the indicators to look for, live formulas over
 * the Maturity sheet's result cells. HyperFormula: marks typed on the Maturity sheets (names,
 * numbers, junk, blanks) → the Report's cells equal assessMaturity, both locales, single and panel.
 */
import fc from "fast-check";
import { defaultMaturityModel } from "../../src/core/maturity";
import { defaultTree } from "../../src/core/model";
import type { Locale } from "../../src/core/model/types";
import { buildPlan, type CellValue, type WorkbookPlan } from "../../src/plan";
import { REPORT_LABELS } from "../../src/plan/reportLabels";
import { expectedReport } from "./reportMaturityExpect";
import { hfFromPlan } from "./hf";
import { marksArb, markOf, typedValue, type Typed } from "./maturityHelpers";

const model = defaultMaturityModel();
const tree = defaultTree();
const CREATED = "2026-12-05T10:00:00.000Z";

function plan(locale: Locale, raters?: string[]): WorkbookPlan {
  return buildPlan({ tree, vendors: ["A", "B"], options: { locale }, createdAt: CREATED, report: true, maturity: { scenarios: ["marketing", "training"] }, ...(raters ? { raters } : {}) });
}

describe("the Report's maturity section", () => {
  test("absent without Maturity sheets; with them one entry per scenario, in the first pages (before the vendor profiles)", () => {
    const without = buildPlan({ tree, vendors: ["A"], createdAt: CREATED, report: true });
    expect(without.layout.report?.maturity).toBeUndefined();
    const p = plan("en-US");
    const m = p.layout.report?.maturity ?? [];
    expect(m.map((x) => x.scenario)).toEqual(["marketing", "training"]);
    const firstProfile = p.layout.report?.profiles[0].firstRow as number;
    for (const x of m) expect(Number(x.indicators.replace(/^[A-Z]+/, ""))).toBeLessThan(firstProfile);
    const book = hfFromPlan(p);
    const R = REPORT_LABELS["en-US"];
    expect(book.get("Report", m[0].current)).toBe(R.notMarked);
    expect(book.get("Report", m[0].indicators)).toBe(R.notMarked);
  });

  test.each([
    ["en-US", undefined],
    ["zh-CN", undefined],
    ["en-US", ["Ann", "Bo"]],
    ["zh-CN", ["Ann", "Bo"]],
  ] as const)("%s, raters %j: marks typed on the Maturity sheets → the Report's stages and indicators equal assessMaturity", (locale, raters) => {
    const p = plan(locale, raters ? [...raters] : undefined);
    const book = hfFromPlan(p);
    const report = p.layout.report;
    if (!report?.maturity) throw new Error("no maturity section");
    let runs = 0;
    fc.assert(
      fc.property(marksArb, marksArb, (m1, m2) => {
        const got: Record<string, CellValue>[] = [];
        const want: Record<string, string>[] = [];
        [m1, m2].forEach((marks: { today: Typed[]; aim: Typed[] }, k) => {
          const layout = p.layout.maturity?.[k];
          const cells = report.maturity?.[k];
          if (!layout || !cells || cells.scenario !== layout.scenario) throw new Error("no layout");
          const names = model.scenarios[k].stages.map((s) => s.name[locale]);
          book.batch(() => {
            layout.today.forEach((c, i) => book.set(layout.sheet, c, typedValue(marks.today[i], names)));
            layout.aim.forEach((c, i) => book.set(layout.sheet, c, typedValue(marks.aim[i], names)));
          });
          got.push({ current: book.get(report.sheet, cells.current), target: book.get(report.sheet, cells.target), indicators: book.get(report.sheet, cells.indicators) });
          want.push(expectedReport(model, tree, layout.scenario, { today: marks.today.map(markOf), aim: marks.aim.map(markOf) }, locale));
        });
        runs++;
        expect(got).toEqual(want);
      }),
      { numRuns: 60, seed: 14 },
    );
    expect(runs).toBe(60);
  });
});
