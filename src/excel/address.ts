import { parseRect } from "../plan";
import type { CellValue, RangeRef } from "../plan";

/** Rows × columns of an A1 rectangle ("B4", "B4:F20"). */
export function dims(address: string): { rows: number; cols: number } {
  const r = parseRect(address);
  return { rows: r.r2 - r.r1 + 1, cols: r.c2 - r.c1 + 1 };
}

export function fill<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(cols).fill(value));
}

/** "'Results'!$H$5:$L$5" → { sheet: "Results", address: "H5:L5" }. */
export function parseRangeRef(ref: RangeRef): { sheet: string; address: string } {
  const m = /^'((?:[^']|'')+)'!(.+)$/.exec(ref) ?? /^([^'!]+)!(.+)$/.exec(ref);
  if (!m) throw new Error(`not a sheet-qualified range: ${ref}`);
  return { sheet: m[1].replace(/''/g, "'"), address: m[2].replace(/\$/g, "") };
}

/** The A1 part of an address as Excel returns it ("'My sheet'!B2:D9" → "B2:D9"). */
export function localAddress(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
}

/** Values read from a range that starts at (top, left), addressed by 1-based sheet row/column. */
export class Grid {
  constructor(
    readonly top: number,
    readonly left: number,
    readonly values: CellValue[][],
  ) {}

  static fromRange(address: string, values: CellValue[][]): Grid {
    const r = parseRect(localAddress(address));
    return new Grid(r.r1, r.c1, values);
  }

  static empty(): Grid {
    return new Grid(1, 1, []);
  }

  /** The cell's value; empty cells (Excel reads them as "") are null. */
  get(row: number, col: number): CellValue {
    const v = this.values[row - this.top]?.[col - this.left];
    return v === undefined || v === "" ? null : v;
  }

  /** The rectangle r1..r2 × c1..c2 padded with null. */
  rect(r1: number, c1: number, r2: number, c2: number): CellValue[][] {
    const out: CellValue[][] = [];
    for (let r = r1; r <= r2; r++) {
      const row: CellValue[] = [];
      for (let c = c1; c <= c2; c++) row.push(this.get(r, c));
      out.push(row);
    }
    return out;
  }
}

/** A cell's text for messages and comparisons. */
export function text(v: CellValue): string {
  return v === null ? "" : String(v).trim();
}
