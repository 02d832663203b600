import ExcelJS from "exceljs";
import { existsSync } from "fs";
import { join } from "path";
import { cli, dir } from "./helpers";

async function sheetNames(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.filter((w) => w.state === "visible").map((w) => w.name);
}

describe("scorecard template --maturity", () => {
  test("the help names the option", async () => {
    const r = await cli("template", "--help");
    expect(r.out).toMatch(/--maturity marketing\|training\|both/);
    expect(r.out).toMatch(/--maturity +add the maturity self-assessment sheet/);
  });
  test("marketing adds one sheet; both adds two (zh-CN); none by default", async () => {
    const one = join(dir, "mat-marketing.xlsx");
    const r1 = await cli("template", "--vendors", "Acme,Beta", "--maturity", "marketing", "--out", one);
    expect(r1.code).toBe(0);
    expect(r1.out).toMatch(/maturity: marketing/);
    expect(await sheetNames(one)).toEqual(["Ratings", "Weights", "Results", "Charts", "Maturity (Marketing)", "Method"]);
    const both = join(dir, "mat-both.xlsx");
    expect((await cli("template", "--vendors", "Acme,Beta", "--locale", "zh-CN", "--maturity=both", "--out", both)).code).toBe(0);
    expect((await sheetNames(both)).filter((n) => n.startsWith("成熟度"))).toEqual(["成熟度（营销）", "成熟度（培训）"]);
    const none = join(dir, "mat-none.xlsx");
    expect((await cli("template", "--vendors", "Acme", "--out", none)).code).toBe(0);
    expect((await sheetNames(none)).some((n) => n.startsWith("Maturity"))).toBe(false);
  });
  test("an unknown scenario is a usage error and nothing is written", async () => {
    const out = join(dir, "mat-bad.xlsx");
    const r = await cli("template", "--vendors", "Acme", "--maturity", "retail", "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--maturity must be marketing, training or both, not "retail"/);
    expect(existsSync(out)).toBe(false);
    expect((await cli("template", "--vendors", "Acme", "--maturity", "both", "--maturity", "training", "--out", out)).err).toMatch(/--maturity is given twice/);
  });
});
