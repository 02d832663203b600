import { absCell, cell, colLetter, rect, sheetRef } from "./a1";
import { emptySheet, protection, RATINGS as R, type PlanContext } from "./context";
import { block } from "./grid";
import { CONS, consCols, DEFAULT_SPREAD_THRESHOLD, modCols, modRow, TRIM_PERCENT, type PanelContext } from "./panelContext";
import { NUMBER_FORMATS } from "./styles";
import type { CellValue, ConsolidatedLayout, SheetPlan } from "./types";

/** The aggregate of a row range of staged ratings; "N/A" when only N/A, "" when nothing. */
function aggregateFormula(p: PanelContext, st: string): string {
  const agg = p.aggregate === "median" ? `MEDIAN(${st})` : p.aggregate === "trimmed" ? `TRIMMEAN(${st},${TRIM_PERCENT})` : `AVERAGE(${st})`;
  return `=IF(COUNT(${st})>0,${agg},IF(COUNTIF(${st},"N/A")>0,"N/A",""))`;
}

/**
 * Consolidated: the Ratings layout (same rows, vendor columns D…) holding the rating each cell
 * scores with — the Moderation consensus if entered, else the raters' aggregate — then the
 * aggregate, the spread (max − min) and population standard deviation blocks, and hidden staging
 * columns mirroring every rater's cell (number, "N/A" or ""), so each figure is one function over
 * a row range. STDEVP, not STDEV.P: a file must spell the newer name _xlfn.STDEV.P or LibreOffice
 * and Excel read #NAME?; the legacy name means the same everywhere.
 * `ratingsLike` is a rater sheet of the same layout: its group-row formats and outline are reused.
 */
