import { absCell, cell, colLetter, formulaString, rect, sheetRef } from "./a1";
import { emptySheet, protection, type PlanContext } from "./context";
import { block } from "./grid";
import { CONS, consCols, MOD, modCols, modRow, type PanelContext } from "./panelContext";
import { NA_TEXT } from "./ratingsSheet";
import { NUMBER_FORMATS } from "./styles";
import type { CellValue, ModerationLayout, SheetPlan } from "./types";

/**
 * Moderation: every vendor × leaf (vendor-major, leaves in pre-order), the raters' ratings, the
 * aggregate, spread and standard deviation (from Consolidated), a "needs moderation" flag (spread above the
 * threshold), and the panel's inputs: a consensus score and its reason. A hidden column marks a
 * consensus without a reason (Results counts them). Listing every pair avoids FILTER; an
 * autofilter on the header row narrows it to the flagged ones.
 */
export function moderationSheet(ctx: PlanContext, p: PanelContext): { sheet: SheetPlan; layout: ModerationLayout } {
  const { labels: L, layout, vendors } = ctx;
  const V = vendors.length;
  const m = p.raters.length;
  const cc = consCols(V, m);
  const mc = modCols(m);
  const cons = (row: number, col: number): string => sheetRef(p.consolidated, absCell(row, col));
  const threshold = cons(CONS.thresholdRow, CONS.thresholdCol);
  const leaves = layout.nodes.flatMap((nd, i) => (nd.leaf ? [{ nd, i }] : []));

  const labels: CellValue[][] = [];
  const formulas: CellValue[][] = [];
  const helper: CellValue[][] = [];
  const rows: ModerationLayout["rows"] = [];
  vendors.forEach((vendor, v) => {
    for (const { nd, i } of leaves) {
      const row = modRow(ctx, v, p.leafPos[i]);
      const rr = ctx.ratingsRow(i);
      const [spread, consensus, reason] = [cell(row, mc.range), cell(row, mc.consensus), cell(row, mc.reason)];
      labels.push([vendor, nd.code, nd.node.name[ctx.locale]]);
      formulas.push([
        ...p.raters.map((_, k) => `=${cons(rr, cc.stage + v * m + k)}`),
        `=${cons(rr, cc.aggregate + v)}`,
        `=${cons(rr, cc.range + v)}`,
        `=${cons(rr, cc.stdev + v)}`,
        `=IF(AND(ISNUMBER(${spread}),${spread}>${threshold}),${formulaString(L.flagModerate)},"")`,
      ]);
      helper.push([`=IF(AND(OR(ISNUMBER(${consensus}),${consensus}="${NA_TEXT}",${consensus}="NA"),LEN(TRIM(${reason}))=0),1,0)`]);
      rows.push({ vendor, code: nd.code, row });
    }
  });

  const sheet = emptySheet("moderation", p.moderation, "visible", { ...protection(ctx.protect, ctx.password), allowAutoFilter: true });
  const last = MOD.firstRow + rows.length - 1;
  const headers = [L.colVendor, L.colCode, L.colIndicator, ...p.raters, L.colAggregate, L.colSpread, L.colStdev, L.colNeedsModeration, L.colConsensus, L.colReason, L.colMissingReason];
  sheet.blocks.push(
    ...block(1, 1, "values", [[L.moderationTitle]]),
    ...block(2, 1, "values", [[L.moderationIntro]]),
    ...block(MOD.headerRow, 1, "values", [headers]),
    ...block(MOD.firstRow, MOD.vendor, "values", labels),
    ...block(MOD.firstRow, MOD.firstRater, "formulas", formulas),
    ...block(MOD.firstRow, mc.missingReason, "formulas", helper),
  );
  if (rows.length > 0) {
    const col = (c1: number, c2: number = c1): string => rect(MOD.firstRow, c1, last, c2);
    sheet.formats.push(
      { ranges: ["A1"], style: "title" },
      { ranges: ["A2"], style: "subtitle" },
      { ranges: [rect(MOD.headerRow, 1, MOD.headerRow, mc.missingReason)], style: "header" },
      { ranges: [col(MOD.vendor, MOD.name), col(mc.flag)], style: "label" },
      { ranges: [col(MOD.firstRater, mc.stdev)], style: "score", numberFormat: NUMBER_FORMATS.score },
      { ranges: [col(mc.consensus)], style: "input", numberFormat: NUMBER_FORMATS.score, locked: false },
      { ranges: [col(mc.reason)], style: "input", numberFormat: NUMBER_FORMATS.text, locked: false },
    );
    const a = cell(MOD.firstRow, mc.consensus);
    sheet.validations.push(
      {
        range: col(mc.consensus),
        rule: { kind: "custom", formula: `=OR(AND(ISNUMBER(${a}),${a}>=0,${a}<=100),${a}="${NA_TEXT}",${a}="NA")` },
        allowBlank: true,
        prompt: { title: L.consensusPromptTitle, message: L.consensusPromptMessage },
        error: { title: L.ratingErrorTitle, message: L.consensusErrorMessage, style: "stop" },
      },
    );
    const flag = `$${colLetter(mc.flag)}${MOD.firstRow}`;
    const missing = `$${colLetter(mc.missingReason)}${MOD.firstRow}`;
    sheet.conditionalFormats.push(
      { kind: "expression", range: col(MOD.vendor, mc.stdev), formula: `=${flag}<>""`, style: { fill: "#FCE4D6" } },
      { kind: "expression", range: col(mc.flag), formula: `=${flag}<>""`, style: { fontColor: "#C00000", bold: true } },
      { kind: "expression", range: col(mc.reason), formula: `=${missing}=1`, style: { fill: "#F8CBAD" } },
    );
    sheet.autoFilter = rect(MOD.headerRow, 1, last, mc.reason);
  }
  sheet.columns = [
    { range: "A", width: 18 }, { range: "B", width: 9 }, { range: "C", width: 36 },
    { range: `${colLetter(MOD.firstRater)}:${colLetter(mc.flag)}`, width: 11 },
    { range: colLetter(mc.consensus), width: 12 }, { range: colLetter(mc.reason), width: 40 },
    { range: colLetter(mc.missingReason), width: 8, hidden: true },
  ];
  sheet.freeze = { rows: MOD.headerRow, columns: MOD.name };
  return {
    sheet,
    layout: {
      sheet: p.moderation, headerRow: MOD.headerRow, firstRow: MOD.firstRow, rows,
      columns: { vendor: MOD.vendor, code: MOD.code, firstRater: MOD.firstRater, ...mc },
    },
  };
}

/** Rows of the given vendor on Moderation (contiguous, vendor-major). */
export function moderationRows(ctx: PlanContext, v: number): { first: number; last: number } {
  return { first: MOD.firstRow + v * ctx.layout.leafCount, last: MOD.firstRow + (v + 1) * ctx.layout.leafCount - 1 };
}

