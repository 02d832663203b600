import ExcelJS from "exceljs";
import * as iconv from "iconv-lite";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "../../src/cli/commands/ahp";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { analyse, analysePanel, pairsOf, parseJudgement, reciprocalMatrix } from "../../src/core/ahp";

const num = (s: string): number => {
  const r = parseJudgement(s);
  if (!r.ok) throw new Error(s);
  return r.value;
};

const dir = mkdtempSync(join(tmpdir(), "scorecard-ahp-"));

function tmp(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

async function ahp(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t) };
  const code = await run(args, io);
  return { code, out, err };
}

interface JsonGroup {
  parent: string | null;
  codes: string[];
  weights: Record<string, number>;
  lambdaMax: number;
  ci: number;
  cr: number;
  consistent: boolean;
  raters: { rater: string | null; weights: Record<string, number>; cr: number }[];
  consensus: number | null;
  revisit: { a: string; b: string; judged: number; suggested: number } | null;
}

/** The dimensions 1–5: judgements of one person (upper triangle in pair order). */
const DIMS = ["3", "3", "5", "5", "1", "2", "3", "3", "2", "1"];
const dimsCsv = (values: string[], rater?: string): string =>
  pairsOf(5)
    .map(([a, b], k) => `${rater !== undefined ? `${rater},` : ""}${a + 1},${b + 1},${values[k]}`)
    .join("\n");

