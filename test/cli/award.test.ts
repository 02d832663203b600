/** The award options of `scorecard score` and `scorecard template` (issue #11), on examples/bids.csv. */
import ExcelJS from "exceljs";
import { join } from "path";
import * as iconv from "iconv-lite";
import { evaluateAward } from "../../src/core/award";
import { score, type Rating } from "../../src/core/engine";
import { allNodes, defaultTree } from "../../src/core/model";
import { cli, dir, EXAMPLES, tmp } from "./helpers";

const WIDE = join(EXAMPLES, "ratings-wide.csv");
const BIDS = join(EXAMPLES, "bids.csv");

interface V { vendor: string; total: number | null; quality: number | null; eligible: boolean; status: string; gates: { code: string; value: number | null; minimum: number; reason: string }[]; bid: number | null; priceScore: number | null; overall: number | null; grade: string | null; lowBid: boolean; rank: number | null }

async function json(...args: string[]): Promise<{ code: number; vendors: V[]; award: { price: { lowest: number | null; guidance: string | null } | null }; err: string }> {
  const r = await cli("score", ...args, "--json");
  return { code: r.code, err: r.err, ...(r.code === 0 ? JSON.parse(r.out) : { vendors: [], award: { price: null } }) };
}

/** The examples' ratings as the engine reads them (the wide CSV: a vendor column, one column per code). */
async function engineRatings(): Promise<Rating[]> {
  const { readFile } = await import("fs/promises");
  const [head, ...rows] = (await readFile(WIDE, "utf8")).trim().split(/\r?\n/).map((l) => l.split(","));
  return rows.flatMap((r) => head.slice(1).flatMap((code, i) => (r[i + 1] === undefined || r[i + 1] === "" ? [] : [{ vendor: r[0], code, value: Number(r[i + 1]) }])));
}

