import { existsSync } from "fs";
import { readFile, writeFile } from "fs/promises";
import { basename } from "path";
import { EXIT, EXIT_HELP } from "../exitCodes";
import { escapeControls, readNameFile, shown } from "../text";
import { loadTree } from "../tree";
import type { Aggregation, MissingPolicy } from "../../core/engine/types";
import { allNodes, validateTree, type IndicatorTree, type Locale } from "../../core/model";
import { DEFAULT_PRICE, type PriceSettings } from "../../core/award";
import { buildPlan, checkPlanInput, raterCopyPlan, storedModel, type NotesGrid, type RatingsGrid, type WorkbookPlan } from "../../plan";
import { importRatingsFile } from "../../plan/workbookImport";
import { writeXlsx } from "../../xlsx";
import type { CliIO } from "../io";

const HELP = `Usage: scorecard template (--vendors "A,B,C" | --vendor NAME ... | --vendors-file FILE)
                          [--tree tree.json] [--locale zh-CN|en-US] [--missing exclude|zero]
                          [--raters "R1,R2" | --rater NAME ... | --raters-file FILE]
                          [--aggregate mean|median|trimmed] [--rater-copy NAME] [--maturity marketing|training|both]
                          [--pairwise top,CODE,...]
                          [--min CODE=N ...] [--min-quality N]
                          [--price] [--price-weight N] [--price-method lowest|linear] [--low-bid-threshold N]
                          [--report] [--sensitivity] [--ratings FILE] --out scorecard.xlsx [--force]

Writes a scoring workbook: Ratings, Weights, Results (live native formulas), Charts, Method.
  --vendors       comma-separated vendor names
  --vendor        one vendor name, commas and all (repeatable): --vendor "Acme, Inc." --vendor Globex
  --vendors-file  a text file with one vendor per line (UTF-8, UTF-16 or GB18030; # comments)
  --tree          indicator tree JSON (default: the 36Kr 2022 standard)
  --locale        sheet names and labels: zh-CN or en-US (default en-US)
  --missing       a blank rating is left out (exclude, default) or counts as 0 (zero)
  --raters, --rater, --raters-file
                  rater names, the same three ways: two or more give a panel workbook (one
                  Ratings sheet per rater, Consolidated, Moderation, agreement statistics)
  --aggregate     how a panel's ratings of one cell combine: mean (default), median, trimmed (TRIMMEAN 20%)
  --rater-copy    write only NAME's ratings sheet (a copy to send out and merge back), not the workbook;
                  NAME must be one of the raters
  --maturity      add the maturity self-assessment sheet(s) of the report's maturity standard:
                  marketing, training or both (mark today's and the aimed-for stage; the sheet
                  gives the current stage, the target's needs and the indicators to emphasise)
  --pairwise      add a Pairwise sheet to derive weights by comparing in pairs (AHP): one block
                  per group (per rater in a panel, then the group's geometric mean and consensus),
                  weights, λmax, CI, CR and the judgement to revisit as live formulas. Groups by
                  their parent's code, comma-separated; top = the dimensions: --pairwise top,2,3.
                  A group needs 2 to 10 members (Saaty's random index stops at 10, and 45
                  judgements are already many; split a larger group)
  --min           a minimum score (0–100) on an indicator, sub-dimension or dimension, written in
                  the Weights sheet's Minimum column (repeatable): --min 4=60 --min 4.1.1=50. A vendor
                  below any minimum is not eligible for award (Results: Eligible, Reasons)
  --min-quality   a minimum of the total (quality) score
  --price         add a Price sheet: one bid per vendor, price weight, method, low-bid threshold;
                  Results gains Bid, Price score, Overall and "abnormally low bid" columns
  --price-weight  the price share of the overall score in % (default 30; implies --price)
  --price-method  lowest (lowest bid ÷ bid × 100, default) or linear (implies --price)
  --low-bid-threshold
                  flag a bid more than N% below the mean of the others (default 20; implies --price)
  --report        add the Report sheet: ranking, a page per vendor, moderation decisions, weights
                  and a signature block, built to print (scorecard report prints it to PDF)
  --sensitivity   add the Sensitivity sheet: per weighted node the weight at which the leader loses
                  first place, the rival and the stable interval, and a chart of every vendor's
                  total as one dimension's weight goes from 0 to 100% (live formulas)
  --ratings       pre-fill ratings from a file the score command reads (CSV/TSV/.xlsx, long or wide,
                  or a filled scorecard); its comment column (comment, 备注, reason, 理由…) fills the
                  Reason columns beside the ratings. A panel (or --rater-copy) takes each rating by
                  its rater column; ratings of vendors or raters not in the workbook are left out
                  and counted on stderr
  --out           the .xlsx file to write (required; the name must end in .xlsx)
  --force         overwrite --out if it exists

${EXIT_HELP}`;

