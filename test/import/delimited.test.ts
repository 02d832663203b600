import { parseDelimited } from "../../src/core/import";

describe("parseDelimited", () => {
  it("numbers rows by physical line, header = line 1, no quotes (fast path)", () => {
    const t = parseDelimited("a,b\n1,2\n\n3,4\n");
    expect(t.rows).toEqual([["a", "b"], ["1", "2"], [""], ["3", "4"]]);
    expect(t.lines).toEqual([1, 2, 3, 4]);
    expect(t.delimiter).toBe(",");
  });
  it("keeps line numbers right across quoted fields spanning lines (LF and CRLF)", () => {
    for (const nl of ["\n", "\r\n"]) {
      const text = ["v,c,s,n", 'A,1.1,5,"one', "two", 'three"', "B,1.2,6,x", '"C",1.3,7,"a ""q"""', "D,1.4,8,"].join(nl) + nl;
      const t = parseDelimited(text);
      expect(t.rows.map((r) => r[0])).toEqual(["v", "A", "B", "C", "D"]);
      expect(t.lines).toEqual([1, 2, 5, 6, 7]);
      expect(t.rows[1][3]).toBe(`one${nl}two${nl}three`);
      expect(t.rows[3][3]).toBe('a "q"');
    }
  });
  it("detects tab, semicolon and pipe, and accepts an override", () => {
    expect(parseDelimited("a\tb\n1\t2\n").delimiter).toBe("\t");
    expect(parseDelimited("a;b;c\n1;85,5;x\n2;70,5;y\n").delimiter).toBe(";");
    expect(parseDelimited("a|b\n1|2\n").delimiter).toBe("|");
    expect(parseDelimited("a;b\n1;2\n", ",").rows[0]).toEqual(["a;b"]);
  });
  it("reports an unclosed quote with its line instead of throwing", () => {
    const t = parseDelimited('a,b\n1,"open\n2,3\n');
    expect(t.problems.length).toBeGreaterThan(0);
    expect(t.problems[0].line).toBe(2);
  });
  it("counts line breaks papaparse drops after a closing quote (lines from its cursor, not from the field text)", () => {
    const text = 'x\ry,"a\nb"\n\n\n,z\r\nnext,1\r\n';
    const t = parseDelimited(text, ",");
    expect(t.rows.map((r) => r[0])).toEqual(["x\ry", "next"]);
    expect(t.lines).toEqual([1, 7]);
  });
});
