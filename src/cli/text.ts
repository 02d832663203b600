/** Text for the terminal: names from files are escaped, long values cut, repeated lines summarised. */
import { readFile } from "fs/promises";
import { decodeBytes } from "../core/import/decode";

/** Control characters (C0, DEL, C1), zero-width and bidi characters shown as escapes, never sent raw to a terminal. */
// eslint-disable-next-line no-control-regex -- the point is to find them
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

export function escapeControls(s: string): string {
  return s.replace(CONTROL, (ch) => {
    const c = ch.charCodeAt(0);
    if (c === 9) return "\\t";
    if (c === 10) return "\\n";
    if (c === 13) return "\\r";
    return c < 0x100 ? `\\x${c.toString(16).padStart(2, "0")}` : `\\u${c.toString(16).padStart(4, "0")}`;
  });
}

/** At most `n` characters (an ellipsis marks the cut), control characters escaped. */
export function shown(s: string, n = 80): string {
  const e = escapeControls(s);
  return e.length > n ? `${e.slice(0, n - 1)}…` : e;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/**
 * A list file: one name per line, in any of the importer's encodings (UTF-8 with or without BOM,
 * UTF-16, GB18030); blank lines and lines starting with # skipped, names trimmed.
 */
export async function readNameFile(path: string, option: string): Promise<string[] | string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? `${option} ${path}: no such file` : `${option} ${path}: cannot read (${code ?? "error"})`;
  }
  const { text, lossy, encoding } = decodeBytes(bytes);
  if (lossy) return `${option} ${path}: not valid text in ${encoding}`;
  return text
    .split(/\r\n|\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}
