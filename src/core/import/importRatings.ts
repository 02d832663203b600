import type { Rating, RatingValue } from "../engine/types";
import type { IndicatorTree, LocalizedText } from "../model/types";
import { decodeBytes, type DetectedEncoding, type EncodingChoice } from "./decode";
import { guessDelimiter, streamDelimited, type Delimiter, type DelimiterChoice } from "./delimited";
import { mapHeaders, type ColumnInfo, type ColumnMapping, type HeaderMapping, type Shape, type UnmappedColumn } from "./headers";
import { IndicatorIndex } from "./match";
import { normKey } from "./normalize";
import { rejection, type Rejection } from "./reasons";
import { lap, now, type StageTimes } from "./stages";
import { fastScore, isBlankCell, parseScore } from "./values";
import { looksLikeZip, readXlsx, type Cell } from "./xlsx";

/** An accepted rating with where it came from. */
export interface ImportedRating extends Rating {
  line: number;
  /** Header of the source column (wide files). */
  column?: string;
  comment?: string;
}

export interface ImportWarning {
  code: string;
  line?: number;
  message: LocalizedText;
}

/**
 * Accounting: `read === accepted + rejected` always. The unit is a data row for long files and
 * a non-empty indicator cell for wide files (unit "cell"); for wide files also
 * `read + blankCells === dataRows × indicator columns`.
 */
export interface ImportCounts {
  unit: "row" | "cell";
  read: number;
  accepted: number;
  rejected: number;
  /** Data rows after the header that hold anything. */
  dataRows: number;
  /** Rows with nothing in them: skipped, not counted in `read`. */
  blankRows: number;
  /** Wide files: empty indicator cells = no rating (not an error, not a zero). */
  blankCells: number;
}

export interface ImportSource {
  name?: string;
  format: "delimited" | "xlsx" | "paste";
  encoding?: DetectedEncoding;
  delimiter?: Delimiter;
  sheet?: string;
  sheets?: string[];
}

export type FatalCode =
  | "empty-file"
  | "no-data"
  | "no-vendor-column"
  | "no-indicator-columns"
  | "xlsx-unreadable"
  | "xlsx-no-sheet"
  | "xlsx-sheet-not-found";

export interface ImportResult {
  /** False when the file could not be read as ratings at all (see `fatal`). */
  ok: boolean;
  fatal?: { code: FatalCode; message: LocalizedText };
  source: ImportSource;
  shape: Shape | null;
  columns: ColumnInfo[];
  /** Columns not used: map them explicitly with `options.columns` if they hold ratings. */
  unmapped: UnmappedColumn[];
  accepted: ImportedRating[];
  rejected: Rejection[];
  counts: ImportCounts;
  warnings: ImportWarning[];
}

export interface ImportOptions {
  tree: IndicatorTree;
  encoding?: EncodingChoice;
  delimiter?: DelimiterChoice;
  /** .xlsx: the sheet to read (default: the first). */
  sheet?: string;
  columns?: ColumnMapping;
  /** File name, for the report and the overwrite log. */
  sourceName?: string;
  /** Reuse a prebuilt index when importing many files against one tree. */
  index?: IndicatorIndex;
}

const FATAL_TEXT: Record<"empty-file" | "no-data", LocalizedText> = {
  "empty-file": { "zh-CN": "文件为空", "en-US": "The file is empty" },
  "no-data": { "zh-CN": "文件只有表头，没有数据行", "en-US": "The file has a header but no data rows" },
};

function emptyCounts(unit: "row" | "cell" = "row"): ImportCounts {
  return { unit, read: 0, accepted: 0, rejected: 0, dataRows: 0, blankRows: 0, blankCells: 0 };
}

function failed(source: ImportSource, code: FatalCode, message: LocalizedText, warnings: ImportWarning[] = []): ImportResult {
  return { ok: false, fatal: { code, message }, source, shape: null, columns: [], unmapped: [], accepted: [], rejected: [], counts: emptyCounts(), warnings };
}

