import { findByCode, isLeaf } from "../core/model/tree";
import { emptySheet, protection } from "./context";
import { block } from "./grid";
import { labelsFor } from "./labels";
import type { Locale } from "../core/model/types";
import type { ArchivedRating, CellValue, RatingsGrid, ReconcileResult, SheetPlan, StoredModel } from "./types";

/**
 * Keeps every rating by vendor and indicator code when the model changes. A rating whose vendor
 * is gone, whose indicator is gone, or whose indicator now has sub-indicators goes to the archive.
 */
export function reconcile(oldModel: StoredModel, oldRatings: RatingsGrid, newModel: StoredModel, rater?: string): ReconcileResult {
  const vendors = new Set(newModel.vendors);
  const kept: RatingsGrid = {};
  const archived: ArchivedRating[] = [];
  const nameOf = (code: string): string => findByCode(oldModel.tree, code)?.node.name[oldModel.options.locale] ?? "";
  for (const [vendor, byCode] of Object.entries(oldRatings)) {
    for (const [code, value] of Object.entries(byCode)) {
      const target = findByCode(newModel.tree, code);
      const reason: ArchivedRating["reason"] | null = !vendors.has(vendor)
        ? "vendor-removed"
        : !target
          ? "indicator-removed"
          : !isLeaf(target.node)
            ? "now-a-group"
            : null;
      if (reason === null) (kept[vendor] ??= {})[code] = value;
      else archived.push({ vendor, code, name: nameOf(code), value, reason, ...(rater !== undefined ? { rater } : {}) });
    }
  }
  return { kept, archived };
}

/** Archive sheet: one row per archived rating, with the date it was archived and (panels) its rater. */
export function archiveSheet(archived: ArchivedRating[], locale: Locale, date: string, protect: boolean, password: string | null): SheetPlan {
  const L = labelsFor(locale);
  const sheet = emptySheet("archive", L.sheetArchive, "visible", protection(protect, password));
  const reason = { "indicator-removed": L.reasonIndicatorRemoved, "vendor-removed": L.reasonVendorRemoved, "now-a-group": L.reasonNowAGroup };
  const rows: CellValue[][] = archived.map((a) => [date.slice(0, 10), a.vendor, a.code, a.name, a.value === "NA" ? "N/A" : a.value, reason[a.reason], a.rater ?? null]);
  sheet.blocks.push(
    ...block(1, 1, "values", [[L.archiveTitle]]),
    ...block(3, 1, "values", [[L.colArchived, L.colVendor, L.colCode, L.colIndicator, L.colValue, L.colReason, L.colRater]]),
    ...block(4, 1, "values", rows),
  );
  sheet.formats.push({ ranges: ["A1"], style: "title" }, { ranges: ["A3:G3"], style: "header" });
  sheet.columns = [{ range: "A", width: 12 }, { range: "B", width: 20 }, { range: "C", width: 10 }, { range: "D", width: 30 }, { range: "E", width: 10 }, { range: "F", width: 30 }, { range: "G", width: 16 }];
  sheet.freeze = { rows: 3, columns: 0 };
  return sheet;
}
