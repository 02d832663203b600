/**
 * Reasons in exported files (issue #14). The notes grid as written to .xlsx keeps every reason as
 * text ("=1+1" a string cell, "0012" stays "0012"), its leaf cells unlocked on a protected sheet,
 * single and panel, and the files pass the OOXML validator. LibreOffice recalculates the Report's
 * reasons beside the strongest and weakest indicators to reportReason (a panel with a consensus
 * and its Moderation reason too), prints the Report with every vendor, total, grade and those
 * reasons in at most 2 pages plus one per vendor, and prints the ratings sheets with the reasons.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { evaluateAward } from "../../src/core/award/award";
import { score } from "../../src/core/engine";
import { defaultTree, leaves } from "../../src/core/model";
import { buildPlan, type CellValue, type NotesGrid, type RatingsGrid, type WorkbookPlan } from "../../src/plan";
import { cell } from "../../src/plan/a1";
import { RATINGS } from "../../src/plan/context";
import { reportReason } from "../../src/plan/reportSheet";
import type { ReportReasonSource } from "../../src/plan/reportTypes";
import { writeXlsx } from "../../src/xlsx";
import { ratingsList } from "../plan/compare";
import { compareReasons } from "../plan/reportReasons";
import { describeWithLibreOffice, describeWithPdf, pdfPages, printPdf, recalculate, recalculatedValue, OOXML_VALIDATE as VALIDATE } from "./libreoffice";

const VENDORS = ["Acme", "Globex", "Initech"];
const tree = defaultTree();
const codes = leaves(tree).map((l) => l.node.code);
const CREATED = "2026-12-04T10:00:00Z";
/** Short reasons, each printed whole in the notes grid's 32-character column. */
const SHORT = ["=1+1", "0012", "Strong \"API\" docs", "+86 support line", "价格合理", "响应快，文档全", "@mention", "-3 days late"];
/** Cut on the Report at its widest: 139 Chinese characters and "…" must print whole in the reason row. */
const LONG_CJK = "评审组认为该供应商的部署方案完整可靠".repeat(10);
const LONG = `${"Reference customers confirmed the rollout; ".repeat(3)}理由很长：${"部署顺利，".repeat(12)}`;

/** Ratings 40–95 (ties) from a fixed generator; an N/A per vendor. */
function grid(seed: number): RatingsGrid {
  let s = seed;
  const next = (): number => (s = (s * 16807) % 2147483647) / 2147483647;
  return Object.fromEntries(VENDORS.map((v, i) => [v, Object.fromEntries(codes.map((c, j) => [c, j === i + 7 ? "NA" : 40 + 5 * Math.floor(12 * next())]))]));
}

/** Reasons on most leaves, mixing the short ones, a long one with a line break, a long Chinese one, and none. */
function notes(seed: number): NotesGrid {
  return Object.fromEntries(VENDORS.map((v, i) => [v, Object.fromEntries(codes.flatMap((c, j) => {
    const k = (j * 7 + i * 3 + seed) % 12;
    return k < 8 ? [[c, `${SHORT[k]}`]] : k === 8 ? [[c, `${LONG}\nline two`]] : k === 9 ? [[c, LONG_CJK]] : [];
  }))]));
}

interface Case {
  file: string;
  locale: "en-US" | "zh-CN";
  plan: WorkbookPlan;
  grid?: RatingsGrid;
  /** Panel: per rater name. */
  raters?: Record<string, { grid: RatingsGrid; notes: NotesGrid }>;
  notes?: NotesGrid;
  /** Panel: the consensus typed on Moderation. */
  consensus?: { vendor: string; code: string; value: number; reason: string };
}

