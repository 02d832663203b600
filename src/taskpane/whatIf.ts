/**
 * The arithmetic of Weights → "What if…" (issue #12), kept apart from React: a workbook snapshot
 * re-scored with the engine under other weights of one sibling group (the dimensions, or a chosen
 * group's children), decided with src/core/award when the workbook has award settings, the flip
 * points at those weights, the proportional rescaling the core's flip points use (withNodeWeight),
 * and a panel's rater bootstrap drawn in slices. Only the lazily loaded WhatIfView imports it.
 */
import { evaluateAward, type AwardResult, type AwardSettings } from "../core/award";
import { compileTree, score, toCube, type Rating, type ScoreInput, type ScoreResult } from "../core/engine";
import { allNodes } from "../core/model";
import type { IndicatorNode, IndicatorTree } from "../core/model/types";
import { awardContest, flipPoints, rankAcceptability, raterBootstrap, weightModelOf, withNodeWeight, type Acceptability, type AcceptabilityOptions, type Contest, type FlipResult, type RaterBootstrap, type WeightModel } from "../core/sensitivity";
import type { WorkbookSnapshot } from "../port";

/** What the what-if needs of a snapshot: the ratings as scored (a panel's consensus replacing its raters), the options, the award inputs. */
export interface WhatIfBase {
  tree: IndicatorTree;
  ratings: Rating[];
  scoring: ScoreInput;
  award: { settings: AwardSettings; bids: Record<string, number | null> } | null;
  /** Price weight as a fraction, when the award counts price. */
  priceWeight: number | null;
  /** The sibling groups whose weights can be tried: the dimensions (when two or more), then every node with two or more children, in tree order. */
  groups: WhatIfGroup[];
  /**
   * A panel (two or more raters): every rater's own ratings, a Moderation consensus standing for
   * each rater's rating of its cell (so any resampled panel aggregates to the consensus there, as
   * the workbook's formulas score it); null for a single rater.
   */
  raterRatings: Rating[] | null;
  /** The panel's size (the raters drawn per bootstrap sample). */
  raters: number;
}

/** A sibling group: its parent's code (null: the dimensions) and its members' codes. */
export interface WhatIfGroup {
  parent: string | null;
  codes: string[];
}

export interface WhatIfState {
  /** The tree with the weights tried. */
  tree: IndicatorTree;
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
  const groups: WhatIfGroup[] = [];
  if (snapshot.tree.roots.length >= 2) groups.push({ parent: null, codes: snapshot.tree.roots.map((r) => r.code) });
  for (const { node } of allNodes(snapshot.tree)) if (node.children.length >= 2) groups.push({ parent: node.code, codes: node.children.map((c) => c.code) });
  const panel = snapshot.raters.length >= 2;
  const raterRatings = panel
    ? [...snapshot.ratings.filter((r) => !overridden.has(keyOf(r.vendor, r.code))), ...consensus.flatMap((c) => snapshot.raters.map((rater) => ({ vendor: c.vendor, code: c.code, rater, value: c.value })))]
    : null;
  return { tree: snapshot.tree, ratings, scoring, award, priceWeight: a?.price ? a.price.weight / 100 : null, groups, raterRatings, raters: snapshot.raters.length };
}

/** The tree with the members of `group` weighing `shares` (fractions, written as percentages); every other weight as it is. */
export function treeWithShares(tree: IndicatorTree, group: WhatIfGroup, shares: readonly number[]): IndicatorTree {
  return treeWithWeights(tree, Object.fromEntries(group.codes.map((c, i) => [c, shares[i] * 100])));
}

/** The tree with the given nodes' weights (percentages, by code); every other weight as it is. */
export function treeWithWeights(tree: IndicatorTree, weights: Readonly<Record<string, number>>): IndicatorTree {
  const map = (n: IndicatorNode): IndicatorNode => ({ ...n, weight: n.code in weights ? weights[n.code] : n.weight, children: n.children.map(map) });
  return { ...tree, roots: tree.roots.map(map) };
}

/** The members' weights in the state, as fractions of their group (summing to 1). */
export function sharesIn(state: WhatIfState, group: WhatIfGroup): number[] {
  const m = state.model;
  return group.codes.map((c) => m.base[m.tree.codes.indexOf(c)]);
}

/** The scorecard scored and decided under `tree`'s weights, with the flip points there. */
export function evaluateWhatIf(base: WhatIfBase, tree: IndicatorTree): WhatIfState {
  const result = score(tree, base.ratings, base.scoring);
  const award = base.award ? evaluateAward(tree, result, base.award) : null;
  const rows = award
    ? award.vendors.map((v) => ({ vendor: v.vendor, figure: v.eligible ? v.overall : null, rank: v.rank }))
    : result.vendors.map((v) => ({ vendor: v.vendor, figure: v.total, rank: v.rank }));
  const model = weightModelOf(tree, result);
  const contest = award ? awardContest(model.vendors, award, base.priceWeight) : {};
  return { tree, result, award, rows, model, contest, flips: flipPoints(model, contest) };
}

/**
 * Member `index` of a group set to x (a fraction), the others rescaled in proportion so the group
 * still sums to 1 — the core's withNodeWeight, the rescaling flipPoints measures along.
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

/**
 * A panel's rater bootstrap at the state's weights and in its contest, to be drawn in slices
 * (raterBootstrap: the same seed gives the same figures however it is sliced); null for a single rater.
 */
export function bootstrapAt(base: WhatIfBase, state: WhatIfState, options: Pick<AcceptabilityOptions, "samples" | "seed">): RaterBootstrap | null {
  if (base.raterRatings === null) return null;
  return raterBootstrap(compileTree(state.tree), toCube(state.tree, base.raterRatings), { ...base.scoring, vendors: state.model.vendors }, options, state.contest);
}
