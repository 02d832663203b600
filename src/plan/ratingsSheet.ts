import { cell, colLetter, rect, rowRuns } from "./a1";
import { emptySheet, protection, RATINGS as R, type PlanContext } from "./context";
import { block } from "./grid";
import { NUMBER_FORMATS } from "./styles";
import type { CellValue, FormatPlan, NotesGrid, RatingsGrid, RatingsLayout, SheetPlan } from "./types";

/** Text written for a "not applicable" rating; "NA" is accepted too. */
export const NA_TEXT = "N/A";

/**
 * Ratings: every node in pre-order (groups as bold header rows, outline-grouped), code, name and
 * required mark frozen on the left, one input column per vendor. Only leaf cells are unlocked.
 * The same layout serves a later panel (one such sheet per rater). With `ctx.notes`, a notes grid
 * follows after one empty column: a text column per vendor ("Reason: vendor") on the same rows,
 * unlocked on leaf rows, formatted as text so a reason is never read as a formula.
 */
export function ratingsSheet(ctx: PlanContext, initial: RatingsGrid = {}, rater?: string, notes: NotesGrid = {}): { sheet: SheetPlan; layout: RatingsLayout } {
  const { labels: L, layout, vendors } = ctx;
  const n = layout.nodes.length;
  const last = R.firstRow + n - 1;
  const lastCol = R.firstVendor + vendors.length - 1;
  const sheet = emptySheet("ratings", ctx.names.ratings, "visible", protection(ctx.protect, ctx.password));
  if (rater !== undefined) sheet.rater = rater;

  const labelCells: CellValue[][] = [];
  const required: CellValue[][] = [];
  const values: CellValue[][] = [];
  layout.nodes.forEach((nd) => {
    labelCells.push([nd.code, nd.node.name[ctx.locale]]);
    required.push([nd.leaf ? (nd.node.required ? 1 : 0) : null]);
    values.push(
      vendors.map((v) => {
        const x = nd.leaf ? initial[v]?.[nd.code] : undefined;
        return x === undefined ? null : x === "NA" ? NA_TEXT : x;
      }),
    );
  });
  sheet.blocks.push(
    ...block(1, 1, "values", [[L.ratingsTitle]]),
    ...block(2, 1, "values", [[ctx.notes ? `${L.ratingsIntro} ${L.ratingsIntroNotes}` : L.ratingsIntro]]),
    ...block(R.headerRow, 1, "values", [[L.colCode, L.colIndicator, L.colRequired, ...vendors]]),
    ...block(R.firstRow, R.code, "values", labelCells),
    ...block(R.firstRow, R.required, "values", required),
    ...block(R.firstRow, R.firstVendor, "values", values),
  );

  // Contiguous runs of leaf rows: the unlocked input areas (and the notes grid's, below).
  const leafRuns = runsOf(ctx);
  const inputRuns = vendors.length > 0 ? leafRuns.map(([a, b]) => rect(ctx.ratingsRow(a), R.firstVendor, ctx.ratingsRow(b), lastCol)) : [];
  const groupRows = (first: boolean): string[] =>
    layout.nodes.flatMap((nd, i) =>
      !nd.leaf && (first ? nd.depth === 1 : nd.depth >= 2) ? [rect(ctx.ratingsRow(i), 1, ctx.ratingsRow(i), Math.max(lastCol, R.required))] : [],
    );
  const formats: FormatPlan[] = [
    { ranges: ["A1"], style: "title" },
    { ranges: ["A2"], style: "subtitle" },
    { ranges: [rect(R.headerRow, 1, R.headerRow, Math.max(lastCol, R.required))], style: "header" },
    { ranges: [rect(R.firstRow, 1, last, R.name)], style: "label" },
    { ranges: groupRows(true), style: "groupRow1" },
    { ranges: groupRows(false), style: "groupRow2" },
    { ranges: [rect(R.firstRow, R.required, last, R.required)], style: "required", numberFormat: NUMBER_FORMATS.requiredMark },
    { ranges: inputRuns, style: "input", locked: false },
  ];
  const maxDepth = Math.max(0, ...layout.nodes.map((nd) => nd.depth));
  for (let d = 2; d <= maxDepth; d++) {
    formats.push({ ranges: rowRuns(layout.nodes.flatMap((nd, i) => (nd.depth === d ? [ctx.ratingsRow(i)] : [])), R.name), indent: d - 1 });
  }
  sheet.formats = formats.filter((f) => f.ranges.length > 0);

  sheet.rowGroups = layout.nodes.flatMap((nd, i) =>
    nd.leaf || nd.descendants === 0 ? [] : [{ rows: `${ctx.ratingsRow(i) + 1}:${ctx.ratingsRow(i) + nd.descendants}`, level: nd.depth }],
  );
  sheet.columns = [
    { range: "A", width: 10 }, { range: "B", width: 40 }, { range: "C", width: 9 },
    ...(vendors.length > 0 ? [{ range: `${colLetter(R.firstVendor)}:${colLetter(lastCol)}`, width: 14 }] : []),
  ];
  const range = vendors.length > 0 ? rect(R.firstRow, R.firstVendor, last, lastCol) : "";
  if (vendors.length > 0) {
    const a = cell(R.firstRow, R.firstVendor);
    sheet.validations.push({
      range,
      rule: { kind: "custom", formula: `=OR(AND(ISNUMBER(${a}),${a}>=0,${a}<=100),${a}="${NA_TEXT}",${a}="NA")` },
      allowBlank: true,
      prompt: { title: L.ratingPromptTitle, message: L.ratingPromptMessage },
      error: { title: L.ratingErrorTitle, message: L.ratingErrorMessage, style: "stop" },
    });
    sheet.conditionalFormats.push({
      kind: "expression",
      range,
      formula: `=OR(${a}="${NA_TEXT}",${a}="NA")`,
      style: { fontColor: "#808080" },
    });
  }
  sheet.freeze = { rows: R.headerRow, columns: R.required };
  const notesLayout = ctx.notes ? notesGrid(ctx, sheet, leafRuns, notes) : undefined;
  return {
    sheet,
    layout: {
      headerRow: R.headerRow,
      firstRow: R.firstRow,
      firstCol: R.firstVendor,
      rows: layout.nodes.map((nd, i) => ({ code: nd.code, row: ctx.ratingsRow(i), leaf: nd.leaf })),
      vendors: [...vendors],
      range,
      ...(notesLayout ? { notes: notesLayout } : {}),
    },
  };
}

