import fc from "fast-check";
import Papa from "papaparse";
import { importDelimited, importFile, importTable, importText, parseDelimited, type ImportResult } from "../../src/core/import";
import { streamDelimited, type TextTable } from "../../src/core/import/delimited";
import { expectAccounting, leafCodes, tree } from "./helpers";

const opts = { tree };
const RUNS = Number(process.env.IMPORT_FUZZ_RUNS ?? 1500);

/** Text cells that stress the parser: delimiters, quotes, line breaks, full-width and CJK text. */
const nastyCell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom("", " ", '"', '""', ",", ";", "\t", "\n", "\r\n", "N/A", "不适用", "８５", "85,5", "-1", "101", "=1+1", "并发量", "2.1", "1.1", "NaN"),
  fc.integer({ min: -50, max: 150 }).map(String),
  fc.string({ unit: "grapheme", maxLength: 8 }),
);

function checkInvariants(r: ImportResult): void {
  if (!r.ok) {
    expect(r.fatal).toBeDefined();
    expect(r.accepted).toEqual([]);
    return;
  }
  expectAccounting(r);
  for (const a of r.accepted) {
    expect(a.vendor.trim()).not.toBe("");
    expect(leafCodes).toContain(a.code);
    if (a.value !== "NA") expect(a.value >= 0 && a.value <= 100).toBe(true);
    expect(Number.isInteger(a.line) && a.line >= 2).toBe(true);
  }
  for (const x of r.rejected) {
    expect(Number.isInteger(x.line) && x.line >= 2).toBe(true);
    expect(x.message["zh-CN"].length).toBeGreaterThan(0);
    expect(x.message["en-US"].length).toBeGreaterThan(0);
  }
}

describe("fuzz: never throws, accounting always holds", () => {
  it("random bytes (any encoding guess)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        checkInvariants(await importFile(bytes, opts));
        checkInvariants(importDelimited(bytes, { ...opts, encoding: "utf16be" }));
      }),
      { numRuns: RUNS },
    );
  });

  it("malformed long files: random cells under a valid header, any delimiter, raw joins (broken quoting included)", () => {
    const row = fc.array(nastyCell, { minLength: 0, maxLength: 7 });
    fc.assert(
      fc.property(fc.constantFrom(",", ";", "\t"), fc.constantFrom("\n", "\r\n"), fc.array(row, { maxLength: 25 }), fc.boolean(), (d, nl, rows, raw) => {
        const header = ["vendor", "indicator", "score", "rater", "comment"];
        const text = raw
          ? [header, ...rows].map((r) => r.join(d)).join(nl)
          : Papa.unparse([header, ...rows.map((r) => [...r, ...Array<string>(Math.max(0, 5 - r.length)).fill("")])], { delimiter: d, newline: nl });
        checkInvariants(importText(text, opts));
      }),
      { numRuns: RUNS },
    );
  });

  it("malformed wide files: the identity read + blank = rows × indicator columns", () => {
    const cols = fc.uniqueArray(fc.constantFrom(...leafCodes, "并发量", "Stability", "2.1", "junk", "评分人"), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(cols, fc.array(fc.array(nastyCell, { minLength: 0, maxLength: 10 }), { maxLength: 20 }), (headers, rows) => {
        const text = Papa.unparse([["供应商", ...headers], ...rows]);
        checkInvariants(importText(text, opts));
      }),
      { numRuns: RUNS },
    );
  });
});

/** A well-formed score in one of the accepted spellings, with its value. */
const validScore = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((n) => ({ text: String(n), value: n as number | "NA" })),
  fc.integer({ min: 0, max: 1000 }).map((n) => ({ text: ` ${(n / 10).toFixed(1)} `, value: n / 10 })),
  fc.integer({ min: 0, max: 100 }).map((n) => ({ text: String(n).replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)), value: n })),
  fc.constantFrom("N/A", "NA", "n/a", "不适用").map((t) => ({ text: t, value: "NA" as const })),
);

describe("generated valid rows are always accepted, exactly", () => {
  it("long rows with unique keys, multi-line comments and odd vendor names; line numbers right", () => {
    const vendor = fc.string({ minLength: 1, maxLength: 10 }).filter((s) => s.trim() !== "" && s === s.trim());
    const comment = fc.oneof(fc.constant(""), fc.string({ maxLength: 10 }), fc.constantFrom("a\nb", "x\r\ny\nz", 'say "hi", ok'));
    const rowArb = fc.record({ vendor, code: fc.constantFrom(...leafCodes), rater: fc.constantFrom("", "Ann", "张三"), score: validScore, comment });
    fc.assert(
      fc.property(fc.uniqueArray(rowArb, { maxLength: 30, selector: (r) => `${r.vendor}\u0001${r.code}\u0001${r.rater}` }), (rows) => {
        const text = Papa.unparse([["供应商", "指标", "得分", "评分人", "备注"], ...rows.map((r) => [r.vendor, r.code, r.score.text, r.rater, r.comment])], { newline: "\r\n", quotes: true });
        const res = importText(text, opts);
        if (rows.length === 0) {
          expect(res.fatal?.code).toBe("no-data");
          return;
        }
        expect(res.rejected).toEqual([]);
        expect(res.accepted.map((a) => [a.vendor, a.code, a.value, a.rater ?? ""])).toEqual(rows.map((r) => [r.vendor, r.code, r.score.value, r.rater]));
        let line = 2;
        rows.forEach((r, i) => {
          expect(res.accepted[i].line).toBe(line);
          line += 1 + (r.vendor.match(/\r\n|\n|\r/g)?.length ?? 0) + (r.comment.match(/\r\n|\n|\r/g)?.length ?? 0);
        });
      }),
      { numRuns: RUNS },
    );
  });
});

