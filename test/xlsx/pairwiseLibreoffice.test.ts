/**
 * Workbooks with the Pairwise (AHP) sheet, written by the .xlsx writer, pass the OOXML validator;
 * filled through ExcelJS (judgements typed as 3, "1/3", "0.333", "0,5") and recalculated by
 * LibreOffice headless they give the engine's weights, λmax, CI, CR and consensus (1e-9).
 * The LibreOffice part is skipped only without soffice, the validator part only without the tool.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { analyse } from "../../src/core/ahp";
import { defaultTree, type IndicatorNode, type IndicatorTree } from "../../src/core/model";
import { buildPlan, type CellValue, type PairwiseBlockLayout, type PairwiseInput, type WorkbookPlan } from "../../src/plan";
import { PAIRWISE_LABELS } from "../../src/plan/pairwiseLabels";
import { writeXlsx } from "../../src/xlsx";
import { compareBlock, expectPanel, judgementsOf, typedArb } from "../plan/pairwiseHelpers";
import { describeWithLibreOffice, recalculate, recalculatedValue, OOXML_VALIDATE as VALIDATE } from "./libreoffice";

const describeLo = describeWithLibreOffice("LibreOffice Pairwise check");
const describeValidator = existsSync(VALIDATE) ? describe : describe.skip;
if (!existsSync(VALIDATE)) console.warn(`OOXML validation of the Pairwise workbooks SKIPPED: ${VALIDATE} not found`);

function flatTree(n: number): IndicatorTree {
  const roots: IndicatorNode[] = Array.from({ length: n }, (_, i) => ({ code: `C${i + 1}`, name: { "zh-CN": `准则${i + 1}`, "en-US": `Criterion ${i + 1}` }, weight: null, required: false, children: [] }));
  return { id: "flat", title: { "zh-CN": "平", "en-US": "Flat" }, roots };
}

interface Case {
  file: string;
  tree: IndicatorTree;
  locale: "en-US" | "zh-CN";
  raters?: string[];
  pairwise: PairwiseInput;
  /** Typed judgements per group (by parent, "" = top level), per rater block; null = left blank (a panel rater who did not finish). */
  typed: Map<string, ((string | number)[] | null)[]>;
  plan?: WorkbookPlan;
}

const HOUSE = ["5", "3", "7", "6", "6", "1/3", "1/4", "1/3", "5", "3", "3", "1/5", "1/7", "6", "3", "4", "6", "1/5", "1/3", "1/4", "1/7", "1/8", "1/2", "1/5", "1/6", "1/5", "1/6", "1/2"];

function sampleTyped(count: number, seed: number): (string | number)[] {
  return fc.sample(fc.array(typedArb, { minLength: count, maxLength: count }), { seed, numRuns: 1 })[0];
}

function makeCases(): Case[] {
  const single: Case = { file: "single-en.xlsx", tree: defaultTree(), locale: "en-US", pairwise: { groups: [null, "1", "4.1", "2.2"] }, typed: new Map() };
  single.typed.set("", [sampleTyped(10, 1)]);
  single.typed.set("1", [sampleTyped(15, 2)]);
  single.typed.set("4.1", [sampleTyped(36, 3)]);
  single.typed.set("2.2", [sampleTyped(1, 4)]);
  const panel: Case = { file: "panel-zh.xlsx", tree: defaultTree(), locale: "zh-CN", raters: ["Ann", "Bo", "Cy"], pairwise: { groups: [null, "2"] }, typed: new Map() };
  panel.typed.set("", [sampleTyped(10, 5), sampleTyped(10, 6), sampleTyped(10, 7)]);
  panel.typed.set("2", [sampleTyped(3, 8), null, sampleTyped(3, 9)]);
  const flat: Case = { file: "house-and-ten-en.xlsx", tree: flatTree(10), locale: "en-US", pairwise: { groups: [null] }, typed: new Map([["", [sampleTyped(45, 10)]]]) };
  const house: Case = { file: "house-en.xlsx", tree: flatTree(8), locale: "en-US", pairwise: { groups: [null] }, typed: new Map([["", [HOUSE]]]) };
  return [single, panel, flat, house];
}

function planOf(c: Case): WorkbookPlan {
  return buildPlan({ tree: c.tree, vendors: ["Acme", "Beta"], options: { locale: c.locale }, createdAt: "2026-12-01T00:00:00.000Z", raters: c.raters, pairwise: c.pairwise });
}


