import ExcelJS from "exceljs";
import * as iconv from "iconv-lite";
import { importDelimited, importFile, importPasted, importText, importXlsx, IndicatorIndex, mapHeaders, reasonColumnLeaf, type ImportResult } from "../../src/core/import";
import { en, expectAccounting, fixture, leafCodes, tree } from "./helpers";

const opts = { tree };

function byLine(r: ImportResult): Record<number, string> {
  return Object.fromEntries(r.rejected.map((x) => [x.line, x.code]));
}

describe("long CSV with rater and comment", () => {
  const r = importDelimited(fixture("long-rater-comment.csv"), { ...opts, sourceName: "long-rater-comment.csv" });

  it("maps the English headers and reads every row", () => {
    expect(r.ok).toBe(true);
    expect(r.shape).toBe("long");
    expect(r.source).toMatchObject({ format: "delimited", encoding: "utf8", delimiter: ",", name: "long-rater-comment.csv" });
    expect(r.columns.map((c) => c.role)).toEqual(["vendor", "indicator", "score", "rater", "comment"]);
    expect(r.unmapped).toEqual([]);
    expectAccounting(r);
    expect(r.counts).toMatchObject({ unit: "row", read: 14, accepted: 7, rejected: 7 });
  });

  it("gives each row its physical line (a quoted comment spans lines 4–5)", () => {
    expect(r.accepted.map((a) => [a.line, a.vendor, a.code, a.rater, a.value])).toEqual([
      [2, "Acme Live", "2.1.1", "Ann", 85],
      [3, "Acme Live", "2.1.3", "Ann", 80],
      [4, "Acme Live", "5.1.4", "Ann", 70],
      [7, "Acme Live", "2.1.1", "Bob", 90],
      [9, "Beta Stream", "3.1", "Ann", "NA"],
      [15, '=HYPERLINK("http://x","y")', "1.1", "Ann", 50],
      [16, "@SUM(1)", "1.2", "-Ann", 40],
    ]);
    expect(r.accepted[2].comment).toBe("Multi-line\ncomment, with a comma");
  });

  it("rejects with a machine code and a bilingual message naming the line", () => {
    expect(byLine(r)).toEqual({
      6: "ambiguous-indicator",
      8: "exact-duplicate",
      10: "out-of-range",
      11: "not-a-number",
      12: "empty-vendor",
      13: "unknown-indicator",
      14: "empty-score",
    });
    const amb = r.rejected.find((x) => x.line === 6);
    expect(en(amb!)).toContain("2.1.4 Technology/Core technical capability/Concurrency");
    expect(en(amb!)).toContain("5.1.4 Ecosystem/Business connectivity/Concurrency");
    expect(amb!.message["zh-CN"]).toContain("第6行");
    expect(en(r.rejected.find((x) => x.line === 8)!)).toContain("exact duplicate of line 2");
    expect(en(r.rejected.find((x) => x.line === 10)!)).toContain("101");
    expect(en(r.rejected.find((x) => x.line === 11)!)).toContain('"eighty"');
  });

  it("treats N/A as not applicable, not as an error", () => {
    const na = importText("vendor,indicator,score\nB,3.1,N/A\nB,3.2,不适用\n", opts);
    expect(na.accepted.map((a) => a.value)).toEqual(["NA", "NA"]);
  });

  it("keeps formula-like vendor names literal", () => {
    expect(r.accepted.map((a) => a.vendor)).toContain('=HYPERLINK("http://x","y")');
    expect(r.accepted.find((a) => a.line === 16)?.comment).toBe("+cmd|' /C calc'!A0");
  });
});

describe("conflicts and duplicates", () => {
  it("rejects every row of a conflicting group, naming the others; never last-one-wins", () => {
    const r = importText("vendor,indicator,score,rater\nA,1.1,80,x\nA,1.1,80,x\nA,1.1,90,x\nA,1.1,80,y\n", opts);
    expect(r.accepted.map((a) => a.line)).toEqual([5]);
    expect(r.rejected.map((x) => [x.line, x.code, x.relatedLines])).toEqual([
      [2, "conflict", [3, 4]],
      [3, "conflict", [2, 4]],
      [4, "conflict", [2, 3]],
    ]);
    expect(en(r.rejected[2])).toContain("90 here, 80 on line 2, 80 on line 3");
    expectAccounting(r);
  });
  it("treats an empty rater as no rater, and different raters as different ratings", () => {
    const r = importText("vendor,indicator,score,rater\nA,1.1,80,\nA,1.1,80, \nA,1.1,70,z\n", opts);
    expect(r.accepted.map((a) => [a.line, a.rater])).toEqual([[2, undefined], [4, "z"]]);
    expect(r.rejected.map((x) => x.code)).toEqual(["exact-duplicate"]);
  });
});