interface Options {
  vendors: string[];
  tree?: string;
  locale: Locale;
  missing: MissingPolicy;
  raters: string[];
  aggregate?: Aggregation;
  raterCopy?: string;
  /** Maturity sheets: scenario keys. */
  maturity?: string[];
  /** Pairwise sheet groups: parent codes, null = the dimensions. */
  pairwise?: (string | null)[];
  /** Award (issue #11): minimums by code, the total's, the Price sheet's settings. */
  mins: { code: string; minimum: number }[];
  minQuality?: number;
  price?: PriceSettings;
  out: string;
  force: boolean;
  report?: boolean;
  sensitivity?: boolean;
  /** A ratings file to pre-fill from (issue #14: its comments fill the Reason columns). */
  ratings?: string;
}

/** Excel's last column is XFD = 16,384. */
export const MAX_COLUMNS = 16384;

/**
 * Most vendors a workbook can hold within 16,384 columns: Calc has 2 columns per vendor after
 * 2 fixed ones (and 2 more per vendor per rater in a panel); a panel's Consolidated has 4 + m
 * columns per vendor after 3 fixed ones.
 */
export function maxVendors(raters: number): number {
  if (raters < 2) return Math.floor((MAX_COLUMNS - 2) / 2);
  return Math.min(Math.floor((MAX_COLUMNS - 2) / (2 * (raters + 1))), Math.floor((MAX_COLUMNS - 3) / (4 + raters)));
}

const VALUED = ["--vendors", "--vendor", "--vendors-file", "--tree", "--locale", "--missing", "--raters", "--rater", "--raters-file", "--aggregate", "--rater-copy", "--maturity", "--pairwise", "--out", "--min", "--min-quality", "--price-weight", "--price-method", "--low-bid-threshold", "--ratings"];
const FLAGS = ["--force", "--price", "--report", "--sensitivity"];
const REPEATABLE = new Set(["--vendor", "--vendors-file", "--rater", "--raters-file", "--min"]);
/** A percentage 0–100, or the message why not. */
const percent = (name: string, text: string): number | string => {
  const x = Number(text.trim());
  return text.trim() !== "" && Number.isFinite(x) && x >= 0 && x <= 100 ? x : `${name} must be a number from 0 to 100, not "${shown(text)}"`;
};
const list = (s: string | undefined): string[] => (s ?? "").split(",").map((v) => v.trim()).filter((v) => v !== "");

/** Names from --X "a,b", repeated --x NAME and --X-file FILE, in that order. */
async function names(values: Map<string, string[]>, many: string, one: string, file: string): Promise<string[] | string> {
  const out = [...(values.get(many) ?? []).flatMap(list), ...(values.get(one) ?? []).map((v) => v.trim()).filter((v) => v !== "")];
  for (const f of values.get(file) ?? []) {
    const read = await readNameFile(f, file);
    if (typeof read === "string") return read;
    out.push(...read);
  }
  return out;
}

