import { rankKey } from "../engine/rank";
import { scoreCube } from "../engine/cube";
import type { CompiledTree } from "../engine/compile";
import type { RatingCube, ScoreInput } from "../engine/types";
import { totalsWith, type WeightModel } from "./evaluate";
import type { Contest } from "./flips";
import { seededRandom } from "./prng";

export type SamplingMode = "spread" | "simplex";

export interface AcceptabilityOptions {
  /** Number of samples (default 10,000). */
  samples?: number;
  /** "spread": each weight × (1 + U(−spread, spread)), then each group renormalised; "simplex": each group's weights uniform over the simplex. */
  mode?: SamplingMode;
  /** Relative spread for "spread" (default 0.2 = ±20 %). */
  spread?: number;
  /** PRNG seed (default 1): the same seed gives the same figures. */
  seed?: number;
}

export interface VendorAcceptability {
  vendor: string;
  /** Share of samples in which the vendor ranks first (ties share first place, so shares may sum to more than 1). */
  firstShare: number;
  /** Standard error of that share: √(share·(1 − share)/samples). */
  standardError: number;
  /** Best and worst rank over the samples (competition ranks, 1 = best); null for a vendor never ranked. */
  bestRank: number | null;
  worstRank: number | null;
}

export interface Acceptability {
  samples: number;
  mode: SamplingMode | "bootstrap";
  spread: number | null;
  seed: number;
  vendors: VendorAcceptability[];
}

export const DEFAULT_SAMPLES = 10_000;
export const DEFAULT_SPREAD = 0.2;
export const DEFAULT_SEED = 1;

/** Counts of first places and rank ranges, from one sample's figures at a time. */
class Tally {
  readonly first: Float64Array;
  readonly best: Int32Array;
  readonly worst: Int32Array;
  constructor(private readonly V: number) {
    this.first = new Float64Array(V);
    this.best = new Int32Array(V).fill(0x7fffffff);
    this.worst = new Int32Array(V);
    this.keys = new Float64Array(V);
  }
  private readonly keys: Float64Array;
  add(figures: Float64Array, eligible?: readonly boolean[]): void {
    const V = this.V;
    const keys = this.keys;
    // Competition ranks of the figures at 9 decimals; a vendor out of the contest gets −∞.
    for (let v = 0; v < V; v++) keys[v] = Number.isFinite(figures[v]) && !(eligible && !eligible[v]) ? rankKey(figures[v]) : -Infinity;
    for (let v = 0; v < V; v++) {
      const k = keys[v];
      if (k === -Infinity) continue;
      let rank = 1;
      for (let u = 0; u < V; u++) if (keys[u] > k) rank++;
      if (rank === 1) this.first[v]++;
      if (rank < this.best[v]) this.best[v] = rank;
      if (rank > this.worst[v]) this.worst[v] = rank;
    }
  }
  result(names: readonly string[], samples: number): VendorAcceptability[] {
    return names.map((vendor, v) => {
      const share = samples > 0 ? this.first[v] / samples : 0;
      const ranked = this.worst[v] > 0;
      return { vendor, firstShare: share, standardError: samples > 0 ? Math.sqrt((share * (1 - share)) / samples) : 0, bestRank: ranked ? this.best[v] : null, worstRank: ranked ? this.worst[v] : null };
    });
  }
}

function checked(o: AcceptabilityOptions): { samples: number; spread: number; seed: number; mode: SamplingMode } {
  const samples = o.samples ?? DEFAULT_SAMPLES;
  const spread = o.spread ?? DEFAULT_SPREAD;
  const seed = o.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError(`samples must be a whole number ≥ 1, got ${samples}`);
  if (!(spread >= 0 && spread <= 1)) throw new RangeError(`spread must be from 0 to 1 (a fraction: 0.2 = ±20 %), got ${spread}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be a whole number, got ${seed}`);
  return { samples, spread, seed, mode: o.mode ?? "spread" };
}

/**
 * Rank acceptability (SMAA's first-rank acceptability index): the share of weight vectors, drawn
 * around the current weights, under which each vendor ranks first, and its rank range. Every
 * sibling group with two or more members is perturbed at once; groups of one keep weight 1.
 */
