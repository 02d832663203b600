/** Issue #15: a filled scorecard is read back by `scorecard score`, as the workbook computes it, whatever program saved it. */
import { readFileSync } from "fs";
import { join } from "path";
import { readXlsxSheets } from "../../src/core/import/xlsx";
import { cli, SCORECARDS } from "./helpers";

interface Out {
  vendors: { vendor: string; total: number | null; rank: number | null; complete: boolean }[];
  counts: { accepted: number; rejected: number };
}

/** Vendor → total as the workbook's own Results sheet shows it (LibreOffice recalculated and cached it). */
async function workbookTotals(file: string): Promise<Map<string, number | null>> {
  const sheets = await readXlsxSheets(new Uint8Array(readFileSync(join(SCORECARDS, file))));
  const results = (sheets ?? []).find((s) => s.name === "Results" || s.name === "结果");
  if (!results) throw new Error("no Results sheet");
  const out = new Map<string, number | null>();
  for (const row of results.values.slice(4)) if (typeof row[0] === "string" && row[0] !== "") out.set(row[0], typeof row[1] === "number" ? row[1] : null);
  return out;
}

describe.each(["openpyxl", "libreoffice", "gnumeric"])("a filled single-rater scorecard saved by %s", (program) => {
  it("scores as the workbook does; a vendor with nothing rated is listed 0/49", async () => {
    const { code, out } = await cli("score", join(SCORECARDS, `single-${program}.xlsx`), "--json");
    expect(code).toBe(0);
    const j = JSON.parse(out) as Out;
    const want = await workbookTotals("single-libreoffice.xlsx");
    expect(j.vendors.map((v) => v.vendor)).toEqual(["Acme", "Globex", "Initech"]);
    for (const v of j.vendors) {
      const w = want.get(v.vendor);
      if (w === null || w === undefined) expect(v.total).toBeNull();
      else expect(v.total).toBeCloseTo(w, 9);
    }
    expect(j.counts).toMatchObject({ accepted: 67, rejected: 0 });
    const table = (await cli("score", join(SCORECARDS, `single-${program}.xlsx`))).out;
    expect(table).toMatch(/—\s+Initech\s+—\s+0\/49/);
    expect(table).toContain("Scorecard workbook: 3 vendors");
  });
});

describe.each(["openpyxl", "libreoffice", "gnumeric"])("a filled panel scorecard (median, a Moderation consensus) saved by %s", (program) => {
  it("scores every rater's sheet with the consensus as the workbook's Consolidated does", async () => {
    const { code, out } = await cli("score", join(SCORECARDS, `panel-${program}.xlsx`), "--json");
    expect(code).toBe(0);
    const j = JSON.parse(out) as Out;
    const want = await workbookTotals("panel-libreoffice.xlsx");
    expect(j.vendors.map((v) => v.vendor)).toEqual(["Acme", "Globex"]);
    for (const v of j.vendors) expect(v.total).toBeCloseTo(want.get(v.vendor) as number, 9);
    const table = (await cli("score", join(SCORECARDS, `panel-${program}.xlsx`), "--locale", "zh-CN")).out;
    expect(table).toMatch(/排名\s+供应商\s+总分\s+完成度\s+1 产品/);
    expect(table).toContain("panel of 3 raters (Alice, Bob, Carol), median, 1 Moderation consensus score");
  });

  it("--aggregate mean rescores the raters' own ratings (the consensus still replaces its cell)", async () => {
    const median = JSON.parse((await cli("score", join(SCORECARDS, `panel-${program}.xlsx`), "--json")).out) as Out;
    const mean = JSON.parse((await cli("score", join(SCORECARDS, `panel-${program}.xlsx`), "--json", "--aggregate", "mean")).out) as Out;
    expect(mean.vendors[0].total).not.toBeCloseTo(median.vendors[0].total as number, 6);
  });
});

test("a CSV saved from the Ratings sheet (title rows, indicators down, vendors across) scores the same", async () => {
  const csv = JSON.parse((await cli("score", join(SCORECARDS, "single-ratings-sheet.csv"), "--json")).out) as Out;
  const xlsx = JSON.parse((await cli("score", join(SCORECARDS, "single-libreoffice.xlsx"), "--json")).out) as Out;
  expect(csv.vendors.map((v) => [v.vendor, v.total])).toEqual(xlsx.vendors.map((v) => [v.vendor, v.total]));
});

test("--sheet reads one sheet of a scorecard as a plain table (one rater of a panel)", async () => {
  const { code, out } = await cli("score", join(SCORECARDS, "panel-libreoffice.xlsx"), "--sheet", "评分-Carol", "--json");
  expect(code).toBe(0);
  expect((JSON.parse(out) as Out).counts.accepted).toBeGreaterThan(0);
});
