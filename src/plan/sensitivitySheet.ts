/**
 * The optional Sensitivity sheet (issue #12): for every weighted node (a node with siblings) its
 * current weight within its group, the weight at which the current leader would lose first place
 * when that one weight changes and its siblings are rescaled in proportion, the rival, and the
 * interval of the weight within which the leader stays first — all live formulas over Calc.
 *
 * What the formulas compute (also on Method): with node n in group P (normalised weight w), each
 * vendor's total as n's weight becomes x is taken as the straight line
 *   T_v(x) = T_v + slope_v·(x − w),   slope_v = β_P·(S_n,v − S_P,v) ÷ (1 − w),
 * β_P the product of the normalised weights of P and its ancestors. That is exact when the vendor
 * has a score on every member of the group and of every ancestor's group (every rating present, or
 * missing ratings counting 0); under "exclude" with a missing member the group is renormalised per
 * vendor and the exact form is a ratio of linear functions — src/core/sensitivity, the pane and
 * `scorecard score --sensitivity` compute that one. Tie with rival j: x = w + (T_L − T_j) ÷
 * (slope_j − slope_L); the nearest tie inside (0, 1) on either side bounds the stable interval.
 */
import type { Locale } from "../core/model/types";
import { absCell, absRect, cell, colLetter, parseRect, rect, sheetRef } from "./a1";
import { CALC, emptySheet, protection, type PlanContext } from "./context";
import { calcCols } from "./calcSheet";
import { awardLabelsFor } from "./awardLabels";
import { AWARD, PRICE } from "./awardSheet";
import { block, gridBlocks, type GridCell } from "./grid";
import type { CellValue, SensitivityLayout, SheetPlan } from "./types";

export interface SensitivityLabels {
  sheet: string;
  title: string;
  note: string;
  leader: string;
  colCode: string;
  colName: string;
  colWeight: string;
  colFlipAt: string;
  colRival: string;
  colFrom: string;
  colTo: string;
  noFlip: string;
  noFlipText: string;
  helpers: string;
  methodHeading: string;
  methodText: string[];
  chartLabel: string;
  chartPrompt: string;
  chartError: string;
  chartTitle: string;
  chartX: string;
  chartCurrent: string;
  chartDimensions: string;
  chartWeight: string;
  chartSlopes: string;
  priceLeader: string;
  priceName: string;
  priceNoFlipText: string;
  priceMethod: string;
}

