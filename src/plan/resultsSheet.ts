import { absRect, cell, colLetter, formulaString, rect, sheetRef } from "./a1";
import { calcCols } from "./calcSheet";
import { CALC, emptySheet, protection, RATINGS, RESULTS as X, type PlanContext } from "./context";
import { block } from "./grid";
import { resultNodes } from "./layout";
import { NUMBER_FORMATS } from "./styles";
import type { CellValue, ColorStop, ResultsColumn, ResultsLayout, SheetPlan } from "./types";

export const SCORE_SCALE: [ColorStop, ColorStop, ColorStop] = [
  { kind: "number", value: 0, color: "#F8696B" },
  { kind: "number", value: 50, color: "#FFEB84" },
  { kind: "number", value: 100, color: "#63BE7B" },
];

/**
 * Results: one row per vendor — total, rank, completeness, missing count, required unrated,
 * flags, then every dimension (fixed order, contiguous: the radar categories) and the deeper
 * groups. Every figure is a formula over Calc (itself over Ratings and Weights).
 */
export function resultsSheet(ctx: PlanContext): { sheet: SheetPlan; layout: ResultsLayout } {
  const { labels: L, layout, vendors } = ctx;
  const V = vendors.length;
  const nodes = resultNodes(layout);
  const nodeIndex = new Map(layout.nodes.map((nd, i) => [nd, i]));
  const lastRow = X.firstRow + V - 1;
  const lastCol = X.firstNode + nodes.length - 1;
  const calc = (ref: string): string => sheetRef(ctx.names.calc, ref);
  const ratingsLast = RATINGS.firstRow + layout.nodes.length - 1;
  const leafCount = layout.leafCount;
  const keys = calc(absRect(CALC.keyRow, CALC.firstScore, CALC.keyRow, CALC.firstScore + Math.max(V, 1) - 1));

  const rows: CellValue[][] = vendors.map((_, v) => {
    const row = X.firstRow + v;
    const { s, h } = calcCols(ctx, v);
    const rc = RATINGS.firstVendor + v;
    const r = sheetRef(ctx.names.ratings, absRect(RATINGS.firstRow, rc, ratingsLast, rc));
    const req = sheetRef(ctx.names.ratings, absRect(RATINGS.firstRow, RATINGS.required, ratingsLast, RATINGS.required));
    const [E, F] = [cell(row, X.missing), cell(row, X.requiredUnrated)];
    return [
      `=${sheetRef(ctx.names.ratings, `${colLetter(rc)}$${RATINGS.headerRow}`)}`,
      `=IF(${calc(cell(CALC.rootRow, h))}=1,${calc(cell(CALC.rootRow, s))},"")`,
      `=IF(ISNUMBER(${cell(row, X.total)}),SUMPRODUCT(ISNUMBER(${keys})*(${keys}>${calc(cell(CALC.keyRow, s))}))+1,"")`,
      leafCount === 0 ? 1 : `=(${leafCount}-${E})/${leafCount}`,
      `=${leafCount}-COUNT(${r})-COUNTIF(${r},"N/A")-COUNTIF(${r},"NA")`,
      `=SUMPRODUCT(${req},1-ISNUMBER(${r})-(${r}="N/A")-(${r}="NA"))`,
      `=IF(${F}>0,${formulaString(L.flagRequired + " (")}&${F}&")","")&IF(AND(${F}>0,${E}>0),"; ","")&IF(${E}>0,${formulaString(L.flagIncomplete + " (")}&${E}&")","")`,
      ...nodes.map((nd) => {
        const cr = ctx.calcRow[nodeIndex.get(nd) as number];
        return `=IF(${calc(cell(cr, h))}=1,${calc(cell(cr, s))},"")`;
      }),
    ];
  });

  const sheet = emptySheet("results", ctx.names.results, "visible", protection(ctx.protect, ctx.password));
  const headers = [L.colVendor, L.colTotal, L.colRank, L.colCompleteness, L.colMissing, L.colRequiredUnrated, L.colFlags,
    ...nodes.map((nd) => nd.node.name[ctx.locale])];
  sheet.blocks.push(
    ...block(1, 1, "values", [[L.resultsTitle]]),
    ...block(2, 1, "values", [[`${ctx.tree.title[ctx.locale]} — ${L.resultsIntro}`]]),
    ...block(X.codeRow, X.firstNode, "values", [nodes.map((nd) => nd.code)]),
    ...block(X.headerRow, 1, "values", [headers]),
    ...block(X.firstRow, 1, "formulas", rows),
  );
  if (V > 0) {
    const nodeRange = nodes.length > 0 ? [rect(X.firstRow, X.firstNode, lastRow, lastCol)] : [];
    sheet.formats.push(
      { ranges: ["A1"], style: "title" },
      { ranges: ["A2"], style: "subtitle" },
      { ranges: [rect(X.codeRow, 1, X.codeRow, Math.max(lastCol, X.flags))], style: "muted" },
      { ranges: [rect(X.headerRow, 1, X.headerRow, Math.max(lastCol, X.flags))], style: "header" },
      { ranges: [rect(X.firstRow, 1, lastRow, 1), rect(X.firstRow, X.flags, lastRow, X.flags)], style: "label" },
      { ranges: [rect(X.firstRow, X.total, lastRow, X.total)], style: "total", numberFormat: NUMBER_FORMATS.score },
      { ranges: [rect(X.firstRow, X.rank, lastRow, X.rank), rect(X.firstRow, X.missing, lastRow, X.requiredUnrated)], style: "score", numberFormat: NUMBER_FORMATS.count },
      { ranges: [rect(X.firstRow, X.completeness, lastRow, X.completeness)], style: "score", numberFormat: NUMBER_FORMATS.percent },
      ...(nodeRange.length > 0 ? [{ ranges: nodeRange, style: "score" as const, numberFormat: NUMBER_FORMATS.score }] : []),
    );
    sheet.conditionalFormats.push(
      { kind: "colorScale", range: rect(X.firstRow, X.total, lastRow, X.total), stops: SCORE_SCALE },
      ...nodeRange.map((range) => ({ kind: "colorScale" as const, range, stops: SCORE_SCALE })),
    );
  }
  sheet.columns = [
    { range: "A", width: 22 }, { range: "B:F", width: 12 }, { range: "G", width: 30 },
    ...(nodes.length > 0 ? [{ range: `${colLetter(X.firstNode)}:${colLetter(lastCol)}`, width: 12 }] : []),
  ];
  sheet.freeze = { rows: X.headerRow, columns: 1 };

  const columns: ResultsColumn[] = [
    { kind: "vendor" }, { kind: "total" }, { kind: "rank" }, { kind: "completeness" }, { kind: "missing" },
    { kind: "requiredUnrated" }, { kind: "flags" },
    ...nodes.map((nd) => ({ kind: "node" as const, code: nd.code, depth: nd.depth })),
  ];
  return {
    sheet,
    layout: { headerRow: X.headerRow, firstRow: X.firstRow, range: rect(1, 1, Math.max(lastRow, X.headerRow), Math.max(lastCol, X.flags)), columns },
  };
}
