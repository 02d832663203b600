/**
 * The award decision of a snapshot (issue #11), decided with src/core/award from what the adapter
 * read: the minimums on Weights, the grade bands of its table (the stored ones when the typed table
 * does not cover 0–100), the Price sheet's settings and bids, and the snapshot's scores (a panel's
 * consolidated ones). Each failed or unrated gate, and each vendor without a bid, becomes a problem
 * linking to its cell: a leaf's rating cell (single rater), otherwise the vendor's Results cell of
 * that node (the total for the total's minimum, Reasons when the node has no column).
 */
import { bandProblems, checkBands, DEFAULT_BANDS, evaluateAward, oneDecimal } from "../core/award";
import { walk } from "../core/model/tree";
import { cell } from "../plan";
import type { WorkbookProblem, WorkbookSnapshot } from "../port";
import type { SnapshotAward } from "../port/award";
import { readBands, readPrice, treeWithMinimums } from "./awardCarry";
import type { Scorecard } from "./readBack";

export function withAward(card: Scorecard, snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const { plan, model } = card;
  const layoutAward = plan.layout.award;
  const w = card.grids.weights;
  if (!layoutAward || !w) return snapshot;
  const tree = treeWithMinimums(snapshot.tree, w.grid, plan.layout.weights, layoutAward);
  const typed = readBands(card);
  const bands = checkBands(typed && bandProblems(typed.bands).length === 0 ? typed.bands : (model.award?.bands ?? DEFAULT_BANDS));
  const price = readPrice(card);
  const settings = { bands, ...(price ? { price: price.settings } : model.award?.price ? { price: model.award.price } : {}) };
  const result = evaluateAward(tree, snapshot.scores, { settings, ...(price ? { bids: price.bids } : {}) });
  const award: SnapshotAward = { vendors: result.vendors, bands, lowest: result.lowest, highest: result.highest, priceGuidance: result.priceGuidance, ...(settings.price ? { price: settings.price } : {}) };

  const leaves = new Set<string>();
  walk(tree, ({ node }) => void (node.children.length === 0 && leaves.add(node.code)));
  const R = plan.layout.ratings;
  const X = plan.layout.results;
  const ratingsSheet = card.grids.ratings?.sheet ?? plan.layout.sheetNames.ratings;
  const resultsSheet = plan.layout.sheetNames.results ?? "";
  const colOf = (pick: (c: (typeof X.columns)[number]) => boolean): number => X.columns.findIndex(pick) + 1;
  const reasonsCol = colOf((c) => c.kind === "reasons");
  const at = (vendor: string, code: string): { sheet: string; address: string } => {
    const v = model.vendors.indexOf(vendor);
    const row = R.rows.find((r) => r.code === code);
    if (!card.panel && ratingsSheet && leaves.has(code) && row && v >= 0) return { sheet: ratingsSheet, address: cell(row.row, R.firstCol + v) };
    const col = code === "" ? colOf((c) => c.kind === "total") : colOf((c) => c.kind === "node" && c.code === code);
    return { sheet: resultsSheet, address: cell(X.firstRow + Math.max(v, 0), col > 0 ? col : reasonsCol) };
  };
  const problems: WorkbookProblem[] = [];
  for (const a of result.vendors) {
    for (const g of a.gates) {
      problems.push({
        kind: g.kind === "below" ? "gate-failed" : "gate-unrated", ...at(a.vendor, g.code), vendor: a.vendor, code: g.code === "" ? null : g.code, minimum: g.minimum,
        ...(g.value !== null ? { value: oneDecimal(g.value) } : {}),
      });
    }
    if (a.status === "no-bid" && price) {
      const typedBid = price.typed[a.vendor];
      problems.push({ kind: typedBid === null || typeof typedBid === "number" ? "no-bid" : "bid-not-a-number", sheet: price.sheet, address: price.addresses[a.vendor], vendor: a.vendor, ...(typedBid !== null ? { value: String(typedBid) } : {}) });
    }
  }
  return { ...snapshot, tree, problems: [...snapshot.problems, ...problems], award };
}