export const SENSITIVITY_LABELS: Record<Locale, SensitivityLabels> = {
  "en-US": {
    sheet: "Sensitivity",
    title: "How robust is the winner?",
    note: "One weight at a time moves; the rest of its group is rescaled so the group still sums to 100%. Straight-line figures (see Method): exact when every vendor has a score on every member of the groups concerned.",
    leader: "Leader now",
    colCode: "Code",
    colName: "Indicator",
    colWeight: "Weight in its group",
    colFlipAt: "Leader loses first place at",
    colRival: "To",
    colFrom: "Leader stays first from",
    colTo: "to",
    noFlip: "none",
    noFlipText: "No weight of this node changes the winner",
    helpers: "Working columns: per vendor the slope of its total in this weight, its tie with the leader, and the ties above and below the current weight.",
    methodHeading: "Sensitivity sheet: flip points",
    methodText: [
      "For a node n with normalised weight w in its sibling group, the sheet moves that one weight to x and rescales the siblings by (1 − x)/(1 − w), so the group still sums to 1.",
      "Each vendor's total then changes along the line T(x) = T + slope·(x − w), slope = β·(S_n − S_P)/(1 − w), where S_n and S_P are the vendor's scores of the node and of its group on Calc and β is the product of the normalised weights of the group and of its ancestors.",
      "Leader L (rank 1 now) and rival j tie at x = w + (T_L − T_j)/(slope_j − slope_L), the issue's x = (w·Δ − D)/(Δ − D) with D = T_L − T_j and Δ the difference of the node's scores. The nearest tie strictly between 0 and 1 above and below w bounds the stable interval; the nearer one is the flip point.",
      "Exact when every vendor has a score on every member of the groups concerned (all rated, or missing ratings counting 0). Under 'exclude' a vendor missing a member has that group renormalised, its total is then a ratio of linear functions of x, and the sheet's figures are an approximation: the add-in's What-if and `scorecard score --sensitivity` compute the exact ones.",
      "The chart below the table draws each vendor's total T(x) = T + slope·(x − w) at x = 0%, 10%, …, 100% for the dimension chosen in its cell, and the current weight as a dashed line; exact under the same condition.",
    ],
    chartLabel: "Chart: the weight of",
    chartPrompt: "Choose the dimension whose weight the chart moves from 0 to 100%.",
    chartError: "Choose one of the dimensions in the list.",
    chartTitle: "Totals as the chosen dimension's weight goes from 0 to 100%",
    chartX: "Weight",
    chartCurrent: "Current weight",
    chartDimensions: "Dimension",
    chartWeight: "Weight",
    chartSlopes: "Slope of each vendor's total",
    priceLeader: "Leader on overall score (with price)",
    priceName: "Price weight (overall score, vendors eligible now)",
    priceNoFlipText: "No price weight changes the winner",
    priceMethod: "With a Price sheet, the last row of the table does the same for the price weight p (the Price sheet's weight ÷ 100): overall = quality·(1 − p) + price score·p is a straight line in p for every vendor eligible now (their price scores do not depend on p), so leader L on overall score (row 4) and rival j tie at p = (Q_L − Q_j)/((Q_L − Q_j) − (P_L − P_j)); the nearest tie strictly between 0 and 1 above and below p bounds the stable interval, as for the nodes. Computed among the vendors eligible now (eligibility is held as it is; the node rows above compare quality totals), exact, as the add-in's What-if and `scorecard score --sensitivity` compute it.",
  },
  "zh-CN": {
    sheet: "敏感性",
    title: "第一名有多稳？",
    note: "每次只变动一个权重，同组其余权重按比例缩放，使该组合计仍为 100%。按直线计算（见“方法”）：当每家供应商在相关各组的每一项都有分数时为精确值。",
    leader: "当前第一名",
    colCode: "编号",
    colName: "指标",
    colWeight: "组内权重",
    colFlipAt: "第一名易主的权重",
    colRival: "被超越于",
    colFrom: "保持第一：自",
    colTo: "至",
    noFlip: "无",
    noFlipText: "该指标的权重怎么变都不改变第一名",
    helpers: "辅助列：每家供应商总分随该权重变化的斜率、与第一名持平的权重、当前权重之上与之下的持平点。",
    methodHeading: "敏感性工作表：翻转点",
    methodText: [
      "对组内归一化权重为 w 的指标 n，工作表把这一个权重改为 x，同组其余权重乘以 (1 − x)/(1 − w)，使该组合计仍为 1。",
      "每家供应商的总分沿直线 T(x) = T + 斜率·(x − w) 变化，斜率 = β·(S_n − S_P)/(1 − w)，S_n、S_P 为该供应商在计算表上该指标与其所在组的得分，β 为该组及其上级各组归一化权重之积。",
      "第一名 L 与对手 j 在 x = w + (T_L − T_j)/(斜率_j − 斜率_L) 处持平，即 x = (w·Δ − D)/(Δ − D)，D = T_L − T_j，Δ 为两者该指标得分之差。w 之上与之下、严格介于 0 与 1 之间最近的持平点即稳定区间的两端，较近者为翻转点。",
      "当每家供应商在相关各组的每一项都有分数时（全部已评分，或缺失评分按 0 计）为精确值。在“排除”策略下，缺少某项的供应商该组按已评项重新归一，其总分是 x 的两个线性函数之比，工作表的数字为近似值：加载项的“假设分析”与 `scorecard score --sensitivity` 给出精确值。",
      "表格下方的图表按单元格中所选维度，画出 x = 0%、10%、…、100% 时各供应商的总分 T(x) = T + 斜率·(x − w)，当前权重以虚线标出；精确的条件同上。",
    ],
    chartLabel: "图表：变动权重的维度",
    chartPrompt: "选择图表中权重从 0 变到 100% 的维度。",
    chartError: "请从列表中选择一个维度。",
    chartTitle: "所选维度权重从 0 到 100% 时的总分",
    chartX: "权重",
    chartCurrent: "当前权重",
    chartDimensions: "维度",
    chartWeight: "权重",
    chartSlopes: "各供应商总分的斜率",
    priceLeader: "综合得分第一名（含价格）",
    priceName: "价格权重（综合得分，当前合格的供应商）",
    priceNoFlipText: "价格权重怎么变都不改变第一名",
    priceMethod: "有“报价”工作表时，表格最后一行对价格权重 p（报价表上的权重 ÷ 100）做同样的分析：对当前合格的每家供应商，综合得分 = 质量得分·(1 − p) + 价格得分·p 是 p 的直线（价格得分与 p 无关），故综合得分第一名 L（第 4 行）与对手 j 在 p = (Q_L − Q_j)/((Q_L − Q_j) − (P_L − P_j)) 处持平；p 之上与之下、严格介于 0 与 1 之间最近的持平点即稳定区间的两端，与各指标相同。只在当前合格的供应商之间计算（合格与否按现状不变；上方各指标行比较的是质量总分），为精确值，与加载项的“假设分析”及 `scorecard score --sensitivity` 相同。",
  },
};

