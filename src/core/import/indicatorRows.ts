/**
 * The scorecard's own Ratings layout: indicators down (a code column), vendors across (one column
 * per vendor after the code, name and "required" columns), title rows above the header. Read as
 * the template writes it — the Ratings sheet of a filled workbook, one rater's sheet of a panel, a
 * returned rater copy, or a CSV saved from any of them. Rows are matched by code, never by position.
 * The notes grid's columns ("Reason: vendor", issue #14) are read as each rating's `comment`, never
 * as vendors.
 */
import type { IndicatorTree, LocalizedText } from "../model/types";
import { allNodes, isLeaf } from "../model/tree";
import { roleOfHeader } from "./headers";
import type { ImportedRating, ImportResult, ImportSource, ImportWarning } from "./importTypes";
import { normKey } from "./normalize";
import { rejection, type Rejection } from "./reasons";
import { isBlankCell, parseScore } from "./values";
import { similarVendorWarnings } from "./vendorNames";

/** A cell of a sheet or a text table (null, undefined and "" are empty). */
export type AnyCell = string | number | boolean | null | undefined;

/** A row of the sheet that held ratings but could not be placed. */
export interface UnplacedRow {
  /** 1-based worksheet row (or file line). */
  row: number;
  reason: "no-code" | "unknown-code" | "group-row" | "duplicate-code";
  code: string;
}

export interface IndicatorRowsHeader {
  /** 0-based index of the header row in the values. */
  row: number;
  /** 0-based column of the indicator codes. */
  codeCol: number;
  /** 0-based first vendor column. */
  firstVendor: number;
}

export interface IndicatorRowsOptions {
  tree: IndicatorTree;
  /** Every rating gets this rater (a panel's sheet, a rater copy). */
  rater?: string;
  /** Known vendors: only their columns are read, others are reported as extraVendors. Default: every vendor column. */
  vendors?: readonly string[];
  /** Where the header is; default: found by findIndicatorHeader. */
  header?: IndicatorRowsHeader | null;
  /** Line number of values[i]; default i + 1. */
  lines?: ArrayLike<number>;
  source: ImportSource;
  /** Decimal comma accepted in score text (not in a comma-separated file). */
  decimalComma?: boolean;
  /** The notes grid's 0-based column by vendor, where the layout is known; default: found by header ("Reason: vendor"). */
  noteColumns?: ReadonlyMap<string, number>;
}

export interface IndicatorRowsRead {
  imported: ImportResult;
  /** Vendor columns that are not among `vendors` (their ratings are not imported). */
  extraVendors: string[];
  /** Codes found in the sheet that are not indicators of the tree. */
  unknownCodes: string[];
  unplaced: UnplacedRow[];
}

/**
 * Header prefixes of a ratings sheet's notes grid in every language (src/plan/labels.ts
 * notesHeaderPrefix; the core cannot read the plan's labels, a test keeps the two equal).
 */
export const NOTE_HEADER_PREFIXES: readonly string[] = ["Reason: ", "理由："];

const text = (v: AnyCell): string => (v === null || v === undefined ? "" : String(v).trim());

/** Headers of the label columns between the codes and the vendors (Ratings, Consolidated, a CSV of them). */
const LABEL_HEADERS = new Set(["required", "必要指标", "必填", "必评", "weight", "权重", "indicator", "指标", "name", "名称"].map(normKey));

function isLabelHeader(h: string): boolean {
  const k = normKey(h);
  return LABEL_HEADERS.has(k) || roleOfHeader(h) === "indicator";
}

/**
 * The header of the indicators-down layout within the first `scan` rows: a cell saying "Code"
 * (编号, Indicator…) with tree codes below it in the next rows, and at least one vendor column to
 * its right after the label columns. Null when there is none.
 */
export function findIndicatorHeader(values: ArrayLike<ArrayLike<AnyCell> | undefined>, tree: IndicatorTree, scan = 30): IndicatorRowsHeader | null {
  const codes = new Set(allNodes(tree).map((i) => i.node.code));
  const top = Math.min(values.length, scan);
  for (let r = 0; r < top; r++) {
    const row = values[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const h = text(row[c]);
      if (h === "" || roleOfHeader(h) !== "indicator") continue;
      let hits = 0;
      for (let k = r + 1; k < Math.min(values.length, r + 12); k++) if (codes.has(text(values[k]?.[c]))) hits++;
      if (hits === 0) continue;
      let first = c + 1;
      while (first < row.length && isLabelHeader(text(row[first]))) first++;
      return { row: r, codeCol: c, firstVendor: first };
    }
  }
  return null;
}

const NO_HEADER: LocalizedText = { "zh-CN": "未找到评分表的表头（编号列）", "en-US": "no ratings header (the Code column) found" };

/**
 * The notes grid's columns by vendor (the first of a vendor counts): a header "Reason: name" (any
 * language) naming a vendor column of the same row or a known vendor, that is not itself a known
 * vendor's name.
 */
function notesColumns(headerCells: ArrayLike<AnyCell>, from: number, known: ReadonlySet<string> | null): Map<string, number> {
  const headers = Array.from(headerCells, (v) => text(v));
  const names = new Set(headers.slice(from));
  const out = new Map<string, number>();
  headers.forEach((h, c) => {
    if (c < from || known?.has(h)) return;
    const prefix = NOTE_HEADER_PREFIXES.find((p) => h.startsWith(p));
    const vendor = prefix === undefined ? "" : h.slice(prefix.length).trim();
    if (vendor !== "" && (names.has(vendor) || known?.has(vendor)) && !out.has(vendor)) out.set(vendor, c);
  });
  return out;
}