/** Whether a character code is printable ASCII other than space: nothing to trim at that end. */
function solid(c: number): boolean {
  return c > 32 && c < 127;
}

function cellText(c: Cell | undefined): string {
  if (c === undefined) return "";
  if (typeof c !== "string") return String(c);
  const n = c.length;
  return n === 0 || (solid(c.charCodeAt(0)) && solid(c.charCodeAt(n - 1))) ? c : c.trim();
}

function rowIsBlank(row: Cell[]): boolean {
  const first = row[0];
  if (typeof first === "string" && first.length > 0 && solid(first.charCodeAt(0))) return false;
  for (let i = 0; i < row.length; i++) if (!isBlankCell(row[i])) return false;
  return true;
}

function sameValue(a: RatingValue, b: RatingValue): boolean {
  return a === b;
}

/** Names to dense ids, in order of first appearance; the last name is tried before the Map (rows come grouped). */
class Interner {
  private readonly ids = new Map<string, number>();
  private last: string | undefined;
  private lastId = -1;

  constructor(readonly names: string[] = []) {
    names.forEach((n, i) => this.ids.set(n, i));
  }

  id(name: string): number {
    if (name === this.last) return this.lastId;
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.push(name) - 1;
      this.ids.set(name, id);
    }
    this.last = name;
    this.lastId = id;
    return id;
  }
}

/**
 * Ratings that passed the value checks, before duplicate and conflict checks, as parallel
 * arrays: the rating, a numeric key for (vendor, leaf, rater) and the score text as found.
 * Vendor and rater names are interned: every rating of a vendor holds the same string.
 */
class Candidates {
  readonly ratings: ImportedRating[] = [];
  /** Kept off the JavaScript heap: the collector never copies it. */
  keys = new Float64Array(1024);
  /** Score texts, only where the text is not String(value) (see fastScore). */
  readonly raws = new Map<number, string>();
  private readonly vendors = new Interner();
  /** Rater id 0 is "" (no rater). */
  private readonly raters = new Interner([""]);
  readonly vendorNames = this.vendors.names;
  readonly raterNames = this.raters.names;

  readonly leafCount: number;

  constructor(leafCount: number) {
    this.leafCount = Math.max(1, leafCount);
  }

  get vendorCount(): number {
    return this.vendorNames.length;
  }

  get raterCount(): number {
    return this.raterNames.length;
  }

  /** Id of a (non-empty, trimmed) vendor name; vendorNames[id] is its interned string. */
  vendorId(name: string): number {
    return this.vendors.id(name);
  }

  /** Id of a trimmed rater name ("" → 0); raterNames[id] is its interned string. */
  raterId(name: string): number {
    return this.raters.id(name);
  }

