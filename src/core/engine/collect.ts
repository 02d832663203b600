import type { Rating } from "./types";

/** The ratings as flat arrays: one row per numeric or NA rating of a known leaf. */
export interface Collected {
  vendors: string[];
  rows: number;
  /** vendorIndex * leafCount + leafIndex. */
  cell: Int32Array;
  /** The rating; NaN stands for "NA". */
  value: Float64Array;
  unknownCodes: string[];
}

/**
 * One pass over the ratings. Ratings usually arrive grouped by vendor and in tree order, so the
 * last vendor and the next leaf are tried before any Map lookup.
 */
export function collectRatings(
  ratings: Iterable<Rating>,
  leafCodes: string[],
  leafIndex: Map<string, number>,
  presetVendors: string[] = [],
): Collected {
  const leafCount = leafCodes.length;
  const vendors: string[] = [];
  const vendorIndex = new Map<string, number>();
  for (const v of presetVendors) {
    if (!vendorIndex.has(v)) vendorIndex.set(v, vendors.push(v) - 1);
  }
  const unknown = new Set<string>();
  const list = Array.isArray(ratings) ? ratings : Array.from(ratings);
  const cell = new Int32Array(list.length);
  const value = new Float64Array(list.length);
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
      if (v === undefined) vendorIndex.set(vendor, (v = vendors.push(vendor) - 1));
      lastVendor = vendor;
      lastV = v;
    }
    const code = r.code;
    if (code !== lastCode) {
      lastL = lastL + 1 < leafCount && code === leafCodes[lastL + 1] ? lastL + 1 : (leafIndex.get(code) ?? -1);
      lastCode = code;
      if (lastL < 0) unknown.add(code);
    }
    if (lastL < 0) continue;
    const x = r.value;
    let stored: number;
    if (typeof x === "number") {
      if (x - x !== 0) continue; // NaN or ±Infinity: not a rating
      stored = x;
    } else if (x === "NA") {
      stored = NaN;
    } else {
      continue;
    }
    cell[rows] = lastV * leafCount + lastL;
    value[rows] = stored;
    rows++;
  }
  return { vendors, rows, cell, value, unknownCodes: [...unknown] };
}
