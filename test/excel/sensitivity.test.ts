/**
 * The Sensitivity sheet (issue #12) through the Excel adapter on the in-memory host: created when
 * the request asks, stored in the model, and kept by a re-create that does not say, by applyWeights
 * and by an import that adds vendors (the sheet then has a column per vendor more); removed when a
 * re-create says false. Sync counts as without it.
 */
import type { SyncStats } from "../../src/excel";
import { buildPlan, MODEL_SHEET_NAME, readStoredModel } from "../../src/plan";
import { defaultTree } from "../../src/core/model/default-tree";
import { colLetter } from "../../src/plan/a1";
import { MemoryExcel as FakeExcel } from "../../src/demo/memoryExcel";
import { portOn, request, vendors } from "./helpers";

function storedModelOf(fake: FakeExcel): ReturnType<typeof readStoredModel> {
  const sheet = fake.sheet(MODEL_SHEET_NAME);
  if (!sheet) return null;
  const col: (string | number | null)[] = [];
  for (let r = 1; r < 80; r++) {
    const v = sheet.cells.get(`${r},1`)?.value;
    col.push(v === undefined ? null : (v as string | number));
  }
  return readStoredModel(col);
}

const names = (fake: FakeExcel): string[] => fake.sheets.map((s) => s.name);

describe("the Sensitivity sheet survives every rebuild", () => {
  test("created when asked (en-US and zh-CN), stored in the model; its formulas are the plan's", async () => {
    for (const [locale, sheet] of [["en-US", "Sensitivity"], ["zh-CN", "敏感性"]] as const) {
      const fake = new FakeExcel();
      const stats: Record<string, SyncStats> = {};
      const result = await portOn(fake, undefined, stats).createWorkbook(request({ locale, sensitivity: true }));
      expect(result.sheets).toContain(sheet);
      expect(stats.createWorkbook.syncs).toBe(2);
      expect(storedModelOf(fake)?.sensitivity).toBe(true);
      const plan = buildPlan({ tree: defaultTree(), vendors: vendors(3), options: { locale }, sensitivity: true });
      const row = plan.layout.sensitivity?.firstRow as number;
      const planned = plan.sheets.find((s) => s.key === "sensitivity")?.blocks.find((b) => b.kind === "formulas" && b.address.startsWith(`C${row}`));
      expect(fake.cell(sheet, `C${row}`)?.formula).toBe((planned?.cells[0][0] as string));
    }
    const plain = new FakeExcel();
    await portOn(plain).createWorkbook(request());
    expect(names(plain)).not.toContain("Sensitivity");
    expect(storedModelOf(plain)?.sensitivity).toBeUndefined();
  });

  test("a re-create that does not say keeps it; applyWeights keeps it; false removes it", async () => {
    const fake = new FakeExcel();
    const stats: Record<string, SyncStats> = {};
    const port = portOn(fake, undefined, stats);
    await port.createWorkbook(request({ sensitivity: true }));
    await port.createWorkbook(request({ vendors: vendors(4) }));
    expect(names(fake)).toContain("Sensitivity");
    expect(storedModelOf(fake)?.sensitivity).toBe(true);
    const tree = defaultTree();
    tree.roots[0].weight = (tree.roots[0].weight ?? 0) + 5;
    await port.applyWeights(tree);
    expect(stats.applyWeights.syncs).toBe(3);
    expect(storedModelOf(fake)?.sensitivity).toBe(true);
    expect(names(fake)).toContain("Sensitivity");
    await port.createWorkbook(request({ vendors: vendors(4), sensitivity: false }));
    expect(names(fake)).not.toContain("Sensitivity");
    expect(storedModelOf(fake)?.sensitivity).toBeUndefined();
  });

  test("an import adding vendors keeps it, with the new vendor's working column", async () => {
    const fake = new FakeExcel();
    const stats: Record<string, SyncStats> = {};
    const port = portOn(fake, undefined, stats);
    await port.createWorkbook(request({ sensitivity: true }));
    await port.importRatings({ ratings: [{ vendor: "Vendor 9", code: "1.1", value: 80 }], choice: "keep-existing", sourceFile: "more.csv", newVendors: ["Vendor 9"] });
    expect(stats.importRatings.syncs).toBe(4);
    expect(storedModelOf(fake)?.sensitivity).toBe(true);
    const plan = buildPlan({ tree: defaultTree(), vendors: [...vendors(3), "Vendor 9"], options: { locale: "en-US" }, sensitivity: true });
    const block = plan.sheets.find((s) => s.key === "sensitivity")?.blocks.find((b) => b.kind === "formulas" && b.address.startsWith("C6"));
    const width = block?.cells[0].length as number;
    // C + width − 1: the last working column holds a formula for the 4th vendor.
    const last = colLetter(3 + width - 1);
    expect(fake.cell("Sensitivity", `${last}6`)?.formula).toBe(block?.cells[0][width - 1]);
  });

  test("the weight chart: an XY scatter with lines bound to the sheet's table, a series per vendor and the dashed current weight, x axis 0–100%", async () => {
    const fake = new FakeExcel();
    await portOn(fake).createWorkbook(request({ sensitivity: true }));
    const plan = buildPlan({ tree: defaultTree(), vendors: vendors(3), options: { locale: "en-US" }, sensitivity: true });
    const chart = plan.sheets.find((s) => s.key === "sensitivity")!.charts[0];
    const adds = fake.calls({ op: "call", name: "add", target: /^sheet\(Sensitivity\)\.charts$/ });
    expect(adds.map((c) => c.args[0])).toEqual(["XYScatterLines"]);
    expect(JSON.parse(JSON.stringify(adds[0].args[1]))).toBe(chart.series[0].values.replace(/^'?Sensitivity'?!/, "Sensitivity!").replace(/\$/g, ""));
    const added = fake.calls({ op: "call", name: "add", target: /Sensitivity\)\.charts\.add\(\)\.series$/ });
    expect(added.map((c) => c.args[0])).toEqual(["Vendor 2", "Vendor 3", "Current weight"]);
    const xs = fake.calls({ op: "call", name: "setXAxisValues", target: /Sensitivity/ }).map((c) => JSON.parse(JSON.stringify(c.args[0])));
    expect(xs).toHaveLength(4);
    expect(new Set(xs.slice(0, 3)).size).toBe(1);
    expect(xs[3]).not.toBe(xs[0]);
    expect(fake.calls({ op: "set", name: "markerStyle", target: /Sensitivity/ }).map((c) => c.args[0])).toEqual(["None"]);
    expect(fake.calls({ op: "set", name: "lineStyle", target: /Sensitivity/ }).map((c) => c.args[0])).toEqual(["Dash"]);
    const axis = (name: string): unknown[] => fake.calls({ op: "set", name, target: /Sensitivity.*categoryAxis/ }).map((c) => c.args[0]);
    expect([axis("minimum"), axis("maximum"), axis("majorUnit"), axis("numberFormat")]).toEqual([[0], [1], [0.1], ["0%"]]);
    // The chooser: a list of the dimensions.
    const lists = fake.calls({ op: "set", name: "rule", target: /Sensitivity/ }).map((c) => JSON.stringify(c.args[0]));
    expect(lists.some((l) => l.includes(plan.layout.sensitivity!.chart!.choices.join(",")))).toBe(true);
  });
});
