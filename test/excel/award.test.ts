/**
 * The award inputs through the Excel adapter on the in-memory host (issue #11): what is typed on
 * the Price sheet (bids, weight, method, low-bid threshold) and in the Weights Minimum column and
 * grade-band table survives a re-create, applyWeights and an import that adds vendors, within the
 * usual sync counts; the stored model follows the sheets.
 */
import { DEFAULT_BANDS, DEFAULT_PRICE, evaluateAward } from "../../src/core/award";
import { defaultTree } from "../../src/core/model/default-tree";
import { cloneTree, findByCode } from "../../src/core/model/tree";
import type { IndicatorNode, IndicatorTree } from "../../src/core/model/types";
import type { SyncStats } from "../../src/excel";
import { buildPlan, MODEL_SHEET_NAME, readStoredModel, type WorkbookPlan } from "../../src/plan";
import type { AwardLayout } from "../../src/plan/awardTypes";
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

function planOf(vs: string[]): WorkbookPlan {
  return buildPlan({ tree: defaultTree(), vendors: vs, options: { locale: "en-US" }, award: { settings: { price: DEFAULT_PRICE } } });
}

const award = (plan: WorkbookPlan): Required<AwardLayout> => plan.layout.award as Required<AwardLayout>;
const node = (tree: IndicatorTree, code: string): IndicatorNode => (findByCode(tree, code) as NonNullable<ReturnType<typeof findByCode>>).node;
const value = (fake: FakeExcel, sheet: string, address: string): unknown => fake.cell(sheet, address)?.value;
const rowOf = (plan: WorkbookPlan, code: string): number => plan.layout.weights.rows.find((r) => r.code === code)?.row as number;
const bidAt = (plan: WorkbookPlan, v: number): string => `${award(plan).price.bidColumn}${award(plan).price.firstRow + v}`;

/** A workbook with a Price sheet and everything award-related typed by hand. */
async function typedWorkbook(stats: Record<string, SyncStats>): Promise<{ fake: FakeExcel; plan: WorkbookPlan }> {
  const fake = new FakeExcel();
  const vs = vendors(3);
  await portOn(fake, undefined, stats).createWorkbook(request({ vendors: vs, award: { price: DEFAULT_PRICE } }));
  const plan = planOf(vs);
  const A = award(plan);
  fake.put("Price", A.price.weight, [[25]]);
  fake.put("Price", A.price.method, [[A.price.methods.linear]]);
  fake.put("Price", A.price.threshold, [[15]]);
  fake.put("Price", bidAt(plan, 0), [[1000]]);
  fake.put("Price", bidAt(plan, 1), [["¥1,200.50"]]);
  fake.put("Price", bidAt(plan, 2), [["ask later"]]);
  const m = A.minimumColumn;
  fake.put("Weights", `${m}${rowOf(plan, "")}`, [[60]]);
  fake.put("Weights", `${m}${rowOf(plan, "1")}`, [[50]]);
  fake.put("Weights", `${m}${rowOf(plan, "3.2")}`, [[70]]);
  return { fake, plan };
}

function expectTyped(fake: FakeExcel, plan: WorkbookPlan, bids: Record<number, unknown>): void {
  const A = award(plan);
  expect(value(fake, "Price", A.price.weight)).toBe(25);
  expect(value(fake, "Price", A.price.method)).toBe(A.price.methods.linear);
  expect(value(fake, "Price", A.price.threshold)).toBe(15);
  for (const [v, b] of Object.entries(bids)) expect(value(fake, "Price", bidAt(plan, Number(v)))).toBe(b);
  const m = A.minimumColumn;
  expect(value(fake, "Weights", `${m}${rowOf(plan, "")}`)).toBe(60);
  expect(value(fake, "Weights", `${m}${rowOf(plan, "1")}`)).toBe(50);
  expect(value(fake, "Weights", `${m}${rowOf(plan, "3.2")}`)).toBe(70);
  expect(value(fake, "Weights", `${m}${rowOf(plan, "2")}`)).toBeUndefined();
  const model = storedModelOf(fake);
  expect(model?.award?.price).toEqual({ weight: 25, method: "linear", lowBidThreshold: 15 });
  expect(model?.tree.minimum).toBe(60);
  expect(findByCode(model!.tree, "1")?.node.minimum).toBe(50);
  expect(findByCode(model!.tree, "3.2")?.node.minimum).toBe(70);
}

