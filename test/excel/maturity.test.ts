/**
 * The Maturity sheets through the Excel adapter on the in-memory host (issue #16): every mark
 * (today / in 2–3 years, per characteristic, per scenario) kept as typed across a re-create, a
 * change of language, applyWeights and an import that adds vendors, read in the same syncs as
 * before; a scenario left out whose sheet holds marks refused; readMaturity assessed with
 * src/core/maturity.
 */
import { assessMaturity, defaultMaturityModel } from "../../src/core/maturity";
import { defaultTree } from "../../src/core/model/default-tree";
import { cloneTree, findByCode } from "../../src/core/model/tree";
import type { IndicatorNode, IndicatorTree, Locale } from "../../src/core/model/types";
import type { SyncStats } from "../../src/excel";
import { rebuildPlan } from "../../src/excel/readBack";
import { buildPlan, MODEL_SHEET_NAME, readStoredModel, type MaturitySheetLayout } from "../../src/plan";
import { MemoryExcel as FakeExcel } from "../../src/demo/memoryExcel";
import { portOn, request, vendors } from "./helpers";

const MODEL = defaultMaturityModel();

function layoutsOf(tree: IndicatorTree, scenarios: string[], locale: Locale = "en-US"): MaturitySheetLayout[] {
  return buildPlan({ tree, vendors: ["x"], options: { locale }, maturity: { scenarios } }).layout.maturity ?? [];
}

function storedModelOf(fake: FakeExcel): ReturnType<typeof readStoredModel> {
  const sheet = fake.sheet(MODEL_SHEET_NAME);
  if (!sheet) return null;
  const col: (string | number | null)[] = [];
  for (let r = 1; r < 400; r++) {
    const v = sheet.cells.get(`${r},1`)?.value;
    col.push(v === undefined ? null : (v as string | number));
  }
  return readStoredModel(col);
}

const stageName = (scenario: string, k: number, locale: Locale): string => (MODEL.scenarios.find((s) => s.key === scenario)?.stages[k - 1].name[locale]) as string;

/** What each mark cell of a sheet holds (null = blank), today's then the aims. */
function marksOf(fake: FakeExcel, l: MaturitySheetLayout): unknown[] {
  return [...l.today, ...l.aim].map((a) => fake.cell(l.sheet, a)?.value ?? null);
}

function type(fake: FakeExcel, l: MaturitySheetLayout, values: unknown[]): void {
  [...l.today, ...l.aim].forEach((a, i) => fake.put(l.sheet, a, [[values[i] as string | number | null]]));
}

// Six characteristics: today's marks then the aims (names as the drop-down writes them, stage numbers, junk, blanks).
const marketing = (locale: Locale): unknown[] => [
  stageName("marketing", 2, locale), 2, 3, stageName("marketing", 2, locale), "  " + stageName("marketing", 1, locale).toUpperCase() + " ", "not sure",
  4, stageName("marketing", 4, locale), 5, null, 4, 2.5,
];
const training: unknown[] = [1, 1, 2, null, null, null, 3, 3, 3, 3, 3, 3];

