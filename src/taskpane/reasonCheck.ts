/**
 * Ratings without a reason (issue #14), pure: a numeric rating whose notes cell is blank. N/A needs
 * no reason (it says the indicator does not apply) and is never listed. A rating is listed when
 * `all` is set, or, with `flagged`, when it is below `below` or its cell's panel spread (highest −
 * lowest of the raters' numeric ratings of that vendor and indicator) is above `spread`, as the
 * Moderation sheet flags it. Listed in the snapshot's rating order.
 */
import type { WorkbookSnapshot } from "../port";

export interface ReasonCheckOptions {
  /** List every rating without a reason. */
  all: boolean;
  /** List low ratings and wide panel spreads without a reason. */
  flagged: boolean;
  /** A rating below this is low. */
  below: number;
  /** A spread above this is wide; null: no spread check (single rater, or no number on Consolidated). */
  spread: number | null;
}

export interface UnreasonedRating {
  vendor: string;
  code: string;
  rater?: string;
  value: number;
  /** Why it is flagged (empty when listed only because every one is). */
  why: ("low" | "spread")[];
  /** Panel: the spread of its cell. */
  cellSpread?: number;
  /** The notes cell to write the reason in. */
  sheet: string;
  address: string;
}

const key = (...parts: string[]): string => JSON.stringify(parts);

export function unreasonedRatings(snapshot: Pick<WorkbookSnapshot, "ratings" | "notes" | "notesGrid">, options: ReasonCheckOptions): UnreasonedRating[] {
  const grid = snapshot.notesGrid;
  if (!grid || (!options.all && !options.flagged)) return [];
  const [sheets, columns, rows] = [new Map(Object.entries(grid.sheets)), new Map(Object.entries(grid.columns)), new Map(Object.entries(grid.rows))];
  const reasoned = new Set((snapshot.notes ?? []).map((n) => key(n.rater ?? "", n.vendor, n.code)));
  const range = new Map<string, { min: number; max: number }>();
  for (const r of snapshot.ratings) {
    if (typeof r.value !== "number") continue;
    const k = key(r.vendor, r.code);
    const m = range.get(k);
    range.set(k, m ? { min: Math.min(m.min, r.value), max: Math.max(m.max, r.value) } : { min: r.value, max: r.value });
  }
  const out: UnreasonedRating[] = [];
  for (const r of snapshot.ratings) {
    const value = r.value;
    if (typeof value !== "number") continue;
    const rater = r.rater ?? "";
    if (reasoned.has(key(rater, r.vendor, r.code))) continue;
    const [sheet, col, row] = [sheets.get(rater), columns.get(r.vendor), rows.get(r.code)];
    if (sheet === undefined || col === undefined || row === undefined) continue;
    const m = range.get(key(r.vendor, r.code)) as { min: number; max: number };
    const cellSpread = r.rater !== undefined ? m.max - m.min : undefined;
    const why: UnreasonedRating["why"] = [];
    if (options.flagged && value < options.below) why.push("low");
    if (options.flagged && options.spread !== null && cellSpread !== undefined && cellSpread > options.spread) why.push("spread");
    if (!options.all && why.length === 0) continue;
    out.push({ vendor: r.vendor, code: r.code, ...(r.rater !== undefined ? { rater: r.rater } : {}), value, why, ...(cellSpread !== undefined ? { cellSpread } : {}), sheet, address: `${col}${row}` });
  }
  return out;
}
