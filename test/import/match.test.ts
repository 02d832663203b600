import { IndicatorIndex, mapHeaders, roleOfHeader } from "../../src/core/import";
import { tree } from "./helpers";

const ix = new IndicatorIndex(tree);

describe("IndicatorIndex.match", () => {
  it.each([
    ["2.1.4", "2.1.4"],
    ["２．１．４", "2.1.4"],
    [" 2.1.4 ", "2.1.4"],
    ["生态/业务连接/并发量", "5.1.4"],
    ["生态 > 业务连接 > 并发量", "5.1.4"],
    ["Ecosystem › Business connectivity › Concurrency", "5.1.4"],
    ["technology/core technical capability/concurrency", "2.1.4"],
    ["业务连接/并发量", "5.1.4"],
    ["稳定性", "2.1.1"],
    ["Stability", "2.1.1"],
    ["2.1.4 并发量", "2.1.4"],
    ["运营服务", "3.2"],
  ])("%s → %s", (text, code) => {
    expect(ix.match(text)).toEqual({ kind: "leaf", code });
  });
  it("rejects an ambiguous leaf name, naming both candidates with paths", () => {
    const m = ix.match("并发量");
    expect(m.kind).toBe("ambiguous");
    if (m.kind !== "ambiguous") return;
    expect(m.candidates.map((c) => c.code)).toEqual(["2.1.4", "5.1.4"]);
    expect(m.candidates[0].path["zh-CN"]).toBe("技术/底层能力/并发量");
    expect(m.candidates[1].path["en-US"]).toBe("Ecosystem/Business connectivity/Concurrency");
    expect(ix.match("Concurrency").kind).toBe("ambiguous");
  });
  it("says a group is not a leaf and does not guess unknown text", () => {
    expect(ix.match("2.1")).toEqual({ kind: "group", code: "2.1" });
    expect(ix.match("技术")).toEqual({ kind: "group", code: "2" });
    expect(ix.match("9.9.9")).toEqual({ kind: "unknown" });
    expect(ix.match("稳定")).toEqual({ kind: "unknown" });
    expect(ix.match("2.1.4 稳定性")).toEqual({ kind: "unknown" });
  });
});

describe("headers", () => {
  it.each([
    ["供应商", "vendor"], ["服务商", "vendor"], ["Vendor", "vendor"], [" SUPPLIER ", "vendor"], ["ｖｅｎｄｏｒ", "vendor"],
    ["指标", "indicator"], ["指标编号", "indicator"], ["编号", "indicator"], ["Indicator", "indicator"], ["code", "indicator"],
    ["得分", "score"], ["分数", "score"], ["评分", "score"], ["Score", "score"], ["rating", "score"],
    ["评分人", "rater"], ["评委", "rater"], ["Rater", "rater"], ["evaluator", "rater"],
    ["备注", "comment"], ["Comment", "comment"], ["note", "comment"], ["2、供应商名称", "vendor"], ["供应商：", "vendor"],
  ])("%s → %s", (h, role) => {
    expect(roleOfHeader(h)).toBe(role);
  });
  it("a reason column (issue #14): every alias is a comment, no other role lost a header, and a long file reads it", () => {
    const reasons = ["理由", "评分理由", "依据", "reason", "Reasons", "justification", "Evidence", "rationale", "备注", "comment", "理由：", "3、评分理由"];
    for (const h of reasons) expect([h, roleOfHeader(h)]).toEqual([h, "comment"]);
    const others: [string, string][] = [["供应商", "vendor"], ["supplier name", "vendor"], ["指标名称", "indicator"], ["code", "indicator"], ["评分", "score"], ["value", "score"], ["评审人", "rater"], ["judge", "rater"]];
    for (const [h, role] of others) expect([h, roleOfHeader(h)]).toEqual([h, role]);
    const m = mapHeaders(["供应商", "指标", "得分", "评分理由"], ix);
    expect(m.shape).toBe("long");
    expect(m.columns.map((c) => c.role)).toEqual(["vendor", "indicator", "score", "comment"]);
    expect(m.unmapped).toEqual([]);
  });
  it("finds long and wide shapes and lists unmapped columns without guessing", () => {
    expect(mapHeaders(["供应商", "指标", "得分", "时间"], ix).shape).toBe("long");
    const wide = mapHeaders(["ID", "vendor", "2.1.1", "Smoothness", "并发量", "2.1", "Foo"], ix);
    expect(wide.shape).toBe("wide");
    expect(wide.columns.filter((c) => c.role === "leaf").map((c) => c.code)).toEqual(["2.1.1", "2.1.2"]);
    expect(wide.columns.map((c) => c.matchedBy)).toEqual(["synonym", "indicator", "indicator"]);
    const forms = mapHeaders(["供应商", "Rate the vendor.Stability", "3、(流畅度)", "技术—清晰度"], ix);
    expect(forms.columns.slice(1).map((c) => [c.code, c.matchedBy])).toEqual([["2.1.1", "indicator-part"], ["2.1.2", "indicator-part"], ["2.1.3", "indicator-part"]]);
    expect(wide.unmapped.map((u) => [u.header, u.reason])).toEqual([["ID", "unknown"], ["并发量", "ambiguous"], ["2.1", "group"], ["Foo", "unknown"]]);
    expect(wide.unmapped[1].message["en-US"]).toContain("2.1.4 Technology/Core technical capability/Concurrency");
    expect(wide.unmapped[1].message["zh-CN"]).toContain("5.1.4 生态/业务连接/并发量");
  });
  it("applies an explicit mapping by header or by #index, and reports a bad one", () => {
    const m = mapHeaders(["Who", "并发量", "", "x"], ix, { Who: "vendor", 并发量: { leaf: "5.1.4" }, "#3": { leaf: "2.1.1" }, x: { leaf: "2.1" } });
    expect(m.shape).toBe("wide");
    expect(m.columns.map((c) => c.code ?? c.role)).toEqual(["vendor", "5.1.4", "2.1.1"]);
    expect(m.unmapped.map((u) => u.reason)).toEqual(["bad-mapping"]);
  });
  it("explains a missing vendor column", () => {
    const m = mapHeaders(["name", "2.1.1"], ix);
    expect(m.shape).toBeNull();
    expect(m.problem?.code).toBe("no-vendor-column");
  });
});
