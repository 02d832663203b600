/**
 * A panel's pairwise comparisons of one sibling group.
 *
 * Aggregation of individual judgements (AIJ; Forman & Peniwati, "Aggregating individual
 * judgments and priorities with the AHP", EJOR 108(1), 1998, 165–169): the group matrix is the
 * element-wise geometric mean of the raters' matrices, which stays reciprocal
 * (∏ 1/aᵢⱼ^(1/K) = 1/∏ aᵢⱼ^(1/K)); its eigenvector is the group's weights, with its own CR.
 *
 * Consensus: BPMSG's AHP consensus indicator S* (K. D. Goepel, "Implementing the Analytic
 * Hierarchy Process as a Standard Method for Multi-Criteria Decision Making in Corporate
 * Enterprises – A New AHP Excel Template with Multiple Inputs", Proc. ISAHP 2013, Kuala Lumpur;
 * the corrected form described at bpmsg.com, "AHP consensus indicator", and used by the AHP Excel
 * template and AHP-OS). With the K raters' own weight vectors w⁽ᵏ⁾ (n criteria) and
 * H(p) = −Σ pᵢ ln pᵢ:
 *   Hα = (1/K) Σₖ H(w⁽ᵏ⁾)                     mean entropy of the raters' weights
 *   Hγ = H(w̄),  w̄ᵢ = (1/K) Σₖ wᵢ⁽ᵏ⁾            entropy of their arithmetic mean
 *   Hβ = Hγ − Hα                               Shannon beta entropy (0 when all agree)
 *   Hα,min = −[M/(n+M−1)] ln[M/(n+M−1)] − (n−1) [1/(n+M−1)] ln[1/(n+M−1)],  M = 9 (scale maximum)
 *   Hγ,max = ln n,   c = exp(Hγ,max − Hα,min)
 *   S* = (1/exp(Hβ) − 1/c) / (1 − 1/c)
 * S* is 1 when every rater gives the same weights and falls towards 0 as they diverge (BPMSG's
 * reading: below 65 % low, 65–75 % moderate, above 75 % high). It is reported as computed, not
 * clipped. It needs two or more raters.
 */
import { analyseMatrix, checkGroupSize, type AhpResult } from "./ahp";
import type { Matrix } from "./eigen";

/** Largest value on Saaty's scale (M in the consensus correction). */
export const SCALE_MAX = 9;

/** Element-wise geometric mean of reciprocal matrices of the same size. */
export function geometricMeanMatrix(matrices: readonly Matrix[]): Matrix {
  if (matrices.length === 0) throw new RangeError("no rater's judgements to combine");
  const n = matrices[0].length;
  for (const m of matrices) if (m.length !== n) throw new RangeError("raters compared groups of different sizes");
  const k = matrices.length;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      if (i === j) return 1;
      let s = 0;
      for (const m of matrices) s += Math.log(m[i][j]);
      return Math.exp(s / k);
    }),
  );
}

function entropy(p: readonly number[]): number {
  let h = 0;
  for (const x of p) if (x > 0) h -= x * Math.log(x);
  return h;
}

/** The parts of the consensus figure, for Method and tests. */
export interface Consensus {
  hAlpha: number;
  hGamma: number;
  hBeta: number;
  hAlphaMin: number;
  hGammaMax: number;
  /** S*, 0…1. */
  value: number;
}

/** BPMSG's AHP consensus indicator of K ≥ 2 weight vectors of n criteria (see the file comment). */
export function consensus(weights: readonly (readonly number[])[], scaleMax = SCALE_MAX): Consensus {
  const k = weights.length;
  if (k < 2) throw new RangeError("consensus needs two or more raters");
  const n = weights[0].length;
  const hAlpha = weights.reduce((s, w) => s + entropy(w), 0) / k;
  const mean = Array.from({ length: n }, (_, i) => weights.reduce((s, w) => s + w[i], 0) / k);
  const hGamma = entropy(mean);
  const hBeta = hGamma - hAlpha;
  const big = scaleMax / (n + scaleMax - 1);
  const small = 1 / (n + scaleMax - 1);
  const hAlphaMin = -big * Math.log(big) - (n - 1) * small * Math.log(small);
  const hGammaMax = Math.log(n);
  const c = Math.exp(hGammaMax - hAlphaMin);
  const value = (1 / Math.exp(hBeta) - 1 / c) / (1 - 1 / c);
  return { hAlpha, hGamma, hBeta, hAlphaMin, hGammaMax, value };
}

export interface PanelResult {
  /** The geometric-mean (AIJ) matrix's analysis. */
  group: AhpResult;
  /** Each rater's own analysis, in the order given. */
  raters: AhpResult[];
  /** S* (null for a single rater). */
  consensus: Consensus | null;
}

/** The group result of K ≥ 1 raters' complete reciprocal matrices. */
export function analysePanel(matrices: readonly Matrix[]): PanelResult {
  if (matrices.length === 0) throw new RangeError("no rater's judgements to combine");
  checkGroupSize(matrices[0].length);
  const raters = matrices.map((m) => analyseMatrix(m));
  const group = analyseMatrix(geometricMeanMatrix(matrices));
  return { group, raters, consensus: raters.length >= 2 ? consensus(raters.map((r) => r.weights)) : null };
}