  /**
   * leafId: the leaf's ordinal in the index. key = (vendorId × 2^21 + raterId) × leafCount +
   * leafId: exact below 2^53 for any realistic file. raw: the score text, or null when it is
   * String(value).
   */
  add(rating: ImportedRating, vendorId: number, raterId: number, leafId: number, raw: string | null): void {
    const i = this.ratings.length;
    if (i === this.keys.length) {
      const grown = new Float64Array(i * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    this.keys[i] = (vendorId * 2097152 + raterId) * this.leafCount + leafId;
    this.ratings.push(rating);
    if (raw !== null) this.raws.set(i, raw);
  }

  /** The score text of candidate i as found. */
  raw(i: number): string {
    return this.raws.get(i) ?? String(this.ratings[i].value);
  }
}

/**
 * The shared core: rows of cells in file order (the first non-blank row is the header) →
 * accepted and rejected. Rows come in batches (all at once for .xlsx, chunk by chunk while
 * papaparse parses delimited text), so a parsed table need never be held whole. Pure and
 * synchronous; never throws on user input.
 */
class TableImporter {
  private readonly index: IndicatorIndex;
  private readonly decimalComma: boolean;
  private readonly rejected: Rejection[] = [];
  private readonly cands: Candidates;
  private counts: ImportCounts = emptyCounts();
  private mapping: HeaderMapping | null = null;
  private headerLine = 0;
  private blankRows = 0;
  private rowsAfterHeader = 0;
  /** Columns with an empty header that no mapping uses: reported only if some row has data under them. */
  private emptyHeaderColumns: number[] = [];
  private readonly emptyHeaderWithData: number[] = [];
  private vendorCol: ColumnInfo | null = null;
  private indicatorCol: ColumnInfo | null = null;
  private scoreCol: ColumnInfo | null = null;
  private raterCol: ColumnInfo | null = null;
  private commentCol: ColumnInfo | null = null;
  private leafCols: ColumnInfo[] = [];

  constructor(
    private readonly options: ImportOptions,
    private readonly source: ImportSource,
    private readonly warnings: ImportWarning[],
    private readonly stages: StageTimes | null = null,
  ) {
    this.index = options.index ?? new IndicatorIndex(options.tree);
    this.decimalComma = source.format === "xlsx" || (source.delimiter !== undefined && source.delimiter !== ",");
    this.cands = new Candidates(this.index.leafCodes.length);
  }

  /** rows[0..count) start on lines[0..count); neither array is kept. */
  rows(rows: Cell[][], lines: ArrayLike<number>, count: number): void {
    const stages = this.stages;
    let t = stages ? now() : 0;
    let i = 0;
    if (this.mapping === null) {
      while (i < count && rowIsBlank(rows[i])) {
        i++;
        this.blankRows++;
      }
      if (i >= count) return;
      this.header(rows[i], lines[i]);
      if (stages) t = lap(stages, "header mapping", t);
      i++;
      if (i >= count) return;
    }
    this.rowsAfterHeader += count - i;
    if (this.emptyHeaderColumns.length > 0) this.findData(rows, i, count);
    const shape = (this.mapping as HeaderMapping).shape;
    if (shape === "long") this.longRows(rows, lines, i, count);
    else if (shape === "wide") this.wideRows(rows, lines, i, count);
    if (stages) lap(stages, "rows → ratings (match, values)", t);
  }

  private header(row: Cell[], line: number): void {
    const header = row.map(cellText);
    const mapping = mapHeaders(header, this.index, this.options.columns);
    this.mapping = mapping;
    this.headerLine = line;
    for (let i = 0; i < header.length; i++) {
      if (header[i] === "" && !mapping.columns.some((c) => c.index === i) && !mapping.unmapped.some((u) => u.index === i)) this.emptyHeaderColumns.push(i);
    }
    const col = (role: string): ColumnInfo | null => mapping.columns.find((c) => c.role === role) ?? null;
    this.vendorCol = col("vendor");
    this.indicatorCol = col("indicator");
    this.scoreCol = col("score");
    this.raterCol = col("rater");
    this.commentCol = col("comment");
    this.leafCols = mapping.columns.filter((c) => c.role === "leaf");
    this.counts = emptyCounts(mapping.shape === "long" ? "row" : "cell");
  }

  private findData(rows: Cell[][], from: number, to: number): void {
    this.emptyHeaderColumns = this.emptyHeaderColumns.filter((c) => {
      for (let r = from; r < to; r++) {
        if (!isBlankCell(rows[r][c])) {
          this.emptyHeaderWithData.push(c);
          return false;
        }
      }
      return true;
    });
  }

  private scoreCheck(cell: Cell | undefined, line: number, column: string, vendor: string, isWide: boolean): RatingValue | null | undefined {
    const p = parseScore(cell, this.decimalComma);
    switch (p.kind) {
      case "ok":
        return p.value;
      case "na":
        return "NA";
      case "empty":
        if (isWide) return undefined;
        this.rejected.push(rejection(line, "empty-score", { column, vendor }));
        return null;
      case "nan":
        this.rejected.push(rejection(line, "not-a-number", { column, vendor, value: cellText(cell) }));
        return null;
      case "range":
        this.rejected.push(rejection(line, "out-of-range", { column, vendor, value: cellText(cell) }));
        return null;
    }
  }

  private longRows(rows: Cell[][], lines: ArrayLike<number>, from: number, to: number): void {
    const vendorCol = this.vendorCol as ColumnInfo;
    const indicatorCol = this.indicatorCol as ColumnInfo;
    const scoreCol = this.scoreCol as ColumnInfo;
    const { index, cands, counts, rejected } = this;
    const vi = vendorCol.index;
    const ii = indicatorCol.index;
    const si = scoreCol.index;
    const ri = this.raterCol ? this.raterCol.index : -1;
    const ci = this.commentCol ? this.commentCol.index : -1;
    const vendorNames = cands.vendorNames;
    const raterNames = cands.raterNames;
    const leafCodes = index.leafCodes;
    for (let r = from; r < to; r++) {
      const row = rows[r];
      const line = lines[r];
      if (row.length === 1 && row[0] === "") {
        counts.blankRows++;
        continue;
      }
      if (rowIsBlank(row)) {
        counts.blankRows++;
        continue;
      }
      counts.dataRows++;
      const vendorText = cellText(row[vi]);
      if (vendorText === "") {
        rejected.push(rejection(line, "empty-vendor", { column: vendorCol.header }));
        continue;
      }
      const ind = row[ii];
      const indText = typeof ind === "string" ? ind : cellText(ind);
      let leaf = index.exactLeafOrdinal(indText);
      let code: string;
      if (leaf >= 0) code = leafCodes[leaf];
      else {
        const t = indText.trim();
        if (t === "") {
          rejected.push(rejection(line, "empty-indicator", { column: indicatorCol.header, vendor: vendorText }));
          continue;
        }
        const m = index.match(t);
        if (m.kind !== "leaf") {
          if (m.kind === "ambiguous") rejected.push(rejection(line, "ambiguous-indicator", { column: indicatorCol.header, vendor: vendorText, value: t, candidates: m.candidates }));
          else rejected.push(rejection(line, m.kind === "group" ? "group-indicator" : "unknown-indicator", { column: indicatorCol.header, vendor: vendorText, value: t }));
          continue;
        }
        code = m.code;
        leaf = index.leafOrdinal(code);
      }
      const rawScore = row[si];
      const quick = typeof rawScore === "string" ? fastScore(rawScore) : -1;
      const value = quick >= 0 ? quick : this.scoreCheck(rawScore, line, scoreCol.header, vendorText, false);
      if (value === null || value === undefined) continue;
      const v = cands.vendorId(vendorText);
      const vendor = vendorNames[v];
      const rid = ri >= 0 ? cands.raterId(cellText(row[ri])) : 0;
      const rater = raterNames[rid];
      const comment = ci >= 0 ? cellText(row[ci]) : "";
      // One object literal per shape, so every rating of a file shares a hidden class.
      const rating: ImportedRating =
        rater !== ""
          ? comment !== ""
            ? { vendor, code, rater, value, line, comment }
            : { vendor, code, rater, value, line }
          : comment !== ""
            ? { vendor, code, value, line, comment }
            : { vendor, code, value, line };
      // A number cell (.xlsx) reads as String(value) too.
      cands.add(rating, v, rid, leaf, quick >= 0 || typeof rawScore !== "string" ? null : rawScore);
    }
  }

  private wideRows(rows: Cell[][], lines: ArrayLike<number>, from: number, to: number): void {
    const { cands, counts, rejected, leafCols } = this;
    const vendorCol = this.vendorCol as ColumnInfo;
    const raterCol = this.raterCol;
    const commentCol = this.commentCol;
    for (let r = from; r < to; r++) {
      const row = rows[r];
      const line = lines[r];
      if (rowIsBlank(row)) {
        counts.blankRows++;
        continue;
      }
      counts.dataRows++;
      const vendorText = cellText(row[vendorCol.index]);
      const raterText = raterCol ? cellText(row[raterCol.index]) : "";
      const comment = commentCol ? cellText(row[commentCol.index]) : "";
      let v = -1;
      let rid = -1;
      for (const c of leafCols) {
        const cell = row[c.index];
        if (isBlankCell(cell)) {
          counts.blankCells++;
          continue;
        }
        counts.read++;
        if (vendorText === "") {
          rejected.push(rejection(line, "empty-vendor", { column: c.header, value: cellText(cell) }));
          continue;
        }
        const quick = typeof cell === "string" ? fastScore(cell) : -1;
        const value = quick >= 0 ? quick : this.scoreCheck(cell, line, c.header, vendorText, true);
        if (value === null || value === undefined) continue;
        if (v < 0) {
          v = cands.vendorId(vendorText);
          rid = cands.raterId(raterText);
        }
        const code = c.code as string;
        const rating: ImportedRating = { vendor: cands.vendorNames[v], code, value, line, column: c.header };
        if (raterText !== "") rating.rater = cands.raterNames[rid];
        if (comment !== "") rating.comment = comment;
        cands.add(rating, v, rid, this.index.leafOrdinal(code), quick >= 0 || typeof cell !== "string" ? null : cell);
      }
    }
  }

  finish(): ImportResult {
    const { source, warnings, mapping } = this;
    if (mapping === null) return failed(source, "empty-file", FATAL_TEXT["empty-file"], warnings);
    for (const i of this.emptyHeaderWithData) {
      mapping.unmapped.push({
        index: i,
        header: "",
        reason: "unknown",
        message: { "zh-CN": `第${i + 1}列没有表头但有数据，请指定其含义`, "en-US": `Column ${i + 1} has data but no header; please map it` },
      });
    }
    mapping.unmapped.sort((a, b) => a.index - b.index);
    for (const u of mapping.unmapped) warnings.push({ code: `unmapped-column`, line: this.headerLine, message: u.message });

    const base = { source, columns: mapping.columns, unmapped: mapping.unmapped, warnings };
    if (!mapping.shape) {
      const p = mapping.problem ?? { code: "no-vendor-column" as const, message: { "zh-CN": "无法识别表格结构", "en-US": "Unrecognised layout" } };
      return { ...failed(source, p.code, p.message, warnings), ...base };
    }
    if (this.rowsAfterHeader === 0) return { ...failed(source, "no-data", FATAL_TEXT["no-data"], warnings), ...base, shape: mapping.shape };

    const { counts, rejected, stages } = this;
    let t = stages ? now() : 0;
    counts.blankRows += this.blankRows;
    if (mapping.shape === "long") counts.read = counts.dataRows;
    const accepted = resolveDuplicates(this.cands, rejected, mapping.shape === "wide");
    if (stages) t = lap(stages, "duplicates", t);
    rejected.sort((a, b) => a.line - b.line);
    warnings.push(...plausibilityWarnings(accepted));
    counts.accepted = accepted.length;
    counts.rejected = rejected.length;
    if (stages) lap(stages, "report (sort, warnings, counts)", t);
    return { ok: true, source, shape: mapping.shape, columns: mapping.columns, unmapped: mapping.unmapped, accepted, rejected, counts, warnings };
  }
}

/**
 * A table of cells (rows[0] after blank rows = header) → accepted and rejected.
 * Pure and synchronous; never throws on user input.
 */
export function importTable(rows: Cell[][], lines: number[], options: ImportOptions, source: ImportSource, warnings: ImportWarning[] = []): ImportResult {
  const importer = new TableImporter(options, source, warnings);
  importer.rows(rows, lines, rows.length);
  return importer.finish();
}

/**
 * Hints that never change what is imported: vendor names that differ only in case, width or
 * spacing (kept apart, never merged), and scores that all look like fractions (0–1), as from
 * cells formatted as percentages.
 */
function plausibilityWarnings(accepted: ImportedRating[]): ImportWarning[] {
  const out: ImportWarning[] = [];
  const spellings = new Map<string, Set<string>>();
  let numeric = 0;
  let max = -Infinity;
  let lastVendor: string | undefined;
  const seen = new Set<string>();
  for (const a of accepted) {
    if (typeof a.value === "number") {
      numeric++;
      if (a.value > max) max = a.value;
    }
    if (a.vendor === lastVendor || seen.has(a.vendor)) continue;
    lastVendor = a.vendor;
    seen.add(a.vendor);
    const key = normKey(a.vendor);
    const set = spellings.get(key);
    if (set) set.add(a.vendor);
    else spellings.set(key, new Set([a.vendor]));
  }
  for (const set of spellings.values()) {
    if (set.size < 2) continue;
    const names = [...set].map((n) => `"${n}"`);
    out.push({
      code: "similar-vendor-names",
      message: {
        "zh-CN": `这些供应商名称仅大小写、全半角或空格不同，按不同供应商处理：${names.join("、")}`,
        "en-US": `These vendor names differ only in case, width or spacing and are kept as different vendors: ${names.join(", ")}`,
      },
    });
  }
  if (numeric >= 3 && max <= 1) {
    out.push({
      code: "scores-look-like-fractions",
      message: {
        "zh-CN": `所有得分都不超过 1（最高 ${max}）：是否为百分比格式？得分应为 0–100`,
        "en-US": `Every score is at most 1 (highest ${max}): percentages? Scores are on 0–100`,
      },
    });
  }
  return out;
}

/**
 * Same vendor + indicator + rater more than once: all equal → the first is kept and the rest are
 * "exact duplicate of line N"; any difference → every row of the group is rejected as a conflict
 * naming the others (never last-one-wins).
 */
function resolveDuplicates(cands: Candidates, rejected: Rejection[], wide: boolean): ImportedRating[] {
  const { ratings, keys } = cands;
  const n = ratings.length;
  const firstOf = new Int32Array(n);
  const conflicted = new Uint8Array(n);
  let dupes = 0;
  const note = (i: number, f: number): void => {
    dupes++;
    firstOf[i] = f;
    if (!sameValue(ratings[f].value, ratings[i].value)) conflicted[f] = 1;
  };
  const L = cands.leafCount;
  const R = cands.raterCount;
  const cells = cands.vendorCount * R * L;
  if (cells <= Math.max(4 * n, 1 << 16)) {
    // Dense table over vendor × rater × leaf: no hashing on the hot path.
    const firstAt = new Int32Array(cells).fill(-1);
    for (let i = 0; i < n; i++) {
      const key = keys[i];
      const l = key % L;
      const t = (key - l) / L;
      const r = t % 2097152;
      const cell = (((t - r) / 2097152) * R + r) * L + l;
      const f = firstAt[cell];
      if (f < 0) {
        firstAt[cell] = i;
        firstOf[i] = i;
      } else note(i, f);
    }
  } else {
    const first = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const f = first.get(keys[i]);
      if (f === undefined) {
        first.set(keys[i], i);
        firstOf[i] = i;
      } else note(i, f);
    }
  }
  if (dupes === 0) return ratings;
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const f = firstOf[i];
    if (conflicted[f]) {
      const g = groups.get(f);
      if (g) g.push(i);
      else groups.set(f, [i]);
    }
  }
  const accepted: ImportedRating[] = [];
  for (let i = 0; i < n; i++) {
    const r = ratings[i];
    const f = firstOf[i];
    if (!conflicted[f] && f === i) {
      accepted.push(r);
      continue;
    }
    const col = wide ? r.column : undefined;
    const detail = { vendor: r.vendor, code: r.code, ...(r.rater ? { rater: r.rater } : {}), ...(col ? { column: col } : {}) };
    if (conflicted[f]) {
      const others = (groups.get(f) ?? []).filter((j) => j !== i);
      rejected.push(
        rejection(r.line, "conflict", {
          ...detail,
          value: cands.raw(i).trim(),
          relatedLines: others.map((j) => ratings[j].line),
          otherValues: others.map((j) => cands.raw(j).trim()),
        }),
      );
    } else rejected.push(rejection(r.line, "exact-duplicate", { ...detail, value: cands.raw(i).trim(), relatedLines: [ratings[f].line] }));
  }
  return accepted;
}

