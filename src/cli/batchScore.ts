/**
 * score() in batches of vendors, keeping per vendor only what the command prints: a workbook-size
 * result (every node and leaf of every vendor as objects) for 130,000 vendors would take GBs.
 * Vendors are scored independently, so batches give the same figures; ranks are then taken over
 * all vendors as the engine does (totals compared at 9 decimals, ties share a rank).
 */
import { competitionRanks, score, type Aggregation, type MissingPolicy, type Rating } from "../core/engine";
import type { IndicatorTree } from "../core/model";
import { gateFailures, type Gate, type GateFailure } from "../core/award";

export interface VendorRow {
  vendor: string;
  total: number | null;
  rank: number | null;
  complete: boolean;
  completeness: number;
  /** Leaves neither rated nor N/A. */
  missing: number;
  /** Score of each top-level dimension by code. */
  dimensions: Record<string, number | null>;
  /** The minimums (issue #11) the vendor does not pass; [] without `gates`. */
  gates: GateFailure[];
}

export const BATCH = 4000;

export function scoreVendors(
  tree: IndicatorTree,
  ratings: readonly Rating[],
  options: { missing: MissingPolicy; aggregate: Aggregation; vendors?: readonly string[]; gates?: readonly Gate[] },
  batch = BATCH,
): { vendors: VendorRow[]; unknownCodes: string[] } {
  const index = new Map<string, number>();
  const order: string[] = [];
  const add = (v: string): number => {
    let i = index.get(v);
    if (i === undefined) {
      i = order.push(v) - 1;
      index.set(v, i);
    }
    return i;
  };
  for (const v of options.vendors ?? []) add(v);
  const parts: Rating[][] = [];
  for (const r of ratings) {
    const b = Math.floor(add(r.vendor) / batch);
    (parts[b] ??= []).push(r);
  }
  const roots = tree.roots.map((r) => r.code);
  const rows: VendorRow[] = [];
  const unknown = new Set<string>();
  for (let start = 0, b = 0; start < order.length; start += batch, b++) {
    const result = score(tree, parts[b] ?? [], { missing: options.missing, aggregate: options.aggregate, vendors: order.slice(start, start + batch) });
    for (const code of result.unknownCodes) unknown.add(code);
    for (const v of result.vendors) {
      let missing = 0;
      for (const f of v.flags) if (f.kind === "incomplete") missing += f.missing;
      const dimensions: Record<string, number | null> = {};
      for (const c of roots) dimensions[c] = v.scores[c] ?? null;
      rows.push({ vendor: v.vendor, total: v.total, rank: null, complete: v.complete, completeness: v.completeness, missing, dimensions, gates: options.gates ? gateFailures(options.gates, v) : [] });
    }
  }
  const ranks = competitionRanks(rows.map((r) => r.total));
  rows.forEach((r, i) => (r.rank = ranks[i]));
  return { vendors: rows, unknownCodes: [...unknown] };
}
