import { readFile, writeFile } from "fs/promises";
import type { Aggregation, MissingPolicy } from "../../core/engine/types";
import { defaultTree, parseTree, validateTree, type IndicatorTree, type Locale } from "../../core/model";
import { buildPlan, checkPlanInput, raterCopyPlan, storedModel, type WorkbookPlan } from "../../plan";
import { writeXlsx } from "../../xlsx";
import type { CliIO } from "../io";

const HELP = `Usage: scorecard template --vendors "A,B,C" [--tree tree.json] [--locale zh-CN|en-US]
                          [--missing exclude|zero] [--raters "R1,R2"] [--aggregate mean|median|trimmed]
                          [--rater-copy NAME] --out scorecard.xlsx

Writes a scoring workbook: Ratings, Weights, Results (live native formulas), Charts, Method.
  --vendors     comma-separated vendor names (required)
  --tree        indicator tree JSON (default: the 36Kr 2022 standard)
  --locale      sheet names and labels: zh-CN or en-US (default en-US)
  --missing     a blank rating is left out (exclude, default) or counts as 0 (zero)
  --raters      comma-separated rater names: two or more give a panel workbook (one Ratings sheet
                per rater, Consolidated, Moderation, agreement statistics)
  --aggregate   how a panel's ratings of one cell combine: mean (default), median, trimmed (TRIMMEAN 20%)
  --rater-copy  write only NAME's ratings sheet (a copy to send out and merge back), not the workbook
  --out         the .xlsx file to write (required)
`;

interface Options {
  vendors: string[];
  tree?: string;
  locale: Locale;
  missing: MissingPolicy;
  raters: string[];
  aggregate?: Aggregation;
  raterCopy?: string;
  out: string;
}

const OPTIONS = ["--vendors", "--tree", "--locale", "--missing", "--raters", "--aggregate", "--rater-copy", "--out"];
const list = (s: string | undefined): string[] => (s ?? "").split(",").map((v) => v.trim()).filter((v) => v !== "");

function parseArgs(args: string[]): Options | string {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf("=");
    const [key, inline] = a.startsWith("--") && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    if (!OPTIONS.includes(key)) return `unknown option "${a}"`;
    const value = inline ?? args[++i];
    if (value === undefined) return `${key} needs a value`;
    values.set(key, value);
  }
  const vendors = list(values.get("--vendors"));
  if (vendors.length === 0) return "--vendors is required (e.g. --vendors \"A,B,C\")";
  const out = values.get("--out");
  if (!out) return "--out is required";
  const locale = values.get("--locale") ?? "en-US";
  if (locale !== "en-US" && locale !== "zh-CN") return `--locale must be zh-CN or en-US, not "${locale}"`;
  const missing = values.get("--missing") ?? "exclude";
  if (missing !== "exclude" && missing !== "zero") return `--missing must be exclude or zero, not "${missing}"`;
  const aggregate = values.get("--aggregate");
  if (aggregate !== undefined && aggregate !== "mean" && aggregate !== "median" && aggregate !== "trimmed") {
    return `--aggregate must be mean, median or trimmed, not "${aggregate}"`;
  }
  const raterCopy = values.get("--rater-copy")?.trim();
  if (raterCopy === "") return "--rater-copy needs a rater name";
  return { vendors, tree: values.get("--tree"), locale, missing, raters: list(values.get("--raters")), aggregate, raterCopy, out };
}

async function loadTree(path: string | undefined, locale: Locale, io: CliIO): Promise<IndicatorTree | null> {
  if (!path) return defaultTree();
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (err) {
    io.stderr(`scorecard template: cannot read ${path}: ${(err as Error).message}\n`);
    return null;
  }
  const { tree, findings } = parseTree(json);
  const errors = findings.filter((f) => f.severity === "error");
  for (const f of errors) io.stderr(`scorecard template: ${path}: ${f.message[locale]}${f.path ? ` (${f.path})` : ""}\n`);
  return errors.length > 0 ? null : tree;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(HELP);
    return 0;
  }
  const opts = parseArgs(args);
  if (typeof opts === "string") {
    io.stderr(`scorecard template: ${opts}\n\n${HELP}`);
    return 2;
  }
  const tree = await loadTree(opts.tree, opts.locale, io);
  if (!tree) return 1;
  for (const w of validateTree(tree).filter((f) => f.severity === "warning")) io.stderr(`warning: ${w.message[opts.locale]}\n`);
  try {
    await writeFile(opts.out, await writeXlsx(planOf(tree, opts)));
  } catch (err) {
    io.stderr(`scorecard template: ${(err as Error).message}\n`);
    return 1;
  }
  const panel = opts.raters.length >= 2 ? `, ${opts.raters.length} raters (${opts.aggregate ?? "mean"})` : "";
  const copy = opts.raterCopy !== undefined ? `, rater copy for ${opts.raterCopy}` : "";
  io.stdout(`Wrote ${opts.out}: ${opts.vendors.length} vendors, ${opts.locale}, missing ratings: ${opts.missing}${panel}${copy}\n`);
  return 0;
}

function planOf(tree: IndicatorTree, opts: Options): WorkbookPlan {
  const input = {
    tree, vendors: opts.vendors, options: { locale: opts.locale, missing: opts.missing, ...(opts.aggregate ? { aggregate: opts.aggregate } : {}) },
    ...(opts.raters.length > 0 ? { raters: opts.raters } : {}),
  };
  if (opts.raterCopy === undefined) return buildPlan(input);
  checkPlanInput(input);
  return raterCopyPlan(storedModel(input), opts.raterCopy);
}
