/** Shared by the HyperFormula and LibreOffice checks of the award decision: Results' award columns versus evaluateAward. */
import { evaluateAward, type AwardSettings } from "../../src/core/award";
import { score, type Aggregation, type MissingPolicy, type Rating } from "../../src/core/engine";
import type { IndicatorTree } from "../../src/core/model";
import { awardLabelsFor } from "../../src/plan/awardLabels";
import { cell } from "../../src/plan/a1";
import type { CellValue, RatingsGrid, WorkbookPlan } from "../../src/plan";
import { ratingsList, type Getter } from "./compare";

/** Every mismatch between the workbook's award columns and the core's decision (figures to 1e-9, the rest exactly). */
export function compareAward(
  plan: WorkbookPlan, tree: IndicatorTree, grid: RatingsGrid | Rating[], missing: MissingPolicy,
  bids: Record<string, number | null>, settings: AwardSettings | undefined, get: Getter, aggregate?: Aggregation,
): string[] {
  const locale = plan.locale;
  const A = awardLabelsFor(locale);
  const res = score(tree, Array.isArray(grid) ? grid : ratingsList(grid), { missing, aggregate, vendors: plan.model.vendors });
  const award = evaluateAward(tree, res, { bids, settings });
  const sheet = plan.layout.sheetNames.results as string;
  const { firstRow, columns } = plan.layout.results;
  const col = (kind: string): number => columns.findIndex((c) => c.kind === kind) + 1;
  const out: string[] = [];
  const num = (v: CellValue | undefined): number | null => (typeof v === "number" ? v : v === "" || v === null || v === undefined ? null : NaN);
  award.vendors.forEach((v, i) => {
    const at = (kind: string): CellValue | undefined => get(sheet, cell(firstRow + i, col(kind)));
    const status = { eligible: A.eligibleYes, failed: A.eligibleNo, unrated: A.eligibleUnrated, "no-bid": A.eligibleNoBid }[v.status];
    // The gates' reasons, then "no bid" whenever price counts and the vendor has no bid above 0.
    const reasons = [...v.gates.map((g) => g.reason[locale]), ...(settings?.price && !(v.bid !== null && v.bid > 0) ? [A.reasonNoBid] : [])].join("; ");
    const same = (label: string, got: CellValue | undefined, want: CellValue): void => {
      if ((got ?? "") !== (want ?? "")) out.push(`${v.vendor} ${label}: ${String(got)} vs ${String(want)}`);
    };
    const close = (label: string, got: CellValue | undefined, want: number | null): void => {
      const g = num(got);
      if (want === null ? g !== null : g === null || !(Math.abs(g - want) <= 1e-9)) out.push(`${v.vendor} ${label}: ${String(got)} vs ${String(want)}`);
    };
    same("eligible", at("eligible"), status);
    same("reasons", at("reasons"), reasons);
    same("grade", at("grade"), v.grade ? v.grade.label[locale] : "");
    close("rank", at("rankEligible"), v.rank);
    if (settings?.price) {
      close("price score", at("priceScore"), v.priceScore);
      close("overall", at("overall"), v.overall);
      same("low bid", at("lowBid"), v.lowBid ? A.lowBidFlag : "");
    }
  });
  return out;
}
