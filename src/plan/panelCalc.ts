import { absCell, absRect, cell, rect, sheetRef } from "./a1";
import { calcCols, scoreBlock } from "./calcSheet";
import { CALC as K, RATINGS, type PlanContext } from "./context";
import { block } from "./grid";
import type { PanelContext } from "./panelContext";
import type { CellValue, PanelLayout, SheetPlan } from "./types";

/** First column of rater k's scoring block on Calc (the consolidated one comes first). */
export function raterCalcCol(ctx: PlanContext, k: number): number {
  return K.firstScore + 2 * ctx.vendors.length * (k + 1);
}

/**
 * Adds to Calc, for Kendall's W: one scoring block per rater (the Calc scheme with that rater's
 * sheet as leaf source, so each rater's own weighted totals), and below the node rows an
 * agreement table: per rater "included" (a total for every vendor), tie counts c, average ranks
 * (1 = best; ties share the mean rank) and T = Σ(c² − 1) = Σ(t³ − t) over tie groups; then the
 * rank sums R, and W = 12·Σ(R − m(n+1)/2)² / (m²(n³ − n) − m·ΣT) over the m included raters.
 */
export function addPanelCalc(ctx: PlanContext, p: PanelContext, calc: SheetPlan): PanelLayout["agreement"] {
  const V = ctx.vendors.length;
  const m = p.raters.length;
  p.sheets.forEach((raterSheet, k) => {
    const first = raterCalcCol(ctx, k);
    const score = scoreBlock(ctx, (v, i) => sheetRef(raterSheet, cell(ctx.ratingsRow(i), RATINGS.firstVendor + v)), first);
    calc.blocks.push(
      ...block(K.settingRow, first, "values", [[p.raters[k]]]),
      ...block(K.headerRow, first, "values", [[...ctx.vendors, ...ctx.vendors]]),
      ...block(K.keyRow, first, "formulas", [score.keys]),
      ...block(K.rootRow, first, "formulas", [score.root]),
      ...block(K.firstRow, first, "formulas", score.body),
    );
  });

  const top = K.firstRow + ctx.layout.nodes.length + 1;
  const firstRater = top + 1;
  const lastRater = top + m;
  const tieCol = 3;
  const rankCol = tieCol + V;
  const tCol = rankCol + V;
  const rows: CellValue[][] = p.raters.map((_, k) => {
    const row = firstRater + k;
    const keyOf = (v: number): string => cell(K.keyRow, calcCols(ctx, v, raterCalcCol(ctx, k)).s);
    const keys = absRect(K.keyRow, raterCalcCol(ctx, k), K.keyRow, raterCalcCol(ctx, k) + V - 1);
    const inc = `$B${row}`;
    return [
      `=IF(COUNT(${keys})=${V},1,0)`,
      ...ctx.vendors.map((_, v) => `=IF(${inc}=1,SUMPRODUCT(ISNUMBER(${keys})*(${keys}=${keyOf(v)})),"")`),
      ...ctx.vendors.map((_, v) => `=IF(${inc}=1,SUMPRODUCT(ISNUMBER(${keys})*(${keys}>${keyOf(v)}))+(${cell(row, tieCol + v)}+1)/2,"")`),
      `=IF(${inc}=1,SUMSQ(${rect(row, tieCol, row, tieCol + V - 1)})-${V},"")`,
    ];
  });
  const sumRow = lastRater + 1;
  const R = absRect(sumRow, rankCol, sumRow, rankCol + V - 1);
  const st = sumRow + 1;
  const [mC, nC, sC, tC, dC, wC] = [0, 1, 2, 3, 4, 5].map((i) => absCell(st + i, 2));
  calc.blocks.push(
    ...block(top, 1, "values", [["agreement", "included", ...ctx.vendors.map((v) => `ties ${v}`), ...ctx.vendors.map((v) => `rank ${v}`), "T"]]),
    ...block(firstRater, 1, "values", p.raters.map((r) => [r])),
    ...block(firstRater, 2, "formulas", rows),
    ...block(sumRow, 1, "values", [["rank sum"]]),
    ...block(sumRow, rankCol, "formulas", [ctx.vendors.map((_, v) => `=SUM(${absRect(firstRater, rankCol + v, lastRater, rankCol + v)})`)]),
    ...block(st, 1, "values", [["m"], ["n"], ["S"], ["sum T"], ["denominator"], ["W"]]),
    ...block(st, 2, "formulas", [
      [`=SUM(${absRect(firstRater, 2, lastRater, 2)})`],
      [V],
      [`=SUMPRODUCT((${R}-${mC}*(${nC}+1)/2)^2)`],
      [`=SUM(${absRect(firstRater, tCol, lastRater, tCol)})`],
      [`=${mC}^2*(${nC}^3-${nC})-${mC}*${tC}`],
      [`=IF(AND(${mC}>=2,${nC}>=2),IF(${dC}>0,12*${sC}/${dC},""),"")`],
    ]),
  );
  const ref = (a: string): string => sheetRef(ctx.names.calc, a);
  return { w: ref(wC), raters: ref(mC), vendors: ref(nC) };
}
