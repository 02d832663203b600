/**
 * The reasons in the snapshot (issue #14) on the in-memory host: readWorkbook returns every
 * non-blank reason with its sheet and cell, and where each rating's notes cell is (notesGrid),
 * for a single rater and for a panel (each rater's sheet); a panel also reads its spread
 * threshold from Consolidated in the same syncs. A workbook without a notes grid has neither.
 */
import { defaultTree } from "../../src/core/model/default-tree";
import { leaves } from "../../src/core/model/tree";
import { applyPlan, type SyncStats } from "../../src/excel";
import { buildPlan, cell, type WorkbookPlan } from "../../src/plan";
import { MemoryExcel as FakeExcel } from "../../src/demo/memoryExcel";
import type { WorkbookSnapshot } from "../../src/port";
import { NOW, portOn, request, vendors } from "./helpers";

const tree = defaultTree();
const codes = leaves(tree).map((l) => l.node.code);
const vs = vendors(3);

function planFor(raters: string[]): WorkbookPlan {
  return buildPlan({ tree, vendors: vs, raters, options: { locale: "en-US", missing: "exclude" }, createdAt: NOW.toISOString() });
}

/** The notes cell of (vendor, code) as the plan lays it out. */
function noteAt(plan: WorkbookPlan, vendor: string, code: string): string {
  const L = plan.layout.ratings;
  const notes = L.notes;
  if (!notes) throw new Error("no notes grid");
  return cell(L.rows.find((r) => r.code === code)?.row as number, notes.firstCol + L.vendors.indexOf(vendor));
}

/** Where the snapshot says the notes cell of a rating is. */
function derived(snap: WorkbookSnapshot, vendor: string, code: string, rater = ""): string | undefined {
  const g = snap.notesGrid;
  return g ? `${g.sheets[rater]}!${g.columns[vendor]}${g.rows[code]}` : undefined;
}

describe("snapshot reasons (notes grid)", () => {
  test("single rater: every non-blank reason, trimmed, with its cell; the notes cell of every rating derivable", async () => {
    const fake = new FakeExcel();
    await portOn(fake).createWorkbook(request({ vendors: vs }));
    const plan = planFor([]);
    fake.put("Ratings", noteAt(plan, "Vendor 1", codes[0]), [["  Site visit 3 May  "]]);
    fake.put("Ratings", noteAt(plan, "Vendor 3", codes[4]), [["+5 years of support"]]);
    fake.put("Ratings", noteAt(plan, "Vendor 2", codes[2]), [["   "]]);
    const snap = (await portOn(fake).readWorkbook()) as WorkbookSnapshot;
    expect(snap.notes).toEqual([
      { vendor: "Vendor 1", code: codes[0], text: "Site visit 3 May", sheet: "Ratings", address: noteAt(plan, "Vendor 1", codes[0]) },
      { vendor: "Vendor 3", code: codes[4], text: "+5 years of support", sheet: "Ratings", address: noteAt(plan, "Vendor 3", codes[4]) },
    ]);
    for (const v of vs) for (const c of codes) expect(derived(snap, v, c)).toBe(`Ratings!${noteAt(plan, v, c)}`);
    expect(snap.spreadThreshold).toBeUndefined();
  });

  test("panel: each rater's reasons with their sheet; the spread threshold as typed on Consolidated; still 2 syncs", async () => {
    const fake = new FakeExcel();
    const raters = ["Ann", "Bo"];
    await portOn(fake).createWorkbook(request({ vendors: vs, raters }));
    const plan = planFor(raters);
    fake.put("Ratings - Ann", noteAt(plan, "Vendor 2", codes[1]), [["Ann's reason"]]);
    fake.put("Ratings - Bo", noteAt(plan, "Vendor 2", codes[1]), [["Bo's reason"]]);
    const stats: Record<string, SyncStats> = {};
    const snap = (await portOn(fake, undefined, stats).readWorkbook()) as WorkbookSnapshot;
    expect(stats.readWorkbook.syncs).toBe(2);
    const address = noteAt(plan, "Vendor 2", codes[1]);
    expect(snap.notes).toEqual([
      { vendor: "Vendor 2", code: codes[1], rater: "Ann", text: "Ann's reason", sheet: "Ratings - Ann", address },
      { vendor: "Vendor 2", code: codes[1], rater: "Bo", text: "Bo's reason", sheet: "Ratings - Bo", address },
    ]);
    expect(derived(snap, "Vendor 3", codes[7], "Bo")).toBe(`Ratings - Bo!${noteAt(plan, "Vendor 3", codes[7])}`);
    expect(snap.notesGrid?.sheets).toEqual({ Ann: "Ratings - Ann", Bo: "Ratings - Bo" });
    const threshold = plan.layout.panel?.consolidated.threshold as string;
    expect(snap.spreadThreshold).toBe(20);
    fake.put("Consolidated", threshold, [[12.5]]);
    expect((await portOn(fake).readWorkbook())?.spreadThreshold).toBe(12.5);
    fake.put("Consolidated", threshold, [["many"]]);
    expect((await portOn(fake).readWorkbook())?.spreadThreshold).toBeUndefined();
  });

  test("a workbook made before the notes grid: no reasons, no notes cells", async () => {
    const fake = new FakeExcel();
    const old = buildPlan({ tree, vendors: vs, options: { locale: "en-US", missing: "exclude" }, createdAt: NOW.toISOString(), notesGrid: false });
    await applyPlan(fake.context as unknown as Excel.RequestContext, old);
    const snap = (await portOn(fake).readWorkbook()) as WorkbookSnapshot;
    expect(snap.vendors).toEqual(vs);
    expect(snap.notes).toBeUndefined();
    expect(snap.notesGrid).toBeUndefined();
  });
});