/** Delimited text already decoded (a .csv read as text, or text pasted from Excel with delimiter "\t"). */
export function importText(text: string, options: ImportOptions, source: Partial<ImportSource> = {}): ImportResult {
  return importTextTimed(text, options, source, null);
}

function importTextTimed(text: string, options: ImportOptions, source: Partial<ImportSource>, stages: StageTimes | null): ImportResult {
  const src: ImportSource = { format: "delimited", ...(options.sourceName ? { name: options.sourceName } : {}), ...source };
  if (!/\S/.test(text)) return failed(src, "empty-file", FATAL_TEXT["empty-file"]);
  const t = stages ? now() : 0;
  const choice = options.delimiter ?? "auto";
  const delimiter = choice === "auto" ? guessDelimiter(text) : choice;
  if (stages) lap(stages, "delimiter detection", t);
  src.delimiter = delimiter;
  const warnings: ImportWarning[] = [];
  const importer = new TableImporter(options, src, warnings, stages);
  // Rows go to the importer as papaparse produces them: the parsed table is never held whole.
  streamDelimited(
    text,
    delimiter,
    {
      rows: (rows, lines, count) => importer.rows(rows, lines, count),
      problem: (p) => warnings.push({ code: p.code, line: p.line, message: p.message }),
    },
    undefined,
    stages,
  );
  return importer.finish();
}