describe("semicolon file with decimal comma", () => {
  it("reads 85,5 as 85.5 and full-width digits; rejects 1.234,5", () => {
    const r = importDelimited(fixture("semicolon-decimal-comma.csv"), opts);
    expect(r.source.delimiter).toBe(";");
    expect(r.accepted.map((a) => [a.line, a.value])).toEqual([[2, 85.5], [3, 90], [4, 85.5], [5, "NA"], [6, "NA"]]);
    expect(byLine(r)).toEqual({ 7: "not-a-number" });
    expectAccounting(r);
  });
  it("does not read a quoted 85,5 as a number in a comma-delimited file", () => {
    const r = importText('vendor,indicator,score\nA,1.1,"85,5"\n', opts);
    expect(byLine(r)).toEqual({ 2: "not-a-number" });
  });
});

describe("encodings", () => {
  const text = "供应商,指标,得分,备注\r\n华为云,生态/业务连接/并发量,85,很好\r\n阿里云,2.1.1,90,\r\n";
  it.each([
    ["gb18030", iconv.encode(text, "gb18030")],
    ["gbk", iconv.encode(text, "gbk")],
    ["utf16le+BOM", iconv.encode(text, "utf16le", { addBOM: true })],
    ["utf16be+BOM", iconv.encode(text, "utf16be", { addBOM: true })],
    ["utf8+BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ["utf8", Buffer.from(text)],
  ])("%s", (_name, bytes) => {
    const r = importDelimited(bytes, opts);
    expect(r.accepted.map((a) => [a.vendor, a.code, a.value, a.comment])).toEqual([
      ["华为云", "5.1.4", 85, "很好"],
      ["阿里云", "2.1.1", 90, undefined],
    ]);
    expectAccounting(r);
  });
  it("can be forced, and warns when the forced encoding is wrong", () => {
    const r = importDelimited(iconv.encode(text, "gb18030"), { ...opts, encoding: "utf8" });
    expect(r.warnings.map((w) => w.code)).toContain("decode-lossy");
  });
});

describe("wide exports", () => {
  it("reads a Wenjuanxing-like export with Chinese headers, per rater and vendor", () => {
    const r = importDelimited(fixture("wenjuanxing-wide.csv"), opts);
    expect(r.shape).toBe("wide");
    expect(r.counts.unit).toBe("cell");
    expect(r.columns.find((c) => c.role === "rater")?.header).toBe("1、评委");
    expect(r.columns.find((c) => c.role === "vendor")?.header).toBe("2、供应商名称");
    expect(r.columns.filter((c) => c.role === "leaf").map((c) => c.code)).toEqual(leafCodes.filter((c) => c.startsWith("2.")));
    expect(r.unmapped.map((u) => u.header)).toEqual(["序号", "提交答卷时间", "所用时间", "来源", "来自IP", "总分"]);
    expect(r.counts).toMatchObject({ dataRows: 6, read: 52, blankCells: 2, accepted: 52, rejected: 0 });
    expectAccounting(r);
    expect(r.accepted[0]).toMatchObject({ vendor: "华为云", rater: "张三", code: "2.1.1", value: 63, line: 2, column: "3、稳定性" });
  });

  it("asks for a mapping for a Microsoft-Forms-like export, then imports it", () => {
    const bytes = fixture("msforms-wide.csv");
    const first = importDelimited(bytes, opts);
    expect(first.ok).toBe(false);
    expect(first.fatal?.code).toBe("no-vendor-column");
    expect(first.unmapped.map((u) => u.header)).toEqual(["ID", "Start time", "Completion time", "Email", "Name", "Which vendor are you rating?"]);

    const r = importDelimited(bytes, { ...opts, columns: { "Which vendor are you rating?": "vendor", Name: "rater" } });
    expect(r.ok).toBe(true);
    expect(r.columns.filter((c) => c.role === "leaf").map((c) => c.code)).toEqual(["4.2.1", "4.2.2", "4.2.3"]);
    expect(r.accepted.filter((a) => a.line === 2).map((a) => [a.code, a.value, a.rater, a.comment])).toEqual([
      ["4.2.1", 90, "Ann Lee", "Good, fast\nsupport"],
      ["4.2.2", 85, "Ann Lee", "Good, fast\nsupport"],
      ["4.2.3", "NA", "Ann Lee", "Good, fast\nsupport"],
    ]);
    expect(r.accepted.filter((a) => a.vendor === "Beta Stream").map((a) => a.line)).toEqual([5, 5]);
    expect(r.counts).toMatchObject({ read: 8, blankCells: 1, accepted: 8 });
    expectAccounting(r);
  });

  it("counts an empty wide cell as no rating, rejects bad cells per cell", () => {
    const r = importText("vendor,2.1.1,2.1.2,2.1.3\nA,80,,x\n,70,,\nB,,,\n", opts);
    expect(r.accepted.map((a) => [a.vendor, a.code])).toEqual([["A", "2.1.1"]]);
    expect(r.rejected.map((x) => [x.line, x.code, x.column])).toEqual([
      [2, "not-a-number", "2.1.3"],
      [3, "empty-vendor", "2.1.1"],
    ]);
    expect(r.counts).toMatchObject({ dataRows: 3, read: 3, blankCells: 6 });
    expectAccounting(r);
  });
});

describe("pasted TSV from Excel", () => {
  it("reads tab-separated text with a quoted multi-line cell", () => {
    const r = importPasted('评分人\t供应商\t稳定性\t流畅度\r\n张三\t"华为\r\n云"\t85\t９０\r\n李四\t阿里云\tN/A\t77.5\r\n', opts);
    expect(r.source.format).toBe("paste");
    expect(r.accepted.map((a) => [a.line, a.vendor, a.code, a.value])).toEqual([
      [2, "华为\r\n云", "2.1.1", 85],
      [2, "华为\r\n云", "2.1.2", 90],
      [4, "阿里云", "2.1.1", "NA"],
      [4, "阿里云", "2.1.2", 77.5],
    ]);
    expectAccounting(r);
  });
  it("reads a decimal comma in pasted (tab) text", () => {
    const r = importPasted("vendor\tindicator\tscore\nA\t1.1\t85,5\n", opts);
    expect(r.accepted[0].value).toBe(85.5);
  });
});

describe(".xlsx", () => {
  async function workbook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").addRow(["nothing here"]);
    const ws = wb.addWorksheet("评分");
    ws.addRow(["供应商", "指标", "得分", "评分人", "备注"]);
    ws.addRow([{ richText: [{ text: "华为" }, { text: "云", font: { bold: true } }] }, "2.1.1", 85, "张三", "富文本"]);
    ws.addRow(["阿里云", "2.1.2", { formula: "40*2", result: 80 }, "张三", "公式"]);
    ws.addRow(["阿里云", "2.1.3", "８５", "张三", new Date(Date.UTC(2024, 2, 5))]);
    ws.addRow([]);
    ws.addRow(["=SUM(A1)", "2.1.4", 101, "张三", "out of range"]);
    ws.addRow(["保利威", "2.1.4", { formula: "1/0", result: { error: "#DIV/0!" } }, "张三", ""]);
    ws.addRow(["保利威", "并发量", 70, "张三", ""]);
    ws.addRow(["保利威", { text: "2.3.2", hyperlink: "http://example.com" }, true, "张三", ""]);
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  }

  it("reads the chosen sheet, turning rich text, formula results and dates into values", async () => {
    const bytes = await workbook();
    const r = await importXlsx(bytes, { ...opts, sheet: "评分" });
    expect(r.source).toMatchObject({ format: "xlsx", sheet: "评分", sheets: ["Notes", "评分"] });
    expect(r.accepted.map((a) => [a.line, a.vendor, a.code, a.value, a.comment])).toEqual([
      [2, "华为云", "2.1.1", 85, "富文本"],
      [3, "阿里云", "2.1.2", 80, "公式"],
      [4, "阿里云", "2.1.3", 85, "2024-03-05"],
    ]);
    expect(byLine(r)).toEqual({ 6: "out-of-range", 7: "not-a-number", 8: "ambiguous-indicator", 9: "not-a-number" });
    expectAccounting(r);
  });
  it("reads the first sheet by default, via importFile's zip detection, and reports a missing sheet", async () => {
    const bytes = await workbook();
    const first = await importFile(bytes, opts);
    expect(first.source.sheet).toBe("Notes");
    expect(first.ok).toBe(false);
    const missing = await importXlsx(bytes, { ...opts, sheet: "Nope" });
    expect(missing.fatal?.code).toBe("xlsx-sheet-not-found");
    expect(en(missing.fatal!)).toContain("Notes, 评分");
  });
  it("reports a corrupt .xlsx instead of throwing", async () => {
    const r = await importFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), opts);
    expect(r.ok).toBe(false);
    expect(r.fatal?.code).toBe("xlsx-unreadable");
  });
});

