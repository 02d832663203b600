/**
 * CSV/formula injection guard (OWASP "CSV Injection"): text starting with = + - @, a tab or a
 * carriage return can be taken for a formula by Excel. The workbook writer passes imported text
 * through asLiteralText so it always stays text.
 */
const TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

export function isFormulaLike(text: string): boolean {
  return text.length > 0 && TRIGGERS.has(text[0]);
}

/** Text as a literal: a leading apostrophe (Excel's "this is text" prefix, not shown in the cell) when formula-like. */
export function asLiteralText(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}
