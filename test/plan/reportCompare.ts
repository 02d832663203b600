/** Test-only: compares a Report sheet's live figures with the figures it must show (HyperFormula or a recalculated file). */
import type { IndicatorTree } from "../../src/core/model/types";
import type { CellValue, WorkbookPlan } from "../../src/plan";
import { cell } from "../../src/plan/a1";
import { leafCodes } from "./arbitraries";

export type Get = (sheet: string, a1: string) => CellValue;
export const col = (plan: WorkbookPlan, kind: string): number => plan.layout.results.columns.findIndex((c) => c.kind === kind) + 1;
export const num = (v: CellValue): number | null => (typeof v === "number" ? v : v === "" || v === null ? null : NaN);

/** Every mismatch between the Report and the figures it must show (leafValue: a vendor's number per leaf, null when none). */
export function compareReport(plan: WorkbookPlan, tree: IndicatorTree, get: Get, totals: (number | null)[], dimScores: (code: string, v: number) => number | null, leafValue: (v: number, code: string) => number | null): string[] {
  const problems: string[] = [];
  const rep = plan.layout.report;
  if (!rep) return ["no report layout"];
  const R = plan.layout.sheetNames.results as string;
  const S = rep.sheet;
  const vendors = plan.model.vendors;
  const V = vendors.length;
  const first = plan.layout.results.firstRow;
  const res = (v: number, kind: string): CellValue => get(R, cell(first + v, col(plan, kind)));
  // The order: rank among eligible, then the others by rank, then the unranked; ties in vendor order.
  const key = (v: number): number => {
    const re = num(res(v, "rankEligible"));
    const r = num(res(v, "rank"));
    return (re !== null ? re : V + (r !== null ? r : V + 1)) * (V + 1) + v;
  };
  const order = vendors.map((_, v) => v).sort((a, b) => key(a) - key(b));
  order.forEach((v, k) => {
    const row = rep.ranking[k];
    const label = `ranking ${k + 1}`;
    if (get(S, row.vendor) !== vendors[v]) problems.push(`${label}: vendor ${JSON.stringify(get(S, row.vendor))}, want ${vendors[v]}`);
    const t = num(get(S, row.total));
    if (!(totals[v] === null ? t === null : t !== null && Math.abs(t - (totals[v] as number)) <= 1e-9)) problems.push(`${label}: total ${t} engine ${totals[v]}`);
    if (num(get(S, row.rank)) !== num(res(v, "rankEligible"))) problems.push(`${label}: rank ${JSON.stringify(get(S, row.rank))}`);
    if (row.grade && get(S, row.grade) !== `${res(v, "grade") ?? ""}`) problems.push(`${label}: grade ${JSON.stringify(get(S, row.grade))} vs ${JSON.stringify(res(v, "grade"))}`);
    if (row.eligible && get(S, row.eligible) !== `${res(v, "eligible") ?? ""}`) problems.push(`${label}: eligible ${JSON.stringify(get(S, row.eligible))}`);
  });
  const codes = leafCodes(tree);
  const names = new Map<string, string>();
  const walk = (ns: IndicatorTree["roots"]): void => ns.forEach((n) => { names.set(n.code, n.name[plan.locale]); walk(n.children); });
  walk(tree.roots);
  const dims = tree.roots.map((r) => r.code);
  rep.profiles.forEach((p, v) => {
    dims.forEach((code, k) => {
      const got = num(get(S, cell(p.firstRow + 4 + k, 3)));
      const want = dimScores(code, v);
      if (!(want === null ? got === null : got !== null && Math.abs(got - want) <= 1e-9)) problems.push(`${p.vendor} ${code}: ${got} engine ${want}`);
    });
    const rated = codes.map((code, j) => ({ code, j, x: leafValue(v, code) })).filter((c): c is { code: string; j: number; x: number } => c.x !== null);
    const strongest = [...rated].sort((a, b) => b.x - a.x || a.j - b.j).slice(0, 3);
    const weakest = [...rated].sort((a, b) => a.x - b.x || a.j - b.j).slice(0, 3);
    for (const [name, want, cells] of [["strongest", strongest, p.strongest], ["weakest", weakest, p.weakest]] as const) {
      cells.forEach((c, k) => {
        const w = want[k];
        // By the name beside the code: HyperFormula reads a literal code such as "1.1.1" as a date.
        const gotName = `${get(S, c.code.replace(/^A/, "B")) ?? ""}`;
        const gotScore = num(get(S, c.score));
        const wantName = w ? names.get(w.code) : "";
        if (w === undefined ? gotName !== "" || gotScore !== null : gotName !== wantName || gotScore === null || Math.abs(gotScore - w.x) > 1e-9) {
          problems.push(`${p.vendor} ${name} ${k + 1}: ${JSON.stringify(gotName)} ${gotScore}, want ${w ? `${wantName} ${w.x}` : "blank"}`);
        }
      });
    }
  });
  return problems;
}

