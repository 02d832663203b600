/** `scorecard score <file>`: import ratings headlessly, score them against a tree, print a ranked table or JSON. */
import { readFile } from "fs/promises";
import { basename } from "path";
import { parseArgs } from "util";
import { score } from "../../core/engine";
import type { Aggregation, MissingPolicy, ScoreResult } from "../../core/engine";
import {
  ENCODING_CHOICES,
  importFile,
  type ColumnMapping,
  type ColumnRole,
  type DelimiterChoice,
  type EncodingChoice,
  type ImportResult,
} from "../../core/import";
import { defaultTree, leaves, parseTree, validateTree, type Finding, type IndicatorTree } from "../../core/model";
import type { CliIO } from "../io";

export const SCORE_USAGE = `Usage: scorecard score <file> [options]

Scores vendor ratings from a CSV/TSV/semicolon file or an .xlsx workbook.
Long layout: vendor, indicator, score[, rater, comment] columns. Wide layout: a
vendor column and one column per indicator (code, path or unique name).

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
  --json                      Print JSON: {vendors, rejected, warnings}
  --strict                    Exit 1 when any row is rejected
  -h, --help                  Show this help

Exit codes: 0 scores computed, 1 rejected rows with --strict, 2 input unreadable or bad option.
`;

interface JsonOut {
  vendors: {
    vendor: string;
    total: number | null;
    rank: number | null;
    complete: boolean;
    completeness: number;
    dimensions: Record<string, number | null>;
  }[];
  rejected: { line: number; reason: string; code: string; column?: string; value?: string }[];
  warnings: { code: string; message: string; line?: number }[];
  counts: ImportResult["counts"];
}

function fail(io: CliIO, message: string): number {
  io.stderr(`scorecard score: ${message.replace(/\s+/g, " ").trim()}\n`);
  return 2;
}

async function loadTree(path: string | undefined): Promise<{ tree: IndicatorTree; findings: Finding[] } | string> {
  if (path === undefined) {
    const tree = defaultTree();
    return { tree, findings: validateTree(tree) };
  }
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    return `cannot read --tree ${path}: ${err instanceof Error ? err.message : String(err)}`;
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    return `--tree ${path} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`;
  }
  const { tree, findings } = parseTree(json);
  const errors = findings.filter((f) => f.severity === "error");
  if (tree === null || errors.length > 0) {
    return `--tree ${path} is not a valid indicator tree: ${errors.map((f) => f.message["en-US"]).join("; ")}`;
  }
  return { tree, findings };
}

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
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const fmt = (r: string[]): string => r.map((c, i) => padTo(c, widths[i], rightAlign[i])).join("  ").trimEnd();
  return [fmt(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(fmt)].join("\n") + "\n";
}

function fmtScore(x: number | null): string {
  return x === null ? "—" : x.toFixed(2);
}

function buildJson(tree: IndicatorTree, result: ScoreResult, imported: ImportResult, findings: Finding[]): JsonOut {
  const roots = tree.roots.map((r) => r.code);
  const vendors = [...result.vendors]
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))
    .map((v) => ({
      vendor: v.vendor,
      total: v.total,
      rank: v.rank,
      complete: v.complete,
      completeness: v.completeness,
      dimensions: Object.fromEntries(roots.map((c) => [c, v.scores[c] ?? null])) as Record<string, number | null>,
    }));
  const warnings: JsonOut["warnings"] = findings.map((f) => ({ code: f.code, message: f.message["en-US"] }));
  const leafCount = leaves(tree).length;
  for (const v of result.vendors) {
    for (const f of v.flags) {
      if (f.kind === "incomplete") {
        warnings.push({ code: "vendor-incomplete", message: `${v.vendor}: ${f.missing} of ${leafCount} indicators not rated` });
      }
    }
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
  return { vendors, rejected, warnings, counts: imported.counts };
}

