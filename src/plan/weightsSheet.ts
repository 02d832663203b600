import { absRect, cell, colLetter, formulaString, rect, rowRuns } from "./a1";
import { emptySheet, protection, WEIGHTS as W, type PlanContext } from "./context";
import { block } from "./grid";
import { NUMBER_FORMATS } from "./styles";
import type { CellValue, FormatPlan, SheetPlan, WeightsLayout } from "./types";

/**
 * Weights: the tree in pre-order with editable weights, each group's sum and check on the
 * parent's row (the root row for the top level), the normalised weights the Calc sheet uses,
 * and hidden helper columns (group ids, effective raw weights, group sums, warning flags).
 */
export function weightsSheet(ctx: PlanContext): { sheet: SheetPlan; layout: WeightsLayout } {
  const { labels: L, layout } = ctx;
  const n = layout.nodes.length;
  const last = W.firstRow + n - 1;
  const col = (c: number): string => absRect(W.firstRow, c, last, c);
  const [C, I, K, M] = [col(W.weight), col(W.groupId), col(W.isNum), col(W.effective)];
  const childSumFormulas = (row: number): { count: string; sum: string } => ({
    count: `SUMIFS(${K},${I},${cell(row, W.childGroup)})`,
    sum: `SUMIFS(${C},${I},${cell(row, W.childGroup)})`,
  });
  const groupCells = (row: number): CellValue[] => {
    const { count, sum } = childSumFormulas(row);
    const warn = cell(row, W.warn);
    return [
      `=IF(${count}=0,"",${sum})`,
      `=IF(${warn}=1,${formulaString(L.checkWarn)},IF(${count}=0,${formulaString(L.checkEqual)},${formulaString(L.checkOk)}))`,
    ];
  };
  const warnFormula = (row: number): string => {
    const { count, sum } = childSumFormulas(row);
    return `=IF(${count}=0,0,IF(ABS(${sum}-100)>0.000000001,1,0))`;
  };

  const sheet = emptySheet("weights", ctx.names.weights, "visible", protection(ctx.protect, ctx.password));
  const headers = [L.colCode, L.colIndicator, L.colWeight, L.colRequired, L.colChildSum, L.colCheck, L.colNormalised,
    L.colShareOfTotal, "group", "child group", "is number", "group count", "effective", "group sum", "warning"];

  const codes: CellValue[][] = [["", L.rootName]];
  const weights: CellValue[][] = [[null]];
  const required: CellValue[][] = [[null]];
  const shown: CellValue[][] = [[...groupCells(W.rootRow), null, 1]];
  const ids: CellValue[][] = [[0, 1]];
  const helpers: CellValue[][] = [[null, null, null, null, warnFormula(W.rootRow)]];
  layout.nodes.forEach((node, i) => {
    const r = ctx.weightsRow(i);
    const parentRow = node.parent < 0 ? W.rootRow : ctx.weightsRow(node.parent);
    const g = cell(r, W.normalised);
    const share = cell(parentRow, W.share);
    codes.push([node.code, node.node.name[ctx.locale]]);
    weights.push([node.node.weight]);
    required.push([node.leaf ? (node.node.required ? 1 : 0) : null]);
    shown.push([
      ...(node.leaf ? [null, null] : groupCells(r)),
      `=IF(${cell(r, W.groupSum)}=0,"",${cell(r, W.effective)}/${cell(r, W.groupSum)})`,
      `=IF(AND(ISNUMBER(${g}),ISNUMBER(${share})),${g}*${share},"")`,
    ]);
    ids.push([node.groupId, node.leaf ? null : node.childGroupId]);
    helpers.push([
      `=IF(ISNUMBER(${cell(r, W.weight)}),1,0)`,
      `=SUMIFS(${K},${I},${cell(r, W.groupId)})`,
      `=IF(${cell(r, W.groupCount)}=0,1,IF(ISNUMBER(${cell(r, W.weight)}),${cell(r, W.weight)},0))`,
      `=SUMIFS(${M},${I},${cell(r, W.groupId)})`,
      node.leaf ? null : warnFormula(r),
    ]);
  });

  sheet.blocks.push(
    ...block(1, 1, "values", [[L.weightsTitle]]),
    ...block(2, 1, "values", [[L.weightsIntro]]),
    ...block(W.summaryRow, W.name, "values", [[L.weightsWarningCount]]),
    ...block(W.summaryRow, W.weight, "formulas", [[`=SUM(${absRect(W.rootRow, W.warn, last, W.warn)})`]]),
    ...block(W.headerRow, 1, "values", [headers]),
    ...block(W.rootRow, W.code, "values", codes),
    ...block(W.rootRow, W.weight, "values", weights),
    ...block(W.rootRow, W.required, "values", required),
    ...block(W.rootRow, W.childSum, "formulas", shown),
    ...block(W.rootRow, W.groupId, "values", ids),
    ...block(W.rootRow, W.isNum, "formulas", helpers),
  );

  const groupRows = (depth: 1 | 2): string[] =>
    layout.nodes.flatMap((nd, i) =>
      !nd.leaf && (depth === 1 ? nd.depth === 1 : nd.depth >= 2) ? [rect(ctx.weightsRow(i), 1, ctx.weightsRow(i), W.share)] : [],
    );
  const formats: FormatPlan[] = [
    { ranges: ["A1"], style: "title" },
    { ranges: ["A2"], style: "subtitle" },
    { ranges: [rect(W.summaryRow, W.name, W.summaryRow, W.weight)], style: "warning" },
    { ranges: [rect(W.headerRow, 1, W.headerRow, W.warn)], style: "header" },
    { ranges: [rect(W.rootRow, 1, last, W.share)], style: "label" },
    { ranges: [rect(W.rootRow, 1, W.rootRow, W.share)], style: "groupRow1" },
    { ranges: groupRows(1), style: "groupRow1" },
    { ranges: groupRows(2), style: "groupRow2" },
    { ranges: [rect(W.firstRow, W.weight, last, W.weight)], style: "inputWeight", numberFormat: NUMBER_FORMATS.weight, locked: false },
    { ranges: [rect(W.rootRow, W.required, last, W.required)], style: "required", numberFormat: NUMBER_FORMATS.requiredMark },
    { ranges: [rect(W.rootRow, W.childSum, last, W.childSum)], numberFormat: NUMBER_FORMATS.weight },
    { ranges: [rect(W.rootRow, W.normalised, last, W.normalised)], numberFormat: NUMBER_FORMATS.normalised },
    { ranges: [rect(W.rootRow, W.share, last, W.share)], numberFormat: NUMBER_FORMATS.percent },
  ];
  const maxDepth = Math.max(0, ...layout.nodes.map((nd) => nd.depth));
  for (let d = 2; d <= maxDepth; d++) {
    const ranges = rowRuns(layout.nodes.flatMap((nd, i) => (nd.depth === d ? [ctx.weightsRow(i)] : [])), W.name);
    formats.push({ ranges, indent: d - 1 });
  }
  sheet.formats = formats.filter((f) => f.ranges.length > 0);
  sheet.columns = [
    { range: "A", width: 10 }, { range: "B", width: 36 }, { range: "C", width: 11 }, { range: "D", width: 9 },
    { range: "E", width: 14 }, { range: "F", width: 26 }, { range: "G", width: 12 }, { range: "H", width: 12 },
    { range: `${colLetter(W.groupId)}:${colLetter(W.warn)}`, width: 8, hidden: true },
  ];
  sheet.validations.push({
    range: rect(W.firstRow, W.weight, last, W.weight),
    rule: { kind: "decimal", min: 0 },
    allowBlank: true,
    prompt: { title: L.weightPromptTitle, message: L.weightPromptMessage },
    error: { title: L.weightErrorTitle, message: L.weightErrorMessage, style: "stop" },
  });
  sheet.conditionalFormats.push({
    kind: "expression",
    range: rect(W.rootRow, W.childSum, last, W.check),
    formula: `=$${colLetter(W.warn)}${W.rootRow}=1`,
    style: { fontColor: "#C00000", fill: "#FCE4D6", bold: true },
  });
  sheet.freeze = { rows: W.headerRow, columns: W.name };
  return {
    sheet,
    layout: {
      firstRow: W.rootRow,
      rows: [{ code: "", row: W.rootRow }, ...layout.nodes.map((nd, i) => ({ code: nd.code, row: ctx.weightsRow(i) }))],
      weightColumn: colLetter(W.weight),
    },
  };
}
