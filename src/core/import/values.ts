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

/** Plain ASCII digits with at most one dot, no sign, no spaces: the common case, no regex. */
function fastDigits(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 12) return false;
  let dots = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (++dots > 1) return false;
    } else if (c < 48 || c > 57) return false;
  }
  return n > dots;
}

/**
 * The hot path for the common cell: plain ASCII digits (one optional dot) within 0–100 → the
 * number; anything else → -1, and the caller falls back to parseScore.
 */
export function fastScore(cell: string): number {
  if (!fastDigits(cell)) return -1;
  const x = Number(cell);
  return x <= SCORE_MAX ? x : -1;
}

/**
 * Accepts numbers with surrounding spaces, full-width digits and ．, a leading +, and — when
 * `decimalComma` is allowed (the file is not comma-delimited) — one decimal comma ("85,5").
 * "N/A", "NA", "n/a", "不适用" mean not applicable. Numbers from .xlsx cells come as numbers.
 */
export function parseScore(cell: string | number | null | undefined, decimalComma: boolean): ScoreParse {
  if (typeof cell === "number") return Number.isFinite(cell) ? ranged(cell) : NAN;
  if (cell === null || cell === undefined) return EMPTY;
  if (fastDigits(cell)) return ranged(Number(cell));
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