const single = (locale: Case["locale"], seed: number): Case => {
  const g = grid(seed);
  const n = notes(seed);
  // Acme's strongest indicator gets the long Chinese reason, so the widest cut one is printed.
  const acme = codes.filter((c) => typeof g.Acme[c] === "number").sort((a, b) => (g.Acme[b] as number) - (g.Acme[a] as number) || codes.indexOf(a) - codes.indexOf(b))[0];
  n.Acme[acme] = LONG_CJK;
  return { file: `reasons-single-${locale}.xlsx`, locale, grid: g, notes: n, plan: buildPlan({ tree, vendors: VENDORS, ratings: g, notes: n, options: { locale }, createdAt: CREATED, report: true }) };
};

const panel = (locale: Case["locale"]): Case => {
  const names = ["Ann", "李雷", "Zoë Ng"];
  const raters = Object.fromEntries(names.map((r, k) => [r, { grid: grid(21 + k), notes: notes(5 * k + 1) }]));
  const plan = buildPlan({
    tree, vendors: VENDORS, raters: names, options: { locale }, createdAt: CREATED, report: true,
    raterRatings: Object.fromEntries(names.map((r) => [r, raters[r].grid])), raterNotes: Object.fromEntries(names.map((r) => [r, raters[r].notes])),
  });
  // A consensus of 100 with its reason on Acme's first leaf (the raters give at most 95): Acme's strongest.
  const consensus = { vendor: "Acme", code: codes[0], value: 100, reason: "合议：现场演示后一致同意 = full marks" };
  const mod = plan.layout.panel?.moderation;
  const sheet = plan.sheets.find((s) => s.name === mod?.sheet);
  const row = mod?.rows.find((r) => r.vendor === consensus.vendor && r.code === consensus.code)?.row as number;
  sheet?.blocks.push({ address: cell(row, mod?.columns.consensus as number), kind: "values", cells: [[consensus.value]] }, { address: cell(row, mod?.columns.reason as number), kind: "values", cells: [[consensus.reason]] });
  return { file: `reasons-panel-${locale}.xlsx`, locale, plan, raters, consensus };
};

const cases: Case[] = [single("en-US", 11), single("zh-CN", 12), panel("en-US"), panel("zh-CN")];
const byFile = (file: string): Case => cases.find((c) => c.file === file) as Case;

/** Every (sheet, notes of that sheet) the case wrote. */
const notesSheets = (c: Case): { sheet: string; notes: NotesGrid }[] =>
  c.raters ? (c.plan.layout.panel?.raters ?? []).map((r) => ({ sheet: r.sheet, notes: c.raters?.[r.name].notes ?? {} })) : [{ sheet: c.plan.layout.sheetNames.ratings as string, notes: c.notes ?? {} }];

function source(c: Case, vendor: string, code: string): ReportReasonSource {
  if (!c.raters) return { note: c.notes?.[vendor]?.[code] };
  const held = c.consensus?.vendor === vendor && c.consensus.code === code;
  return { consensus: held, moderation: held ? c.consensus?.reason : undefined, raters: Object.entries(c.raters).map(([name, r]) => ({ name, note: r.notes[vendor]?.[code] })) };
}

const dir = mkdtempSync(join(tmpdir(), "sc-reasons-"));
const buffers = new Map<string, Buffer>();
beforeAll(async () => {
  for (const c of cases) {
    const buffer = await writeXlsx(c.plan);
    buffers.set(c.file, buffer);
    writeFileSync(join(dir, c.file), buffer);
  }
}, 60000);

