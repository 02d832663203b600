/**
 * The demo's recalculation: the in-memory host stores formulas but does not compute them, so after
 * (and before) every batch the computed cells the adapter reads back — the Results table, which
 * "freeze results" copies as values — are filled from the engine. The scorecard is read with the
 * adapter's own functions (readScorecard, then the snapshot readWorkbook returns, scored with
 * scoreCube), so the layout is never derived twice; only the Results formulas' meaning is
 * restated here, column kind by column kind. A workbook the adapter cannot read (no scorecard,
 * a sheet changed by hand) keeps the values it had, as a broken formula would show no new result.
 */
import { classify, probeWorkbook, ratingCells, readScorecard, type Scorecard } from "../excel/readBack";
import { Syncer } from "../excel/batch";
import { snapshotOf } from "../excel/port";
import { panelSnapshot } from "../excel/panel";
import { cell, labelsFor, type CellValue } from "../plan";
import type { WorkbookSnapshot } from "../port";
import type { MemoryExcel } from "./memoryExcel";
import { withAward } from "../excel/awardSnapshot";
import { awardLabelsFor } from "../plan/awardLabels";

/** Fills the Results table of the scorecard in `excel` from the engine, unrecorded. */
export async function recalculate(excel: MemoryExcel): Promise<void> {
  const read = await excel
    .quietly(() =>
      excel.run(async (context) => {
        const syncer = new Syncer(context);
        const state = await probeWorkbook(context, syncer);
        const card = await readScorecard(context, syncer, state, ["ratings", "weights", "results", "price"], { panel: true });
        return card?.grids.results ? { card, snapshot: withAward(card, card.panel ? panelSnapshot(card) : snapshotOf(card)) } : null;
      }),
    )
    .catch(() => null);
  if (!read) return;
  const { card } = read;
  const results = card.grids.results as NonNullable<Scorecard["grids"]["results"]>;
  const layout = card.plan.layout.results;
  resultsRows(card, read.snapshot).forEach((row, v) => excel.put(results.sheet, cell(layout.firstRow + v, 1), [row]));
}

/** Every vendor's Results row as its formulas compute it, from the snapshot's scores. */
export function resultsRows(card: Scorecard, snapshot: WorkbookSnapshot): CellValue[][] {
  const { model, plan } = card;
  const labels = labelsFor(model.options.locale);
  const leafCount = plan.layout.ratings.rows.filter((r) => r.leaf).length;
  const answered = answeredByRater(card);
  // The award columns (issue #11) as the snapshot decides them (src/excel/awardSnapshot.ts): the
  // minimums and bands on Weights, the Price sheet's settings and bids, as they stand.
  const A = awardLabelsFor(model.options.locale);
  const award = new Map((snapshot.award?.vendors ?? []).map((a) => [a.vendor, a]));
  const price = snapshot.award?.price;
  const status = { eligible: A.eligibleYes, failed: A.eligibleNo, unrated: A.eligibleUnrated, "no-bid": A.eligibleNoBid } as const;
  return model.vendors.map((vendor) => {
    const r = snapshot.scores.vendors.find((x) => x.vendor === vendor);
    const missing = r ? Object.values(r.leaves).filter((l) => l.status === "missing").length : leafCount;
    const requiredUnrated = r ? r.flags.filter((f) => f.kind === "required-unrated").length : 0;
    const flags = [
      requiredUnrated > 0 ? `${labels.flagRequired} (${requiredUnrated})` : "",
      requiredUnrated > 0 && missing > 0 ? "; " : "",
      missing > 0 ? `${labels.flagIncomplete} (${missing})` : "",
    ].join("");
    const a = award.get(vendor);
    const reasons = a ? [...a.gates.map((g) => g.reason[model.options.locale]), ...(price && !(a.bid !== null && a.bid > 0) ? [A.reasonNoBid] : [])].join("; ") : "";
    const completeness = (rater: string): number => (leafCount === 0 ? 1 : (answered.get(`${rater}\u0001${vendor}`) ?? 0) / leafCount);
    return plan.layout.results.columns.map((c): CellValue => {
      switch (c.kind) {
        case "vendor": return vendor;
        case "total": return r?.total ?? null;
        case "rank": return r?.rank ?? null;
        case "completeness": return leafCount === 0 ? 1 : (leafCount - missing) / leafCount;
        case "missing": return missing;
        case "requiredUnrated": return requiredUnrated;
        case "flags": return flags === "" ? null : flags;
        case "node": return r?.scores[c.code] ?? null;
        case "raters": return (model.raters ?? []).filter((rater) => completeness(rater) > 0).length;
        case "consensusWithoutReason": return snapshot.problems.filter((p) => p.kind === "consensus-without-reason" && p.vendor === vendor).length;
        case "raterCompleteness": return completeness(c.rater);
        case "eligible": return a ? status[a.status] : null;
        case "reasons": return reasons;
        case "grade": return a?.grade?.label[model.options.locale] ?? "";
        case "rankEligible": return a?.rank ?? "";
        case "bid": return a?.bid ?? "";
        case "priceScore": return a?.priceScore ?? "";
        case "overall": return a?.overall ?? "";
        case "lowBid": return a?.lowBid ? A.lowBidFlag : "";
      }
    });
  });
}

/** Per rater × vendor, the rating cells holding a number or N/A (what COUNT and COUNTIF "N/A" count). */
function answeredByRater(card: Scorecard): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of card.panel?.raters ?? []) {
    if (!r.grid) continue;
    for (const c of ratingCells(r.grid, card.plan.layout.ratings, card.model.tree)) {
      const k = classify(c.value).kind;
      if (k !== "rating" && k !== "out-of-range") continue;
      const key = `${r.rater}\u0001${c.vendor}`;
      out.set(key, (out.get(key) ?? 0) + 1);
    }
  }
  return out;
}
