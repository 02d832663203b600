/**
 * The Pairwise sheet's judgements carried into a rebuilt workbook (a re-create, an import that
 * adds vendors): read from the grid readScorecard loads for the "pairwise" role, by rater, group
 * and pair, as typed (text stays text), so nothing typed there is lost.
 */
import type { IndicatorTree } from "../core/model/types";
import { parseCell, type CellValue, type PairwiseInput, type PairwiseValue } from "../plan";
import { checkPairwise, PAIRWISE } from "../plan/pairwiseSheet";
import { text } from "./address";
import { layoutChanged } from "./errors";
import type { Scorecard } from "./readBack";

/** Throws when the Pairwise sheet's code headers are not where the layout says. */
export function checkPairwiseLayout(card: Scorecard): void {
  const layout = card.plan.layout.pairwise;
  const g = card.grids.pairwise;
  if (!layout || !g) return;
  for (const group of layout.groups) {
    for (const block of group.blocks) {
      group.codes.forEach((code, j) => {
        const found = text(g.grid.get(block.top + 1, PAIRWISE.matrix + j));
        if (found !== code) throw layoutChanged(g.sheet, `${colName(PAIRWISE.matrix + j)}${block.top + 1}`, code, found);
      });
    }
  }
}

function colName(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export function typedOf(v: CellValue): string | number | null {
  if (v === null || typeof v === "boolean") return v === null ? null : String(v);
  if (typeof v === "string" && v.trim() === "") return null;
  return v;
}

/** Every non-blank judgement cell of the Pairwise sheet as typed (text stays text), per rater block. */
export function pairwiseValues(card: Scorecard): PairwiseValue[] {
  const layout = card.plan.layout.pairwise;
  const g = card.grids.pairwise;
  if (!layout || !g) return [];
  checkPairwiseLayout(card);
  const out: PairwiseValue[] = [];
  for (const group of layout.groups) {
    for (const block of group.blocks) {
      if (block.kind !== "rater") continue;
      for (const p of block.pairs) {
        const { row, col } = parseCell(p.input);
        const typed = typedOf(g.grid.get(row, col));
        if (typed !== null) out.push({ parent: group.parent, a: p.a, b: p.b, value: typed, ...(block.rater !== undefined ? { rater: block.rater } : {}) });
      }
    }
  }
  return out;
}

/** True when the group can still be compared in `tree` (its parent exists and has 2–10 children). */
function groupFits(tree: IndicatorTree, parent: string | null): boolean {
  try {
    checkPairwise(tree, { groups: [parent] });
    return true;
  } catch {
    return false;
  }
}

/**
 * The Pairwise input of a rebuilt workbook: the groups asked for (`requested`), else the old
 * workbook's groups that still fit the new tree; the judgements typed in the old sheet go with
 * them (by rater, group and pair: pairs whose criteria remain keep their judgement).
 */
export function pairwiseCarry(old: Scorecard | null, tree: IndicatorTree, requested?: { groups: (string | null)[] }): PairwiseInput | undefined {
  const groups = requested ? requested.groups : (old?.model.pairwise?.groups ?? []).filter((p) => groupFits(tree, p));
  if (groups.length === 0) return undefined;
  const keep = new Set(groups.map((p) => p ?? ""));
  const values = old ? pairwiseValues(old).filter((v) => keep.has(v.parent ?? "")) : [];
  return { groups, ...(values.length > 0 ? { values } : {}) };
}