describe("scorecard ahp", () => {
  test("one rater, the dimensions: --json gives the engine's weights, λmax, CI, CR", async () => {
    const file = tmp("dims.csv", `a,b,value\n${dimsCsv(DIMS)}\n`);
    const { code, out, err } = await ahp(file, "--json");
    expect(err).toBe("");
    expect(code).toBe(0);
    const j = JSON.parse(out) as { groups: JsonGroup[] };
    expect(j.groups).toHaveLength(1);
    const g = j.groups[0];
    const want = analyse(5, pairsOf(5).map(([a, b], k) => ({ a, b, value: num(DIMS[k]) })));
    expect(g.parent).toBeNull();
    expect(g.codes).toEqual(["1", "2", "3", "4", "5"]);
    g.codes.forEach((c, i) => expect(g.weights[c]).toBeCloseTo(want.weights[i], 14));
    expect(g.lambdaMax).toBeCloseTo(want.lambdaMax, 14);
    expect(g.ci).toBeCloseTo(want.ci, 14);
    expect(g.cr).toBeCloseTo(want.cr, 14);
    expect(g.consistent).toBe(true);
    expect(g.raters).toHaveLength(1);
    expect(g.consensus).toBeNull();
    expect(g.revisit).toBeNull();
  });

  test("the human table: codes, names, weights in %, λmax, CI, CR", async () => {
    const file = tmp("dims2.csv", `a,b,value\n${dimsCsv(DIMS)}\n`);
    const { code, out } = await ahp(file);
    expect(code).toBe(0);
    expect(out).toContain("Top level (dimensions)");
    expect(out).toMatch(/1\s+Product\s+47\.1%/);
    expect(out).toMatch(/λmax 5\.0569\s+CI 0\.0142\s+CR 0\.013\s+consistent/);
  });

  test("a panel of three over two groups (TSV): group = geometric mean, each rater's weights, consensus", async () => {
    const tech = { Ann: ["3", "5", "2"], Bo: ["1/2", "3", "4"], Cy: ["2", "2", "1"] };
    const dims = { Ann: DIMS, Bo: ["1/3", "2", "1", "3", "5", "4", "7", "2", "1/2", "1"], Cy: ["5", "7", "9", "9", "2", "3", "3", "2", "1", "1/2"] };
    const lines = ["rater\ta\tb\tvalue"];
    for (const r of ["Ann", "Bo", "Cy"] as const) {
      pairsOf(5).forEach(([a, b], k) => lines.push(`${r}\t${a + 1}\t${b + 1}\t${dims[r][k]}`));
      pairsOf(3).forEach(([a, b], k) => lines.push(`${r}\t2.${a + 1}\t2.${b + 1}\t${tech[r][k]}`));
    }
    const file = tmp("panel.tsv", `${lines.join("\n")}\n`);
    const { code, out, err } = await ahp(file, "--json");
    expect(err).toBe("");
    expect(code).toBe(0);
    const j = JSON.parse(out) as { groups: JsonGroup[] };
    expect(j.groups.map((g) => g.parent)).toEqual([null, "2"]);
    for (const g of j.groups) {
      const n = g.codes.length;
      const src = g.parent === null ? dims : tech;
      const ms = (["Ann", "Bo", "Cy"] as const).map((r) => reciprocalMatrix(n, pairsOf(n).map(([a, b], k) => ({ a, b, value: num(src[r][k]) }))));
      const want = analysePanel(ms);
      g.codes.forEach((c, i) => expect(g.weights[c]).toBeCloseTo(want.group.weights[i], 14));
      expect(g.cr).toBeCloseTo(want.group.cr, 14);
      expect(g.consensus).toBeCloseTo(want.consensus?.value as number, 14);
      expect(g.raters.map((r) => r.rater)).toEqual(["Ann", "Bo", "Cy"]);
      g.raters.forEach((r, k) => expect(r.cr).toBeCloseTo(want.raters[k].cr, 14));
    }
    expect(j.groups[1].codes).toEqual(["2.1", "2.2", "2.3"]);
    const human = await ahp(file);
    expect(human.out).toContain("Children of 2 Technology — 3 raters");
    expect(human.out).toMatch(/Consensus \(BPMSG S\*\): \d+\.\d% \((low|moderate|high)\)/);
  });

  test("GB18030 text with Chinese headers, and .xlsx with numeric cells", async () => {
    const csv = `评委,a,b,判断\n${dimsCsv(DIMS, "张三")}\n`;
    const gb = await ahp(tmp("gb.csv", iconv.encode(csv, "gb18030")), "--json");
    expect(gb.err).toBe("");
    expect(gb.code).toBe(0);
    const g = (JSON.parse(gb.out) as { groups: JsonGroup[] }).groups[0];
    expect(g.raters[0].rater).toBe("张三");

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Judgements");
    ws.addRow(["a", "b", "value"]);
    pairsOf(5).forEach(([a, b], k) => ws.addRow([a + 1, b + 1, num(DIMS[k])]));
    const x = await ahp(tmp("dims.xlsx", new Uint8Array(await wb.xlsx.writeBuffer())), "--json");
    expect(x.err).toBe("");
    const gx = (JSON.parse(x.out) as { groups: JsonGroup[] }).groups[0];
    gx.codes.forEach((c) => expect(gx.weights[c]).toBeCloseTo(g.weights[c], 14));
  });

  test("inconsistent judgements: exit 0, flagged, with the judgement to revisit", async () => {
    const bad = ["9", "1/9", "9", "1/9", "9", "1/9", "9", "1/9", "9", "1/9"];
    const file = tmp("bad.csv", `a,b,value\n${dimsCsv(bad)}\n`);
    const { code, out } = await ahp(file);
    expect(code).toBe(0);
    expect(out).toContain("INCONSISTENT (CR > 0.10)");
    expect(out).toMatch(/Revisit \d vs \d: judged 1?\/?\d; the weights suggest \S+ \(CR would be \d\.\d{3}\)/);
    const j = JSON.parse((await ahp(file, "--json")).out) as { groups: JsonGroup[] };
    expect(j.groups[0].consistent).toBe(false);
    expect(j.groups[0].revisit).not.toBeNull();
  });

  describe("input errors: exit 2, naming the line", () => {
    const expectError = async (name: string, content: string, pattern: RegExp, ...args: string[]): Promise<void> => {
      const { code, err, out } = await ahp(tmp(name, content), ...args);
      expect(out).toBe("");
      expect(code).toBe(2);
      expect(err).toMatch(pattern);
    };
    test("a missing pair", () => expectError("missing.csv", `a,b,value\n${dimsCsv(DIMS).split("\n").slice(0, 9).join("\n")}\n`, /the top level: 1 of 10 pairs not judged: 4–5 \(judged on lines 2, 3/));
    test("a pair across groups", () => expectError("across.csv", "a,b,value\n1,2.1,3\n", /line 2: 1 and 2\.1 are not in one sibling group \(1 is a dimension \(top level\), 2\.1 is a child of 2\)/));
    test("a value outside 1/9…9", () => expectError("outside.csv", `a,b,value\n${dimsCsv(DIMS).replace("1,2,3", "1,2,10")}\n`, /line 2: 1 over 2: 10 is not on Saaty's scale 1\/9 … 9 \(nearest: 9\)/));
    test("not a number", () => expectError("nan.csv", "a,b,value\n2.1,2.2,lots\n", /line 2: 2\.1 over 2\.2: "lots" is not a judgement/));
    test("an unknown code", () => expectError("unknown.csv", "a,b,value\n1,7,3\n", /line 2: unknown indicator code "7"/));
    test("a group of one: a member compared with itself", () => expectError("self.csv", "a,b,value\n2.1,2.1,1\n", /line 2: "2\.1" is compared with itself/));
    test("a pair judged twice by the same rater", () => expectError("twice.csv", `a,b,value\n${dimsCsv(DIMS)}\n2,1,1/3\n`, /line 12: 2 and 1 are already compared on line 2/));
    test("a group larger than 10 (own tree)", async () => {
      const roots = Array.from({ length: 11 }, (_, i) => ({ code: `C${i + 1}`, name: { "zh-CN": `准则${i + 1}`, "en-US": `C ${i + 1}` }, weight: null, required: false, children: [] }));
      const tree = tmp("eleven.json", JSON.stringify({ id: "eleven", title: { "zh-CN": "十一", "en-US": "Eleven" }, roots }));
      await expectError("eleven.csv", "a,b,value\nC1,C2,3\n", /the top level: 11 members; at most 10 .*random index/, "--tree", tree);
    });
    test("no a/b/value header", () => expectError("header.csv", "x,y,z\n1,2,3\n", /no column "a", "b", "value" in the header \(line 1/));
    test("rater named on some lines only", () => expectError("mixed.csv", `rater,a,b,value\n${dimsCsv(DIMS, "Ann")}\n,1,2,3\n`, /line 12: no rater named, while other lines name one/));
    test("a bad option", async () => {
      const { code, err } = await ahp("--nope");
      expect(code).toBe(2);
      expect(err).toMatch(/--nope/);
    });
  });

  test("registered as `scorecard ahp`", async () => {
    let out = "";
    const io: CliIO = { stdout: (t) => (out += t), stderr: () => undefined };
    expect(await main(["--help"], io)).toBe(0);
    expect(out).toMatch(/\n {2}ahp +Weights of sibling groups from pairwise comparisons/);
    out = "";
    expect(await main(["ahp", tmp("main.csv", `a,b,value\n${dimsCsv(DIMS)}\n`), "--json"], io)).toBe(0);
    expect((JSON.parse(out) as { groups: JsonGroup[] }).groups[0].codes).toEqual(["1", "2", "3", "4", "5"]);
  });

  test("--help", async () => {
    const { code, out } = await ahp("--help");
    expect(code).toBe(0);
    expect(out).toContain("Usage: scorecard ahp <judgements>");
  });
});