const S = { titleRow: 1, noteRow: 2, leaderRow: 3, priceLeaderRow: 4, headerRow: 5, firstRow: 6, code: 1, name: 2, weight: 3, flipAt: 4, rival: 5, from: 6, to: 7, firstHelper: 9 } as const;

/** `withPrice`: the workbook has a Price sheet, so the table ends with the price weight's row. */
export function sensitivitySheet(ctx: PlanContext, withPrice = false): { sheet: SheetPlan; layout: SensitivityLayout } {
  const L = SENSITIVITY_LABELS[ctx.locale];
  const { layout, vendors } = ctx;
  const V = vendors.length;
  const sheet = emptySheet("sensitivity", L.sheet, "visible", protection(ctx.protect, ctx.password));
  const calc = (ref: string): string => sheetRef(ctx.names.calc, ref);
  const cols = (v: number): { s: number; h: number } => calcCols(ctx, v);
  const keys = V > 0 ? calc(absRect(CALC.keyRow, cols(0).s, CALC.keyRow, cols(V - 1).s)) : "";
  const names = V > 0 ? calc(absRect(CALC.headerRow, cols(0).s, CALC.headerRow, cols(V - 1).s)) : "";
  const totals = V > 0 ? calc(absRect(CALC.rootRow, cols(0).s, CALC.rootRow, cols(V - 1).s)) : "";
  // The leader's index among the vendors (1-based; "" without any total), in the first (hidden) working column.
  const leaderIdx = `$${colLetter(S.firstHelper)}$${S.leaderRow}`;
  // Weighted nodes: those with at least one sibling, in tree (pre-)order.
  const siblings = new Map<number, number>();
  layout.nodes.forEach((n) => siblings.set(n.parent, (siblings.get(n.parent) ?? 0) + 1));
  const weighted = layout.nodes.map((n, i) => ({ n, i })).filter(({ n }) => (siblings.get(n.parent) ?? 0) > 1);
  const slope0 = S.firstHelper;
  const tie0 = slope0 + V;
  const up0 = tie0 + V;
  const down0 = up0 + V;
  const calcWeight = (i: number): string => calc(`$${colLetter(CALC.weight)}$${ctx.calcRow[i]}`);
  // Row r's ties (column tie0 + v) inside (0, 1) above w (else 2) and below w (else -1); the nearest bounds the stable interval.
  // Ties within 1e-12 of 0 or 1 are the end itself rounded (as rootsInUnit in the core drops them).
  const ups = (r: number, w: string): string[] => vendors.map((_, v) => {
    const t = cell(r, tie0 + v);
    return `=IF(ISNUMBER(${t}),IF(AND(${t}>${w},${t}<0.999999999999),${t},2),2)`;
  });
  const downs = (r: number, w: string): string[] => vendors.map((_, v) => {
    const t = cell(r, tie0 + v);
    return `=IF(ISNUMBER(${t}),IF(AND(${t}<${w},${t}>0.000000000001),${t},-1),-1)`;
  });
  // Flip point, rival, stable from, stable to of row r.
  const stable = (r: number, w: string, noFlipText: string): string[] => {
    const up = V > 0 ? `MIN(${rect(r, up0, r, up0 + V - 1)})` : "2";
    const down = V > 0 ? `MAX(${rect(r, down0, r, down0 + V - 1)})` : "-1";
    const flipAt = `=IF(AND(${up}>1,${down}<0),"${L.noFlip}",IF(${up}-${w}<=${w}-${down},${up},${down}))`;
    const d = cell(r, S.flipAt);
    const rival = V > 0 ? `=IF(ISNUMBER(${d}),INDEX(${names},1,IF(${d}>${w},MATCH(${d},${rect(r, up0, r, up0 + V - 1)},0),MATCH(${d},${rect(r, down0, r, down0 + V - 1)},0))),"${noFlipText}")` : `="${noFlipText}"`;
    return [flipAt, rival, `=MAX(0,${down})`, `=MIN(1,${up})`];
  };
  const rows: CellValue[][] = weighted.map(({ n, i }, k) => {
    const r = S.firstRow + k;
    const w = `$C${r}`;
    const chain: string[] = [];
    for (let a = n.parent; a >= 0; a = layout.nodes[a].parent) chain.push(calcWeight(a));
    const beta = chain.length === 0 ? "" : `${chain.join("*")}*`;
    const pRow = n.parent < 0 ? CALC.rootRow : ctx.calcRow[n.parent];
    // At w = 1 the siblings all weigh 0 and share 1 − x equally (as src/core/sensitivity does).
    const span = layout.groupSpan.get(n.groupId) as { start: number; end: number };
    const m = span.end - span.start + 1;
    const slopes = vendors.map((_, v) => {
      const sn = calc(cell(ctx.calcRow[i], cols(v).s));
      const others = `(SUM(${calc(rect(CALC.firstRow + span.start, cols(v).s, CALC.firstRow + span.end, cols(v).s))})-${sn})/${m - 1}`;
      return `=IF(${w}>=1,${beta}(${sn}-${others}),${beta}(${sn}-${calc(cell(pRow, cols(v).s))})/(1-${w}))`;
    });
    const slopeRange = absRect(r, slope0, r, slope0 + V - 1);
    const slopeL = `INDEX(${slopeRange},1,${leaderIdx})`;
    const ties = vendors.map((_, v) => {
      const sv = cell(r, slope0 + v);
      return `=IF(OR(${leaderIdx}="",${leaderIdx}=${v + 1},INDEX(${keys},1,${v + 1})=""),"",IF(${sv}=${slopeL},"",${w}+(INDEX(${totals},1,${leaderIdx})-INDEX(${totals},1,${v + 1}))/(${sv}-${slopeL})))`;
    });
    return [`=${calcWeight(i)}`, ...stable(r, w, L.noFlipText), null, ...slopes, ...ties, ...ups(r, w), ...downs(r, w)];
  });
  const codeNames: CellValue[][] = weighted.map(({ n }) => [n.code, n.node.name[ctx.locale]]);
  const priceRow = withPrice && V > 0 ? S.firstRow + weighted.length : null;
  if (priceRow !== null) {
    // The price weight p (issue #12): overall_v(p) = Q_v + (P_v − Q_v)·p among the vendors eligible now (Award calc),
    // leader by overall score in row 4 (its index in the hidden working column), ties (Q_L − Q_v)/(slope_v − slope_L).
    const A = awardLabelsFor(ctx.locale);
    const aw = (ref: string): string => sheetRef(A.sheetAward, ref);
    const awKeys = aw(absRect(AWARD.key, AWARD.firstVendor, AWARD.key, AWARD.firstVendor + V - 1));
    const li = `$${colLetter(S.firstHelper)}$${S.priceLeaderRow}`;
    const r = priceRow;
    const w = `$C${r}`;
    const slopes = vendors.map((_, v) => {
      const c = AWARD.firstVendor + v;
      return `=IF(${aw(cell(AWARD.eligible, c))}=1,${aw(cell(AWARD.priceScore, c))}-${calc(cell(CALC.rootRow, cols(v).s))},"")`;
    });
    const slopeL = `INDEX(${absRect(r, slope0, r, slope0 + V - 1)},1,${li})`;
    const ties = vendors.map((_, v) => {
      const sv = cell(r, slope0 + v);
      return `=IF(OR(${li}="",${li}=${v + 1},NOT(ISNUMBER(${sv}))),"",IF(${sv}=${slopeL},"",(INDEX(${totals},1,${li})-INDEX(${totals},1,${v + 1}))/(${sv}-${slopeL})))`;
    });
    sheet.blocks.push(
      ...block(S.priceLeaderRow, 1, "values", [[L.priceLeader]]),
      ...block(S.priceLeaderRow, S.weight, "formulas", [[`=IF(${li}="","",INDEX(${names},1,${li}))`]]),
      ...block(S.priceLeaderRow, S.firstHelper, "formulas", [[`=IF(COUNT(${awKeys})=0,"",MATCH(MAX(${awKeys}),${awKeys},0))`]]),
      ...block(r, S.name, "values", [[L.priceName]]),
      ...block(r, S.weight, "formulas", [[`=${sheetRef(A.sheetPrice, absCell(PRICE.weightRow, PRICE.value))}/100`, ...stable(r, w, L.priceNoFlipText), null, ...slopes, ...ties, ...ups(r, w), ...downs(r, w)]]),
    );
    sheet.formats.push(
      { ranges: [rect(r, S.weight, r, S.flipAt), rect(r, S.from, r, S.to)], numberFormat: "0.0%" },
      { ranges: [cell(r, S.flipAt), `C${S.priceLeaderRow}`], style: "total" },
    );
    sheet.merges.push(`A${S.priceLeaderRow}:B${S.priceLeaderRow}`);
  }
  sheet.blocks.push(
    ...block(S.titleRow, 1, "values", [[L.title]]),
    ...block(S.noteRow, 1, "values", [[L.note]]),
    ...block(S.leaderRow, 1, "values", [[L.leader]]),
    ...block(S.leaderRow, S.weight, "formulas", [[V > 0 ? `=IF(${leaderIdx}="","",INDEX(${names},1,${leaderIdx}))` : `=""`]]),
    ...(V > 0 ? block(S.leaderRow, S.firstHelper, "formulas", [[`=IF(COUNT(${keys})=0,"",MATCH(MAX(${keys}),${keys},0))`]]) : []),
    ...block(S.headerRow, 1, "values", [[L.colCode, L.colName, L.colWeight, L.colFlipAt, L.colRival, L.colFrom, L.colTo, null, L.helpers]]),
  );
  if (weighted.length > 0) {
    sheet.blocks.push(...block(S.firstRow, S.code, "values", codeNames), ...block(S.firstRow, S.weight, "formulas", rows));
    const last = S.firstRow + weighted.length - 1;
    sheet.formats.push(
      { ranges: [rect(S.firstRow, S.weight, last, S.flipAt), rect(S.firstRow, S.from, last, S.to)], numberFormat: "0.0%" },
      { ranges: [rect(S.firstRow, S.flipAt, last, S.flipAt)], style: "total" },
    );
  }
  sheet.formats.push({ ranges: [`A${S.titleRow}`], style: "title" }, { ranges: [`A${S.noteRow}`], style: "muted" }, { ranges: [rect(S.headerRow, 1, S.headerRow, S.to)], style: "header" }, { ranges: [`C${S.leaderRow}`], style: "total" });
  // The label spans the code and name columns, so it is never cut by the leader's name beside it.
  sheet.merges.push(`A${S.leaderRow}:B${S.leaderRow}`);
  sheet.columns = [
    { range: "A", width: 9 },
    { range: "B", width: 30 },
    { range: "C:D", width: 14 },
    { range: "E", width: ctx.locale === "zh-CN" ? 34 : 42 },
    { range: "F:G", width: 12 },
    { range: "H", width: 3 },
    ...(V > 0 ? [{ range: `${colLetter(slope0)}:${colLetter(down0 + V - 1)}`, width: 10, hidden: true }] : []),
  ];
  sheet.freeze = { rows: S.headerRow, columns: 2 };
  const dimRows = weighted.map(({ n }, k) => ({ n, row: S.firstRow + k })).filter(({ n }) => n.parent < 0);
  const chart = V > 0 && dimRows.length >= 2 ? weightChart(ctx, sheet, L, { names, keys, totals, firstFree: down0 + V, chooserRow: S.firstRow + weighted.length + (priceRow !== null ? 2 : 1), slope0, dimRows }) : undefined;
  return {
    sheet,
    layout: { sheet: L.sheet, leaderCell: `C${S.leaderRow}`, leaderIndexCell: `${colLetter(S.firstHelper)}${S.leaderRow}`, firstRow: S.firstRow, codes: weighted.map(({ n }) => n.code), cols: { weight: S.weight, flipAt: S.flipAt, rival: S.rival, from: S.from, to: S.to },
      ...(priceRow !== null ? { price: { row: priceRow, leaderCell: `C${S.priceLeaderRow}`, leaderIndexCell: `${colLetter(S.firstHelper)}${S.priceLeaderRow}` } } : {}),
      ...(chart ? { chart } : {}) },
  };
}

