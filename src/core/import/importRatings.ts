import type { Rating, RatingValue } from "../engine/types";
import type { IndicatorTree, LocalizedText } from "../model/types";
import { decodeBytes, type DetectedEncoding, type EncodingChoice } from "./decode";
import { parseDelimited, type Delimiter, type DelimiterChoice } from "./delimited";
import { mapHeaders, type ColumnInfo, type ColumnMapping, type Shape, type UnmappedColumn } from "./headers";
import { IndicatorIndex } from "./match";
import { normKey } from "./normalize";
import { rejection, type Rejection } from "./reasons";
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

function cellText(c: Cell | undefined): string {
  if (c === undefined) return "";
  return typeof c === "string" ? c.trim() : String(c);
}

function rowIsBlank(row: Cell[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlankCell(row[i])) return false;
  return true;
}

function sameValue(a: RatingValue, b: RatingValue): boolean {
  return a === b;
}

/**
 * Ratings that passed the value checks, before duplicate and conflict checks, as parallel
 * arrays: the rating, a numeric key for (vendor, leaf, rater) and the score text as found.
 */
class Candidates {
  readonly ratings: ImportedRating[] = [];
  readonly keys: number[] = [];
  readonly raws: string[] = [];
  private readonly vendorIds = new Map<string, number>();
  private readonly raterIds = new Map<string, number>([["", 0]]);
  private readonly leafIds = new Map<string, number>();
  private lastVendor = "";
  private lastVendorId = -1;
  private lastRater = "";
  private lastRaterId = 0;

  readonly leafCount: number;

  constructor(leafCodes: string[]) {
    leafCodes.forEach((c, i) => this.leafIds.set(c, i));
    this.leafCount = Math.max(1, leafCodes.length);
  }

  get vendorCount(): number {
    return this.vendorIds.size;
  }

  get raterCount(): number {
    return this.raterIds.size;
  }

  /** key = (vendorId × 2^21 + raterId) × leafCount + leafId: exact below 2^53 for any realistic file. */
  add(rating: ImportedRating, rater: string, raw: string): void {
    let v = this.lastVendorId;
    if (rating.vendor !== this.lastVendor || v < 0) {
      const known = this.vendorIds.get(rating.vendor);
      v = known ?? this.vendorIds.size;
      if (known === undefined) this.vendorIds.set(rating.vendor, v);
      this.lastVendor = rating.vendor;
      this.lastVendorId = v;
    }
    let r = this.lastRaterId;
    if (rater !== this.lastRater) {
      const known = this.raterIds.get(rater);
      r = known ?? this.raterIds.size;
      if (known === undefined) this.raterIds.set(rater, r);
      this.lastRater = rater;
      this.lastRaterId = r;
    }
    const l = this.leafIds.get(rating.code) ?? 0;
    this.keys.push((v * 2097152 + r) * this.leafCount + l);
    this.ratings.push(rating);
    this.raws.push(raw);
  }
}

/**
 * The shared core: a table of cells (rows[0] after blank rows = header) → accepted and rejected.
 * Pure and synchronous; never throws on user input.
 */
