/**
 * Collecting from stakeholders: a rater copy written by the CLI, filled and returned (rows
 * re-sorted, an extra vendor, an unknown code, a row without code), read back by code and
 * merged with the existing import merge (conflicts, overwrite log).
 */
import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import fc from "fast-check";
import { existsSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "../../src/cli/commands/template";
import type { Rating } from "../../src/core/engine";
import { applyMerge, previewMerge } from "../../src/core/import";
import { defaultTree, leaves } from "../../src/core/model";
import { buildPlan, copyRatings, MODEL_SHEET_NAME, readReturnedCopy, readStoredModel, type CellValue, type NotesGrid, type StoredModel } from "../../src/plan";
import { copyPreview, readCopyFile } from "../../src/plan/copyMerge";
import { raterCopyFile } from "../../src/xlsx/raterCopyFile";
import { OOXML_VALIDATE } from "./libreoffice";

const dir = mkdtempSync(join(tmpdir(), "sc-copy-"));
const io = { stdout: (): void => undefined, stderr: (): void => undefined };
const vendors = ["Acme", "Beta"];
const raters = ["Alice", "Bob", "Carol"];

function sheetValues(ws: ExcelJS.Worksheet): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: CellValue[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = ws.getCell(r, c).value;
      row.push(v === null || v === undefined ? null : typeof v === "object" ? JSON.stringify(v) : (v as CellValue));
    }
    out.push(row);
  }
  return out;
}

async function writeCopy(file: string, rater: string): Promise<string> {
  const path = join(dir, file);
  expect(await run(["--vendors", vendors.join(","), "--raters", raters.join(","), "--rater-copy", rater, "--out", path], io)).toBe(0);
  return path;
}

async function open(path: string): Promise<{ wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet; model: StoredModel }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const modelWs = wb.getWorksheet(MODEL_SHEET_NAME) as ExcelJS.Worksheet;
  const colA: CellValue[] = [];
  for (let r = 1; r <= modelWs.rowCount; r++) colA.push(modelWs.getCell(r, 1).value as CellValue);
  const model = readStoredModel(colA) as StoredModel;
  const ws = wb.worksheets.find((w) => w.name !== MODEL_SHEET_NAME) as ExcelJS.Worksheet;
  return { wb, ws, model };
}

const codes = leaves(defaultTree()).map((l) => l.node.code);
const given = (v: number, i: number): number | "NA" => (i % 7 === 3 ? "NA" : (i * 13 + v * 29) % 101);

