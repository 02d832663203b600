/**
 * The Pairwise sheet's judgements carried into a rebuilt workbook (a re-create, an import that
 * adds vendors): read from the grid readScorecard loads for the "pairwise" role, by rater, group
 * and pair, as typed (text stays text), so nothing typed there is lost.
 */
import type { IndicatorTree } from "../core/model/types";
import { parseCell, type CellValue, type PairwiseInput, type PairwiseValue } from "../plan";
import { checkPairwise, PAIRWISE } from "../plan/pairwiseSheet";
import { text } from "./address";
import { layoutChanged, pairwiseJudgementsDropped } from "./errors";
import { PAIRWISE_LABELS } from "../plan/pairwiseLabels";
import { findByCode } from "../core/model/tree";
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
  return judgementCells(card).map((j) => j.value);
}

/** pairwiseValues with each one's cell (A1 on the Pairwise sheet). */
function judgementCells(card: Scorecard): { value: PairwiseValue; address: string }[] {
  const layout = card.plan.layout.pairwise;
  const g = card.grids.pairwise;
  if (!layout || !g) return [];
  checkPairwiseLayout(card);
  const out: { value: PairwiseValue; address: string }[] = [];
  for (const group of layout.groups) {
    for (const block of group.blocks) {
      if (block.kind !== "rater") continue;
      for (const p of block.pairs) {
        const { row, col } = parseCell(p.input);
        const typed = typedOf(g.grid.get(row, col));
        if (typed !== null) out.push({ value: { parent: group.parent, a: p.a, b: p.b, value: typed, ...(block.rater !== undefined ? { rater: block.rater } : {}) }, address: p.input });
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

/** The codes a group compares in `tree` (its parent's children, or the dimensions); null when the parent is gone. */
function membersOf(tree: IndicatorTree, parent: string | null): Set<string> | null {
  if (parent === null) return new Set(tree.roots.map((r) => r.code));
  const found = findByCode(tree, parent);
  return found ? new Set(found.node.children.map((c) => c.code)) : null;
}

/**
 * The Pairwise input of a rebuilt workbook: the groups asked for (`requested`), else the old
 * workbook's groups that still fit the new tree; the judgements typed in the old sheet go with
 * them (by rater, group and pair). A judgement the new sheet has no cell for — its group left
 * out or no longer 2–10, one of its two criteria gone, or its rater's block gone — is never dropped silently: the
 * rebuild is refused (pairwiseJudgementsDropped, naming the group and the first such cell).
 */
export function pairwiseCarry(old: Scorecard | null, tree: IndicatorTree, requested?: { groups: (string | null)[] }, raters: string[] = []): PairwiseInput | undefined {
  const groups = requested ? requested.groups : (old?.model.pairwise?.groups ?? []).filter((p) => groupFits(tree, p));
  const members = new Map(groups.map((p) => [p ?? "", membersOf(tree, p)]));
  const cells = old ? judgementCells(old) : [];
  // A panel has a block per rater; one rater (or none) the single block.
  const blocks = new Set(raters.length >= 2 ? raters : [""]);
  const lost = cells.filter(({ value: v }) => {
    const m = members.get(v.parent ?? "");
    return !m || !m.has(v.a) || !m.has(v.b) || !blocks.has(v.rater ?? "");
  });
  if (old && lost.length > 0) {
    const parent = lost[0].value.parent;
    const group = parent ?? PAIRWISE_LABELS[old.model.options.locale].topLevel;
    const sheet = old.grids.pairwise?.sheet ?? old.plan.layout.pairwise?.sheet ?? "Pairwise";
    throw pairwiseJudgementsDropped(sheet, lost[0].address, group, lost.filter((l) => l.value.parent === parent).length);
  }
  if (groups.length === 0) return undefined;
  const values = cells.map((c) => c.value);
  return { groups, ...(values.length > 0 ? { values } : {}) };
}