export function importTable(rows: Cell[][], lines: number[], options: ImportOptions, source: ImportSource, warnings: ImportWarning[] = []): ImportResult {
  let h = 0;
  let blankRows = 0;
  while (h < rows.length && rowIsBlank(rows[h])) {
    h++;
    blankRows++;
  }
  if (h >= rows.length) return failed(source, "empty-file", FATAL_TEXT["empty-file"], warnings);
  const header = rows[h].map(cellText);
  const index = options.index ?? new IndicatorIndex(options.tree);
  const mapping = mapHeaders(header, index, options.columns);
  // Empty header cells matter only when some row has data under them.
  const hasData = (col: number): boolean => {
    for (let r = h + 1; r < rows.length; r++) if (!isBlankCell(rows[r][col])) return true;
    return false;
  };
  for (let i = 0; i < header.length; i++) {
    if (header[i] === "" && !mapping.columns.some((c) => c.index === i) && !mapping.unmapped.some((u) => u.index === i) && hasData(i)) {
      mapping.unmapped.push({
        index: i,
        header: "",
        reason: "unknown",
        message: { "zh-CN": `第${i + 1}列没有表头但有数据，请指定其含义`, "en-US": `Column ${i + 1} has data but no header; please map it` },
      });
    }
  }
  mapping.unmapped.sort((a, b) => a.index - b.index);
  for (const u of mapping.unmapped) warnings.push({ code: `unmapped-column`, line: lines[h], message: u.message });

  const base = { source, columns: mapping.columns, unmapped: mapping.unmapped, warnings };
  if (!mapping.shape) {
    const p = mapping.problem ?? { code: "no-vendor-column" as const, message: { "zh-CN": "无法识别表格结构", "en-US": "Unrecognised layout" } };
    return { ...failed(source, p.code, p.message, warnings), ...base };
  }
  if (h + 1 >= rows.length) return { ...failed(source, "no-data", FATAL_TEXT["no-data"], warnings), ...base, shape: mapping.shape };

  const col = (role: string): ColumnInfo | undefined => mapping.columns.find((c) => c.role === role);
  const vendorCol = col("vendor") as ColumnInfo;
  const raterCol = col("rater");
  const commentCol = col("comment");
  const decimalComma = source.format === "xlsx" || (source.delimiter !== undefined && source.delimiter !== ",");
  const rejected: Rejection[] = [];
  const cands = new Candidates(index.leafCodes);
  const counts = emptyCounts(mapping.shape === "long" ? "row" : "cell");
  counts.blankRows = blankRows;

  const scoreCheck = (cell: Cell | undefined, line: number, column: string, vendor: string, isWide: boolean): RatingValue | null | undefined => {
    const p = parseScore(cell, decimalComma);
    switch (p.kind) {
      case "ok":
        return p.value;
      case "na":
        return "NA";
      case "empty":
        if (isWide) return undefined;
        rejected.push(rejection(line, "empty-score", { column, vendor }));
        return null;
      case "nan":
        rejected.push(rejection(line, "not-a-number", { column, vendor, value: cellText(cell) }));
        return null;
      case "range":
        rejected.push(rejection(line, "out-of-range", { column, vendor, value: cellText(cell) }));
        return null;
    }
  };

  if (mapping.shape === "long") {
    const indicatorCol = col("indicator") as ColumnInfo;
    const scoreCol = col("score") as ColumnInfo;
    const vi = vendorCol.index;
    const ii = indicatorCol.index;
    const si = scoreCol.index;
    const ri = raterCol ? raterCol.index : -1;
    const ci = commentCol ? commentCol.index : -1;
    for (let r = h + 1; r < rows.length; r++) {
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
      const vendor = cellText(row[vi]);
      if (vendor === "") {
        rejected.push(rejection(line, "empty-vendor", { column: vendorCol.header }));
        continue;
      }
      const ind = row[ii];
      const indText = typeof ind === "string" ? ind : cellText(ind);
      let code = index.exactLeaf(indText);
      if (code === undefined) {
        const t = indText.trim();
        if (t === "") {
          rejected.push(rejection(line, "empty-indicator", { column: indicatorCol.header, vendor }));
          continue;
        }
        const m = index.match(t);
        if (m.kind !== "leaf") {
          if (m.kind === "ambiguous") rejected.push(rejection(line, "ambiguous-indicator", { column: indicatorCol.header, vendor, value: t, candidates: m.candidates }));
          else rejected.push(rejection(line, m.kind === "group" ? "group-indicator" : "unknown-indicator", { column: indicatorCol.header, vendor, value: t }));
          continue;
        }
        code = m.code;
      }
      const rawScore = row[si];
      const quick = typeof rawScore === "string" ? fastScore(rawScore) : -1;
      const value = quick >= 0 ? quick : scoreCheck(rawScore, line, scoreCol.header, vendor, false);
      if (value === null || value === undefined) continue;
      const rater = ri >= 0 ? cellText(row[ri]) : "";
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
      cands.add(rating, rater, typeof rawScore === "string" ? rawScore : cellText(rawScore));
    }
    counts.read = counts.dataRows;
  } else {
    const leafCols = mapping.columns.filter((c) => c.role === "leaf");
    for (let r = h + 1; r < rows.length; r++) {
      const row = rows[r];
      const line = lines[r];
      if (rowIsBlank(row)) {
        counts.blankRows++;
        continue;
      }
      counts.dataRows++;
      const vendor = cellText(row[vendorCol.index]);
      const rater = raterCol ? cellText(row[raterCol.index]) : "";
      const comment = commentCol ? cellText(row[commentCol.index]) : "";
      for (const c of leafCols) {
        const cell = row[c.index];
        if (isBlankCell(cell)) {
          counts.blankCells++;
          continue;
        }
        counts.read++;
        if (vendor === "") {
          rejected.push(rejection(line, "empty-vendor", { column: c.header, value: cellText(cell) }));
          continue;
        }
        const value = scoreCheck(cell, line, c.header, vendor, true);
        if (value === null || value === undefined) continue;
        const code = c.code as string;
        const rating: ImportedRating = { vendor, code, value, line, column: c.header };
        if (rater !== "") rating.rater = rater;
        if (comment !== "") rating.comment = comment;
        cands.add(rating, rater, cellText(cell));
      }
    }
  }

  const accepted = resolveDuplicates(cands, rejected, mapping.shape === "wide");
  rejected.sort((a, b) => a.line - b.line);
  warnings.push(...plausibilityWarnings(accepted));
  counts.accepted = accepted.length;
  counts.rejected = rejected.length;
  return { ok: true, source, shape: mapping.shape, columns: mapping.columns, unmapped: mapping.unmapped, accepted, rejected, counts, warnings };
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
  const { ratings, keys, raws } = cands;
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
          value: raws[i].trim(),
          relatedLines: others.map((j) => ratings[j].line),
          otherValues: others.map((j) => raws[j].trim()),
        }),
      );
    } else rejected.push(rejection(r.line, "exact-duplicate", { ...detail, value: raws[i].trim(), relatedLines: [ratings[f].line] }));
  }
  return accepted;
}

/** Delimited text already decoded (a .csv read as text, or text pasted from Excel with delimiter "\t"). */
export function importText(text: string, options: ImportOptions, source: Partial<ImportSource> = {}): ImportResult {
  const src: ImportSource = { format: "delimited", ...(options.sourceName ? { name: options.sourceName } : {}), ...source };
  if (!/\S/.test(text)) return failed(src, "empty-file", FATAL_TEXT["empty-file"]);
  const table = parseDelimited(text, options.delimiter ?? "auto");
  src.delimiter = table.delimiter;
  const warnings: ImportWarning[] = table.problems.map((p) => ({ code: p.code, line: p.line, message: p.message }));
  return importTable(table.rows, table.lines, options, src, warnings);
}

/** Text copied from Excel: tab-separated, quoted cells for multi-line text. */
export function importPasted(text: string, options: ImportOptions): ImportResult {
  return importText(text, { ...options, delimiter: options.delimiter ?? "\t" }, { format: "paste" });
}

/** Delimited bytes: encoding detected (BOM, strict UTF-8, else GB18030) unless forced. */
export function importDelimited(bytes: Uint8Array, options: ImportOptions): ImportResult {
  const decoded = decodeBytes(bytes, options.encoding ?? "auto");
  const res = importText(decoded.text, options, { encoding: decoded.encoding });
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
