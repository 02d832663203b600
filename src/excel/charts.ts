import { cell, type ChartPlan, type RangeRef } from "../plan";
import { dims, parseRangeRef } from "./address";

export interface ChartSupport {
  /** series.add, setValues and setXAxisValues are ExcelApi 1.7. */
  series: boolean;
  /** ChartAxis.numberFormat is ExcelApi 1.8. */
  axisFormat?: boolean;
}

function seriesBy(ref: RangeRef): "Rows" | "Columns" {
  const { rows, cols } = dims(parseRangeRef(ref).address);
  return rows === 1 && cols > 1 ? "Rows" : "Columns";
}

/**
 * Adds one chart bound to workbook ranges: created from the first series' values, then its
 * categories, the other series, title, legend and value axis bounds set explicitly.
 */
export function addChart(sheet: Excel.Worksheet, plan: ChartPlan, rangeOf: (ref: RangeRef) => Excel.Range, support: ChartSupport): void {
  const [first, ...rest] = plan.series;
  if (!first) return;
  const type = plan.kind === "radar" ? "Radar" : plan.kind === "scatter" ? "XYScatterLines" : "BarClustered";
  const chart = sheet.charts.add(type, rangeOf(first.values), seriesBy(first.values));
  chart.name = plan.key;
  chart.title.text = plan.title;
  chart.legend.visible = plan.legend;
  chart.axes.valueAxis.minimum = plan.axis.min;
  chart.axes.valueAxis.maximum = plan.axis.max;
  chart.setPosition(cell(plan.anchor.from.row + 1, plan.anchor.from.col + 1), cell(plan.anchor.to.row, plan.anchor.to.col));
  if (plan.xAxis) {
    // Scatter: the category axis is the x value axis.
    chart.axes.categoryAxis.minimum = plan.xAxis.min;
    chart.axes.categoryAxis.maximum = plan.xAxis.max;
    chart.axes.categoryAxis.majorUnit = plan.xAxis.step;
    if (support.axisFormat) chart.axes.categoryAxis.numberFormat = plan.xAxis.numberFormat;
  }
  const s0 = chart.series.getItemAt(0);
  s0.name = first.name;
  if (!support.series) return;
  s0.setXAxisValues(rangeOf(first.xValues ?? plan.categories));
  for (const s of rest) {
    const series = chart.series.add(s.name);
    series.setValues(rangeOf(s.values));
    series.setXAxisValues(rangeOf(s.xValues ?? plan.categories));
    if (s.reference) {
      // A reference line: dashed grey, no markers (ChartSeries.markerStyle, format.line: ExcelApi 1.7).
      series.markerStyle = "None";
      series.format.line.color = "#7F7F7F";
      series.format.line.lineStyle = "Dash";
    }
  }
}

/** Actions queued by addChart, for the request estimate. */
export function chartActions(plan: ChartPlan, support: ChartSupport): number {
  return 12 + (plan.xAxis ? 4 : 0) + (support.series ? 3 + plan.series.length * 5 + plan.series.filter((s) => s.reference).length * 3 : 0);
}
