import { parseRect } from "./a1";
import type { PlanContext } from "./context";
import { gridBlocks, type GridCell } from "./grid";
import type { PanelContext } from "./panelContext";
import type { PanelLayout, SheetPlan } from "./types";

/** Appends the panel section to Method: raters, aggregation, N/A, spread, moderation, live Kendall's W. */
export function addPanelMethod(ctx: PlanContext, p: PanelContext, method: SheetPlan, agreement: PanelLayout["agreement"]): void {
  const L = ctx.labels;
  const top = Math.max(0, ...method.blocks.map((b) => parseRect(b.address).r2)) + 2;
  const aggText = { mean: L.methodPanelMean, median: L.methodPanelMedian, trimmed: L.methodPanelTrimmed }[p.aggregate];
  const rows: GridCell[][] = [
    [L.methodPanelHeading, null],
    [L.methodPanelRaters, `${p.raters.length}: ${p.raters.join(", ")}`],
    [aggText, null],
    [L.methodPanelNA, null],
    [L.methodPanelSpread, null],
    [L.methodPanelModeration, null],
    [L.methodPanelAgreement, null],
    [L.methodAgreementW, { f: `=${agreement.w}` }],
    [L.methodAgreementRaters, { f: `=${agreement.raters}` }],
    [L.methodAgreementVendors, { f: `=${agreement.vendors}` }],
  ];
  method.blocks.push(...gridBlocks(rows, top, 1));
  method.formats.push(
    { ranges: [`A${top}`], style: "header" },
    { ranges: [`A${top + 1}:B${top + 1}`, `A${top + 7}:B${top + 9}`], style: "label" },
    { ranges: [`A${top + 2}:A${top + 6}`], style: "wrap" },
    { ranges: [`B${top + 7}`], numberFormat: "0.000" },
  );
}
