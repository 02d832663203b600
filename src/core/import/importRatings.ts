import type { RatingValue } from "../engine/types";
import type { LocalizedText } from "../model/types";
import { decodeBytes } from "./decode";
import { guessDelimiter, streamDelimited } from "./delimited";
import { mapHeaders, type ColumnInfo, type HeaderMapping } from "./headers";
import type { FatalCode, ImportCounts, ImportedRating, ImportOptions, ImportResult, ImportSource, ImportWarning } from "./importTypes";
import { IndicatorIndex } from "./match";
import { rejection, type Rejection } from "./reasons";
export type { FatalCode, ImportCounts, ImportedRating, ImportOptions, ImportResult, ImportSource, ImportWarning } from "./importTypes";
import { lap, now, type StageTimes } from "./stages";
import { fastScore, isBlankCell, parseScore } from "./values";
import { similarVendorWarnings } from "./vendorNames";
import { findIndicatorHeader, readIndicatorRows } from "./indicatorRows";
import { looksLikeZip, readXlsx, type Cell } from "./xlsx";

/** Ratings (and rejections) one import holds at most: about 100,000 vendors × 49 indicators; beyond, it stops with a message. */
export const MAX_RATINGS = 5_000_000;
/** Rows kept while looking for the indicators-down layout after an unrecognised first row. */
const MAX_FALLBACK_ROWS = 20_000;
/** Characters of an offending value kept in a rejection. */
const VALUE_KEPT = 200;

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
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
  /** Wide files: the reason column of an indicator ("1.1 理由"), by code; it takes precedence over the row's comment. */
  private leafCommentCols = new Map<string, number>();
  private leafCols: ColumnInfo[] = [];
  /** Every vendor named in a data row, rated or not, in order of first appearance. */
  private readonly named = new Interner();
  private headerWidth = 0;
  /** Rows with fields beyond the header, reported one by one up to EXTRA_LISTED, then counted. */
  private extraRows = 0;
  /** Set when the ratings reach MAX_RATINGS: the line where reading stopped. */
  private stoppedAt = 0;
  /** No layout found in the first row: the rows kept to look for the indicators-down layout. */
  private fallback: { rows: Cell[][]; lines: number[]; abandoned: boolean } | null = null;

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
    if (this.stoppedAt > 0) return;
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
      if (this.fallback) this.keep(rows, lines, i, count);
      i++;
      if (i >= count) return;
    } else if (this.fallback) this.keep(rows, lines, 0, count);
    this.rowsAfterHeader += count - i;
    if (this.emptyHeaderColumns.length > 0) this.findData(rows, i, count);
    const shape = (this.mapping as HeaderMapping).shape;
    if (shape === "long") this.longRows(rows, lines, i, count);
    else if (shape === "wide") this.wideRows(rows, lines, i, count);
    if (this.cands.ratings.length + this.rejected.length > MAX_RATINGS) this.stoppedAt = lines[count - 1];
    if (stages) lap(stages, "rows → ratings (match, values)", t);
  }

  /** Keeps rows for the indicators-down layout (one row per tree node: a few thousand at most). */
  private keep(rows: Cell[][], lines: ArrayLike<number>, from: number, to: number): void {
    const f = this.fallback as NonNullable<TableImporter["fallback"]>;
    if (f.abandoned) return;
    if (f.rows.length + (to - from) > MAX_FALLBACK_ROWS) {
      f.abandoned = true;
      f.rows = [];
      f.lines = [];
      return;
    }
    for (let r = from; r < to; r++) {
      f.rows.push(rows[r]);
      f.lines.push(lines[r]);
    }
  }

  private header(row: Cell[], line: number): void {
    const header = row.map(cellText);
    const mapping = mapHeaders(header, this.index, this.options.columns);
    this.mapping = mapping;
    this.headerLine = line;
    this.headerWidth = header.length;
    if (!mapping.shape) this.fallback = { rows: [], lines: [], abandoned: false };
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
    this.leafCommentCols = new Map(mapping.columns.filter((c) => c.role === "leafComment").map((c) => [c.code as string, c.index]));
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
      if (row.length > this.headerWidth && this.extraFields(row, line, false)) continue;
      const vendorText = cellText(row[vi]);
      if (vendorText !== "") this.named.id(vendorText);
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
      if (row.length > this.headerWidth && this.extraFields(row, line, true)) continue;
      const vendorText = cellText(row[vendorCol.index]);
      if (vendorText !== "") this.named.id(vendorText);
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
        const own = this.leafCommentCols.get(code);
        const reason = own !== undefined ? cellText(row[own]) : "";
        if (reason !== "" || comment !== "") rating.comment = reason !== "" ? reason : comment;
        cands.add(rating, v, rid, this.index.leafOrdinal(code), quick >= 0 || typeof cell !== "string" ? null : cell);
      }
    }
  }

  /**
   * A row with data beyond the header's last column (a decimal comma in a comma-separated file,
   * an unquoted comma in a name): its fields no longer line up with the header, so the whole row
   * is rejected, naming the line: one rejection for a long row; in a wide file every rating
   * cell of the row is rejected (blank ones count as blank), so the cell accounting holds. True
   * when rejected.
   */
  private extraFields(row: Cell[], line: number, wide: boolean): boolean {
    let extra = 0;
    let first = "";
    for (let c = this.headerWidth; c < row.length; c++) {
      if (isBlankCell(row[c])) continue;
      if (extra === 0) first = cellText(row[c]);
      extra++;
    }
    if (extra === 0) return false;
    this.extraRows++;
    const comma = this.source.delimiter === ",";
    const hint: LocalizedText = comma
      ? { "zh-CN": "（逗号分隔文件中的小数逗号或名称中的逗号？请用引号括起或改用分号分隔）", "en-US": " (a decimal comma, or a comma in a name, in a comma-separated file? Quote the field or use semicolons)" }
      : { "zh-CN": "", "en-US": "" };
    const message: LocalizedText = {
      "zh-CN": `第${line}行：有 ${row.length} 个字段，表头只有 ${this.headerWidth} 列（多出“${clip(first, 40)}”），字段无法对齐，整行未导入${hint["zh-CN"]}`,
      "en-US": `Line ${line}: ${row.length} fields but the header has ${this.headerWidth} columns (extra "${clip(first, 40)}"); the fields do not line up, row not imported${hint["en-US"]}`,
    };
    const value = clip(first, VALUE_KEPT);
    if (!wide) {
      this.rejected.push({ line, code: "extra-fields", value, message });
      return true;
    }
    let rejectedCells = 0;
    for (const c of this.leafCols) {
      if (isBlankCell(row[c.index])) {
        this.counts.blankCells++;
        continue;
      }
      this.counts.read++;
      rejectedCells++;
      this.rejected.push({ line, code: "extra-fields", column: c.header, value: rejectedCells === 1 ? value : clip(cellText(row[c.index]), VALUE_KEPT), message });
    }
    if (rejectedCells === 0) this.warnings.push({ code: "extra-fields", line, message });
    return true;
  }

  finish(): ImportResult {
    const { source, warnings, mapping } = this;
    if (mapping === null) return failed(source, "empty-file", FATAL_TEXT["empty-file"], warnings);
    if (this.stoppedAt > 0) {
      const n = MAX_RATINGS.toLocaleString("en-US");
      return failed(source, "too-large", {
        "zh-CN": `文件过大：读到第${this.stoppedAt}行时已超过 ${n} 条评分，已停止读取。请拆分文件（例如按供应商）后分别评分`,
        "en-US": `Too large: more than ${n} ratings by line ${this.stoppedAt}; reading stopped. Split the file (by vendor, say) and score the parts`,
      }, warnings);
    }
    if (!mapping.shape && this.fallback && !this.fallback.abandoned) {
      const f = this.fallback;
      const header = findIndicatorHeader(f.rows, this.options.tree);
      if (header) {
        const read = readIndicatorRows(f.rows, { tree: this.options.tree, header, lines: f.lines, source, decimalComma: this.decimalComma });
        read.imported.warnings.unshift(...warnings);
        read.imported.counts.blankRows += this.blankRows;
        return read.imported;
      }
    }
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
    if (this.extraRows > 1) warnings.push({ code: "extra-fields", count: this.extraRows, message: { "zh-CN": `${this.extraRows} 行的字段多于表头，均未导入`, "en-US": `${this.extraRows.toLocaleString("en-US")} rows have more fields than the header and were not imported` } });
    if (stages) t = lap(stages, "duplicates", t);
    rejected.sort((a, b) => a.line - b.line);
    warnings.push(...plausibilityWarnings(accepted, this.named.names));
    counts.accepted = accepted.length;
    counts.rejected = rejected.length;
    if (stages) lap(stages, "report (sort, warnings, counts)", t);
    return { ok: true, source, shape: mapping.shape, columns: mapping.columns, unmapped: mapping.unmapped, accepted, rejected, counts, warnings, vendors: this.named.names };
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
function plausibilityWarnings(accepted: ImportedRating[], vendors: readonly string[]): ImportWarning[] {
  const out: ImportWarning[] = [];
  let numeric = 0;
  let max = -Infinity;
  for (const a of accepted) {
    if (typeof a.value === "number") {
      numeric++;
      if (a.value > max) max = a.value;
    }
  }
  out.push(...similarVendorWarnings(vendors));
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
