/**
 * `scorecard ahp <judgements>`: weights of sibling groups from pairwise comparisons (AHP).
 * The file (CSV/TSV/… or .xlsx) has columns `a`, `b`, `value` and optionally `rater`: a and b are
 * indicator codes of one sibling group, value is how many times a is more important than b
 * (1–9, 1/2–1/9, 0.333, …). One result per parent found: the group's weights (the panel's
 * geometric-mean judgements when several raters), λmax, CI, CR, each rater's weights and the
 * consensus. Reads files with the importer's pieces (decodeBytes, parseDelimited, readXlsx).
 */
import { readFile } from "fs/promises";
import { parseArgs } from "util";
import { analysePanel, CR_THRESHOLD, judgementText, MAX_GROUP, pairsOf, parseJudgement, reciprocalMatrix, type AhpResult, type Judgement } from "../../core/ahp";
import { decodeBytes, ENCODING_CHOICES, looksLikeZip, parseDelimited, readXlsx, type EncodingChoice } from "../../core/import";
import { findByCode, type IndicatorNode, type IndicatorTree } from "../../core/model";
import { EXIT } from "../exitCodes";
import type { CliIO } from "../io";
import { escapeControls, shown } from "../text";
import { loadTree } from "../tree";

export const AHP_USAGE = `Usage: scorecard ahp <judgements> [options]

Weights of sibling groups from pairwise comparisons (AHP, Saaty's eigenvector method).
<judgements> is a CSV/TSV/semicolon file or an .xlsx workbook with the columns
  a, b     indicator codes of one sibling group (the dimensions: 1, 2, …; the
           children of 2: 2.1, 2.2, …)
  value    how many times a is more important than b: 1–9, or 1/2–1/9 when b is
           more important (0.333 is read as 1/3)
  rater    optional: one block of judgements per rater (a panel)
Every pair of a group's members must be judged (by every rater who judges the
group); groups of 2 to ${MAX_GROUP}.

Options:
  --tree <tree.json>          Indicator tree (default: the 36Kr 2022 standard)
  --encoding auto|utf8|gb18030|utf16le|utf16be
                              Text encoding (default: auto-detect)
  --sheet <name>              .xlsx sheet to read (default: the first)
  --json                      Print JSON: {groups: [{parent, codes, weights, lambdaMax,
                              ci, cr, consistent, raters, consensus, revisit}]}
  -h, --help                  Show this help

Exit codes: 0 weights computed (also when CR > 0.10: it is reported), 2 input
unreadable, a judgement invalid or missing, or a bad option.
`;

