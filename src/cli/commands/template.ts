import { readFile, writeFile } from "fs/promises";
import type { MissingPolicy } from "../../core/engine/types";
import { defaultTree, parseTree, validateTree, type IndicatorTree, type Locale } from "../../core/model";
import { buildPlan } from "../../plan";
import { writeXlsx } from "../../xlsx";
import type { CliIO } from "../main";

const HELP = `Usage: scorecard template --vendors "A,B,C" [--tree tree.json] [--locale zh-CN|en-US]
                          [--missing exclude|zero] --out scorecard.xlsx

Writes a scoring workbook: Ratings, Weights, Results (live native formulas), Charts, Method.
  --vendors   comma-separated vendor names (required)
  --tree      indicator tree JSON (default: the 36Kr 2022 standard)
  --locale    sheet names and labels: zh-CN or en-US (default en-US)
  --missing   a blank rating is left out (exclude, default) or counts as 0 (zero)
  --out       the .xlsx file to write (required)
`;

interface Options {
  vendors: string[];
  tree?: string;
  locale: Locale;
  missing: MissingPolicy;
  out: string;
}

function parseArgs(args: string[]): Options | string {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf("=");
    const [key, inline] = a.startsWith("--") && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    if (!["--vendors", "--tree", "--locale", "--missing", "--out"].includes(key)) return `unknown option "${a}"`;
    const value = inline ?? args[++i];
    if (value === undefined) return `${key} needs a value`;
    values.set(key, value);
  }
  const vendors = (values.get("--vendors") ?? "").split(",").map((v) => v.trim()).filter((v) => v !== "");
  if (vendors.length === 0) return "--vendors is required (e.g. --vendors \"A,B,C\")";
  const out = values.get("--out");
  if (!out) return "--out is required";
  const locale = values.get("--locale") ?? "en-US";
  if (locale !== "en-US" && locale !== "zh-CN") return `--locale must be zh-CN or en-US, not "${locale}"`;
  const missing = values.get("--missing") ?? "exclude";
  if (missing !== "exclude" && missing !== "zero") return `--missing must be exclude or zero, not "${missing}"`;
  return { vendors, tree: values.get("--tree"), locale, missing, out };
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
    const plan = buildPlan({ tree, vendors: opts.vendors, options: { locale: opts.locale, missing: opts.missing } });
    await writeFile(opts.out, await writeXlsx(plan));
  } catch (err) {
    io.stderr(`scorecard template: ${(err as Error).message}\n`);
    return 1;
  }
  io.stdout(`Wrote ${opts.out}: ${opts.vendors.length} vendors, ${opts.locale}, missing ratings: ${opts.missing}\n`);
  return 0;
}
