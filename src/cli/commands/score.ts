/** `scorecard score <file>`: import ratings headlessly, score them against a tree, print a ranked table or JSON. */
import { readFile, stat } from "fs/promises";
import { basename } from "path";
import { parseArgs } from "util";
import type { Aggregation, MissingPolicy } from "../../core/engine";
import { scoreVendors, type VendorRow } from "../batchScore";
import {
  ENCODING_CHOICES,
  type ColumnMapping,
  type ColumnRole,
  type DelimiterChoice,
  type EncodingChoice,
  type ImportedRating,
  type ImportResult,
} from "../../core/import";
import { leaves, type Finding, type IndicatorTree, type Locale } from "../../core/model";
import { importRatingsFile, type FileImport } from "../../plan/workbookImport";
import type { CliIO } from "../io";
import { EXIT, EXIT_HELP } from "../exitCodes";
import { loadTree } from "../tree";
import { escapeControls, plural, shown } from "../text";
import { awardOrder, decideAward, DEFAULT_PRICE, gatesOf, PRICE_METHODS, type AwardResult, type AwardVendor, type PriceMethod, type PriceSettings } from "../../core/award";
import { allNodes } from "../../core/model";
import { readBids } from "../bids";
import { runSensitivity, sensitivityOptions, sensitivityText, SENSITIVITY_USAGE, type SensitivityJson } from "../sensitivity";

export const SCORE_USAGE = `Usage: scorecard score <file> [options]

Scores vendor ratings from a CSV/TSV/semicolon file or an .xlsx workbook.
Long layout: vendor, indicator, score[, rater, comment] columns. Wide layout: a
vendor column and one column per indicator (code, path or unique name). A filled
scorecard workbook (from "scorecard template" or the add-in) is read as it is: its
Ratings sheet, or for a panel every rater's sheet with the Moderation consensus,
scored with its own indicators, weights, missing-rating policy and aggregate. A CSV
saved from a Ratings sheet (indicators down, vendors across) reads too.

Options:
  --tree <tree.json>          Indicator tree (default: the 36Kr 2022 standard)
  --missing exclude|zero      Missing ratings: reweight among rated (default) or count as 0
  --aggregate mean|median|trimmed
                              Combine several raters' ratings (default: mean)
  --encoding auto|utf8|gb18030|utf16le|utf16be
                              Text encoding (default: auto-detect)
  --sheet <name>              .xlsx sheet to read (default: the first)
  --delimiter auto|comma|tab|semicolon|pipe
                              Field delimiter of a text file (default: auto-detect)
  --column "<header>=<role>"  Map a column the import did not recognise (repeatable);
                              role: vendor, indicator, score, rater, comment, ignore, or a
                              leaf code such as 2.1.4. "#3=vendor" maps the third column.
  --locale en-US|zh-CN        Language of the table's headers (default en-US)

Award decision (vendors below a minimum are not eligible and get no rank):
  --min <code>=<n>            Minimum score 0–100 of an indicator, sub-dimension or
                              dimension (repeatable), e.g. --min 4=60 --min 4.1.1=50;
                              a blank or N/A rating never passes a minimum on that indicator
  --min-quality <n>           Minimum of the total (quality) score
  --bids <file>               CSV/TSV/.xlsx with a vendor column and a bid column
                              (vendor/供应商, bid/报价); "¥1,234,567.00" and "1 234 567" read;
                              a vendor without a bid is not eligible for award
  --price-weight <n>          Price share of the overall score in % (default 30 with --bids);
                              overall = quality × (1 − p) + price score × p
  --price-method lowest|linear
                              lowest: lowest bid ÷ bid × 100 (default); linear: 100 ×
                              (highest − bid) ÷ (highest − lowest). Only eligible vendors'
                              bids above 0 set the lowest and highest
  --low-bid-threshold <n>     Flag a bid more than n% below the mean of the other bids
                              (default 20): "explanation required", never excluded

${SENSITIVITY_USAGE}
  --json                      Print JSON: {vendors, rejected, warnings, counts, award}; per
                              vendor also quality (= total), eligible, gates [{code, value,
                              minimum, reason}] (code "" = the total), bid, priceScore,
                              overall (= quality without bids), grade, lowBid, and rank
                              among eligible vendors (null when not eligible); reasons
                              [{code, rater, value, reason}] for the ratings that have one
                              (a comment column, or a scorecard's Reason columns); with
                              --sensitivity a sensitivity block (flips, firstShare, …)
  --strict                    Exit 1 when any row is rejected
  -h, --help                  Show this help

${EXIT_HELP}`;