describe("file-level failures", () => {
  it.each([
    ["", "empty-file"],
    ["\n\n  \n", "empty-file"],
    ["vendor,indicator,score\n", "no-data"],
    ["foo,bar\n1,2\n", "no-vendor-column"],
    ["vendor,foo\nA,1\n", "no-indicator-columns"],
  ])("%j → %s", (text, code) => {
    const r = importText(text, opts);
    expect(r.ok).toBe(false);
    expect(r.fatal?.code).toBe(code);
    expect(r.fatal?.message["zh-CN"]).toBeTruthy();
  });
  it("reports an empty header over a column that has data", () => {
    const r = importText("vendor,indicator,score,\nA,1.1,80,oops\n", opts);
    expect(r.unmapped.map((u) => [u.index, u.reason])).toEqual([[3, "unknown"]]);
    const clean = importText("vendor,indicator,score,\nA,1.1,80,\n", opts);
    expect(clean.unmapped).toEqual([]);
  });
});

describe("plausibility warnings (never change what is imported)", () => {
  it("flags vendor names differing only in case/width/spacing, and fraction-like scores", () => {
    const r = importText("vendor,indicator,score\nAcme Live,1.1,0.8\nACME  live,1.2,0.9\nＡｃｍｅ Live,1.3,1\n", opts);
    expect(r.accepted).toHaveLength(3);
    expect(new Set(r.accepted.map((a) => a.vendor)).size).toBe(3);
    expect(r.warnings.map((w) => w.code)).toEqual(["similar-vendor-names", "scores-look-like-fractions"]);
    expect(en(r.warnings[0])).toContain('"Acme Live", "ACME  live", "Ａｃｍｅ Live"');
    expect(importText("vendor,indicator,score\nA,1.1,80\nB,1.1,0.5\n", opts).warnings).toEqual([]);
  });
});

