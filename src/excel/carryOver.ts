import { reconcile, type NotesGrid, type RatingsGrid, type ReconcileResult, type StoredModel } from "../plan";
import { checkRatingsLayout, noteCells, notesGrid, ratingCells, ratingsGrid, readArchive, type Scorecard } from "./readBack";

/** Kept and archived ratings (and the reasons beside them) when a scorecard is created over an existing one. */
export function carryOver(old: Scorecard, next: StoredModel): ReconcileResult {
  const ratings = old.grids.ratings;
  let grid: RatingsGrid = {};
  let notes: NotesGrid = {};
  if (ratings) {
    checkRatingsLayout(ratings.sheet, ratings.grid, old.plan.layout.ratings);
    grid = ratingsGrid(ratingCells(ratings.grid, old.plan.layout.ratings, old.model.tree));
    notes = notesGrid(noteCells(ratings.grid, old.plan.layout.ratings));
  }
  const result = reconcile(old.model, grid, next, undefined, notes);
  const earlier = old.grids.archive ? readArchive(old.grids.archive.grid) : [];
  return { ...result, archived: [...earlier, ...result.archived] };
}
