/** Issue #15: the command line fit for real use — options, messages, exit codes, limits, no stack traces. */
import { existsSync, readFileSync, statSync } from "fs";
import { join } from "path";
import * as iconv from "iconv-lite";
import fc from "fast-check";
import Papa from "papaparse";
import ExcelJS from "exceljs";
import { importRatingsFile } from "../../src/plan/workbookImport";
import { defaultTree, leaves } from "../../src/core/model";
import { cli, dir, EXAMPLES, ROOT, tmp } from "./helpers";

const codes = leaves(defaultTree()).map((l) => l.node.code);

/** The vendor headers of the Ratings sheet: from column D up to the blank column before the notes grid. */
async function vendorsOf(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const row = wb.getWorksheet("Ratings")?.getRow(3);
  const out: string[] = [];
  for (let col = 4; row && row.getCell(col).value !== null; col++) out.push(String(row.getCell(col).value));
  return out;
}

describe("template", () => {
  it("refuses to overwrite without --force, then overwrites with it", async () => {
    const f = tmp("exists.xlsx", "keep me");
    const r = await cli("template", "--vendors", "A,B", "--out", f);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/exists; nothing written \(add --force to overwrite it\)/);
    expect(readFileSync(f, "utf8")).toBe("keep me");
    expect((await cli("template", "--vendors", "A,B", "--out", f, "--force")).code).toBe(0);
    expect(statSync(f).size).toBeGreaterThan(1000);
  });

  it("never writes an .xlsx under another extension", async () => {
    const f = join(dir, "ratings.csv");
    const r = await cli("template", "--vendors", "A", "--out", f);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/ratings\.csv: the workbook is an \.xlsx file; give a name ending in \.xlsx/);
    expect(existsSync(f)).toBe(false);
  });

  it("--vendor keeps commas; --vendors-file reads UTF-8 with BOM, UTF-16 and GB18030", async () => {
    const out = join(dir, "vendors.xlsx");
    expect((await cli("template", "--vendor", "Acme, Inc.", "--vendor", "Globex", "--out", out)).code).toBe(0);
    expect(await vendorsOf(out)).toEqual(["Acme, Inc.", "Globex"]);
    const text = "# list\r\n甲公司, 有限\r\n\r\n乙公司\r\n";
    const files = [
      tmp("v-utf8.txt", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])),
      tmp("v-utf16.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf16le")])),
      tmp("v-gb.txt", iconv.encode(text, "gb18030")),
    ];
    for (const [i, f] of files.entries()) {
      const o = join(dir, `vf${i}.xlsx`);
      expect((await cli("template", "--vendors-file", f, "--out", o)).code).toBe(0);
      expect(await vendorsOf(o)).toEqual(["甲公司, 有限", "乙公司"]);
    }
    expect((await cli("template", "--vendors-file", join(EXAMPLES, "vendors.txt"), "--out", join(dir, "ex.xlsx"))).code).toBe(0);
    const missing = await cli("template", "--vendors-file", join(dir, "nope.txt"), "--out", join(dir, "n.xlsx"));
    expect([missing.code, missing.err]).toEqual([2, expect.stringMatching(/--vendors-file .*nope\.txt: no such file/)]);
  });

  it("--rater and --raters-file make a panel (--raters, then --rater, then the files' names); --rater-copy for someone else is an error", async () => {
    const raters = tmp("raters.txt", "Alice\nBob, Jr.\n");
    const out = join(dir, "panel.xlsx");
    expect((await cli("template", "--vendors", "A,B", "--raters-file", raters, "--rater", "Carol", "--out", out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name).slice(0, 3)).toEqual(["Ratings - Carol", "Ratings - Alice", "Ratings - Bob, Jr."]);
    const zed = await cli("template", "--vendors", "A", "--raters", "Alice,Bob", "--rater-copy", "Zed", "--out", join(dir, "zed.xlsx"));
    expect(zed.code).toBe(2);
    expect(zed.err).toMatch(/--rater-copy Zed: not one of the raters \(Alice, Bob\)/);
    expect(existsSync(join(dir, "zed.xlsx"))).toBe(false);
  });

  it("too many vendors: a clear message naming the limit, before any work", async () => {
    const many = tmp("many.txt", Array.from({ length: 10000 }, (_, i) => `V${i}`).join("\n"));
    const r = await cli("template", "--vendors-file", many, "--out", join(dir, "many.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/10,000 vendors: a workbook holds at most 8,191 \(Excel's 16,384 columns/);
    const panel = await cli("template", "--vendors-file", many, "--raters", "A,B,C", "--out", join(dir, "many.xlsx"));
    expect(panel.err).toMatch(/with 3 raters holds at most 2,047/);
  });
});

describe("score", () => {
  it("wide rows with fields beyond the header are rejected naming the line (decimal comma in a comma file)", async () => {
    const f = tmp("extra.csv", "vendor,1.1,1.2\nAcme,80,90\nV5,1,1,85\nOK,70,\n");
    const { code, out } = await cli("score", f);
    expect(code).toBe(0);
    expect(out).toMatch(/rejected: Line 3: 4 fields but the header has 3 columns \(extra "85"\).*decimal comma/);
    expect(out).not.toMatch(/V5/);
  });

  it("vendors differing only by case, width, spaces or zero-width characters are warned about (CLI and import result)", async () => {
    const text = "vendor,1.1\nAcme,80\nACME,70\nＡｃｍｅ,60\nAc\u200bme,50\n";
    const { out } = await cli("score", tmp("similar.csv", text));
    expect(out).toMatch(/warning: These vendor names differ only in case, width, spaces or invisible characters.*"Acme", "ACME", "Ａｃｍｅ", "Ac\\u200bme"/);
    const r = await importRatingsFile(new TextEncoder().encode(text), { tree: defaultTree() });
    expect(r.result.warnings.find((w) => w.code === "similar-vendor-names")?.names).toEqual(["Acme", "ACME", "Ａｃｍｅ", "Ac\u200bme"]);
  });

  it("control characters in names are escaped in the table and in messages", async () => {
    const { out } = await cli("score", tmp("ctl.csv", 'vendor,1.1\n"Evil\u001b[2J\rCo\u0000",80\n'));
    // eslint-disable-next-line no-control-regex -- none may reach the terminal
    expect(out).not.toMatch(/[\u0000\u001b\r]/);
    expect(out).toContain("Evil\\x1b[2J\\rCo\\x00");
  });

  it("every row rejected → exit 1 with a message; nothing rated is not a success", async () => {
    const r = await cli("score", tmp("allbad.csv", "vendor,indicator,score\nA,1.1,abc\nB,1.2,101\n"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no rating accepted \(2 rejections\); nothing to score/);
  });

  it("a vendor whose cells are all blank in a wide file is listed as 0/49", async () => {
    const { code, out } = await cli("score", join(EXAMPLES, "ratings-wide.csv"));
    expect(code).toBe(0);
    expect(out).toMatch(/—\s+Umbrella\s+—\s+0\/49/);
  });

  it("--column names an unknown code and the option", async () => {
    const r = await cli("score", join(EXAMPLES, "ratings-long.csv"), "--column", "score=9.9.9");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--column "score=9\.9\.9": "9\.9\.9" is neither a role .* nor an indicator code of the tree/);
  });

  it("long values are cut in messages; repeated lines are summarised", async () => {
    const huge = "x".repeat(1_000_000);
    const rows = [`A,1.1,${huge}`, ...Array.from({ length: 30 }, (_, i) => `V${i},1.1,abc`)];
    const { out } = await cli("score", tmp("long.csv", `vendor,indicator,score\n${rows.join("\n")}\n`));
    expect(out.length).toBeLessThan(20000);
    expect(out).toMatch(/… 21 more rejected \(not-a-number\) \(see --json\)/);
    expect(out).toMatch(/… 21 more vendors not fully rated/);
  });

  it("--locale zh-CN prints Chinese headers; --version prints the package's version", async () => {
    expect((await cli("score", join(EXAMPLES, "ratings-long.csv"), "--locale", "zh-CN")).out).toMatch(/排名\s+供应商\s+总分\s+完成度\s+1 产品/);
    const v = await cli("--version");
    expect(v.out.trim()).toBe((JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version);
  });

  it("--help documents the exit codes", async () => {
    for (const args of [["--help"], ["score", "--help"], ["template", "--help"]]) {
      const { code, out } = await cli(...args);
      expect(code).toBe(0);
      expect(out).toMatch(/Exit codes:\n\s+0\s+done\n\s+1\s+nothing usable[\s\S]*\n\s+2\s+bad input or usage/);
    }
  });
});

/** No stack trace ever reaches the user, whatever the file holds. */
function noTrace(r: { code: number; out: string; err: string }): void {
  expect([0, 1, 2]).toContain(r.code);
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.out).not.toMatch(/\n\s+at .*:\d+:\d+/);
  expect(r.err).not.toMatch(/internal error/);
}

describe("fuzz: no stack trace, exit code in {0, 1, 2}", () => {
  const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

  it("random bytes (as .csv and with a zip signature)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.boolean(), fc.constantFrom([], ["--json"], ["--strict"]), async (bytes, zip, extra) => {
        const data = zip ? Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...bytes]) : bytes;
        noTrace(await cli("score", tmp("fuzz.bin", data), ...extra));
      }),
      { numRuns: RUNS },
    );
  });

  it("random CSV structure: headers, extra fields, quotes, control characters, odd scores", async () => {
    const cell = fc.oneof(
      fc.constantFrom(...codes.slice(0, 6), "vendor", "供应商", "indicator", "score", "rater", "Code", "N/A", "", " ", "1,5", "101", "-0", "1e3", "\u200b", "\u001b[31m", '"'),
      fc.string({ maxLength: 8 }),
      fc.integer({ min: -5, max: 120 }).map(String),
    );
    const table = fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(table, fc.constantFrom(",", ";", "\t"), async (rows, delimiter) => {
        const text = Papa.unparse(rows, { delimiter });
        noTrace(await cli("score", tmp("fuzz.csv", text)));
      }),
      { numRuns: RUNS },
    );
  });

  it("random arguments", async () => {
    const arg = fc.oneof(fc.constantFrom("score", "template", "--out", "--vendors", "--vendor", "--column", "--force", "--json", "--tree", "--sheet", "x=y", "-h"), fc.string({ maxLength: 6 }));
    await fc.assert(
      fc.asyncProperty(fc.array(arg, { maxLength: 6 }), async (argv) => {
        // Never writes outside the temporary folder: --out values are relative names turned into it.
        const safe = argv.map((a, i) => (argv[i - 1] === "--out" || argv[i - 1] === "--tree" ? join(dir, "f", a.replace(/[\\/]/g, "_")) : a));
        noTrace(await cli(...safe));
      }),
      { numRuns: RUNS },
    );
  });
});
