/** Test-only helpers for panel plans: random panels, entering them, and the engine's view of them. */
import fc from "fast-check";
import { kendallW, score, type Aggregation, type MissingPolicy, type Rating, type RatingValue } from "../../src/core/engine";
import type { IndicatorTree } from "../../src/core/model";
import { cell } from "../../src/plan/a1";
import type { CellValue, RatingsGrid, WorkbookPlan } from "../../src/plan";
import { gridFrom, leafCodes, ratingArb } from "./arbitraries";
import { ratingsList, type Getter } from "./compare";

export interface Panel {
  raters: string[];
  vendors: string[];
  grids: RatingsGrid[];
  /** consensus[vendor][code] entered on Moderation, with or without a reason. */
  consensus: { vendor: string; code: string; value: RatingValue; reason: string }[];
}

/** 2–6 raters, 1–5 vendors, blanks, N/A, disagreements, a few consensus scores. */
export function panelArb(tree: IndicatorTree): fc.Arbitrary<Panel> {
  const codes = leafCodes(tree);
  return fc.record({ m: fc.integer({ min: 2, max: 6 }), n: fc.integer({ min: 1, max: 5 }) }).chain(({ m, n }) => {
    const raters = Array.from({ length: m }, (_, k) => `Rater ${k + 1}`);
    const vendors = Array.from({ length: n }, (_, v) => `V${v + 1}`);
    const grid = fc.array(ratingArb, { minLength: 1, maxLength: codes.length * n }).map((d) => gridFrom(vendors, codes, d));
    const consensus = fc.array(
      fc.record({
        vendor: fc.constantFrom(...vendors),
        code: fc.constantFrom(...codes),
        value: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant("NA" as const)),
        reason: fc.constantFrom("", "agreed after discussion"),
      }),
      { maxLength: 3 },
    );
    return fc.record({ grids: fc.array(grid, { minLength: m, maxLength: m }), consensus }).map(({ grids, consensus: c }) => {
      const seen = new Set<string>();
      const unique = c.filter((x) => !seen.has(`${x.vendor}|${x.code}`) && seen.add(`${x.vendor}|${x.code}`));
      return { raters, vendors, grids, consensus: unique };
    });
  });
}

export type Setter = (sheet: string, a1: string, value: CellValue) => void;

/** Types every rater's ratings into their sheet, and the consensus scores and reasons into Moderation. */
export function enterPanel(plan: WorkbookPlan, panel: Panel, set: Setter): void {
  const p = plan.layout.panel;
  if (!p) throw new Error("not a panel plan");
  const { rows, firstCol, vendors } = plan.layout.ratings;
  p.raters.forEach((r, k) => {
    vendors.forEach((vendor, v) => {
      for (const row of rows) {
        const x = row.leaf ? panel.grids[k][vendor]?.[row.code] : undefined;
        if (x !== undefined) set(r.sheet, cell(row.row, firstCol + v), x === "NA" ? "N/A" : x);
      }
    });
  });
  for (const c of panel.consensus) {
    const row = p.moderation.rows.find((x) => x.vendor === c.vendor && x.code === c.code)?.row as number;
    set(p.moderation.sheet, cell(row, p.moderation.columns.consensus), c.value === "NA" ? "N/A" : c.value);
    if (c.reason !== "") set(p.moderation.sheet, cell(row, p.moderation.columns.reason), c.reason);
  }
}

/** Every rater's ratings, with the consensus replacing a cell's ratings by one rating. */
export function engineRatings(panel: Panel): Rating[] {
  const overridden = new Set(panel.consensus.map((c) => `${c.vendor}|${c.code}`));
  const all = panel.grids.flatMap((g, k) => ratingsList(g).map((r) => ({ ...r, rater: panel.raters[k] })));
  return [
    ...all.filter((r) => !overridden.has(`${r.vendor}|${r.code}`)),
    ...panel.consensus.map((c) => ({ vendor: c.vendor, code: c.code, rater: "consensus", value: c.value })),
  ];
}

/** Kendall's W from each rater's own totals (as the sheet ranks them: rounded to 9 decimals). */
export function engineW(tree: IndicatorTree, panel: Panel, missing: MissingPolicy): ReturnType<typeof kendallW> {
  const totals = panel.grids.map((g) => score(tree, ratingsList(g), { missing, vendors: panel.vendors }).vendors.map((v) => v.total));
  const complete = totals.filter((t): t is number[] => t.every((x) => x !== null)).map((t) => t.map((x) => Math.round(x * 1e9) / 1e9));
  const result = kendallW(complete);
  return { ...result, items: panel.vendors.length };
}

