/**
 * Panel workbooks through the Excel adapter on the recording fake: create with raters writes a
 * sheet per rater, Consolidated and Moderation; re-create keeps every rater's ratings and the
 * Moderation inputs; readWorkbook reads every rater with the consensus override; sync counts
 * stay constant and every request stays under the 4 MB budget.
 */
import { score } from "../../src/core/engine";
import { defaultTree } from "../../src/core/model/default-tree";
import { leaves } from "../../src/core/model/tree";
import type { SyncStats } from "../../src/excel";
import { buildPlan, MODEL_SHEET_NAME, type WorkbookPlan } from "../../src/plan";
import { MemoryExcel as FakeExcel } from "../../src/demo/memoryExcel";
import { portOn, request, vendors } from "./helpers";

const tree = defaultTree();
const codes = leaves(tree).map((l) => l.node.code);
const raters = ["Ann", "Bo", "Cy"];

/** The plan the adapter builds, to find rows and columns without hard-coding them. */
function planFor(rs: string[], vs: string[]): WorkbookPlan {
  return buildPlan({ tree, vendors: vs, raters: rs, options: { locale: "en-US", missing: "exclude", aggregate: "mean" } });
}

function raterCell(plan: WorkbookPlan, rater: string, vendor: string, code: string): { sheet: string; address: string } {
  const L = plan.layout.ratings;
  const sheet = plan.layout.panel?.raters.find((r) => r.name === rater)?.sheet as string;
  const row = L.rows.find((r) => r.code === code)?.row as number;
  const col = L.firstCol + L.vendors.indexOf(vendor);
  return { sheet, address: `${String.fromCharCode(64 + col)}${row}` };
}

function modCell(plan: WorkbookPlan, vendor: string, code: string, which: "consensus" | "reason"): { sheet: string; address: string } {
  const M = plan.layout.panel?.moderation;
  if (!M) throw new Error("no moderation");
  const row = M.rows.find((r) => r.vendor === vendor && r.code === code)?.row as number;
  const col = M.columns[which];
  const letter = col <= 26 ? String.fromCharCode(64 + col) : `${String.fromCharCode(64 + Math.floor((col - 1) / 26))}${String.fromCharCode(65 + ((col - 1) % 26))}`;
  return { sheet: M.sheet, address: `${letter}${row}` };
}

function put(fake: FakeExcel, at: { sheet: string; address: string }, value: string | number): void {
  fake.put(at.sheet, at.address, [[value]]);
}