describe("the marks are kept when the workbook is rebuilt", () => {
  test("re-create (same syncs: the sheets are read with the model), a change of language, applyWeights, an import adding a vendor: every mark stays", async () => {
    const fake = new FakeExcel();
    const stats: Record<string, SyncStats> = {};
    const port = portOn(fake, undefined, stats);
    const tree = defaultTree();
    await port.createWorkbook(request({ tree, maturity: ["marketing", "training"] }));
    const [m, t] = layoutsOf(tree, ["marketing", "training"]);
    type(fake, m, marketing("en-US"));
    type(fake, t, training);
    const typedM = marksOf(fake, m);
    expect(typedM).toEqual(marketing("en-US"));

    // Re-created with more vendors and no maturity asked: both sheets and every mark as typed.
    await port.createWorkbook(request({ tree, vendors: vendors(5) }));
    expect(stats.createWorkbook.syncs).toBe(3);
    expect(storedModelOf(fake)?.maturity).toEqual({ scenarios: ["marketing", "training"] });
    // A mark read as a stage is written as the stage's name (the drop-down's value); the rest as typed.
    const n = (k: number, locale: Locale = "en-US"): string => stageName("marketing", k, locale);
    expect(marksOf(fake, m)).toEqual([n(2), n(2), n(3), n(2), n(1), "not sure", n(4), n(4), n(5), null, n(4), 2.5]);
    expect(marksOf(fake, t)).toEqual(training.map((v) => (typeof v === "number" ? stageName("training", v, "en-US") : v)));

    // In Chinese: the stage names follow the language (numbers carried, not the English text); junk stays as typed.
    await port.createWorkbook(request({ tree, vendors: vendors(5), locale: "zh-CN" }));
    const [mz, tz] = layoutsOf(tree, ["marketing", "training"], "zh-CN");
    const z = (k: number): string => n(k, "zh-CN");
    expect(marksOf(fake, mz)).toEqual([z(2), z(2), z(3), z(2), z(1), "not sure", z(4), z(4), z(5), null, z(4), 2.5]);
    const before = [marksOf(fake, mz), marksOf(fake, tz)];

    // applyWeights: the marks untouched, the model keeps its maturity part, the indicator names follow the tree.
    const renamed = cloneTree(tree);
    const api = (findByCode(renamed, "5.1.1") as { node: IndicatorNode }).node;
    api.name = { "en-US": "Open APIs (renamed)", "zh-CN": "开放接口（改名）" };
    await port.applyWeights(renamed);
    expect([marksOf(fake, mz), marksOf(fake, tz)]).toEqual(before);
    expect(storedModelOf(fake)?.maturity).toEqual({ scenarios: ["marketing", "training"] });
    const texts = [...(fake.sheet(mz.sheet)?.cells.values() ?? [])].map((c) => String(c.value));
    expect(texts.some((v) => v.includes("5.1.1 开放接口（改名）"))).toBe(true);

    // An import adding a vendor rebuilds the scorecard: the marks again.
    await port.importRatings({ ratings: [{ vendor: "New Co", code: "1.1", value: 80 }], choice: "keep-existing", sourceFile: "r.csv", newVendors: ["New Co"] });
    expect(storedModelOf(fake)?.vendors).toContain("New Co");
    expect(storedModelOf(fake)?.maturity).toEqual({ scenarios: ["marketing", "training"] });
    expect([marksOf(fake, mz), marksOf(fake, tz)]).toEqual(before);
  });

  test("a panel keeps the marks too; the rebuilt plan (read back) has the Maturity sheets and Method's maturity section", async () => {
    const fake = new FakeExcel();
    const port = portOn(fake);
    const tree = defaultTree();
    await port.createWorkbook(request({ tree, raters: ["Ann", "Bo"], maturity: ["training"] }));
    const [t] = layoutsOf(tree, ["training"]);
    type(fake, t, training);
    await port.createWorkbook(request({ tree, raters: ["Ann", "Bo", "Cy"] }));
    expect(marksOf(fake, t)).toEqual(training.map((v) => (typeof v === "number" ? stageName("training", v, "en-US") : v)));
    const model = storedModelOf(fake);
    if (!model) throw new Error("no model");
    const plan = rebuildPlan(model);
    expect(plan.layout.maturity?.map((l) => l.sheet)).toEqual([t.sheet]);
    const method = plan.sheets.find((s) => s.key === "method");
    expect(JSON.stringify(method?.blocks)).toContain("Maturity");
  });
});