describe("rater copy", () => {
  test("holds one rater's sheet and the model marked as that rater's copy", async () => {
    const { wb, ws, model } = await open(await writeCopy("bob.xlsx", "Bob"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Ratings - Bob", MODEL_SHEET_NAME]);
    expect(ws.getCell("A1").value).toBe("Ratings — Bob");
    expect(model.raterCopy).toEqual({ rater: "Bob" });
    expect(model.raters).toEqual(raters);
    expect(model.vendors).toEqual(vendors);
  });

  test("a returned copy with re-sorted rows, an extra vendor, an unknown code and a row without code merges by code", async () => {
    const path = await writeCopy("bob-returned.xlsx", "Bob");
    const { wb, ws } = await open(path);
    // Bob fills in every leaf for both vendors.
    for (let r = 4; r <= ws.rowCount; r++) {
      const i = codes.indexOf(String(ws.getCell(r, 1).value));
      if (i < 0) continue;
      vendors.forEach((_, v) => (ws.getCell(r, 4 + v).value = given(v, i) === "NA" ? "N/A" : given(v, i)));
    }
    // ...then sorts the rows (descending code), adds a vendor column and stray rows.
    const rows: CellValue[][] = [];
    for (let r = 4; r <= ws.rowCount; r++) rows.push([1, 2, 3, 4, 5].map((c) => ws.getCell(r, c).value as CellValue));
    rows.sort((a, b) => String(b[0]).localeCompare(String(a[0])));
    rows.forEach((row, k) => row.forEach((x, c) => (ws.getCell(4 + k, c + 1).value = x)));
    ws.getCell(3, 6).value = "Zeta";
    ws.getCell(4, 6).value = 50;
    const end = 4 + rows.length;
    ws.getCell(end, 1).value = "9.9";
    ws.getCell(end, 4).value = 40;
    ws.getCell(end + 1, 4).value = 30;
    await wb.xlsx.writeFile(path);

    const back = await open(path);
    const target = buildPlan({ tree: defaultTree(), vendors, raters }).model;
    const copy = readReturnedCopy({ values: sheetValues(back.ws), copyModel: back.model, target, sourceName: "bob-returned.xlsx" });
    expect(copy.rater).toBe("Bob");
    expect(copy.extraVendors).toEqual(["Zeta"]);
    expect(copy.unknownCodes).toEqual(["9.9"]);
    expect(copy.unplaced).toEqual([
      { row: end, reason: "unknown-code", code: "9.9" },
      { row: end + 1, reason: "no-code", code: "" },
    ]);
    const want = vendors.flatMap((vendor, v) => codes.map((code, i) => ({ vendor, code, rater: "Bob", value: given(v, i) })));
    const key = (r: Rating): string => `${r.vendor}|${r.code}|${r.rater}`;
    const got = copyRatings(copy).sort((a, b) => key(a).localeCompare(key(b)));
    expect(got).toEqual([...want].sort((a, b) => key(a).localeCompare(key(b))));
    expect(copy.imported.counts.read).toBe(copy.imported.counts.accepted + copy.imported.counts.rejected);
    expect(copy.imported.rejected.map((r) => r.code).sort()).toEqual(["empty-indicator", "unknown-indicator"]);

    // The workbook already holds Alice's ratings and one different rating of Bob's.
    const existing: Rating[] = [
      { vendor: "Acme", code: codes[0], rater: "Alice", value: 10 },
      { vendor: "Acme", code: codes[0], rater: "Bob", value: 99 },
    ];
    const preview = previewMerge(existing, copy.imported);
    expect(preview.conflicts).toEqual([expect.objectContaining({ vendor: "Acme", code: codes[0], rater: "Bob", existing: 99, incoming: given(0, 0) })]);
    expect(preview.added).toBe(want.length - 1);
    const kept = applyMerge(existing, copy.imported, "keep-existing", { time: "2026-11-25T22:00:00Z" });
    expect(kept.merged.find((r) => r.rater === "Bob" && r.vendor === "Acme" && r.code === codes[0])?.value).toBe(99);
    const over = applyMerge(existing, copy.imported, "overwrite", { time: "2026-11-25T22:00:00Z" });
    expect(over.log).toEqual([expect.objectContaining({ rater: "Bob", oldValue: 99, newValue: given(0, 0), sourceFile: "bob-returned.xlsx" })]);
    expect(over.merged.filter((r) => r.rater === "Alice")).toEqual([existing[0]]);
  });

  test("a sheet without the code header is reported, not guessed", () => {
    const model = buildPlan({ tree: defaultTree(), vendors, raters }).model;
    const copy = readReturnedCopy({ values: [["something else"], [1, 2, 3]], copyModel: { ...model, raterCopy: { rater: "Bob" } } });
    expect(copy.imported.ok).toBe(false);
    expect(copy.imported.warnings).toEqual([]);
    const foreign = readReturnedCopy({ values: [], copyModel: model, target: { ...model, tree: { ...model.tree, id: "other" } } });
    expect(foreign.imported.warnings.map((w) => w.code)).toEqual(["not-a-rater-copy", "other-standard"]);
    expect(copy.imported.fatal?.code).toBe("no-data");
    expect(copy.imported.accepted).toEqual([]);
  });
});

describe("rater copy reasons (notes grid, issue #14)", () => {
  const model = (locale: "en-US" | "zh-CN"): StoredModel => buildPlan({ tree: defaultTree(), vendors, raters, options: { locale, missing: "exclude" }, createdAt: "2026-12-05T10:00:00Z" }).model;
  // Text that a sheet could take for something else: formulas, numbers, quotes, markup, CJK, spaces around.
  const reason = fc
    .array(fc.constantFrom("a", "Z", " ", "=", "+", "-", "@", "1", "0", ".", "e", "理", "由", "：", '"', "<", "&", "'"), { minLength: 1, maxLength: 12 })
    .map((cs) => cs.join(""))
    .filter((t) => t.trim() !== "");
  const grid = fc
    .array(fc.tuple(fc.constantFrom(...vendors), fc.constantFrom(...codes.slice(0, 12)), reason), { maxLength: 10 })
    .map((list) => {
      const out: NotesGrid = {};
      for (const [v, c, t] of list) (out[v] ??= {})[c] = t;
      return out;
    });
  const flat = (g: NotesGrid): string[] => Object.entries(g).flatMap(([v, byCode]) => Object.entries(byCode).map(([c, t]) => `${v}|${c}|${t.trim()}`)).sort();

  test("property: the reasons pre-filled in a copy are read back as the same text (never a formula nor a number), none as a vendor", async () => {
    await fc.assert(
      fc.asyncProperty(grid, fc.constantFrom("en-US" as const, "zh-CN" as const), async (notes, locale) => {
        const m = model(locale);
        const file = await readCopyFile((await raterCopyFile(m, "Bob", { notes })).bytes);
        const preview = copyPreview(file, m, [], "bob.xlsx");
        expect(preview.extraVendors).toEqual([]);
        expect(preview.ratings).toEqual([]);
        expect(preview.notes.map((n) => `${n.vendor}|${n.code}|${n.note}`).sort()).toEqual(flat(notes));
        expect(preview.notes.every((n) => n.rater === "Bob")).toBe(true);
        expect(preview.notePreview).toEqual({ added: flat(notes).length, unchanged: 0, conflicts: 0 });
        // against the same reasons already in the workbook: all unchanged
        const again = copyPreview(file, m, [], "bob.xlsx", [], notes);
        expect(again.notePreview).toEqual({ added: 0, unchanged: flat(notes).length, conflicts: 0 });
      }),
      { numRuns: 12 },
    );
  }, 60000);

  (existsSync(OOXML_VALIDATE) ? test : test.skip)("a copy with reasons in either language passes the OOXML validator", async () => {
    for (const locale of ["en-US", "zh-CN"] as const) {
      const path = join(dir, `reasons-${locale}.xlsx`);
      const notes: NotesGrid = { Acme: { [codes[0]]: "=SUM(A1)", [codes[1]]: "42" }, Beta: { [codes[0]]: "理由：试点顺利 <ok> & \"fine\"" } };
      writeFileSync(path, (await raterCopyFile(model(locale), "Bob", { ratings: { Acme: { [codes[0]]: 70 } }, notes })).bytes);
      expect(() => execFileSync(OOXML_VALIDATE, [path], { stdio: "pipe" })).not.toThrow();
    }
  });
});