describe("panel createWorkbook", () => {
  test("three raters: a sheet per rater, Consolidated and Moderation, the model stores raters and aggregation", async () => {
    const fake = new FakeExcel();
    const result = await portOn(fake).createWorkbook(request({ raters, aggregate: "median" }));
    expect(result.sheets.slice(0, 5)).toEqual(["Ratings - Ann", "Ratings - Bo", "Ratings - Cy", "Consolidated", "Moderation"]);
    expect(result.sheets).not.toContain(MODEL_SHEET_NAME);
    expect(fake.sheets.map((s) => s.name)).toContain(MODEL_SHEET_NAME);
    expect(result.firstInput?.sheet).toBe("Ratings - Ann");
    expect(fake.cell("Ratings - Bo", "D3")?.value).toBe("Vendor 1");
    expect(fake.cell("Moderation", "D3")?.value).toBe("Ann");
    const snap = await portOn(fake).readWorkbook();
    expect(snap?.raters).toEqual(raters);
    expect(snap?.aggregate).toBe("median");
  });

  test("default aggregation is the mean; one rater stays a single-rater workbook", async () => {
    const fake = new FakeExcel();
    await portOn(fake).createWorkbook(request({ raters: ["Ann", "Bo"] }));
    expect((await portOn(fake).readWorkbook())?.aggregate).toBe("mean");
    const one = new FakeExcel();
    const r = await portOn(one).createWorkbook(request({ raters: ["Ann"] }));
    expect(r.sheets[0]).toBe("Ratings");
  });

  test("re-creating keeps every rater's ratings and the Moderation consensus and reason", async () => {
    const fake = new FakeExcel();
    const vs = vendors(3);
    await portOn(fake).createWorkbook(request({ raters, vendors: vs }));
    const plan = planFor(raters, vs);
    put(fake, raterCell(plan, "Ann", "Vendor 1", codes[0]), 80);
    put(fake, raterCell(plan, "Bo", "Vendor 1", codes[0]), 60);
    put(fake, raterCell(plan, "Cy", "Vendor 2", codes[1]), "N/A");
    put(fake, modCell(plan, "Vendor 1", codes[0], "consensus"), 70);
    put(fake, modCell(plan, "Vendor 1", codes[0], "reason"), "=agreed in panel");

    // New order of raters and vendors, a rater added, a vendor added.
    const next = ["Cy", "Ann", "Bo", "Di"];
    const nextVendors = ["Vendor 2", "Vendor 1", "Vendor 3", "Vendor 4"];
    const stats: Record<string, SyncStats> = {};
    await portOn(fake, undefined, stats).createWorkbook(request({ raters: next, vendors: nextVendors }));
    expect(stats.createWorkbook.syncs).toBe(3);
    const after = planFor(next, nextVendors);
    const value = (at: { sheet: string; address: string }): unknown => fake.cell(at.sheet, at.address)?.value;
    expect(value(raterCell(after, "Ann", "Vendor 1", codes[0]))).toBe(80);
    expect(value(raterCell(after, "Bo", "Vendor 1", codes[0]))).toBe(60);
    expect(value(raterCell(after, "Cy", "Vendor 2", codes[1]))).toBe("N/A");
    expect(value(raterCell(after, "Di", "Vendor 1", codes[0]))).toBeUndefined();
    expect(value(modCell(after, "Vendor 1", codes[0], "consensus"))).toBe(70);
    // A reason that looks like a formula stays text.
    const reason = modCell(after, "Vendor 1", codes[0], "reason");
    expect(value(reason)).toBe("=agreed in panel");
    expect(fake.cell(reason.sheet, reason.address)?.formula).toBeUndefined();
    const snap = await portOn(fake).readWorkbook();
    expect(snap?.ratings.filter((r) => r.vendor === "Vendor 1" && r.code === codes[0])).toEqual([
      { vendor: "Vendor 1", code: codes[0], rater: "Ann", value: 80 },
      { vendor: "Vendor 1", code: codes[0], rater: "Bo", value: 60 },
    ]);
  });

  test("a rater's ratings of a removed vendor go to the Archive with the rater's name, and stay there on the next re-create", async () => {
    const fake = new FakeExcel();
    const vs = vendors(3);
    await portOn(fake).createWorkbook(request({ raters, vendors: vs }));
    const plan = planFor(raters, vs);
    put(fake, raterCell(plan, "Ann", "Vendor 3", codes[0]), 80);
    put(fake, raterCell(plan, "Cy", "Vendor 3", codes[1]), "N/A");
    put(fake, raterCell(plan, "Bo", "Vendor 1", codes[0]), 55);
    const archived = (): unknown[][] =>
      [4, 5, 6].map((r) => ["B", "C", "E", "G"].map((c) => fake.cell("Archive", `${c}${r}`)?.value ?? null));
    const expected = [
      ["Vendor 3", codes[0], 80, "Ann"],
      ["Vendor 3", codes[1], "N/A", "Cy"],
      [null, null, null, null],
    ];
    await portOn(fake).createWorkbook(request({ raters, vendors: vs.slice(0, 2) }));
    expect(fake.cell("Archive", "G3")?.value).toBe("Rater");
    expect(archived()).toEqual(expected);
    await portOn(fake).createWorkbook(request({ raters, vendors: vs.slice(0, 1) }));
    expect(archived()).toEqual(expected);
    const kept = raterCell(planFor(raters, vs.slice(0, 1)), "Bo", "Vendor 1", codes[0]);
    expect(fake.cell(kept.sheet, kept.address)?.value).toBe(55);
  });

  test("a single-rater workbook re-created as a panel gives its ratings to the first rater", async () => {
    const fake = new FakeExcel();
    await portOn(fake).createWorkbook(request());
    const single = buildPlan({ tree, vendors: vendors(3) });
    const row = single.layout.ratings.rows.find((r) => r.code === codes[0])?.row as number;
    fake.put("Ratings", `D${row}`, [[77]]);
    await portOn(fake).createWorkbook(request({ raters: ["Ann", "Bo"] }));
    const snap = await portOn(fake).readWorkbook();
    expect(snap?.ratings).toEqual([{ vendor: "Vendor 1", code: codes[0], rater: "Ann", value: 77 }]);
  });
});