describe("a Maturity sheet with marks is never dropped silently", () => {
  test("leaving out a scenario whose sheet holds marks is refused, naming the sheet and its first mark; nothing is written; once cleared it goes", async () => {
    const fake = new FakeExcel();
    const port = portOn(fake);
    const tree = defaultTree();
    await port.createWorkbook(request({ tree, maturity: ["marketing", "training"] }));
    const [m, t] = layoutsOf(tree, ["marketing", "training"]);
    type(fake, m, marketing("en-US"));
    type(fake, t, [null, null, 2, null, null, null, null, null, null, null, null, 4]);
    const snapshot = (): string => JSON.stringify(fake.sheets.map((s) => [s.name, [...s.cells.entries()].sort()]));
    const before = snapshot();
    await expect(port.createWorkbook(request({ tree, maturity: ["marketing"] }))).rejects.toMatchObject({ code: "ScorecardMaturityRemoved", sheet: t.sheet, address: t.today[2], vars: { sheet: t.sheet, count: 2 } });
    await expect(port.createWorkbook(request({ tree, maturity: [] }))).rejects.toMatchObject({ code: "ScorecardMaturityRemoved", sheet: m.sheet });
    expect(snapshot()).toBe(before);

    // A new scenario beside the kept one: the kept one's marks stay.
    type(fake, t, Array(12).fill(null));
    await port.createWorkbook(request({ tree, maturity: ["marketing"] }));
    expect(fake.sheet(t.sheet)).toBeUndefined();
    expect(storedModelOf(fake)?.maturity).toEqual({ scenarios: ["marketing"] });
    expect(marksOf(fake, m)[5]).toBe("not sure");
  });

  test("a sheet deleted by hand is no mark to keep: the scenario can be left out", async () => {
    const fake = new FakeExcel();
    const port = portOn(fake);
    const tree = defaultTree();
    await port.createWorkbook(request({ tree, maturity: ["training"] }));
    const [t] = layoutsOf(tree, ["training"]);
    type(fake, t, training);
    fake.sheets.splice(fake.sheets.findIndex((s) => s.name === t.sheet), 1); // deleted by the user
    expect(fake.sheet(t.sheet)).toBeUndefined();
    await port.createWorkbook(request({ tree, maturity: [] }));
    expect(storedModelOf(fake)?.maturity).toBeUndefined();
  });
});

describe("readMaturity", () => {
  test("each sheet's marks as read and assessMaturity's figures; two syncs; null without Maturity sheets", async () => {
    const fake = new FakeExcel();
    const stats: Record<string, SyncStats> = {};
    const port = portOn(fake, undefined, stats);
    const tree = defaultTree();
    await port.createWorkbook(request({ tree }));
    expect(await port.readMaturity()).toBeNull();
    await port.createWorkbook(request({ tree, maturity: ["marketing", "training"] }));
    const [m, t] = layoutsOf(tree, ["marketing", "training"]);
    type(fake, m, marketing("en-US"));
    type(fake, t, training);
    const reading = await port.readMaturity();
    expect(stats.readMaturity.syncs).toBe(2);
    expect(reading?.missing).toEqual([]);
    expect(reading?.scenarios.map((s) => s.scenario)).toEqual(["marketing", "training"]);
    const rm = reading?.scenarios[0];
    expect(rm?.today.map((x) => x.stage)).toEqual([2, 2, 3, 2, 1, null]);
    expect(rm?.aim.map((x) => x.stage)).toEqual([4, 4, 5, null, 4, null]);
    expect(rm?.today[5]).toMatchObject({ characteristic: "scenes", typed: "not sure", stage: null, address: m.today[5] });
    const expected = assessMaturity(MODEL, "marketing", { today: [2, 2, 3, 2, 1, null], aim: [4, 4, 5, null, 4, null] }, tree);
    expect(rm?.assessment).toEqual(expected);
    expect(expected.current).toBe(2);
    expect(expected.target).toBe(4);
    expect(expected.indicators.length).toBeGreaterThan(0);
    for (const code of expected.indicators) expect(rm?.indicatorNames[code]).toEqual((findByCode(tree, code) as { node: IndicatorNode }).node.name);
    expect(rm?.stages.map((s) => s.share)).toEqual([35, 28, 22, 10, 5]);
    expect(reading?.scenarios[1].assessment).toEqual(assessMaturity(MODEL, "training", { today: [1, 1, 2, null, null, null], aim: [3, 3, 3, 3, 3, 3] }, tree));
  });

  test("a characteristic row moved by hand is refused (the marks are not read from the wrong cells)", async () => {
    const fake = new FakeExcel();
    const port = portOn(fake);
    await port.createWorkbook(request({ maturity: ["marketing"] }));
    const [m] = layoutsOf(defaultTree(), ["marketing"]);
    fake.put(m.sheet, "A8", [["something else"]]);
    await expect(port.readMaturity()).rejects.toMatchObject({ code: "ScorecardLayoutChanged", sheet: m.sheet, address: "A8" });
    await expect(port.createWorkbook(request({}))).rejects.toMatchObject({ code: "ScorecardLayoutChanged" });
  });
});

