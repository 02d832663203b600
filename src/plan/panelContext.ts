import type { Aggregation } from "../core/engine/types";
import { RATINGS, type PlanContext } from "./context";

/** What every panel sheet builder needs beyond the plan context. */
export interface PanelContext {
  raters: string[];
  /** Rater sheet names, same order as raters. */
  sheets: string[];
  consolidated: string;
  moderation: string;
  aggregate: Aggregation;
  /** Pre-order node index → position among the leaves (-1 for a group). */
  leafPos: number[];
}

/** TRIMMEAN's percent, as the engine's default trimPercent. */
export const TRIM_PERCENT = 0.2;
export const DEFAULT_SPREAD_THRESHOLD = 20;

/** Consolidated: same rows and vendor columns as Ratings; further blocks of V columns to the right. */
export const CONS = { thresholdRow: 2, thresholdLabel: 1, thresholdCol: 3, captionRow: 2 } as const;

export function consCols(V: number, m: number): { final: number; aggregate: number; range: number; stdev: number; stage: number; last: number } {
  const f = RATINGS.firstVendor;
  return { final: f, aggregate: f + V, range: f + 2 * V, stdev: f + 3 * V, stage: f + 4 * V, last: f + 4 * V + V * m - 1 };
}

/** Moderation: one row per vendor × leaf (vendor-major), fixed columns then one per rater. */
export const MOD = { headerRow: 3, firstRow: 4, vendor: 1, code: 2, name: 3, firstRater: 4 } as const;

export function modCols(m: number): { aggregate: number; range: number; stdev: number; flag: number; consensus: number; reason: number; missingReason: number } {
  const a = MOD.firstRater + m;
  return { aggregate: a, range: a + 1, stdev: a + 2, flag: a + 3, consensus: a + 4, reason: a + 5, missingReason: a + 6 };
}

export function modRow(ctx: PlanContext, v: number, leafPos: number): number {
  return MOD.firstRow + v * ctx.layout.leafCount + leafPos;
}

export function leafPositions(ctx: PlanContext): number[] {
  let k = 0;
  return ctx.layout.nodes.map((nd) => (nd.leaf ? k++ : -1));
}
