import { parseRect, rect } from "./a1";
import type { CellBlock, CellValue } from "./types";

/** A formula cell in a mixed grid. */
export interface Formula {
  f: string;
}
export type GridCell = CellValue | Formula;

function isFormula(c: GridCell): c is Formula {
  return typeof c === "object" && c !== null;
}

/**
 * Splits a small mixed grid into non-overlapping rectangular blocks: per row, runs of literal text
 * ("values") and of formulas ("formulas"); numbers and blanks join whichever run they are in.
 */
export function gridBlocks(grid: GridCell[][], top: number, left: number): CellBlock[] {
  const out: CellBlock[] = [];
  grid.forEach((row, r) => {
    let start = 0;
    let kind: CellBlock["kind"] | null = null;
    const flush = (end: number): void => {
      if (end <= start) return;
      const cells = [row.slice(start, end).map((c) => (isFormula(c) ? c.f : c))];
      out.push({ address: rect(top + r, left + start, top + r, left + end - 1), kind: kind ?? "values", cells });
    };
    row.forEach((c, i) => {
      const k: CellBlock["kind"] | null = isFormula(c) ? "formulas" : typeof c === "string" ? "values" : null;
      if (k !== null && kind !== null && k !== kind) {
        flush(i);
        start = i;
      }
      if (k !== null) kind = k;
    });
    flush(row.length);
  });
  return out;
}

/** One block for a rectangle whose cells are all of one kind. Empty rectangles give no block. */
export function block(top: number, left: number, kind: CellBlock["kind"], cells: CellValue[][]): CellBlock[] {
  if (cells.length === 0 || cells[0].length === 0) return [];
  return [{ address: rect(top, left, top + cells.length - 1, left + cells[0].length - 1), kind, cells }];
}

/**
 * Splits a block into row bands of at most `maxCells` cells (at least one row each), for adapters
 * that must keep each request small (Excel on the web refuses payloads over 5 MB).
 */
export function splitBlock(b: CellBlock, maxCells: number): CellBlock[] {
  const width = b.cells[0]?.length ?? 0;
  const rowsPer = Math.max(1, Math.floor(maxCells / Math.max(width, 1)));
  if (b.cells.length <= rowsPer) return [b];
  const { r1, c1, c2 } = parseRect(b.address);
  const out: CellBlock[] = [];
  for (let i = 0; i < b.cells.length; i += rowsPer) {
    const cells = b.cells.slice(i, i + rowsPer);
    out.push({ address: rect(r1 + i, c1, r1 + i + cells.length - 1, c2), kind: b.kind, cells });
  }
  return out;
}

/** Cells set one by one in any order, turned into row blocks at the end (split at gaps, so no block spans empty cells). */
export class SparseCells {
  private rows = new Map<number, Map<number, GridCell>>();

  set(row: number, col: number, v: GridCell): void {
    let r = this.rows.get(row);
    if (!r) this.rows.set(row, (r = new Map()));
    r.set(col, v);
  }

  f(row: number, col: number, formula: string): void {
    this.set(row, col, { f: formula });
  }

  get(row: number, col: number): GridCell | undefined {
    return this.rows.get(row)?.get(col);
  }

  blocks(): CellBlock[] {
    const out: CellBlock[] = [];
    for (const [row, cols] of [...this.rows.entries()].sort((x, y) => x[0] - y[0])) {
      const sorted = [...cols.keys()].sort((x, y) => x - y);
      let start = 0;
      for (let i = 1; i <= sorted.length; i++) {
        if (i === sorted.length || sorted[i] !== sorted[i - 1] + 1) {
          out.push(...gridBlocks([sorted.slice(start, i).map((c) => cols.get(c) as GridCell)], row, sorted[start]));
          start = i;
        }
      }
    }
    return out;
  }
}
