/** Text normalisation shared by header and indicator matching (not used on vendor names, which stay literal). */

const ASCII_PLAIN = /^[\x21-\x7e]*$/;

/**
 * Key for comparisons: NFKC (full-width letters, digits, ．／＞ become ASCII), whitespace runs
 * collapsed, trimmed, lower-cased.
 */
export function normKey(text: string): string {
  if (ASCII_PLAIN.test(text)) return text.toLowerCase();
  return text.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
}

/** Path separators accepted between levels: / > › » and their full-width forms (after NFKC). */
const PATH_SEP = /\s*[/>›»\\]\s*/;

/** "生态 / 业务连接 › 并发量" → ["生态", "业务连接", "并发量"] (normalised); a single segment for plain text. */
export function pathSegments(text: string): string[] {
  return normKey(text)
    .split(PATH_SEP)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