describe("the notes grid in the written .xlsx", () => {
  test.each(cases.map((c) => c.file))("%s: every reason a text cell as typed, leaf cells unlocked, the sheet protected", async (file) => {
    const c = byFile(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffers.get(file) as unknown as ArrayBuffer);
    const zip = await JSZip.loadAsync(buffers.get(file) as Buffer);
    const grid = c.plan.layout.ratings.notes;
    expect(grid).toBeDefined();
    let checked = 0;
    for (const { sheet, notes: n } of notesSheets(c)) {
      const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
      const index = wb.worksheets.indexOf(ws) + 1;
      const xml = await (zip.file(`xl/worksheets/sheet${index}.xml`) as JSZip.JSZipObject).async("string");
      expect(xml).toMatch(/<sheetProtection [^>]*sheet="1"/);
      expect(xml).not.toMatch(/<f>1\+1<\/f>/);
      VENDORS.forEach((vendor, v) => {
        expect(ws.getCell(c.plan.layout.ratings.headerRow, (grid?.firstCol as number) + v).value).toBe(grid?.headers[v]);
        for (const r of c.plan.layout.ratings.rows) {
          if (!r.leaf) continue;
          const at = ws.getCell(r.row, (grid?.firstCol as number) + v);
          const want = n[vendor]?.[r.code];
          expect([r.code, at.type === ExcelJS.ValueType.String || want === undefined, at.value ?? undefined]).toEqual([r.code, true, want]);
          expect(at.numFmt).toBe("@");
          expect(at.protection?.locked).toBe(false);
          checked += want !== undefined ? 1 : 0;
        }
      });
    }
    expect(checked).toBeGreaterThan(codes.length);
  });
});

(existsSync(VALIDATE) ? describe : describe.skip)("the workbooks with reasons pass the OOXML validator", () => {
  test.each(cases.map((c) => c.file))("%s", (file) => {
    const r = spawnSync(VALIDATE, [join(dir, file)], { encoding: "utf8", timeout: 120000 });
    expect(`${r.stdout}${r.stderr}`).toMatch(/parts valid, 0 invalid/);
  });
});

describeWithLibreOffice("LibreOffice Report reasons check")("LibreOffice recalculates the Report's reasons to reportReason", () => {
  const out = join(dir, "out");
  beforeAll(() => recalculate(dir, cases.map((c) => join(dir, c.file)), out), 240000);
  test.each(cases.map((c) => c.file))("%s", async (file) => {
    const c = byFile(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, file));
    const get = (sheet: string, a1: string): CellValue => recalculatedValue((wb.getWorksheet(sheet) as ExcelJS.Worksheet).getCell(a1));
    const rowOf = new Map(c.plan.layout.ratings.rows.map((r) => [r.code, r.row]));
    const consolidated = c.plan.layout.panel?.consolidated.sheet;
    const result = c.grid ? score(tree, ratingsList(c.grid), { vendors: VENDORS }) : undefined;
    const leafValue = (v: number, code: string): number | null => {
      if (result) return result.vendors[v].leaves[code]?.value ?? null;
      const x = get(consolidated as string, cell(rowOf.get(code) as number, RATINGS.firstVendor + v));
      return typeof x === "number" ? x : null;
    };
    expect(compareReasons(c.plan, tree, get, leafValue, (vendor, code) => source(c, vendor, code))).toEqual([]);
    const shown = (c.plan.layout.report?.profiles ?? []).flatMap((p) => [...p.strongest, ...p.weakest]).map((x) => get(c.plan.layout.report?.sheet as string, x.reason as string));
    // Not all blank: the comparison saw reasons, a cut one among them.
    expect(shown.filter((x) => x !== "").length).toBeGreaterThanOrEqual(6);
    if (c.consensus) expect(shown[0]).toBe(c.consensus.reason);
  });
});

