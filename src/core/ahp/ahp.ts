/**
 * One person's pairwise comparisons of a sibling group: the reciprocal matrix, its principal
 * eigenvector (the weights), λmax, CI = (λmax − n)/(n − 1), CR = CI/RI (Saaty's RI), and, when
 * CR > 0.10, the judgement that departs most from the weights.
 *
 * Which judgement to revisit (Saaty's rule, "Decision-making with the AHP: why is the principal
 * eigenvector necessary", EJOR 145(1), 2003, 85–91): the pair (i, j) with the largest
 * εᵢⱼ = aᵢⱼ·wⱼ/wᵢ — the judgement furthest from the ratio its own weights imply. Taken over both
 * triangles it is the pair with the largest |ln εᵢⱼ| (εⱼᵢ = 1/εᵢⱼ). Deviations within a relative
 * TIE = 1e-9 of the largest count as tied (with three criteria all three always tie: ε₁₂ = ε₂₃ =
 * ε₃₁) and the first in pair order (1,2), (1,3), …, (n−1,n) is named, as the sheet's MATCH does. The suggested value is wᵢ/wⱼ snapped to the scale (nearest
 * integer of the ratio or of its inverse, 1…9), and `crIfChanged` is the CR with that one
 * judgement replaced.
 */
import { principalEigen, type Matrix } from "./eigen";
import { CR_THRESHOLD, intensityOf, MAX_GROUP, MIN_GROUP, randomIndex } from "./scale";

/** "criterion a is `value` times as important as criterion b" (a, b: 0-based positions in the group). */
export interface Judgement {
  a: number;
  b: number;
  value: number;
}

export interface WorstJudgement {
  /** The pair as judged, a before b in the group's order. */
  a: number;
  b: number;
  /** The judgement given (a over b). */
  judged: number;
  /** a over b as the weights imply (wₐ/w_b) and snapped to the scale. */
  implied: number;
  suggested: number;
  /** max(ε, 1/ε) with ε = judged·w_b/wₐ. */
  deviation: number;
  /** CR with the judgement replaced by `suggested`. */
  crIfChanged: number;
}

export interface AhpResult {
  n: number;
  matrix: Matrix;
  weights: number[];
  lambdaMax: number;
  ci: number;
  ri: number;
  cr: number;
  consistent: boolean;
  /** Set when CR > 0.10. */
  worst: WorstJudgement | null;
}

/** Relative tolerance under which two deviations count as tied (see the file comment). */
export const TIE = 1e-9;

/** Throws RangeError unless 2 ≤ n ≤ 10, with the reason. */
export function checkGroupSize(n: number): void {
  if (n < MIN_GROUP) throw new RangeError(`a group of ${n} has nothing to compare: pairwise weights need 2 to ${MAX_GROUP} criteria`);
  if (n > MAX_GROUP) {
    throw new RangeError(
      `a group of ${n} is too large to compare in pairs: Saaty's random index (for CR) is tabulated up to ${MAX_GROUP}, and ${(n * (n - 1)) / 2} judgements are more than people judge carefully; split the group`,
    );
  }
}

/** Every pair (a < b) of a group of n, in the order the sheet and the CLI list them. */
export function pairsOf(n: number): [number, number][] {
  const out: [number, number][] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) out.push([a, b]);
  return out;
}

/**
 * The reciprocal matrix of n criteria from exactly one judgement per pair (either orientation):
 * aᵢᵢ = 1, aᵢⱼ = value, aⱼᵢ = 1/value. Throws RangeError on a missing, repeated or invalid pair.
 */
export function reciprocalMatrix(n: number, judgements: readonly Judgement[]): Matrix {
  checkGroupSize(n);
  const m: (number | null)[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : null)));
  for (const { a, b, value } of judgements) {
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0 || a >= n || b >= n || a === b) throw new RangeError(`no pair (${a + 1}, ${b + 1}) in a group of ${n}`);
    if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`judgement (${a + 1}, ${b + 1}) is not a positive number`);
    if (m[a][b] !== null) throw new RangeError(`pair (${Math.min(a, b) + 1}, ${Math.max(a, b) + 1}) is judged twice`);
    m[a][b] = value;
    m[b][a] = 1 / value;
  }
  const missing = pairsOf(n).filter(([a, b]) => m[a][b] === null);
  if (missing.length > 0) throw new RangeError(`missing judgements for ${missing.map(([a, b]) => `(${a + 1}, ${b + 1})`).join(", ")}`);
  return m as Matrix;
}

function consistencyRatio(n: number, lambdaMax: number): { ci: number; ri: number; cr: number } {
  const ci = (lambdaMax - n) / (n - 1);
  const ri = randomIndex(n);
  return { ci, ri, cr: ri === 0 ? 0 : ci / ri };
}

/** CR of a positive reciprocal matrix. */
export function crOf(matrix: Matrix): number {
  const { lambdaMax } = principalEigen(matrix);
  return consistencyRatio(matrix.length, lambdaMax).cr;
}

/** The suggested scale value for a ratio r (nearest integer of r or 1/r, within 1…9). */
export function snapRatio(r: number): number {
  const { k, inverse } = intensityOf(r);
  const c = Math.min(9, Math.max(1, k));
  return inverse ? 1 / c : c;
}

/** Weights, λmax, CI, CR, and the judgement to revisit when inconsistent, of a reciprocal matrix. */
export function analyseMatrix(matrix: Matrix): AhpResult {
  const n = matrix.length;
  checkGroupSize(n);
  const { weights, lambdaMax } = principalEigen(matrix);
  const { ci, ri, cr } = consistencyRatio(n, lambdaMax);
  const consistent = cr <= CR_THRESHOLD;
  let worst: WorstJudgement | null = null;
  if (!consistent) {
    const deviations = pairsOf(n).map(([a, b]) => {
      const e = (matrix[a][b] * weights[b]) / weights[a];
      return { a, b, deviation: Math.max(e, 1 / e) };
    });
    const max = Math.max(...deviations.map((d) => d.deviation));
    const pick = deviations.find((d) => d.deviation >= max * (1 - TIE)) as (typeof deviations)[number];
    const implied = weights[pick.a] / weights[pick.b];
    worst = { ...pick, judged: matrix[pick.a][pick.b], implied, suggested: snapRatio(implied), crIfChanged: NaN };
    if (worst !== null) {
      const changed = matrix.map((row) => [...row]);
      changed[worst.a][worst.b] = worst.suggested;
      changed[worst.b][worst.a] = 1 / worst.suggested;
      worst.crIfChanged = crOf(changed);
    }
  }
  return { n, matrix, weights, lambdaMax, ci, ri, cr, consistent, worst };
}

/** analyseMatrix(reciprocalMatrix(n, judgements)). */
export function analyse(n: number, judgements: readonly Judgement[]): AhpResult {
  return analyseMatrix(reciprocalMatrix(n, judgements));
}
