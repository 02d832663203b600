import { rect, type CellStyle, type PrintPlan, type RangeRef, type SheetPlan, type StyleKey } from "../plan";
import { estimate, type OpList } from "./batch";
import { blockOps } from "./blocks";
import { addChart, chartActions } from "./charts";
import { dims } from "./address";
import { sheetFormats } from "./formatMerge";
import { applyBorders, applyFormat, bordersBytes, formatBytes, widthPoints } from "./styles";
import type { CreateNote, CreateNoteCode } from "./notes";
import { applyConditionalFormat, applyValidation } from "./validation";

/** What applying a sheet needs from its surroundings. */
export interface SheetEnv {
  /** The sheet's proxy; valid once the op that adds the sheet has run. */
  sheet(): Excel.Worksheet;
  rangeOf(ref: RangeRef): Excel.Range;
  styles: Record<StyleKey, CellStyle>;
  supports(version: string): boolean;
  note(note: CreateNote): void;
  /** The workbook's font (plan.font), written over each sheet's print area. */
  font?: { name: string; size: number };
}

/**
 * Queues a sheet's content in the plan's order: columns, blocks, formats, row groups,
 * validations, conditional formats, merges, freeze panes, charts. Visibility and protection
 * are the caller's (protection comes last, after every sheet).
 */
export function sheetOps(plan: SheetPlan, env: SheetEnv, out: OpList): void {
  const range = (address: string): Excel.Range => env.sheet().getRange(address);
  const skip = (code: CreateNoteCode, version: string): void => env.note({ code, sheet: plan.name, version });

  if (plan.tabColor !== undefined) {
    if (env.supports("1.7")) out.push(estimate(1, plan.tabColor), () => void (env.sheet().tabColor = plan.tabColor as string));
    else skip("tab-color", "1.7");
  }
  for (const col of plan.columns) {
    out.push(estimate(3, col), () => {
      const r = range(col.range);
      r.format.columnWidth = widthPoints(col.width);
      if (col.hidden) r.columnHidden = true;
    });
  }
  for (const rh of plan.rowHeights ?? []) out.push(estimate(2, rh), () => void (range(rh.rows).format.rowHeight = rh.height));
  const fills = env.supports("1.2");
  for (const block of plan.blocks) blockOps(block, range, out, fills);
  const support = { indent: env.supports("1.9") };
  if (!support.indent && plan.formats.some((f) => f.indent !== undefined)) skip("indent", "1.9");
  const { borders, formats } = sheetFormats(plan.formats, env.styles);
  for (const format of formats) {
    for (const address of format.ranges) {
      out.push(formatBytes(address, format, env.styles, format.noBorder), () => applyFormat(range(address), address, format, env.styles, support, format.noBorder));
    }
  }
  for (const address of borders?.ranges ?? []) {
    const color = borders?.color ?? "";
    const { rows: h, cols: w } = dims(address);
    out.push(bordersBytes(address, color), () => applyBorders(range(address), color, h, w));
  }
  if (plan.rowGroups.length > 0) {
    if (env.supports("1.10")) {
      for (const g of plan.rowGroups) out.push(estimate(2, g.rows), () => range(g.rows).group("ByRows"));
    } else skip("row-outline", "1.10");
  }
  if (plan.validations.length > 0) {
    if (env.supports("1.8")) {
      for (const v of plan.validations) out.push(estimate(5, v), () => applyValidation(range(v.range), v));
    } else skip("data-validation", "1.8");
  }
  if (plan.conditionalFormats.length > 0) {
    if (env.supports("1.6")) {
      for (const cf of plan.conditionalFormats) out.push(estimate(6, cf), () => applyConditionalFormat(range(cf.range), cf));
    } else skip("conditional-formats", "1.6");
  }
  for (const m of plan.merges) out.push(estimate(2, m), () => range(m).merge(false));
  const { rows, columns } = plan.freeze;
  if (rows > 0 || columns > 0) {
    if (env.supports("1.7")) {
      out.push(estimate(2), () => {
        const panes = env.sheet().freezePanes;
        if (rows > 0 && columns > 0) panes.freezeAt(range(rect(1, 1, rows, columns)));
        else if (rows > 0) panes.freezeRows(rows);
        else panes.freezeColumns(columns);
      });
    } else skip("freeze-panes", "1.7");
  }
  // `autoFilter` is newer than some plan versions: read it without depending on the field.
  const autoFilter = (plan as SheetPlan & { autoFilter?: string }).autoFilter;
  if (autoFilter !== undefined) {
    if (env.supports("1.9")) out.push(estimate(2, autoFilter), () => env.sheet().autoFilter.apply(range(autoFilter)));
    else skip("autofilter", "1.9");
  }
  if (plan.print?.area && env.font) {
    const font = env.font;
    const area = plan.print.area;
    out.push(estimate(2, [font.name, area]), () => void (range(area).format.font.name = font.name));
  }
  if (plan.print) {
    if (env.supports("1.9")) {
      const print = plan.print;
      out.push(estimate(12, print), () => applyPrint(env.sheet(), print));
    } else skip("page-layout", "1.9");
  }
  const chartSupport = { series: env.supports("1.7"), axisFormat: env.supports("1.8") };
  if (plan.charts.length > 0 && !chartSupport.series) skip("chart-series", "1.7");
  for (const chart of plan.charts) {
    out.push(estimate(chartActions(chart, chartSupport), chart), () => addChart(env.sheet(), chart, env.rangeOf, chartSupport));
  }
}

/** Page set-up (ExcelApi 1.9): paper, orientation, one page wide, print area and titles, header/footer, breaks. */
function applyPrint(ws: Excel.Worksheet, p: PrintPlan): void {
  const layout = ws.pageLayout;
  layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  if (p.paper) layout.paperSize = p.paper;
  if (p.fitToWidth) layout.zoom = { horizontalFitToPages: p.pagesWide ?? 1 };
  if (p.area) layout.setPrintArea(p.area);
  if (p.titleRows) layout.setPrintTitleRows(`$${p.titleRows.replace(":", ":$")}`);
  if (p.titleColumns) layout.setPrintTitleColumns(`$${p.titleColumns.replace(":", ":$")}`);
  const all = layout.headersFooters.defaultForAllPages;
  if (p.header) Object.assign(all, { leftHeader: p.header.left ?? "", centerHeader: p.header.center ?? "", rightHeader: p.header.right ?? "" });
  if (p.footer) Object.assign(all, { leftFooter: p.footer.left ?? "", centerFooter: p.footer.center ?? "", rightFooter: p.footer.right ?? "" });
  for (const r of p.rowBreaks ?? []) ws.horizontalPageBreaks.add(`A${r}`);
}
