/** Test-only: the engine's expectation for a Pairwise block, and random judgements as a user types them. */
import fc from "fast-check";
import { analyse, analysePanel, judgementText, parseJudgement, reciprocalMatrix, SAATY_VALUES, type AhpResult, type Judgement } from "../../src/core/ahp";
import type { CellValue, PairwiseBlockLayout, PairwiseGroupLayout } from "../../src/plan";

/** A scale value typed one of several ways: number, "3", "1/3", "0.333", "0,5". */
export const typedArb: fc.Arbitrary<string | number> = fc.tuple(fc.constantFrom(...SAATY_VALUES), fc.integer({ min: 0, max: 3 })).map(([v, how]) => {
  if (how === 0) return v;
  if (how === 1) return judgementText(v);
  if (how === 2) return v >= 1 ? `${v}.0` : (Math.round(v * 1000) / 1000).toFixed(3);
  return v >= 1 ? String(v) : (Math.round(v * 1000) / 1000).toFixed(3).replace(".", ",");
});

/** The judgements of one block's pairs in the engine's form. */
export function judgementsOf(block: PairwiseBlockLayout, codes: string[], typed: (string | number)[]): Judgement[] {
  return block.pairs.map((p, k) => {
    const r = parseJudgement(typed[k]);
    if (!r.ok) throw new Error(`test input ${typed[k]} does not parse`);
    return { a: codes.indexOf(p.a), b: codes.indexOf(p.b), value: r.value };
  });
}

/** Differences between a block as recalculated and the engine's result; [] when they agree to `eps`. */
export function compareBlock(get: (a1: string) => CellValue, block: PairwiseBlockLayout, expected: AhpResult, eps: number, yes: string, no: string): string[] {
  const out: string[] = [];
  const num = (a1: string, want: number, what: string): void => {
    const v = get(a1);
    if (typeof v !== "number" || !(Math.abs(v - want) <= eps)) out.push(`${what} ${a1}: ${String(v)} ≠ ${want}`);
  };
  block.weights.forEach((w, i) => num(w.cell, expected.weights[i], `weight ${w.code}`));
  num(block.lambdaMax, expected.lambdaMax, "λmax");
  num(block.ci, expected.ci, "CI");
  num(block.cr, expected.cr, "CR");
  const flag = get(block.consistent);
  if (flag !== (expected.consistent ? yes : no)) out.push(`consistent: ${String(flag)}`);
  const revisit = get(block.revisit);
  if (expected.consistent ? revisit !== "" : typeof revisit !== "string" || revisit === "") out.push(`revisit: ${String(revisit)}`);
  return out;
}

/** The engine's expectation of a panel group: every complete rater's matrix. */
export function expectPanel(group: PairwiseGroupLayout, typed: ((string | number)[] | null)[]): ReturnType<typeof analysePanel> {
  const raters = group.blocks.filter((b) => b.kind === "rater");
  const ms = raters.flatMap((b, k) => (typed[k] === null ? [] : [reciprocalMatrix(group.codes.length, judgementsOf(b, group.codes, typed[k] as (string | number)[]))]));
  return analysePanel(ms);
}

export { analyse };
