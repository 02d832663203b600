import { needsTextGuard, parseRect, rect, type CellBlock, type CellValue } from "../plan";
import { CHUNK_BYTES, jsonSize } from "./batch";

/** Splits a block by rows into pieces of at most ~maxBytes of JSON each (one row at least). */
export function chunkBlock(block: CellBlock, maxBytes = CHUNK_BYTES): CellBlock[] {
  const total = jsonSize(block.cells);
  if (total <= maxBytes) return [block];
  const { r1, c1, c2 } = parseRect(block.address);
  const out: CellBlock[] = [];
  let start = 0;
  let size = 0;
  block.cells.forEach((row, i) => {
    const rowBytes = jsonSize(row) + 1;
    if (i > start && size + rowBytes > maxBytes) {
      out.push({ kind: block.kind, address: rect(r1 + start, c1, r1 + i - 1, c2), cells: block.cells.slice(start, i) });
      start = i;
      size = 0;
    }
    size += rowBytes;
  });
  out.push({ kind: block.kind, address: rect(r1 + start, c1, r1 + block.cells.length - 1, c2), cells: block.cells.slice(start) });
  return out;
}

/** Text that Excel would turn into a formula, number, date or boolean if written as a value. */
function guarded(v: CellValue, kind: CellBlock["kind"]): boolean {
  if (typeof v !== "string") return false;
  if (kind === "formulas" && v.startsWith("=")) return false;
  return needsTextGuard(v);
}

/** "@" for cells that must stay text, "General" elsewhere; null when no cell needs it. */
export function textGuardFormats(block: CellBlock): string[][] | null {
  if (!block.cells.some((row) => row.some((v) => guarded(v, block.kind)))) return null;
  return block.cells.map((row) => row.map((v) => (guarded(v, block.kind) ? "@" : "General")));
}

/** Excel clears a cell written with "": null (leave empty) becomes "". */
function cellsOut(block: CellBlock): (string | number | boolean)[][] {
  return block.cells.map((row) => row.map((v) => (v === null ? "" : v)));
}

/**
 * Writes one block: the text format first where a string must stay text, then the cells —
 * formulas through `range.formulas` (English names, comma separators), never `formulasLocal`.
 */
export function writeBlock(range: Excel.Range, block: CellBlock, guard: string[][] | null): void {
  if (guard) range.numberFormat = guard;
  if (block.kind === "formulas") range.formulas = cellsOut(block);
  else range.values = cellsOut(block);
}
