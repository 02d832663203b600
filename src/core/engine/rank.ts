/** Totals are compared at 9 decimals, as the workbook's ROUND(total,9), so sums taken in another order still tie. */
export const rankKey = (t: number): number => Math.round(t * 1e9) / 1e9;

/** 1 + the number of totals strictly greater (ties share a rank: 1, 1, 3); null for a null total. */
export function competitionRanks(totals: (number | null)[]): (number | null)[] {
  const sorted = totals.filter((t): t is number => t !== null).map(rankKey).sort((a, b) => b - a);
  return totals.map((total) => {
    if (total === null) return null;
    const t = rankKey(total);
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] > t) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  });
}
