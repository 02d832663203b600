import { defaultTree } from "../../src/core/model/default-tree";
import { applyPlan, probeWorkbook, Syncer } from "../../src/excel";
import { buildPlan, cell, MODEL_SHEET_NAME, parseRect, type WorkbookPlan } from "../../src/plan";
import { EXCEL_REQUEST_LIMIT, MemoryExcel as FakeExcel, type Call } from "../../src/demo/memoryExcel";
import { bigTree, NOW, vendors } from "./helpers";

const ctx = (fake: FakeExcel): Excel.RequestContext => fake.context as unknown as Excel.RequestContext;

function plan(tree = defaultTree(), n = 3, names = vendors(n)): WorkbookPlan {
  return buildPlan({ tree, vendors: names, createdAt: NOW.toISOString() });
}

const firstIndex = (fake: FakeExcel, pred: (c: Call) => boolean): number => fake.log.findIndex(pred);
const lastIndex = (fake: FakeExcel, pred: (c: Call) => boolean): number => {
  for (let i = fake.log.length - 1; i >= 0; i--) if (pred(fake.log[i])) return i;
  return -1;
};

describe("applyPlan", () => {
  test("writes every block where the plan says: values as blocks, formulas as R1C1 fills and A1 cells, never formulasLocal", async () => {
    const fake = new FakeExcel();
    const p = plan();
    await applyPlan(ctx(fake), p);
    expect(fake.calls({ name: "formulasLocal" })).toHaveLength(0);
    for (const sheet of p.sheets) {
      for (const block of sheet.blocks) {
        if (block.kind === "values") {
          const call = fake.calls({ op: "set", name: "values", target: `${sheet.name}!${block.address}` });
          expect(call).toHaveLength(1);
          expect(call[0].args[0]).toEqual(block.cells.map((r) => r.map((v) => (v === null ? "" : v))));
          continue;
        }
        // Every cell of a formulas block ends up exactly as the plan says, whichever way it went.
        const { r1, c1 } = parseRect(block.address);
        block.cells.forEach((row, i) =>
          row.forEach((v, j) => {
            const c = fake.cell(sheet.name, cell(r1 + i, c1 + j));
            if (v === null) expect([c?.formula, c?.value]).toEqual([undefined, undefined]);
            else if (typeof v === "string" && v.startsWith("=")) expect(c?.formula).toBe(v);
            else expect(c?.value).toBe(v);
          }),
        );
      }
    }
    // Fills are one scalar R1C1 formula for a multi-cell range; the rest stays A1 2-D arrays.
    const fills = fake.calls({ op: "set", name: "formulasR1C1" });
    expect(fills.length).toBeGreaterThan(0);
    for (const f of fills) {
      expect(typeof f.args[0]).toBe("string");
      expect(f.target).toContain(":");
    }
    for (const f of fake.calls({ op: "set", name: "formulas" })) expect(Array.isArray(f.args[0])).toBe(true);
    const calc = p.sheets.find((s) => s.key === "calc");
    const f = calc?.blocks.find((b) => b.kind === "formulas");
    const top = f?.address.split(":")[0] ?? "";
    expect(fake.cell("Calc", top)?.formula).toBe(f?.cells[0][0]);
  });

  test("without ExcelApi 1.2 every formula is an A1 cell, as before fills", async () => {
    const fake = new FakeExcel();
    const p = plan();
    await applyPlan(ctx(fake), p, { supports: (v) => v !== "1.2" });
    expect(fake.calls({ name: "formulasR1C1" })).toHaveLength(0);
    for (const sheet of p.sheets) {
      for (const block of sheet.blocks) {
        const call = fake.calls({ op: "set", name: block.kind, target: `${sheet.name}!${block.address}` });
        expect(call).toHaveLength(1);
        expect(call[0].args[0]).toEqual(block.cells.map((r) => r.map((v) => (v === null ? "" : v))));
      }
    }
  });

  test("text that starts with = + - @ or looks like a number stays text", async () => {
    const fake = new FakeExcel();
    const tricky = ["=SUM(1,2)", "+1 Partners", "-Dash Ltd", "@Home", "3M", "TRUE"];
    const p = plan(defaultTree(), 0, tricky);
    await applyPlan(ctx(fake), p);
    const header = p.layout.ratings.headerRow;
    tricky.forEach((name, i) => {
      const c = fake.cell("Ratings", `${String.fromCharCode(64 + p.layout.ratings.firstCol + i)}${header}`);
      expect(c).toEqual(expect.objectContaining({ value: name, numberFormat: "@" }));
      expect(c?.formula).toBeUndefined();
    });
    // The "@" format is queued before the values it protects.
    const target = `Ratings!A${header}:`;
    const nf = firstIndex(fake, (c) => c.name === "numberFormat" && c.target.startsWith(target));
    const values = firstIndex(fake, (c) => c.name === "values" && c.target.startsWith(target));
    expect(nf).toBeGreaterThanOrEqual(0);
    expect(nf).toBeLessThan(values);
    // Control: the fake turns the same text into a formula when it is not guarded.
    const raw = new FakeExcel();
    raw.context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["=SUM(1,2)"]];
    expect(raw.cell("Sheet1", "A1")?.formula).toBe("=SUM(1,2)");
    // Codes such as 1.1 stay text too.
    expect(fake.cell("Ratings", `A${p.layout.ratings.firstRow}`)?.value).toBe("1");
    expect(typeof fake.cell("Ratings", `A${p.layout.ratings.firstRow + 1}`)?.value).toBe("string");
  });

  test("model sheet very hidden, Calc hidden, protection last on every protected sheet", async () => {
    const fake = new FakeExcel();
    const p = plan();
    await applyPlan(ctx(fake), p);
    expect(fake.sheet(MODEL_SHEET_NAME)?.visibility).toBe("VeryHidden");
    expect(fake.sheet("Calc")?.visibility).toBe("Hidden");
    const firstProtect = firstIndex(fake, (c) => c.name === "protect");
    const lastOther = lastIndex(fake, (c) => c.name !== "protect");
    expect(firstProtect).toBeGreaterThan(lastOther);
    for (const s of p.sheets) expect(fake.sheet(s.name)?.protected).toBe(s.protection.protect);
    const opts = fake.calls({ name: "protect", target: "sheet(Ratings)" })[0].args[0];
    expect(opts).toEqual({ allowFormatColumns: true, allowFormatRows: true, allowSort: false, allowAutoFilter: false });
    // Rating inputs are unlocked.
    const inputs = p.sheets[0].formats.find((f) => f.locked === false);
    expect(fake.calls({ op: "set", name: "locked", target: `Ratings!${inputs?.ranges[0]}.format.protection` })).toHaveLength(1);
  });

  test("validation on the rating range, conditional formats, named ranges, freeze panes, row groups", async () => {
    const fake = new FakeExcel();
    const p = plan();
    await applyPlan(ctx(fake), p);
    const range = p.layout.ratings.range;
    const rule = fake.calls({ op: "set", name: "rule", target: `Ratings!${range}.dataValidation` });
    expect(rule).toHaveLength(1);
    expect(rule[0].args[0]).toEqual({ custom: { formula: expect.stringMatching(/^=OR\(AND\(ISNUMBER\(D4\)/) } });
    expect(fake.calls({ op: "set", name: "ignoreBlanks", target: `Ratings!${range}.dataValidation` })[0].args[0]).toBe(true);
    expect(fake.calls({ op: "set", name: "errorAlert", target: `Ratings!${range}` })[0].args[0]).toEqual(expect.objectContaining({ style: "Stop", showAlert: true }));
    expect(fake.calls({ op: "call", name: "add", target: /^Results!.*conditionalFormats$/ }).map((c) => c.args[0])).toContain("ColorScale");
    expect([...fake.names.keys()].sort()).toEqual(p.names.map((n) => n.name).sort());
    expect(fake.names.get("SC_Totals")?.ref).toBe(`=${p.names.find((n) => n.name === "SC_Totals")?.ref}`);
    expect(fake.calls({ name: "freezeAt", target: "sheet(Ratings).freezePanes" })).toHaveLength(1);
    const groups = fake.calls({ name: "group", target: "Ratings!" });
    expect(groups.map((c) => c.target)).toEqual(p.sheets[0].rowGroups.map((g) => `Ratings!${g.rows}`));
    expect(groups.every((c) => c.args[0] === "ByRows")).toBe(true);
  });

  test("charts: radar and bar bound to Results ranges, with categories, series, axis and legend", async () => {
    const fake = new FakeExcel();
    const p = plan(defaultTree(), 3);
    await applyPlan(ctx(fake), p);
    const adds = fake.calls({ op: "call", name: "add", target: /^sheet\(Charts\)\.charts$/ });
    const charts = p.sheets.find((s) => s.key === "charts")?.charts ?? [];
    expect(adds).toHaveLength(charts.length);
    expect(adds.map((c) => c.args[0])).toEqual(charts.map((c) => (c.kind === "radar" ? "Radar" : "BarClustered")));
    expect(JSON.parse(JSON.stringify(adds[0].args[1]))).toBe("Results!H5:L5");
    expect(adds[0].args[2]).toBe("Rows");
    expect(adds[1].args[2]).toBe("Columns");
    const comparisonSeries = fake.calls({ op: "call", name: "add", target: /charts\.add\(\)\.series$/ });
    expect(comparisonSeries.map((c) => c.args[0])).toEqual(["Vendor 2", "Vendor 3"]);
    expect(JSON.stringify(fake.calls({ op: "call", name: "setXAxisValues" })[0].args[0])).toBe('"Results!H4:L4"');
    expect(fake.calls({ op: "set", name: "maximum" }).every((c) => c.args[0] === 100)).toBe(true);
    expect(fake.calls({ op: "set", name: "visible", target: "legend" }).map((c) => c.args[0])).toEqual(charts.map((c) => c.legend));
  });

  test("older hosts: features above their requirement set are skipped with a note", async () => {
    const fake = new FakeExcel();
    const versions = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8"];
    const result = await applyPlan(ctx(fake), plan(), { supports: (v) => versions.includes(v) });
    expect(fake.calls({ name: "group" })).toHaveLength(0);
    expect(fake.calls({ name: "indentLevel" })).toHaveLength(0);
    expect(result.notes).toEqual(expect.arrayContaining([expect.stringMatching(/row outline skipped \(needs ExcelApi 1\.10\)/), expect.stringMatching(/indent skipped/)]));
  });

  test("a user's sheet with a plan sheet's name is never overwritten", async () => {
    const fake = new FakeExcel(["Sheet1", "Results"]);
    fake.put("Results", "A1", [["my own results"]]);
    await expect(applyPlan(ctx(fake), plan())).rejects.toMatchObject({ code: "ItemAlreadyExists", sheet: "Results", message: expect.stringContaining('"Results"') });
    expect(fake.cell("Results", "A1")?.value).toBe("my own results");
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1", "Results"]);
    expect(fake.calls({ op: "set" })).toHaveLength(0);
  });

  test("names that clash with a user's names stop the operation", async () => {
    const fake = new FakeExcel();
    fake.names.set("SC_Totals", { ref: "=Sheet1!A1" });
    await expect(applyPlan(ctx(fake), plan())).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    expect(fake.names.get("SC_Totals")?.ref).toBe("=Sheet1!A1");
  });

  test("replaces the scorecard's own sheets: unprotects, unhides the model sheet, deletes, writes anew", async () => {
    const fake = new FakeExcel();
    const p = plan();
    await applyPlan(ctx(fake), p);
    fake.log.length = 0;
    const syncer = new Syncer(ctx(fake));
    const state = await probeWorkbook(ctx(fake), syncer);
    await applyPlan(ctx(fake), p, { state, scorecardSheets: p.sheets.map((s) => s.name), syncer });
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1", ...p.sheets.map((s) => s.name)]);
    expect(fake.calls({ name: "unprotect" })).toHaveLength(p.sheets.length);
    const aside = `SC~old~${MODEL_SHEET_NAME}`;
    const unhide = firstIndex(fake, (c) => c.target === `sheet(${aside})` && c.name === "visibility" && c.args[0] === "Hidden");
    const del = firstIndex(fake, (c) => c.target === `sheet(${aside})` && c.name === "delete");
    expect(unhide).toBeGreaterThanOrEqual(0);
    expect(unhide).toBeLessThan(del);
    // Old sheets step aside before the new ones are added, and go only after everything is written.
    const renames = fake.calls({ op: "set", name: "name", target: /^sheet\([^)]*\)$/ }).map((c) => c.args[0]);
    expect(renames).toEqual(p.sheets.map((s) => `SC~old~${s.name}`.slice(0, 31)));
    expect(lastIndex(fake, (c) => c.op === "set" && c.name === "name" && /^sheet\([^)]*\)$/.test(c.target))).toBeLessThan(firstIndex(fake, (c) => c.name === "add" && c.target === "worksheets"));
    expect(firstIndex(fake, (c) => c.name === "delete" && c.target.startsWith("sheet("))).toBeGreaterThan(lastIndex(fake, (c) => c.name === "formulas" || c.name === "values"));
    expect(fake.calls({ name: "delete", target: "sheet(" })).toHaveLength(p.sheets.length);
    expect(syncer.stats.syncs).toBe(2);
  });

  test.each([
    ["20 vendors × default tree", defaultTree(), 20, 1],
    ["100 vendors × 200 leaves", bigTree(), 100, 1],
  ])("%s: constant syncs, every request under 4 MB, calculation suspended per request", async (_label, tree, n, writes) => {
    const fake = new FakeExcel();
    const result = await applyPlan(ctx(fake), plan(tree, n));
    // 1 probe + the writes; 100 × 200 is 4.7 MB as A1 cells, about 1 MB once its repeated formulas are R1C1 fills.
    expect(fake.syncs).toBe(1 + writes);
    expect(result.stats.syncs).toBe(fake.syncs);
    expect(Math.max(...fake.requestBytes)).toBeLessThan(4_000_000);
    expect(Math.max(...fake.requestBytes)).toBeLessThan(EXCEL_REQUEST_LIMIT);
    for (const est of result.stats.requests) expect(est).toBeLessThanOrEqual(4_000_000);
    expect(fake.calls({ name: "suspendApiCalculationUntilNextSync" }).map((c) => c.sync)).toEqual(Array.from({ length: writes }, (_, i) => i + 1));
  });
});

describe("applyPlan, newer plan fields", () => {
  test("autofilter on a sheet that asks for one (ExcelApi 1.9), skipped with a note before", async () => {
    const p = plan();
    const withFilter = { ...p, sheets: p.sheets.map((s) => (s.key === "results" ? { ...s, autoFilter: "A4:L7" } : s)) };
    const fake = new FakeExcel();
    await applyPlan(ctx(fake), withFilter);
    expect(fake.calls({ name: "apply", target: "sheet(Results).autoFilter" }).map((c) => JSON.stringify(c.args[0]))).toEqual(['"Results!A4:L7"']);
    const old = new FakeExcel();
    const result = await applyPlan(ctx(old), withFilter, { supports: (v) => Number(v.split(".")[1]) <= 8 });
    expect(old.calls({ name: "apply" })).toHaveLength(0);
    expect(result.notes).toContain("Results: autofilter skipped (needs ExcelApi 1.9)");
  });
});
