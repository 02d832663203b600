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

/**
 * Parses delimited text with papaparse (header: false; columns are mapped by index later).
 * Without any quote character every row is one physical line, so papaparse's fast mode is
 * used and row i is line i + 1. With quotes a field may span lines, so rows are read with
 * `step` and each row's line is counted from papaparse's cursor. A trailing empty row (from
 * the final line break) is dropped. Never throws.
 */
export function parseDelimited(text: string, choice: DelimiterChoice = "auto"): TextTable {
  const delimiter = choice === "auto" ? guessDelimiter(text) : choice;
  const base = { delimiter, delimitersToGuess: [...DELIMITERS], header: false as const, skipEmptyLines: false };
  const problems: TextTable["problems"] = [];
  let rows: string[][];
  let lines: number[];
  let used: string;

  if (!text.includes('"')) {
    const res = Papa.parse<string[]>(text, base);
    rows = res.data;
    lines = new Array<number>(rows.length);
    for (let i = 0; i < rows.length; i++) lines[i] = i + 1;
    used = res.meta.delimiter;
    for (const e of res.errors) problems.push(problem((e.row ?? 0) + 1, e));
  } else {
    rows = [];
    lines = [];
    let linebreak = "\n";
    let start = 0;
    let scanned = 0;
    let line = 1;
    used = ",";
    Papa.parse<string[]>(text, {
      ...base,
      step: (res) => {
        if (rows.length === 0) {
          linebreak = res.meta.linebreak || "\n";
          used = res.meta.delimiter;
        }
        const nl = linebreak === "\r" ? "\r" : "\n";
        for (let p = text.indexOf(nl, scanned); p !== -1 && p < start; p = text.indexOf(nl, p + 1)) line++;
        scanned = start;
        rows.push(res.data);
        lines.push(line);
        for (const e of res.errors) problems.push(problem(line, e));
        start = res.meta.cursor;
      },
    });
  }
  const last = rows[rows.length - 1];
  if (last && last.length === 1 && last[0] === "") {
    rows.pop();
    lines.pop();
  }
  return { rows, lines, delimiter: asDelimiter(used), problems };
}
