import { score } from "../../src/core/engine";
import { allNodes, defaultTree, leaves } from "../../src/core/model";
import { analyseSensitivity } from "../../src/core/sensitivity";
import { cli, tmp } from "./helpers";

/** Three vendors, two raters, every leaf of the default tree; Globex strong on 2, Acme on 1. */
function panelCsv(): { path: string; rows: { vendor: string; code: string; rater: string; value: number }[] } {
  const rows: { vendor: string; code: string; rater: string; value: number }[] = [];
  let seed = 11;
  const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const strong: Record<string, string> = { Acme: "1", Globex: "2", Initech: "3" };
  for (const vendor of ["Acme", "Globex", "Initech"]) {
    for (const { node } of leaves(defaultTree())) {
      for (const rater of ["Ann", "Bo"]) rows.push({ vendor, code: node.code, rater, value: Math.round(60 + (node.code.split(".")[0] === strong[vendor] ? 15 : 0) + 20 * rnd()) });
    }
  }
  const path = tmp("sens-panel.csv", "vendor,indicator,score,rater\n" + rows.map((r) => `${r.vendor},${r.code},${r.value},${r.rater}`).join("\n") + "\n");
  return { path, rows };
}

describe("scorecard score --sensitivity", () => {
  test("--json adds the sensitivity block: the core's flips and shares; the same seed, the same figures", async () => {
    const { path, rows } = panelCsv();
    const r = await cli("score", path, "--sensitivity", "--samples", "3000", "--seed", "7", "--json");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out).sensitivity;
    const core = analyseSensitivity(defaultTree(), score(defaultTree(), rows), { samples: 3000, seed: 7, raters: { ratings: rows, score: {} } });
    expect(s.leader).toBe(core.leader);
    expect(s.flips).toEqual(core.flips.map((f) => ({ code: f.code, parent: f.parent, weight: f.weight, rival: f.rival, flipAt: f.flipAt, stableFrom: f.stableFrom, stableTo: f.stableTo })));
    // Every node with a sibling, once.
    const withSiblings = allNodes(defaultTree()).filter(({ parent }) => (parent === null ? defaultTree().roots : parent.children).length > 1);
    expect(s.flips.map((f: { code: string }) => f.code).sort()).toEqual(withSiblings.map(({ node }) => node.code).sort());
    expect(s.firstShare).toEqual(Object.fromEntries(core.acceptability.vendors.map((v) => [v.vendor, v.firstShare])));
    expect(s.bootstrap.firstShare).toEqual(Object.fromEntries((core.bootstrap?.vendors ?? []).map((v) => [v.vendor, v.firstShare])));
    expect(s.samples).toBe(3000);
    expect(s.spread).toBe(0.2);
    // Weights are fractions of their group: the dimensions' sum to 1.
    expect(s.flips.filter((f: { parent: string | null }) => f.parent === null).reduce((a: number, f: { weight: number }) => a + f.weight, 0)).toBeCloseTo(1, 12);
    const again = await cli("score", path, "--sensitivity", "--samples", "3000", "--seed", "7", "--json");
    expect(JSON.parse(again.out).sensitivity).toEqual(s);
    const other = await cli("score", path, "--sensitivity", "--samples", "3000", "--seed", "8", "--spread", "60", "--json");
    expect(JSON.parse(other.out).sensitivity.firstShare).not.toEqual(s.firstShare);
  });

  test("the table: nearest flips, first-place shares with standard errors, the rater bootstrap; both locales", async () => {
    const { path } = panelCsv();
    const en = await cli("score", path, "--sensitivity", "--samples", "500");
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/Sensitivity \(leader: \w+\)/);
    expect(en.out).toMatch(/Node +Weight +Flips at +To +Leader stays first/);
    expect(en.out).toMatch(/Ranked first in ±20% \(500\): \w+ [\d.]+% ± [\d.]+% \(ranks 1–\d\)/);
    expect(en.out).toMatch(/Resampling raters \(500\)/);
    const zh = await cli("score", path, "--sensitivity", "--samples", "500", "--locale", "zh-CN");
    expect(zh.out).toMatch(/敏感性（|敏感性 \(/);
    expect(zh.out).toMatch(/排第一的比例/);
  });

  test("with bids the contest is overall among the eligible and the price weight has its flip", async () => {
    const { path } = panelCsv();
    const bids = tmp("sens-bids.csv", "vendor,bid\nAcme,125000\nGlobex,98000\nInitech,110500\n");
    const r = await cli("score", path, "--bids", bids, "--price-weight", "30", "--sensitivity", "--samples", "200", "--json");
    const out = JSON.parse(r.out);
    if (r.code !== 0) throw new Error(r.err);
    expect(out.sensitivity.basis).toBe("award");
    expect(out.sensitivity.price.weight).toBeCloseTo(0.3, 12);
    const first = out.vendors.find((v: { rank: number | null }) => v.rank === 1);
    expect(out.sensitivity.leader).toBe(first?.vendor ?? null);
  });

  test("bad values exit 2 naming the option; the sampling options need --sensitivity", async () => {
    const { path } = panelCsv();
    for (const [args, msg] of [
      [["--samples", "0"], /--samples must be a whole number/],
      [["--samples", "1.5"], /--samples/],
      [["--spread", "120"], /--spread must be a percentage/],
      [["--seed", "x"], /--seed must be a whole number/],
      [["--sampling", "grid"], /--sampling must be spread or simplex/],
    ] as const) {
      const r = await cli("score", path, "--sensitivity", ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(msg);
    }
    const r = await cli("score", path, "--samples", "10");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/need --sensitivity/);
    expect((await cli("score", "--help")).out).toMatch(/--sensitivity/);
  });
});

describe("scorecard template --sensitivity", () => {
  test("adds the Sensitivity sheet (stored in the model), in both locales; without it there is none; in --help", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const { readStoredModel } = await import("../../src/plan/modelSheet");
    for (const [locale, sheet] of [["en-US", "Sensitivity"], ["zh-CN", "敏感性"]] as const) {
      const file = tmp(`sens-template-${locale}.xlsx`, "");
      const r = await cli("template", "--vendors", "Acme,Globex,Initech", "--locale", locale, "--sensitivity", "--out", file, "--force");
      expect(r.code).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.getWorksheet(sheet);
      expect(ws).toBeDefined();
      expect(ws?.getCell("A6").value).toBe("1");
      const modelSheet = wb.worksheets.find((w) => w.state === "veryHidden");
      const column: (string | null)[] = [];
      modelSheet?.getColumn(1).eachCell({ includeEmpty: true }, (c) => column.push(c.value === null ? null : String(c.value)));
      expect(readStoredModel(column)?.sensitivity).toBe(true);
    }
    const plain = tmp("sens-template-none.xlsx", "");
    expect((await cli("template", "--vendors", "A,B", "--out", plain, "--force")).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(plain);
    expect(wb.getWorksheet("Sensitivity")).toBeUndefined();
    expect((await cli("template", "--help")).out).toMatch(/--sensitivity +add the Sensitivity sheet/);
  });
});