/** Where the weight chart's cells are: rows of its data table, the chooser, the right-hand block. */
const C = { points: 11, xRow: S.headerRow, currentRow: S.firstRow + 12, dimsRow: S.firstRow + 16 } as const;

/**
 * The weight chart (issue #12): each vendor's total as one dimension's weight x goes from 0 to 100%
 * (the others rescaled), T(x) = T + slope·(x − w) with the slope of the dimension's row of the
 * table, at 11 points; the dimension is chosen in a cell (a validation list of the dimensions), the
 * current weight is a dashed vertical line. The data sits right of the hidden working columns
 * (visible: a chart plots visible cells only), the chooser and chart below the table.
 */
function weightChart(
  ctx: PlanContext, sheet: SheetPlan, L: SensitivityLabels,
  at: { names: string; keys: string; totals: string; firstFree: number; chooserRow: number; slope0: number; dimRows: { n: PlanContext["layout"]["nodes"][number]; row: number }[] },
): NonNullable<SensitivityLayout["chart"]> {
  const V = ctx.vendors.length;
  const D = at.dimRows.length;
  const x0 = at.firstFree + 1; // a narrow gap column first
  const chooser = `$C$${at.chooserRow}`;
  const current = `$D$${at.chooserRow}`;
  const dimNames = at.dimRows.map(({ n }) => n.node.name[ctx.locale]);
  const nameRange = absRect(C.dimsRow + 1, x0, C.dimsRow + D, x0);
  const weightRange = absRect(C.dimsRow + 1, x0 + 1, C.dimsRow + D, x0 + 1);
  const k = `MATCH(${chooser},${nameRange},0)`;
  // A literal list (Excel's limit: 255 characters, no commas inside a name), else the codes.
  const listed = dimNames.every((nm) => !nm.includes(",")) && dimNames.join(",").length <= 255;
  const chooserNames = listed ? dimNames : at.dimRows.map(({ n }) => n.code);
  // The chooser row: label, the chosen dimension (an input), its current weight.
  sheet.blocks.push(
    ...block(at.chooserRow, 1, "values", [[L.chartLabel]]),
    ...block(at.chooserRow, 3, "values", [[chooserNames[0]]]),
    ...block(at.chooserRow, 4, "formulas", [[`=INDEX(${weightRange},${k})`]]),
  );
  sheet.merges.push(`A${at.chooserRow}:B${at.chooserRow}`);
  sheet.formats.push({ ranges: [`C${at.chooserRow}`], style: "input", locked: false }, { ranges: [`D${at.chooserRow}`], numberFormat: "0.0%" });
  sheet.validations.push({
    range: `C${at.chooserRow}`, rule: { kind: "list", values: chooserNames }, allowBlank: false,
    prompt: { title: L.chartLabel, message: L.chartPrompt }, error: { title: L.chartLabel, message: L.chartError, style: "stop" },
  });
  // The dimensions: name (as chosen), weight and every vendor's slope, from the table.
  const dimCells: CellValue[][] = at.dimRows.map(({ row }) => [`=$C$${row}`, ...ctx.vendors.map((_, v) => `=${absCell(row, at.slope0 + v)}`)]);
  sheet.blocks.push(
    ...block(C.dimsRow, x0, "values", [[L.chartDimensions, L.chartWeight, L.chartSlopes]]),
    ...block(C.dimsRow + 1, x0, "values", chooserNames.map((nm) => [nm])),
    ...block(C.dimsRow + 1, x0 + 1, "formulas", dimCells),
  );
  // The data table: x, then each vendor's total at x.
  const vendorHeads = ctx.vendors.map((_, v) => `=INDEX(${at.names},1,${v + 1})`);
  const rows: CellValue[][] = Array.from({ length: C.points }, (_, i) => {
    const x = absCell(C.xRow + 1 + i, x0);
    return ctx.vendors.map((_, v) => {
      const slope = absRect(C.dimsRow + 1, x0 + 2 + v, C.dimsRow + D, x0 + 2 + v);
      return `=IF(INDEX(${at.keys},1,${v + 1})="",NA(),INDEX(${at.totals},1,${v + 1})+INDEX(${slope},${k})*(${x}-${current}))`;
    });
  });
  sheet.blocks.push(
    ...block(C.xRow, x0, "values", [[L.chartX]]),
    ...block(C.xRow, x0 + 1, "formulas", [vendorHeads]),
    ...block(C.xRow + 1, x0, "values", Array.from({ length: C.points }, (_, i) => [i / (C.points - 1)])),
    ...block(C.xRow + 1, x0 + 1, "formulas", rows),
    // The current weight: a vertical line from 0 to 100.
    ...block(C.currentRow, x0, "values", [[L.chartCurrent]]),
    ...block(C.currentRow + 1, x0, "formulas", [[`=${current}`], [`=${current}`]]),
    ...block(C.currentRow + 1, x0 + 1, "values", [[0], [100]]),
  );
  const last = colLetter(x0 + 1 + V);
  sheet.formats.push(
    { ranges: [rect(C.xRow, x0, C.xRow, x0 + V), rect(C.currentRow, x0, C.currentRow, x0), rect(C.dimsRow, x0, C.dimsRow, x0 + 2)], style: "header" },
    { ranges: [rect(C.xRow + 1, x0, C.xRow + C.points, x0), rect(C.currentRow + 1, x0, C.currentRow + 2, x0), rect(C.dimsRow + 1, x0 + 1, C.dimsRow + D, x0 + 1)], numberFormat: "0%" },
    { ranges: [rect(C.xRow + 1, x0 + 1, C.xRow + C.points, x0 + V), rect(C.dimsRow + 1, x0 + 2, C.dimsRow + D, x0 + 1 + V)], numberFormat: "0.00" },
  );
  sheet.columns.push({ range: colLetter(at.firstFree), width: 3 }, { range: `${colLetter(x0)}:${last}`, width: 12 });
  const here = (ref: string): string => sheetRef(sheet.name, ref);
  const xs = here(absRect(C.xRow + 1, x0, C.xRow + C.points, x0));
  sheet.charts.push({
    key: "sensitivity-weight", kind: "scatter", title: L.chartTitle,
    anchor: { from: { col: 0, row: at.chooserRow + 1 }, to: { col: 7, row: at.chooserRow + 23 } },
    categories: xs, categoryLabels: Array.from({ length: C.points }, (_, i) => String(i / (C.points - 1))),
    series: [
      ...ctx.vendors.map((vendor, v) => ({ name: vendor, nameRef: here(absCell(C.xRow, x0 + 1 + v)), values: here(absRect(C.xRow + 1, x0 + 1 + v, C.xRow + C.points, x0 + 1 + v)), xValues: xs })),
      { name: L.chartCurrent, nameRef: here(absCell(C.currentRow, x0)), values: here(absRect(C.currentRow + 1, x0 + 1, C.currentRow + 2, x0 + 1)), xValues: here(absRect(C.currentRow + 1, x0, C.currentRow + 2, x0)), reference: true },
    ],
    axis: { min: 0, max: 100 }, xAxis: { min: 0, max: 1, step: 0.1, numberFormat: "0%" }, legend: true,
  });
  return { chooserCell: `C${at.chooserRow}`, choices: chooserNames, codes: at.dimRows.map(({ n }) => n.code), currentCell: `D${at.chooserRow}`, xCol: x0, firstRow: C.xRow + 1, points: C.points };
}

export function addSensitivityMethod(method: SheetPlan, locale: Locale, withPrice = false): void {
  const L = SENSITIVITY_LABELS[locale];
  const top = Math.max(0, ...method.blocks.map((bl) => parseRect(bl.address).r2)) + 2;
  const text = withPrice ? [...L.methodText, L.priceMethod] : L.methodText;
  const rows: GridCell[][] = [[L.methodHeading], ...text.map((t) => [t])];
  method.blocks.push(...gridBlocks(rows, top, 1));
  method.formats.push({ ranges: [`A${top}`], style: "header" }, { ranges: [`A${top + 1}:A${top + text.length}`], style: "wrap" });
}