async function parseArgs(args: string[]): Promise<Options | string> {
  const values = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (FLAGS.includes(a)) {
      values.set(a, ["true"]);
      continue;
    }
    const eq = a.indexOf("=");
    const [key, inline] = a.startsWith("--") && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    if (!VALUED.includes(key)) return `unknown option "${shown(a, 60)}"`;
    const value = inline ?? args[++i];
    if (value === undefined) return `${key} needs a value`;
    if (!REPEATABLE.has(key) && values.has(key)) return `${key} is given twice`;
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  const one = (k: string): string | undefined => values.get(k)?.[0];
  const vendors = await names(values, "--vendors", "--vendor", "--vendors-file");
  if (typeof vendors === "string") return vendors;
  if (vendors.length === 0) return "vendors are required: --vendors \"A,B,C\", --vendor NAME (repeatable) or --vendors-file FILE";
  const raters = await names(values, "--raters", "--rater", "--raters-file");
  if (typeof raters === "string") return raters;
  const out = one("--out");
  if (!out) return "--out is required";
  if (!/\.xlsx$/i.test(out)) return `--out ${shown(out)}: the workbook is an .xlsx file; give a name ending in .xlsx (writing it under another extension would mislead Excel and the reader)`;
  const locale = one("--locale") ?? "en-US";
  if (locale !== "en-US" && locale !== "zh-CN") return `--locale must be zh-CN or en-US, not "${shown(locale)}"`;
  const missing = one("--missing") ?? "exclude";
  if (missing !== "exclude" && missing !== "zero") return `--missing must be exclude or zero, not "${shown(missing)}"`;
  const aggregate = one("--aggregate");
  if (aggregate !== undefined && aggregate !== "mean" && aggregate !== "median" && aggregate !== "trimmed") {
    return `--aggregate must be mean, median or trimmed, not "${shown(aggregate)}"`;
  }
  const maturityArg = one("--maturity");
  if (maturityArg !== undefined && !["marketing", "training", "both"].includes(maturityArg)) return `--maturity must be marketing, training or both, not "${shown(maturityArg)}"`;
  const maturity = maturityArg === undefined ? undefined : maturityArg === "both" ? ["marketing", "training"] : [maturityArg];
  const pairwiseArg = one("--pairwise");
  const pairwiseItems = pairwiseArg === undefined ? undefined : pairwiseArg.split(",").map((x) => x.trim());
  if (pairwiseItems && pairwiseItems.some((x) => x === "")) return `--pairwise takes group codes separated by commas (top = the dimensions), not "${shown(pairwiseArg as string)}"`;
  const pairwise = pairwiseItems?.map((x) => (x.toLowerCase() === "top" ? null : x));
  const raterCopy = one("--rater-copy")?.trim();
  if (raterCopy === "") return "--rater-copy needs a rater name";
  if (raterCopy !== undefined && !raters.includes(raterCopy)) {
    return raters.length === 0
      ? `--rater-copy ${shown(raterCopy)}: a rater copy needs the panel's raters (--raters, --rater or --raters-file)`
      : `--rater-copy ${shown(raterCopy)}: not one of the raters (${raters.map((r) => shown(r, 30)).join(", ")})`;
  }
  const limit = maxVendors(raters.length);
  if (vendors.length > limit) {
    return `${vendors.length.toLocaleString("en-US")} vendors: a workbook${raters.length >= 2 ? ` with ${raters.length} raters` : ""} holds at most ${limit.toLocaleString("en-US")} (Excel's 16,384 columns, minus the fixed columns, over the columns each vendor takes); split the vendors into several workbooks`;
  }
  const mins: { code: string; minimum: number }[] = [];
  for (const spec of values.get("--min") ?? []) {
    const at = spec.lastIndexOf("=");
    const m = at > 0 ? percent("--min", spec.slice(at + 1)) : "";
    if (at <= 0 || spec.slice(0, at).trim() === "" || typeof m === "string") return `--min expects "<code>=<n>" with n from 0 to 100, not "${shown(spec)}"`;
    mins.push({ code: spec.slice(0, at).trim(), minimum: m });
  }
  const minQualityArg = one("--min-quality");
  const minQuality = minQualityArg === undefined ? undefined : percent("--min-quality", minQualityArg);
  if (typeof minQuality === "string") return minQuality;
  const method = one("--price-method");
  if (method !== undefined && method !== "lowest" && method !== "linear") return `--price-method must be lowest or linear, not "${shown(method)}"`;
  const weightArg = one("--price-weight");
  const weight = weightArg === undefined ? DEFAULT_PRICE.weight : percent("--price-weight", weightArg);
  if (typeof weight === "string") return weight;
  const thresholdArg = one("--low-bid-threshold");
  const threshold = thresholdArg === undefined ? DEFAULT_PRICE.lowBidThreshold : percent("--low-bid-threshold", thresholdArg);
  if (typeof threshold === "string") return threshold;
  const wantsPrice = values.has("--price") || weightArg !== undefined || method !== undefined || thresholdArg !== undefined;
  const price: PriceSettings | undefined = wantsPrice ? { weight, method: method ?? DEFAULT_PRICE.method, lowBidThreshold: threshold } : undefined;
  return {
    vendors, tree: one("--tree"), locale, missing, raters, aggregate, raterCopy, ...(maturity ? { maturity } : {}), ...(pairwise ? { pairwise } : {}),
    mins, ...(minQuality !== undefined ? { minQuality } : {}), ...(price ? { price } : {}), out, force: values.has("--force"),
    ...(values.has("--report") ? { report: true } : {}),
    ...(values.has("--sensitivity") ? { sensitivity: true } : {}),
    ...(one("--ratings") !== undefined ? { ratings: one("--ratings") } : {}),
  };
}

