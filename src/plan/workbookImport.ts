/**
 * Reading a filled scorecard back: the workbook this product wrote (found by its hidden model
 * sheet), single-rater or panel, as `scorecard score` and the pane's Import take it. The sheets
 * are located through the plan rebuilt from the stored model, so they are read exactly where
 * the template put them; every rating sheet goes through the one indicators-down reader
 * (readIndicatorRows), the notes grid's reasons as each rating's comment. Any other file goes to
 * the plain importer.
 */
import { score, type Aggregation, type MissingPolicy, type Rating } from "../core/engine";
import { importDelimited, importTable, type ImportedRating, type ImportOptions, type ImportResult, type ImportWarning } from "../core/import";
import { readIndicatorRows } from "../core/import/indicatorRows";
import { parseScore } from "../core/import/values";
import { looksLikeZip, pickSheet, readXlsxBook, unreadable, type SheetCells } from "../core/import/xlsx";
import { cloneTree, walk } from "../core/model/tree";
import type { IndicatorTree } from "../core/model/types";
import { buildPlan } from "./buildPlan";
import { MODEL_SHEET_NAME } from "./context";
import { readStoredModel } from "./modelSheet";
import type { StoredModel } from "./types";

/** What a scorecard workbook adds to the import: how to score it as the workbook does. */
export interface ScorecardWorkbook {
  model: StoredModel;
  /** The model's tree with the weights as they stand on its Weights sheet. */
  tree: IndicatorTree;
  missing: MissingPolicy;
  /** Panel only: the raters, the aggregate and how many Moderation consensus scores replaced the raters'. */
  panel?: { raters: string[]; aggregate: Aggregation; consensus: number; ratings: Rating[] };
}

export interface FileImport {
  result: ImportResult;
  /** Set when the file is a scorecard workbook (it has the hidden model sheet). */
  workbook?: ScorecardWorkbook;
}

const text = (v: unknown): string => (v === null || v === undefined ? "" : String(v).trim());

function failed(name: string | undefined, code: "xlsx-unreadable" | "xlsx-sheet-not-found", message: ImportResult["fatal"] extends infer F ? (F extends { message: infer M } ? M : never) : never): ImportResult {
  return {
    ok: false, fatal: { code, message }, source: { format: "xlsx", ...(name ? { name } : {}) }, shape: null, columns: [], unmapped: [], accepted: [], rejected: [],
    counts: { unit: "cell", read: 0, accepted: 0, rejected: 0, dataRows: 0, blankRows: 0, blankCells: 0 }, warnings: [],
  };
}

