import { absCell, absRect, sheetRef } from "./a1";
import { emptySheet, protection, RESULTS as X, type PlanContext } from "./context";
import { block } from "./grid";
import type { ChartPlan, SheetPlan } from "./types";

const BIG = { cols: 9, rows: 20 };
const SMALL = { cols: 6, rows: 14, perRow: 4 };
const TOP = 2;

/**
 * Charts sheet: a comparison radar (all vendors, dimensions in fixed tree order, 0–100), a bar
 * chart of totals beside it, and one small radar per vendor below. All bound to Results.
 */
export function chartsSheet(ctx: PlanContext): SheetPlan {
  const { labels: L, vendors } = ctx;
  const sheet = emptySheet("charts", ctx.names.charts, "visible", protection(ctx.protect, ctx.password));
  sheet.blocks.push(...block(1, 1, "values", [[L.chartsTitle]]));
  sheet.formats.push({ ranges: ["A1"], style: "title" });
  const dims = ctx.layout.nodes.filter((n) => n.depth === 1).length;
  const V = vendors.length;
  if (V === 0 || dims === 0) return sheet;

  const res = (ref: string): string => sheetRef(ctx.names.results, ref);
  const categories = res(absRect(X.headerRow, X.firstNode, X.headerRow, X.firstNode + dims - 1));
  const dimNames = ctx.layout.nodes.filter((n) => n.depth === 1).map((n) => n.node.name[ctx.locale]);
  const vendorSeries = (v: number): ChartPlan["series"][number] => ({
    name: vendors[v],
    nameRef: res(absCell(X.firstRow + v, X.vendor)),
    values: res(absRect(X.firstRow + v, X.firstNode, X.firstRow + v, X.firstNode + dims - 1)),
  });
  const charts: ChartPlan[] = [
    {
      key: "comparison", kind: "radar", title: L.chartComparison,
      anchor: { from: { col: 0, row: TOP }, to: { col: BIG.cols, row: TOP + BIG.rows } },
      categories, categoryLabels: dimNames, series: vendors.map((_, v) => vendorSeries(v)), axis: { min: 0, max: 100 }, legend: true,
    },
    {
      key: "totals", kind: "bar", title: L.chartTotals,
      anchor: { from: { col: BIG.cols + 1, row: TOP }, to: { col: 2 * BIG.cols + 1, row: TOP + BIG.rows } },
      categories: res(absRect(X.firstRow, X.vendor, X.firstRow + V - 1, X.vendor)),
      categoryLabels: [...vendors],
      series: [{ name: L.seriesTotal, nameRef: res(absCell(X.headerRow, X.total)), values: res(absRect(X.firstRow, X.total, X.firstRow + V - 1, X.total)) }],
      axis: { min: 0, max: 100 }, legend: false,
    },
  ];
  vendors.forEach((vendor, v) => {
    const col = (v % SMALL.perRow) * SMALL.cols;
    const row = TOP + BIG.rows + 2 + Math.floor(v / SMALL.perRow) * SMALL.rows;
    charts.push({
      key: `vendor-${v + 1}`, kind: "radar", title: `${L.chartVendorPrefix}${L.chartVendorPrefix.endsWith("：") ? "" : " "}${vendor}`,
      anchor: { from: { col, row }, to: { col: col + SMALL.cols, row: row + SMALL.rows } },
      categories, categoryLabels: dimNames, series: [vendorSeries(v)], axis: { min: 0, max: 100 }, legend: false,
    });
  });
  sheet.charts = charts;
  return sheet;
}