describe("writeMaturityMarks", () => {
  test("writes the stage names in the workbook's language into the mark cells (3 syncs), only the cells whose reading changes; a non-stage mark stays until saved; readMaturity assesses what was written", async () => {
    const fake = new FakeExcel();
    const stats: Record<string, SyncStats> = {};
    const port = portOn(fake, undefined, stats);
    const tree = defaultTree();
    await port.createWorkbook(request({ tree, maturity: ["marketing"], locale: "zh-CN" }));
    const [m] = layoutsOf(tree, ["marketing"], "zh-CN");
    type(fake, m, [2, "not sure", null, null, null, null, null, null, null, null, null, null]);
    const z = (k: number): string => stageName("marketing", k, "zh-CN");

    const today = [2, 3, 1, null, 5, 4];
    const aim = [4, 4, 5, null, null, 3];
    const result = await port.writeMaturityMarks({ scenario: "marketing", today, aim });
    expect(stats.writeMaturityMarks.syncs).toBe(3);
    expect(result.sheet).toBe(m.sheet);
    expect(fake.sheet(m.sheet)?.protected).toBe(true); // unprotected around the write only
    // The number 2 already reads as stage 2: left as typed; the rest written as names.
    expect(marksOf(fake, m)).toEqual([2, z(3), z(1), null, z(5), z(4), z(4), z(4), z(5), null, null, z(3)]);
    expect(result.written).toEqual([m.today[1], m.today[2], m.today[4], m.today[5], m.aim[0], m.aim[1], m.aim[2], m.aim[5]]);
    const reading = await port.readMaturity();
    const s = reading?.scenarios[0];
    expect(s?.today.map((x) => x.stage)).toEqual(today);
    expect(s?.assessment).toEqual(assessMaturity(MODEL, "marketing", { today, aim }, tree));

    // The same again: nothing to write, 2 syncs. Clearing a mark writes a blank.
    await port.writeMaturityMarks({ scenario: "marketing", today, aim });
    expect(stats.writeMaturityMarks.syncs).toBe(2);
    await port.writeMaturityMarks({ scenario: "marketing", today: [...today.slice(0, 5), null], aim });
    expect(stats.writeMaturityMarks.syncs).toBe(3);
    expect(marksOf(fake, m)[5]).toBeNull();
  });

  test("a mark that is not a stage is replaced only when saved; a stage out of range or a wrong count is refused; a moved label is refused naming the cell, nothing written", async () => {
    const fake = new FakeExcel();
    const port = portOn(fake);
    const tree = defaultTree();
    await port.createWorkbook(request({ tree, maturity: ["training"] }));
    const [t] = layoutsOf(tree, ["training"]);
    type(fake, t, ["not sure", null, null, null, null, null, 2.5, null, null, null, null, null]);
    const read = await port.readMaturity();
    expect(read?.scenarios[0].today[0]).toMatchObject({ typed: "not sure", stage: null });
    expect(marksOf(fake, t)[0]).toBe("not sure");
    const none = Array(6).fill(null);
    await expect(port.writeMaturityMarks({ scenario: "training", today: [6, ...none.slice(1)], aim: none })).rejects.toThrow(/stage 6 is not 1…5/);
    await expect(port.writeMaturityMarks({ scenario: "training", today: none.slice(1), aim: none })).rejects.toThrow(/6 marks expected/);
    await expect(port.writeMaturityMarks({ scenario: "marketing", today: none, aim: none })).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(marksOf(fake, t)[0]).toBe("not sure");
    await port.writeMaturityMarks({ scenario: "training", today: [1, ...none.slice(1)], aim: none });
    expect(marksOf(fake, t)).toEqual([stageName("training", 1, "en-US"), ...Array(11).fill(null)]);

    // A label moved by hand: refused, the sheet and cell named, the marks untouched.
    fake.put(t.sheet, "A7", [["moved"]]);
    const before = marksOf(fake, t);
    await expect(port.writeMaturityMarks({ scenario: "training", today: [3, ...none.slice(1)], aim: none })).rejects.toMatchObject({ code: "ScorecardLayoutChanged", sheet: t.sheet, address: "A7" });
    expect(marksOf(fake, t)).toEqual(before);
  });
});
