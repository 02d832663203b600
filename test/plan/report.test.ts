/**
 * The Report sheet (issue #14) evaluated by HyperFormula: ranking, totals, dimension scores and the
 * three strongest and weakest indicators equal score() (a panel: the Consolidated final scores,
 * themselves checked against score() in panel.test.ts), ties kept in the scorecard's order;
 * moderation decisions list every consensus with its reason; optional; both locales.
 */
import fc from "fast-check";
import { defaultTree } from "../../src/core/model";
import { score } from "../../src/core/engine";
import type { Locale } from "../../src/core/model/types";
import { buildPlan } from "../../src/plan";
import { cell } from "../../src/plan/a1";
import { col, compareReport, num } from "./reportCompare";
import { RATINGS } from "../../src/plan/context";
import { gridFrom, leafCodes, ratingArb, treeArb } from "./arbitraries";
import { ratingsList } from "./compare";
import { hfFromPlan } from "./hf";
import { enterPanel, panelArb } from "./panelHelpers";

const CREATED = "2026-12-04T10:00:00.000Z";

describe("the Report sheet", () => {
  test("optional: absent unless asked; with it, after Charts, stored in the model, every visible sheet unchanged", () => {
    const without = buildPlan({ tree: defaultTree(), vendors: ["A", "B"], createdAt: CREATED });
    const withReport = buildPlan({ tree: defaultTree(), vendors: ["A", "B"], createdAt: CREATED, report: true });
    expect(without.sheets.some((s) => s.key === "report")).toBe(false);
    expect(without.model.report).toBeUndefined();
    const names = withReport.sheets.map((s) => s.name);
    expect(names.indexOf("Report")).toBe(names.indexOf("Charts") + 1);
    expect(withReport.model.report).toBe(true);
    expect(withReport.sheets.filter((s) => s.key !== "report").map((s) => s.name)).toEqual(without.sheets.map((s) => s.name));
  });

  test.each(["en-US", "zh-CN"] as const)("%s: labels, one page break per vendor profile and one before the signatures, signature rows unlocked", (locale: Locale) => {
    const p = buildPlan({ tree: defaultTree(), vendors: ["A", "B", "C"], raters: ["Ann", "Bo"], options: { locale }, createdAt: CREATED, report: true });
    const sheet = p.sheets.find((s) => s.key === "report");
    expect(sheet?.name).toBe(locale === "zh-CN" ? "评审报告" : "Report");
    expect(sheet?.print?.rowBreaks).toHaveLength(4);
    expect(sheet?.print?.orientation).toBe("portrait");
    expect(sheet?.charts).toHaveLength(3);
    const book = hfFromPlan(p);
    expect(book.get(sheet?.name as string, "A1")).toContain(defaultTree().title[locale]);
    expect(p.layout.report?.signatures).toHaveLength(3);
    expect(book.get(sheet?.name as string, p.layout.report?.signatures[0] as string)).toBe("Ann");
    expect(sheet?.formats.some((f) => f.locked === false)).toBe(true);
  });

  test("single rater, random trees and ratings (ties, blanks, N/A), both missing policies: HyperFormula equals score()", () => {
    fc.assert(
      fc.property(
        treeArb,
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.oneof(ratingArb, fc.constantFrom(50, 70)), { minLength: 1, maxLength: 60 }),
        fc.constantFrom("exclude" as const, "zero" as const),
        fc.constantFrom("en-US" as const, "zh-CN" as const),
        (tree, n, draws, missing, locale) => {
          const vendors = Array.from({ length: n }, (_, i) => `V${i + 1}`);
          const grid = gridFrom(vendors, leafCodes(tree), draws);
          const plan = buildPlan({ tree, vendors, ratings: grid, options: { missing, locale }, createdAt: CREATED, report: true });
          const book = hfFromPlan(plan);
          const result = score(tree, ratingsList(grid), { missing, vendors });
          const problems = compareReport(plan, tree, book.get, result.vendors.map((r) => r.total), (code, v) => result.vendors[v].scores[code] ?? null, (v, code) => result.vendors[v].leaves[code]?.value ?? null);
          expect(problems).toEqual([]);
        },
      ),
      { numRuns: 30 },
    );
  });

  test("panel: the ranking and profiles read the Consolidated scores; every consensus is listed with its reason", () => {
    fc.assert(
      fc.property(treeArb.chain((tree) => panelArb(tree).map((panel) => ({ tree, panel }))), ({ tree, panel }) => {
        const plan = buildPlan({ tree, vendors: panel.vendors, raters: panel.raters, createdAt: CREATED, report: true });
        const book = hfFromPlan(plan);
        book.batch(() => enterPanel(plan, panel, book.set));
        const R = plan.layout.sheetNames.results as string;
        const first = plan.layout.results.firstRow;
        const totals = panel.vendors.map((_, v) => num(book.get(R, cell(first + v, col(plan, "total")))));
        const cons = plan.layout.panel?.consolidated;
        const consName = plan.layout.sheetNames.ratings === undefined ? "" : (plan.layout.panel?.consolidated.sheet as string);
        const rowOf = new Map((plan.layout.ratings.rows ?? []).map((r) => [r.code, r.row]));
        const leafValue = (v: number, code: string): number | null => {
          const x = book.get(consName, cell(rowOf.get(code) as number, RATINGS.firstVendor + v));
          return typeof x === "number" ? x : null;
        };
        const dimScore = (code: string, v: number): number | null => num(book.get(R, cell(first + v, plan.layout.results.columns.findIndex((c) => c.kind === "node" && c.code === code) + 1)));
        expect(cons).toBeDefined();
        expect(compareReport(plan, tree, book.get, totals, dimScore, leafValue)).toEqual([]);
        // Moderation decisions: the entered consensus scores, in the Moderation sheet's order, with reasons.
        const mod = plan.layout.panel?.moderation;
        const S = plan.layout.report?.sheet as string;
        const entered = (mod?.rows ?? []).filter((r) => panel.consensus.some((c) => c.vendor === r.vendor && c.code === r.code));
        const text = (a1: string): string => `${book.get(S, a1) ?? ""}`;
        const sheet = plan.sheets.find((s) => s.key === "report");
        const headerRow = Number(/\d+/.exec(sheet?.blocks.find((b) => b.cells[0][0] === "Consensus" || b.cells[0][2] === "Consensus")?.address ?? "")?.[0]);
        entered.slice(0, 12).forEach((r, k) => {
          const c = panel.consensus.find((x) => x.vendor === r.vendor && x.code === r.code);
          const row = headerRow + 1 + k;
          // (the code in B is not compared: HyperFormula reads a literal "1.2.1" as a date)
          const consensus = book.get(S, `C${row}`);
          expect([text(`A${row}`), text(`D${row}`), c?.value === "NA" ? consensus : num(consensus)]).toEqual([r.vendor, c?.reason ?? "", c?.value === "NA" ? "N/A" : c?.value]);
        });
        if (entered.length < 12 && entered.length < (mod?.rows.length ?? 0)) expect(text(`A${headerRow + 1 + entered.length}`)).toBe("");
      }),
      { numRuns: 15 },
    );
  });
});
