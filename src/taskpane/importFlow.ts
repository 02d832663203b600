/**
 * The Import tab's work outside React: run the pure importer on a file or pasted text against the
 * workbook's tree, preview it against the workbook's ratings, build the port request and the report.
 * Only the lazily loaded Import tab imports this (it pulls in the importer and papaparse).
 */
import {
  importPasted,
  reportToCsv,
  type ColumnMapping,
  type ColumnRole,
  type DelimiterChoice,
  type EncodingChoice,
  type ImportResult,
} from "../core/import";
import { cellPreview, unratedCells, type CellPreview } from "../plan/cellConflicts";
import { importRatingsFile } from "../plan/workbookImport";
import { lookAlikeVendors, mergeVendors, type LookAlike } from "../plan/vendorMerge";
import type { Locale } from "./model";
import type { ImportChoice, ImportRatingsRequest, WorkbookSnapshot } from "../port";

export type ImportInput = { kind: "file"; name: string; bytes: Uint8Array } | { kind: "paste"; text: string };

export interface ReadSettings {
  encoding: EncodingChoice;
  delimiter: DelimiterChoice;
  columns: ColumnMapping;
}

export interface ReadOutcome {
  result: ImportResult;
  preview: CellPreview;
}

/**
 * Runs the importer (never throws on user input) and previews the merge. A rating cell holding
 * text or a number outside 0–100 is a conflict here, as the write treats it.
 */
export async function readInput(input: ImportInput, snapshot: WorkbookSnapshot, settings: ReadSettings): Promise<ReadOutcome> {
  const base = { tree: snapshot.tree, columns: settings.columns };
  const result =
    input.kind === "file"
      ? // A filled scorecard (single or panel: its consolidated ratings) or any ratings file.
        (await importRatingsFile(input.bytes, { ...base, encoding: settings.encoding, delimiter: settings.delimiter, sourceName: input.name })).result
      : importPasted(input.text, { ...base, delimiter: settings.delimiter });
  return { result, preview: previewFor(result, snapshot) };
}

/** What importing `result` into the workbook would change. */
export function previewFor(result: ImportResult, snapshot: WorkbookSnapshot): CellPreview {
  return cellPreview(snapshot.ratings, forWorkbook(result, snapshot), unratedCells(snapshot.problems), snapshot.vendors);
}

/** Groups of look-alike vendor names across the file and the workbook (the preview offers to merge each). */
export function lookAlikes(result: ImportResult, snapshot: WorkbookSnapshot): LookAlike[] {
  return lookAlikeVendors(result.vendors ?? result.accepted.map((r) => r.vendor), snapshot.vendors);
}

/** The file's ratings with the chosen groups merged, and their preview. */
export function withMerges(outcome: ReadOutcome, snapshot: WorkbookSnapshot, merged: readonly LookAlike[]): ReadOutcome {
  if (merged.length === 0) return outcome;
  const result = mergeVendors(outcome.result, merged);
  return { result, preview: previewFor(result, snapshot) };
}

/** A single-rater workbook has one cell per vendor and indicator: rater names do not make another cell. */
function forWorkbook(result: ImportResult, snapshot: WorkbookSnapshot): ImportResult {
  if (snapshot.raters.length > 0) return result;
  return { ...result, accepted: result.accepted.map(({ rater: _rater, ...rest }) => rest) };
}

/** Accepted ratings that carry a reason (the file's comment column, issue #14). */
export function reasonCount(result: ImportResult): number {
  return result.accepted.filter((r) => (r.comment ?? "").trim() !== "").length;
}

export function importRequest(result: ImportResult, preview: Pick<CellPreview, "newVendors">, choice: ImportChoice, sourceFile: string): ImportRatingsRequest {
  const ratings: ImportRatingsRequest["ratings"] = result.accepted.map((r) => ({ vendor: r.vendor, code: r.code, ...(r.rater ? { rater: r.rater } : {}), value: r.value, ...(r.comment ? { comment: r.comment } : {}) }));
  return { ratings, choice, sourceFile, newVendors: [...preview.newVendors] };
}

/** The select value of a column role ("" = as read). */
export function roleValue(role: ColumnRole | undefined): string {
  if (role === undefined) return "";
  return typeof role === "string" ? role : `leaf:${role.leaf}`;
}

export function roleFrom(value: string): ColumnRole | undefined {
  if (value === "") return undefined;
  if (value.startsWith("leaf:")) return { leaf: value.slice(5) };
  return value as ColumnRole;
}

/** Key of a column in a ColumnMapping: its 1-based position (works for empty or repeated headers). */
export function columnKey(index: number): string {
  return `#${index + 1}`;
}

export function reportCsv(result: ImportResult, locale: Locale): string {
  return reportToCsv(result, locale);
}

/** "ratings.csv" → "ratings-report.csv". */
export function reportName(source: string | undefined): string {
  const base = (source ?? "").replace(/\.[^.]*$/, "").replace(/[\\/:*?"<>|]/g, "_").trim();
  return `${base === "" ? "import" : base}-report.csv`;
}
