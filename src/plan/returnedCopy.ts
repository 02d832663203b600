import type { Rating } from "../core/engine/types";
import { rejection, type Rejection } from "../core/import/reasons";
import type { ImportedRating, ImportResult, ImportWarning } from "../core/import/importRatings";
import { isBlankCell, parseScore } from "../core/import/values";
import { allNodes, isLeaf } from "../core/model/tree";
import { LABELS } from "./labels";
import { RATINGS } from "./context";
import type { CellValue, StoredModel } from "./types";

/** A row of the returned sheet that held ratings but could not be placed. */
export interface UnplacedRow {
  /** 1-based worksheet row. */
  row: number;
  reason: "no-code" | "unknown-code" | "group-row" | "duplicate-code";
  code: string;
}

export interface ReturnedCopy {
  rater: string;
  /** For previewMerge / applyMerge of src/core/import (keys: vendor, code, rater). */
  imported: ImportResult;
  /** Vendor columns that are not vendors of the workbook (their ratings are not imported). */
  extraVendors: string[];
  /** Codes found in the sheet that are not indicators of the workbook. */
  unknownCodes: string[];
  unplaced: UnplacedRow[];
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
 * by their header. Reports extra vendors, unknown codes and rows it could not place.
 */
export function readReturnedCopy(input: ReadCopyInput): ReturnedCopy {
  const { values, copyModel } = input;
  const target = input.target ?? copyModel;
  const rater = copyModel.raterCopy?.rater ?? "";
  const headerIndex = values.findIndex((row) => HEADER_CODES.has(text(row[RATINGS.code - 1])));
  const header = headerIndex >= 0 ? values[headerIndex] : [];
  const known = new Set(target.vendors);
  const vendorCols: { col: number; vendor: string }[] = [];
  const extraVendors: string[] = [];
  for (let c = RATINGS.firstVendor - 1; c < header.length; c++) {
    const vendor = text(header[c]);
    if (vendor === "") continue;
    if (known.has(vendor)) vendorCols.push({ col: c, vendor });
    else extraVendors.push(vendor);
  }
  const nodes = new Map(allNodes(target.tree).map((info) => [info.node.code, info.node]));
  const accepted: ImportedRating[] = [];
  const rejected: Rejection[] = [];
  const unknownCodes: string[] = [];
  const unplaced: UnplacedRow[] = [];
  const seen = new Set<string>();
  let blankCells = 0;
  let blankRows = 0;
  let dataRows = 0;
  for (let i = headerIndex + 1; headerIndex >= 0 && i < values.length; i++) {
    const row = values[i] ?? [];
    const line = i + 1;
    const code = text(row[RATINGS.code - 1]);
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
      const parsed = parseScore(typeof cell === "boolean" ? String(cell) : cell, false);
      if (parsed.kind === "empty") blankCells++;
      else if (parsed.kind === "ok" || parsed.kind === "na") {
        accepted.push({ vendor, code, rater, value: parsed.kind === "na" ? "NA" : parsed.value, line, column: vendor });
      } else {
        rejected.push(rejection(line, parsed.kind === "nan" ? "not-a-number" : "out-of-range", { column: vendor, value: text(cell), vendor }));
      }
    }
  }
  const imported: ImportResult = {
    ok: headerIndex >= 0,
    ...(headerIndex < 0
      ? { fatal: { code: "no-data" as const, message: { "zh-CN": "未找到评分表的表头（编号列）", "en-US": "no ratings header (the Code column) found" } } }
      : {}),
    source: { name: input.sourceName, format: "xlsx", ...(input.sheetName ? { sheet: input.sheetName } : {}) },
    shape: "wide",
    columns: [],
    unmapped: [],
    accepted,
    rejected,
    counts: { unit: "cell", read: accepted.length + rejected.length, accepted: accepted.length, rejected: rejected.length, dataRows, blankRows, blankCells },
    warnings: copyWarnings(copyModel, target),
  };
  return { rater, imported, extraVendors, unknownCodes, unplaced };
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
