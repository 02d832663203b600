import fc from "fast-check";
import { defaultMaturityModel } from "../../src/core/maturity";
import { defaultTree } from "../../src/core/model";
import { buildPlan, checkPlanInput, type MaturityInput, type WorkbookPlan } from "../../src/plan";
import { MATURITY_LABELS } from "../../src/plan/maturityLabels";
import { hfFromPlan } from "./hf";
import { compareSheet, marksArb, typedValue } from "./maturityHelpers";

const CREATED = "2026-12-01T00:00:00.000Z";
const model = defaultMaturityModel();
const tree = defaultTree();

function plan(maturity?: MaturityInput, opts: { raters?: string[]; locale?: "en-US" | "zh-CN" } = {}): WorkbookPlan {
  return buildPlan({ tree, vendors: ["Acme", "Beta"], options: { locale: opts.locale ?? "en-US" }, createdAt: CREATED, raters: opts.raters, maturity });
}

describe("the Maturity sheets are optional", () => {
  test("default workbooks do not change: no maturity input, or no scenarios, gives the same plan (single and panel)", () => {
    const base = plan();
    expect(base.sheets.some((s) => s.key === "maturity")).toBe(false);
    expect(base.layout.maturity).toBeUndefined();
    expect(base.model.maturity).toBeUndefined();
    expect(JSON.stringify(plan({ scenarios: [] }))).toBe(JSON.stringify(base));
    const panel = plan(undefined, { raters: ["Ann", "Bo"] });
    expect(JSON.stringify(plan({ scenarios: [] }, { raters: ["Ann", "Bo"] }))).toBe(JSON.stringify(panel));
  });
  test("asked for: after Charts, one sheet per scenario; Method gains a section; the model records it; other sheets unchanged", () => {
    const base = plan();
    const p = plan({ scenarios: ["marketing", "training"] });
    expect(p.sheets.map((s) => s.name)).toEqual(["Ratings", "Weights", "Results", "Charts", "Maturity (Marketing)", "Maturity (Training)", "Method", "Calc", "Award calc", "SC_Model"]);
    expect(p.layout.maturity?.map((m) => [m.scenario, m.sheet])).toEqual([["marketing", "Maturity (Marketing)"], ["training", "Maturity (Training)"]]);
    expect(p.model.maturity).toEqual({ scenarios: ["marketing", "training"] });
    for (const s of base.sheets) if (s.key !== "method" && s.key !== "model") expect(JSON.stringify(p.sheets.find((x) => x.name === s.name))).toBe(JSON.stringify(s));
    const method = JSON.stringify(p.sheets.find((s) => s.key === "method"));
    expect(method).toContain(MATURITY_LABELS["en-US"].methodHeading);
    expect(method).toContain("the product's, not the report's");
    const zh = plan({ scenarios: ["training"] }, { locale: "zh-CN" });
    expect(zh.layout.maturity?.[0].sheet).toBe("成熟度（培训）");
    const panel = plan({ scenarios: ["marketing"] }, { raters: ["Ann", "Bo"] });
    expect(panel.sheets.map((s) => s.key)).toContain("maturity");
  });
  test("unknown or repeated scenarios are refused with the reason", () => {
    const input = (scenarios: string[]) => ({ tree, vendors: ["A"], maturity: { scenarios } });
    expect(() => checkPlanInput(input(["retail"]))).toThrow(/no scenario "retail"/);
    expect(() => checkPlanInput(input(["training", "training"]))).toThrow(/twice/);
    expect(() => checkPlanInput(input(["marketing", "training"]))).not.toThrow();
  });
  test("inputs: a drop-down of the stage names, unlocked; descriptions side by side; the indicators row marked as the product's; print set-up", () => {
    const p = plan({ scenarios: ["marketing"] }, { locale: "zh-CN" });
    const sheet = p.sheets.find((s) => s.key === "maturity");
    const layout = p.layout.maturity?.[0];
    expect(layout?.today).toEqual(["G7", "G8", "G9", "G10", "G11", "G12"]);
    expect(sheet?.validations[0]).toMatchObject({ range: "G7:H12", rule: { kind: "list", values: ["起步阶段", "初级阶段", "小有建树", "日臻成熟", "全链接系统"] } });
    expect(sheet?.formats.some((f) => f.ranges.includes("G7:H12") && f.locked === false)).toBe(true);
    const book = hfFromPlan(p);
    const name = layout?.sheet as string;
    expect(book.get(name, "B5")).toBe("起步阶段");
    expect(book.get(name, "F9")).toBe("在日臻成熟的基础上，满足快速化的定制化开发、能够全面打通数据生态CDP");
    expect(book.get(name, "A14")).toBe("参考指标（本产品的对应关系，非报告内容）");
    expect(book.get(name, "D14")).toContain("5.1.1 开放接口");
    expect(sheet?.print).toMatchObject({ orientation: "landscape", fitToWidth: true });
    expect((sheet?.rowHeights ?? []).length).toBeGreaterThan(6);
  });
  test("pre-filled marks are written as stage names; anything else as given (a rebuilt sheet's marks as typed), not counted", () => {
    const p = plan({ scenarios: ["training"], marks: { training: { today: [1, 2, null, 9, 3, 3], aim: [4, 4, 4, 4, 4, 5] } } });
    const book = hfFromPlan(p);
    const l = p.layout.maturity?.[0];
    expect(book.get(l?.sheet as string, "G8")).toBe("Early use");
    expect(book.get(l?.sheet as string, "G10")).toBe(9);
    expect(book.get(l?.sheet as string, l?.current as string)).toBe(2);
  });
});

describe("HyperFormula recalculates the Maturity sheet to assessMaturity's figures", () => {
  test.each(["en-US", "zh-CN"] as const)("random marks, %s, both scenarios", (locale) => {
    const p = plan({ scenarios: ["marketing", "training"] }, { locale });
    const book = hfFromPlan(p);
    let runs = 0;
    fc.assert(
      fc.property(marksArb, marksArb, (m1, m2) => {
        const problems: string[] = [];
        [m1, m2].forEach((marks, k) => {
          const layout = p.layout.maturity?.[k];
          if (!layout) throw new Error("no layout");
          const names = model.scenarios[k].stages.map((s) => s.name[locale]);
          book.batch(() => {
            layout.today.forEach((c, i) => book.set(layout.sheet, c, typedValue(marks.today[i], names)));
            layout.aim.forEach((c, i) => book.set(layout.sheet, c, typedValue(marks.aim[i], names)));
          });
          problems.push(...compareSheet((a1) => book.get(layout.sheet, a1), layout, model, tree, locale, marks));
        });
        runs++;
        expect(problems).toEqual([]);
      }),
      { numRuns: 150, seed: 16 },
    );
    expect(runs).toBe(150);
  });
});
