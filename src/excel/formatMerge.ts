/**
 * Fewer format calls for the same result, pure. A sheet's formats name many small ranges (a row
 * per indicator); Office.js sends each call in the request, and borders cost four property sets
 * per edge. Two exact rewrites:
 *  - the ranges of one FormatPlan become the fewest rectangles a row scan finds for the cells they
 *    cover: one format over the same cells;
 *  - when every bordered style of the sheet has the same colour, the borders are drawn once over
 *    the cells of all bordered ranges (merged the same way): a thin border on every edge of every
 *    cell is the same whichever rectangles it was drawn by.
 */
import type { CellStyle, FormatPlan, StyleKey } from "../plan";
import { parseRect, rect } from "../plan";

interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

const CELL_RECT = /^[A-Z]{1,3}[1-9]\d*(?::[A-Z]{1,3}[1-9]\d*)?$/;

/** Largest bounding box (cells) rasterised; beyond it the ranges are kept as they are. */
const MAX_CELLS = 2_000_000;

/**
 * The cells covered by the ranges, as few rectangles as a row scan finds: runs of covered
 * columns per row, a run extended downwards while the next row has the same run; the ranges as
 * given when that is not fewer. Null when an address is not a cell rectangle.
 */
export function mergeRanges(addresses: string[]): string[] | null {
  if (addresses.some((a) => !CELL_RECT.test(a))) return null;
  if (addresses.length < 2) return addresses;
  const rects: Rect[] = addresses.map((a) => parseRect(a));
  const top = Math.min(...rects.map((r) => r.r1));
  const left = Math.min(...rects.map((r) => r.c1));
  const height = Math.max(...rects.map((r) => r.r2)) - top + 1;
  const width = Math.max(...rects.map((r) => r.c2)) - left + 1;
  if (height * width > MAX_CELLS) return addresses;
  const covered = new Uint8Array(height * width);
  for (const r of rects) {
    for (let y = r.r1 - top; y <= r.r2 - top; y++) covered.fill(1, y * width + r.c1 - left, y * width + r.c2 - left + 1);
  }
  const done: Rect[] = [];
  let open = new Map<string, Rect>();
  for (let y = 0; y < height; y++) {
    const next = new Map<string, Rect>();
    for (let x = 0; x < width; ) {
      if (!covered[y * width + x]) {
        x++;
        continue;
      }
      let end = x;
      while (end + 1 < width && covered[y * width + end + 1]) end++;
      const key = `${x}:${end}`;
      const run = open.get(key);
      if (run) {
        run.r2 = top + y;
        open.delete(key);
        next.set(key, run);
      } else next.set(key, { r1: top + y, c1: left + x, r2: top + y, c2: left + end });
      x = end + 1;
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  // A row scan can cut shapes into more pieces than they came in (two offset columns: three).
  return done.length <= addresses.length ? done.map((r) => rect(r.r1, r.c1, r.r2, r.c2)) : addresses;
}

export interface SheetFormats {
  /** Rectangles to draw thin borders on, in one colour; null = each style draws its own. */
  borders: { color: string; ranges: string[] } | null;
  /** The formats, ranges merged; `noBorder` when `borders` covers them. */
  formats: (FormatPlan & { noBorder: boolean })[];
}

export function sheetFormats(formats: FormatPlan[], styles: Record<StyleKey, CellStyle>): SheetFormats {
  const merged = formats.map((f) => ({ ...f, ranges: mergeRanges(f.ranges) ?? f.ranges }));
  const bordered = merged.filter((f) => f.style !== undefined && styles[f.style].border !== undefined);
  const colors = new Set(bordered.map((f) => styles[f.style as StyleKey].border));
  const union = colors.size === 1 ? mergeRanges(bordered.flatMap((f) => f.ranges)) : null;
  if (union === null) return { borders: null, formats: merged.map((f) => ({ ...f, noBorder: false })) };
  return {
    borders: { color: [...colors][0] as string, ranges: union },
    formats: merged.map((f) => ({ ...f, noBorder: true })),
  };
}
