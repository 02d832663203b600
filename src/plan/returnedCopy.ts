import type { Rating } from "../core/engine/types";
import type { ImportResult, ImportWarning } from "../core/import/importTypes";
import { readIndicatorRows, type UnplacedRow } from "../core/import/indicatorRows";
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
  const read = readIndicatorRows(values, {
    tree: target.tree,
    vendors: target.vendors,
    ...(rater !== "" ? { rater } : {}),
    header: headerIndex >= 0 ? { row: headerIndex, codeCol: RATINGS.code - 1, firstVendor: RATINGS.firstVendor - 1 } : null,
    source: { ...(input.sourceName !== undefined ? { name: input.sourceName } : {}), format: "xlsx", ...(input.sheetName ? { sheet: input.sheetName } : {}) },
  });
  const imported: ImportResult = { ...read.imported, warnings: [...copyWarnings(copyModel, target), ...read.imported.warnings] };
  return { rater, imported, extraVendors: read.extraVendors, unknownCodes: read.unknownCodes, unplaced: read.unplaced };
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
