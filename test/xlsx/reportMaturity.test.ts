/**
 * The Report with a maturity section and a carried signature block, written to .xlsx: passes the
 * OOXML validator (both locales); recalculated by LibreOffice headless, the stages and indicators
 * it states equal assessMaturity for the marks on the Maturity sheets.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { defaultMaturityModel } from "../../src/core/maturity";
import { defaultTree } from "../../src/core/model";
import { buildPlan, type CellValue, type WorkbookPlan } from "../../src/plan";
import { writeXlsx } from "../../src/xlsx";
import { expectedReport } from "../plan/reportMaturityExpect";
import { describeWithLibreOffice, recalculate, recalculatedValue, OOXML_VALIDATE as VALIDATE } from "./libreoffice";

const tree = defaultTree();
const model = defaultMaturityModel();
const MARKS = {
  marketing: { today: [2, 2, 3, 1, null, 2], aim: [4, 4, 5, 4, 4, null] },
  training: { today: [1, 1, 2, null, null, null], aim: [null, null, null, null, null, null] },
};

interface Case { file: string; locale: "en-US" | "zh-CN"; plan: WorkbookPlan }
const cases: Case[] = (["en-US", "zh-CN"] as const).map((locale) => ({
  file: `report-maturity-${locale}.xlsx`,
  locale,
  plan: buildPlan({
    tree, vendors: ["Acme", "Globex"], raters: ["Ann", "Bo"], options: { locale }, createdAt: "2026-12-05T10:00:00Z",
    maturity: { scenarios: ["marketing", "training"], marks: MARKS },
    report: { signatures: [{ signer: { kind: "rater", name: "Ann" }, signature: "A. Smith", date: 46361 }, { signer: { kind: "rater", name: "Cy" }, role: "Observer", date: { f: "=DATE(2026,12,5)" } }] },
  }),
}));


const dir = mkdtempSync(join(tmpdir(), "sc-report-maturity-"));
beforeAll(async () => {
  for (const c of cases) writeFileSync(join(dir, c.file), await writeXlsx(c.plan));
}, 60000);

test("the carried entry without a row (Cy) is kept below the block", () => {
  for (const c of cases) expect(c.plan.layout.report?.signatureBlock.kept.map((k) => k.signer)).toEqual([{ kind: "rater", name: "Cy" }]);
});

(existsSync(VALIDATE) ? describe : describe.skip)("the workbooks pass the OOXML validator", () => {
  test.each(cases.map((c) => c.file))("%s", (file) => {
    const r = spawnSync(VALIDATE, [join(dir, file)], { encoding: "utf8", timeout: 120000 });
    expect(`${r.stdout}${r.stderr}`).toMatch(/parts valid, 0 invalid/);
  });
});

describeWithLibreOffice("LibreOffice Report maturity check")("LibreOffice recalculates the Report's maturity section to assessMaturity", () => {
  const out = join(dir, "out");
  beforeAll(() => recalculate(dir, cases.map((c) => join(dir, c.file)), out), 180000);
  test.each(cases.map((c) => c.file))("%s", async (file) => {
    const c = cases.find((k) => k.file === file) as Case;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, file));
    const report = c.plan.layout.report;
    if (!report?.maturity) throw new Error("no maturity section");
    const get = (a1: string): CellValue => recalculatedValue((wb.getWorksheet(report.sheet) as ExcelJS.Worksheet).getCell(a1));
    const got = report.maturity.map((m) => ({ current: get(m.current), target: get(m.target), indicators: get(m.indicators) }));
    const want = report.maturity.map((m) => expectedReport(model, tree, m.scenario, MARKS[m.scenario as keyof typeof MARKS], c.locale));
    expect(got).toEqual(want);
    expect(want[1].target).not.toBe(want[0].target); // training has no aim marked: "not marked"
    const kept = report.signatureBlock.kept[0].row;
    // Cy's carried date formula computes, shown as a date (the date cells' format).
    const date = (wb.getWorksheet(report.sheet) as ExcelJS.Worksheet).getCell(`G${kept}`).result;
    expect(date instanceof Date ? date.toISOString().slice(0, 10) : date).toBe("2026-12-05");
  });
});
