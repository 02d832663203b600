/** Test-only: random reasons, typing them into a plan's notes grids, and comparing the Report's reason cells with reportReason. */
import fc from "fast-check";
import type { IndicatorTree } from "../../src/core/model/types";
import type { CellValue, NotesGrid, WorkbookPlan } from "../../src/plan";
import { cell } from "../../src/plan/a1";
import { reportReason } from "../../src/plan/reportSheet";
import type { ReportReasonSource } from "../../src/plan/reportTypes";
import { leafCodes } from "./arbitraries";

/** Reasons: none, spaces only, short and long text with CJK, quotes, "=", "+", "0012", line breaks, "…". */
export const reasonArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constant("") },
  { weight: 1, arbitrary: fc.constantFrom(" ", "   ", "=1+1", "0012", "+86 10", "@SUM(A1)", '"quoted"', "'apostrophe", "理由：价格合理") },
  { weight: 4, arbitrary: fc.array(fc.constantFrom("a", "B", "理", "由", "，", '"', "'", "=", "+", "-", "@", " ", " ", "\n", "0", "7", ";", ":", "&", "…"), { maxLength: 40 }).map((cs) => cs.join("")) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom("long ", "理由很长", '"q" ', "=x ", "\n"), { minLength: 20, maxLength: 80 }).map((cs) => cs.join("")) },
);

/** A notes grid drawn for these vendors and leaves (blank reasons left out, as read back). */
export function notesArb(vendors: string[], codes: string[]): fc.Arbitrary<NotesGrid> {
  return fc.array(reasonArb, { minLength: vendors.length * codes.length, maxLength: vendors.length * codes.length }).map((texts) => {
    const out: NotesGrid = {};
    vendors.forEach((v, i) => codes.forEach((c, j) => {
      const t = texts[i * codes.length + j];
      if (t !== "") (out[v] ??= {})[c] = t;
    }));
    return out;
  });
}

export type TextSetter = (sheet: string, a1: string, text: string) => void;

/** Types reasons into a ratings sheet's notes grid (the plan's ratings layout; every rater sheet has it). */
export function enterNotes(plan: WorkbookPlan, sheet: string, notes: NotesGrid, set: TextSetter): void {
  const { rows, vendors, notes: grid } = plan.layout.ratings;
  if (!grid) throw new Error("no notes grid");
  vendors.forEach((vendor, v) => {
    for (const r of rows) {
      const t = r.leaf ? notes[vendor]?.[r.code] : undefined;
      if (t !== undefined) set(sheet, cell(r.row, grid.firstCol + v), t);
    }
  });
}

/**
 * Every mismatch between the Report's reason cells and reportReason: the strongest and weakest
 * indicators found independently (a vendor's number per leaf, ties in the scorecard's order).
 */
export function compareReasons(plan: WorkbookPlan, tree: IndicatorTree, get: (sheet: string, a1: string) => CellValue, leafValue: (v: number, code: string) => number | null, source: (vendor: string, code: string) => ReportReasonSource): string[] {
  const rep = plan.layout.report;
  if (!rep) return ["no report layout"];
  const codes = leafCodes(tree);
  const problems: string[] = [];
  rep.profiles.forEach((p, v) => {
    const rated = codes.map((code, j) => ({ code, j, x: leafValue(v, code) })).filter((c): c is { code: string; j: number; x: number } => c.x !== null);
    const strongest = [...rated].sort((a, b) => b.x - a.x || a.j - b.j).slice(0, 3);
    const weakest = [...rated].sort((a, b) => a.x - b.x || a.j - b.j).slice(0, 3);
    for (const [name, want, cells] of [["strongest", strongest, p.strongest], ["weakest", weakest, p.weakest]] as const) {
      cells.forEach((c, k) => {
        if (c.reason === undefined) return void problems.push(`${p.vendor} ${name} ${k + 1}: no reason cell`);
        const w = want[k];
        const expected = w ? reportReason(source(p.vendor, w.code)) : "";
        const got = get(rep.sheet, c.reason);
        if ((got ?? "") !== expected) problems.push(`${p.vendor} ${name} ${k + 1} (${w?.code ?? "none"}): ${JSON.stringify(got)}, want ${JSON.stringify(expected)}`);
      });
    }
  });
  return problems;
}
