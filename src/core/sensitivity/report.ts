import type { AwardResult } from "../award/types";
import { compileTree } from "../engine/compile";
import { toCube } from "../engine/cube";
import type { Rating, ScoreInput, ScoreResult } from "../engine/types";
import type { IndicatorTree } from "../model/types";
import { bootstrapRaters, rankAcceptability, type Acceptability, type AcceptabilityOptions } from "./acceptability";
import { weightModelOf } from "./evaluate";
import { flipPoints, priceFlip, type Contest, type NodeFlip, type Stability } from "./flips";

export interface SensitivityReport {
  /** "quality": the engine's totals, every vendor with a total; "award": the award's figure (overall with price) among the vendors eligible now. */
  basis: "quality" | "award";
  leader: string | null;
  tiedWith: string[];
  flips: NodeFlip[];
  /** The price weight's flip (with price only). */
  price: (Stability & { weight: number }) | null;
  acceptability: Acceptability;
  /** Rater bootstrap (a panel: ratings from two or more raters); null otherwise. */
  bootstrap: Acceptability | null;
  /** Why there is no bootstrap although raters were given (e.g. a rater rated a cell twice). */
  bootstrapSkipped: string | null;
}

export interface SensitivityInput extends AcceptabilityOptions {
  /** The award decision (issue #11): with minimums or price, the contest is among the vendors eligible now, on their overall score. */
  award?: AwardResult;
  /** Price weight as a fraction (0.3), when the award counts price. */
  priceWeight?: number | null;
  /** Every rater's own ratings and the scoring options, for the rater bootstrap. */
  raters?: { ratings: readonly Rating[]; score: ScoreInput };
}

/**
 * The award's contest (for flipPoints and rankAcceptability): the vendors eligible now (with a price
 * weight, those with a price score), compared on overall = quality·(1 − p) + price score·p.
 */
export function awardContest(vendors: readonly string[], award: Pick<AwardResult, "vendors">, priceWeight: number | null): Contest {
  const p = priceWeight ?? 0;
  const byName = new Map(award.vendors.map((v) => [v.vendor, v]));
  const eligible = vendors.map((v) => byName.get(v)?.eligible === true && (p === 0 || byName.get(v)?.priceScore !== null));
  return { eligible, a: 1 - p, b: vendors.map((v) => p * (byName.get(v)?.priceScore ?? 0)) };
}

/**
 * Flip points, the price weight's flip and rank acceptability for a scored tree. With an award,
 * eligibility is held as it is now (a weight change can move a vendor across a minimum; that is
 * not modelled) and the figure compared is overall = quality·(1 − p) + price score·p.
 */
export function analyseSensitivity(tree: IndicatorTree, result: ScoreResult, input: SensitivityInput = {}): SensitivityReport {
  const m = weightModelOf(tree, result);
  const award = input.award;
  const contest: Contest = award ? awardContest(m.vendors, award, input.priceWeight ?? null) : {};
  const flips = flipPoints(m, contest);
  const price = award && input.priceWeight ? priceFlip(award.vendors, input.priceWeight) : null;
  const acceptability = rankAcceptability(m, input, contest);
  let bootstrap: Acceptability | null = null;
  let bootstrapSkipped: string | null = null;
  if (input.raters) {
    const names = new Set(input.raters.ratings.map((r) => r.rater ?? ""));
    if (names.size >= 2) {
      try {
        const cube = toCube(tree, input.raters.ratings);
        bootstrap = bootstrapRaters(compileTree(tree), cube, { ...input.raters.score, vendors: m.vendors }, input, contest);
      } catch (err) {
        bootstrapSkipped = err instanceof Error ? err.message : String(err);
      }
    }
  }
  return { basis: award ? "award" : "quality", leader: flips.leader, tiedWith: flips.tiedWith, flips: flips.flips, price: price && { weight: price.weight, flipAt: price.flipAt, rival: price.rival, stableFrom: price.stableFrom, stableTo: price.stableTo }, acceptability, bootstrap, bootstrapSkipped };
}
