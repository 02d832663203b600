import { uniqueSheetName } from "./freeze";

const INVALID = /[[\]:*?/\\]/g;
const isControl = (ch: string): boolean => ch.charCodeAt(0) < 32;

/** Rater names must be non-empty and distinct (after trimming); throws RangeError otherwise. */
export function checkRaters(raters: string[]): void {
  const seen = new Set<string>();
  for (const r of raters) {
    const key = r.trim().toLowerCase();
    if (key === "") throw new RangeError("a rater name is empty");
    if (seen.has(key)) throw new RangeError(`rater "${r}" is listed twice`);
    seen.add(key);
  }
}

/**
 * One sheet name per rater: prefix + name without []:*?/\ or control characters (and no
 * apostrophe at either end), at most 31 characters, unique among themselves and `reserved`.
 */
export function raterSheetNames(raters: string[], prefix: string, reserved: string[]): string[] {
  const taken = [...reserved];
  return raters.map((rater, i) => {
    const clean = [...rater.replace(INVALID, "")].filter((ch) => !isControl(ch)).join("").trim();
    const base = `${prefix}${clean === "" ? String(i + 1) : clean}`.slice(0, 31).replace(/^'+|'+$/g, "");
    const name = uniqueSheetName(base, taken);
    taken.push(name);
    return name;
  });
}
