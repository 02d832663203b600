/** Shared by the HyperFormula and LibreOffice checks: Results figures versus the engine's score(). */
import { score, type Aggregation, type MissingPolicy, type Rating } from "../../src/core/engine";
import type { IndicatorTree } from "../../src/core/model";
import { cell } from "../../src/plan/a1";
import type { CellValue, RatingsGrid, WorkbookPlan } from "../../src/plan";

export type Getter = (sheet: string, a1: string) => CellValue | undefined;

export function ratingsList(grid: RatingsGrid): Rating[] {
  return Object.entries(grid).flatMap(([vendor, byCode]) => Object.entries(byCode).map(([code, value]) => ({ vendor, code, value })));
}

const col = (plan: WorkbookPlan, kind: string): number => plan.layout.results.columns.findIndex((c) => c.kind === kind) + 1;

/** Collects every mismatch (empty list = all figures equal to 1e-9; ranks, counts exactly). */
/**
 * `storedDigits`: the file stores values with 15 significant digits (LibreOffice's xlsx export),
 * so completeness is compared to 1e-12 instead of exactly; its missing count stays exact.
 */
export function compareResults(plan: WorkbookPlan, tree: IndicatorTree, grid: RatingsGrid, missing: MissingPolicy, get: Getter, storedDigits = false): string[] {
  return compareScores(plan, tree, ratingsList(grid), { missing }, get, storedDigits);
}

/** As compareResults, from a list of ratings (several raters allowed) and the engine's aggregation. */
export function compareScores(
  plan: WorkbookPlan,
  tree: IndicatorTree,
  ratings: Rating[],
  opts: { missing: MissingPolicy; aggregate?: Aggregation },
  get: Getter,
  storedDigits = false,
): string[] {
  const result = score(tree, ratings, { missing: opts.missing, aggregate: opts.aggregate, vendors: plan.model.vendors });
  const sheet = plan.layout.sheetNames.results as string;
  const { firstRow, columns } = plan.layout.results;
  const problems: string[] = [];
  const num = (v: CellValue | undefined): number | null => (typeof v === "number" ? v : v === "" || v === null || v === undefined ? null : NaN);
  const close = (label: string, got: CellValue | undefined, want: number | null, exact = false, tolerance = 1e-9): void => {
    const g = num(got);
    const ok = want === null ? g === null : g !== null && (exact ? g === want : Math.abs(g - want) <= tolerance);
    if (!ok) problems.push(`${label}: sheet ${JSON.stringify(got)} engine ${want}`);
  };
  result.vendors.forEach((vr, v) => {
    const row = firstRow + v;
    const at = (c: number): CellValue | undefined => get(sheet, cell(row, c));
    if (at(col(plan, "vendor")) !== vr.vendor) problems.push(`${vr.vendor}: vendor cell ${JSON.stringify(at(1))}`);
    close(`${vr.vendor} total`, at(col(plan, "total")), vr.total);
    close(`${vr.vendor} rank`, at(col(plan, "rank")), vr.rank, true);
    close(`${vr.vendor} completeness`, at(col(plan, "completeness")), vr.completeness, !storedDigits, 1e-12);
    const missingCount = vr.flags.find((f) => f.kind === "incomplete");
    close(`${vr.vendor} missing`, at(col(plan, "missing")), missingCount && missingCount.kind === "incomplete" ? missingCount.missing : 0, true);
    close(`${vr.vendor} required unrated`, at(col(plan, "requiredUnrated")), vr.flags.filter((f) => f.kind === "required-unrated").length, true);
    columns.forEach((c, i) => {
      if (c.kind === "node") close(`${vr.vendor} ${c.code}`, at(i + 1), vr.scores[c.code] ?? null);
    });
  });
  return problems;
}
