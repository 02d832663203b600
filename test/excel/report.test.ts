import { MemoryExcel as FakeExcel } from "../../src/demo/memoryExcel";
import { portOn, request } from "./helpers";

test("prepareReport writes the Report sheet, records it in the model, opens it; again replaces it; ratings untouched", async () => {
  const fake = new FakeExcel();
  const port = portOn(fake);
  await port.createWorkbook(request());
  fake.put("Ratings", "D5", [[77]]);
  const first = await port.prepareReport();
  expect(first).toEqual({ sheet: "Report" });
  expect(fake.sheets.map((s) => s.name)).toContain("Report");
  expect(fake.selection).toEqual({ sheet: "Report", address: "A1" });
  expect(fake.cell("Report", "A1")?.value).toMatch(/^Vendor evaluation report — /);
  // Ranking rows read Results live.
  expect(fake.cell("Report", "C8")?.formula).toMatch(/^=INDEX\('?Results'?!\$B\$5:\$B\$7,I8\)$/);
  expect(fake.cell("Ratings", "D5")?.value).toBe(77);
  // The stored model now has the Report: a re-create keeps it, a second prepare replaces it (no clash).
  const again = await port.prepareReport();
  expect(again.sheet).toBe("Report");
  expect(fake.sheets.filter((s) => s.name === "Report")).toHaveLength(1);
  const recreated = await port.createWorkbook(request());
  expect(recreated.sheets).toContain("Report");
});

