/**
 * Panel statistics from a snapshot, pure: how many raters rated each vendor, each rater's
 * completeness, and Kendall's W over the raters' vendor totals (each rater's ratings scored on
 * their own with score()), counting only raters with a total for every vendor — as the
 * workbook's Calc sheet does.
 */
import { kendallW, score, type KendallW } from "../core/engine";
import { leaves } from "./model";
import type { WorkbookSnapshot } from "./port";

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

export function panelStats(snapshot: WorkbookSnapshot): PanelStats {
  const { raters, vendors, tree } = snapshot;
  const leafCodes = new Set(leaves(tree).map((l) => l.node.code));
  const total = vendors.length * leafCodes.size;
  const byRater = new Map(raters.map((r) => [r, snapshot.ratings.filter((x) => x.rater === r && leafCodes.has(x.code))]));
  const perVendor = vendors.map((vendor) => ({ vendor, raters: raters.filter((r) => (byRater.get(r) ?? []).some((x) => x.vendor === vendor)).length }));
  const completeness = raters.map((rater) => ({ rater, done: new Set((byRater.get(rater) ?? []).map((x) => `${x.vendor}\u0001${x.code}`)).size, total }));
  const rows: number[][] = [];
  const excluded: string[] = [];
  for (const rater of raters) {
    const result = score(tree, byRater.get(rater) ?? [], { missing: snapshot.missing, vendors });
    const totals = vendors.map((v) => result.vendors.find((x) => x.vendor === v)?.total ?? null);
    if (totals.every((x): x is number => x !== null)) rows.push(totals);
    else excluded.push(rater);
  }
  return { raters, vendors, perVendor, completeness, agreement: kendallW(rows), excluded };
}