describe("wide files: a reason column per indicator (issue #14)", () => {
  it("recognises '<indicator> 理由', 'Stability (reason)', '理由：2.1.1', '2.1.3 comment' as the reasons of that indicator, and a header that is itself an indicator stays one", () => {
    const ix = new IndicatorIndex(tree);
    expect(reasonColumnLeaf("2.1.1 理由", ix)).toBe("2.1.1");
    expect(reasonColumnLeaf("稳定性备注", ix)).toBe("2.1.1");
    expect(reasonColumnLeaf("Stability (reason)", ix)).toBe("2.1.1");
    expect(reasonColumnLeaf("理由：2.1.2", ix)).toBe("2.1.2");
    expect(reasonColumnLeaf("2.1.3 comment", ix)).toBe("2.1.3");
    expect(reasonColumnLeaf("2.1.3 Notes", ix)).toBe("2.1.3");
    for (const h of ["理由", "comment", "2.1.1", "稳定性", "Rate the vendor.Stability", "产品 理由", "9.9 理由"]) expect(reasonColumnLeaf(h, ix)).toBeUndefined();
    const m = mapHeaders(["vendor", "2.1.1", "2.1.1 理由", "2.1.2", "comment", "2.1.1 reason"], ix);
    expect(m.columns.map((c) => [c.header, c.role, c.code])).toEqual([
      ["vendor", "vendor", undefined],
      ["2.1.1", "leaf", "2.1.1"],
      ["2.1.1 理由", "leafComment", "2.1.1"],
      ["2.1.2", "leaf", "2.1.2"],
      ["comment", "comment", undefined],
    ]);
    expect(m.unmapped.map((u) => [u.header, u.reason])).toEqual([["2.1.1 reason", "duplicate"]]);
  });

  it("an indicator's own reason wins over the row's comment; a blank one falls back to it; reason columns are never ratings", () => {
    const r = importText("供应商,2.1.1,2.1.1 理由,2.1.2,2.1.2 理由,备注\nA,80,演示稳定,70,,整体不错\nB,60,,,无数据,\n", opts);
    expect(r.shape).toBe("wide");
    expect(r.accepted.map((a) => [a.vendor, a.code, a.value, a.comment])).toEqual([
      ["A", "2.1.1", 80, "演示稳定"],
      ["A", "2.1.2", 70, "整体不错"],
      ["B", "2.1.1", 60, undefined],
    ]);
    expect(r.counts).toMatchObject({ read: 3, accepted: 3, rejected: 0 });
    expectAccounting(r);
  });

  it("in a long file a per-indicator reason column is not used (and says so)", () => {
    const r = importText("vendor,indicator,score,2.1.1 reason\nA,2.1.1,80,x\n", opts);
    expect(r.shape).toBe("long");
    expect(r.unmapped.map((u) => [u.header, u.reason])).toEqual([["2.1.1 reason", "unused"]]);
    expect(r.accepted[0].comment).toBeUndefined();
  });
});
