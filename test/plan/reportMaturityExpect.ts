/** Shared by the HyperFormula and LibreOffice checks of the Report's maturity section: what its cells should read. */
import { assessMaturity, type MaturityModel } from "../../src/core/maturity";
import { allNodes } from "../../src/core/model/tree";
import type { IndicatorTree, Locale } from "../../src/core/model/types";
import { MATURITY_LABELS } from "../../src/plan/maturityLabels";
import { REPORT_LABELS } from "../../src/plan/reportLabels";

/** The Report's three cells for a scenario, as assessMaturity says they should read. */
export function expectedReport(m: MaturityModel, t: IndicatorTree, scenario: string, marks: { today: (number | null)[]; aim: (number | null)[] }, locale: Locale): { current: string; target: string; indicators: string } {
  const a = assessMaturity(m, scenario, marks, t);
  const R = REPORT_LABELS[locale];
  const L = MATURITY_LABELS[locale];
  const s = m.scenarios.find((x) => x.key === scenario);
  const stage = (k: number | null): string => (k === null ? R.notMarked : `${R.stageBefore}${k}${R.stageBetween}${s?.stages[k - 1].name[locale] ?? ""}`);
  const names = new Map(allNodes(t).map((n) => [n.node.code, n.node.name[locale]]));
  const indicators = a.target === null ? R.notMarked : a.indicators.length === 0 ? L.none : a.indicators.map((c) => `${c} ${names.get(c) ?? L.notInTree}`).join(L.listSep);
  return { current: stage(a.current), target: stage(a.target), indicators };
}