describe("award inputs survive every rebuild", () => {
  test("createWorkbook with request.award writes the Price sheet in 2 syncs and stores the settings", async () => {
    const fake = new FakeExcel();
    const stats: Record<string, SyncStats> = {};
    const result = await portOn(fake, undefined, stats).createWorkbook(request({ award: { price: { weight: 40, method: "lowest", lowBidThreshold: 20 } } }));
    expect(stats.createWorkbook.syncs).toBe(2);
    expect(result.sheets).toContain("Price");
    expect(storedModelOf(fake)?.award?.price).toEqual({ weight: 40, method: "lowest", lowBidThreshold: 20 });
    expect(value(fake, "Price", award(planOf(vendors(3))).price.weight)).toBe(40);
  });

  test("a re-create (no award asked) keeps bids (text as typed), weight, method, threshold and minimums; 3 syncs", async () => {
    const stats: Record<string, SyncStats> = {};
    const { fake, plan } = await typedWorkbook(stats);
    await portOn(fake, undefined, stats).createWorkbook(request({ vendors: vendors(3) }));
    expect(stats.createWorkbook.syncs).toBe(3);
    expectTyped(fake, plan, { 0: 1000, 1: "¥1,200.50", 2: "ask later" });
  });

  test("a re-create with other vendors keeps each bid with its vendor's name", async () => {
    const stats: Record<string, SyncStats> = {};
    const { fake } = await typedWorkbook(stats);
    const next = ["Vendor 2", "New one", "Vendor 1"];
    await portOn(fake, undefined, stats).createWorkbook(request({ vendors: next }));
    expect(stats.createWorkbook.syncs).toBe(3);
    expectTyped(fake, planOf(next), { 0: "¥1,200.50", 1: undefined, 2: 1000 });
  });

  test("a re-create asking for other price settings uses them and keeps the bids; award without price drops the sheet", async () => {
    const stats: Record<string, SyncStats> = {};
    const { fake, plan } = await typedWorkbook(stats);
    await portOn(fake, undefined, stats).createWorkbook(request({ vendors: vendors(3), award: { price: { weight: 35, method: "lowest", lowBidThreshold: 10 } } }));
    expect(value(fake, "Price", award(plan).price.weight)).toBe(35);
    expect(value(fake, "Price", bidAt(plan, 0))).toBe(1000);
    expect(storedModelOf(fake)?.award?.price).toEqual({ weight: 35, method: "lowest", lowBidThreshold: 10 });
    const result = await portOn(fake, undefined, stats).createWorkbook(request({ vendors: vendors(3), award: {} }));
    expect(result.sheets).not.toContain("Price");
    expect(fake.sheet("Price")).toBeUndefined();
    expect(storedModelOf(fake)?.award).toBeUndefined();
  });

  test("a minimum the request sets (or clears with null) wins over the sheet's", async () => {
    const stats: Record<string, SyncStats> = {};
    const { fake, plan } = await typedWorkbook(stats);
    const tree = defaultTree();
    node(tree, "1").minimum = null;
    node(tree, "2").minimum = 45;
    await portOn(fake, undefined, stats).createWorkbook(request({ tree, vendors: vendors(3) }));
    const m = award(plan).minimumColumn;
    expect(value(fake, "Weights", `${m}${rowOf(plan, "1")}`)).toBeUndefined();
    expect(value(fake, "Weights", `${m}${rowOf(plan, "2")}`)).toBe(45);
    expect(value(fake, "Weights", `${m}${rowOf(plan, "3.2")}`)).toBe(70);
    expect(value(fake, "Weights", `${m}${rowOf(plan, "")}`)).toBe(60);
  });

  test("applyWeights keeps the typed minimums and Price settings, writes the tree's own minimums, stores both; 3 syncs", async () => {
    const stats: Record<string, SyncStats> = {};
    const { fake, plan } = await typedWorkbook(stats);
    await portOn(fake, undefined, stats).applyWeights(defaultTree());
    expect(stats.applyWeights.syncs).toBe(3);
    expectTyped(fake, plan, { 0: 1000, 1: "¥1,200.50", 2: "ask later" });
    const tree = cloneTree(defaultTree());
    node(tree, "2").minimum = 40;
    tree.minimum = 65;
    await portOn(fake, undefined, stats).applyWeights(tree);
    expect(stats.applyWeights.syncs).toBe(3);
    const m = award(plan).minimumColumn;
    expect(value(fake, "Weights", `${m}${rowOf(plan, "2")}`)).toBe(40);
    expect(value(fake, "Weights", `${m}${rowOf(plan, "")}`)).toBe(65);
    expect(value(fake, "Weights", `${m}${rowOf(plan, "1")}`)).toBe(50);
    const model = storedModelOf(fake);
    expect(model?.tree.minimum).toBe(65);
    expect(findByCode(model!.tree, "2")?.node.minimum).toBe(40);
  });

  test("a band label typed on Weights is kept by a re-create (and stored); an invalid table falls back to the stored bands", async () => {
    const stats: Record<string, SyncStats> = {};
    const { fake, plan } = await typedWorkbook(stats);
    const bands = award(plan).bands;
    const top = Number(/\d+/.exec(bands)?.[0]);
    fake.put("Weights", `S${top}`, [["Outstanding"]]);
    await portOn(fake, undefined, stats).createWorkbook(request({ vendors: vendors(3) }));
    expect(value(fake, "Weights", `S${top}`)).toBe("Outstanding");
    expect(storedModelOf(fake)?.award?.bands?.[0]).toEqual({ min: 85, label: { "zh-CN": "Outstanding", "en-US": "Outstanding" } });
    fake.put("Weights", `R${top + 3}`, [[10]]); // the lowest band no longer starts at 0
    await portOn(fake, undefined, stats).createWorkbook(request({ vendors: vendors(3) }));
    expect(value(fake, "Weights", `S${top}`)).toBe("Outstanding");
    expect(value(fake, "Weights", `R${top + 3}`)).toBe(0);
  });

  test("an import adding vendors keeps bids, settings and minimums; the new vendor has no bid", async () => {
    const stats: Record<string, SyncStats> = {};
    const { fake, plan } = await typedWorkbook(stats);
    const result = await portOn(fake, undefined, stats).importRatings({ ratings: [{ vendor: "Vendor 9", code: "1.1", value: 80 }], choice: "keep-existing", sourceFile: "more.csv", newVendors: ["Vendor 9"] });
    expect(result.newVendors).toEqual(["Vendor 9"]);
    expect(stats.importRatings.syncs).toBe(4);
    expectTyped(fake, plan, { 0: 1000, 1: "¥1,200.50", 2: "ask later", 3: undefined });
    expect(storedModelOf(fake)?.vendors).toEqual([...vendors(3), "Vendor 9"]);
  });
});

