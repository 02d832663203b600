import { spawnSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import * as iconv from "iconv-lite";
import ExcelJS from "exceljs";
import { main, type CliIO } from "../../src/cli/main";
import { defaultTree } from "../../src/core/model";

const ROOT = join(__dirname, "..", "..");
const FIX = join(ROOT, "test", "fixtures", "import");
const REFERENCE = join(FIX, "reference-long.csv");
const dir = mkdtempSync(join(tmpdir(), "scorecard-score-"));

function tmp(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t) };
  const code = await main(["score", ...args], io);
  return { code, out, err };
}

interface JsonShape {
  vendors: { vendor: string; total: number | null; rank: number | null; complete: boolean; dimensions: Record<string, number | null> }[];
  rejected: { line: number; reason: string }[];
  warnings: { code: string; message: string }[];
}

describe("scorecard score", () => {
  it("reproduces the reference example: 670/9 ≈ 74.444, unrounded, with dimension scores by root code", async () => {
    const { code, out, err } = await run(REFERENCE, "--json");
    expect(err).toBe("");
    expect(code).toBe(0);
    const j = JSON.parse(out) as JsonShape;
    expect(j.vendors).toHaveLength(1);
    const v = j.vendors[0];
    expect(v.vendor).toBe("Reference Co");
    expect(v.total).toBeCloseTo(670 / 9, 10);
    expect(v.rank).toBe(1);
    expect(v.complete).toBe(true);
    expect(v.dimensions).toEqual({ "1": 80, "2": 70, "3": 90, "4": 60, "5": 50 });
    expect(j.rejected).toEqual([]);
    expect(j.warnings.filter((w) => w.code === "weights-not-100")).toHaveLength(2);
  });

  it("prints a ranked table with totals to 2 decimals", async () => {
    const { code, out } = await run(REFERENCE);
    expect(code).toBe(0);
    expect(out).toMatch(/Rank\s+Vendor\s+Total\s+Complete\s+1 Product/);
    expect(out).toMatch(/1\s+Reference Co\s+74\.44\s+yes\s+80\.00\s+70\.00\s+90\.00\s+60\.00\s+50\.00/);
    expect(out).toContain("49 rows read: 49 accepted, 0 rejected");
  });

  it("ranks several vendors, reports rejected lines and incomplete vendors; a vendor with every row rejected is listed unrated", async () => {
    const f = tmp("mixed.csv", "供应商,指标,得分\nA,1.1,90\nB,1.1,80\nB,1.2,abc\nC,并发量,50\n");
    const { code, out } = await run(f, "--json");
    expect(code).toBe(0);
    const j = JSON.parse(out) as JsonShape;
    expect(j.vendors.map((v) => [v.vendor, v.rank, v.total, v.complete])).toEqual([["A", 1, 90, false], ["B", 2, 80, false], ["C", null, null, false]]);
    expect(j.rejected.map((r) => r.line)).toEqual([4, 5]);
    expect(j.rejected[1].reason).toContain("ambiguous");
    expect(j.warnings.filter((w) => w.code === "vendor-incomplete")).toHaveLength(3);
  });

  it("--strict exits 1 on any rejected row, 0 otherwise", async () => {
    const bad = tmp("bad.csv", "vendor,indicator,score\nA,1.1,101\nA,1.2,50\n");
    expect((await run(bad, "--strict")).code).toBe(1);
    expect((await run(bad)).code).toBe(0);
    expect((await run(REFERENCE, "--strict")).code).toBe(0);
  });

  it("--missing zero counts missing ratings as 0; --aggregate median combines raters", async () => {
    const f = tmp("raters.csv", "vendor,indicator,score,rater\nA,1.1,90,x\nA,1.1,10,y\nA,1.1,80,z\n");
    const mean = JSON.parse((await run(f, "--json")).out) as JsonShape;
    const median = JSON.parse((await run(f, "--json", "--aggregate", "median")).out) as JsonShape;
    const zero = JSON.parse((await run(f, "--json", "--missing", "zero")).out) as JsonShape;
    expect(mean.vendors[0].total).toBeCloseTo(60, 10);
    expect(median.vendors[0].total).toBe(80);
    expect(zero.vendors[0].total).toBeLessThan(10);
  });

  it("reads GB18030 and UTF-16 files, auto-detected or forced, and .xlsx sheets", async () => {
    const text = "供应商,指标,得分\n华为云,稳定性,85\n";
    const gb = tmp("gb.csv", iconv.encode(text, "gb18030"));
    const u16 = tmp("u16.csv", iconv.encode(text, "utf16le", { addBOM: true }));
    for (const f of [gb, u16]) {
      const j = JSON.parse((await run(f, "--json")).out) as JsonShape;
      expect(j.vendors[0].vendor).toBe("华为云");
    }
    expect((JSON.parse((await run(gb, "--json", "--encoding", "gb18030")).out) as JsonShape).vendors[0].vendor).toBe("华为云");

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Other").addRow(["x"]);
    const ws = wb.addWorksheet("Ratings");
    ws.addRow(["Vendor", "2.1.1", "2.1.2"]);
    ws.addRow(["Acme", 80, 70]);
    const xlsx = tmp("r.xlsx", new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const j = JSON.parse((await run(xlsx, "--json", "--sheet", "Ratings")).out) as JsonShape;
    expect(j.vendors[0].dimensions["2"]).toBe(75);
    const noSheet = await run(xlsx, "--sheet", "Nope");
    expect(noSheet.code).toBe(2);
    expect(noSheet.err).toContain('No sheet "Nope"');
  });

  it("accepts a custom --tree and reports its findings", async () => {
    const t = defaultTree();
    t.roots[0].weight = 40;
    const treeFile = tmp("tree.json", JSON.stringify(t));
    const j = JSON.parse((await run(REFERENCE, "--json", "--tree", treeFile)).out) as JsonShape;
    expect(j.warnings.filter((w) => w.code === "weights-not-100")).toHaveLength(1);
    expect(j.vendors[0].total).toBeCloseTo((80 * 40 + 70 * 20 + 90 * 20 + 60 * 10 + 50 * 10) / 100, 10);
  });

  it.each([
    [["/no/such/file.csv"], /no such file/],
    [[], /missing <file>/],
    [["a.csv", "b.csv"], /expected one file/],
    [["--bogus", "x.csv"], /bogus/],
    [["x.csv", "--missing", "maybe"], /--missing must be/],
    [["x.csv", "--aggregate", "mode"], /--aggregate must be/],
    [["x.csv", "--encoding", "latin1"], /--encoding must be/],
  ])("exit 2 with a one-line message: %j", async (args, msg) => {
    const { code, err, out } = await run(...args);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(msg);
    expect(err.trim().split("\n")).toHaveLength(1);
  });

  it("exit 2 for empty, header-only, unrecognisable files and a bad --tree", async () => {
    const cases = [
      [tmp("empty.csv", "")],
      [tmp("header.csv", "vendor,indicator,score\n")],
      [tmp("junk.csv", "foo,bar\n1,2\n")],
      [REFERENCE, "--tree", tmp("bad.json", "{not json")],
      [REFERENCE, "--tree", tmp("badtree.json", JSON.stringify({ id: "x", roots: "no" }))],
      [REFERENCE, "--tree", join(dir, "missing.json")],
    ];
    for (const args of cases) {
      const { code, err } = await run(...args);
      expect(code).toBe(2);
      expect(err.trim().split("\n")).toHaveLength(1);
    }
  });

  it("--help prints usage and exits 0", async () => {
    const { code, out } = await run("--help");
    expect(code).toBe(0);
    expect(out).toContain("Usage: scorecard score <file>");
    expect(out).toContain("--aggregate mean|median|trimmed");
  });

  it("the bin runs: node bin/scorecard.js score <fixture> --json", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "bin", "scorecard.js"), "score", REFERENCE, "--json"], { cwd: ROOT, encoding: "utf8", timeout: 60000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as JsonShape;
    expect(j.vendors[0].total).toBeCloseTo(74.444, 3);
  });
});