/** Ratings and reasons to pre-fill, per rater ("" in a single-rater workbook). */
interface Prefill {
  ratings: Map<string, RatingsGrid>;
  notes: Map<string, NotesGrid>;
  counts: { ratings: number; reasons: number };
}

/**
 * The --ratings file read against the tree: each accepted rating of a listed vendor (and, in a
 * panel or a rater copy, of a listed rater) with its comment; the first rating of a cell counts.
 * Problems go to stderr as warnings; a file that cannot be read at all is the message returned.
 */
async function prefillOf(file: string, tree: IndicatorTree, opts: Options, io: CliIO): Promise<Prefill | string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? `--ratings ${shown(file)}: no such file` : `--ratings ${shown(file)}: cannot read it (${code ?? "error"})`;
  }
  const read = await importRatingsFile(bytes, { tree, sourceName: basename(file) });
  const result = read.result;
  if (!result.ok) return `--ratings ${shown(file)}: ${result.fatal?.message["en-US"] ?? "cannot be read"}`;
  const byRater = opts.raters.length >= 2 || opts.raterCopy !== undefined;
  const vendors = new Set(opts.vendors);
  const raters = new Set(opts.raters);
  const out: Prefill = { ratings: new Map(), notes: new Map(), counts: { ratings: 0, reasons: 0 } };
  const otherVendors = new Set<string>();
  let noRater = 0;
  let again = 0;
  // A panel workbook read as a file: its raters' own ratings, with their reasons.
  const ratings = byRater && read.workbook?.panel ? (read.workbook.panel.ratings as typeof result.accepted) : result.accepted;
  for (const r of ratings) {
    const rater = byRater ? (r.rater ?? "") : "";
    if (!vendors.has(r.vendor)) {
      otherVendors.add(r.vendor);
      continue;
    }
    if (byRater && !raters.has(rater)) {
      noRater++;
      continue;
    }
    const grid = out.ratings.get(rater) ?? out.ratings.set(rater, {}).get(rater) as RatingsGrid;
    const row = (grid[r.vendor] ??= {});
    if (r.code in row) {
      again++;
      continue;
    }
    row[r.code] = r.value;
    out.counts.ratings++;
    const reason = r.comment?.trim() ?? "";
    if (reason === "") continue;
    const notes = out.notes.get(rater) ?? out.notes.set(rater, {}).get(rater) as NotesGrid;
    (notes[r.vendor] ??= {})[r.code] = reason;
    out.counts.reasons++;
  }
  const warn = (m: string): void => io.stderr(`warning: --ratings ${escapeControls(shown(file, 120))}: ${m}\n`);
  if (result.rejected.length > 0) warn(`${result.rejected.length.toLocaleString("en-US")} ratings rejected (first: ${escapeControls(result.rejected[0].message["en-US"])}); run scorecard score on the file for the list`);
  if (otherVendors.size > 0) warn(`ratings of ${otherVendors.size} vendors not in the workbook left out: ${[...otherVendors].slice(0, 5).map((v) => shown(v, 30)).join(", ")}${otherVendors.size > 5 ? ", …" : ""}`);
  if (again > 0) warn(`${again.toLocaleString("en-US")} second ratings of a cell (several raters for one sheet?) left out: the first counts`);
  if (noRater > 0) warn(`${noRater.toLocaleString("en-US")} ratings without one of the raters (${opts.raters.map((r) => shown(r, 30)).join(", ")}) in their rater column left out`);
  return out;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const opts = await parseArgs(args);
  if (typeof opts === "string") {
    io.stderr(`scorecard template: ${opts}\n(see scorecard template --help)\n`);
    return EXIT.usage;
  }
  if (!opts.force && existsSync(opts.out)) {
    io.stderr(`scorecard template: ${shown(opts.out)} exists; nothing written (add --force to overwrite it)\n`);
    return EXIT.usage;
  }
  const loaded = await loadTree(opts.tree, opts.locale);
  if (typeof loaded === "string") {
    io.stderr(`scorecard template: ${escapeControls(loaded)}\n`);
    return EXIT.usage;
  }
  const { tree } = loaded;
  const nodes = new Map(allNodes(tree).map((n) => [n.node.code, n.node]));
  for (const m of opts.mins) {
    const node = nodes.get(m.code);
    if (!node) {
      io.stderr(`scorecard template: --min ${shown(m.code)}=${m.minimum}: "${shown(m.code)}" is not an indicator code of the tree (e.g. ${[...nodes.keys()].slice(0, 3).join(", ")})\n`);
      return EXIT.usage;
    }
    node.minimum = m.minimum;
  }
  if (opts.minQuality !== undefined) tree.minimum = opts.minQuality;
  const prefill = opts.ratings === undefined ? undefined : await prefillOf(opts.ratings, tree, opts, io);
  if (typeof prefill === "string") {
    io.stderr(`scorecard template: ${escapeControls(prefill)}\n`);
    return EXIT.usage;
  }
  let plan: WorkbookPlan;
  try {
    plan = planOf(tree, opts, prefill);
  } catch (err) {
    // checkPlanInput: duplicate or empty vendor and rater names, and the like.
    io.stderr(`scorecard template: ${shown((err as Error).message, 300)}\n`);
    return EXIT.usage;
  }
  for (const w of validateTree(tree).filter((f) => f.severity === "warning")) io.stderr(`warning: ${w.message[opts.locale]}\n`);
  let bytes: Uint8Array;
  try {
    bytes = await writeXlsx(plan);
  } catch (err) {
    io.stderr(`scorecard template: cannot build the workbook: ${shown((err as Error).message, 300)}\n`);
    return EXIT.failed;
  }
  try {
    // "wx": never replaces a file unless --force (checked and created in one step).
    await writeFile(opts.out, bytes, { flag: opts.force ? "w" : "wx" });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      io.stderr(`scorecard template: ${shown(opts.out)} exists; nothing written (add --force to overwrite it)\n`);
      return EXIT.usage;
    }
    io.stderr(`scorecard template: cannot write ${shown(opts.out)} (${code ?? (err as Error).message})\n`);
    return EXIT.failed;
  }
  const panel = opts.raters.length >= 2 ? `, ${opts.raters.length} raters (${opts.aggregate ?? "mean"})` : "";
  const copy = opts.raterCopy !== undefined ? `, rater copy for ${shown(opts.raterCopy)}` : "";
  const maturity = opts.maturity && opts.raterCopy === undefined ? `, maturity: ${opts.maturity.join(" and ")}` : "";
  const pairwise = opts.pairwise && opts.raterCopy === undefined ? `, pairwise: ${opts.pairwise.map((g) => (g === null ? "top" : shown(g, 30))).join(", ")}` : "";
  const filled = prefill ? `, ${prefill.counts.ratings.toLocaleString("en-US")} ratings and ${prefill.counts.reasons.toLocaleString("en-US")} reasons from ${shown(basename(opts.ratings as string), 80)}` : "";
  io.stdout(`Wrote ${shown(opts.out, 200)}: ${opts.vendors.length} vendors, ${opts.locale}, missing ratings: ${opts.missing}${panel}${copy}${maturity}${pairwise}${filled}\n`);
  return EXIT.ok;
}

