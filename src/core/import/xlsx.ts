/**
 * Reading .xlsx cells with SheetJS CE (@e965/xlsx), a reader made for reading: charts, images,
 * comments, drawings and styles are skipped rather than parsed, so workbooks saved by Excel, WPS,
 * LibreOffice, Gnumeric or openpyxl all read. ExcelJS stays for writing (src/xlsx). The reader is
 * loaded on first use, in its own chunk, so it stays out of the pane's first bundle.
 */
import type { CellObject, WorkBook, WorkSheet } from "@e965/xlsx";
import type { LocalizedText } from "../model/types";

/** A cell as the importer sees it: text, or a number straight from the sheet. */
export type Cell = string | number;

export interface SheetTable {
  rows: Cell[][];
  /** Worksheet row number of each row (the header's is its row, usually 1). */
  lines: number[];
  sheet: string;
  sheets: string[];
}

export type XlsxRead = { ok: true; table: SheetTable } | { ok: false; code: "xlsx-unreadable" | "xlsx-no-sheet" | "xlsx-sheet-not-found"; message: LocalizedText; sheets: string[] };

/** One worksheet's cells, row-major from A1 through its last used row and column; empty cells null. */
export interface SheetCells {
  name: string;
  values: (Cell | null)[][];
  /** Hidden or very hidden in the workbook. */
  hidden?: boolean;
}

/** Every worksheet of a workbook, in order, or why it could not be read. */
export type XlsxBook = { ok: true; sheets: SheetCells[] } | { ok: false; reason: string };

