/** A score cell → number 0–100, not applicable, empty, or a reason to reject. */

export type ScoreParse =
  | { kind: "ok"; value: number }
  | { kind: "na" }
  | { kind: "empty" }
  | { kind: "nan" }
  | { kind: "range"; value: number };

const NA: ScoreParse = { kind: "na" };
const EMPTY: ScoreParse = { kind: "empty" };
const NAN: ScoreParse = { kind: "nan" };

export const SCORE_MIN = 0;
export const SCORE_MAX = 100;

/** Spellings of "not applicable" (compared after NFKC, trimming and lower-casing). */
const NA_WORDS = new Set(["n/a", "na", "不适用", "n.a."]);

const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

function ranged(value: number): ScoreParse {
  return value >= SCORE_MIN && value <= SCORE_MAX ? { kind: "ok", value } : { kind: "range", value };
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];

/**
 * Plain ASCII digits with at most one dot, no sign, no spaces, at most 12 characters: the
 * common case, read without a regex or Number() → the value, else -1. Digits and the power of
 * ten are exact integers (below 2^53 and 10^22), so one division gives the correctly rounded
 * double, exactly what Number() returns.
 */
function fastDigits(s: string): number {
  const n = s.length;
  if (n === 0 || n > 12) return -1;
  let mantissa = 0;
  let dot = -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) mantissa = mantissa * 10 + (c - 48);
    else if (c === 46 && dot < 0) dot = i;
    else return -1;
  }
  if (dot < 0) return mantissa;
  if (n === 1) return -1;
  const decimals = n - 1 - dot;
  return decimals === 0 ? mantissa : mantissa / POW10[decimals];
}

/**
 * The hot path for the common cell: plain ASCII digits (one optional dot) within 0–100, written
 * as String(value) writes it (no leading or trailing zeros, no bare dot), → the number; anything
 * else → -1, and the caller falls back to parseScore. So the text need not be kept: it is
 * String(value).
 */
export function fastScore(cell: string): number {
  const x = fastDigits(cell);
  if (x < 0 || x > SCORE_MAX) return -1;
  const n = cell.length;
  if (n === 1) return x;
  const first = cell.charCodeAt(0);
  if (first === 46 || (first === 48 && cell.charCodeAt(1) !== 46)) return -1;
  const dot = cell.indexOf(".");
  if (dot >= 0) {
    const last = cell.charCodeAt(n - 1);
    if (last === 48 || last === 46) return -1;
    // Below 1e-6 String() switches to exponent notation.
    if (x < 1e-6) return -1;
  }
  return x;
}

/**
 * Accepts numbers with surrounding spaces, full-width digits and ．, a leading +, and — when
 * `decimalComma` is allowed (the file is not comma-delimited) — one decimal comma ("85,5").
 * "N/A", "NA", "n/a", "不适用" mean not applicable. Numbers from .xlsx cells come as numbers.
 */
export function parseScore(cell: string | number | null | undefined, decimalComma: boolean): ScoreParse {
  if (typeof cell === "number") return Number.isFinite(cell) ? ranged(cell) : NAN;
  if (cell === null || cell === undefined) return EMPTY;
  const quick = fastDigits(cell);
  if (quick >= 0) return ranged(quick);
  let s = cell.trim();
  if (s === "") return EMPTY;
  s = s.normalize("NFKC").trim();
  if (s === "") return EMPTY;
  if (PLAIN.test(s)) return ranged(Number(s));
  if (decimalComma && DECIMAL_COMMA.test(s)) return ranged(Number(s.replace(",", ".")));
  if (NA_WORDS.has(s.toLowerCase())) return NA;
  return NAN;
}

/** Whether a cell is empty (only whitespace), for wide files where an empty cell is no rating. */
export function isBlankCell(cell: string | number | null | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === "number") return false;
  return cell.length === 0 || cell.trim() === "";
}
