import type { Rating } from "../../src/core/engine";
import { applyMerge, asLiteralText, importText, isFormulaLike, previewMerge, reportToCsv, reportToCsvBytes, undoOverwrites } from "../../src/core/import";
import Papa from "papaparse";
import { tree } from "./helpers";

const existing: Rating[] = [
  { vendor: "A", code: "1.1", rater: "x", value: 80 },
  { vendor: "A", code: "1.2", rater: "x", value: 70 },
  { vendor: "A", code: "1.3", value: "NA" },
];
const imported = importText("vendor,indicator,score,rater\nA,1.1,80,x\nA,1.2,75,x\nA,1.3,60,\nB,1.1,90,y\nB,1.2,abc,y\nC,1.1,N/A,\n", { tree, sourceName: "ratings.csv" });

describe("previewMerge", () => {
  it("counts, lists new vendors and conflicts with the workbook", () => {
    const p = previewMerge(existing, imported);
    expect(p).toMatchObject({ rowsRead: 6, unit: "row", accepted: 5, rejected: 1, newVendors: ["B", "C"], added: 2, unchanged: 1 });
    expect(p.conflicts).toEqual([
      { vendor: "A", code: "1.2", rater: "x", existing: 70, incoming: 75, line: 3 },
      { vendor: "A", code: "1.3", existing: "NA", incoming: 60, line: 4 },
    ]);
  });
  it("a workbook vendor with no rating yet is not new", () => {
    expect(previewMerge(existing, imported, ["A", "C"]).newVendors).toEqual(["B"]);
    expect(previewMerge([], imported, ["A", "B", "C"]).newVendors).toEqual([]);
  });
});

describe("applyMerge", () => {
  const time = "2026-11-25T21:00:00.000Z";
  it("keep-existing writes only new ratings and logs nothing", () => {
    const m = applyMerge(existing, imported, "keep-existing", { time });
    expect(m.toWrite).toEqual([
      { vendor: "B", code: "1.1", rater: "y", value: 90 },
      { vendor: "C", code: "1.1", value: "NA" },
    ]);
    expect(m.log).toEqual([]);
    expect(m).toMatchObject({ kept: 2, overwritten: 0, added: 2 });
    expect(m.merged.slice(0, 3)).toEqual(existing);
  });
  it("overwrite writes conflicts too and logs old/new value, time and source for undo", () => {
    const m = applyMerge(existing, imported, "overwrite", { time });
    expect(m.toWrite).toHaveLength(4);
    expect(m.log).toEqual([
      { vendor: "A", code: "1.2", rater: "x", oldValue: 70, newValue: 75, time, sourceFile: "ratings.csv", line: 3 },
      { vendor: "A", code: "1.3", oldValue: "NA", newValue: 60, time, sourceFile: "ratings.csv", line: 4 },
    ]);
    expect(m.merged.map((r) => r.value)).toEqual([80, 75, 60, 90, "NA"]);
    expect(undoOverwrites(m.log)).toEqual([existing[1], existing[2]]);
    expect(existing[1].value).toBe(70); // input untouched
  });
});

describe("formula safety", () => {
  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])("%j is formula-like and gets a leading apostrophe", (t) => {
    expect(isFormulaLike(t)).toBe(true);
    expect(asLiteralText(t)).toBe(`'${t}`);
  });
  it.each(["", "Acme", "华为云", " =1", "1-2"])("%j is left alone", (t) => {
    expect(isFormulaLike(t)).toBe(false);
    expect(asLiteralText(t)).toBe(t);
  });
});

describe("reportToCsv", () => {
  it("is UTF-8 with BOM, one row per item in line order, formulas escaped", () => {
    const r = importText('vendor,indicator,score\n"=cmd|x",1.1,80\nB,1.1,101\n华为云,并发量,70\n', { tree });
    const csv = reportToCsv(r, "en-US");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(["Line", "Status", "Reason code", "Column", "Vendor", "Indicator", "Rater", "Value", "Message"]);
    expect(rows.slice(1).map((x) => [x[0], x[1], x[2]])).toEqual([
      ["2", "accepted", ""],
      ["3", "rejected", "out-of-range"],
      ["4", "rejected", "ambiguous-indicator"],
    ]);
    expect(rows[1][4]).toBe("'=cmd|x");
    const bytes = reportToCsvBytes(r);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain("已拒绝");
  });
});