describeWithPdf("LibreOffice Report reasons print check")("printed to PDF", () => {
  const pdf = join(dir, "pdf");
  beforeAll(() => printPdf(dir, cases.map((c) => join(dir, c.file)), pdf), 240000);
  const squash = (s: string): string => s.replace(/\s+/g, "");
  const sheetOf = (page: string): string => page.split("\n").find((l) => l.trim() !== "")?.trim().split(/\s{2,}/).pop() ?? "";

  test.each(cases.map((c) => c.file))("%s: the Report in at most 2 pages plus one per vendor with every vendor, total, grade and the reasons shown", (file) => {
    const c = byFile(file);
    const rep = c.plan.layout.report;
    const pages = pdfPages(join(pdf, file.replace(/\.xlsx$/, ".pdf")));
    const report = pages.filter((p) => sheetOf(p) === rep?.sheet);
    console.log(`${file}: ${pages.length} pages in all, the Report ${report.length}`);
    expect(report.length).toBeGreaterThanOrEqual(1 + VENDORS.length);
    expect(report.length).toBeLessThanOrEqual(2 + VENDORS.length);
    const text = squash(report.join("\n"));
    if (c.grid) {
      const result = score(tree, ratingsList(c.grid), { vendors: VENDORS });
      const award = evaluateAward(tree, result);
      for (const v of result.vendors) {
        expect(text).toContain(squash(v.vendor));
        expect(text).toContain((v.total as number).toFixed(2));
        expect(text).toContain(squash(award.vendors.find((a) => a.vendor === v.vendor)?.grade?.label[c.locale] ?? "no grade"));
      }
    }
    // Each profile's page holds the reasons under its strongest and weakest indicators, whole.
    const profile = c.locale === "zh-CN" ? "供应商概况：" : "Vendor profile: ";
    VENDORS.forEach((vendor, v) => {
      const page = report.find((p) => p.includes(`${profile}${vendor}`));
      expect(page).toBeDefined();
      const reasons = new Set<string>();
      for (const code of profileCodes(c, v)) reasons.add(reportReason(source(c, vendor, code)));
      for (const r of reasons) if (r !== "") expect(squash(page as string)).toContain(squash(r));
      if (c.grid && vendor === "Acme") expect(reasons).toContain(reportReason({ note: LONG_CJK }));
    });
  });

  test.each(cases.map((c) => c.file))("%s: the ratings sheets print with their reasons, wrapped in their columns and readable", (file) => {
    const c = byFile(file);
    const path = join(pdf, file.replace(/\.xlsx$/, ".pdf"));
    const pages = pdfPages(path);
    for (const { sheet, notes: n } of notesSheets(c)) {
      const text = squash(pages.filter((p) => sheetOf(p) === sheet).join("\n"));
      expect(text.length).toBeGreaterThan(0);
      // Long reasons wrap inside their cells: they do not run past the grid and shrink the page to fit (11-point text printed at least 5 points high).
      const first = pages.findIndex((p) => sheetOf(p) === sheet) + 1;
      const words = execFileSync("pdftotext", ["-bbox", "-f", String(first), "-l", String(first), path, "-"], { encoding: "utf8" });
      const code = /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">1\.1<\/word>/.exec(words);
      expect(code).not.toBeNull();
      expect(Number(code?.[2]) - Number(code?.[1])).toBeGreaterThan(5);
      VENDORS.forEach((vendor) => {
        expect(text).toContain(squash(`${c.plan.layout.ratings.notes?.headers[VENDORS.indexOf(vendor)]}`));
        for (const t of Object.values(n[vendor] ?? {})) if (SHORT.includes(t)) expect(text).toContain(squash(t));
      });
    }
  });
});

/** The codes of vendor v's strongest and weakest indicators, found from the case's ratings (a panel: from its recalculated Consolidated sheet is not needed — the raters' mean with the consensus). */
function profileCodes(c: Case, v: number): string[] {
  const vendor = VENDORS[v];
  const value = (code: string): number | null => {
    if (c.grid) {
      const x = c.grid[vendor]?.[code];
      return typeof x === "number" ? x : null;
    }
    if (c.consensus?.vendor === vendor && c.consensus.code === code) return c.consensus.value;
    const xs = Object.values(c.raters ?? {}).map((r) => r.grid[vendor]?.[code]).filter((x): x is number => typeof x === "number");
    return xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
  };
  const rated = codes.map((code, j) => ({ code, j, x: value(code) })).filter((e): e is { code: string; j: number; x: number } => e.x !== null);
  return [...[...rated].sort((a, b) => b.x - a.x || a.j - b.j).slice(0, 3), ...[...rated].sort((a, b) => a.x - b.x || a.j - b.j).slice(0, 3)].map((e) => e.code);
}
