import type { Aggregation } from "../core/engine/types";
import { MODEL_SHEET_NAME, type PlanContext } from "./context";
import { consolidatedSheet } from "./consolidatedSheet";
import { moderationSheet } from "./moderationSheet";
import { leafPositions, type PanelContext } from "./panelContext";
import { raterSheetNames } from "./raterNames";
import { ratingsSheet } from "./ratingsSheet";
import type { ConsolidatedLayout, ModerationLayout, NotesGrid, RatingsGrid, RatingsLayout, SheetPlan } from "./types";

export function panelContext(ctx: PlanContext, raters: string[], aggregate: Aggregation): PanelContext {
  const L = ctx.labels;
  const reserved = [...Object.values(ctx.names), L.sheetConsolidated, L.sheetModeration, L.sheetArchive, MODEL_SHEET_NAME];
  return {
    raters: [...raters],
    sheets: raterSheetNames(raters, L.sheetRaterPrefix, reserved),
    consolidated: L.sheetConsolidated,
    moderation: L.sheetModeration,
    aggregate,
    leafPos: leafPositions(ctx),
  };
}

/** The context whose "ratings" sheet is `sheet` (a rater's sheet, or Consolidated for Calc and Results). */
export function withRatingsSheet(ctx: PlanContext, sheet: string): PlanContext {
  return { ...ctx, names: { ...ctx.names, ratings: sheet } };
}

/** A rater's Ratings sheet: the single-rater layout, named for the rater, titled with their name. */
export function raterSheet(ctx: PlanContext, sheetName: string, rater: string, initial?: RatingsGrid, notes?: NotesGrid): { sheet: SheetPlan; layout: RatingsLayout } {
  const built = ratingsSheet(withRatingsSheet(ctx, sheetName), initial, rater, notes);
  const title = built.sheet.blocks.find((b) => b.address === "A1");
  if (title) title.cells = [[`${ctx.labels.ratingsTitle} — ${rater}`]];
  return built;
}

export interface PanelSheets {
  raters: { sheet: SheetPlan; layout: RatingsLayout }[];
  consolidated: { sheet: SheetPlan; layout: ConsolidatedLayout };
  moderation: { sheet: SheetPlan; layout: ModerationLayout };
}

/** Every rater's sheet, Consolidated and Moderation. */
export function panelSheets(ctx: PlanContext, p: PanelContext, initial: Record<string, RatingsGrid> = {}, notes: Record<string, NotesGrid> = {}): PanelSheets {
  const raters = p.raters.map((r, k) => raterSheet(ctx, p.sheets[k], r, initial[r], notes[r]));
  return {
    raters,
    consolidated: consolidatedSheet(withRatingsSheet(ctx, p.consolidated), p, raters[0].sheet),
    moderation: moderationSheet(ctx, p),
  };
}
