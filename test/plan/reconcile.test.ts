import { defaultTree, type IndicatorTree } from "../../src/core/model";
import { archiveSheet, buildPlan, freezeResults, reconcile, storedModel, uniqueSheetName, type RatingsGrid } from "../../src/plan";

const CREATED = "2026-11-25T21:30:00.000Z";

function edited(): IndicatorTree {
  const tree = defaultTree();
  tree.roots[1].children[0].children.splice(3, 1); // remove 2.1.4
  tree.roots[0].children[0].children.push({ code: "1.1.1", name: { "zh-CN": "新", "en-US": "New" }, weight: null, required: true, children: [] }); // 1.1 becomes a group
  return tree;
}

describe("reconcile", () => {
  const oldModel = storedModel({ tree: defaultTree(), vendors: ["A", "B", "C"], createdAt: CREATED });
  const oldRatings: RatingsGrid = {
    A: { "1.1": 80, "1.2": 70, "2.1.4": 60, "5.3.4": "NA" },
    B: { "1.2": 50 },
    C: { "2.1.1": 90 },
  };

  test("keeps every rating that has a place, by vendor and code; archives the rest with a reason", () => {
    const newModel = storedModel({ tree: edited(), vendors: ["A", "B", "D"], createdAt: CREATED });
    const { kept, archived } = reconcile(oldModel, oldRatings, newModel);
    expect(kept).toEqual({ A: { "1.2": 70, "5.3.4": "NA" }, B: { "1.2": 50 } });
    expect(archived).toEqual([
      { vendor: "A", code: "1.1", name: "Core features", value: 80, reason: "now-a-group" },
      { vendor: "A", code: "2.1.4", name: "Concurrency", value: 60, reason: "indicator-removed" },
      { vendor: "C", code: "2.1.1", name: "Stability", value: 90, reason: "vendor-removed" },
    ]);
  });

  test("a panel rater's archived ratings carry the rater's name into the Archive's Rater column", () => {
    const newModel = storedModel({ tree: edited(), vendors: ["A", "B", "C"], createdAt: CREATED });
    const { archived } = reconcile(oldModel, oldRatings, newModel, "王芳");
    expect(archived.map((a) => a.rater)).toEqual(["王芳", "王芳"]);
    const sheet = archiveSheet(archived, "zh-CN", CREATED, true, null);
    expect(sheet.blocks.find((b) => b.address.startsWith("A3"))?.cells[0].at(-2)).toBe("评委");
    expect(sheet.blocks.at(-1)?.cells.map((r) => r.at(-2))).toEqual(["王芳", "王芳"]);
  });

  test("nothing is lost: kept + archived = every old rating", () => {
    const newModel = storedModel({ tree: edited(), vendors: ["B"], createdAt: CREATED });
    const { kept, archived } = reconcile(oldModel, oldRatings, newModel);
    const count = (g: RatingsGrid): number => Object.values(g).reduce((n, r) => n + Object.keys(r).length, 0);
    expect(count(kept) + archived.length).toBe(count(oldRatings));
  });

  test("the rebuilt plan pre-fills kept ratings and lists archived ones on an Archive sheet", () => {
    const newModel = storedModel({ tree: edited(), vendors: ["A", "B", "D"], createdAt: CREATED });
    const { kept, archived } = reconcile(oldModel, oldRatings, newModel);
    const plan = buildPlan({ tree: newModel.tree, vendors: newModel.vendors, ratings: kept, archived, createdAt: CREATED });
    const archive = plan.sheets.find((s) => s.key === "archive");
    expect(archive?.blocks.at(-1)?.cells).toEqual([
      ["2026-11-25", "A", "1.1", "Core features", 80, "indicator now has sub-indicators", null, null],
      ["2026-11-25", "A", "2.1.4", "Concurrency", 60, "indicator removed", null, null],
      ["2026-11-25", "C", "2.1.1", "Stability", 90, "vendor removed", null, null],
    ]);
    const ratings = plan.sheets.find((s) => s.key === "ratings");
    const row = plan.layout.ratings.rows.find((r) => r.code === "5.3.4")?.row as number;
    const values = ratings?.blocks.find((b) => b.address.startsWith("D"));
    expect(values?.cells[row - plan.layout.ratings.firstRow]).toEqual(["N/A", null, null]);
    expect(archiveSheet([], "zh-CN", CREATED, true, null).name).toBe("归档");
  });

  test("reasons (notes grid) follow their rating: kept where it is kept, archived beside it, or archived alone", () => {
    const newModel = storedModel({ tree: edited(), vendors: ["A", "B", "D"], createdAt: CREATED });
    const notes = { A: { "1.1": "grouped now", "2.1.4": "=was a formula?", "1.1.1": "kept" }, C: { "2.1.1": "C gone" }, B: { "9.9": "no rating, code gone" } };
    const { kept, archived, notes: keptNotes } = reconcile(oldModel, oldRatings, newModel, undefined, notes);
    expect(keptNotes).toEqual({ A: { "1.1.1": "kept" } });
    expect(kept.A?.["1.1"]).toBeUndefined();
    expect(archived.map((a) => [a.vendor, a.code, a.value, a.note])).toEqual([
      ["A", "1.1", 80, "grouped now"],
      ["A", "2.1.4", 60, "=was a formula?"],
      ["C", "2.1.1", 90, "C gone"],
      ["B", "9.9", null, "no rating, code gone"],
    ]);
    const sheet = archiveSheet(archived, "en-US", CREATED, true, null);
    expect(sheet.blocks.at(-1)?.cells.map((r) => [r[4], r[7]])).toEqual([[80, "grouped now"], [60, "=was a formula?"], [90, "C gone"], [null, "no rating, code gone"]]);
    expect(sheet.formats).toContainEqual({ ranges: ["H4:H7"], numberFormat: "@" });
  });
});

describe("freeze results", () => {
  test("a dated values-only copy with a unique name", () => {
    const plan = buildPlan({ tree: defaultTree(), vendors: ["A", "B"], createdAt: CREATED });
    const values = [["Results"], ["…"], [], ["Vendor", "Total", "Rank"], ["A", 71.25, 1], ["B", "", ""]];
    const sheet = freezeResults({ values, results: plan.layout.results, locale: "en-US", date: CREATED, existingSheetNames: ["Results", "Results 2026-11-25"] });
    expect(sheet.name).toBe("Results 2026-11-25 (2)");
    expect(sheet.blocks).toHaveLength(1);
    expect(sheet.blocks[0].kind).toBe("values");
    expect(sheet.blocks[0].cells[0][0]).toBe("Frozen results (values only) — 2026-11-25");
    expect(sheet.blocks[0].cells[4]).toEqual(["A", 71.25, 1]);
    expect(sheet.formats.some((f) => f.numberFormat === "0.00")).toBe(true);
    expect(uniqueSheetName("a/b:c".padEnd(40, "x"), []).length).toBe(31);
  });
});
