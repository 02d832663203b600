/**
 * The self-assessment, as a pure function; the Maturity sheet's formulas compute the same figures
 * and are checked against it (test/plan/maturity.test.ts, test/xlsx/maturityLibreoffice.test.ts).
 *
 * Rules (documented on the sheet and in Method):
 *  - a mark is a whole stage number 1…N; anything else counts as not marked;
 *  - current stage = the median of today's marks, rounded down (INT(MEDIAN(…))): with six
 *    characteristics split 3/3 between two stages the enterprise is at the lower one;
 *  - spread = highest − lowest of today's marks (2 or more: the characteristics disagree);
 *  - target stage = the median of the aims (2–3 years), rounded down, by the same rule;
 *  - peers: the share of enterprises at the current stage or below, and at the target or beyond;
 *  - requirements: the target stage's platform needs and team, as the table states them;
 *  - indicators to emphasise: the product's mapping for the stages from just above the current
 *    stage up to the target (the way to grow); the target stage's own when there is no current
 *    stage or the target is not above it.
 */
import { allNodes } from "../model/tree";
import type { IndicatorTree } from "../model/types";
import type { MaturityAssessment, MaturityMappingEntry, MaturityMarks, MaturityModel, MaturityScenario } from "./types";

export function scenarioOf(model: MaturityModel, key: string): MaturityScenario {
  const s = model.scenarios.find((x) => x.key === key);
  if (!s) throw new RangeError(`maturity: no scenario "${key}" (the model has ${model.scenarios.map((x) => `"${x.key}"`).join(", ")})`);
  return s;
}

/** A valid mark (whole number 1…n) or null. */
export function markValue(v: unknown, n: number): number | null {
  return typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= n ? v : null;
}

/** Median rounded down, as INT(MEDIAN(range)); null for no values. */
export function medianStage(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length / 2;
  const median = s.length % 2 === 1 ? s[Math.floor(mid)] : (s[mid - 1] + s[mid]) / 2;
  return Math.floor(median);
}

/** The stages whose needs lead from `current` to `target` (1-based): (current, target], or [target]. */
export function growthStages(current: number | null, target: number): number[] {
  if (current === null || target <= current) return [target];
  return Array.from({ length: target - current }, (_, i) => current + 1 + i);
}

/** Codes once each: in the tree's pre-order when a tree is given (codes not in it last, as first met). */
export function orderCodes(codes: string[], tree?: IndicatorTree): string[] {
  const unique = [...new Set(codes)];
  if (!tree) return unique;
  const order = new Map(allNodes(tree).map((n, i) => [n.node.code, i]));
  const known = unique.filter((c) => order.has(c)).sort((a, b) => (order.get(a) as number) - (order.get(b) as number));
  return [...known, ...unique.filter((c) => !order.has(c))];
}

/** The mapping entries of `stages` in a scenario. */
export function mappingFor(model: MaturityModel, scenario: string, stages: number[]): MaturityMappingEntry[] {
  return model.mapping.entries.filter((e) => e.scenario === scenario && stages.includes(e.stage));
}

/** Sum of the shares of stages (1-based) for which `keep` holds. */
function shareWhere(s: MaturityScenario, keep: (stage: number) => boolean): number {
  return s.stages.reduce((sum, st, i) => (keep(i + 1) ? sum + st.share : sum), 0);
}

export function assessMaturity(model: MaturityModel, scenario: string, marks: MaturityMarks, tree?: IndicatorTree): MaturityAssessment {
  const s = scenarioOf(model, scenario);
  const n = s.stages.length;
  const today = marks.today.map((v) => markValue(v, n)).filter((v): v is number => v !== null);
  const aim = marks.aim.map((v) => markValue(v, n)).filter((v): v is number => v !== null);
  const current = medianStage(today);
  const target = medianStage(aim);
  const needs = target === null ? [] : mappingFor(model, scenario, growthStages(current, target));
  const stage = target === null ? null : s.stages[target - 1];
  return {
    scenario,
    stageCount: n,
    markedToday: today.length,
    markedAim: aim.length,
    current,
    spread: today.length === 0 ? null : Math.max(...today) - Math.min(...today),
    target,
    peersAtOrBelow: current === null ? null : shareWhere(s, (k) => k <= current),
    peersAtOrAboveTarget: target === null ? null : shareWhere(s, (k) => k >= target),
    requirements: stage ? { platform: stage.cells.platform, team: stage.cells.team } : null,
    needs,
    indicators: orderCodes(needs.flatMap((e) => e.codes), tree),
  };
}
