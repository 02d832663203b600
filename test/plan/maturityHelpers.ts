/** Shared by the HyperFormula and LibreOffice checks of the Maturity sheet: random marks and the engine's expected figures. */
import fc from "fast-check";
import { assessMaturity, type MaturityModel } from "../../src/core/maturity";
import type { IndicatorTree, Locale } from "../../src/core/model";
import { allNodes } from "../../src/core/model/tree";
import type { CellValue, MaturitySheetLayout } from "../../src/plan";
import { MATURITY_LABELS } from "../../src/plan/maturityLabels";

/** What a user may type in a mark cell: a stage name (from the drop-down), its number, junk, or nothing. */
export type Typed = { kind: "name"; stage: number } | { kind: "number"; value: number } | { kind: "junk"; text: string } | { kind: "blank" };

export const typedArb: fc.Arbitrary<Typed> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 1, max: 5 }).map((stage): Typed => ({ kind: "name", stage })) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 5 }).map((value): Typed => ({ kind: "number", value })) },
  { weight: 1, arbitrary: fc.constantFrom(0, 6, 2.5, -1).map((value): Typed => ({ kind: "number", value })) },
  { weight: 1, arbitrary: fc.constantFrom("x", "Stage 3", "阶段").map((text): Typed => ({ kind: "junk", text })) },
  { weight: 2, arbitrary: fc.constant<Typed>({ kind: "blank" }) },
);

export const marksArb = fc.record({ today: fc.array(typedArb, { minLength: 6, maxLength: 6 }), aim: fc.array(typedArb, { minLength: 6, maxLength: 6 }) });

/** The cell content typed. */
export function typedValue(t: Typed, names: string[]): string | number | null {
  if (t.kind === "name") return names[t.stage - 1];
  if (t.kind === "number") return t.value;
  if (t.kind === "junk") return t.text;
  return null;
}

/** The mark the engine sees. */
export function markOf(t: Typed): number | null {
  if (t.kind === "name") return t.stage;
  if (t.kind === "number") return t.value;
  return null;
}

/** Differences between the sheet's result cells (read with `get`) and assessMaturity. */
export function compareSheet(get: (a1: string) => CellValue, layout: MaturitySheetLayout, model: MaturityModel, tree: IndicatorTree, locale: Locale, marks: { today: Typed[]; aim: Typed[] }): string[] {
  const a = assessMaturity(model, layout.scenario, { today: marks.today.map(markOf), aim: marks.aim.map(markOf) }, tree);
  const s = model.scenarios.find((x) => x.key === layout.scenario);
  const name = (k: number | null): string => (k === null ? "" : (s?.stages[k - 1].name[locale] ?? ""));
  const blank = (v: number | null): number | string => (v === null ? "" : v);
  const names = new Map(allNodes(tree).map((n) => [n.node.code, n.node.name[locale]]));
  const L = MATURITY_LABELS[locale];
  const indicators = a.target === null ? "" : a.indicators.length === 0 ? L.none : a.indicators.map((c) => `${c} ${names.get(c) ?? L.notInTree}`).join(L.listSep);
  const want: [string, CellValue | number][] = [
    [layout.markedToday, a.markedToday],
    [layout.current, blank(a.current)],
    [layout.currentName, name(a.current)],
    [layout.spread, blank(a.spread)],
    [layout.peersAtOrBelow, a.peersAtOrBelow === null ? "" : a.peersAtOrBelow / 100],
    [layout.markedAim, a.markedAim],
    [layout.target, blank(a.target)],
    [layout.targetName, name(a.target)],
    [layout.peersAtOrAboveTarget, a.peersAtOrAboveTarget === null ? "" : a.peersAtOrAboveTarget / 100],
    [layout.platform, a.requirements?.platform[locale] ?? ""],
    [layout.team, a.requirements?.team[locale] ?? ""],
    [layout.indicators, indicators],
  ];
  const out: string[] = [];
  for (const [cell, expected] of want) {
    const got = get(cell);
    const same = typeof expected === "number" && typeof got === "number" ? Math.abs(got - expected) < 1e-9 : (got ?? "") === expected;
    if (!same) out.push(`${layout.sheet}!${cell}: sheet ${JSON.stringify(got)}, engine ${JSON.stringify(expected)}`);
  }
  return out;
}
