import type ExcelJS from "exceljs";
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

function pad(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** A date as Excel shows it by default: yyyy-mm-dd, with the time when there is one (UTC, as ExcelJS returns it). */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? day : `${day} ${pad(h)}:${pad(m)}:${pad(s)}`;
}

/**
 * ExcelJS cell value → text or number: rich text joined, a formula's cached result, hyperlink
 * text, dates as yyyy-mm-dd, booleans TRUE/FALSE, errors as their code ("#N/A").
 */
export function cellToValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return v;
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return dateText(v);
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("error" in v) return String(v.error);
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as { result?: unknown }).result;
      if (result === undefined || result === null) return "";
      if (typeof result === "object" && result !== null && "error" in result) return String((result as { error: unknown }).error);
      return cellToValue(result as ExcelJS.CellValue);
    }
    if ("text" in v) {
      const t = (v as { text: unknown }).text;
      if (typeof t === "string") return t;
      if (t && typeof t === "object" && "richText" in t) return cellToValue(t as ExcelJS.CellValue);
    }
  }
  return String(v);
}

/** Reads the chosen sheet (or the first) of an .xlsx into rows; never throws. */
export async function readXlsx(bytes: Uint8Array, sheetName?: string): Promise<XlsxRead> {
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(bytes);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { ok: false, code: "xlsx-unreadable", sheets: [], message: { "zh-CN": `无法读取 .xlsx 文件：${why}`, "en-US": `Cannot read the .xlsx file: ${why}` } };
  }
  const sheets = wb.worksheets.map((w) => w.name);
  const ws = sheetName === undefined ? wb.worksheets[0] : wb.worksheets.find((w) => w.name === sheetName);
  if (!ws) {
    if (sheetName === undefined) return { ok: false, code: "xlsx-no-sheet", sheets, message: { "zh-CN": "工作簿中没有工作表", "en-US": "The workbook has no worksheet" } };
    return {
      ok: false,
      code: "xlsx-sheet-not-found",
      sheets,
      message: { "zh-CN": `找不到工作表“${sheetName}”；现有：${sheets.join("、")}`, "en-US": `No sheet "${sheetName}"; sheets: ${sheets.join(", ")}` },
    };
  }
  const rows: Cell[][] = [];
  const lines: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    const n = row.cellCount;
    for (let c = 1; c <= n; c++) cells.push(cellToValue(row.getCell(c).value));
    rows.push(cells);
    lines.push(rowNumber);
  });
  return { ok: true, table: { rows, lines, sheet: ws.name, sheets } };
}

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  // Loaded on first use: keeps ExcelJS out of the pane's initial bundle (a package, so Node's
  // own dynamic import resolves it under tsx too).
  const { Workbook } = (await import(/* webpackChunkName: "exceljs" */ "exceljs")).default;
  const wb = new Workbook();
  // ExcelJS hands the data to JSZip, which takes a Uint8Array: no Node Buffer, so this also runs in the pane.
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** One worksheet's cells, row-major from A1 through its last used row and column; empty cells null. */
export interface SheetCells {
  name: string;
  values: (Cell | null)[][];
}

/** Every worksheet of an .xlsx, in order; null when the bytes are not a readable .xlsx. Never throws. */
export async function readXlsxSheets(bytes: Uint8Array): Promise<SheetCells[] | null> {
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(bytes);
  } catch {
    return null;
  }
  return wb.worksheets.map((ws) => {
    const values: (Cell | null)[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row: (Cell | null)[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const v = cellToValue(ws.getCell(r, c).value);
        row.push(v === "" ? null : v);
      }
      values.push(row);
    }
    return { name: ws.name, values };
  });
}

/** An .xlsx (any OOXML zip) starts with the zip signature "PK\x03\x04". */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
