/**
 * `scorecard report WORKBOOK.xlsx --out REPORT.pdf [--sheets A,B]`: recalculates the workbook and
 * prints its Report sheet (or the named sheets) to PDF with LibreOffice headless. The other sheets
 * are hidden in a temporary copy (LibreOffice prints every visible sheet); the copy is recalculated
 * on load (a throw-away LibreOffice profile says so), printed with the sheets' own print settings,
 * and removed. Nothing is written unless the PDF was made.
 */
import { spawnSync } from "child_process";
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "fs";
import { readFile, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { basename, delimiter, join } from "path";
import JSZip from "jszip";
import { REPORT_LABELS } from "../../plan/reportLabels";
import { EXIT, EXIT_HELP } from "../exitCodes";
import type { CliIO } from "../io";
import { shown } from "../text";

export const REPORT_USAGE = `Usage: scorecard report <workbook.xlsx> --out report.pdf [--sheets "A,B"] [--force]

Recalculates a scorecard workbook and prints its Report sheet to PDF with LibreOffice
headless (each sheet with its own print settings: paper, one page wide, titles, page
numbers). Make a workbook with a Report sheet with: scorecard template --report ...
  --out       the PDF to write (required; the name must end in .pdf)
  --sheets    print these sheets instead, comma-separated, in the workbook's order
              (e.g. --sheets "Report,Results,Method")
  --force     overwrite --out if it exists
Needs LibreOffice's soffice on PATH (Debian/Ubuntu: apt-get install libreoffice-calc).

${EXIT_HELP}`;

const XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** The first executable `name` on PATH, or null. */
export function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

const unesc = (s: string): string => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

interface SheetEntry {
  tag: string;
  name: string;
  state: string;
}

function sheetsOf(workbookXml: string): SheetEntry[] {
  return [...workbookXml.matchAll(/<sheet\b[^>]*?\/?>/g)].map((m) => ({
    tag: m[0],
    name: unesc(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? ""),
    state: /\bstate="([^"]*)"/.exec(m[0])?.[1] ?? "visible",
  }));
}

/** workbook.xml with only `keep` visible (very hidden sheets stay so) and the first of them active. */
function onlyThese(workbookXml: string, sheets: SheetEntry[], keep: Set<string>): string {
  let xml = workbookXml;
  for (const s of sheets) {
    if (s.state === "veryHidden") continue;
    const state = keep.has(s.name) ? "visible" : "hidden";
    const tag = /\bstate="/.test(s.tag) ? s.tag.replace(/\bstate="[^"]*"/, `state="${state}"`) : s.tag.replace(/^<sheet\b/, `<sheet state="${state}"`);
    xml = xml.replace(s.tag, tag);
  }
  const active = sheets.findIndex((s) => keep.has(s.name));
  return xml.replace(/<workbookView\b[^>]*?\/?>/, (v) => {
    const set = (t: string, attr: string, value: number): string => (new RegExp(`\\b${attr}="`).test(t) ? t.replace(new RegExp(`\\b${attr}="[^"]*"`), `${attr}="${value}"`) : t.replace(/^<workbookView\b/, `<workbookView ${attr}="${value}"`));
    return set(set(v, "activeTab", active), "firstSheet", 0);
  });
}

function parse(args: string[]): { file: string; out: string; sheets: string[] | null; force: boolean } | string {
  let file: string | null = null;
  let out: string | null = null;
  let sheets: string[] | null = null;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf("=");
    const [flag, inline] = a.startsWith("--") && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const value = (): string | null => inline ?? (i + 1 < args.length ? args[++i] : null);
    if (flag === "--force") force = true;
    else if (flag === "--out") {
      out = value();
      if (out === null) return "--out needs a file name";
    } else if (flag === "--sheets") {
      const v = value();
      if (v === null) return "--sheets needs sheet names";
      sheets = v.split(",").map((s) => s.trim()).filter((s) => s !== "");
      if (sheets.length === 0) return "--sheets needs sheet names";
    } else if (a.startsWith("-")) return `unknown option ${shown(a)}`;
    else if (file === null) file = a;
    else return `one workbook at a time (got ${shown(file)} and ${shown(a)})`;
  }
  if (file === null) return "which workbook? (scorecard report WORKBOOK.xlsx --out REPORT.pdf)";
  if (out === null) return "--out REPORT.pdf is required";
  if (!/\.pdf$/i.test(out)) return `--out must name a .pdf file, not ${shown(out)}`;
  return { file, out, sheets, force };
}

