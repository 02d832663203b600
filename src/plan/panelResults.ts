import { absRect, cell, colLetter, rect, sheetRef } from "./a1";
import { RATINGS, RESULTS as X, type PlanContext } from "./context";
import { block } from "./grid";
import { moderationRows } from "./moderationSheet";
import { modCols, type PanelContext } from "./panelContext";
import { NUMBER_FORMATS } from "./styles";
import type { ResultsColumn, ResultsLayout, SheetPlan } from "./types";

/**
 * Adds the panel columns to Results after the node columns: raters who answered at least one
 * indicator for the vendor, consensus scores without a reason, and each rater's completeness
 * (rated + N/A) ÷ indicators for the vendor.
 */
export function addPanelResults(ctx: PlanContext, p: PanelContext, results: { sheet: SheetPlan; layout: ResultsLayout }): ResultsLayout {
  const { labels: L, vendors } = ctx;
  const V = vendors.length;
  const m = p.raters.length;
  const first = results.layout.columns.length + 1;
  const [ratersCol, reasonCol, firstComp] = [first, first + 1, first + 2];
  const lastCol = firstComp + m - 1;
  const lastRow = X.firstRow + V - 1;
  const leafCount = ctx.layout.leafCount;
  const ratingsLast = RATINGS.firstRow + ctx.layout.nodes.length - 1;
  const missingReason = modCols(m).missingReason;

  const rows = vendors.map((_, v) => {
    const row = X.firstRow + v;
    const rc = RATINGS.firstVendor + v;
    const mr = moderationRows(ctx, v);
    return [
      `=COUNTIF(${rect(row, firstComp, row, lastCol)},">0")`,
      `=SUM(${sheetRef(p.moderation, absRect(mr.first, missingReason, mr.last, missingReason))})`,
      ...p.sheets.map((s) => {
        const r = sheetRef(s, absRect(RATINGS.firstRow, rc, ratingsLast, rc));
        return `=(COUNT(${r})+COUNTIF(${r},"N/A")+COUNTIF(${r},"NA"))/${leafCount}`;
      }),
    ];
  });
  const { sheet } = results;
  sheet.blocks.push(
    ...block(X.headerRow, first, "values", [[L.colRaters, L.colConsensusWithoutReason, ...p.raters.map((r) => `${L.colRaterCompleteness} ${r}`)]]),
    ...block(X.firstRow, first, "formulas", rows),
  );
  sheet.formats.push({ ranges: [rect(X.headerRow, first, X.headerRow, lastCol)], style: "header" });
  if (V > 0) {
    sheet.formats.push(
      { ranges: [rect(X.firstRow, ratersCol, lastRow, reasonCol)], style: "score", numberFormat: NUMBER_FORMATS.count },
      { ranges: [rect(X.firstRow, firstComp, lastRow, lastCol)], style: "score", numberFormat: NUMBER_FORMATS.percent },
    );
    const a = cell(X.firstRow, reasonCol);
    sheet.conditionalFormats.push({ kind: "expression", range: rect(X.firstRow, reasonCol, lastRow, reasonCol), formula: `=${a}>0`, style: { fill: "#FCE4D6", fontColor: "#C00000", bold: true } });
  }
  sheet.columns.push({ range: `${colLetter(first)}:${colLetter(lastCol)}`, width: 14 });
  const columns: ResultsColumn[] = [
    ...results.layout.columns,
    { kind: "raters" }, { kind: "consensusWithoutReason" },
    ...p.raters.map((rater) => ({ kind: "raterCompleteness" as const, rater })),
  ];
  return { ...results.layout, columns, range: rect(1, 1, Math.max(lastRow, X.headerRow), lastCol) };
}
