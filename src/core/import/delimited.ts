import Papa from "papaparse";
import type { LocalizedText } from "../model/types";

export type Delimiter = "," | "\t" | ";" | "|";
export type DelimiterChoice = "auto" | Delimiter;
export const DELIMITERS: readonly Delimiter[] = [",", "\t", ";", "|"];

/** Rows of text cells with the 1-based physical line each row starts on. rows[0] is the header. */
export interface TextTable {
  rows: string[][];
  lines: number[];
  delimiter: Delimiter;
  /** Problems papaparse reported (unclosed quote, …), by line. */
  problems: { line: number; code: string; message: LocalizedText }[];
}

function asDelimiter(d: string): Delimiter {
  return (DELIMITERS as readonly string[]).includes(d) ? (d as Delimiter) : ",";
}

/**
 * papaparse's own guess (consistent field counts over the first rows), falling back to the
 * delimiter that occurs most often in the header line: papaparse gives up on two-column files.
 */
function guessDelimiter(text: string): Delimiter {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  const guess = Papa.parse<string[]>(sample, { delimiter: "", delimitersToGuess: [...DELIMITERS], preview: 10 });
  if (!guess.errors.some((e) => e.code === "UndetectableDelimiter")) return asDelimiter(guess.meta.delimiter);
  const end = sample.search(/\r|\n/);
  const header = end === -1 ? sample : sample.slice(0, end);
  let best: Delimiter = ",";
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = header.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

function problem(line: number, err: Papa.ParseError): TextTable["problems"][number] {
  return {
    line,
    code: `csv-${err.code}`,
    message: { "zh-CN": `第${line}行：文件格式问题（${err.code}）：${err.message}`, "en-US": `Line ${line}: file format problem (${err.code}): ${err.message}` },
  };
}

/** Line breaks inside one field: CRLF counts once, a lone CR or LF once each. */
function breaksIn(field: string): number {
  let n = 0;
  for (let i = field.indexOf("\n"), j = field.indexOf("\r"); i !== -1 || j !== -1; ) {
    n++;
    const at = i === -1 ? j : j === -1 ? i : Math.min(i, j);
    const next = field.charCodeAt(at) === 13 && field.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
    i = field.indexOf("\n", next);
    j = field.indexOf("\r", next);
  }
  return n;
}

/** Exact but slower: each row's line from papaparse's cursor (step mode), counting CRLF, CR and LF breaks. */
function cursorLines(text: string, delimiter: string, lines: number[]): void {
  let start = 0;
  let scanned = 0;
  let line = 1;
  let i = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    header: false,
    skipEmptyLines: false,
    step: (r) => {
      for (let p = scanned; p < start; p++) {
        const c = text.charCodeAt(p);
        // CRLF is one break, counted at its CR (also when the LF belongs to the next row).
        if (c === 13 || (c === 10 && (p === 0 || text.charCodeAt(p - 1) !== 13))) line++;
      }
      scanned = start;
      lines[i++] = line;
      start = r.meta.cursor;
    },
  });
}

function countOf(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/**
 * True when every line break in the text separates two rows: no quotes (so no break inside a
 * field) and no CR or LF other than the row separator papaparse detected.
 */
function onlyRowBreaks(text: string, linebreak: string, separators: number): boolean {
  if (text.includes('"')) return false;
  if (linebreak === "\n") return !text.includes("\r");
  if (linebreak === "\r") return !text.includes("\n");
  return countOf(text, "\r") === separators && countOf(text, "\n") === separators;
}

/**
 * Parses delimited text with papaparse in one call (header: false; columns are mapped by index
 * later). When every line break separates rows, row i is line i + 1. Otherwise (quotes, or
 * stray CR/LF inside fields) a row may span lines: papaparse keeps breaks inside fields
 * verbatim, so each row starts one line after the previous row plus the breaks inside its
 * fields (CRLF, CR, LF each one break); in the rare case where a field's CR/LF may pair with
 * the row separator, the lines come from papaparse's cursor instead. A trailing empty row (from the final line break) is dropped. Never throws.
 */
export function parseDelimited(text: string, choice: DelimiterChoice = "auto"): TextTable {
  const delimiter = choice === "auto" ? guessDelimiter(text) : choice;
  const res = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false });
  const rows = res.data;
  const lines = new Array<number>(rows.length);
  if (onlyRowBreaks(text, res.meta.linebreak, rows.length - 1)) {
    for (let i = 0; i < rows.length; i++) lines[i] = i + 1;
  } else {
    const lb = res.meta.linebreak;
    let line = 1;
    let exact = true;
    for (let i = 0; i < rows.length && exact; i++) {
      lines[i] = line;
      line++;
      const row = rows[i];
      for (let c = 0; c < row.length; c++) {
        const f = row[c];
        if (f.length > 0 && (f.includes("\n") || f.includes("\r"))) line += breaksIn(f);
      }
      // A CR ending a row (LF files) or an LF starting one (CR files) may or may not touch the
      // separator (quotes can sit between): only the text positions can tell.
      if ((lb === "\n" && (row[row.length - 1] ?? "").endsWith("\r")) || (lb === "\r" && (row[0] ?? "").startsWith("\n"))) exact = false;
    }
    if (!exact) cursorLines(text, delimiter, lines);
  }
  const problems: TextTable["problems"] = res.errors.map((e) => problem(e.row === undefined ? 1 : (lines[e.row] ?? lines.length), e));
  const last = rows[rows.length - 1];
  if (last && last.length === 1 && last[0] === "") {
    rows.pop();
    lines.pop();
  }
  return { rows, lines, delimiter: asDelimiter(res.meta.delimiter || delimiter), problems };
}
