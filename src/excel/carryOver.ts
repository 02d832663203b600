import { reconcile, type RatingsGrid, type ReconcileResult, type StoredModel } from "../plan";
import { checkRatingsLayout, ratingCells, ratingsGrid, readArchive, type Scorecard } from "./readBack";

/** Kept and archived ratings when a scorecard is created over an existing one. */
export function carryOver(old: Scorecard, next: StoredModel): ReconcileResult {
  const ratings = old.grids.ratings;
  let grid: RatingsGrid = {};
  if (ratings) {
    checkRatingsLayout(ratings.sheet, ratings.grid, old.plan.layout.ratings);
    grid = ratingsGrid(ratingCells(ratings.grid, old.plan.layout.ratings, old.model.tree));
  }
  const { kept, archived } = reconcile(old.model, grid, next);
  const earlier = old.grids.archive ? readArchive(old.grids.archive.grid) : [];
  return { kept, archived: [...earlier, ...archived] };
}