function pad(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** A date serial as Excel shows it by default: yyyy-mm-dd, with the time when there is one. */
export function serialDateText(serial: number, date1904 = false): string {
  const ms = Math.round((serial + (date1904 ? 1462 : 0) - 25569) * 86400000);
  const d = new Date(ms);
  if (!Number.isFinite(ms) || Number.isNaN(d.getTime())) return String(serial);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? day : `${day} ${pad(h)}:${pad(m)}:${pad(s)}`;
}

type SheetJS = typeof import("@e965/xlsx");
let loaded: Promise<SheetJS> | null = null;

function sheetjs(): Promise<SheetJS> {
  // A package import, so Node resolves it under tsx, jest and the compiled CLI alike.
  loaded ??= import(/* webpackChunkName: "xlsx-reader" */ "@e965/xlsx");
  return loaded;
}

/**
 * A SheetJS cell → text or number: a formula's cached result (no result → blank), rich text as
 * its plain text, dates as yyyy-mm-dd, booleans TRUE/FALSE, errors as their code ("#N/A").
 */
export function cellValue(c: CellObject | undefined, isDate: (fmt: string) => boolean, date1904: boolean): Cell | null {
  if (c === undefined || c.v === undefined || c.v === null) return c?.t === "e" && typeof c.w === "string" ? c.w : null;
  switch (c.t) {
    case "n": {
      const v = c.v as number;
      return typeof c.z === "string" && isDate(c.z) ? serialDateText(v, date1904) : v;
    }
    case "b":
      return c.v ? "TRUE" : "FALSE";
    case "e":
      return typeof c.w === "string" ? c.w : "#N/A";
    case "d":
      return c.v instanceof Date ? serialDateText(c.v.getTime() / 86400000 + 25569) : String(c.v);
    case "z":
      return null;
    default:
      return c.v === "" ? null : String(c.v);
  }
}

function sheetValues(X: SheetJS, ws: WorkSheet | undefined, date1904: boolean): (Cell | null)[][] {
  if (!ws || !ws["!ref"]) return [];
  const range = X.utils.decode_range(ws["!ref"]);
  const data = (ws as { "!data"?: (CellObject | undefined)[][] })["!data"] ?? [];
  const isDate = (fmt: string): boolean => X.SSF.is_date(fmt);
  const lastRow = Math.min(range.e.r, data.length - 1);
  const out: (Cell | null)[][] = [];
  let width = 0;
  for (let r = 0; r <= lastRow; r++) {
    const src = data[r];
    const row: (Cell | null)[] = [];
    if (src) {
      const last = Math.min(range.e.c, src.length - 1);
      for (let c = 0; c <= last; c++) row.push(cellValue(src[c], isDate, date1904));
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
    }
    if (row.length > width) width = row.length;
    out.push(row);
  }
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  for (const row of out) while (row.length < width) row.push(null);
  return out;
}

/** Every worksheet of an .xlsx (cells only); never throws. */
export async function readXlsxBook(bytes: Uint8Array): Promise<XlsxBook> {
  if (!looksLikeZip(bytes)) return { ok: false, reason: "not a zip archive" };
  let X: SheetJS;
  let wb: WorkBook;
  try {
    X = await sheetjs();
    wb = X.read(bytes, { type: "array", dense: true, cellNF: true, cellHTML: false, cellFormula: false, cellStyles: false, sheetStubs: false, bookVBA: false, WTF: false });
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const meta = wb.Workbook?.Sheets ?? [];
  const sheets = wb.SheetNames.map((name, i) => {
    const hidden = (meta[i]?.Hidden ?? 0) !== 0;
    return { name, values: sheetValues(X, wb.Sheets[name], date1904), ...(hidden ? { hidden } : {}) };
  });
  return { ok: true, sheets };
}

/** A sheet's non-blank rows as the importer's table (empty cells ""). */
export function sheetTable(ws: SheetCells, sheets: string[]): SheetTable {
  const rows: Cell[][] = [];
  const lines: number[] = [];
  ws.values.forEach((row, i) => {
    let last = row.length - 1;
    while (last >= 0 && row[last] === null) last--;
    if (last < 0) return;
    const cells: Cell[] = new Array<Cell>(last + 1);
    for (let c = 0; c <= last; c++) cells[c] = row[c] ?? "";
    rows.push(cells);
    lines.push(i + 1);
  });
  return { rows, lines, sheet: ws.name, sheets };
}

export function unreadable(reason: string): LocalizedText {
  return { "zh-CN": `无法读取 .xlsx 文件：${reason}`, "en-US": `Cannot read the .xlsx file: ${reason}` };
}

/** The chosen sheet (or the first) of a read workbook as a table. */
export function pickSheet(book: SheetCells[], sheetName?: string): XlsxRead {
  const sheets = book.map((w) => w.name);
  const ws = sheetName === undefined ? book[0] : book.find((w) => w.name === sheetName);
  if (!ws) {
    if (sheetName === undefined) return { ok: false, code: "xlsx-no-sheet", sheets, message: { "zh-CN": "工作簿中没有工作表", "en-US": "The workbook has no worksheet" } };
    return {
      ok: false,
      code: "xlsx-sheet-not-found",
      sheets,
      message: { "zh-CN": `找不到工作表“${sheetName}”；现有：${sheets.join("、")}`, "en-US": `No sheet "${sheetName}"; sheets: ${sheets.join(", ")}` },
    };
  }
  return { ok: true, table: sheetTable(ws, sheets) };
}

/** Reads the chosen sheet (or the first) of an .xlsx into rows; never throws. */
export async function readXlsx(bytes: Uint8Array, sheetName?: string): Promise<XlsxRead> {
  const book = await readXlsxBook(bytes);
  if (!book.ok) return { ok: false, code: "xlsx-unreadable", sheets: [], message: unreadable(book.reason) };
  return pickSheet(book.sheets, sheetName);
}

/** Every worksheet of an .xlsx, in order; null when the bytes are not a readable .xlsx. Never throws. */
export async function readXlsxSheets(bytes: Uint8Array): Promise<SheetCells[] | null> {
  const book = await readXlsxBook(bytes);
  return book.ok ? book.sheets : null;
}

/** An .xlsx (any OOXML zip) starts with the zip signature "PK\x03\x04". */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