/** Text copied from Excel: tab-separated, quoted cells for multi-line text. */
export function importPasted(text: string, options: ImportOptions): ImportResult {
  return importText(text, { ...options, delimiter: options.delimiter ?? "\t" }, { format: "paste" });
}

/** Delimited bytes: encoding detected (BOM, strict UTF-8, else GB18030) unless forced. */
export function importDelimited(bytes: Uint8Array, options: ImportOptions): ImportResult {
  return importDelimitedTimed(bytes, options, null);
}

/** importDelimited with wall times per stage (decode, detection, papaparse, rows, …): for the bench. */
export function importDelimitedStaged(bytes: Uint8Array, options: ImportOptions): { result: ImportResult; stages: StageTimes } {
  const stages: StageTimes = {};
  return { result: importDelimitedTimed(bytes, options, stages), stages };
}

function importDelimitedTimed(bytes: Uint8Array, options: ImportOptions, stages: StageTimes | null): ImportResult {
  const t = stages ? now() : 0;
  const decoded = decodeBytes(bytes, options.encoding ?? "auto");
  if (stages) lap(stages, "decode (encoding detection)", t);
  const res = importTextTimed(decoded.text, options, { encoding: decoded.encoding }, stages);
  if (decoded.lossy) {
    res.warnings.unshift({
      code: "decode-lossy",
      message: {
        "zh-CN": `按 ${decoded.encoding} 解码时有无法识别的字节，部分文字可能显示为 �；请尝试指定其他编码`,
        "en-US": `Some bytes are not valid ${decoded.encoding}; text may show as �. Try another encoding`,
      },
    });
  }
  return res;
}

/** .xlsx bytes: the chosen sheet or the first. */
export async function importXlsx(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const src: ImportSource = { format: "xlsx", ...(options.sourceName ? { name: options.sourceName } : {}) };
  const read = await readXlsx(bytes, options.sheet);
  if (!read.ok) return failed({ ...src, sheets: read.sheets }, read.code, read.message);
  src.sheet = read.table.sheet;
  src.sheets = read.table.sheets;
  return importTable(read.table.rows, read.table.lines, options, src);
}

/** Any supported file: .xlsx by its zip signature, otherwise delimited text. Never throws. */
export async function importFile(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  if (bytes.length === 0) return failed({ format: "delimited", ...(options.sourceName ? { name: options.sourceName } : {}) }, "empty-file", FATAL_TEXT["empty-file"]);
  return looksLikeZip(bytes) ? importXlsx(bytes, options) : importDelimited(bytes, options);
}
