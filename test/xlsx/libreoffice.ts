/** LibreOffice headless, for the recalculation checks: found on PATH (CI installs it) or the tests skip. */
import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import type { CellValue } from "../../src/plan";

/** The OOXML validator beside the repository (../shared); absent on a machine without shared/. */
export const OOXML_VALIDATE = join(__dirname, "..", "..", "..", "shared", "tools", "ooxml-validate", "validate");

export const soffice = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).stdout.trim();

/** `describe` when soffice is there, else `describe.skip` with a warning naming the check. */
export function describeWithLibreOffice(check: string): jest.Describe {
  if (!soffice) console.warn(`${check} SKIPPED: soffice is not on PATH (CI installs it).`);
  return soffice ? describe : describe.skip;
}

// LibreOffice recalculates an .xlsx on load only when its profile says so (otherwise it shows cached results).
const XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** One soffice run: recalculates `files` and saves them as .xlsx into `outDir`, with a profile under `dir`. */
export function recalculate(dir: string, files: string[], outDir: string): void {
  mkdirSync(join(dir, "profile", "user"), { recursive: true });
  writeFileSync(join(dir, "profile", "user", "registrymodifications.xcu"), XCU);
  execFileSync(soffice, [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "xlsx", "--outdir", outDir, ...files], {
    stdio: "pipe",
    timeout: 120000,
  });
}

export const pdftotext = spawnSync("sh", ["-c", "command -v pdftotext"], { encoding: "utf8" }).stdout.trim();

/** `describe` when soffice and poppler-utils (pdftotext, pdfinfo) are there, else `describe.skip` with a warning. */
export function describeWithPdf(check: string): jest.Describe {
  if (!soffice || !pdftotext) console.warn(`${check} SKIPPED: ${!soffice ? "soffice" : "pdftotext (poppler-utils)"} is not on PATH (CI installs it).`);
  return soffice && pdftotext ? describe : describe.skip;
}

/** One soffice run: recalculates `files` and prints them to PDF into `outDir` (every visible sheet, each with its print settings). */
export function printPdf(dir: string, files: string[], outDir: string): void {
  mkdirSync(join(dir, "profile", "user"), { recursive: true });
  writeFileSync(join(dir, "profile", "user", "registrymodifications.xcu"), XCU);
  execFileSync(soffice, [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, ...files], { stdio: "pipe", timeout: 120000 });
}

/** The text of each page of a PDF (pdftotext -layout), in order. */
export function pdfPages(file: string): string[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1] ?? 0);
  return Array.from({ length: pages }, (_, i) => execFileSync("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), file, "-"], { encoding: "utf8" }));
}

/** The fonts a PDF embeds (pdffonts), by name. */
export function pdfFonts(file: string): string[] {
  return execFileSync("pdffonts", [file], { encoding: "utf8" }).split("\n").slice(2).map((l) => l.split(/\s+/)[0]).filter((n) => n);
}

/** A cell of a recalculated file as the plan's CellValue: a formula's cached result (`noResult` when none), an error as "#ERR …". */
export function recalculatedValue(c: ExcelJS.Cell, noResult: CellValue = ""): CellValue {
  if (c.type === ExcelJS.ValueType.Formula) {
    const r = c.result; // (value.result drops a 0 result)
    return r === undefined || r === null ? noResult : typeof r === "object" ? `#ERR ${JSON.stringify(r)}` : (r as CellValue);
  }
  const v = c.value;
  return v === null || v === undefined ? null : typeof v === "object" ? JSON.stringify(v) : (v as CellValue);
}
