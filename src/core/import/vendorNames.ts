/** Vendor names that are probably the same vendor typed differently. Names stay literal: this only warns. */
import type { ImportWarning } from "./importTypes";

/** Zero-width and invisible characters: ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** Comparison key: NFKC (full-width → ASCII), invisible characters removed, spaces collapsed and trimmed, lower case. */
export function vendorKey(name: string): string {
  return name.normalize("NFKC").replace(INVISIBLE, "").replace(/\s+/g, " ").trim().toLowerCase();
}

/** Groups listed one by one before the rest are summarised. */
const LISTED = 10;

/** Shown form of a name in a message: quoted, invisible characters made visible, long names cut. */
export function showName(name: string): string {
  const visible = name.replace(INVISIBLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return `"${visible.length > 60 ? `${visible.slice(0, 57)}…` : visible}"`;
}

/**
 * One warning per group of vendor names that differ only in case, width, surrounding spaces or
 * zero-width characters (kept as different vendors; `names` lets the pane offer to merge them);
 * beyond ten groups the rest are summarised in one warning.
 */
export function similarVendorWarnings(vendors: Iterable<string>): ImportWarning[] {
  const spellings = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const v of vendors) {
    if (seen.has(v)) continue;
    seen.add(v);
    const key = vendorKey(v);
    const list = spellings.get(key);
    if (list) list.push(v);
    else spellings.set(key, [v]);
  }
  const groups = [...spellings.values()].filter((g) => g.length > 1);
  const out: ImportWarning[] = groups.slice(0, LISTED).map((names) => {
    const shown = names.slice(0, 5).map(showName);
    const more = names.length > 5 ? names.length - 5 : 0;
    return {
      code: "similar-vendor-names",
      names,
      message: {
        "zh-CN": `这些供应商名称仅大小写、全半角、空格或不可见字符不同，目前按不同供应商处理：${shown.join("、")}${more ? ` 等 ${names.length} 个` : ""}`,
        "en-US": `These vendor names differ only in case, width, spaces or invisible characters and are kept as different vendors: ${shown.join(", ")}${more ? ` and ${more} more` : ""}`,
      },
    };
  });
  if (groups.length > LISTED) {
    const rest = groups.length - LISTED;
    out.push({
      code: "similar-vendor-names",
      count: rest,
      message: { "zh-CN": `另有 ${rest} 组相似的供应商名称`, "en-US": `${rest.toLocaleString("en-US")} more groups of similar vendor names` },
    });
  }
  return out;
}