/**
 * Reads the indicators-down layout into ratings keyed by vendor, code and rater. Reports extra
 * vendors, unknown codes, rows it could not place; a vendor column repeated is read once (the
 * first) with a warning. Never throws.
 */
export function readIndicatorRows(values: ArrayLike<ArrayLike<AnyCell> | undefined>, options: IndicatorRowsOptions): IndicatorRowsRead {
  const { tree, source } = options;
  const rater = options.rater ?? "";
  const lineOf = (i: number): number => (options.lines ? options.lines[i] : i + 1);
  const header = options.header === undefined ? findIndicatorHeader(values, tree) : options.header;
  const headerCells = header ? (values[header.row] ?? []) : [];
  const known = options.vendors ? new Set(options.vendors) : null;
  const vendorCols: { col: number; vendor: string }[] = [];
  const extraVendors: string[] = [];
  const warnings: ImportWarning[] = [];
  const taken = new Set<string>();
  const noteCols = options.noteColumns ?? (header ? notesColumns(headerCells, header.firstVendor, known) : new Map<string, number>());
  const isNote = new Set(noteCols.values());
  for (let c = header ? header.firstVendor : 0; header && c < headerCells.length; c++) {
    const vendor = text(headerCells[c]);
    if (vendor === "" || isNote.has(c)) continue;
    if (known && !known.has(vendor)) extraVendors.push(vendor);
    else if (taken.has(vendor)) {
      warnings.push({
        code: "duplicate-vendor-column",
        line: lineOf(header.row),
        message: { "zh-CN": `供应商“${vendor}”的列出现不止一次：只读取第一列`, "en-US": `Vendor "${vendor}" has more than one column: only the first is read` },
      });
    } else {
      taken.add(vendor);
      vendorCols.push({ col: c, vendor });
    }
  }
  const nodes = new Map(allNodes(tree).map((info) => [info.node.code, info.node]));
  const accepted: ImportedRating[] = [];
  const rejected: Rejection[] = [];
  const unknownCodes: string[] = [];
  const unplaced: UnplacedRow[] = [];
  const seen = new Set<string>();
  const rated = new Set<string>();
  let blankCells = 0;
  let unratedReasons = 0;
  let blankRows = 0;
  let dataRows = 0;
  const codeCol = header ? header.codeCol : 0;
  for (let i = header ? header.row + 1 : values.length; i < values.length; i++) {
    const row = values[i] ?? [];
    const line = lineOf(i);
    const code = text(row[codeCol]);
    const filled = vendorCols.filter(({ col }) => !isBlankCell(row[col] as string | number | null | undefined));
    if (code === "" && filled.length === 0) {
      blankRows++;
      continue;
    }
    dataRows++;
    const node = nodes.get(code);
    const reason: UnplacedRow["reason"] | null =
      code === "" ? "no-code" : !node ? "unknown-code" : !isLeaf(node) ? "group-row" : seen.has(code) ? "duplicate-code" : null;
    if (node && isLeaf(node)) seen.add(code);
    if (reason === "unknown-code" && !unknownCodes.includes(code)) unknownCodes.push(code);
    if (reason !== null) {
      if (filled.length > 0) unplaced.push({ row: line, reason, code });
      for (const { vendor } of filled) {
        const rejectCode = reason === "group-row" ? "group-indicator" : reason === "duplicate-code" ? "exact-duplicate" : reason === "no-code" ? "empty-indicator" : "unknown-indicator";
        rejected.push(rejection(line, rejectCode, { column: vendor, value: code, vendor }));
      }
      continue;
    }
    for (const { col, vendor } of vendorCols) {
      const cell = row[col];
      const noteCol = noteCols.get(vendor);
      const comment = noteCol === undefined ? "" : text(row[noteCol]);
      const parsed = parseScore(typeof cell === "boolean" ? String(cell) : (cell ?? undefined), options.decimalComma ?? false);
      if (parsed.kind === "empty") {
        blankCells++;
        if (comment !== "") unratedReasons++;
      } else if (parsed.kind === "ok" || parsed.kind === "na") {
        rated.add(vendor);
        const value = parsed.kind === "na" ? ("NA" as const) : parsed.value;
        const rating: ImportedRating = rater !== "" ? { vendor, code, rater, value, line, column: vendor } : { vendor, code, value, line, column: vendor };
        if (comment !== "") rating.comment = comment;
        accepted.push(rating);
      } else {
        rejected.push(rejection(line, parsed.kind === "nan" ? "not-a-number" : "out-of-range", { column: vendor, value: text(cell), vendor }));
      }
    }
  }
  warnings.push(...similarVendorWarnings(vendorCols.map((v) => v.vendor)));
  if (unratedReasons > 0) {
    warnings.push({
      code: "reason-without-rating",
      count: unratedReasons,
      message: { "zh-CN": `${unratedReasons} 条评分理由旁没有评分：未读取`, "en-US": `${unratedReasons} reasons have no rating beside them: not read` },
    });
  }
  const imported: ImportResult = {
    ok: header !== null,
    ...(header === null ? { fatal: { code: "no-data" as const, message: NO_HEADER } } : {}),
    source,
    shape: "wide",
    columns: vendorCols.map(({ col, vendor }) => ({ index: col, header: vendor, role: "vendor" as const, explicit: false, matchedBy: "synonym" as const })),
    unmapped: [],
    accepted,
    rejected,
    counts: { unit: "cell", read: accepted.length + rejected.length, accepted: accepted.length, rejected: rejected.length, dataRows, blankRows, blankCells },
    warnings,
    vendors: vendorCols.map((v) => v.vendor),
  };
  return { imported, extraVendors, unknownCodes, unplaced };
}