describe("readWorkbook decides the award from what the sheets hold", () => {
  test("gates, bids (text amounts read), price settings as typed; each failure a problem at its cell; 2 syncs", async () => {
    const fake = new FakeExcel();
    const stats: Record<string, SyncStats> = {};
    const vs = vendors(4);
    const port = portOn(fake, undefined, stats);
    await port.createWorkbook(request({ vendors: vs, award: { price: DEFAULT_PRICE } }));
    const plan = planOf(vs);
    const R = plan.layout.ratings;
    const leaves = R.rows.filter((r) => r.leaf);
    // Every vendor rates every leaf 80, except: Vendor 2 rates 1.1 at 40; Vendor 3 leaves 3.2 blank.
    vs.forEach((v, i) => {
      const col = String.fromCharCode(64 + R.firstCol + i);
      for (const r of leaves) fake.put("Ratings", `${col}${r.row}`, [[v === "Vendor 2" && r.code === "1.1" ? 40 : v === "Vendor 3" && r.code === "3.2" ? null : 80 - i]]);
    });
    const A = award(plan);
    const m = A.minimumColumn;
    fake.put("Weights", `${m}${rowOf(plan, "1.1")}`, [[60]]);
    fake.put("Weights", `${m}${rowOf(plan, "3.2")}`, [[50]]);
    fake.put("Weights", `${m}${rowOf(plan, "")}`, [[70]]);
    fake.put("Price", A.price.weight, [[20]]);
    fake.put("Price", A.price.method, [[A.price.methods.linear]]);
    fake.put("Price", bidAt(plan, 0), [["¥1,000,000.00"]]);
    fake.put("Price", bidAt(plan, 1), [[900000]]);
    fake.put("Price", bidAt(plan, 2), [[950000]]);
    fake.put("Price", bidAt(plan, 3), [["tbd"]]);
    const snap = await port.readWorkbook();
    expect(stats.readWorkbook.syncs).toBe(2);
    if (!snap?.award) throw new Error("no award");
    expect(snap.tree.minimum).toBe(70);
    expect(node(snap.tree, "1.1").minimum).toBe(60);
    expect(snap.award.price).toEqual({ weight: 20, method: "linear", lowBidThreshold: 20 });
    expect(snap.award.bands).toEqual(DEFAULT_BANDS);
    const byVendor = new Map(snap.award.vendors.map((a) => [a.vendor, a]));
    expect(byVendor.get("Vendor 1")).toMatchObject({ status: "eligible", bid: 1_000_000, priceScore: 100, rank: 1 });
    expect(byVendor.get("Vendor 1")?.overall).toBeCloseTo(80 * 0.8 + 100 * 0.2, 9);
    expect(byVendor.get("Vendor 2")).toMatchObject({ status: "failed", rank: null, priceScore: null });
    expect(byVendor.get("Vendor 2")?.gates.map((g) => g.code)).toEqual(["1.1"]);
    expect(byVendor.get("Vendor 3")).toMatchObject({ status: "unrated", rank: null });
    expect(byVendor.get("Vendor 4")).toMatchObject({ status: "no-bid", bid: null, rank: null });
    // Equal to the core on the same inputs.
    const expected = evaluateAward(snap.tree, snap.scores, { settings: { price: { weight: 20, method: "linear", lowBidThreshold: 20 } }, bids: { "Vendor 1": 1e6, "Vendor 2": 9e5, "Vendor 3": 9.5e5, "Vendor 4": null } });
    expect(snap.award.vendors).toEqual(expected.vendors);
    const col = (i: number): string => String.fromCharCode(64 + R.firstCol + i);
    const award11 = snap.problems.filter((p) => p.kind.startsWith("gate") || p.kind.includes("bid"));
    expect(award11).toEqual(
      expect.arrayContaining([
        { kind: "gate-failed", sheet: "Ratings", address: `${col(1)}${leaves.find((r) => r.code === "1.1")?.row}`, vendor: "Vendor 2", code: "1.1", minimum: 60, value: "40.0" },
        { kind: "gate-unrated", sheet: "Ratings", address: `${col(2)}${leaves.find((r) => r.code === "3.2")?.row}`, vendor: "Vendor 3", code: "3.2", minimum: 50 },
        { kind: "bid-not-a-number", sheet: "Price", address: bidAt(plan, 3), vendor: "Vendor 4", value: "tbd" },
      ]),
    );
    // The total's minimum (70) fails for nobody here; a total gate links to the Results total cell.
    fake.put("Weights", `${m}${rowOf(plan, "")}`, [[79.5]]);
    const again = await port.readWorkbook();
    const total = again?.problems.find((p) => p.kind === "gate-failed" && p.code === null && p.vendor === "Vendor 3");
    const totalCol = plan.layout.results.columns.findIndex((c) => c.kind === "total") + 1;
    expect(total).toMatchObject({ sheet: "Results", address: `${String.fromCharCode(64 + totalCol)}${plan.layout.results.firstRow + 2}`, minimum: 79.5 });
  });

  test("a workbook without a Price sheet: no price, every rated vendor eligible and ranked as the engine ranks", async () => {
    const fake = new FakeExcel();
    const port = portOn(fake);
    await port.createWorkbook(request());
    const snap = await port.readWorkbook();
    expect(snap?.award?.price).toBeUndefined();
    expect(snap?.award?.vendors.map((a) => a.rank)).toEqual(snap?.scores.vendors.map((v) => v.rank));
    expect(snap?.problems.some((p) => p.kind.startsWith("gate") || p.kind.includes("bid"))).toBe(false);
  });
});
