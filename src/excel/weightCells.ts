/**
 * Weight cells of the Weights sheet, for "Use these weights" (./pairwise.ts) and its undo
 * (./importRatings.ts undoImport on an Import log entry of kind "weights": the block's vendor
 * column holds the Weights sheet's name, its codes the group's members).
 */
import { parseCell, type CellBlock, type CellValue, type WeightsLayout } from "../plan";
import type { Grid } from "./address";
import { ScorecardError } from "./errors";

/** The weight cell of `code` (1-based row and column, and its A1 address). */
export function weightCellOf(layout: WeightsLayout, code: string): { row: number; col: number; address: string } {
  const row = layout.rows.find((r) => r.code === code)?.row;
  if (row === undefined) throw new ScorecardError("ScorecardGroupNotFound", `The Weights sheet has no row for "${code}".`);
  const col = parseCell(`${layout.weightColumn}1`).col;
  return { row, col, address: `${layout.weightColumn}${row}` };
}

/** Weight cells by code (the root row, code "", left out). */
export function weightCells(grid: Grid, layout: WeightsLayout): Map<string, { address: string; value: CellValue }> {
  const out = new Map<string, { address: string; value: CellValue }>();
  for (const r of layout.rows) {
    if (r.code === "") continue;
    const at = weightCellOf(layout, r.code);
    out.set(r.code, { address: at.address, value: grid.get(at.row, at.col) });
  }
  return out;
}

/** The cell holds the number `written` (to 1e-9; a numeric text counts). */
export function sameWeight(cell: CellValue, written: number | "NA"): boolean {
  if (written === "NA") return false;
  const n = typeof cell === "number" ? cell : typeof cell === "string" && cell.trim() !== "" ? Number(cell) : NaN;
  return Math.abs(n - written) <= 1e-9 * Math.max(1, Math.abs(written));
}

/** Single-cell blocks on the Weights sheet (a group has at most 10). */
export function weightBlocks(writes: { address: string; value: CellValue }[], kind: "values" | "formulas" = "values"): CellBlock[] {
  return writes.map((w) => ({ address: w.address, kind, cells: [[w.value]] }));
}
