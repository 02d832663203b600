/** scorecard template --pairwise (issue #13): the Pairwise sheet for chosen groups, in the stored model, read back by score. */
import ExcelJS from "exceljs";
import { existsSync } from "fs";
import { join } from "path";
import { readStoredModel } from "../../src/plan";
import { PAIRWISE_LABELS } from "../../src/plan/pairwiseLabels";
import { cli, dir } from "./helpers";

async function open(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

function modelOf(wb: ExcelJS.Workbook): ReturnType<typeof readStoredModel> {
  const ws = wb.getWorksheet("SC_Model");
  const col: (string | number | null)[] = [];
  ws?.getColumn(1).eachCell({ includeEmpty: true }, (c) => void col.push(c.value === null ? null : (c.value as string | number)));
  return readStoredModel(col);
}

describe("scorecard template --pairwise", () => {
  test("the help names the option and the 2–10 limit with its reason", async () => {
    const r = await cli("template", "--help");
    expect(r.out).toMatch(/\[--pairwise top,CODE,\.\.\.\]/);
    expect(r.out).toMatch(/--pairwise +add a Pairwise sheet/);
    expect(r.out).toMatch(/2 to 10 members \(Saaty's random index stops at 10/);
  });

  test("top and a dimension's code: a Pairwise sheet with both groups, stored in the model; score still reads the workbook", async () => {
    const out = join(dir, "pw.xlsx");
    const r = await cli("template", "--vendors", "Acme,Beta", "--pairwise", "top, 2", "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/pairwise: top, 2/);
    const wb = await open(out);
    expect(wb.worksheets.filter((w) => w.state === "visible").map((w) => w.name)).toEqual(["Ratings", "Weights", "Pairwise", "Results", "Charts", "Method"]);
    expect(modelOf(wb)?.pairwise).toEqual({ groups: [null, "2"] });
    const L = PAIRWISE_LABELS["en-US"];
    const col = (wb.getWorksheet("Pairwise")?.getColumn(1).values ?? []).filter((v): v is string => typeof v === "string");
    expect(col.filter((v) => v === L.topLevel || v === `${L.groupOf} 2 Technology`)).toHaveLength(2);
    expect((await cli("score", out)).code).toBe(1); // nothing rated yet: "nothing to score", not a read error
  });

  test("a panel (zh-CN): a block per rater and the group's", async () => {
    const out = join(dir, "pw-panel.xlsx");
    expect((await cli("template", "--vendors", "Acme", "--raters", "甲,乙", "--locale", "zh-CN", "--pairwise", "TOP", "--out", out)).code).toBe(0);
    const ws = (await open(out)).getWorksheet("两两比较");
    const col = (ws?.getColumn(1).values ?? []).filter((v): v is string => typeof v === "string");
    expect(col.filter((v) => v.endsWith("— 甲") || v.endsWith("— 乙"))).toHaveLength(2);
  });

  test.each([
    [["--pairwise", "9"], /no indicator "9"/],
    [["--pairwise", "1.1"], /"1.1" is a leaf/],
    [["--pairwise", "top,,2"], /--pairwise takes group codes separated by commas/],
    [["--pairwise", "top,top"], /listed twice/],
  ])("%j: exit 2, the reason, nothing written", async (args, message) => {
    const out = join(dir, "pw-bad.xlsx");
    const r = await cli("template", "--vendors", "Acme", ...args, "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});
