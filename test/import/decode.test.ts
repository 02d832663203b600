import * as iconv from "iconv-lite";
import { decodeBytes } from "../../src/core/import";

const TEXT = "供应商,指标,得分\n华为云,2.1.1,85\n";

describe("decodeBytes", () => {
  it("reads UTF-8 without BOM", () => {
    expect(decodeBytes(Buffer.from(TEXT, "utf8"))).toEqual({ text: TEXT, encoding: "utf8", lossy: false });
  });
  it("reads UTF-8 with BOM and strips it", () => {
    const r = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]));
    expect(r.text).toBe(TEXT);
    expect(r.encoding).toBe("utf8-bom");
  });
  it("reads GB18030/GBK (not valid UTF-8) as GB18030", () => {
    const r = decodeBytes(iconv.encode(TEXT, "gb18030"));
    expect(r).toEqual({ text: TEXT, encoding: "gb18030", lossy: false });
    expect(decodeBytes(iconv.encode(TEXT, "gbk")).text).toBe(TEXT);
  });
  it("reads UTF-16 LE and BE with BOM", () => {
    const le = iconv.encode(TEXT, "utf16le", { addBOM: true });
    const be = iconv.encode(TEXT, "utf16be", { addBOM: true });
    expect(decodeBytes(le)).toEqual({ text: TEXT, encoding: "utf16le", lossy: false });
    expect(decodeBytes(be)).toEqual({ text: TEXT, encoding: "utf16be", lossy: false });
  });
  it("recognises BOM-less UTF-16 of mostly ASCII text", () => {
    const t = "vendor,indicator,score\nAcme,2.1.1,85\n";
    expect(decodeBytes(iconv.encode(t, "utf16le")).encoding).toBe("utf16le");
    expect(decodeBytes(iconv.encode(t, "utf16be")).text).toBe(t);
  });
  it("honours a forced encoding and flags lossy decoding", () => {
    const gb = iconv.encode(TEXT, "gb18030");
    const forced = decodeBytes(gb, "utf8");
    expect(forced.encoding).toBe("utf8");
    expect(forced.lossy).toBe(true);
    expect(decodeBytes(Buffer.from(TEXT), "gb18030").encoding).toBe("gb18030");
  });
  it("handles empty and tiny inputs", () => {
    expect(decodeBytes(new Uint8Array(0)).text).toBe("");
    expect(decodeBytes(new Uint8Array([0x41])).text).toBe("A");
  });
});