export function consolidatedSheet(ctx: PlanContext, p: PanelContext, ratingsLike: SheetPlan): { sheet: SheetPlan; layout: ConsolidatedLayout } {
  const { labels: L, layout, vendors } = ctx;
  const V = vendors.length;
  const m = p.raters.length;
  const c = consCols(V, m);
  const mc = modCols(m);
  const sheet = emptySheet("consolidated", p.consolidated, "visible", protection(ctx.protect, ctx.password));
  const threshold = absCell(CONS.thresholdRow, CONS.thresholdCol);
  const stage = (i: number, v: number): string => rect(ctx.ratingsRow(i), c.stage + v * m, ctx.ratingsRow(i), c.stage + v * m + m - 1);

  const rows: CellValue[][] = layout.nodes.map((nd, i) => {
    const out: CellValue[] = new Array<CellValue>(c.last - c.final + 1).fill(null);
    if (!nd.leaf) return out;
    const row = ctx.ratingsRow(i);
    for (let v = 0; v < V; v++) {
      const st = stage(i, v);
      const consensus = sheetRef(p.moderation, absCell(modRow(ctx, v, p.leafPos[i]), mc.consensus));
      const agg = cell(row, c.aggregate + v);
      out[v] = `=IF(ISNUMBER(${consensus}),${consensus},IF(OR(${consensus}="N/A",${consensus}="NA"),"N/A",${agg}))`;
      out[V + v] = aggregateFormula(p, st);
      out[2 * V + v] = `=IF(COUNT(${st})>0,MAX(${st})-MIN(${st}),"")`;
      out[3 * V + v] = `=IF(COUNT(${st})>0,STDEVP(${st}),"")`;
      p.sheets.forEach((raterSheet, k) => {
        const x = sheetRef(raterSheet, cell(row, R.firstVendor + v));
        out[4 * V + v * m + k] = `=IF(ISNUMBER(${x}),${x},IF(OR(${x}="N/A",${x}="NA"),"N/A",""))`;
      });
    }
    return out;
  });
  const aggName = { mean: "AVERAGE", median: "MEDIAN", trimmed: `TRIMMEAN ${TRIM_PERCENT * 100}%` }[p.aggregate];
  const captions: CellValue[] = new Array<CellValue>(4 * V).fill(null);
  [L.colFinal, `${L.colAggregate} (${aggName})`, L.colSpread, L.colStdev].forEach((t, b) => (captions[b * V] = t));
  const stageHeader = vendors.flatMap((vendor) => p.raters.map((r) => `${vendor} | ${r}`));
  const labels: CellValue[][] = layout.nodes.map((nd) => [nd.code, nd.node.name[ctx.locale], nd.leaf ? (nd.node.required ? 1 : 0) : null]);
  sheet.blocks.push(
    ...block(1, 1, "values", [[L.consolidatedTitle]]),
    ...block(1, R.firstVendor, "values", [[L.consolidatedIntro]]),
    ...block(CONS.thresholdRow, CONS.thresholdLabel, "values", [[L.thresholdLabel]]),
    ...block(CONS.thresholdRow, CONS.thresholdCol, "values", [[DEFAULT_SPREAD_THRESHOLD]]),
    ...block(CONS.captionRow, c.final, "values", [captions]),
    ...block(R.headerRow, 1, "values", [[L.colCode, L.colIndicator, L.colRequired, ...vendors, ...vendors, ...vendors, ...vendors, ...stageHeader]]),
    ...block(R.firstRow, R.code, "values", labels),
    ...block(R.firstRow, c.final, "formulas", rows),
  );

  const last = R.firstRow + layout.nodes.length - 1;
  const blockRange = (first: number): string => rect(R.firstRow, first, last, first + V - 1);
  sheet.formats.push(
    ...ratingsLike.formats.filter((f) => f.locked !== false && f.style !== "title" && f.style !== "subtitle" && f.style !== "header"),
    { ranges: ["A1"], style: "title" },
    { ranges: [cell(1, R.firstVendor)], style: "subtitle" },
    { ranges: [rect(CONS.captionRow, c.final, CONS.captionRow, c.stage - 1)], style: "muted" },
    { ranges: [rect(R.headerRow, 1, R.headerRow, c.last)], style: "header" },
    { ranges: [threshold.replace(/\$/g, "")], style: "inputWeight", numberFormat: NUMBER_FORMATS.weight, locked: false },
    { ranges: [blockRange(c.final), blockRange(c.aggregate), blockRange(c.range), blockRange(c.stdev)], style: "score", numberFormat: NUMBER_FORMATS.score },
  );
  sheet.rowGroups = ratingsLike.rowGroups.map((g) => ({ ...g }));
  sheet.validations.push({
    range: threshold.replace(/\$/g, ""),
    rule: { kind: "decimal", min: 0 },
    allowBlank: false,
    prompt: { title: L.thresholdPromptTitle, message: L.thresholdPromptMessage },
    error: { title: L.thresholdPromptTitle, message: L.weightErrorMessage, style: "stop" },
  });
  const over = (first: number): string => `=AND(ISNUMBER(${cell(R.firstRow, first)}),${cell(R.firstRow, first)}>${threshold})`;
  const highlight = { fill: "#FCE4D6", fontColor: "#C00000", bold: true };
  sheet.conditionalFormats.push(
    { kind: "expression", range: blockRange(c.final), formula: over(c.range), style: highlight },
    { kind: "expression", range: blockRange(c.range), formula: over(c.range), style: highlight },
  );
  sheet.columns = [
    { range: "A", width: 10 }, { range: "B", width: 40 }, { range: "C", width: 9 },
    { range: `${colLetter(c.final)}:${colLetter(c.stage - 1)}`, width: 14 },
    { range: `${colLetter(c.stage)}:${colLetter(c.last)}`, width: 8, hidden: true },
  ];
  sheet.freeze = { rows: R.headerRow, columns: R.required };
  return {
    sheet,
    layout: { sheet: p.consolidated, finalCol: c.final, aggregateCol: c.aggregate, rangeCol: c.range, stdevCol: c.stdev, stageCol: c.stage, threshold: cell(CONS.thresholdRow, CONS.thresholdCol) },
  };
}
