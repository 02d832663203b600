/** A bid cell → a number, empty, or not a number. */
export type BidParse = { kind: "ok"; value: number } | { kind: "empty" } | { kind: "nan" };

/** Currency signs and words that may surround an amount (compared after NFKC). */
const CURRENCY = /^(?:¥|\$|€|£|RMB|CNY|USD|EUR|人民币)\s*|\s*(?:元|RMB|CNY|USD|EUR)$/giu;
const GROUPED_COMMA = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const GROUPED_SPACE = /^[+-]?\d{1,3}(?: \d{3})+(?:\.\d+)?$/;
const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Reads a bid as people write it: "1234567", "¥1,234,567.00", "1 234 567" (spaces, no-break or
 * thin spaces between groups of three), full-width digits and ￥ (via NFKC), "元" or a currency
 * code. The import's parseScore reads 0–100 scores with a decimal comma; an amount has thousands
 * separators instead, so this is its own small reader. Numbers (from .xlsx cells) pass through.
 */
export function parseBid(cell: string | number | null | undefined): BidParse {
  if (typeof cell === "number") return Number.isFinite(cell) ? { kind: "ok", value: cell } : { kind: "nan" };
  if (cell === null || cell === undefined) return { kind: "empty" };
  let s = cell.normalize("NFKC").replace(/[\u00A0\u2007\u2009\u202F]/g, " ").trim();
  if (s === "") return { kind: "empty" };
  s = s.replace(CURRENCY, "").replace(CURRENCY, "").trim();
  if (GROUPED_COMMA.test(s)) s = s.replace(/,/g, "");
  else if (GROUPED_SPACE.test(s)) s = s.replace(/ /g, "");
  if (!PLAIN.test(s)) return { kind: "nan" };
  const value = Number(s);
  return Number.isFinite(value) ? { kind: "ok", value } : { kind: "nan" };
}

/** A bid that takes part in price scoring: a finite number above 0. */
export const isValidBid = (b: number | null | undefined): b is number => typeof b === "number" && Number.isFinite(b) && b > 0;
