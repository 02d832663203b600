import fc from "fast-check";
import { parseScore } from "../../src/core/import";
import { fastScore } from "../../src/core/import/values";

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

describe("fastScore (the hot path)", () => {
  it("accepts only text that is String(value), so the text need not be kept", () => {
    for (const s of ["0", "5", "85", "100", "85.5", "0.5", "99.999999999", "0.000001"]) expect(fastScore(s)).toBe(Number(s));
    for (const s of ["", "05", "85.50", "85.", ".5", "0.0000001", "100.5", "101", " 85", "+5", "8e1", "８５", "1.2.3"]) expect(fastScore(s)).toBe(-1);
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^[0-9.]{0,13}$/), fc.double({ min: 0, max: 120, noNaN: true }).map(String), fc.integer({ min: 0, max: 12000 }).map((n) => (n / 100).toFixed(n % 3))), (s) => {
        const x = fastScore(s);
        if (x >= 0) {
          expect(String(x)).toBe(s);
          expect(Number(s)).toBe(x);
          expect(x).toBeLessThanOrEqual(100);
        } else if (/^(?:[1-9]\d*|0)(?:\.\d*[1-9])?$/.test(s) && s.length <= 12 && Number(s) <= 100 && Number(s) >= 1e-6) {
          throw new Error(`plain ${s} missed the fast path`);
        }
        expect(parseScore(s, false)).toEqual(x >= 0 ? { kind: "ok", value: x } : parseScore(s, false));
      }),
      { numRuns: 3000 },
    );
  });
});