describe("panel readWorkbook", () => {
  test("ratings with raters, problems per rater sheet cell, the consensus override in the scores", async () => {
    const fake = new FakeExcel();
    const vs = vendors(2);
    await portOn(fake).createWorkbook(request({ raters, vendors: vs }));
    const plan = planFor(raters, vs);
    for (const code of codes) {
      put(fake, raterCell(plan, "Ann", "Vendor 1", code), 90);
      put(fake, raterCell(plan, "Bo", "Vendor 1", code), 50);
      put(fake, raterCell(plan, "Cy", "Vendor 1", code), 40);
      for (const r of raters) put(fake, raterCell(plan, r, "Vendor 2", code), 60);
    }
    put(fake, raterCell(plan, "Bo", "Vendor 2", codes[0]), 130);
    put(fake, raterCell(plan, "Cy", "Vendor 2", codes[1]), "lots");
    put(fake, modCell(plan, "Vendor 1", codes[0], "consensus"), 10);
    put(fake, modCell(plan, "Vendor 1", codes[1], "consensus"), "n/a");
    put(fake, modCell(plan, "Vendor 1", codes[1], "reason"), "not offered");

    const stats: Record<string, SyncStats> = {};
    const snap = await portOn(fake, undefined, stats).readWorkbook();
    expect(stats.readWorkbook.syncs).toBe(2);
    if (!snap) throw new Error("no snapshot");
    expect(snap.ratings.filter((r) => r.rater === "Ann")).toHaveLength(2 * codes.length);
    expect(snap.problems.find((p) => p.kind === "out-of-range")).toMatchObject({ sheet: "Ratings - Bo", rater: "Bo", vendor: "Vendor 2", code: codes[0], value: "130" });
    expect(snap.problems.find((p) => p.kind === "not-a-number")).toMatchObject({ sheet: "Ratings - Cy", rater: "Cy", vendor: "Vendor 2", code: codes[1], value: "lots" });
    const noReason = snap.problems.filter((p) => p.kind === "consensus-without-reason");
    expect(noReason).toEqual([{ kind: "consensus-without-reason", sheet: "Moderation", address: modCell(plan, "Vendor 1", codes[0], "reason").address, vendor: "Vendor 1", code: codes[0] }]);
    expect(snap.consensus).toEqual([
      { vendor: "Vendor 1", code: codes[0], value: 10, reason: "" },
      { vendor: "Vendor 1", code: codes[1], value: "NA", reason: "not offered" },
    ]);
    // The scores: Vendor 1's first leaf is the consensus 10, the second N/A, the others the mean 60.
    const expected = score(snap.tree, [
      { vendor: "Vendor 1", code: codes[0], value: 10 },
      { vendor: "Vendor 1", code: codes[1], value: "NA" },
      ...codes.slice(2).map((code) => ({ vendor: "Vendor 1", code, value: 60 })),
      ...snap.ratings.filter((r) => r.vendor === "Vendor 2"),
    ], { missing: "exclude", vendors: vs, aggregate: "mean" });
    expect(snap.scores.vendors[0].total).toBeCloseTo(expected.vendors[0].total as number, 9);
    expect(snap.scores.vendors[0].leaves[codes[0]].value).toBe(10);
    expect(snap.scores.vendors[0].leaves[codes[2]].value).toBeCloseTo(60, 9);
  });

  test("median aggregation is the model's", async () => {
    const fake = new FakeExcel();
    const vs = vendors(1);
    await portOn(fake).createWorkbook(request({ raters, vendors: vs, aggregate: "median" }));
    const plan = buildPlan({ tree, vendors: vs, raters, options: { locale: "en-US", missing: "exclude", aggregate: "median" } });
    put(fake, raterCell(plan, "Ann", "Vendor 1", codes[0]), 90);
    put(fake, raterCell(plan, "Bo", "Vendor 1", codes[0]), 50);
    put(fake, raterCell(plan, "Cy", "Vendor 1", codes[0]), 40);
    const snap = await portOn(fake).readWorkbook();
    expect(snap?.scores.vendors[0].leaves[codes[0]].value).toBe(50);
  });
});