async function fill(path: string, plan: WorkbookPlan, c: Case): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(plan.layout.pairwise?.sheet as string) as ExcelJS.Worksheet;
  for (const g of plan.layout.pairwise?.groups ?? []) {
    const typed = c.typed.get(g.parent ?? "") ?? [];
    g.blocks.filter((b) => b.kind === "rater").forEach((b, k) => {
      const t = typed[k];
      if (t) b.pairs.forEach((p, i) => (ws.getCell(p.input).value = t[i]));
    });
  }
  await wb.xlsx.writeFile(path);
}

function validate(file: string): { code: number | null; out: string } {
  const r = spawnSync(VALIDATE, [file], { encoding: "utf8", timeout: 120000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describeValidator("the Pairwise workbooks pass the OOXML validator", () => {
  test.each(makeCases().map((c) => c.file))("%s as written", async (file) => {
    const c = makeCases().find((k) => k.file === file) as Case;
    const dir = mkdtempSync(join(tmpdir(), "sc-pw-val-"));
    const path = join(dir, file);
    writeFileSync(path, await writeXlsx(planOf(c)));
    const r = validate(path);
    expect(r.out).toMatch(/parts valid, 0 invalid/);
    expect(r.code).toBe(0);
  }, 120000);
});

describeLo("LibreOffice recalculates the Pairwise sheet to the engine's figures", () => {
  const dir = mkdtempSync(join(tmpdir(), "sc-lo-pw-"));
  const out = join(dir, "out");
  const cases = makeCases();
  let worst = 0;

  beforeAll(async () => {
    for (const c of cases) {
      c.plan = planOf(c);
      const path = join(dir, c.file);
      writeFileSync(path, await writeXlsx(c.plan));
      await fill(path, c.plan, c);
    }
    recalculate(dir, cases.map((c) => join(dir, c.file)), out);
  }, 180000);

  afterAll(() => console.log(`Pairwise sheet (LibreOffice) vs engine: max |Δ| of weights, λmax, CI, CR, consensus ${worst.toExponential(2)}`));

  test.each(cases.map((c) => c.file))("%s", async (file) => {
    const c = cases.find((k) => k.file === file) as Case;
    const plan = c.plan as WorkbookPlan;
    const L = PAIRWISE_LABELS[c.locale];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, file));
    const ws = wb.getWorksheet(plan.layout.pairwise?.sheet as string) as ExcelJS.Worksheet;
    const get = (a1: string): CellValue => recalculatedValue(ws.getCell(a1));
    const track = (b: PairwiseBlockLayout, want: number[]): void => b.weights.forEach((w, i) => (worst = Math.max(worst, Math.abs((get(w.cell) as number) - want[i]))));
    for (const g of plan.layout.pairwise?.groups ?? []) {
      const typed = c.typed.get(g.parent ?? "") ?? [];
      if (g.blocks.length === 1) {
        const expected = analyse(g.codes.length, judgementsOf(g.blocks[0], g.codes, typed[0] as (string | number)[]));
        expect(compareBlock(get, g.blocks[0], expected, 1e-9, L.yes, L.no)).toEqual([]);
        track(g.blocks[0], expected.weights);
        worst = Math.max(worst, Math.abs((get(g.blocks[0].cr) as number) - expected.cr), Math.abs((get(g.blocks[0].lambdaMax) as number) - expected.lambdaMax));
        if (file === "house-en.xlsx") expect((get(g.blocks[0].cr) as number).toFixed(3)).toBe("0.169");
      } else {
        const expected = expectPanel(g, typed);
        const group = g.blocks[g.blocks.length - 1];
        expect(compareBlock(get, group, expected.group, 1e-9, L.yes, L.no)).toEqual([]);
        track(group, expected.group.weights);
        expect(get(group.ratersCounted as string)).toBe(expected.raters.length);
        if (expected.consensus) {
          const s = get(group.consensus as string) as number;
          expect(Math.abs(s - expected.consensus.value)).toBeLessThan(1e-9);
          worst = Math.max(worst, Math.abs(s - expected.consensus.value));
        } else expect(get(group.consensus as string)).toBe("");
        let e = 0;
        g.blocks.slice(0, -1).forEach((b, k) => {
          if (typed[k] === null) expect(get(b.weights[0].cell)).toBe("");
          else expect(compareBlock(get, b, expected.raters[e++], 1e-9, L.yes, L.no)).toEqual([]);
        });
      }
    }
  });
});