function incompleteMessage(missing: number, leafCount: number): string {
  return `${leafCount - missing}/${leafCount}`;
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
    return 0;
  }
  if (parsed.positionals.length !== 1) return fail(io, parsed.positionals.length === 0 ? "missing <file> (see --help)" : `expected one file, got ${parsed.positionals.length}`);
  const missing = o.missing ?? "exclude";
  if (missing !== "exclude" && missing !== "zero") return fail(io, `--missing must be exclude or zero, got "${missing}"`);
  const aggregate = o.aggregate ?? "mean";
  if (aggregate !== "mean" && aggregate !== "median" && aggregate !== "trimmed") return fail(io, `--aggregate must be mean, median or trimmed, got "${aggregate}"`);
  const encoding = (o.encoding ?? "auto") as EncodingChoice;
  if (!ENCODING_CHOICES.includes(encoding)) return fail(io, `--encoding must be one of ${ENCODING_CHOICES.join(", ")}, got "${o.encoding}"`);

  const delimiter = DELIMITER_NAMES[o.delimiter ?? "auto"];
  if (delimiter === undefined) return fail(io, `--delimiter must be one of ${Object.keys(DELIMITER_NAMES).join(", ")}, got "${o.delimiter}"`);
  const columns: ColumnMapping = {};
  for (const spec of o.column ?? []) {
    const at = spec.lastIndexOf("=");
    const header = at > 0 ? spec.slice(0, at).trim() : "";
    const role = at > 0 ? spec.slice(at + 1).trim() : "";
    if (header === "" || role === "") return fail(io, `--column expects "<header>=<role>", got "${spec}"`);
    columns[header] = (FIELD_ROLES as readonly string[]).includes(role) ? (role as ColumnRole) : { leaf: role };
  }

  const file = parsed.positionals[0];
  const loaded = await loadTree(o.tree);
  if (typeof loaded === "string") return fail(io, loaded);
  const { tree, findings } = loaded;

  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail(io, code === "ENOENT" ? `no such file: ${file}` : `cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const imported = await importFile(bytes, { tree, encoding, delimiter, columns, ...(o.sheet !== undefined ? { sheet: o.sheet } : {}), sourceName: basename(file) });
  if (!imported.ok) return fail(io, `${file}: ${imported.fatal?.message["en-US"] ?? "cannot be read"}`);

  const result = score(tree, imported.accepted, { missing: missing as MissingPolicy, aggregate: aggregate as Aggregation });
  const out = buildJson(tree, result, imported, findings);
  if (o.json) {
    io.stdout(JSON.stringify(out, null, 2) + "\n");
  } else {
    const leafCount = leaves(tree).length;
    const header = ["Rank", "Vendor", "Total", "Complete", ...tree.roots.map((r) => `${r.code} ${r.name["en-US"]}`)];
    const rows = out.vendors.map((v, i) => {
      const vr = result.vendors.find((x) => x.vendor === v.vendor) ?? result.vendors[i];
      const missingCount = vr.flags.reduce((n, f) => (f.kind === "incomplete" ? n + f.missing : n), 0);
      return [
        v.rank === null ? "—" : String(v.rank),
        v.vendor,
        fmtScore(v.total),
        v.complete ? "yes" : incompleteMessage(missingCount, leafCount),
        ...tree.roots.map((r) => fmtScore(v.dimensions[r.code])),
      ];
    });
    io.stdout(table(header, rows, header.map((_, i) => i !== 1 && i !== 3)));
    const c = imported.counts;
    io.stdout(`\n${c.read} ${c.unit === "cell" ? "cells" : "rows"} read: ${c.accepted} accepted, ${c.rejected} rejected${c.unit === "cell" ? `, ${c.blankCells} blank cells` : ""}\n`);
    for (const r of out.rejected) io.stdout(`  rejected: ${r.reason}\n`);
    for (const w of out.warnings) io.stdout(`  warning: ${w.message}\n`);
  }
  return o.strict && imported.rejected.length > 0 ? 1 : 0;
}

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
  help: { type: "boolean", short: "h" },
} as const;