describe("scorecard score: minimums, bids, price", () => {
  test("without award options: quality = total = overall, rank as before, every rated vendor eligible", async () => {
    const before = await cli("score", WIDE, "--json");
    const j = await json(WIDE);
    const old = JSON.parse(before.out) as { vendors: { vendor: string; rank: number | null; total: number | null }[] };
    expect(j.vendors.map((v) => [v.vendor, v.rank, v.total])).toEqual(old.vendors.map((v) => [v.vendor, v.rank, v.total]));
    for (const v of j.vendors) {
      expect(v.quality).toBe(v.total);
      expect(v.overall).toBe(v.total);
      expect(v.eligible).toBe(v.total !== null);
    }
  });

  test("examples/bids.csv with --min and both methods equals evaluateAward; an unrated vendor is not yet eligible", async () => {
    const tree = defaultTree();
    allNodes(tree).find((n) => n.node.code === "4")!.node.minimum = 76;
    tree.minimum = 60;
    const res = score(tree, await engineRatings(), { vendors: ["Acme", "Globex", "Initech", "Umbrella"] });
    const bids = { Acme: 125000, Globex: 98000, Initech: 110500, Umbrella: 134000 };
    for (const method of ["lowest", "linear"] as const) {
      const j = await json(WIDE, "--bids", BIDS, "--min", "4=76", "--min-quality", "60", "--price-method", method, "--price-weight", "40");
      expect(j.code).toBe(0);
      const want = evaluateAward(tree, res, { bids, settings: { price: { weight: 40, method, lowBidThreshold: 20 } } });
      for (const w of want.vendors) {
        const got = j.vendors.find((v) => v.vendor === w.vendor) as V;
        expect([got.eligible, got.status, got.rank, got.bid, got.lowBid, got.grade]).toEqual([w.eligible, w.status, w.rank, w.bid, w.lowBid, w.grade?.label["en-US"] ?? null]);
        expect(got.gates).toEqual(w.gates.map((g) => ({ code: g.code, value: g.value, minimum: g.minimum, reason: g.reason["en-US"] })));
        for (const k of ["priceScore", "overall", "quality"] as const) {
          if (w[k] === null) expect(got[k]).toBeNull();
          else expect(got[k] as number).toBeCloseTo(w[k] as number, 9);
        }
      }
    }
    const j = await json(WIDE, "--bids", BIDS, "--min", "4=76");
    const umbrella = j.vendors.find((v) => v.vendor === "Umbrella") as V;
    expect([umbrella.status, umbrella.rank, umbrella.gates[0].reason]).toEqual(["unrated", null, "4 Security: not rated"]);
    expect(j.vendors[j.vendors.length - 1].rank).toBeNull();
  });

  test("the text table: Eligible, Grade, Bid, Price, Overall; reasons and Order No. 87 guidance below", async () => {
    const r = await cli("score", WIDE, "--bids", BIDS, "--min", "4=76", "--price-weight", "20");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Eligible\s+Grade\s+Bid\s+Price\s+Overall/);
    expect(r.out).toMatch(/not eligible: Globex: 4 Security 75\.1 < 76/);
    expect(r.out).toContain("guidance: Under MoF Order No. 87 price carries at least 30% for goods");
    const zh = await cli("score", WIDE, "--bids", BIDS, "--locale", "zh-CN", "--min", "4=76");
    expect(zh.out).toMatch(/具备资格\s+等级\s+报价/);
    expect(zh.out).toContain("不具备资格： Globex: 4 安全 75.1 < 76");
  });

  test("bids as people write them (GB18030, Chinese headers, ¥ and separators), an abnormally low bid flagged", async () => {
    const text = "供应商,投标报价\nAcme,\"¥125,000.00\"\nGlobex,６０ ０００\nInitech,110500元\nUmbrella,\n";
    const f = tmp("bids-zh.csv", iconv.encode(text, "gb18030"));
    const j = await json(WIDE, "--bids", f);
    expect(j.code).toBe(0);
    const by = Object.fromEntries(j.vendors.map((v) => [v.vendor, v]));
    expect([by.Acme.bid, by.Globex.bid, by.Initech.bid, by.Umbrella.bid]).toEqual([125000, 60000, 110500, null]);
    expect(by.Globex.lowBid).toBe(true);
    expect(by.Globex.eligible).toBe(true);
    expect(by.Umbrella.status).toBe("unrated");
  });

  test("an .xlsx bids file", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Bids");
    ws.addRows([["Vendor", "Bid"], ["Acme", 100], ["Globex", 200]]);
    const f = join(dir, "bids.xlsx");
    await wb.xlsx.writeFile(f);
    const j = await json(WIDE, "--bids", f, "--price-method", "linear");
    expect(j.vendors.find((v) => v.vendor === "Acme")?.priceScore).toBe(100);
    expect(j.vendors.find((v) => v.vendor === "Globex")?.priceScore).toBe(0);
    expect(j.vendors.find((v) => v.vendor === "Initech")?.status).toBe("no-bid");
  });

  test.each([
    [["--min", "9.9=50"], /--min 9\.9=50: "9\.9" is not an indicator code of the tree/],
    [["--min", "4=abc"], /--min expects "<code>=<n>"/],
    [["--min-quality", "120"], /--min-quality must be a number from 0 to 100/],
    [["--price-weight", "30"], /need --bids/],
    [["--bids", BIDS, "--price-method", "cheapest"], /--price-method must be lowest or linear/],
  ])("%j: exit 2 with a clear message", async (args, message) => {
    const r = await cli("score", WIDE, ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  test.each([
    ["vendor,bid\nAcme,12x\n", /bids-1\.csv: line 2: the bid of "Acme" is not a number: "12x"/],
    ["vendor,bid\nAcme,1\nHooli,2\n", /line 3: "Hooli" is not a vendor of the ratings/],
    ["vendor,bid\nAcme,1\nAcme,2\n", /line 3: "Acme" has a bid already \(line 2\)/],
    ["name;cost\nAcme;1\n", /line 1: needs a vendor column .* and a bid column/],
  ])("bids file %#: exit 2 naming the line", async (text, message) => {
    const f = tmp(`bids-${message.source.includes("not a number") ? 1 : Math.random().toString(36).slice(2)}.csv`, text);
    const r = await cli("score", WIDE, "--bids", f);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  test("--help documents the options", async () => {
    const r = await cli("score", "--help");
    for (const o of ["--bids", "--price-method lowest|linear", "--price-weight", "--low-bid-threshold", "--min <code>=<n>", "--min-quality"]) expect(r.out).toContain(o);
  });
});

describe("scorecard template: --price, --min, --price-weight", () => {
  test("writes the Price sheet and the minimums; unknown codes exit 2", async () => {
    const out = join(dir, "award.xlsx");
    const r = await cli("template", "--vendors", "Acme,Globex", "--price-weight", "35", "--min", "4=60", "--min-quality", "55", "--out", out);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const price = wb.getWorksheet("Price") as ExcelJS.Worksheet;
    expect(price.getCell("B4").value).toBe(35);
    const weights = wb.getWorksheet("Weights") as ExcelJS.Worksheet;
    expect(weights.getCell("P5").value).toBe(55);
    const row = (weights.getColumn(1).values as unknown[]).findIndex((v) => v === "4");
    expect(weights.getCell(`P${row}`).value).toBe(60);
    const plain = join(dir, "plain.xlsx");
    expect((await cli("template", "--vendors", "Acme", "--out", plain)).code).toBe(0);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(plain);
    expect(wb2.getWorksheet("Price")).toBeUndefined();
    const bad = await cli("template", "--vendors", "Acme", "--min", "7=50", "--out", join(dir, "bad.xlsx"));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('"7" is not an indicator code of the tree');
  });
});
