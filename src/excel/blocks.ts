import { needsTextGuard, parseRect, rect, type CellBlock, type CellValue } from "../plan";
import { CHUNK_BYTES, estimate, jsonSize, type OpList } from "./batch";
import { partitionBlock, type Fill } from "./formulaFill";

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

/**
 * Writes one fill: a single R1C1 formula for the whole rectangle. Office.js applies a single
 * value (not a 2-D array) set on a multi-cell range's `values`, `formulas` or `formulasR1C1` to
 * every cell of the range (the Range reference: "If the argument is a single value, it will be
 * applied to all cells in the range"; the core-concepts article's "Update all cells in a range"
 * sample); in R1C1 the formula is the same text for every cell of a fill. The typings only
 * declare `any[][]`, hence the cast. `formulasR1C1` is ExcelApi 1.2.
 */
export function writeFill(range: Excel.Range, fill: Fill): void {
  (range as unknown as { formulasR1C1: string }).formulasR1C1 = fill.r1c1;
}

/** Queues the writes of one block: A1 cells in chunks, with their text guard where needed. */
function cellOps(block: CellBlock, range: (address: string) => Excel.Range, out: OpList): void {
  for (const piece of chunkBlock(block)) {
    const guard = textGuardFormats(piece);
    out.push(estimate(guard ? 3 : 2, [piece.address, piece.cells]) + (guard ? jsonSize(guard) : 0), () => writeBlock(range(piece.address), piece, guard));
  }
}

/**
 * Queues a block's writes. With `fills` (ExcelApi 1.2), every rectangle of a formulas block that
 * holds one R1C1 formula (checked cell by cell, see formulaFill.ts) is one `formulasR1C1` write;
 * the other cells follow as A1 blocks — after the fills, since a fill may run over blank cells
 * that those blocks then write empty.
 */
export function blockOps(block: CellBlock, range: (address: string) => Excel.Range, out: OpList, fills: boolean): void {
  if (!fills || block.kind !== "formulas") {
    cellOps(block, range, out);
    return;
  }
  const parts = partitionBlock(block);
  for (const fill of parts.fills) out.push(estimate(2, [fill.address, fill.r1c1]), () => writeFill(range(fill.address), fill));
  for (const rest of parts.rest) cellOps(rest, range, out);
}
