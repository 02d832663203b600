/** Kendall's coefficient of concordance W with the number of raters and items it is based on. */
export interface KendallW {
  /** 0 = no agreement, 1 = identical rankings; null with fewer than 2 raters or items, or every rater tying every item. */
  w: number | null;
  raters: number;
  items: number;
}

/** Ranks 1..n of `xs` ascending, ties sharing their average rank, and Σ(t³ − t) over the tie groups. */
export function averageRanks(xs: readonly number[]): { ranks: number[]; ties: number } {
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x);
  const ranks = new Array<number>(xs.length);
  let ties = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1].x === order[i].x) j++;
    const t = j - i + 1;
    for (let k = i; k <= j; k++) ranks[order[k].i] = (i + j) / 2 + 1;
    ties += t * t * t - t;
    i = j + 1;
  }
  return { ranks, ties };
}

/**
 * Kendall's W over m raters' values (or ranks) for the same n items: each rater's values are
 * ranked (ties → average ranks), R_i = Σ ranks of item i, S = Σ(R_i − m(n+1)/2)², and
 * W = 12S / (m²(n³ − n) − m·ΣT) with the tie correction T = Σ(t³ − t) per rater.
 * Reversing every rater's order leaves W unchanged, so scores (higher = better) may be given as they are.
 */
export function kendallW(rankings: readonly (readonly number[])[]): KendallW {
  const m = rankings.length;
  const n = m === 0 ? 0 : rankings[0].length;
  if (rankings.some((r) => r.length !== n)) throw new RangeError("every rater must rank the same number of items");
  if (m < 2 || n < 2) return { w: null, raters: m, items: n };
  const sums = new Array<number>(n).fill(0);
  let tieSum = 0;
  for (const r of rankings) {
    const { ranks, ties } = averageRanks(r);
    ranks.forEach((x, i) => (sums[i] += x));
    tieSum += ties;
  }
  const mean = (m * (n + 1)) / 2;
  const s = sums.reduce((acc, x) => acc + (x - mean) ** 2, 0);
  const den = m * m * (n ** 3 - n) - m * tieSum;
  return { w: den > 0 ? (12 * s) / den : null, raters: m, items: n };
}