const OPTIONS = {
  tree: { type: "string" },
  encoding: { type: "string" },
  sheet: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

const LISTED = 20;

function fail(io: CliIO, message: string): number {
  io.stderr(`scorecard ahp: ${escapeControls(message)}\n`);
  return EXIT.usage;
}

/** Rows of text with their line (worksheet row) numbers, header first; or why the file cannot be read. */
async function readRows(bytes: Uint8Array, encoding: EncodingChoice, sheet: string | undefined): Promise<{ rows: string[][]; lines: number[]; where: string } | string> {
  if (bytes.length === 0) return "the file is empty";
  if (looksLikeZip(bytes)) {
    const read = await readXlsx(bytes, sheet);
    if (!read.ok) return read.message["en-US"];
    return { rows: read.table.rows.map((r) => r.map((c) => String(c))), lines: read.table.lines, where: "row" };
  }
  const decoded = decodeBytes(bytes, encoding);
  const table = parseDelimited(decoded.text);
  if (table.problems.length > 0) return `line ${table.problems[0].line}: ${table.problems[0].message["en-US"]}`;
  return { rows: table.rows, lines: table.lines, where: "line" };
}

const HEADER_ALIASES: Record<"rater" | "a" | "b" | "value", string[]> = {
  rater: ["rater", "评委", "评分人", "participant"],
  a: ["a", "criterion a", "指标a"],
  b: ["b", "criterion b", "指标b"],
  value: ["value", "judgement", "judgment", "判断", "值", "a over b"],
};

interface Row {
  line: number;
  rater: string;
  a: string;
  b: string;
  value: number;
}

interface GroupOut {
  parent: string | null;
  codes: string[];
  weights: Record<string, number>;
  lambdaMax: number;
  ci: number;
  cr: number;
  consistent: boolean;
  raters: { rater: string | null; weights: Record<string, number>; lambdaMax: number; cr: number; consistent: boolean }[];
  consensus: number | null;
  revisit: { a: string; b: string; judged: number; suggested: number; crIfChanged: number } | null;
}

const byCode = (codes: string[], w: number[]): Record<string, number> => Object.fromEntries(codes.map((c, i) => [c, w[i]]));

function groupOut(parent: string | null, codes: string[], raterNames: (string | null)[], r: ReturnType<typeof analysePanel>): GroupOut {
  const g: AhpResult = r.group;
  return {
    parent,
    codes,
    weights: byCode(codes, g.weights),
    lambdaMax: g.lambdaMax,
    ci: g.ci,
    cr: g.cr,
    consistent: g.consistent,
    raters: r.raters.map((x, k) => ({ rater: raterNames[k], weights: byCode(codes, x.weights), lambdaMax: x.lambdaMax, cr: x.cr, consistent: x.consistent })),
    consensus: r.consensus?.value ?? null,
    revisit: g.worst ? { a: codes[g.worst.a], b: codes[g.worst.b], judged: g.worst.judged, suggested: g.worst.suggested, crIfChanged: g.worst.crIfChanged } : null,
  };
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function humanGroup(tree: IndicatorTree, g: GroupOut): string {
  const name = (code: string): string => findByCode(tree, code)?.node.name["en-US"] ?? "";
  const title = g.parent === null ? "Top level (dimensions)" : `Children of ${g.parent} ${name(g.parent)}`;
  const panel = g.raters.length > 1;
  const header = ["Code", "Name", panel ? "Group" : "Weight", ...(panel ? g.raters.map((r) => shown(r.rater ?? "", 20)) : [])];
  const rows = g.codes.map((c) => [c, name(c), pct(g.weights[c]), ...(panel ? g.raters.map((r) => pct(r.weights[c])) : [])]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]): string => r.map((c, i) => (i >= 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd();
  const lines = [
    `${title}${panel ? ` — ${g.raters.length} raters, geometric mean of their judgements` : ""}`,
    fmt(header),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.map(fmt),
    `λmax ${g.lambdaMax.toFixed(4)}   CI ${g.ci.toFixed(4)}   CR ${g.cr.toFixed(3)}   ${g.consistent ? "consistent (CR ≤ 0.10)" : "INCONSISTENT (CR > 0.10)"}`,
  ];
  if (panel) {
    lines.push(`Raters' CR: ${g.raters.map((r) => `${shown(r.rater ?? "", 40)} ${r.cr.toFixed(3)}${r.consistent ? "" : " ✗"}`).join(", ")}`);
    if (g.consensus !== null) {
      const word = g.consensus < 0.65 ? "low" : g.consensus <= 0.75 ? "moderate" : "high";
      lines.push(`Consensus (BPMSG S*): ${pct(g.consensus)} (${word})`);
    }
  }
  if (g.revisit) {
    lines.push(`Revisit ${g.revisit.a} vs ${g.revisit.b}: judged ${judgementText(g.revisit.judged)}; the weights suggest ${judgementText(g.revisit.suggested)} (CR would be ${g.revisit.crIfChanged.toFixed(3)})`);
  }
  return `${lines.join("\n")}\n`;
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
    io.stdout(AHP_USAGE);
    return EXIT.ok;
  }
  if (parsed.positionals.length !== 1) return fail(io, parsed.positionals.length === 0 ? "missing <judgements> file (see --help)" : `expected one file, got ${parsed.positionals.length}`);
  const encoding = (o.encoding ?? "auto") as EncodingChoice;
  if (!ENCODING_CHOICES.includes(encoding)) return fail(io, `--encoding must be one of ${ENCODING_CHOICES.join(", ")}, got "${o.encoding ?? ""}"`);
  const loaded = await loadTree(o.tree);
  if (typeof loaded === "string") return fail(io, loaded);
  const { tree } = loaded;
  const path = parsed.positionals[0];
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (err) {
    return fail(io, `cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const read = await readRows(bytes, encoding, o.sheet);
  if (typeof read === "string") return fail(io, `${path}: ${read}`);
  const { rows, lines, where } = read;
  if (rows.length === 0) return fail(io, `${path}: no header row`);

  // Header: a, b, value (required), rater (optional).
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const col = Object.fromEntries(
    (Object.keys(HEADER_ALIASES) as (keyof typeof HEADER_ALIASES)[]).map((k) => [k, header.findIndex((h) => HEADER_ALIASES[k].includes(h))]),
  ) as Record<keyof typeof HEADER_ALIASES, number>;
  const missingCols = (["a", "b", "value"] as const).filter((k) => col[k] < 0);
  if (missingCols.length > 0) return fail(io, `${path}: no column ${missingCols.map((k) => `"${k}"`).join(", ")} in the header (${where} ${lines[0]}: ${shown(rows[0].join(", "))}); expected a, b, value and optionally rater`);

  const errors: string[] = [];
  const at = (line: number): string => `${where} ${line}`;
  const parentOf = new Map<string, { parent: IndicatorNode | null; siblings: IndicatorNode[] }>();
  const index = (nodes: IndicatorNode[], parent: IndicatorNode | null): void => {
    for (const n of nodes) {
      parentOf.set(n.code, { parent, siblings: nodes });
      index(n.children, n);
    }
  };
  index(tree.roots, null);

  const good: (Row & { parent: string | null })[] = [];
  const raterCol = col.rater;
  let namedRaters = 0;
  const unnamed: number[] = [];
  rows.slice(1).forEach((r, i) => {
    const line = lines[i + 1];
    const cellOf = (c: number): string => (c >= 0 ? (r[c] ?? "").trim() : "");
    const a = cellOf(col.a);
    const b = cellOf(col.b);
    const raw = cellOf(col.value);
    const rater = cellOf(raterCol);
    if (a === "" && b === "" && raw === "" && rater === "") return;
    if (rater !== "") namedRaters++;
    else unnamed.push(line);
    if (a === "" || b === "") return void errors.push(`${at(line)}: both a and b need an indicator code`);
    const pa = parentOf.get(a);
    const pb = parentOf.get(b);
    const unknown = [a, b].filter((c, k) => (k === 0 ? pa : pb) === undefined);
    if (unknown.length > 0) return void errors.push(`${at(line)}: unknown indicator code ${unknown.map((c) => `"${c}"`).join(" and ")}`);
    if (a === b) return void errors.push(`${at(line)}: "${a}" is compared with itself`);
    if (pa?.parent !== pb?.parent) {
      const where2 = (p: typeof pa): string => (p?.parent ? `a child of ${p.parent.code}` : "a dimension (top level)");
      return void errors.push(`${at(line)}: ${a} and ${b} are not in one sibling group (${a} is ${where2(pa)}, ${b} is ${where2(pb)}); compare only members of one group`);
    }
    const v = parseJudgement(raw);
    if (!v.ok) return void errors.push(`${at(line)}: ${a} over ${b}: ${v.message["en-US"]}`);
    good.push({ line, rater, a, b, value: v.value, parent: pa?.parent?.code ?? null });
  });
  if (namedRaters > 0 && unnamed.length > 0) {
    errors.push(`${at(unnamed[0])}${unnamed.length > 1 ? ` (and ${unnamed.length - 1} more)` : ""}: no rater named, while other ${where}s name one`);
  }

  // Group by parent, then rater; check sizes, repeats and missing pairs.
  const groups = new Map<string, { parent: string | null; members: IndicatorNode[]; byRater: Map<string, (Row & { parent: string | null })[]> }>();
  for (const g of good) {
    const key = g.parent ?? "";
    let entry = groups.get(key);
    if (!entry) {
      entry = { parent: g.parent, members: (parentOf.get(g.a) as { siblings: IndicatorNode[] }).siblings, byRater: new Map() };
      groups.set(key, entry);
    }
    const list = entry.byRater.get(g.rater);
    if (list) list.push(g);
    else entry.byRater.set(g.rater, [g]);
  }
  const out: GroupOut[] = [];
  for (const { parent, members, byRater } of groups.values()) {
    const codes = members.map((m) => m.code);
    const n = codes.length;
    const label = parent === null ? "the top level" : `the children of ${parent}`;
    if (n > MAX_GROUP) {
      errors.push(`${label}: ${n} members; at most ${MAX_GROUP} can be compared in pairs (Saaty's random index is tabulated up to ${MAX_GROUP}, and ${(n * (n - 1)) / 2} judgements are too many to make carefully)`);
      continue;
    }
    const matrices = [];
    const raterNames: (string | null)[] = [];
    let ok = true;
    for (const [rater, list] of byRater) {
      const who = rater === "" ? "" : ` (rater ${rater})`;
      const seen = new Map<string, number>();
      const judgements: Judgement[] = [];
      for (const g of list) {
        const ia = codes.indexOf(g.a);
        const ib = codes.indexOf(g.b);
        const key = `${Math.min(ia, ib)},${Math.max(ia, ib)}`;
        const before = seen.get(key);
        if (before !== undefined) {
          errors.push(`${at(g.line)}: ${g.a} and ${g.b} are already compared on ${where} ${before}${who}`);
          ok = false;
          continue;
        }
        seen.set(key, g.line);
        judgements.push({ a: ia, b: ib, value: g.value });
      }
      const missing = pairsOf(n).filter(([x, y]) => !seen.has(`${x},${y}`));
      if (missing.length > 0) {
        const shown = missing.slice(0, LISTED).map(([x, y]) => `${codes[x]}–${codes[y]}`).join(", ");
        errors.push(`${label}${who}: ${missing.length} of ${(n * (n - 1)) / 2} pairs not judged: ${shown}${missing.length > LISTED ? ", …" : ""} (judged on ${where}s ${list.map((g) => g.line).join(", ")})`);
        ok = false;
        continue;
      }
      if (ok) {
        matrices.push(reciprocalMatrix(n, judgements));
        raterNames.push(rater === "" ? null : rater);
      }
    }
    if (ok && matrices.length > 0) out.push(groupOut(parent, codes, raterNames, analysePanel(matrices)));
  }

  if (errors.length > 0) {
    for (const e of errors.slice(0, LISTED)) io.stderr(`scorecard ahp: ${escapeControls(`${path}: ${e}`)}\n`);
    if (errors.length > LISTED) io.stderr(`scorecard ahp: … ${errors.length - LISTED} more problems\n`);
    return EXIT.usage;
  }
  if (out.length === 0) return fail(io, `${path}: no judgements found`);
  if (o.json) {
    io.stdout(`${JSON.stringify({ groups: out }, null, 2)}\n`);
    return EXIT.ok;
  }
  io.stdout(out.map((g) => humanGroup(tree, g)).join("\n"));
  const inconsistent = out.filter((g) => g.cr > CR_THRESHOLD).length;
  if (inconsistent > 0) io.stdout(`\n${inconsistent} group(s) with CR > 0.10: revisit the judgement named above.\n`);
  return EXIT.ok;
}