interface JsonOut {
  vendors: {
    vendor: string;
    total: number | null;
    rank: number | null;
    complete: boolean;
    completeness: number;
    dimensions: Record<string, number | null>;
    quality: number | null;
    eligible: boolean;
    status: AwardVendor["status"];
    gates: { code: string; value: number | null; minimum: number; reason: string }[];
    bid: number | null;
    priceScore: number | null;
    overall: number | null;
    grade: string | null;
    lowBid: boolean;
    /** The ratings that carry a reason (issue #14); absent when none does. */
    reasons?: { code: string; rater?: string; value: number | "NA"; reason: string }[];
  }[];
  award: { minimums: { code: string; minimum: number }[]; price: (PriceSettings & { lowest: number | null; highest: number | null; guidance: string | null }) | null };
  rejected: { line: number; reason: string; code: string; column?: string; value?: string }[];
  warnings: { code: string; message: string; line?: number }[];
  counts: ImportResult["counts"];
  sensitivity?: SensitivityJson;
}

function fail(io: CliIO, message: string, code: number = EXIT.usage): number {
  io.stderr(`scorecard score: ${escapeControls(message.replace(/[ \t\r\n]+/g, " ").trim())}\n`);
  return code;
}

/** Files above this size are refused before reading (the importer stops at 5M ratings anyway). */
const MAX_FILE_BYTES = 1024 * 1024 * 1024;
/** Lines of one kind listed before the rest are counted. */
const LISTED = 10;

