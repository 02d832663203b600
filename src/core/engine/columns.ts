import type { IndicatorTree } from "../model/types";
import { leaves } from "../model/tree";
import type { Rating } from "./types";

/**
 * Ratings as parallel typed arrays (rating i = element i of each) with the name tables they index.
 * Names are looked up once, when the columns are built, never per rating while scoring.
 *
 * - vendor[i] indexes `vendors`, leaf[i] indexes `codes`; an index outside its table is a RangeError
 *   when scored. A table may name a vendor or code twice: both indices mean the same one.
 * - A code of `codes` that is not a leaf of the tree is reported in unknownCodes when some rating uses it.
 * - na[i] = 1: "not applicable" (value[i] is not read); otherwise value[i] is the rating, and a value
 *   that is not a finite number (NaN for a blank) is no rating at all, as in the object API.
 * - rater[i] indexes `raters`, −1 for none. Scoring does not read it (several ratings of one
 *   (vendor, leaf) are aggregated whoever gave them, duplicates included, as in the object API).
 */
export interface RatingColumns {
  vendors: string[];
  codes: string[];
  raters: string[];
  vendor: Int32Array;
  leaf: Int32Array;
  rater: Int32Array;
  value: Float64Array;
  na: Uint8Array;
}


/**
 * The columns of rating objects: vendors and raters in order of first appearance; codes = the tree's
 * leaf codes in tree order (when a tree is given), then other codes in order of first appearance.
 * Scoring the columns gives exactly what score(tree, ratings) gives (it is how score works).
 */
export function toColumns(tree: IndicatorTree | null, ratings: Iterable<Rating>): RatingColumns {
  return columnsWithCodes(tree === null ? [] : leaves(tree).map(({ node }) => node.code), ratings);
}

/**
 * toColumns with the code table starting from `leafCodes` (duplicates dropped). Without raters
 * (for scoring, which does not read them) every rater index is −1 and the rater table empty.
 */
export function columnsWithCodes(leafCodes: readonly string[], ratings: Iterable<Rating>, withRaters = true): RatingColumns {
  const list = Array.isArray(ratings) ? (ratings as Rating[]) : Array.from(ratings);
  const n = list.length;
  const codes = [...new Set(leafCodes)];
  const codeIndex = new Map<string, number>(codes.map((c, i) => [c, i]));
  const vendors: string[] = [];
  const vendorIndex = new Map<string, number>();
  const raters: string[] = [];
  const raterIndex = new Map<string, number>();
  const out: RatingColumns = {
    vendors,
    codes,
    raters,
    vendor: new Int32Array(n),
    leaf: new Int32Array(n),
    rater: withRaters ? new Int32Array(n) : new Int32Array(n).fill(-1),
    value: new Float64Array(n),
    na: new Uint8Array(n),
  };
  const { vendor: vCol, leaf: lCol, rater: rCol, value: xCol, na: naCol } = out;
  // Rows usually come grouped by vendor and rater, codes in tree order: the last vendor and rater
  // and the code after the last are tried before any Map lookup.
  let lastVendor: string | undefined;
  let lastV = -1;
  let lastRater: string | undefined;
  let lastR = -1;
  let lastCode: string | undefined;
  let lastK = -1;
  for (let i = 0; i < n; i++) {
    const r = list[i];
    const vendor = r.vendor;
    if (vendor !== lastVendor) {
      let v = vendorIndex.get(vendor);
      if (v === undefined) vendorIndex.set(vendor, (v = vendors.push(vendor) - 1));
      lastVendor = vendor;
      lastV = v;
    }
    vCol[i] = lastV;
    const code = r.code;
    const next = lastK + 1 < codes.length ? lastK + 1 : 0;
    if (code === codes[next]) {
      lastK = next;
    } else if (code !== lastCode) {
      let k = codeIndex.get(code);
      if (k === undefined) codeIndex.set(code, (k = codes.push(code) - 1));
      lastK = k;
    }
    lastCode = code;
    lCol[i] = lastK;
    const rater = withRaters ? r.rater : undefined;
    if (rater !== lastRater) {
      if (rater === undefined) {
        lastR = -1;
      } else {
        let k = raterIndex.get(rater);
        if (k === undefined) raterIndex.set(rater, (k = raters.push(rater) - 1));
        lastR = k;
      }
      lastRater = rater;
    }
    rCol[i] = lastR;
    const x = r.value;
    if (typeof x === "number") {
      xCol[i] = x;
    } else {
      xCol[i] = NaN;
      if (x === "NA") naCol[i] = 1;
    }
  }
  return out;
}
