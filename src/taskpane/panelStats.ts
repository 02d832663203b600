/**
 * Panel statistics from a snapshot, pure: how many raters rated each vendor, each rater's
 * completeness, and Kendall's W over the raters' vendor totals (each rater's ratings scored on
 * their own, in one scoreCube call, compared at 9 decimals), counting only raters with a total for
 * every vendor — as the workbook's Calc sheet does. Ratings of vendors not listed count nowhere.
 */
import { CUBE_NA, kendallW, rankKey, scoreCube, type KendallW } from "../core/engine";
import { leaves } from "./model";
import type { WorkbookSnapshot } from "../port";

export interface PanelStats {
  raters: string[];
  vendors: string[];
  /** Raters with at least one rating (or N/A) for the vendor. */
  perVendor: { vendor: string; raters: number }[];
  /** Ratings given (N/A counts) out of vendors × leaves. */
  completeness: { rater: string; done: number; total: number }[];
  agreement: KendallW;
  /** Raters left out of W (no total for some vendor). */
  excluded: string[];
}

/** Position of each name's first occurrence. */
function firstIndex(names: string[]): Map<string, number> {
  const at = new Map<string, number>();
  names.forEach((name, i) => void (at.has(name) || at.set(name, i)));
  return at;
}

export function panelStats(snapshot: WorkbookSnapshot): PanelStats {
  const { raters, vendors, tree } = snapshot;
  const codes = [...new Set(leaves(tree).map((l) => l.node.code))];
  const total = vendors.length * codes.length;
  const R = raters.length;
  const V = vendors.length;
  const K = codes.length;
  const raterAt = firstIndex(raters);
  const vendorAt = firstIndex(vendors);
  const codeAt = firstIndex(codes);

  // One pass over the ratings of listed raters and leaves: each one's (rater, vendor, code) cell
  // and how many came before it there (score() aggregates repeats, so each gets its own slot).
  const ratings = snapshot.ratings;
  const cellOf = new Int32Array(ratings.length).fill(-1);
  const repeat = new Int32Array(ratings.length);
  const value = new Float64Array(ratings.length);
  const times = new Int32Array(R * V * K);
  const rated = new Uint8Array(R * V);
  const done = new Int32Array(R);
  let slots = 1;
  ratings.forEach((x, i) => {
    const r = x.rater === undefined ? undefined : raterAt.get(x.rater);
    const k = codeAt.get(x.code);
    if (r === undefined || k === undefined) return;
    const v = vendorAt.get(x.vendor);
    if (v === undefined) return;
    const c = (r * V + v) * K + k;
    if (times[c] === 0) done[r]++;
    rated[r * V + v] = 1;
    cellOf[i] = c;
    repeat[i] = times[c]++;
    slots = Math.max(slots, times[c]);
    const y = x.value;
    value[i] = y === "NA" ? CUBE_NA : y - y === 0 ? y : NaN;
  });
  // The cube's "vendors" are rater × vendor pairs.
  const values = new Float64Array(R * V * K * slots).fill(NaN);
  for (let i = 0; i < cellOf.length; i++) if (cellOf[i] >= 0) values[cellOf[i] * slots + repeat[i]] = value[i];
  const pairs = Array.from({ length: R * V }, (_, p) => String(p));
  const scored = scoreCube(tree, { vendors: pairs, codes, raters: new Array<string>(slots).fill(""), values }, { missing: snapshot.missing });

  const perVendor = vendors.map((vendor) => {
    const v = vendorAt.get(vendor) as number;
    return { vendor, raters: raters.filter((r) => rated[(raterAt.get(r) as number) * V + v] === 1).length };
  });
  const completeness = raters.map((rater) => ({ rater, done: done[raterAt.get(rater) as number], total }));
  const rows: number[][] = [];
  const excluded: string[] = [];
  for (const rater of raters) {
    const r = raterAt.get(rater) as number;
    const totals = vendors.map((vendor) => {
      const t = scored.total[r * V + (vendorAt.get(vendor) as number)];
      return t === t ? rankKey(t) : null;
    });
    if (totals.every((x): x is number => x !== null)) rows.push(totals);
    else excluded.push(rater);
  }
  return { raters, vendors, perVendor, completeness, agreement: kendallW(rows), excluded };
}
