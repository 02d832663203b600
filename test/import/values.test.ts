import { parseScore } from "../../src/core/import";

describe("parseScore", () => {
  it.each([
    ["85", 85], [" 85 ", 85], ["0", 0], ["100", 100], ["85.5", 85.5], ["８５", 85], ["８５．５", 85.5], ["+70", 70], ["\u00a070\u3000", 70], [".5", 0.5],
  ])("%j → %d", (s, v) => {
    expect(parseScore(s, false)).toEqual({ kind: "ok", value: v });
  });
  it("decimal comma only when allowed (file not comma-delimited)", () => {
    expect(parseScore("85,5", true)).toEqual({ kind: "ok", value: 85.5 });
    expect(parseScore("85,5", false)).toEqual({ kind: "nan" });
    expect(parseScore("1.234,5", true)).toEqual({ kind: "nan" });
    expect(parseScore("８５，５", true)).toEqual({ kind: "ok", value: 85.5 });
  });
  it.each(["N/A", "NA", "n/a", "na", "不适用", " N/A ", "Ｎ／Ａ"])("%j → not applicable", (s) => {
    expect(parseScore(s, false)).toEqual({ kind: "na" });
  });
  it("rejects out of range and non-numbers; empty is empty", () => {
    expect(parseScore("101", false)).toEqual({ kind: "range", value: 101 });
    expect(parseScore("-1", false)).toEqual({ kind: "range", value: -1 });
    expect(parseScore(100.0001, false)).toEqual({ kind: "range", value: 100.0001 });
    for (const s of ["abc", "85%", "1e2", "8 5", "0x10", "85..", "#N/A", "Infinity", "--5"]) expect(parseScore(s, true)).toEqual({ kind: "nan" });
    expect(parseScore(Number.NaN, false)).toEqual({ kind: "nan" });
    expect(parseScore("", false)).toEqual({ kind: "empty" });
    expect(parseScore("   ", false)).toEqual({ kind: "empty" });
    expect(parseScore(85, false)).toEqual({ kind: "ok", value: 85 });
  });
});
