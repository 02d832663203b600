import { validateTree } from "../core/model/validate";
import { absCell, sheetRef } from "./a1";
import { emptySheet, protection, WEIGHTS, type PlanContext } from "./context";
import { gridBlocks, type GridCell } from "./grid";
import type { SheetPlan } from "./types";

/** Method: the standard, its source, the date, the scoring rules and the weight warnings in plain words. */
export function methodSheet(ctx: PlanContext): SheetPlan {
  const { labels: L, tree, locale } = ctx;
  const sheet = emptySheet("method", ctx.names.method, "visible", protection(ctx.protect, ctx.password));
  const warnings = validateTree(tree).filter((f) => f.code === "weights-not-100" || f.code === "weights-mixed");
  const rows: GridCell[][] = [
    [L.methodTitle, null],
    [L.methodStandard, tree.title[locale]],
    [L.methodSource, tree.source ?? ""],
    [L.methodDate, ctx.createdAt.slice(0, 10)],
    [L.methodScope, `${ctx.vendors.length} / ${ctx.layout.leafCount}`],
    [null, null],
    [L.methodHowHeading, null],
    [L.methodScale, null],
    [L.methodNormalisation, null],
    [ctx.missing === "zero" ? L.methodMissingZero : L.methodMissingExclude, null],
    [L.methodNA, null],
    [L.methodAggregation, null],
    [L.methodRank, null],
    [L.methodCompleteness, null],
    [L.methodEditing, null],
    [null, null],
    [L.methodWarningsHeading, null],
    ...(warnings.length === 0 ? [[L.methodWarningsNone, null]] : warnings.map((w) => [`⚠ ${w.message[locale]}`, null])),
    [L.methodWarningsLive, { f: `=${sheetRef(ctx.names.weights, absCell(WEIGHTS.summaryRow, WEIGHTS.weight))}` }],
  ];
  sheet.blocks.push(...gridBlocks(rows, 1, 1));
  const headingRows = [7, 17];
  const warnRows = warnings.map((_, i) => `A${18 + i}`);
  sheet.formats.push(
    { ranges: ["A1"], style: "title" },
    { ranges: headingRows.map((r) => `A${r}`), style: "header" },
    { ranges: ["A2:B5"], style: "label" },
    // The source is long: wrapped in its column (row heights from src/plan/print.ts), it does not run off the printed page.
    { ranges: ["B2:B5"], style: "wrap" },
    { ranges: [`A8:A15`], style: "wrap" },
    ...(warnRows.length > 0 ? [{ ranges: warnRows, style: "warning" as const }] : []),
  );
  sheet.columns = [{ range: "A", width: 100 }, { range: "B", width: 40 }];
  return sheet;
}