describe("panel sync counts and request sizes", () => {
  test.each([
    ["5 raters × 5 vendors", 5, 5],
    ["30 raters × 20 vendors", 30, 20],
  ])("%s: create and re-create in constant syncs, every request under 4 MB", async (_l, m, n) => {
    const fake = new FakeExcel();
    const rs = Array.from({ length: m }, (_, i) => `Rater ${i + 1}`);
    const stats: Record<string, SyncStats> = {};
    await portOn(fake, undefined, stats).createWorkbook(request({ raters: rs, vendors: vendors(n) }));
    const create = stats.createWorkbook.syncs;
    await portOn(fake, undefined, stats).createWorkbook(request({ raters: rs, vendors: vendors(n) }));
    const recreate = stats.createWorkbook.syncs;
    await portOn(fake, undefined, stats).readWorkbook();
    expect(stats.readWorkbook.syncs).toBe(2);
    // probe + write (+1 to read the old scorecard on re-create); the big panel's ~5 MB estimate is
    // split once by the budget (6 syncs before R1C1 fills and merged formats and borders).
    expect([create, recreate]).toEqual(m === 5 ? [2, 3] : [3, 4]);
    expect(Math.max(...fake.requestBytes)).toBeLessThan(4_000_000);
    expect(Math.max(...stats.createWorkbook.requests)).toBeLessThan(4_000_000);
  }, 60_000);
});

describe("panel vs. the single-rater paths", () => {
  test("importRatings still refuses a panel workbook in plain words", async () => {
    const fake = new FakeExcel();
    await portOn(fake).createWorkbook(request({ raters: ["Ann", "Bo"] }));
    await expect(portOn(fake).importRatings({ ratings: [], choice: "keep-existing", sourceFile: "x.csv", newVendors: [] })).rejects.toMatchObject({ code: "ScorecardPanelNotSupported" });
  });
});

describe("panel re-create guards and the other operations", () => {
  test("dropping a rater who has ratings is refused before anything is written; one without ratings may go", async () => {
    const fake = new FakeExcel();
    const vs = vendors(2);
    await portOn(fake).createWorkbook(request({ raters, vendors: vs }));
    put(fake, raterCell(planFor(raters, vs), "Bo", "Vendor 1", codes[0]), 60);
    const before = fake.log.length;
    await expect(portOn(fake).createWorkbook(request({ raters: ["Ann", "Cy"], vendors: vs }))).rejects.toMatchObject({ code: "ScorecardRatersRemoved" });
    expect(fake.log.slice(before).filter((c) => c.op === "set" || c.name === "delete")).toEqual([]);
    await expect(portOn(fake).createWorkbook(request({ raters: [], vendors: vs }))).rejects.toMatchObject({ code: "ScorecardRatersRemoved" });
    const r = await portOn(fake).createWorkbook(request({ raters: ["Ann", "Bo"], vendors: vs }));
    expect(r.sheets.slice(0, 2)).toEqual(["Ratings - Ann", "Ratings - Bo"]);
  });

  test("freezeResults and applyWeights work on a panel", async () => {
    const fake = new FakeExcel();
    const vs = vendors(2);
    await portOn(fake).createWorkbook(request({ raters, vendors: vs }));
    // The fake computes no formulas: give Results the vendor names Excel would show.
    fake.put("Results", "A5", vs.map((v, i) => [v, 80 - i, i + 1]));
    const frozen = await portOn(fake).freezeResults();
    expect(fake.sheet(frozen.sheet)).toBeDefined();
    const renamed = defaultTree();
    renamed.roots[0].name["en-US"] = "Product (renamed)";
    await portOn(fake).applyWeights(renamed);
    const plan = planFor(raters, vs);
    const row = plan.layout.ratings.rows.find((x) => x.code === renamed.roots[0].code)?.row as number;
    const names = (sheet: string): unknown[] => Array.from({ length: 4 }, (_, c) => fake.cell(sheet, `${String.fromCharCode(65 + c)}${row}`)?.value);
    for (const sheet of ["Ratings - Ann", "Ratings - Cy", "Consolidated"]) expect(names(sheet)).toContain("Product (renamed)");
  });
});
