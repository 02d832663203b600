/** Test-only AHP helpers: an independent eigen solver and matrix arbitraries. */
import fc from "fast-check";
import { SAATY_VALUES, type Matrix } from "../../src/core/ahp";

/**
 * Independent reference: plain power iteration w ← A w / Σ(A w) from the uniform vector until
 * successive vectors differ by less than 1e-12 (max-norm) twice in a row, then
 * λ = mean over i of (A w)ᵢ / wᵢ and CR = ((λ − n)/(n − 1)) / RI with RI typed in again here.
 */
const RI = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

export function referenceEigen(a: Matrix): { w: number[]; lambda: number; cr: number; steps: number } {
  const n = a.length;
  let w = new Array<number>(n).fill(1 / n);
  let calm = 0;
  let steps = 0;
  for (; steps < 1_000_000 && calm < 2; steps++) {
    const v = a.map((row) => row.reduce((s, x, j) => s + x * w[j], 0));
    const t = v.reduce((s, x) => s + x, 0);
    const next = v.map((x) => x / t);
    const d = Math.max(...next.map((x, i) => Math.abs(x - w[i])));
    calm = d < 1e-12 ? calm + 1 : 0;
    w = next;
  }
  const aw = a.map((row) => row.reduce((s, x, j) => s + x * w[j], 0));
  const lambda = aw.reduce((s, x, i) => s + x / w[i], 0) / n;
  const ci = n > 1 ? (lambda - n) / (n - 1) : 0;
  return { w, lambda, cr: RI[n - 1] === 0 ? 0 : ci / RI[n - 1], steps };
}

/** A reciprocal matrix from upper-triangle values in pair order (1,2), (1,3), …. */
export function fromUpper(n: number, upper: readonly number[]): Matrix {
  const m: Matrix = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  let k = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      m[i][j] = upper[k++];
      m[j][i] = 1 / m[i][j];
    }
  return m;
}

/** A random reciprocal matrix with Saaty-scale judgements (mostly inconsistent). */
export const saatyMatrixArb = (min = 2, max = 10): fc.Arbitrary<Matrix> =>
  fc.integer({ min, max }).chain((n) => fc.array(fc.constantFrom(...SAATY_VALUES), { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }).map((u) => fromUpper(n, u)));

/** Positive weights (not normalised) and the perfectly consistent matrix aᵢⱼ = wᵢ/wⱼ. */
export const consistentArb = (min = 2, max = 10): fc.Arbitrary<{ w: number[]; m: Matrix }> =>
  fc.integer({ min, max }).chain((n) =>
    fc.array(fc.double({ min: 0.05, max: 20, noNaN: true }), { minLength: n, maxLength: n }).map((w) => ({ w, m: w.map((wi) => w.map((wj) => wi / wj)) })),
  );

export function normalise(w: readonly number[]): number[] {
  const t = w.reduce((s, x) => s + x, 0);
  return w.map((x) => x / t);
}

export function maxDiff(a: readonly number[], b: readonly number[]): number {
  return Math.max(...a.map((x, i) => Math.abs(x - b[i])));
}