/** First column of the notes grid: one empty column after the last vendor. */
export function notesFirstCol(vendorCount: number): number {
  return R.firstVendor + vendorCount + 1;
}

/** Contiguous runs [first, last] of leaf rows (pre-order indices). */
function runsOf(ctx: PlanContext): [number, number][] {
  const out: [number, number][] = [];
  ctx.layout.nodes.forEach((nd, i) => {
    if (!nd.leaf) return;
    const last = out[out.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else out.push([i, i]);
  });
  return out;
}

/** The notes grid's header, cells, formats and widths added to `sheet`; its layout. */
function notesGrid(ctx: PlanContext, sheet: SheetPlan, leafRuns: [number, number][], notes: NotesGrid): NonNullable<RatingsLayout["notes"]> {
  const { labels: L, layout, vendors } = ctx;
  const first = notesFirstCol(vendors.length);
  const headers = vendors.map((v) => `${L.notesHeaderPrefix}${v}`);
  if (vendors.length === 0) return { firstCol: first, range: "", headers };
  const lastCol = first + vendors.length - 1;
  const last = R.firstRow + layout.nodes.length - 1;
  const values: CellValue[][] = layout.nodes.map((nd) => vendors.map((v) => (nd.leaf ? notes[v]?.[nd.code] ?? null : null)));
  sheet.blocks.push(...block(R.headerRow, first, "values", [headers]));
  if (values.some((line) => line.some((x) => x !== null))) sheet.blocks.push(...block(R.firstRow, first, "values", values));
  const range = rect(R.firstRow, first, last, lastCol);
  sheet.formats.push(
    { ranges: [rect(R.headerRow, first, R.headerRow, lastCol)], style: "header" },
    { ranges: [range], style: "formula", numberFormat: "@" },
    { ranges: leafRuns.map(([a, b]) => rect(ctx.ratingsRow(a), first, ctx.ratingsRow(b), lastCol)), style: "note", locked: false },
  );
  sheet.columns.push({ range: `${colLetter(first)}:${colLetter(lastCol)}`, width: 32 });
  // Printed over several pages wide (code and indicator repeated) rather than shrunk to one: print.ts says how many.
  sheet.print = { orientation: "landscape", fitToWidth: true, pagesWide: 2 };
  return { firstCol: first, range, headers };
}
