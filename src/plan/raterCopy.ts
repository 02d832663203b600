import { addPrintSettings, planFont } from "./print";
import { labelsFor } from "./labels";
import { makeContext, MODEL_SHEET_NAME } from "./context";
import { modelSheet } from "./modelSheet";
import { raterSheetNames } from "./raterNames";
import { raterSheet } from "./panelPlan";
import { STYLES } from "./styles";
import type { NotesGrid, RatingsGrid, StoredModel, WorkbookPlan } from "./types";

export interface RaterCopyOptions {
  /** Ratings the rater already gave, to pre-fill. */
  ratings?: RatingsGrid;
  /** Reasons the rater already wrote, to pre-fill (when the model has a notes grid). */
  notes?: NotesGrid;
  protect?: boolean;
  password?: string;
}

/**
 * A small workbook for one rater to fill in and return: their Ratings sheet (the panel layout)
 * and the stored model marked as that rater's copy. Weights, Results and the other raters'
 * ratings are not in it. `layout.results` and `layout.weights` are empty (no such sheets).
 */
export function raterCopyPlan(model: StoredModel, rater: string, options: RaterCopyOptions = {}): WorkbookPlan {
  if (rater.trim() === "") throw new RangeError("a rater name is empty");
  const protect = options.protect ?? true;
  const password = options.password ?? null;
  const { locale, missing } = model.options;
  const ctx = makeContext(model.tree, model.vendors, locale, missing, model.createdAt, protect, password);
  ctx.notes = model.notesGrid === true;
  const L = labelsFor(locale);
  const index = (model.raters ?? []).indexOf(rater);
  const all = index >= 0 ? (model.raters ?? []) : [...(model.raters ?? []), rater];
  const sheetName = raterSheetNames(all, L.sheetRaterPrefix, [...Object.values(ctx.names), L.sheetConsolidated, L.sheetModeration, L.sheetArchive, MODEL_SHEET_NAME])[index >= 0 ? index : all.length - 1];
  const ratings = raterSheet(ctx, sheetName, rater, options.ratings, options.notes);
  const intro = ratings.sheet.blocks.find((b) => b.address === "A2");
  if (intro) intro.cells = [[`${L.raterCopyIntro} ${intro.cells[0][0] as string}`]];
  const copyModel: StoredModel = { ...model, raterCopy: { rater } };
  const part = modelSheet(copyModel, protect, password);
  const sheets = [ratings.sheet, part.sheet];
  // A rater may print the copy to score on paper: the same print settings and font as the scorecard.
  addPrintSettings(sheets, STYLES, locale, model.tree.title[locale]);
  return {
    locale,
    font: planFont(locale),
    sheets,
    names: [part.name],
    styles: STYLES,
    layout: {
      sheetNames: { ratings: sheetName, model: MODEL_SHEET_NAME },
      ratings: ratings.layout,
      results: { headerRow: 0, firstRow: 0, range: "", columns: [] },
      weights: { firstRow: 0, rows: [], weightColumn: "" },
    },
    model: copyModel,
  };
}
