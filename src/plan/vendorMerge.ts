/**
 * Vendor names that are probably one vendor typed differently (case, full-width forms, spaces,
 * invisible characters), across an imported file and the workbook: the pane offers to import each
 * group under one name. Nothing is merged unless the user asks; names are otherwise kept literally.
 */
import type { ImportResult } from "../core/import/importTypes";
import { vendorKey } from "../core/import/vendorNames";

export interface LookAlike {
  /** Every spelling in the group: the workbook's first, then the file's in order of appearance. */
  names: string[];
  /** The name the group would be imported as: the workbook's vendor, else the file's first spelling. */
  target: string;
}

/**
 * Groups of two or more spellings with one comparison key where the file names at least one. A group
 * holding two of the workbook's own vendors is left alone: which of them is meant is not ours to guess.
 */
export function lookAlikeVendors(incoming: readonly string[], workbook: readonly string[]): LookAlike[] {
  const groups = new Map<string, { book: string[]; file: string[] }>();
  const group = (name: string): { book: string[]; file: string[] } => {
    const key = vendorKey(name);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { book: [], file: [] }));
    return g;
  };
  for (const name of new Set(workbook)) group(name).book.push(name);
  for (const name of new Set(incoming)) {
    const g = group(name);
    if (!g.book.includes(name)) g.file.push(name);
  }
  const out: LookAlike[] = [];
  for (const { book, file } of groups.values()) {
    if (file.length === 0 || book.length + file.length < 2 || book.length > 1) continue;
    out.push({ names: [...book, ...file], target: book[0] ?? file[0] });
  }
  return out;
}

/** The import with every rating of a merged group's spellings under its target name. */
export function mergeVendors(result: ImportResult, groups: readonly LookAlike[]): ImportResult {
  const rename = new Map<string, string>();
  for (const g of groups) for (const name of g.names) if (name !== g.target) rename.set(name, g.target);
  if (rename.size === 0) return result;
  const as = (name: string): string => rename.get(name) ?? name;
  return {
    ...result,
    accepted: result.accepted.map((r) => (rename.has(r.vendor) ? { ...r, vendor: as(r.vendor) } : r)),
    ...(result.vendors ? { vendors: [...new Set(result.vendors.map(as))] } : {}),
  };
}
