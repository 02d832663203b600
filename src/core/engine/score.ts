import type { IndicatorTree } from "../model/types";
import { cellValue, Names } from "./cells";
import { compileTree } from "./compile";
import { resolveOptions, scoreRuns, toScoreResult } from "./result";
import type { Rating, ScoreInput, ScoreResult } from "./types";

/**
 * Scores every vendor against the tree: the ratings of each (vendor, leaf) are aggregated per
 * options.aggregate (every rating counts, several of one rater included), then each group =
 * Σw·s / Σw over the children that have a score (w from effectiveWeights). Vendors: options.vendors,
 * then the others in order of first appearance. Ratings of codes that are not leaves are reported
 * in unknownCodes, in order of first appearance; a code two leaves share rates the first only.
 * Throws RangeError for a trimPercent outside [0, 1), as Excel's TRIMMEAN gives #NUM!.
 */
export function score(tree: IndicatorTree, ratings: Iterable<Rating>, options: ScoreInput = {}): ScoreResult {
  const opts = resolveOptions(options);
  const t = compileTree(tree);
  const L = t.leafCodes.length;
  const vendors = new Names(options.vendors ?? []);
  const list = Array.isArray(ratings) ? (ratings as Rating[]) : Array.from(ratings);
  const unknownCodes = new Set<string>();
  const cellOf = new Int32Array(list.length).fill(-1);
  for (let i = 0; i < list.length; i++) {
    const v = vendors.add(list[i].vendor);
    const l = t.leafIndex.get(list[i].code);
    if (l === undefined) unknownCodes.add(list[i].code);
    else cellOf[i] = v * L + l;
  }
  // Grouped by cell (a counting sort): cell c's ratings at from[c] … from[c] + len[c] − 1.
  const cells = vendors.names.length * L;
  const len = new Int32Array(cells);
  for (const c of cellOf) if (c >= 0) len[c]++;
  const from = new Int32Array(cells);
  for (let c = 1; c < cells; c++) from[c] = from[c - 1] + len[c - 1];
  const next = from.slice();
  const values = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) if (cellOf[i] >= 0) values[next[cellOf[i]]++] = cellValue(list[i].value);
  return toScoreResult(scoreRuns(t, opts, vendors.names, [...unknownCodes], { values, from, len }));
}