/** Display width: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return w;
}

function padTo(s: string, n: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, n - width(s)));
  return right ? fill + s : s + fill;
}

function table(header: string[], rows: string[][], rightAlign: boolean[]): string {
  const widths = header.map((h) => width(h));
  for (const r of rows) for (let i = 0; i < r.length; i++) widths[i] = Math.max(widths[i], width(r[i]));
  const fmt = (r: string[]): string => r.map((c, i) => padTo(c, widths[i], rightAlign[i])).join("  ").trimEnd();
  return [fmt(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(fmt)].join("\n") + "\n";
}

function fmtScore(x: number | null): string {
  return x === null ? "—" : x.toFixed(2);
}

const AWARD_HEADERS: Record<Locale, Record<"eligible" | "grade" | "bid" | "price" | "overall" | "yes" | "failed" | "unrated" | "no-bid" | "notEligible" | "lowBid" | "explain" | "guidance", string>> = {
  "en-US": { eligible: "Eligible", grade: "Grade", bid: "Bid", price: "Price", overall: "Overall", yes: "yes", failed: "no", unrated: "not yet (unrated)", "no-bid": "no bid", notEligible: "not eligible:", lowBid: "abnormally low bid:", explain: "explanation required", guidance: "guidance" },
  "zh-CN": { eligible: "具备资格", grade: "等级", bid: "报价", price: "价格得分", overall: "综合得分", yes: "是", failed: "否", unrated: "待评分", "no-bid": "未报价", notEligible: "不具备资格：", lowBid: "异常低价：", explain: "需书面说明", guidance: "提示" },
};

const HEADERS: Record<Locale, { rank: string; vendor: string; total: string; complete: string; yes: string }> = {
  "en-US": { rank: "Rank", vendor: "Vendor", total: "Total", complete: "Complete", yes: "yes" },
  "zh-CN": { rank: "排名", vendor: "供应商", total: "总分", complete: "完成度", yes: "是" },
};

const GUIDANCE = {
  "below-goods": "Under MoF Order No. 87 price carries at least 30% for goods (10% for services)",
  "below-services": "Under MoF Order No. 87 price carries at least 10% for services and 30% for goods",
} as const;

function buildJson(tree: IndicatorTree, result: { vendors: VendorRow[]; unknownCodes: string[] }, imported: ImportResult, findings: Finding[], award: AwardResult, price: PriceSettings | null, locale: Locale, rated: readonly ImportedRating[]): JsonOut {
  const rowOf = new Map(result.vendors.map((v) => [v.vendor, v]));
  const reasonsOf = new Map<string, NonNullable<JsonOut["vendors"][number]["reasons"]>>();
  for (const r of rated) {
    const reason = r.comment?.trim() ?? "";
    if (reason === "") continue;
    let list = reasonsOf.get(r.vendor);
    if (!list) reasonsOf.set(r.vendor, (list = []));
    list.push({ code: r.code, ...(r.rater ? { rater: r.rater } : {}), value: r.value, reason });
  }
  const ordered = awardOrder(award.vendors);
  const ranked = ordered.map((a) => rowOf.get(a.vendor) as VendorRow);
  const vendors = ordered.map((a, i) => {
    const v = ranked[i];
    return {
      vendor: v.vendor,
      total: v.total,
      rank: a.rank,
      complete: v.complete,
      completeness: v.completeness,
      dimensions: v.dimensions,
      quality: a.quality,
      eligible: a.eligible,
      status: a.status,
      gates: a.gates.map((g) => ({ code: g.code, value: g.value, minimum: g.minimum, reason: g.reason[locale] })),
      bid: a.bid,
      priceScore: a.priceScore,
      overall: a.overall,
      grade: a.grade ? a.grade.label[locale] : null,
      lowBid: a.lowBid,
      ...(reasonsOf.has(v.vendor) ? { reasons: reasonsOf.get(v.vendor) } : {}),
    };
  });
  const warnings: JsonOut["warnings"] = findings.map((f) => ({ code: f.code, message: f.message["en-US"] }));
  const leafCount = leaves(tree).length;
  for (const v of ranked) {
    const missing = v.missing;
    if (missing > 0) warnings.push({ code: "vendor-incomplete", message: `${v.vendor}: ${missing} of ${leafCount} indicators not rated` });
  }
  for (const w of imported.warnings) warnings.push({ code: w.code, message: w.message["en-US"], ...(w.line !== undefined ? { line: w.line } : {}) });
  for (const code of result.unknownCodes) warnings.push({ code: "unknown-code", message: `Ratings for unknown indicator ${code}` });
  const rejected = imported.rejected.map((r) => ({
    line: r.line,
    reason: r.message["en-US"],
    code: r.code,
    ...(r.column !== undefined ? { column: r.column } : {}),
    ...(r.value !== undefined ? { value: r.value } : {}),
  }));
  if (award.priceGuidance !== "none") warnings.push({ code: "price-weight-low", message: `Price weight ${price?.weight}%: ${GUIDANCE[award.priceGuidance]} (guidance, not a block)` });
  const award_ = {
    minimums: gatesOf(tree).map((g) => ({ code: g.code, minimum: g.minimum })),
    price: price ? { ...price, lowest: award.lowest, highest: award.highest, guidance: award.priceGuidance === "none" ? null : GUIDANCE[award.priceGuidance] } : null,
  };
  return { vendors, rejected, warnings, counts: imported.counts, award: award_ };
}


function incompleteMessage(missing: number, leafCount: number): string {
  return `${leafCount - missing}/${leafCount}`;
}

/** Lines grouped by kind: the first ten of each kind, then how many more. */
function summarised(lines: { kind: string; text: string }[], label: string): string[] {
  const byKind = new Map<string, string[]>();
  for (const l of lines) {
    const list = byKind.get(l.kind);
    if (list) list.push(l.text);
    else byKind.set(l.kind, [l.text]);
  }
  const out: string[] = [];
  for (const [kind, list] of byKind) {
    const distinct = list.filter((t, i) => i === 0 || t !== list[i - 1]);
    for (const t of distinct.slice(0, LISTED)) out.push(`  ${label}: ${shown(t, 300)}\n`);
    if (distinct.length > LISTED) out.push(`  ${label}: … ${(distinct.length - LISTED).toLocaleString("en-US")} more ${kind} (see --json)\n`);
  }
  return out;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ allowPositionals: true; strict: true; options: typeof OPTIONS }>>;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (err) {
    return fail(io, `${err instanceof Error ? err.message : String(err)} (see --help)`);
  }
  const o = parsed.values;
  if (o.help) {
    io.stdout(SCORE_USAGE);
    return EXIT.ok;
  }
  if (parsed.positionals.length !== 1) return fail(io, parsed.positionals.length === 0 ? "missing <file> (see --help)" : `expected one file, got ${parsed.positionals.length}`);
  if (o.missing !== undefined && o.missing !== "exclude" && o.missing !== "zero") return fail(io, `--missing must be exclude or zero, got "${shown(o.missing)}"`);
  if (o.aggregate !== undefined && o.aggregate !== "mean" && o.aggregate !== "median" && o.aggregate !== "trimmed") return fail(io, `--aggregate must be mean, median or trimmed, got "${shown(o.aggregate)}"`);
  const encoding = (o.encoding ?? "auto") as EncodingChoice;
  if (!ENCODING_CHOICES.includes(encoding)) return fail(io, `--encoding must be one of ${ENCODING_CHOICES.join(", ")}, got "${shown(o.encoding ?? "")}"`);
  const locale = (o.locale ?? "en-US") as Locale;
  if (locale !== "en-US" && locale !== "zh-CN") return fail(io, `--locale must be en-US or zh-CN, got "${shown(o.locale ?? "")}"`);

  const sensOpts = sensitivityOptions(o);
  if (typeof sensOpts === "string") return fail(io, sensOpts);
  if (!o.sensitivity && (o.samples !== undefined || o.spread !== undefined || o.seed !== undefined || o.sampling !== undefined)) return fail(io, "--samples, --spread, --sampling and --seed need --sensitivity");
  const priceMethod = (o["price-method"] ?? DEFAULT_PRICE.method) as PriceMethod;
  if (!PRICE_METHODS.includes(priceMethod)) return fail(io, `--price-method must be lowest or linear, got "${shown(o["price-method"] ?? "")}"`);
  const percent = (name: string, text: string | undefined, fallback: number): number | string => {
    if (text === undefined) return fallback;
    const x = Number(text.trim());
    return text.trim() !== "" && Number.isFinite(x) && x >= 0 && x <= 100 ? x : `${name} must be a number from 0 to 100, got "${shown(text)}"`;
  };
  const priceWeight = percent("--price-weight", o["price-weight"], DEFAULT_PRICE.weight);
  if (typeof priceWeight === "string") return fail(io, priceWeight);
  const lowBidThreshold = percent("--low-bid-threshold", o["low-bid-threshold"], DEFAULT_PRICE.lowBidThreshold);
  if (typeof lowBidThreshold === "string") return fail(io, lowBidThreshold);
  if (o.bids === undefined && (o["price-weight"] !== undefined || o["price-method"] !== undefined || o["low-bid-threshold"] !== undefined)) {
    return fail(io, "--price-weight, --price-method and --low-bid-threshold need --bids <file>");
  }
  const minQuality = percent("--min-quality", o["min-quality"], NaN);
  if (typeof minQuality === "string") return fail(io, minQuality);
  const minimums: { code: string; minimum: number; spec: string }[] = [];
  for (const spec of o.min ?? []) {
    const at = spec.lastIndexOf("=");
    const code = at > 0 ? spec.slice(0, at).trim() : "";
    const m = percent(`--min ${spec}:`, at > 0 ? spec.slice(at + 1) : undefined, NaN);
    if (code === "" || typeof m === "string" || Number.isNaN(m)) return fail(io, `--min expects "<code>=<n>" with n from 0 to 100, got "${shown(spec)}"`);
    minimums.push({ code, minimum: m, spec });
  }

  const delimiter = DELIMITER_NAMES[o.delimiter ?? "auto"];
  if (delimiter === undefined) return fail(io, `--delimiter must be one of ${Object.keys(DELIMITER_NAMES).join(", ")}, got "${shown(o.delimiter ?? "")}"`);

  const file = parsed.positionals[0];
  const loaded = await loadTree(o.tree);
  if (typeof loaded === "string") return fail(io, loaded);
  const { findings } = loaded;

  const columns: ColumnMapping = {};
  const leafCodes = new Set(leaves(loaded.tree).map((l) => l.node.code));
  for (const spec of o.column ?? []) {
    const at = spec.lastIndexOf("=");
    const header = at > 0 ? spec.slice(0, at).trim() : "";
    const role = at > 0 ? spec.slice(at + 1).trim() : "";
    if (header === "" || role === "") return fail(io, `--column expects "<header>=<role>", got "${shown(spec)}"`);
    if ((FIELD_ROLES as readonly string[]).includes(role)) columns[header] = role as ColumnRole;
    else if (leafCodes.has(role)) columns[header] = { leaf: role };
    else return fail(io, `--column "${shown(spec)}": "${shown(role)}" is neither a role (${FIELD_ROLES.join(", ")}) nor an indicator code of the tree (e.g. ${[...leafCodes].slice(0, 2).join(", ")})`);
  }

  let bytes: Uint8Array;
  try {
    const size = (await stat(file)).size;
    if (size > MAX_FILE_BYTES) return fail(io, `${file}: ${(size / 1048576).toFixed(0)} MB is more than the 1,024 MB this command reads; split the file`);
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail(io, code === "ENOENT" ? `no such file: ${file}` : code === "EISDIR" ? `${file} is a directory` : `cannot read ${file} (${code ?? "error"})`);
  }
  const read: FileImport = await importRatingsFile(bytes, { tree: loaded.tree, useFileTree: o.tree === undefined, encoding, delimiter, columns, ...(o.sheet !== undefined ? { sheet: o.sheet } : {}), sourceName: basename(file) });
  const imported = read.result;
  if (!imported.ok) return fail(io, `${file}: ${imported.fatal?.message["en-US"] ?? "cannot be read"}`);
  const workbook = read.workbook;
  const tree = structuredClone(workbook?.tree ?? loaded.tree);
  const nodes = new Map(allNodes(tree).map((n) => [n.node.code, n.node]));
  for (const m of minimums) {
    const node = nodes.get(m.code);
    if (!node) return fail(io, `--min ${shown(m.spec)}: "${shown(m.code)}" is not an indicator code of the tree (e.g. ${[...nodes.keys()].slice(0, 3).join(", ")})`);
    node.minimum = m.minimum;
  }
  if (!Number.isNaN(minQuality)) tree.minimum = minQuality;
  const missing: MissingPolicy = (o.missing as MissingPolicy | undefined) ?? workbook?.missing ?? "exclude";
  const aggregate: Aggregation = (o.aggregate as Aggregation | undefined) ?? workbook?.panel?.aggregate ?? "mean";
  // A panel's consolidated ratings are one per cell already; its raters' own go through the
  // engine again only when --aggregate asks for another aggregate than the workbook's.
  const ratings = workbook?.panel && o.aggregate !== undefined && o.aggregate !== workbook.panel.aggregate ? workbook.panel.ratings : imported.accepted;
  const result = scoreVendors(tree, ratings, { missing, aggregate, gates: gatesOf(tree), ...(imported.vendors ? { vendors: imported.vendors } : {}) });
  let bids: Record<string, number | null> = {};
  if (o.bids !== undefined) {
    let bidBytes: Uint8Array;
    try {
      bidBytes = await readFile(o.bids);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return fail(io, code === "ENOENT" ? `no such file: --bids ${o.bids}` : `cannot read --bids ${o.bids} (${code ?? "error"})`);
    }
    const read = await readBids(bidBytes, basename(o.bids), new Set(result.vendors.map((v) => v.vendor)));
    if (!read.ok) return fail(io, read.message);
    bids = read.bids;
  }
  const price: PriceSettings | null = o.bids !== undefined ? { weight: priceWeight, method: priceMethod, lowBidThreshold } : null;
  const award = decideAward(result.vendors.map((v) => ({ vendor: v.vendor, quality: v.total, gates: v.gates })), { bids, settings: price ? { price } : {} });
  // A panel's reasons are its raters' (the consolidated ratings have none of their own).
  const withReasons = (workbook?.panel ? workbook.panel.ratings : imported.accepted) as ImportedRating[];
  const out = buildJson(tree, result, imported, workbook ? [] : findings, award, price, locale, withReasons);
  if (o.sensitivity && !nothingAccepted(imported)) {
    const raterRatings = workbook?.panel ? workbook.panel.ratings : imported.accepted;
    const award_ = price || gatesOf(tree).length > 0 ? award : null;
    out.sensitivity = runSensitivity(tree, ratings, raterRatings, { missing, aggregate, vendors: result.vendors.map((v) => v.vendor) }, award_, price ? price.weight / 100 : null, sensOpts);
  }
  const rowOf = new Map(result.vendors.map((v) => [v.vendor, v]));
  const ranked = out.vendors.map((v) => rowOf.get(v.vendor) as VendorRow);
  const nothing = imported.accepted.length === 0;
  if (o.json) {
    io.stdout(JSON.stringify(out, null, 2) + "\n");
  } else {
    const leafCount = leaves(tree).length;
    const H = HEADERS[locale];
    const A = AWARD_HEADERS[locale];
    const header = [H.rank, H.vendor, H.total, H.complete, ...tree.roots.map((r) => escapeControls(`${r.code} ${r.name[locale]}`)), A.eligible, A.grade, ...(price ? [A.bid, A.price, A.overall] : [])];
    const rows = out.vendors.map((v, i) => {
      const missingCount = ranked[i].missing;
      return [
        v.rank === null ? "—" : String(v.rank),
        shown(v.vendor, 60),
        fmtScore(v.total),
        v.complete ? H.yes : incompleteMessage(missingCount, leafCount),
        ...tree.roots.map((r) => fmtScore(v.dimensions[r.code])),
        v.eligible ? A.yes : A[v.status === "eligible" ? "yes" : v.status],
        v.grade === null ? "—" : v.grade,
        ...(price ? [v.bid === null ? "—" : v.bid.toLocaleString("en-US", { maximumFractionDigits: 2 }), fmtScore(v.priceScore), fmtScore(v.overall)] : []),
      ];
    });
    const left = new Set([1, 3, 4 + tree.roots.length, 5 + tree.roots.length]);
    io.stdout(table(header, rows, header.map((_, i) => !left.has(i))));
    for (const v of out.vendors) {
      if (!v.eligible) io.stdout(`  ${A.notEligible} ${shown(v.vendor, 60)}: ${escapeControls([...v.gates.map((g) => g.reason), ...(v.status === "no-bid" || (price && !(v.bid !== null && v.bid > 0)) ? [A["no-bid"]] : [])].join("; ") || A.unrated)}\n`);
      if (v.lowBid) io.stdout(`  ${A.lowBid} ${shown(v.vendor, 60)}: ${v.bid?.toLocaleString("en-US")} — ${A.explain}\n`);
    }
    if (price && award.priceGuidance !== "none") io.stdout(`  ${A.guidance}: ${GUIDANCE[award.priceGuidance]} (${price.weight}%)\n`);
    if (out.sensitivity) io.stdout(sensitivityText(out.sensitivity, locale, table));
    const c = imported.counts;
    if (workbook) {
      const p = workbook.panel;
      io.stdout(`\nScorecard workbook: ${plural(workbook.model.vendors.length, "vendor")}, missing ratings: ${missing}${p ? `; panel of ${p.raters.length} raters (${p.raters.map((r) => shown(r, 30)).join(", ")}), ${aggregate}, ${plural(p.consensus, "Moderation consensus score")}` : ""}\n`);
    }
    io.stdout(`\n${c.read.toLocaleString("en-US")} ${c.unit === "cell" ? "cells" : "rows"} read: ${c.accepted.toLocaleString("en-US")} accepted, ${c.rejected.toLocaleString("en-US")} rejected${c.unit === "cell" ? `, ${c.blankCells.toLocaleString("en-US")} blank cells` : ""}\n`);
    const lines = [
      ...summarised(out.rejected.map((r) => ({ kind: `rejected (${r.code})`, text: r.reason })), "rejected"),
      ...summarised(out.warnings.map((w) => ({ kind: w.code === "vendor-incomplete" ? "vendors not fully rated" : `warnings (${w.code})`, text: w.message })), "warning"),
    ];
    for (const l of lines) io.stdout(l);
  }
  if (nothing) {
    io.stderr(`scorecard score: ${escapeControls(file)}: no rating accepted (${plural(imported.rejected.length, "rejection")}); nothing to score\n`);
    return EXIT.failed;
  }
  return o.strict && imported.rejected.length > 0 ? EXIT.failed : EXIT.ok;
}

const nothingAccepted = (imported: ImportResult): boolean => imported.accepted.length === 0;

const DELIMITER_NAMES: Record<string, DelimiterChoice | undefined> = { auto: "auto", comma: ",", tab: "\t", semicolon: ";", pipe: "|", ",": ",", ";": ";", "|": "|" };
const FIELD_ROLES = ["vendor", "indicator", "score", "rater", "comment", "ignore"] as const;

const OPTIONS = {
  tree: { type: "string" },
  missing: { type: "string" },
  aggregate: { type: "string" },
  encoding: { type: "string" },
  sheet: { type: "string" },
  delimiter: { type: "string" },
  column: { type: "string", multiple: true },
  json: { type: "boolean" },
  strict: { type: "boolean" },
  locale: { type: "string" },
  min: { type: "string", multiple: true },
  "min-quality": { type: "string" },
  bids: { type: "string" },
  "price-weight": { type: "string" },
  "price-method": { type: "string" },
  "low-bid-threshold": { type: "string" },
  sensitivity: { type: "boolean" },
  samples: { type: "string" },
  spread: { type: "string" },
  sampling: { type: "string" },
  seed: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;