export function rankAcceptability(m: WeightModel, options: AcceptabilityOptions = {}, contest: Contest = {}): Acceptability {
  const { samples, spread, seed, mode } = checked(options);
  const rnd = seededRandom(seed);
  const V = m.vendors.length;
  const n = m.tree.codes.length;
  const weights = new Float64Array(n);
  const totals = new Float64Array(V);
  const figures = new Float64Array(V);
  const scratch = new Float64Array(n + 1);
  const tally = new Tally(V);
  const a = contest.a ?? 1;
  const groups = m.groups.filter((g) => g.children.length > 1);
  weights.set(m.base);
  for (let s = 0; s < samples; s++) {
    for (const { children } of groups) {
      let sum = 0;
      for (const c of children) {
        const x = mode === "simplex" ? -Math.log(1 - rnd()) : m.base[c] * (1 + spread * (2 * rnd() - 1));
        weights[c] = x;
        sum += x;
      }
      if (sum > 0) for (const c of children) weights[c] /= sum;
    }
    totalsWith(m, weights, totals, scratch);
    for (let v = 0; v < V; v++) figures[v] = a * totals[v] + (contest.b?.[v] ?? 0);
    tally.add(figures, contest.eligible);
  }
  return { samples, mode, spread: mode === "spread" ? spread : null, seed, vendors: tally.result(m.vendors, samples) };
}

/** A rater bootstrap drawn in slices (so a pane can spread it over ticks): same seed, same figures, however it is sliced. */
export interface RaterBootstrap {
  /** Samples asked for. */
  readonly samples: number;
  /** Samples drawn so far. */
  readonly done: number;
  /** Draws up to `count` more samples (never past `samples`); returns `done`. */
  next(count: number): number;
  /** The figures over the samples drawn so far (`samples` in the result is `done`). */
  result(): Acceptability;
}

/**
 * For a panel: how much the ranking depends on who rated. Each sample draws as many raters as the
 * panel has, with replacement (a rater drawn twice counts twice in every aggregate), and scores the
 * vendors as the engine does. A cube with one rater gives every sample the same ranking. The draws
 * come from one seeded sequence consumed in sample order, so slicing the samples changes nothing.
 */
export function raterBootstrap(tree: CompiledTree, cube: RatingCube, score: ScoreInput, options: Pick<AcceptabilityOptions, "samples" | "seed"> = {}, contest: Contest = {}): RaterBootstrap {
  const { samples, seed } = checked(options);
  const rnd = seededRandom(seed);
  const [V, K, R] = [cube.vendors.length, cube.codes.length, cube.raters.length];
  const values = new Float64Array(V * K * R);
  const raters = cube.raters.map((_, r) => `#${r + 1}`);
  const pick = new Int32Array(R);
  // The vendors as scoreCube lists them (options.vendors, then the cube's); refuses a bad cube now.
  const names = scoreCube(tree, cube, score).vendors;
  const tally = new Tally(names.length);
  const figures = new Float64Array(names.length);
  const a = contest.a ?? 1;
  let done = 0;
  return {
    samples,
    get done() {
      return done;
    },
    next(count: number): number {
      const until = Math.min(samples, done + Math.max(0, Math.floor(count)));
      for (; done < until; done++) {
        for (let r = 0; r < R; r++) pick[r] = Math.floor(rnd() * R);
        for (let cell = 0; cell < V * K; cell++) for (let r = 0; r < R; r++) values[cell * R + r] = cube.values[cell * R + pick[r]];
        const cs = scoreCube(tree, { vendors: cube.vendors, codes: cube.codes, raters, values }, score);
        for (let v = 0; v < names.length; v++) figures[v] = a * cs.total[v] + (contest.b?.[v] ?? 0);
        tally.add(figures, contest.eligible);
      }
      return done;
    },
    result(): Acceptability {
      return { samples: done, mode: "bootstrap", spread: null, seed, vendors: tally.result(names, done) };
    },
  };
}

/** The rater bootstrap in one go (raterBootstrap drawn to the end). */
export function bootstrapRaters(tree: CompiledTree, cube: RatingCube, score: ScoreInput, options: Pick<AcceptabilityOptions, "samples" | "seed"> = {}, contest: Contest = {}): Acceptability {
  const run = raterBootstrap(tree, cube, score, options, contest);
  run.next(run.samples);
  return run.result();
}
