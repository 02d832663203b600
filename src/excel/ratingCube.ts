/** The scoring cube that a scan of rating sheets fills as it classifies each cell. Pure. */
import { CUBE_NA, type RatingCube, type RatingValue } from "../core/engine";
import type { RatingsLayout } from "../plan";

/**
 * A RatingCube over a ratings layout: its vendors, its leaf codes and `raters` rater slots. Cells
 * are numbered as ratingCells returns them: cell = vendor × leaf rows + leaf row. A code on several
 * leaf rows (a duplicate code, which validation reports) gets one slot per row for each rater, so
 * every row's rating counts, as score() counts duplicate ratings.
 */
export class CubeFill {
  private readonly vendors: string[];
  private readonly codes: string[];
  private readonly raters: string[];
  private readonly values: Float64Array;
  /** Leaf rows. */
  private readonly rows: number;
  /** Per leaf row: its code (index into codes) and which occurrence of that code it is. */
  private readonly codeOf: Int32Array;
  private readonly copyOf: Int32Array;
  /** Slots per rater: the most leaf rows a code has. */
  private readonly copies: number;
  private readonly leafCodes: string[];

  constructor(layout: RatingsLayout, raters: string[]) {
    this.leafCodes = layout.rows.filter((r) => r.leaf).map((r) => r.code);
    const index = new Map<string, number>();
    const seen: number[] = [];
    this.codeOf = new Int32Array(this.leafCodes.length);
    this.copyOf = new Int32Array(this.leafCodes.length);
    let copies = 1;
    this.leafCodes.forEach((code, j) => {
      let k = index.get(code);
      if (k === undefined) index.set(code, (k = seen.push(0) - 1));
      this.codeOf[j] = k;
      this.copyOf[j] = seen[k]++;
      copies = Math.max(copies, seen[k]);
    });
    this.copies = copies;
    this.codes = [...index.keys()];
    this.vendors = [...layout.vendors];
    this.rows = this.leafCodes.length;
    this.raters = raters.flatMap((r) => new Array<string>(this.copies).fill(r));
    this.values = new Float64Array(this.vendors.length * this.codes.length * this.raters.length).fill(NaN);
  }

  /** Offset of the (vendor, code) run of rater slots of a cell. */
  private runOf(cell: number): number {
    const v = Math.floor(cell / this.rows);
    return (v * this.codes.length + this.codeOf[cell - v * this.rows]) * this.raters.length;
  }

  /** Cell `cell` rated by rater slot `rater` ("NA" = not applicable). */
  set(cell: number, rater: number, value: RatingValue): void {
    const at = this.runOf(cell) + rater * this.copies + this.copyOf[cell % this.rows];
    this.values[at] = value === "NA" ? CUBE_NA : value;
  }

  /** Blanks raters 0 … count − 1 on every row of the cell's vendor and code. */
  clear(cell: number, count: number): void {
    const at = this.runOf(cell);
    this.values.fill(NaN, at, at + count * this.copies);
  }

  /** True when `cell` is the vendor and code given (Moderation rows run in the same order). */
  is(cell: number, vendor: string, code: string): boolean {
    return cell < this.vendors.length * this.rows && this.vendors[Math.floor(cell / this.rows)] === vendor && this.leafCodes[cell % this.rows] === code;
  }

  cube(): RatingCube {
    return { vendors: this.vendors, codes: this.codes, raters: this.raters, values: this.values };
  }
}
