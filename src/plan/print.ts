import type { Locale } from "../core/model/types";
import { colLetter, parseRect } from "./a1";
import type { CellStyle, PrintPlan, SheetPlan, StyleKey, WorkbookPlan } from "./types";

/**
 * Print settings for every visible sheet (issue #14): paper by locale (A4 for zh-CN, Letter for
 * en-US), orientation by the printed width, one page wide, the frozen rows and columns repeated
 * on every page, the used range as print area, the scorecard's title, the sheet, the date and
 * "page x of y" in the header and footer, charts kept whole by page breaks between chart bands,
 * header rows tall enough (and columns wide enough) for their wrapped labels, and wrapped text
 * rows sized to their text so nothing overlaps. A sheet's own settings (orientation, breaks,
 * row heights) are kept.
 */

const PRINT_TEXT: Record<Locale, { page: string; printed: string }> = {
  "en-US": { page: "Page &P of &N", printed: "Printed &D" },
  "zh-CN": { page: "第 &P 页，共 &N 页", printed: "打印日期 &D" },
};

/** The font every cell is written in: the Office default of each locale (等线 = DengXian for Chinese, with its Latin glyphs). */
export function planFont(locale: Locale): NonNullable<WorkbookPlan["font"]> {
  return locale === "zh-CN" ? { name: "等线", size: 11 } : { name: "Calibri", size: 11 };
}

/** Points per line of 11-point text, and the characters a column of width w holds per line. */
const LINE = 15;
const DEFAULT_WIDTH = 8.43;
/** Portrait A4/Letter at 100 %: about 90 character widths between the default margins. */
const PORTRAIT_CHARS = 95;
/** Landscape at 100 %: Letter's 11 in against 8.5 in. */
const LANDSCAPE_CHARS = 123;

/** Display width of text in character units: CJK and full-width forms count two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}

/** Lines a text needs in a column this wide (wrapping at spaces; CJK anywhere). */
export function linesFor(text: string, width: number): number {
  const room = Math.max(1, width - 1);
  let lines = 0;
  for (const para of text.split("\n")) {
    let line = 0;
    let n = 1;
    for (const word of para.split(/(?<=[\s/-])|(?=[\u2e80-\uffff])|(?<=[\u2e80-\uffff])/u)) {
      const w = textWidth(word);
      if (line > 0 && line + w > room) {
        n++;
        line = 0;
      }
      line += w;
      while (line > room) {
        n++;
        line -= room;
      }
    }
    lines += n;
  }
  return lines;
}

function escapeHeader(text: string): string {
  return text.replace(/&/g, "&&");
}

/** Column widths by column number (1-based), from the plan's ranges. */
function widthsOf(sheet: SheetPlan): Map<number, number> {
  const out = new Map<number, number>();
  for (const col of sheet.columns) {
    const [a, b = a] = col.range.split(":");
    const r = parseRect(`${a}1:${b}1`);
    for (let c = r.c1; c <= r.c2; c++) out.set(c, col.hidden ? 0 : col.width);
  }
  return out;
}

/** Literal text of the cell at (r, c), if a values block holds one. */
function textAt(sheet: SheetPlan, r: number, c: number): string | null {
  for (const b of sheet.blocks) {
    const box = parseRect(b.address);
    if (r < box.r1 || r > box.r2 || c < box.c1 || c > box.c2) continue;
    const v = b.cells[r - box.r1][c - box.c1];
    if (typeof v === "string" && !(b.kind === "formulas" && v.startsWith("="))) return v;
    return null;
  }
  return null;
}

/** The last row and column anything (a cell or a chart) occupies. */
function usedBox(sheet: SheetPlan): { rows: number; cols: number } {
  let rows = 1;
  let cols = 1;
  for (const b of sheet.blocks) {
    const r = parseRect(b.address);
    rows = Math.max(rows, r.r2);
    cols = Math.max(cols, r.c2);
  }
  for (const ch of sheet.charts) {
    rows = Math.max(rows, ch.anchor.to.row + 1);
    cols = Math.max(cols, ch.anchor.to.col);
  }
  return { rows, cols };
}

/** Widens header columns to their longest word and makes the header row tall enough for its wrapped labels. */
function fitHeaderRow(sheet: SheetPlan, row: number, lastCol: number, heights: Map<number, number>): void {
  const widths = widthsOf(sheet);
  let lines = 1;
  const widen = new Map<number, number>();
  for (let c = 1; c <= lastCol; c++) {
    const text = textAt(sheet, row, c);
    if (!text) continue;
    const width = widths.get(c) ?? DEFAULT_WIDTH;
    if (width === 0) continue;
    const longest = Math.max(...text.split(/\s+/).map((w) => (/[\u2e80-\uffff]/u.test(w) ? 2 : textWidth(w))));
    const need = Math.min(40, longest + 2);
    const w = Math.max(width, need);
    if (w > width) widen.set(c, w);
    lines = Math.max(lines, Math.min(5, linesFor(text, w)));
  }
  for (const [c, w] of widen) sheet.columns.push({ range: colLetter(c), width: w });
  if (lines > 1 && !heights.has(row)) heights.set(row, lines * LINE + 3);
}

