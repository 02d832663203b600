import Papa from "papaparse";
import type { LocalizedText } from "../model/types";
import { lap, now, type StageTimes } from "./stages";

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
export function guessDelimiter(text: string): Delimiter {
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

/** A problem papaparse reported, with the line of the row it belongs to. */
function problem(line: number, err: Papa.ParseError): TextTable["problems"][number] {
  return {
    line,
    code: `csv-${err.code}`,
    message: { "zh-CN": `第${line}行：文件格式问题（${err.code}）：${err.message}`, "en-US": `Line ${line}: file format problem (${err.code}): ${err.message}` },
  };
}

/** Receives parsed rows in file order, a batch at a time: rows[0..count) start on lines[0..count). */
export interface RowSink {
  rows(rows: string[][], lines: ArrayLike<number>, count: number): void;
  problem(p: TextTable["problems"][number]): void;
}

/** Characters per papaparse call: rows of one piece die young instead of living through the whole parse. */
const CHUNK = 1 << 18;
/** Rows per batch handed to the sink in step mode. */
const BATCH = 2048;

/**
 * The row separator papaparse guesses for text without quotes (its guessLineEndings: the first
 * MB, LF when LF comes before any CR, else CRLF when at least half the CRs are followed by LF).
 * Given explicitly to the chunked parse, so that every chunk splits as the whole text would.
 */
function papaLinebreak(text: string): "\n" | "\r" | "\r\n" {
  const s = text.length > 1048576 ? text.slice(0, 1048576) : text;
  const cr = s.indexOf("\r");
  if (cr === -1) return "\n";
  const lf = s.indexOf("\n");
  if (lf !== -1 && lf < cr) return "\n";
  let crs = 0;
  let withLf = 0;
  for (let i = cr; i !== -1; i = s.indexOf("\r", i + 1)) {
    crs++;
    if (s.charCodeAt(i + 1) === 10) withLf++;
  }
  return withLf >= (crs + 1) / 2 ? "\r\n" : "\r";
}

/**
 * Whether every line break in the text separates two rows once papaparse splits on the given
 * separator: no quotes (so no break inside a field) and no CR or LF other than the separator.
 */
function rowBreaksOnly(text: string, linebreak: string): boolean {
  if (text.includes('"')) return false;
  if (linebreak === "\n") return !text.includes("\r");
  if (linebreak === "\r") return !text.includes("\n");
  // CRLF: every CR starts a CRLF, and there are as many LFs as CRs.
  let crs = 0;
  for (let i = text.indexOf("\r"); i !== -1; i = text.indexOf("\r", i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return false;
    crs++;
  }
  let lfs = 0;
  for (let i = text.indexOf("\n"); i !== -1 && lfs <= crs; i = text.indexOf("\n", i + 1)) lfs++;
  return lfs === crs;
}

/**
 * Parses delimited text with papaparse and hands the rows to the sink in batches, each row
 * with its 1-based physical line. When every line break separates rows (no quotes, no stray
 * CR/LF: the common case), papaparse parses the text piece by piece and row i is line i + 1. Otherwise rows
 * come one at a time (step mode) and each row's line is 1 + the line breaks before its start,
 * from papaparse's own cursor (CRLF counts once, a lone CR or LF once each). A trailing empty
 * row (from the final line break) is dropped. chunkSize: for tests; stages: for the bench.
 * Never throws.
 */
export function streamDelimited(input: string, delimiter: Delimiter, sink: RowSink, chunkSize: number = CHUNK, stages: StageTimes | null = null): void {
  let t = stages ? now() : 0;
  // papaparse drops a leading BOM itself: without it here too, its cursor indexes this text.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  // The last row of a batch waits for the next batch: a final [""] row is dropped, not passed on.
  let held: string[] | null = null;
  let heldLine = 0;
  const hold = (rows: string[][], lines: number[], count: number): void => {
    if (count === 0) return;
    if (held !== null) sink.rows([held], [heldLine], 1);
    held = rows[count - 1];
    heldLine = lines[count - 1];
    if (count > 1) sink.rows(rows, lines, count - 1);
  };
  let next = 1;
  const lines: number[] = [];
  // Step mode state: the cursor where the current row starts, and the next CR/LF not yet counted.
  let start = 0;
  let line = 1;
  let cr = text.indexOf("\r");
  let lf = text.indexOf("\n");
  let batch: string[][] = [];
  let batchLines: number[] = [];
  const flush = (): void => {
    hold(batch, batchLines, batch.length);
    batch = [];
    batchLines = [];
  };
  let sinkMs = 0;
  const flushTimed = (): void => {
    const t0 = now();
    flush();
    sinkMs += now() - t0;
  };
  const lineBefore = (to: number): number => {
    while (cr !== -1 && cr < to) {
      line++;
      cr = text.indexOf("\r", cr + 1);
    }
    // CRLF is one break, counted at its CR (also when the LF belongs to the next row).
    while (lf !== -1 && lf < to) {
      if (lf === 0 || text.charCodeAt(lf - 1) !== 13) line++;
      lf = text.indexOf("\n", lf + 1);
    }
    return line;
  };
  const report = (errors: Papa.ParseError[], at: (row: number) => number): void => {
    for (const e of errors) sink.problem(problem(e.row === undefined ? 1 : at(e.row), e));
  };
  // The core Parser's step result holds the row as data[0].
  const stepper = (r: Papa.ParseResult<string[]>): void => {
    const l = lineBefore(start);
    start = r.meta.cursor;
    if (r.errors.length > 0) report(r.errors, () => l);
    batch.push(r.data[0]);
    batchLines.push(l);
    if (batch.length >= BATCH) {
      if (stages) flushTimed();
      else flush();
    }
  };
  const linebreak = papaLinebreak(text);
  const chunked = rowBreaksOnly(text, linebreak);
  if (stages) t = lap(stages, "line-break scan", t);
  if (chunked) {
    // No quotes and no break but the separator: the rows of the whole text are the rows of its
    // pieces cut at separators, so papaparse's core Parser (what Papa.parse runs, without the
    // streamer and handle around it, which keep a call's rows alive through young-generation
    // collections) parses one piece at a time and each piece's rows die young. A piece never
    // starts with U+FEFF, which Papa.parse would drop as a BOM.
    const step = linebreak.length;
    for (let from = 0; from <= text.length; ) {
      let cut = from + chunkSize >= text.length ? -1 : text.indexOf(linebreak, from + chunkSize);
      while (cut !== -1 && text.charCodeAt(cut + step) === 0xfeff) cut = text.indexOf(linebreak, cut + step);
      const to = cut === -1 ? text.length : cut;
      const rows = from === to ? [[""]] : (new Papa.Parser({ delimiter, newline: linebreak }).parse(text.slice(from, to), 0, false).data as string[][]);
      if (stages) t = lap(stages, "papaparse", t);
      const n = rows.length;
      lines.length = n;
      for (let i = 0; i < n; i++) lines[i] = next + i;
      next += n;
      if (stages) t = lap(stages, "line numbers", t);
      hold(rows, lines, n);
      if (stages) t = now();
      if (cut === -1) break;
      from = cut + step;
    }
  } else {
    // The separator Papa.parse would guess (from the first MB), then its core Parser row by row.
    const newline = Papa.parse<string[]>(text.length > 1048576 ? text.slice(0, 1048576) : text, { delimiter, header: false, preview: 1 }).meta.linebreak as "\r" | "\n" | "\r\n";
    new Papa.Parser({ delimiter, newline, step: stepper as unknown as Papa.ParseConfig["step"] }).parse(text, 0, false);
    if (stages) {
      // Step mode: line numbers come from the cursor inside papaparse's callbacks.
      t = lap(stages, "papaparse (step mode, with line numbers)", t + sinkMs);
      flush();
      t = now();
    } else flush();
  }
  const last = held as string[] | null;
  if (last !== null && !(last.length === 1 && last[0] === "")) sink.rows([last], [heldLine], 1);
}

/**
 * Parses delimited text with papaparse (header: false; columns are mapped by index later),
 * each row with its physical line (see streamDelimited). Never throws.
 */
export function parseDelimited(text: string, choice: DelimiterChoice = "auto"): TextTable {
  const delimiter = choice === "auto" ? guessDelimiter(text) : choice;
  const rows: string[][] = [];
  const lines: number[] = [];
  const problems: TextTable["problems"] = [];
  streamDelimited(text, delimiter, {
    rows: (batch, at, count) => {
      for (let i = 0; i < count; i++) {
        rows.push(batch[i]);
        lines.push(at[i]);
      }
    },
    problem: (p) => problems.push(p),
  });
  return { rows, lines, delimiter, problems };
}
