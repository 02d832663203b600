/**
 * Workbooks with Maturity sheets, written by the .xlsx writer, pass the OOXML validator; filled
 * through ExcelJS with random marks (stage names, numbers, junk, blanks) and recalculated by
 * LibreOffice headless they give assessMaturity's figures. Skipped only without soffice / the validator.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { defaultMaturityModel } from "../../src/core/maturity";
import { defaultTree } from "../../src/core/model";
import { buildPlan, type WorkbookPlan } from "../../src/plan";
import { writeXlsx } from "../../src/xlsx";
import { compareSheet, marksArb, typedValue, type Typed } from "../plan/maturityHelpers";
import { describeWithLibreOffice, recalculate, recalculatedValue, OOXML_VALIDATE as VALIDATE } from "./libreoffice";

const describeLo = describeWithLibreOffice("LibreOffice Maturity check");
const describeValidator = existsSync(VALIDATE) ? describe : describe.skip;
if (!existsSync(VALIDATE)) console.warn(`OOXML validation of the Maturity workbooks SKIPPED: ${VALIDATE} not found`);

const model = defaultMaturityModel();
const tree = defaultTree();
type Marks = { today: Typed[]; aim: Typed[] };

interface Case {
  file: string;
  locale: "en-US" | "zh-CN";
  raters?: string[];
  /** Per file: marks for the marketing and the training sheet. */
  marks: Marks[];
  plan?: WorkbookPlan;
}

function makeCases(): Case[] {
  const sample = (seed: number): Marks[] => fc.sample(fc.tuple(marksArb, marksArb), { seed, numRuns: 1 })[0];
  const cases: Case[] = [];
  for (let i = 0; i < 4; i++) cases.push({ file: `maturity-${i}-en.xlsx`, locale: "en-US", marks: sample(100 + i) });
  for (let i = 0; i < 4; i++) cases.push({ file: `maturity-${i}-zh.xlsx`, locale: "zh-CN", marks: sample(200 + i) });
  cases.push({ file: "maturity-panel-zh.xlsx", locale: "zh-CN", raters: ["Ann", "Bo"], marks: sample(300) });
  return cases;
}

function planOf(c: Case): WorkbookPlan {
  return buildPlan({ tree, vendors: ["Acme", "Beta"], options: { locale: c.locale }, createdAt: "2026-12-01T00:00:00.000Z", raters: c.raters, maturity: { scenarios: ["marketing", "training"] } });
}


async function fill(path: string, plan: WorkbookPlan, c: Case): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  (plan.layout.maturity ?? []).forEach((l, k) => {
    const ws = wb.getWorksheet(l.sheet) as ExcelJS.Worksheet;
    const names = model.scenarios[k].stages.map((s) => s.name[c.locale]);
    l.today.forEach((a1, i) => (ws.getCell(a1).value = typedValue(c.marks[k].today[i], names)));
    l.aim.forEach((a1, i) => (ws.getCell(a1).value = typedValue(c.marks[k].aim[i], names)));
  });
  await wb.xlsx.writeFile(path);
}

describeValidator("the Maturity workbooks pass the OOXML validator", () => {
  test.each(["en-US", "zh-CN"] as const)("%s, both scenarios, as written", async (locale) => {
    const dir = mkdtempSync(join(tmpdir(), "sc-mat-val-"));
    const path = join(dir, `maturity-${locale}.xlsx`);
    writeFileSync(path, await writeXlsx(planOf({ file: "", locale, marks: [] })));
    const r = spawnSync(VALIDATE, [path], { encoding: "utf8", timeout: 120000 });
    expect(`${r.stdout}${r.stderr}`).toMatch(/parts valid, 0 invalid/);
    expect(r.status).toBe(0);
  }, 120000);
});

describeLo("LibreOffice recalculates the Maturity sheets to assessMaturity's figures", () => {
  const dir = mkdtempSync(join(tmpdir(), "sc-lo-mat-"));
  const out = join(dir, "out");
  const cases = makeCases();
  let compared = 0;

  beforeAll(async () => {
    for (const c of cases) {
      c.plan = planOf(c);
      const path = join(dir, c.file);
      writeFileSync(path, await writeXlsx(c.plan));
      await fill(path, c.plan, c);
    }
    recalculate(dir, cases.map((c) => join(dir, c.file)), out);
  }, 180000);

  afterAll(() => console.log(`Maturity sheets (LibreOffice) vs assessMaturity: ${compared} sheets × 12 result cells compared`));

  test.each(cases.map((c) => c.file))("%s", async (file) => {
    const c = cases.find((k) => k.file === file) as Case;
    const plan = c.plan as WorkbookPlan;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, file));
    (plan.layout.maturity ?? []).forEach((l, k) => {
      const ws = wb.getWorksheet(l.sheet) as ExcelJS.Worksheet;
      expect(compareSheet((a1) => recalculatedValue(ws.getCell(a1)), l, model, tree, c.locale, c.marks[k])).toEqual([]);
      compared++;
    });
  });
});
