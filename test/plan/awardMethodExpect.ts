/**
 * Shared by the HyperFormula and LibreOffice checks of the Method sheet's award section: the lines
 * it must state for a tree (its minimums), price settings and grade bands, and the lines a
 * recalculated workbook states (column A from the section's heading down).
 */
import { DEFAULT_BANDS, gatesOf, type GradeBand, type PriceSettings } from "../../src/core/award";
import type { Locale } from "../../src/core/model/types";
import type { IndicatorTree } from "../../src/core/model";
import { awardLabelsFor } from "../../src/plan/awardLabels";
import { parseRect } from "../../src/plan/a1";
import type { CellValue, WorkbookPlan } from "../../src/plan";
import type { Getter } from "./compare";

/** A number as the Method sheet states it (at most 6 decimals, no trailing zeros). */
const fig = (x: number): string => String(Number(x.toFixed(6)));

/** What the award section must say, line by line (the minimums' print note aside). */
export function expectedMethodLines(tree: IndicatorTree, price: PriceSettings | undefined, locale: Locale, bands: readonly GradeBand[] = DEFAULT_BANDS): string[] {
  const A = awardLabelsFor(locale);
  const gates = gatesOf(tree);
  // The total's minimum first, then the nodes in tree order.
  const ordered = [...gates.filter((g) => g.node === null), ...gates.filter((g) => g.node !== null)];
  const list = ordered.map((g) => `${g.node ? `${g.code} ${g.node.name[locale]}` : A.total} ≥ ${fig(g.minimum)}`).join("; ");
  const lines = [A.methodHeading, gates.length === 0 ? A.methodMinimumsNone : `${A.methodMinimums}${locale === "zh-CN" ? "" : " "}${list}`, A.methodMinimumsRule];
  if (!price) lines.push(A.methodPriceNone);
  else {
    lines.push(
      A.methodPrice.replace("{weight}", fig(price.weight)),
      price.method === "linear" ? A.methodPriceLinear : A.methodPriceLowest,
      A.methodLowBid.replace("{t}", fig(price.lowBidThreshold)),
      price.weight < 10 ? A.guidanceServices : price.weight < 30 ? A.guidanceGoods : "",
    );
  }
  lines.push(A.methodBands, ...bands.map((b) => `  ${b.label[locale]} ≥ ${fig(b.min)}`), A.methodRank);
  return lines;
}

/** The Method sheet's award section as a recalculated workbook shows it (column A), and the note beside the minimums. */
export function methodLines(plan: WorkbookPlan, get: Getter): { lines: CellValue[]; note: CellValue; minimumsCell: string } {
  const A = awardLabelsFor(plan.locale);
  const method = plan.sheets.find((s) => s.key === "method");
  if (!method) throw new Error("no Method sheet");
  const heading = method.blocks.find((b) => b.cells[0][0] === A.methodHeading);
  if (!heading) throw new Error("no award section on Method");
  const top = parseRect(heading.address).r1;
  const rank = method.blocks.find((b) => b.cells[0][0] === A.methodRank);
  const last = rank ? parseRect(rank.address).r1 : top;
  const lines: CellValue[] = [];
  for (let r = top; r <= last; r++) lines.push(get(method.name, `A${r}`) ?? "");
  return { lines, note: get(method.name, `B${top + 1}`) ?? "", minimumsCell: `A${top + 1}` };
}
