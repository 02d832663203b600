import { leaves } from "../model/tree";
import type { IndicatorTree } from "../model/types";
import { cellValue, Names } from "./cells";
import { compileTree, type CompiledTree } from "./compile";
import { resolveOptions, scoreRuns, type ColumnScores } from "./result";
import type { Rating, RatingCube, ScoreInput } from "./types";

/**
 * The cube of rating objects: vendors and raters in order of first appearance (ratings without a
 * rater count as rater ""), codes = the tree's leaf codes in tree order (when a tree is given), then
 * other codes in order of first appearance. Blanks and non-finite values are NaN, "NA" is CUBE_NA.
 * scoreCube(tree, toCube(tree, ratings)) gives what score(tree, ratings) gives.
 * Throws RangeError when two ratings share vendor, code and rater (blank or not): score() aggregates
 * both, a cube holds one; score them with score() instead.
 */
export function toCube(tree: IndicatorTree | null, ratings: Iterable<Rating>): RatingCube {
  const vendors = new Names();
  const codes = new Names(tree === null ? [] : leaves(tree).map(({ node }) => node.code));
  const raters = new Names();
  const list = Array.isArray(ratings) ? (ratings as Rating[]) : Array.from(ratings);
  // Each rating's vendor, code and rater index: the cube's size is known once every name is.
  const v = new Int32Array(list.length);
  const k = new Int32Array(list.length);
  const r = new Int32Array(list.length);
  list.forEach((x, i) => {
    v[i] = vendors.add(x.vendor);
    k[i] = codes.add(x.code);
    r[i] = raters.add(x.rater ?? "");
  });
  const [K, R] = [codes.names.length, raters.names.length];
  const values = new Float64Array(vendors.names.length * K * R).fill(NaN);
  const seen = new Uint8Array(values.length);
  for (let i = 0; i < list.length; i++) {
    const at = (v[i] * K + k[i]) * R + r[i];
    if (seen[at] === 1) {
      const [vendor, code, rater] = [vendors.names[v[i]], codes.names[k[i]], raters.names[r[i]]];
      throw new RangeError(`toCube: two ratings of vendor "${vendor}", code "${code}", rater "${rater}": a cube holds one (score them with score())`);
    }
    seen[at] = 1;
    values[at] = cellValue(list[i].value);
  }
  return { vendors: vendors.names, codes: codes.names, raters: raters.names, values };
}

/**
 * score() over a cube, results as typed arrays (toScoreResult makes score()'s objects). Vendors:
 * options.vendors, then the cube's. Each (vendor, code) cell's raters are aggregated as score()
 * aggregates the ratings of a cell, so scoreCube(tree, toCube(tree, ratings)) equals score(tree,
 * ratings) exactly. The tree may be given compiled (compileTree) when it is scored many times.
 * Throws RangeError for a values array of the wrong length, a vendor or code named twice, or a
 * trimPercent outside [0, 1).
 */
export function scoreCube(tree: IndicatorTree | CompiledTree, cube: RatingCube, options: ScoreInput = {}): ColumnScores {
  const opts = resolveOptions(options);
  const t = "leafOf" in tree ? tree : compileTree(tree);
  const [V, K, R] = [cube.vendors.length, cube.codes.length, cube.raters.length];
  if (cube.values.length !== V * K * R) {
    throw new RangeError(`cube values: length ${cube.values.length}, expected ${V} vendors × ${K} codes × ${R} raters = ${V * K * R}`);
  }
  for (const [what, names] of [["vendors", cube.vendors], ["codes", cube.codes]] as const) {
    const seen = new Set<string>();
    for (const name of names) {
      if (seen.has(name)) throw new RangeError(`cube ${what}: "${name}" named twice`);
      seen.add(name);
    }
  }
  const vendors = new Names(options.vendors ?? []);
  const vendorAt = cube.vendors.map((name) => vendors.add(name));
  const leafAt = cube.codes.map((code) => t.leafIndex.get(code) ?? -1);
  const L = t.leafCodes.length;
  const cells = vendors.names.length * L;
  // Each leaf's cell points at its code's run of raters in the cube; leaves without a code stay empty.
  const from = new Int32Array(cells);
  const len = new Int32Array(cells);
  for (let v = 0; v < V; v++) {
    for (let k = 0; k < K; k++) {
      if (leafAt[k] < 0) continue;
      const c = vendorAt[v] * L + leafAt[k];
      from[c] = (v * K + k) * R;
      len[c] = R;
    }
  }
  const unknownCodes = cube.codes.filter((_, k) => leafAt[k] < 0);
  return scoreRuns(t, opts, vendors.names, unknownCodes, { values: cube.values, from, len });
}
