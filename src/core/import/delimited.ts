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

/**
 * Parses delimited text with papaparse in one call (header: false; columns are mapped by index
 * later). Without any quote character every row is one physical line, so row i is line i + 1.
 * With quotes a field may span lines: papaparse keeps the line breaks inside quoted fields
 * verbatim, so each row starts one line after the previous row plus the breaks inside its
 * fields. A trailing empty row (from the final line break) is dropped. Never throws.
 */
export function parseDelimited(text: string, choice: DelimiterChoice = "auto"): TextTable {
  const delimiter = choice === "auto" ? guessDelimiter(text) : choice;
  const res = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false });
  const rows = res.data;
  const lines = new Array<number>(rows.length);
  if (!text.includes('"')) {
    for (let i = 0; i < rows.length; i++) lines[i] = i + 1;
  } else {
    let line = 1;
    for (let i = 0; i < rows.length; i++) {
      lines[i] = line;
      line++;
      const row = rows[i];
      for (let c = 0; c < row.length; c++) {
        const f = row[c];
        if (f.length > 0 && (f.includes("\n") || f.includes("\r"))) line += breaksIn(f);
      }
    }
  }
  const problems: TextTable["problems"] = res.errors.map((e) => problem(e.row === undefined ? 1 : (lines[e.row] ?? lines.length), e));
  const last = rows[rows.length - 1];
  if (last && last.length === 1 && last[0] === "") {
    rows.pop();
    lines.pop();
  }
  return { rows, lines, delimiter: asDelimiter(res.meta.delimiter || delimiter), problems };
}