describe("scorecard score: mapping options", () => {
  it("--column maps unrecognised columns (Microsoft Forms export); --delimiter forces the delimiter", async () => {
    const forms = join(FIX, "msforms-wide.csv");
    const before = await run(forms);
    expect(before.code).toBe(2);
    expect(before.err).toContain("No vendor column");
    const { code, out } = await run(forms, "--json", "--column", "Which vendor are you rating?=vendor", "--column", "Name=rater");
    expect(code).toBe(0);
    const j = JSON.parse(out) as JsonShape;
    expect(j.vendors.map((v) => v.vendor).sort()).toEqual(["Acme Live", "Beta Stream"]);
    expect(j.warnings.filter((w) => w.code === "unmapped-column").map((w) => w.message)).toEqual([
      'Column 1 "ID" is not recognised; please map it',
      'Column 2 "Start time" is not recognised; please map it',
      'Column 3 "Completion time" is not recognised; please map it',
      'Column 4 "Email" is not recognised; please map it',
    ]);
    const semi = join(FIX, "semicolon-decimal-comma.csv");
    expect((await run(semi, "--delimiter", "comma")).code).toBe(2);
    expect((JSON.parse((await run(semi, "--json", "--delimiter", "semicolon")).out) as JsonShape).vendors[0].vendor).toBe("Acme");
    expect((await run(semi, "--delimiter", "colon")).code).toBe(2);
    expect((await run(semi, "--column", "nonsense")).code).toBe(2);
  });
});