function planOf(tree: IndicatorTree, opts: Options, prefill?: Prefill): WorkbookPlan {
  const panel = opts.raters.length >= 2;
  const filled = !prefill
    ? {}
    : panel
      ? { raterRatings: Object.fromEntries(prefill.ratings), raterNotes: Object.fromEntries(prefill.notes) }
      : { ratings: prefill.ratings.get("") ?? {}, notes: prefill.notes.get("") ?? {} };
  const input = {
    tree, vendors: opts.vendors, options: { locale: opts.locale, missing: opts.missing, ...(opts.aggregate ? { aggregate: opts.aggregate } : {}) },
    ...(opts.raters.length > 0 ? { raters: opts.raters } : {}),
    ...(opts.maturity ? { maturity: { scenarios: opts.maturity } } : {}),
    ...(opts.pairwise ? { pairwise: { groups: opts.pairwise } } : {}),
    ...(opts.price ? { award: { settings: { price: opts.price } } } : {}),
    ...(opts.report ? { report: true } : {}),
    ...(opts.sensitivity ? { sensitivity: true } : {}),
  };
  if (opts.raterCopy === undefined) return buildPlan({ ...input, ...filled });
  checkPlanInput(input);
  const mine = { ratings: prefill?.ratings.get(opts.raterCopy) ?? {}, notes: prefill?.notes.get(opts.raterCopy) ?? {} };
  return raterCopyPlan(storedModel(input), opts.raterCopy, mine);
}
