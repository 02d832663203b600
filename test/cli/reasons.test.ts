/**
 * Reasons on the command line (issue #14): `template --ratings FILE` fills the Reason columns from
 * the file's comment column (a panel and a rater copy by the rater column), and `score --json`
 * gives each rating's reason — from a comment column or from a filled scorecard's notes grid.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "child_process";
import { existsSync } from "fs";
import { join } from "path";
import { OOXML_VALIDATE } from "../xlsx/libreoffice";
import { defaultTree, leaves } from "../../src/core/model";
import { cli, dir, tmp } from "./helpers";

const codes = leaves(defaultTree()).map((l) => l.node.code);

/** The cells of a ratings sheet by header: rating and reason of a vendor on a code's row. */
async function sheetOf(file: string, name: string): Promise<{ rating(vendor: string, code: string): unknown; reason(vendor: string, code: string): unknown; headers: unknown[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const headers: unknown[] = [];
  ws.getRow(3).eachCell({ includeEmpty: true }, (c, col) => (headers[col] = c.value));
  const rowOf = (code: string): number => {
    for (let r = 4; r < 200; r++) if (ws.getCell(r, 1).value === code) return r;
    throw new Error(`no row ${code}`);
  };
  const colOf = (h: string): number => headers.indexOf(h);
  return {
    headers,
    rating: (vendor, code) => ws.getCell(rowOf(code), colOf(vendor)).value,
    reason: (vendor, code) => ws.getCell(rowOf(code), colOf(`Reason: ${vendor}`)).value,
  };
}

interface ScoreJson {
  vendors: { vendor: string; reasons?: { code: string; rater?: string; value: number | "NA"; reason: string }[] }[];
}

describe("template --ratings", () => {
  const csv = `Vendor,Indicator,Score,Reason\nAcme,${codes[0]},80,"=1+1, the setup cost"\nAcme,${codes[1]},N/A,\nBeta,${codes[0]},55,"价格偏高\nbut fast"\nGamma,${codes[0]},70,not listed\nBeta,${codes[2]},abc,bad score\n`;

  it("fills the ratings and, beside them, the reasons as text; warns about what it left out; score --json reads the reasons back", async () => {
    const file = tmp("prefill.csv", csv);
    const out = join(dir, "prefilled.xlsx");
    const r = await cli("template", "--vendors", "Acme,Beta", "--ratings", file, "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/3 ratings and 2 reasons from prefill\.csv/);
    expect(r.err).toMatch(/warning: --ratings .*prefill\.csv: 1 ratings rejected \(first: Line 7, column "Score": "abc" is not a number/);
    expect(r.err).toMatch(/ratings of 1 vendors not in the workbook left out: Gamma/);
    const s = await sheetOf(out, "Ratings");
    expect(s.rating("Acme", codes[0])).toBe(80);
    expect(s.rating("Acme", codes[1])).toBe("N/A");
    expect(s.rating("Beta", codes[0])).toBe(55);
    expect(s.reason("Acme", codes[0])).toBe("=1+1, the setup cost");
    expect(s.reason("Beta", codes[0])).toBe("价格偏高\nbut fast");
    expect(s.reason("Acme", codes[1])).toBeNull();
    expect(s.headers).not.toContain("Reason: Gamma");

    const scored = await cli("score", out, "--json");
    expect(scored.code).toBe(0);
    const json = JSON.parse(scored.out) as ScoreJson;
    expect(json.vendors.map((v) => v.vendor).sort()).toEqual(["Acme", "Beta"]);
    expect(json.vendors.find((v) => v.vendor === "Acme")?.reasons).toEqual([{ code: codes[0], value: 80, reason: "=1+1, the setup cost" }]);
    expect(json.vendors.find((v) => v.vendor === "Beta")?.reasons).toEqual([{ code: codes[0], value: 55, reason: "价格偏高\nbut fast" }]);
  });

  it("a panel fills each rater's sheet from the rater column; a rater copy takes only its rater's; score reads every rater's reasons", async () => {
    const file = tmp("panel.csv", `供应商,指标,得分,评分人,理由\nAcme,${codes[0]},80,Ann,Ann's view\nAcme,${codes[0]},60,Bo,Bo's view\nAcme,${codes[1]},50,Zed,unknown rater\nAcme,${codes[1]},40,,no rater\n`);
    const out = join(dir, "panel-prefilled.xlsx");
    const r = await cli("template", "--vendors", "Acme", "--raters", "Ann,Bo", "--ratings", file, "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2 ratings and 2 reasons/);
    expect(r.err).toMatch(/2 ratings without one of the raters \(Ann, Bo\) in their rater column left out/);
    const ann = await sheetOf(out, "Ratings - Ann");
    const bo = await sheetOf(out, "Ratings - Bo");
    expect([ann.rating("Acme", codes[0]), ann.reason("Acme", codes[0])]).toEqual([80, "Ann's view"]);
    expect([bo.rating("Acme", codes[0]), bo.reason("Acme", codes[0])]).toEqual([60, "Bo's view"]);
    const json = JSON.parse((await cli("score", out, "--json")).out) as ScoreJson;
    expect(json.vendors[0].reasons).toEqual([
      { code: codes[0], rater: "Ann", value: 80, reason: "Ann's view" },
      { code: codes[0], rater: "Bo", value: 60, reason: "Bo's view" },
    ]);

    const copy = join(dir, "bo-copy.xlsx");
    expect((await cli("template", "--vendors", "Acme", "--raters", "Ann,Bo", "--rater-copy", "Bo", "--ratings", file, "--out", copy)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(copy);
    const sheet = wb.worksheets.find((w) => !/model/i.test(w.name) && w.state !== "hidden" && w.state !== "veryHidden")?.name as string;
    const c = await sheetOf(copy, sheet);
    expect([c.rating("Acme", codes[0]), c.reason("Acme", codes[0])]).toEqual([60, "Bo's view"]);
  });

  it("a file that cannot be read: usage error, nothing written", async () => {
    const out = join(dir, "never.xlsx");
    const r = await cli("template", "--vendors", "Acme", "--ratings", join(dir, "nope.csv"), "--out", out);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/--ratings .*nope\.csv: no such file/)]);
  });
});

(existsSync(OOXML_VALIDATE) ? it : it.skip)("the pre-filled workbooks pass the OOXML validator", () => {
  for (const f of ["prefilled.xlsx", "panel-prefilled.xlsx", "bo-copy.xlsx"]) {
    const r = spawnSync(OOXML_VALIDATE, [join(dir, f)], { encoding: "utf8", timeout: 120000 });
    expect(`${r.stdout}${r.stderr}`).toMatch(/parts valid, 0 invalid/);
    expect(r.status).toBe(0);
  }
}, 120000);

describe("score --json reasons", () => {
  it("a comment column gives each rating its reason (field reason); ratings without one and files without the column have none", async () => {
    const withReasons = tmp("reasons.csv", `vendor,indicator,score,comment\nAcme,${codes[0]},80,  good pilot \nAcme,${codes[1]},70,\nBeta,${codes[0]},60,\n`);
    const json = JSON.parse((await cli("score", withReasons, "--json")).out) as ScoreJson;
    expect(json.vendors.find((v) => v.vendor === "Acme")?.reasons).toEqual([{ code: codes[0], value: 80, reason: "good pilot" }]);
    expect(json.vendors.find((v) => v.vendor === "Beta")).not.toHaveProperty("reasons");
    const plain = tmp("plain.csv", `vendor,indicator,score\nAcme,${codes[0]},80\n`);
    expect((JSON.parse((await cli("score", plain, "--json")).out) as ScoreJson).vendors[0]).not.toHaveProperty("reasons");
  });
});
