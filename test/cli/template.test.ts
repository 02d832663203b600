import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync, existsSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "../../src/cli/commands/template";

const dir = mkdtempSync(join(tmpdir(), "sc-template-"));

function io(): { out: string[]; err: string[]; io: { stdout: (t: string) => void; stderr: (t: string) => void } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (t) => out.push(t), stderr: (t) => err.push(t) } };
}

test("writes a zh-CN workbook with the default tree and reports the published weight warnings", async () => {
  const t = io();
  const file = join(dir, "zh.xlsx");
  expect(await run(["--vendors", "甲公司, 乙公司 ,丙", "--locale", "zh-CN", "--out", file], t.io)).toBe(0);
  expect(t.out.join("")).toMatch(/3 vendors/);
  expect(t.err.join("")).toMatch(/90%/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets.map((w) => w.name).slice(0, 5)).toEqual(["评分", "权重", "结果", "图表", "方法说明"]);
  expect(wb.getWorksheet("评分")?.getCell("D3").value).toBe("甲公司");
  expect(wb.getWorksheet("评分")?.getCell("E3").value).toBe("乙公司");
});

test("--tree, --missing zero and --opt=value forms", async () => {
  const tree = {
    id: "mini", title: { "zh-CN": "小", "en-US": "Mini" },
    roots: [
      { code: "1", name: { "zh-CN": "甲", "en-US": "A" }, weight: 60, required: true, children: [] },
      { code: "2", name: { "zh-CN": "乙", "en-US": "B" }, weight: 40, required: false, children: [] },
    ],
  };
  const treeFile = join(dir, "tree.json");
  writeFileSync(treeFile, JSON.stringify(tree));
  const file = join(dir, "mini.xlsx");
  const t = io();
  expect(await run([`--vendors=X,Y`, `--tree=${treeFile}`, "--missing", "zero", "--out", file], t.io)).toBe(0);
  expect(t.err).toEqual([]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.getWorksheet("Ratings")?.getCell("A5").value).toBe("2");
  expect(wb.getWorksheet("Calc")?.getCell("B1").value).toBe(1);
});

test.each([
  [["--out", "x.xlsx"], 2, /vendors are required: --vendors "A,B,C", --vendor NAME \(repeatable\) or --vendors-file FILE/],
  [["--vendors", "A"], 2, /--out is required/],
  [["--vendors", "A", "--locale", "fr-FR", "--out", "x.xlsx"], 2, /--locale/],
  [["--vendors", "A", "--missing", "maybe", "--out", "x.xlsx"], 2, /--missing/],
  [["--vendors", "A", "--colour", "red", "--out", "x.xlsx"], 2, /unknown option/],
  [["--vendors", "A,A", "--out", join(dir, "dup.xlsx")], 2, /listed twice/],
])("%j exits %i with a plain message", async (args, code, message) => {
  const t = io();
  expect(await run(args as string[], t.io)).toBe(code);
  expect(t.err.join("")).toMatch(message as RegExp);
});

test("a broken or invalid tree file is reported, nothing written", async () => {
  const bad = join(dir, "bad.json");
  writeFileSync(bad, "{ not json");
  const t = io();
  const file = join(dir, "never.xlsx");
  expect(await run(["--vendors", "A", "--tree", bad, "--out", file], t.io)).toBe(2);
  expect(t.err.join("")).toMatch(/--tree .*bad\.json is not valid JSON/);
  const invalid = join(dir, "invalid.json");
  writeFileSync(invalid, JSON.stringify({ id: "x", title: { "zh-CN": "x", "en-US": "x" }, roots: [{ code: "1" }] }));
  const t2 = io();
  expect(await run(["--vendors", "A", "--tree", invalid, "--out", file], t2.io)).toBe(2);
  expect(t2.err.length).toBeGreaterThan(0);
  expect(existsSync(file)).toBe(false);
});

test("--help prints usage", async () => {
  const t = io();
  expect(await run(["--help"], t.io)).toBe(0);
  expect(t.out.join("")).toMatch(/scorecard template \(--vendors "A,B,C" \| --vendor NAME/);
});