/** The tree with the weights typed on the Weights sheet (by code in column A); unreadable weights keep the model's. */
function sheetWeights(tree: IndicatorTree, sheet: SheetCells | undefined, rows: { code: string; row: number }[], col: number): IndicatorTree {
  if (!sheet) return tree;
  const out = cloneTree(tree);
  const rowOf = new Map(rows.map((r) => [r.code, r.row]));
  walk(out, ({ node }) => {
    const row = rowOf.get(node.code);
    if (row === undefined || text(sheet.values[row - 1]?.[0]) !== node.code) return;
    const v = sheet.values[row - 1]?.[col - 1];
    const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
    if (Number.isFinite(n)) node.weight = n;
  });
  return out;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * A scorecard workbook's ratings. Single: its Ratings sheet. Panel: every rater's sheet, a
 * Moderation consensus replacing that cell's ratings; `result.accepted` then holds the
 * consolidated rating of each cell (consensus, else the raters' aggregate), computed by the
 * engine as the Consolidated sheet's formulas do, while `panel.ratings` keeps the raters' own.
 * `tree` (the pane's workbook) overrides the file's tree; otherwise the file's tree with the
 * Weights sheet's weights is used. Null when the sheets have no readable model.
 */
export function readScorecardSheets(sheets: SheetCells[], options: { tree?: IndicatorTree; sourceName?: string }): FileImport | null {
  const modelSheet = sheets.find((s) => s.name === MODEL_SHEET_NAME);
  if (!modelSheet) return null;
  const model = readStoredModel(modelSheet.values.map((row) => row[0] ?? null));
  if (!model) return null;
  let plan: ReturnType<typeof buildPlan>;
  try {
    plan = buildPlan({ tree: model.tree, vendors: model.vendors, options: model.options, ...(model.raters && !model.raterCopy ? { raters: model.raters } : {}), createdAt: model.createdAt, notesGrid: model.notesGrid === true });
  } catch {
    return null;
  }
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const layout = plan.layout;
  const weightsName = layout.sheetNames.weights;
  const tree = options.tree ?? sheetWeights(model.tree, weightsName ? byName.get(weightsName) : undefined, layout.weights.rows, colNumber(layout.weights.weightColumn));
  const source = { format: "xlsx" as const, ...(options.sourceName ? { name: options.sourceName } : {}), sheets: sheets.map((s) => s.name) };
  const header = { row: layout.ratings.headerRow - 1, codeCol: 0, firstVendor: layout.ratings.firstCol - 1 };
  // The notes grid where the layout puts it (issue #14), each column checked by its header.
  const notesOf = (sheet: SheetCells): Map<string, number> => {
    const notes = layout.ratings.notes;
    const row = sheet.values[header.row] ?? [];
    const out = new Map<string, number>();
    notes?.headers.forEach((h, i) => {
      if (text(row[notes.firstCol - 1 + i]) === h.trim()) out.set(layout.ratings.vendors[i], notes.firstCol - 1 + i);
    });
    return out;
  };
  const missing = model.options.missing;
  const copyRater = model.raterCopy?.rater;
  const panel = layout.panel;
  if (!panel || copyRater !== undefined) {
    // A single-rater workbook, or one rater's copy: the first visible sheet that is not the model.
    const name = copyRater !== undefined ? sheets.find((s) => s.name !== MODEL_SHEET_NAME && !s.hidden)?.name : layout.sheetNames.ratings;
    const sheet = name ? byName.get(name) : undefined;
    if (!sheet) return { result: failed(options.sourceName, "xlsx-sheet-not-found", missingSheet(name ?? "Ratings")), workbook: { model, tree, missing } };
    const read = readIndicatorRows(sheet.values, { tree, vendors: model.vendors, header, noteColumns: notesOf(sheet), source: { ...source, sheet: sheet.name } });
    read.imported.vendors = [...model.vendors];
    return { result: read.imported, workbook: { model, tree, missing } };
  }

  const raterRatings: Rating[] = [];
  const raters = panel.raters.map((r) => r.name);
  const warnings: ImportWarning[] = [];
  const rejected: ImportResult["rejected"] = [];
  let blankCells = 0;
  let dataRows = 0;
  for (const r of panel.raters) {
    const sheet = byName.get(r.sheet);
    if (!sheet) return { result: failed(options.sourceName, "xlsx-sheet-not-found", missingSheet(r.sheet)), workbook: { model, tree, missing } };
    const read = readIndicatorRows(sheet.values, { tree, vendors: model.vendors, rater: r.name, header, noteColumns: notesOf(sheet), source: { ...source, sheet: r.sheet } });
    raterRatings.push(...read.imported.accepted);
    rejected.push(...read.imported.rejected.map((x) => ({ ...x, message: { "zh-CN": `${r.sheet}：${x.message["zh-CN"]}`, "en-US": `${r.sheet}: ${x.message["en-US"]}` } })));
    warnings.push(...read.imported.warnings.filter((w) => w.code !== "similar-vendor-names" || warnings.every((o) => o.message["en-US"] !== w.message["en-US"])));
    blankCells += read.imported.counts.blankCells;
    dataRows += read.imported.counts.dataRows;
  }
  // Moderation: a consensus (a number or N/A) replaces the raters' ratings of its cell.
  const consensus = new Map<string, ImportedRating>();
  const mod = panel.moderation;
  const modSheet = byName.get(mod.sheet);
  if (modSheet) {
    for (const row of mod.rows) {
      const values = modSheet.values[row.row - 1];
      if (!values || text(values[mod.columns.vendor - 1]) !== row.vendor || text(values[mod.columns.code - 1]) !== row.code) continue;
      const cell = values[mod.columns.consensus - 1];
      const p = parseScore(cell ?? undefined, false);
      if (p.kind === "ok" || p.kind === "na") consensus.set(`${row.vendor}\u0001${row.code}`, { vendor: row.vendor, code: row.code, value: p.kind === "na" ? "NA" : p.value, line: row.row, column: mod.sheet });
      else if (p.kind !== "empty") {
        warnings.push({ code: "consensus-not-a-rating", line: row.row, message: { "zh-CN": `${mod.sheet} 第${row.row}行：合议分“${text(cell).slice(0, 40)}”不是 0–100 的评分，未采用`, "en-US": `${mod.sheet} row ${row.row}: consensus "${text(cell).slice(0, 40)}" is not a 0–100 rating; not used` } });
      }
    }
  } else warnings.push({ code: "no-moderation-sheet", message: { "zh-CN": `找不到工作表“${mod.sheet}”：未采用合议分`, "en-US": `No sheet "${mod.sheet}": no consensus scores used` } });

  const scored = [...raterRatings.filter((r) => !consensus.has(`${r.vendor}\u0001${r.code}`)), ...consensus.values()];
  const aggregate = panel.aggregate;
  const result = score(tree, scored, { missing, aggregate, vendors: model.vendors });
  const lineOf = new Map(raterRatings.map((r) => [`${r.vendor}\u0001${r.code}`, (r as ImportedRating).line]));
  const accepted: ImportedRating[] = [];
  for (const v of result.vendors) {
    for (const [code, leaf] of Object.entries(v.leaves)) {
      if (leaf.status === "missing") continue;
      const key = `${v.vendor}\u0001${code}`;
      const line = consensus.get(key)?.line ?? lineOf.get(key) ?? 0;
      accepted.push({ vendor: v.vendor, code, value: leaf.status === "na" ? "NA" : (leaf.value as number), line, column: v.vendor });
    }
  }
  const imported: ImportResult = {
    ok: true,
    source: { ...source, sheet: panel.consolidated.sheet },
    shape: "wide",
    columns: [],
    unmapped: [],
    accepted,
    rejected,
    counts: { unit: "cell", read: accepted.length + rejected.length, accepted: accepted.length, rejected: rejected.length, dataRows, blankRows: 0, blankCells },
    warnings,
    vendors: [...model.vendors],
  };
  return { result: imported, workbook: { model, tree, missing, panel: { raters, aggregate, consensus: consensus.size, ratings: scored } } };
}

function missingSheet(name: string): { "zh-CN": string; "en-US": string } {
  return { "zh-CN": `这是评分卡工作簿，但找不到工作表“${name}”（被改名或删除？）`, "en-US": `This is a scorecard workbook but its sheet "${name}" is missing (renamed or deleted?)` };
}

/**
 * Any supported file, as the CLI and the pane's Import read it: a scorecard workbook through its
 * model (unless a sheet is named), another .xlsx through the importer on the chosen sheet, other
 * bytes as delimited text. Never throws on user input.
 */
export async function importRatingsFile(bytes: Uint8Array, options: ImportOptions & { useFileTree?: boolean }): Promise<FileImport> {
  if (!looksLikeZip(bytes)) return { result: importDelimited(bytes, options) };
  const book = await readXlsxBook(bytes);
  if (!book.ok) return { result: failed(options.sourceName, "xlsx-unreadable", unreadable(book.reason)) };
  if (options.sheet === undefined) {
    const own = readScorecardSheets(book.sheets, { ...(options.useFileTree ? {} : { tree: options.tree }), ...(options.sourceName ? { sourceName: options.sourceName } : {}) });
    if (own) return own;
  }
  const visible = book.sheets.filter((s) => !s.hidden);
  const picked = pickSheet(options.sheet === undefined && visible.length > 0 ? visible : book.sheets, options.sheet);
  const src = { format: "xlsx" as const, ...(options.sourceName ? { name: options.sourceName } : {}) };
  if (!picked.ok) {
    const r = failed(options.sourceName, "xlsx-sheet-not-found", picked.message);
    return { result: { ...r, fatal: { code: picked.code, message: picked.message }, source: { ...src, sheets: picked.sheets } } };
  }
  return { result: importTable(picked.table.rows, picked.table.lines, options, { ...src, sheet: picked.table.sheet, sheets: book.sheets.map((s) => s.name) }) };
}