/** Rows of wrapped literal text get heights for their lines (spreadsheets do not size rows on opening a file). */
function fitWrappedRows(sheet: SheetPlan, styles: Record<StyleKey, CellStyle>, heights: Map<number, number>, fixed: Set<number>): void {
  const widths = widthsOf(sheet);
  const mergedWidth = new Map<string, number>();
  for (const m of sheet.merges) {
    const r = parseRect(m);
    let w = 0;
    for (let c = r.c1; c <= r.c2; c++) w += widths.get(c) ?? DEFAULT_WIDTH;
    mergedWidth.set(`${r.r1},${r.c1}`, w);
  }
  for (const f of sheet.formats) {
    if (!f.style || !styles[f.style].wrap) continue;
    const size = styles[f.style].fontSize ?? 11;
    for (const range of f.ranges) {
      const r = parseRect(range);
      if ((r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1) > 2000) continue;
      for (let row = r.r1; row <= r.r2; row++) {
        if (fixed.has(row)) continue;
        for (let c = r.c1; c <= r.c2; c++) {
          const text = textAt(sheet, row, c);
          if (!text) continue;
          const width = mergedWidth.get(`${row},${c}`) ?? widths.get(c) ?? DEFAULT_WIDTH;
          const lines = linesFor(text, width * (11 / size));
          if (lines > 1) heights.set(row, Math.max(heights.get(row) ?? 0, Math.ceil(lines * LINE * (size / 11)) + 3));
        }
      }
    }
  }
}

/**
 * Page breaks between bands of charts (charts that start on the same row), so no chart is cut: one
 * row above each later band (0-based anchor row = the 1-based row above it), so the chart's frame
 * does not also print at the foot of the page before.
 */
function chartBreaks(sheet: SheetPlan): number[] {
  const starts = [...new Set(sheet.charts.map((c) => c.anchor.from.row))].sort((a, b) => a - b);
  return starts.slice(1).filter((row) => row > 1);
}

/** Fills `print` (and row heights, header widths) on every visible sheet of a plan. */
export function addPrintSettings(sheets: SheetPlan[], styles: Record<StyleKey, CellStyle>, locale: Locale, title: string): void {
  const T = PRINT_TEXT[locale];
  for (const sheet of sheets) {
    if (sheet.visibility !== "visible") continue;
    const box = usedBox(sheet);
    const fixed = new Set<number>();
    for (const rh of sheet.rowHeights ?? []) {
      const [a, b = a] = rh.rows.split(":").map(Number);
      for (let r = a; r <= b; r++) fixed.add(r);
    }
    const heights = new Map<number, number>();
    if (sheet.freeze.rows > 0 && !fixed.has(sheet.freeze.rows)) fitHeaderRow(sheet, sheet.freeze.rows, box.cols, heights);
    fitWrappedRows(sheet, styles, heights, fixed);
    if (heights.size > 0) {
      sheet.rowHeights = [...(sheet.rowHeights ?? []), ...[...heights].sort((a, b) => a[0] - b[0]).map(([r, h]) => ({ rows: `${r}:${r}`, height: h }))];
    }
    const widths = widthsOf(sheet);
    // Width in characters of columns 1…n.
    const widthTo = (n: number): number => {
      let w = 0;
      for (let c = 1; c <= n; c++) w += widths.get(c) ?? DEFAULT_WIDTH;
      return w;
    };
    const printed = widthTo(box.cols);
    const own = sheet.print;
    const print: PrintPlan = {
      orientation: own?.orientation ?? (printed > PORTRAIT_CHARS ? "landscape" : "portrait"),
      fitToWidth: true,
      paper: locale === "zh-CN" ? "A4" : "Letter",
      area: `A1:${colLetter(box.cols)}${box.rows}`,
      header: { left: escapeHeader(title), right: "&A" },
      footer: { left: T.printed, right: T.page },
      ...(sheet.freeze.rows > 0 ? { titleRows: `1:${sheet.freeze.rows}` } : {}),
      ...(sheet.freeze.columns > 0 ? { titleColumns: `A:${colLetter(sheet.freeze.columns)}` } : {}),
    };
    // A sheet asking for more pages wide (Ratings with its notes grid): as many as keep the text at 70 % or more.
    if (own?.pagesWide !== undefined) {
      const titles = widthTo(sheet.freeze.columns);
      const orientation = own.orientation ?? print.orientation;
      const page = (orientation === "landscape" ? LANDSCAPE_CHARS : PORTRAIT_CHARS) / 0.7;
      print.pagesWide = printed <= page ? 1 : 1 + Math.ceil((printed - page) / Math.max(1, page - titles));
    }
    const breaks = own?.rowBreaks ?? chartBreaks(sheet);
    if (breaks.length > 0) print.rowBreaks = breaks;
    sheet.print = { ...print, ...own, ...(print.pagesWide !== undefined ? { pagesWide: print.pagesWide } : {}), fitToWidth: own?.fitToWidth ?? true, paper: print.paper, header: own?.header ?? print.header, footer: own?.footer ?? print.footer };
  }
}