/** Consolidated aggregate / spread / stdev and Moderation flags versus the engine (before moderation). */
export function comparePanelCells(plan: WorkbookPlan, tree: IndicatorTree, panel: Panel, aggregate: Aggregation, threshold: number, get: Getter, tolerance = 1e-9): string[] {
  const p = plan.layout.panel;
  if (!p) return ["not a panel plan"];
  const all = panel.grids.flatMap((g, k) => ratingsList(g).map((r) => ({ ...r, rater: panel.raters[k] })));
  const result = score(tree, all, { aggregate, vendors: panel.vendors });
  const problems: string[] = [];
  const num = (x: CellValue | undefined): number | null => (typeof x === "number" ? x : null);
  const blank = (x: CellValue | undefined): boolean => x === "" || x === null || x === undefined;
  const near = (label: string, got: CellValue | undefined, want: number | null): void => {
    const g = num(got);
    const ok = want === null ? blank(got) || got === "N/A" : g !== null && Math.abs(g - want) <= tolerance;
    if (!ok) problems.push(`${label}: sheet ${JSON.stringify(got)} engine ${want}`);
  };
  const C = p.consolidated;
  result.vendors.forEach((vr, v) => {
    for (const row of plan.layout.ratings.rows) {
      if (!row.leaf) continue;
      const leaf = vr.leaves[row.code];
      const at = (col: number): CellValue | undefined => get(C.sheet, cell(row.row, col + v));
      const label = `${vr.vendor} ${row.code}`;
      near(`${label} aggregate`, at(C.aggregateCol), leaf.value);
      if (leaf.status === "na" && at(C.aggregateCol) !== "N/A") problems.push(`${label}: N/A expected, got ${JSON.stringify(at(C.aggregateCol))}`);
      if (leaf.status === "missing" && !blank(at(C.aggregateCol))) problems.push(`${label}: blank expected, got ${JSON.stringify(at(C.aggregateCol))}`);
      near(`${label} range`, at(C.rangeCol), leaf.range);
      near(`${label} stdev`, at(C.stdevCol), leaf.stdev);
      const modRow = p.moderation.rows.find((x) => x.vendor === vr.vendor && x.code === row.code)?.row as number;
      const flag = get(p.moderation.sheet, cell(modRow, p.moderation.columns.flag));
      const want = leaf.range !== null && leaf.range > threshold;
      if (!blank(flag) !== want) problems.push(`${label}: flag ${JSON.stringify(flag)} but range ${leaf.range}`);
    }
  });
  return problems;
}

/** Results' panel columns: raters per vendor, consensus without reason, each rater's completeness. */
export function comparePanelResults(plan: WorkbookPlan, tree: IndicatorTree, panel: Panel, get: Getter): string[] {
  const sheet = plan.layout.sheetNames.results as string;
  const cols = plan.layout.results.columns;
  const leafCount = leafCodes(tree).length;
  const problems: string[] = [];
  panel.vendors.forEach((vendor, v) => {
    const row = plan.layout.results.firstRow + v;
    const at = (i: number): CellValue | undefined => get(sheet, cell(row, i + 1));
    const answered = panel.grids.map((g) => Object.keys(g[vendor] ?? {}).length);
    const noReason = panel.consensus.filter((c) => c.vendor === vendor && c.reason === "").length;
    cols.forEach((c, i) => {
      const want =
        c.kind === "raters" ? answered.filter((a) => a > 0).length
          : c.kind === "consensusWithoutReason" ? noReason
            : c.kind === "raterCompleteness" ? answered[panel.raters.indexOf(c.rater)] / leafCount
              : undefined;
      if (want !== undefined && !(typeof at(i) === "number" && Math.abs((at(i) as number) - want) <= 1e-12)) {
        problems.push(`${vendor} ${c.kind}: sheet ${JSON.stringify(at(i))} want ${want}`);
      }
    });
  });
  return problems;
}

/** Kendall's W cell and its rater count versus the engine. */
export function compareAgreement(plan: WorkbookPlan, tree: IndicatorTree, panel: Panel, missing: MissingPolicy, get: Getter): string[] {
  const a = plan.layout.panel?.agreement;
  if (!a) return ["not a panel plan"];
  const at = (ref: string): CellValue | undefined => {
    const m = /^'((?:[^']|'')+)'!(.+)$/.exec(ref) as RegExpExecArray;
    return get(m[1].replace(/''/g, "'"), m[2].replace(/\$/g, ""));
  };
  const want = engineW(tree, panel, missing);
  const w = at(a.w);
  const problems: string[] = [];
  const blankW = w === "" || w === null || w === undefined;
  if (want.w === null ? !blankW : typeof w !== "number" || Math.abs(w - want.w) > 1e-9) problems.push(`W: sheet ${JSON.stringify(w)} engine ${want.w}`);
  if (at(a.raters) !== want.raters) problems.push(`W raters: sheet ${JSON.stringify(at(a.raters))} engine ${want.raters}`);
  if (at(a.vendors) !== want.items) problems.push(`W vendors: sheet ${JSON.stringify(at(a.vendors))} engine ${want.items}`);
  return problems;
}
