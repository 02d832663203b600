/**
 * The arithmetic of Weights → "What if…" (issue #12), kept apart from React: a workbook snapshot
 * re-scored with the engine under other dimension weights (and decided with src/core/award when the
 * workbook has award settings), the flip points at those weights, and the proportional rescaling
 * the core's flip points use (withNodeWeight). Only the lazily loaded WhatIfView imports it.
 */
import { evaluateAward, type AwardResult, type AwardSettings } from "../core/award";
import { score, type Rating, type ScoreInput, type ScoreResult } from "../core/engine";
import type { IndicatorTree } from "../core/model/types";
import { awardContest, flipPoints, rankAcceptability, weightModelOf, withNodeWeight, type Acceptability, type AcceptabilityOptions, type Contest, type FlipResult, type WeightModel } from "../core/sensitivity";
import type { WorkbookSnapshot } from "../port";

/** What the what-if needs of a snapshot: the ratings as scored (a panel's consensus replacing its raters), the options, the award inputs. */
export interface WhatIfBase {
  tree: IndicatorTree;
  ratings: Rating[];
  scoring: ScoreInput;
  award: { settings: AwardSettings; bids: Record<string, number | null> } | null;
  /** Price weight as a fraction, when the award counts price. */
  priceWeight: number | null;
  /** The dimensions' codes, in the tree's order. */
  codes: string[];
  /** The dimensions' weights in the workbook, as fractions of the top level (summing to 1). */
  shares: number[];
}

export interface WhatIfState {
  shares: number[];
  result: ScoreResult;
  award: AwardResult | null;
  /** Each vendor's figure (overall with price under an award, else the total) and rank (among the eligible under an award); null: not ranked. */
  rows: { vendor: string; figure: number | null; rank: number | null }[];
  model: WeightModel;
  contest: Contest;
  flips: FlipResult;
}

const keyOf = (vendor: string, code: string): string => `${vendor}\u0000${code}`;

export function whatIfBase(snapshot: WorkbookSnapshot): WhatIfBase {
  const consensus = snapshot.consensus ?? [];
  const overridden = new Set(consensus.map((c) => keyOf(c.vendor, c.code)));
  // As the workbook's formulas do: a Moderation consensus replaces the raters' ratings of its cell.
  const ratings: Rating[] = [...snapshot.ratings.filter((r) => !overridden.has(keyOf(r.vendor, r.code))), ...consensus.map((c) => ({ vendor: c.vendor, code: c.code, value: c.value }))];
  const scoring: ScoreInput = { missing: snapshot.missing, vendors: snapshot.vendors, ...(snapshot.aggregate ? { aggregate: snapshot.aggregate } : {}) };
  const a = snapshot.award;
  const award = a ? { settings: { bands: a.bands, ...(a.price ? { price: a.price } : {}) }, bids: Object.fromEntries(a.vendors.map((v) => [v.vendor, v.bid])) } : null;
  const model = weightModelOf(snapshot.tree, snapshot.scores);
  const codes = snapshot.tree.roots.map((r) => r.code);
  const shares = codes.map((c) => model.base[model.tree.codes.indexOf(c)]);
  return { tree: snapshot.tree, ratings, scoring, award, priceWeight: a?.price ? a.price.weight / 100 : null, codes, shares };
}

/** The tree with the dimensions weighing `shares` (as percentages); everything below as it is. */
export function treeWithShares(tree: IndicatorTree, shares: readonly number[]): IndicatorTree {
  return { ...tree, roots: tree.roots.map((r, i) => ({ ...r, weight: shares[i] * 100 })) };
}

/** The scorecard scored and decided under the dimension weights `shares`, with the flip points there. */
export function evaluateWhatIf(base: WhatIfBase, shares: readonly number[]): WhatIfState {
  const tree = treeWithShares(base.tree, shares);
  const result = score(tree, base.ratings, base.scoring);
  const award = base.award ? evaluateAward(tree, result, base.award) : null;
  const rows = award
    ? award.vendors.map((v) => ({ vendor: v.vendor, figure: v.eligible ? v.overall : null, rank: v.rank }))
    : result.vendors.map((v) => ({ vendor: v.vendor, figure: v.total, rank: v.rank }));
  const model = weightModelOf(tree, result);
  const contest = award ? awardContest(model.vendors, award, base.priceWeight) : {};
  return { shares: [...shares], result, award, rows, model, contest, flips: flipPoints(model, contest) };
}

/**
 * Dimension `index` set to x (a fraction), the others rescaled in proportion so the dimensions
 * still sum to 1 — the core's withNodeWeight, the rescaling flipPoints measures along.
 */
export function moveShare(state: WhatIfState, codes: readonly string[], index: number, x: number): number[] {
  const m = state.model;
  const w = withNodeWeight(m, m.tree.codes.indexOf(codes[index]), Math.min(1, Math.max(0, x)));
  return codes.map((c) => w[m.tree.codes.indexOf(c)]);
}

/** Rank acceptability at the state's weights, in the state's contest (the award's eligible vendors on their overall figure). */
export function acceptabilityAt(state: WhatIfState, options: AcceptabilityOptions): Acceptability {
  return rankAcceptability(state.model, options, state.contest);
}
