import { absRect, cell, colLetter, rect, sheetRef } from "./a1";
import { CALC as K, emptySheet, protection, RATINGS, WEIGHTS, type PlanContext } from "./context";
import { block } from "./grid";
import type { CellValue, SheetPlan } from "./types";

/** Where a leaf's value for a vendor comes from: a cell of Ratings now, of a Consolidated sheet for a panel. */
export type LeafSource = (vendorIndex: number, nodeIndex: number) => string;

export function ratingsLeafSource(ctx: PlanContext): LeafSource {
  return (v, i) => sheetRef(ctx.names.ratings, cell(ctx.ratingsRow(i), RATINGS.firstVendor + v));
}

/** Column of vendor v's score (S) and has-score (H) cells on Calc, for a block starting at `firstCol`. */
export function calcCols(ctx: PlanContext, v: number, firstCol: number = K.firstScore): { s: number; h: number } {
  return { s: firstCol + v, h: firstCol + ctx.vendors.length + v };
}

/**
 * Calc (hidden): one row per node in "grouped" order (every sibling group contiguous), the
 * normalised weight in column B, and per vendor a score column S (always a number, 0 when none)
 * and a has-score column H (1/0):
 *   leaf      S = IF(ISNUMBER(r),r,0)     H = IF(ISNUMBER(r),1,IF(AND(zero,r<>"N/A",r<>"NA"),1,0))
 *   group     H = IF(SUMPRODUCT(w,Hc)<>0,1,0)     S = IF(H=1,SUMPRODUCT(w,Sc)/SUMPRODUCT(w,Hc),0)
 * over the children's contiguous rows. Row 4 is the total (the top-level group), row 3 the rank
 * key ROUND(total,9) (or "" without a total). B1 holds the missing policy (1 = count as 0).
 */
export function calcSheet(ctx: PlanContext, leafSource: LeafSource = ratingsLeafSource(ctx)): SheetPlan {
  const { layout, vendors, labels } = ctx;
  const V = vendors.length;
  const sheet = emptySheet("calc", ctx.names.calc, "hidden", protection(ctx.protect, ctx.password));
  const lastCol = K.firstScore + 2 * V - 1;
  const codes: CellValue[][] = layout.calcOrder.map((i) => [layout.nodes[i].code]);
  const weights: CellValue[][] = layout.calcOrder.map((i) => {
    const g = sheetRef(ctx.names.weights, `$${colLetter(WEIGHTS.normalised)}$${ctx.weightsRow(i)}`);
    return [`=IF(ISNUMBER(${g}),${g},0)`];
  });
  const score = scoreBlock(ctx, leafSource, K.firstScore);

  sheet.blocks.push(
    ...block(K.settingRow, 1, "values", [["missing=zero", ctx.missing === "zero" ? 1 : 0]]),
    ...block(K.headerRow, 1, "values", [["code", "weight", ...vendors, ...vendors]]),
    ...block(K.keyRow, 1, "values", [["rank key"]]),
    ...block(K.keyRow, K.firstScore, "formulas", [score.keys]),
    ...block(K.rootRow, 1, "values", [[labels.colTotal]]),
    ...block(K.rootRow, K.firstScore, "formulas", [score.root]),
    ...block(K.firstRow, K.code, "values", codes),
    ...block(K.firstRow, K.weight, "formulas", weights),
    ...block(K.firstRow, K.firstScore, "formulas", score.body),
  );
  sheet.columns = [{ range: "A", width: 10 }, { range: "B", width: 10 }];
  if (V > 0) sheet.formats.push({ ranges: [rect(K.headerRow, 1, K.headerRow, lastCol)], style: "header" });
  return sheet;
}

/** The S and H columns of one scoring (rank-key row, total row, node rows) starting at column `firstCol`. */
export function scoreBlock(ctx: PlanContext, leafSource: LeafSource, firstCol: number): { keys: CellValue[]; root: CellValue[]; body: CellValue[][] } {
  const { layout, vendors } = ctx;
  const V = vendors.length;
  const groupFormulas = (row: number, groupId: number, v: number): [string, string] => {
    const span = layout.groupSpan.get(groupId);
    const { s, h } = calcCols(ctx, v, firstCol);
    if (!span) return ["=0", "=0"];
    const a = K.firstRow + span.start;
    const b = K.firstRow + span.end;
    const w = absRect(a, K.weight, b, K.weight);
    const hc = rect(a, h, b, h);
    const sc = rect(a, s, b, s);
    return [
      `=IF(${cell(row, h)}=1,SUMPRODUCT(${w},${sc})/SUMPRODUCT(${w},${hc}),0)`,
      `=IF(SUMPRODUCT(${w},${hc})<>0,1,0)`,
    ];
  };
  const rowCells = (row: number, nodeIndex: number | null): CellValue[] => {
    const sCells: CellValue[] = [];
    const hCells: CellValue[] = [];
    for (let v = 0; v < V; v++) {
      const nd = nodeIndex === null ? null : layout.nodes[nodeIndex];
      if (nd && nd.leaf) {
        const r = leafSource(v, nodeIndex as number);
        sCells.push(`=IF(ISNUMBER(${r}),${r},0)`);
        hCells.push(`=IF(ISNUMBER(${r}),1,IF(AND($B$${K.settingRow}=1,${r}<>"N/A",${r}<>"NA"),1,0))`);
      } else {
        const [sf, hf] = groupFormulas(row, nd ? nd.childGroupId : 1, v);
        sCells.push(sf);
        hCells.push(hf);
      }
    }
    return [...sCells, ...hCells];
  };
  const keys: CellValue[] = vendors.map((_, v) => {
    const { s, h } = calcCols(ctx, v, firstCol);
    return `=IF(${cell(K.rootRow, h)}=1,ROUND(${cell(K.rootRow, s)},9),"")`;
  });
  return { keys, root: rowCells(K.rootRow, null), body: layout.calcOrder.map((i, pos) => rowCells(K.firstRow + pos, i)) };
}