test("a sheet named Report that is not the scorecard's stops prepareReport with nothing written", async () => {
  const fake = new FakeExcel();
  const port = portOn(fake);
  await port.createWorkbook(request({ locale: "zh-CN" }));
  await port.prepareReport();
  expect(fake.sheets.map((s) => s.name)).toContain("评审报告");
  const other = new FakeExcel();
  const port2 = portOn(other);
  await port2.createWorkbook(request());
  other.addSheet("Report");
  await expect(port2.prepareReport()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  expect(other.sheets.filter((s) => s.name === "Report")).toHaveLength(1);
});

test("no scorecard: prepareReport says so", async () => {
  await expect(portOn(new FakeExcel()).prepareReport()).rejects.toMatchObject({ code: "ItemNotFound" });
});

// ------------------------------------------------------------------------------------------------
// Nothing typed in the signature block is lost (issue #14): re-create, an import rebuild,
// applyWeights and "Prepare report" carry every typed cell, by signer.

import type { SyncStats } from "../../src/excel";
import { buildPlan, type ReportSignatureLayout } from "../../src/plan";
import type { CreateWorkbookRequest } from "../../src/port";
import { cloneTree } from "../../src/core/model/tree";
import { vendors } from "./helpers";

function firstLeaf(tree: CreateWorkbookRequest["tree"]): string {
  let n = tree.roots[0];
  while (n.children.length > 0) n = n.children[0];
  return n.code;
}

/** The signature block a request's workbook has (as the adapter builds it, nothing carried). */
function blockOf(req: CreateWorkbookRequest): ReportSignatureLayout {
  const p = buildPlan({ tree: req.tree, vendors: req.vendors, options: { locale: req.locale }, ...(req.raters.length > 0 ? { raters: req.raters } : {}), report: true });
  return p.layout.report?.signatureBlock as ReportSignatureLayout;
}
const rowOf = (b: ReportSignatureLayout, who: string): number => {
  const found = b.signers.find((s) => (s.signer.kind === "rater" ? s.signer.name === who : s.signer.kind === who));
  if (!found) throw new Error(`no row for ${who}`);
  return found.row;
};
/** A signer row as it reads: name (A), role (C), signature (D), date (G); a formula cell as its formula. */
function rowCells(fake: FakeExcel, sheet: string, row: number): unknown[] {
  return ["A", "C", "D", "G"].map((c) => {
    const x = fake.cell(sheet, `${c}${row}`);
    return x?.formula ?? x?.value ?? null;
  });
}

describe("the signature block's entries survive every rebuild", () => {
  test("a panel gaining a rater keeps every entry in its signer's row (same syncs); a rater removed keeps hers below a note, and gets it back on returning", async () => {
    const fake = new FakeExcel();
    const stats: Record<string, SyncStats> = {};
    const port = portOn(fake, undefined, stats);
    const two = request({ raters: ["Ann", "Bo"], report: true });
    await port.createWorkbook(two);
    const b2 = blockOf(two);
    fake.put("Report", `D${rowOf(b2, "Ann")}`, [["A. Smith"]]);
    fake.put("Report", `G${rowOf(b2, "Ann")}`, [[46361]]);
    fake.put("Report", `C${rowOf(b2, "Bo")}`, [["Lead rater"]]);
    fake.put("Report", `A${rowOf(b2, "chair")}`, [["Dr. Chen"]]);
    fake.putFormula("Report", `G${rowOf(b2, "chair")}`, "=TODAY()", 46361);

    const three = request({ raters: ["Ann", "Bo", "Cy"] });
    await port.createWorkbook(three);
    expect(stats.createWorkbook.syncs).toBe(3);
    const b3 = blockOf(three);
    expect(rowOf(b3, "chair")).toBe(rowOf(b2, "chair") + 1); // Cy's row comes before the chair's
    expect(rowCells(fake, "Report", rowOf(b3, "Ann"))).toEqual(["Ann", "Rater", "A. Smith", 46361]);
    expect(fake.cell("Report", `G${rowOf(b3, "Ann")}`)?.numberFormat).toBe("yyyy-mm-dd");
    expect(rowCells(fake, "Report", rowOf(b3, "Bo"))).toEqual(["Bo", "Lead rater", null, null]);
    expect(rowCells(fake, "Report", rowOf(b3, "Cy"))).toEqual(["Cy", "Rater", null, null]);
    expect(rowCells(fake, "Report", rowOf(b3, "chair"))).toEqual(["Dr. Chen", "Chair", null, "=TODAY()"]);

    // Bo leaves: his typed role is kept below the block, under a note naming him.
    const noBo = request({ raters: ["Ann", "Cy"] });
    await port.createWorkbook(noBo);
    const bn = blockOf(noBo);
    const chair = rowOf(bn, "chair");
    expect(fake.cell("Report", `A${chair + 1}`)?.value).toMatch(/^Kept from the previous version/);
    expect(rowCells(fake, "Report", chair + 2)).toEqual(["Bo", "Lead rater", null, null]);
    expect(rowCells(fake, "Report", rowOf(bn, "Ann"))).toEqual(["Ann", "Rater", "A. Smith", 46361]);
    expect(rowCells(fake, "Report", chair)).toEqual(["Dr. Chen", "Chair", null, "=TODAY()"]);

    // Bo returns: his row has his entry again and nothing is left below the block.
    await port.createWorkbook(three);
    expect(rowCells(fake, "Report", rowOf(b3, "Bo"))).toEqual(["Bo", "Lead rater", null, null]);
    const last = rowOf(b3, "chair");
    expect(rowCells(fake, "Report", last + 1)).toEqual([null, null, null, null]);
    expect(rowCells(fake, "Report", last + 2)).toEqual([null, null, null, null]);
  });

  test("a change of language: the default role follows it, what was typed stays as typed", async () => {
    const fake = new FakeExcel();
    const port = portOn(fake);
    const en = request({ report: true });
    await port.createWorkbook(en);
    const b = blockOf(en);
    fake.put("Report", `A${rowOf(b, "evaluator")}`, [["Pat Lee"]]);
    fake.put("Report", `D${rowOf(b, "evaluator")}`, [["signed on paper"]]);
    fake.put("Report", `G${rowOf(b, "chair")}`, [["5 Dec 2026"]]);
    const zh = request({ locale: "zh-CN" });
    await port.createWorkbook(zh);
    const bz = blockOf(zh);
    expect(rowCells(fake, "评审报告", rowOf(bz, "evaluator"))).toEqual(["Pat Lee", "评审人", "signed on paper", null]);
    expect(rowCells(fake, "评审报告", rowOf(bz, "chair"))).toEqual([null, "评审组长", null, "5 Dec 2026"]);
  });

  test("applyWeights (3 syncs) renames the Report's names and leaves the block as typed; an import adding a vendor (4 syncs) and Prepare report (3 syncs) carry it", async () => {
    const fake = new FakeExcel();
    const stats: Record<string, SyncStats> = {};
    const port = portOn(fake, undefined, stats);
    const req = request({ report: true });
    await port.createWorkbook(req);
    const b = blockOf(req);
    const ev = rowOf(b, "evaluator");
    fake.put("Report", `A${ev}`, [["Pat Lee"]]);
    fake.put("Report", `G${ev}`, [[46361]]);

    const tree = cloneTree(req.tree);
    tree.roots[0].name = { "en-US": "Product and features", "zh-CN": "产品与功能" };
    await port.applyWeights(tree);
    expect(stats.applyWeights.syncs).toBe(3);
    const names: unknown[] = [];
    for (let r = 1; r < ev; r++) names.push(fake.cell("Report", `B${r}`)?.value);
    expect(names).toContain("Product and features");
    expect(rowCells(fake, "Report", ev)).toEqual(["Pat Lee", "Evaluator", null, 46361]);

    const imported = await port.importRatings({ sourceFile: "more.csv", choice: "overwrite", newVendors: ["Vendor 9"], ratings: [{ vendor: "Vendor 9", code: firstLeaf(tree), value: 80 }] });
    expect(imported.newVendors).toEqual(["Vendor 9"]);
    expect(stats.importRatings.syncs).toBe(4);
    const b4 = blockOf(request({ vendors: [...vendors(3), "Vendor 9"] }));
    expect(rowCells(fake, "Report", rowOf(b4, "evaluator"))).toEqual(["Pat Lee", "Evaluator", null, 46361]);

    fake.put("Report", `D${rowOf(b4, "chair")}`, [["J. Chair"]]);
    await port.prepareReport();
    expect(stats.prepareReport.syncs).toBe(3);
    expect(rowCells(fake, "Report", rowOf(b4, "evaluator"))).toEqual(["Pat Lee", "Evaluator", null, 46361]);
    expect(rowCells(fake, "Report", rowOf(b4, "chair"))).toEqual([null, "Chair", "J. Chair", null]);
  });

  test("re-creating without the Report while its block holds entries is refused, naming the first cell; nothing is written", async () => {
    const fake = new FakeExcel();
    const port = portOn(fake);
    const req = request({ report: true });
    await port.createWorkbook(req);
    const ev = rowOf(blockOf(req), "evaluator");
    fake.put("Report", `D${ev}`, [["P. Lee"]]);
    await expect(port.createWorkbook(request({ report: false }))).rejects.toMatchObject({ code: "ScorecardReportSignaturesRemoved", sheet: "Report", address: `D${ev}` });
    expect(fake.cell("Report", `D${ev}`)?.value).toBe("P. Lee");
    // Cleared: the Report goes.
    fake.put("Report", `D${ev}`, [[null]]);
    await port.createWorkbook(request({ report: false }));
    expect(fake.sheets.map((s) => s.name)).not.toContain("Report");
  });
});