export async function run(args: string[], io: CliIO): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(REPORT_USAGE);
    return EXIT.ok;
  }
  const fail = (code: number, message: string): number => {
    io.stderr(`scorecard report: ${message}\n`);
    return code;
  };
  const opts = parse(args);
  if (typeof opts === "string") return fail(EXIT.usage, `${opts}\n(see scorecard report --help)`);
  if (!opts.force && existsSync(opts.out)) return fail(EXIT.usage, `${shown(opts.out)} exists; nothing written (add --force to overwrite it)`);
  let bytes: Buffer;
  try {
    bytes = await readFile(opts.file);
  } catch (err) {
    return fail(EXIT.usage, `cannot read ${shown(opts.file)}: ${(err as Error).message}`);
  }
  let zip: JSZip;
  let workbookXml: string;
  try {
    zip = await JSZip.loadAsync(bytes);
    const part = zip.file("xl/workbook.xml");
    if (!part) throw new Error("no xl/workbook.xml");
    workbookXml = await part.async("string");
  } catch {
    return fail(EXIT.usage, `${shown(opts.file)} is not an .xlsx workbook`);
  }
  const sheets = sheetsOf(workbookXml);
  const names = sheets.filter((s) => s.state !== "veryHidden").map((s) => s.name);
  let wanted: string[];
  if (opts.sheets) {
    const unknown = opts.sheets.filter((s) => !names.includes(s));
    if (unknown.length > 0) return fail(EXIT.usage, `${shown(opts.file)} has no sheet ${unknown.map((u) => `"${shown(u)}"`).join(", ")}; its sheets: ${names.map((n) => shown(n)).join(", ")}`);
    wanted = opts.sheets;
  } else {
    const report = Object.values(REPORT_LABELS).map((l) => l.sheet).find((n) => names.includes(n));
    if (!report) return fail(EXIT.usage, `${shown(opts.file)} has no Report sheet: make the workbook with "scorecard template --report ...", or name the sheets to print with --sheets (its sheets: ${names.map((n) => shown(n)).join(", ")})`);
    wanted = [report];
  }
  const soffice = onPath("soffice");
  if (!soffice) return fail(EXIT.failed, "LibreOffice is needed to recalculate and print, and soffice is not on PATH. Install it (Debian/Ubuntu: apt-get install libreoffice-calc), or open the workbook in Excel and print the Report sheet (File > Print, or Save as PDF). Nothing written.");

  const dir = mkdtempSync(join(tmpdir(), "scorecard-report-"));
  try {
    zip.file("xl/workbook.xml", onlyThese(workbookXml, sheets, new Set(wanted)));
    const stem = basename(opts.file).replace(/\.[^.]*$/, "").replace(/[^\p{L}\p{N}._-]/gu, "_") || "workbook";
    const copy = join(dir, `${stem}.xlsx`);
    writeFileSync(copy, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    mkdirSync(join(dir, "profile", "user"), { recursive: true });
    writeFileSync(join(dir, "profile", "user", "registrymodifications.xcu"), XCU);
    const run = spawnSync(soffice, [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", join(dir, "out"), copy], { encoding: "utf8", timeout: 300000 });
    const pdf = join(dir, "out", `${stem}.pdf`);
    if (run.status !== 0 || !existsSync(pdf)) {
      const why = (run.error?.message ?? `${run.stderr ?? ""}${run.stdout ?? ""}`).trim().split("\n").slice(-2).join(" ");
      return fail(EXIT.failed, `LibreOffice could not print ${shown(opts.file)}${why ? `: ${shown(why, 300)}` : ""}; nothing written`);
    }
    try {
      await writeFile(opts.out, readFileSync(pdf), { flag: opts.force ? "w" : "wx" });
    } catch (err) {
      return fail(EXIT.failed, `cannot write ${shown(opts.out)}: ${(err as Error).message}`);
    }
    io.stdout(`Wrote ${shown(opts.out)}: ${wanted.map((n) => shown(n)).join(", ")} of ${shown(opts.file)}, recalculated by LibreOffice\n`);
    return EXIT.ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
