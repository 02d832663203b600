import type { CompiledTree } from "./compile";
import type { Rating } from "./types";

/**
 * Running sums per (vendor, leaf) cell, cell = vendorIndex * leafCount + leafIndex. Sums are of
 * x − shift, shift being the cell's first rating: the variance from them is stable (cancellation
 * is bounded by the number of ratings) and a cell whose ratings are all equal has mean exactly x.
 */
export interface Collected {
  vendors: string[];
  count: Int32Array;
  na: Int32Array;
  shift: Float64Array;
  sum: Float64Array;
  sumSq: Float64Array;
  min: Float64Array;
  max: Float64Array;
  unknownCodes: string[];
  /** Every numeric rating with its cell, only when asked for (median, trimmed mean). */
  values: { rows: number; cell: Int32Array; value: Float64Array } | null;
}

type CellArrays = Pick<Collected, "count" | "na" | "shift" | "sum" | "sumSq" | "min" | "max">;

function allocate(cells: number, old?: CellArrays): CellArrays {
  const a: CellArrays = {
    count: new Int32Array(cells),
    na: new Int32Array(cells),
    shift: new Float64Array(cells),
    sum: new Float64Array(cells),
    sumSq: new Float64Array(cells),
    min: new Float64Array(cells).fill(Infinity),
    max: new Float64Array(cells).fill(-Infinity),
  };
  if (old) for (const k of Object.keys(a) as (keyof CellArrays)[]) a[k].set(old[k]);
  return a;
}

/**
 * One pass over the ratings. They usually arrive grouped by vendor and in tree order, so the next
 * leaf, the last code and the last vendor are tried before any Map lookup.
 */
export function collectRatings(
  ratings: Iterable<Rating>,
  tree: Pick<CompiledTree, "leafCodes" | "leafIndex" | "leafIsFirst">,
  presetVendors: string[] = [],
  keepValues = false,
): Collected {
  const { leafCodes, leafIndex, leafIsFirst } = tree;
  const leafCount = leafCodes.length;
  const vendors: string[] = [];
  const vendorIndex = new Map<string, number>();
  for (const v of presetVendors) {
    if (!vendorIndex.has(v)) vendorIndex.set(v, vendors.push(v) - 1);
  }
  const unknown = new Set<string>();
  const list = Array.isArray(ratings) ? ratings : Array.from(ratings);
  let vendorCapacity = Math.max(16, vendors.length);
  let arrays = allocate(vendorCapacity * leafCount);
  let { count, na, shift, sum, sumSq, min, max } = arrays;
  const keptCell = keepValues ? new Int32Array(list.length) : null;
  const keptValue = keepValues ? new Float64Array(list.length) : null;
  let rows = 0;
  let lastVendor: string | undefined;
  let lastV = -1;
  let lastCode: string | undefined;
  let lastL = -1;

  for (let i = 0; i < list.length; i++) {
    const r = list[i];
    const vendor = r.vendor;
    if (vendor !== lastVendor) {
      let v = vendorIndex.get(vendor);
      if (v === undefined) {
        vendorIndex.set(vendor, (v = vendors.push(vendor) - 1));
        if (v >= vendorCapacity) {
          vendorCapacity *= 2;
          arrays = allocate(vendorCapacity * leafCount, arrays);
          ({ count, na, shift, sum, sumSq, min, max } = arrays);
        }
      }
      lastVendor = vendor;
      lastV = v;
    }
    const code = r.code;
    const next = lastL + 1;
    if (code === leafCodes[next] && leafIsFirst[next]) {
      lastL = next;
    } else if (code !== lastCode) {
      lastL = leafIndex.get(code) ?? -1;
      if (lastL < 0) unknown.add(code);
    }
    lastCode = code;
    if (lastL < 0) continue;
    const c = lastV * leafCount + lastL;
    const x = r.value;
    if (typeof x !== "number") {
      if (x === "NA") na[c]++;
      continue;
    }
    if (x - x !== 0) continue; // NaN or ±Infinity: not a rating
    if (count[c]++ === 0) shift[c] = x;
    const d = x - shift[c];
    sum[c] += d;
    sumSq[c] += d * d;
    if (x < min[c]) min[c] = x;
    if (x > max[c]) max[c] = x;
    if (keptCell !== null && keptValue !== null) {
      keptCell[rows] = c;
      keptValue[rows++] = x;
    }
  }
  const values = keptCell && keptValue ? { rows, cell: keptCell, value: keptValue } : null;
  return { vendors, ...arrays, unknownCodes: [...unknown], values };
}
