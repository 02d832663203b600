import { findByCode, isLeaf } from "../core/model/tree";
import { emptySheet, protection } from "./context";
import { block } from "./grid";
import { labelsFor } from "./labels";
import type { Locale } from "../core/model/types";
import type { ArchivedRating, CellValue, NotesGrid, RatingsGrid, ReconcileResult, SheetPlan, StoredModel } from "./types";

/**
 * Keeps every rating by vendor and indicator code when the model changes. A rating whose vendor
 * is gone, whose indicator is gone, or whose indicator now has sub-indicators goes to the archive,
 * with the reason written beside it (`oldNotes`); a reason without a rating is archived alone.
 */
export function reconcile(oldModel: StoredModel, oldRatings: RatingsGrid, newModel: StoredModel, rater?: string, oldNotes: NotesGrid = {}): ReconcileResult {
  const vendors = new Set(newModel.vendors);
  const kept: RatingsGrid = {};
  const notes: NotesGrid = {};
  const archived: ArchivedRating[] = [];
  const nameOf = (code: string): string => findByCode(oldModel.tree, code)?.node.name[oldModel.options.locale] ?? "";
  const whyGone = (vendor: string, code: string): ArchivedRating["reason"] | null => {
    const target = findByCode(newModel.tree, code);
    return !vendors.has(vendor) ? "vendor-removed" : !target ? "indicator-removed" : !isLeaf(target.node) ? "now-a-group" : null;
  };
  const who = rater !== undefined ? { rater } : {};
  for (const [vendor, byCode] of Object.entries(oldRatings)) {
    for (const [code, value] of Object.entries(byCode)) {
      const reason = whyGone(vendor, code);
      const note = oldNotes[vendor]?.[code];
      if (reason === null) (kept[vendor] ??= {})[code] = value;
      else archived.push({ vendor, code, name: nameOf(code), value, reason, ...who, ...(note !== undefined ? { note } : {}) });
    }
  }
  for (const [vendor, byCode] of Object.entries(oldNotes)) {
    for (const [code, note] of Object.entries(byCode)) {
      const reason = whyGone(vendor, code);
      if (reason === null) (notes[vendor] ??= {})[code] = note;
      else if (oldRatings[vendor]?.[code] === undefined) archived.push({ vendor, code, name: nameOf(code), value: null, reason, ...who, note });
    }
  }
  return { kept, archived, notes };
}

/** Archive sheet: one row per archived rating, with the date it was archived and (panels) its rater. */
export function archiveSheet(archived: ArchivedRating[], locale: Locale, date: string, protect: boolean, password: string | null): SheetPlan {
  const L = labelsFor(locale);
  const sheet = emptySheet("archive", L.sheetArchive, "visible", protection(protect, password));
  const reason = { "indicator-removed": L.reasonIndicatorRemoved, "vendor-removed": L.reasonVendorRemoved, "now-a-group": L.reasonNowAGroup };
  const rows: CellValue[][] = archived.map((a) => [date.slice(0, 10), a.vendor, a.code, a.name, a.value === "NA" ? "N/A" : a.value, reason[a.reason], a.rater ?? null, a.note ?? null]);
  sheet.blocks.push(
    ...block(1, 1, "values", [[L.archiveTitle]]),
    ...block(3, 1, "values", [[L.colArchived, L.colVendor, L.colCode, L.colIndicator, L.colValue, L.colReason, L.colRater, L.colNote]]),
    ...block(4, 1, "values", rows),
  );
  sheet.formats.push({ ranges: ["A1"], style: "title" }, { ranges: ["A3:H3"], style: "header" });
  if (rows.length > 0) sheet.formats.push({ ranges: [`H4:H${rows.length + 3}`], numberFormat: "@" });
  sheet.columns = [{ range: "A", width: 12 }, { range: "B", width: 20 }, { range: "C", width: 10 }, { range: "D", width: 30 }, { range: "E", width: 10 }, { range: "F", width: 30 }, { range: "G", width: 16 }, { range: "H", width: 40 }];
  sheet.freeze = { rows: 3, columns: 0 };
  return sheet;
}
