import type { Rating } from "../core/engine/types";
import type { ImportResult, ImportWarning } from "../core/import/importTypes";
import { NOTE_HEADER_PREFIXES, readIndicatorRows, type IndicatorRowsHeader, type UnplacedRow } from "../core/import/indicatorRows";
import { allNodes, isLeaf } from "../core/model/tree";
import { LABELS } from "./labels";
import { RATINGS } from "./context";
import type { CellValue, StoredModel } from "./types";

/** A row of the returned sheet that held ratings but could not be placed. */
export type { UnplacedRow } from "../core/import/indicatorRows";

export interface ReturnedCopy {
  rater: string;
  /** For previewMerge / applyMerge of src/core/import (keys: vendor, code, rater). */
  imported: ImportResult;
  /** Vendor columns that are not vendors of the workbook (their ratings are not imported). */
  extraVendors: string[];
  /** Codes found in the sheet that are not indicators of the workbook. */
  unknownCodes: string[];
  unplaced: UnplacedRow[];
  /** The reasons of its notes grid (issue #14) for the workbook's vendors and leaves, in row order; [] without a grid. */
  notes: { vendor: string; code: string; note: string; line: number }[];
}

export interface ReadCopyInput {
  /** The returned sheet's cell values, row-major from A1. */
  values: CellValue[][];
  /** The stored model read from the returned copy (readStoredModel). */
  copyModel: StoredModel;
  /** The workbook's model to merge into; default the copy's model. */
  target?: StoredModel;
  sourceName?: string;
  sheetName?: string;
}

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : String(v).trim());
const HEADER_CODES = new Set(Object.values(LABELS).map((l) => l.colCode));

/**
 * Reads a returned rater copy into ratings keyed by rater, vendor and indicator code. Rows are
 * matched by the code column, never by position (the rater may have sorted them); vendor columns
 * by their header. When the copy's model has a notes grid, its "Reason: vendor" columns are read
 * as the rater's reasons (text), never as vendors. Reports extra vendors, unknown codes and rows it
 * could not place.
 */
export function readReturnedCopy(input: ReadCopyInput): ReturnedCopy {
  const { values, copyModel } = input;
  const target = input.target ?? copyModel;
  const rater = copyModel.raterCopy?.rater ?? "";
  const headerIndex = values.findIndex((row) => HEADER_CODES.has(text(row[RATINGS.code - 1])));
  const header = headerIndex >= 0 ? { row: headerIndex, codeCol: RATINGS.code - 1, firstVendor: RATINGS.firstVendor - 1 } : null;
  const noteCols = header && copyModel.notesGrid === true ? noteColumns(values[header.row] ?? [], header.firstVendor, [...copyModel.vendors, ...target.vendors]) : [];
  // The notes headers blanked: readIndicatorRows takes every header after the codes as a vendor.
  const rows = noteCols.length === 0 || !header ? values : values.map((row, i) => (i === header.row ? row.map((v, c) => (noteCols.some((n) => n.col === c) ? null : v)) : row));
  const read = readIndicatorRows(rows, {
    tree: target.tree,
    vendors: target.vendors,
    ...(rater !== "" ? { rater } : {}),
    header,
    source: { ...(input.sourceName !== undefined ? { name: input.sourceName } : {}), format: "xlsx", ...(input.sheetName ? { sheet: input.sheetName } : {}) },
  });
  const imported: ImportResult = { ...read.imported, warnings: [...copyWarnings(copyModel, target), ...read.imported.warnings] };
  const copy: ReturnedCopy = { rater, imported, extraVendors: read.extraVendors, unknownCodes: read.unknownCodes, unplaced: read.unplaced, notes: [] };
  if (header) readNotes(values, header, noteCols, target, copy);
  return copy;
}

/** The notes-grid columns of the header row: a header "Reason: vendor" (any language) that is not itself a vendor's name. */
function noteColumns(headerRow: readonly CellValue[], from: number, vendors: readonly string[]): { col: number; vendor: string }[] {
  const names = new Set(vendors);
  const out: { col: number; vendor: string }[] = [];
  for (let c = from; c < headerRow.length; c++) {
    const h = text(headerRow[c]);
    const prefix = NOTE_HEADER_PREFIXES.find((p) => h.startsWith(p));
    if (prefix !== undefined && !names.has(h)) out.push({ col: c, vendor: h.slice(prefix.length).trim() });
  }
  return out;
}

/**
 * The reasons of the notes columns, on the rows where the ratings are read (a workbook leaf's
 * first row); the first column of a vendor counts. A reason of a vendor the workbook lacks adds it
 * to extraVendors; one on a row that cannot be placed is listed in unplaced, as a rating would be.
 */
function readNotes(values: readonly (readonly CellValue[])[], header: IndicatorRowsHeader, noteCols: readonly { col: number; vendor: string }[], target: StoredModel, copy: ReturnedCopy): void {
  if (noteCols.length === 0) return;
  const known = new Set(target.vendors);
  const cols = noteCols.filter((n, i) => noteCols.findIndex((m) => m.vendor === n.vendor) === i);
  for (const n of cols) if (!known.has(n.vendor) && !copy.extraVendors.includes(n.vendor)) copy.extraVendors.push(n.vendor);
  const nodes = new Map(allNodes(target.tree).map((info) => [info.node.code, info.node]));
  const listed = new Set(copy.unplaced.map((u) => u.row));
  const seen = new Set<string>();
  for (let i = header.row + 1; i < values.length; i++) {
    const row = values[i] ?? [];
    const code = text(row[header.codeCol]);
    const node = nodes.get(code);
    const reason: UnplacedRow["reason"] | null = code === "" ? "no-code" : !node ? "unknown-code" : !isLeaf(node) ? "group-row" : seen.has(code) ? "duplicate-code" : null;
    if (node && isLeaf(node)) seen.add(code);
    const written = cols.filter((n) => text(row[n.col]) !== "");
    if (written.length === 0) continue;
    if (reason !== null) {
      if (!listed.has(i + 1)) copy.unplaced.push({ row: i + 1, reason, code });
      if (reason === "unknown-code" && !copy.unknownCodes.includes(code)) copy.unknownCodes.push(code);
      continue;
    }
    for (const n of written) if (known.has(n.vendor)) copy.notes.push({ vendor: n.vendor, code, note: text(row[n.col]), line: i + 1 });
  }
  copy.unplaced.sort((a, b) => a.row - b.row);
}

function copyWarnings(copy: StoredModel, target: StoredModel): ImportWarning[] {
  const out: ImportWarning[] = [];
  if (!copy.raterCopy) out.push({ code: "not-a-rater-copy", message: { "zh-CN": "该文件不是评委副本：未标明评委", "en-US": "this file is not a rater copy: no rater is named" } });
  if (copy.tree.id !== target.tree.id) {
    out.push({ code: "other-standard", message: { "zh-CN": "该副本使用的指标体系与本工作簿不同", "en-US": "the copy uses a different indicator standard from this workbook" } });
  }
  return out;
}

/** The ratings of a returned copy as plain engine ratings (rater set). */
export function copyRatings(copy: ReturnedCopy): Rating[] {
  return copy.imported.accepted.map((r) => ({ vendor: r.vendor, code: r.code, rater: r.rater, value: r.value }));
}