describe("generated bad values are always rejected", () => {
  // Plain decimals (no exponent), strictly outside 0–100.
  const outOfRange = fc.oneof(fc.integer({ min: 10001, max: 1e9 }), fc.integer({ min: -1e9, max: -1 })).map((n) => String(n / 100));
  // Oracle independent of the parser: JavaScript's Number() cannot read it, and it is not an N/A spelling.
  const notNumber = fc
    .string({ minLength: 1, maxLength: 8 })
    .filter((s) => s.trim() !== "" && Number.isNaN(Number(s.normalize("NFKC").trim())))
    .filter((s) => !["n/a", "na", "不适用", "n.a."].includes(s.normalize("NFKC").trim().toLowerCase()));

  it("out-of-range numbers → out-of-range; non-numbers → not-a-number; nothing accepted", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(outOfRange.map((t) => ({ t, code: "out-of-range" })), notNumber.map((s) => ({ t: s, code: "not-a-number" }))), { minLength: 1, maxLength: 15 }), (vals) => {
        const rows = vals.map((v, i) => [`V${i}`, leafCodes[i % leafCodes.length], v.t]);
        const res = importText(Papa.unparse([["vendor", "indicator", "score"], ...rows]), opts);
        expect(res.accepted).toEqual([]);
        expect(res.rejected.map((x) => x.code)).toEqual(vals.map((v) => v.code));
        expect(res.counts).toMatchObject({ read: vals.length, rejected: vals.length, accepted: 0 });
      }),
      { numRuns: RUNS },
    );
  });
});

describe("line numbers agree with papaparse's own cursor", () => {
  /** Oracle: papaparse step mode gives each row's end cursor; a row starts on 1 + the breaks before it. */
  function cursorLines(text: string, delimiter: string): number[] {
    const out: number[] = [];
    let start = 0;
    Papa.parse<string[]>(text, {
      delimiter,
      step: (r) => {
        out.push(1 + (text.slice(0, start).match(/\r\n|\r|\n/g)?.length ?? 0));
        start = r.meta.cursor;
      },
    });
    return out;
  }
  it("for random quoted fields with CR, LF and CRLF inside, and for broken quoting", () => {
    const field = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("a\nb", "a\r\nb", "x\ry", "\n\n", "q\"\"q", ""));
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }), fc.constantFrom("\n", "\r\n"), fc.boolean(), (rows, nl, raw) => {
        // raw: fields joined without quoting, so quotes are unbalanced and breaks fall anywhere.
        const text = raw ? rows.map((r) => r.join(",")).join(nl) : Papa.unparse(rows, { newline: nl, quotes: true });
        const t = parseDelimited(text, ",");
        const oracle = cursorLines(text, ",");
        expect(t.lines).toEqual(oracle.slice(0, t.lines.length));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("rows handed over chunk by chunk are the rows of one whole parse", () => {
  /** Oracle: one papaparse call over the whole text, the final [""] row dropped. */
  function wholeRows(text: string, delimiter: string): string[][] {
    const rows = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false }).data;
    const last = rows[rows.length - 1];
    if (last && last.length === 1 && last[0] === "") rows.pop();
    return rows;
  }
  function streamed(text: string, delimiter: "," | ";", chunkSize: number): TextTable {
    const out: TextTable = { rows: [], lines: [], delimiter, problems: [] };
    streamDelimited(
      text,
      delimiter,
      {
        rows: (rows, lines, count) => {
          for (let i = 0; i < count; i++) {
            out.rows.push(rows[i]);
            out.lines.push(lines[i]);
          }
        },
        problem: (p) => out.problems.push(p),
      },
      chunkSize,
    );
    return out;
  }
  const cell = fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom("", "a", "bb", "\r", "\n", "\r\n", '"', "x,y"));
  it("for any chunk size, with or without quotes and stray CR/LF; lines as from papaparse's cursor", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(",", ";") as fc.Arbitrary<"," | ";">,
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom("", "\n", "\r\n", "\r"),
        fc.boolean(),
        (d, nl, rows, size, tail, quoted) => {
          const body = quoted ? Papa.unparse(rows, { delimiter: d, newline: nl }) : rows.map((r) => r.join(d).replace(/"/g, "")).join(nl);
          const text = body + tail;
          const small = streamed(text, d, size);
          expect(small.rows).toEqual(wholeRows(text, d));
          expect(small).toEqual(streamed(text, d, 1 << 20));
          expect(small.lines).toEqual(parseDelimited(text, d).lines);
        },
      ),
      { numRuns: RUNS },
    );
  });
  it("importText (streamed) and importTable over the parsed table agree", () => {
    const row = fc.array(nastyCell, { minLength: 0, maxLength: 6 });
    fc.assert(
      fc.property(fc.constantFrom(",", ";", "\t"), fc.constantFrom("\n", "\r\n"), fc.array(row, { maxLength: 20 }), (d, nl, rows) => {
        const text = [["vendor", "indicator", "score", "rater", "", "comment"], ...rows].map((r) => r.join(d)).join(nl);
        const t = parseDelimited(text);
        const warnings = t.problems.map((p) => ({ code: p.code, line: p.line, message: p.message }));
        const viaTable = importTable(t.rows, t.lines, opts, { format: "delimited", delimiter: t.delimiter }, warnings);
        expect(importText(text, opts)).toEqual(viaTable);
      }),
      { numRuns: RUNS },
    );
  });
});
