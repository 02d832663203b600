/** 1 + the number of totals strictly greater (ties share a rank: 1, 1, 3); null for a null total. */
export function competitionRanks(totals: (number | null)[]): (number | null)[] {
  const sorted = totals.filter((t): t is number => t !== null).sort((a, b) => b - a);
  return totals.map((t) => {
    if (t === null) return null;
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
