import { rankKey } from "../engine/rank";
import { totalsWith, withNodeWeight, type WeightModel } from "./evaluate";

/**
 * How each vendor's figure depends on one weight x ∈ (0, 1): O_v(x) = M_v(x) ÷ d_v(x), M and d
 * linear (m0 + m1·x, d0 + d1·x, d > 0 on the open interval). See flipPoints for the derivation.
 */
export interface LinearFraction {
  m0: number;
  m1: number;
  d0: number;
  d1: number;
}

/** Which vendors compete and on what figure: O_v = a·T_v + b_v (a = 1, b = 0: the quality total). */
export interface Contest {
  /** Vendors that can be first (default: every vendor with a total). */
  eligible?: readonly boolean[];
  /** Price: overall = quality × (1 − p) + price score × p, so a = 1 − p and b_v = p × price score. */
  a?: number;
  b?: readonly number[];
}

export interface Stability {
  /** Nearest weight (of the open interval 0–1) at which a rival overtakes the leader; null: none does. */
  flipAt: number | null;
  /** The rival that overtakes there. */
  rival: string | null;
  /** The leader stays first (alone or tied) for every weight in [stableFrom, stableTo]. */
  stableFrom: number;
  stableTo: number;
}

export interface NodeFlip extends Stability {
  code: string;
  /** Parent's code; null for the top level (the dimensions). */
  parent: string | null;
  /** The node's current weight as a fraction of its sibling group. */
  weight: number;
}

export interface FlipResult {
  /** The current leader (first of the vendors ranked 1 among the contenders); null without any. */
  leader: string | null;
  /** Other contenders tied with the leader now (at 9 decimals). */
  tiedWith: string[];
  flips: NodeFlip[];
}

/** Differences below this (in score points) are ties, as ranks compare totals at 9 decimals. */
const TIE = 1e-9;

/** Real roots of a·x² + b·x + c strictly inside (0, 1), ascending; roots within 1e-12 of an end are that end, rounded, and dropped. */
export function rootsInUnit(a: number, b: number, c: number): number[] {
  const scale = Math.max(Math.abs(a), Math.abs(b), Math.abs(c));
  if (scale === 0) return [];
  const out: number[] = [];
  if (Math.abs(a) <= 1e-12 * scale) {
    if (Math.abs(b) > 1e-12 * scale) out.push(-c / b);
  } else {
    const disc = b * b - 4 * a * c;
    if (disc < 0) return [];
    const q = -0.5 * (b + (b >= 0 ? 1 : -1) * Math.sqrt(disc));
    out.push(q / a);
    if (q !== 0) out.push(c / q);
  }
  return out.filter((x) => x > 1e-12 && x < 1 - 1e-12).sort((x, y) => x - y);
}

/**
 * Where the leader loses first place as x moves from w: for every rival j, g_j(x) = M_i·d_j − M_j·d_i
 * is a quadratic whose sign is that of O_i − O_j (the d are positive); between consecutive roots
 * its sign is constant, so the segments where g_j < 0 (j ahead) are found by testing each
 * segment's midpoint. The stable interval is the stretch around w free of such segments.
 */
export function stability(w: number, forms: readonly LinearFraction[], names: readonly string[], contenders: readonly number[], leader: number): Stability {
  let from = 0;
  let to = 1;
  let lowRival: string | null = null;
  let highRival: string | null = null;
  const fi = forms[leader];
  for (const j of contenders) {
    if (j === leader) continue;
    const fj = forms[j];
    const A = fi.m1 * fj.d1 - fj.m1 * fi.d1;
    const B = fi.m0 * fj.d1 + fi.m1 * fj.d0 - fj.m0 * fi.d1 - fj.m1 * fi.d0;
    const C = fi.m0 * fj.d0 - fj.m0 * fi.d0;
    const cuts = [0, ...rootsInUnit(A, B, C), 1];
    for (let k = 0; k + 1 < cuts.length; k++) {
      const [lo, hi] = [cuts[k], cuts[k + 1]];
      const x = (lo + hi) / 2;
      const diff = (fi.m0 + fi.m1 * x) / (fi.d0 + fi.d1 * x) - (fj.m0 + fj.m1 * x) / (fj.d0 + fj.d1 * x);
      if (!(diff < -TIE)) continue; // j is not ahead on this segment
      if (lo >= w - 1e-15 && lo < to) [to, highRival] = [Math.max(lo, w), names[j]];
      else if (hi <= w + 1e-15 && hi > from) [from, lowRival] = [Math.min(hi, w), names[j]];
      else if (lo < w && hi > w) [from, to, lowRival, highRival] = [w, w, names[j], names[j]];
    }
  }
  const up = highRival === null ? Infinity : to - w;
  const down = lowRival === null ? Infinity : w - from;
  if (up === Infinity && down === Infinity) return { flipAt: null, rival: null, stableFrom: from, stableTo: to };
  return up <= down ? { flipAt: to, rival: highRival, stableFrom: from, stableTo: to } : { flipAt: from, rival: lowRival, stableFrom: from, stableTo: to };
}

/** The contenders and the leader of figures O (first of the best at 9 decimals); -1 without any. */
export function leaderOf(figures: ArrayLike<number>, eligible?: readonly boolean[]): { contenders: number[]; leader: number } {
  const contenders: number[] = [];
  let leader = -1;
  for (let v = 0; v < figures.length; v++) {
    if (!Number.isFinite(figures[v]) || (eligible && !eligible[v])) continue;
    contenders.push(v);
    if (leader < 0 || rankKey(figures[v]) > rankKey(figures[leader])) leader = v;
  }
  return { contenders, leader };
}

/**
 * Flip points of every weighted node (a node with at least one sibling): its current weight w
 * within its group, and where the leader would lose first place if that one weight became x with
 * its siblings rescaled by (1 − x)/(1 − w) so the group still sums to 1.
 *
 * Derivation. Changing node n's weight only changes its parent P's score, and the total depends
 * on P's score linearly: every ancestor's score is Σw·s ÷ Σw over its children that have a score,
 * and which children have a score does not depend on x. So T_v(x) = α_v + β_v·S_P,v(x). Within the
 * group, under the "exclude" policy the vendor's P is the weighted mean over its scored members
 * only: S_P = (x·s_n + (1 − x)·c_v·R_v) ÷ (x + (1 − x)·c_v), where c_v is the share of n's siblings'
 * weight that the vendor has scores for and R_v their weighted mean. Hence T_v(x) = N_v(x) ÷ d_v(x)
 * with N_v linear and d_v(x) = c_v + (1 − c_v)·x; with every rating present (or the "zero" policy)
 * c_v = 1, d_v = 1 and T_v is linear — the issue's x = (w·Δ − D)/(Δ − D). A vendor without a score
 * on n, or on every sibling, has T_v constant in x. N_v is read off exactly from T_v at x = 1/3 and
 * 2/3 (computed by totalsWith, the engine's weighted means), and ties solve a quadratic per rival
 * (stability). The analysis holds on the open interval 0 < x < 1: at exactly 0 or 1 a vendor whose
 * only scored members are n (or only its siblings) loses P altogether and is renormalised a level up.
 * So for a node weighing 0 the figures describe weights just above 0: when moving it off 0 already
 * puts a rival ahead (a vendor rated only on this node gains P's score), flipAt = stableFrom =
 * stableTo = 0. Vendors without a total now that gain one off 0 compete too.
 */
export function flipPoints(m: WeightModel, contest: Contest = {}): FlipResult {
  const t = m.tree;
  const n = t.codes.length;
  const V = m.vendors.length;
  const a = contest.a ?? 1;
  const b = (v: number): number => contest.b?.[v] ?? 0;
  const now = Float64Array.from(m.total, (T, v) => a * T + b(v));
  const { contenders, leader } = leaderOf(now, contest.eligible);
  const tiedWith = leader < 0 ? [] : contenders.filter((v) => v !== leader && rankKey(now[v]) === rankKey(now[leader])).map((v) => m.vendors[v]);
  const flips: NodeFlip[] = [];
  if (leader < 0) return { leader: null, tiedWith, flips };
  const weights = new Float64Array(n);
  const scratch = new Float64Array(n + 1);
  const t1 = new Float64Array(V);
  const t2 = new Float64Array(V);
  const scored = new Float64Array(n + 1);
  for (const g of m.groups) {
    if (g.children.length < 2) continue;
    for (const node of g.children) {
      const w = m.base[node];
      withNodeWeight(m, node, 1 / 3, weights);
      totalsWith(m, weights, t1, scratch);
      withNodeWeight(m, node, 2 / 3, weights);
      totalsWith(m, weights, t2, scratch);
      const rest = 1 - w;
      const forms: LinearFraction[] = [];
      for (let v = 0; v < V; v++) {
        // Which of the group's members the vendor has a score on (weights as at x = 2/3: every member's positive unless its base weight is 0).
        nodeScores(m, v, weights, scored);
        let c = 0;
        for (const k of g.children) if (k !== node && !Number.isNaN(scored[k])) c += rest > 1e-15 ? m.base[k] / rest : 1 / (g.children.length - 1);
        const varies = !Number.isNaN(scored[node]) && c > 0 && !Number.isNaN(t1[v]);
        const d0 = varies ? c : 1;
        const d1 = varies ? 1 - c : 0;
        const N1 = (a * t1[v] + b(v)) * (d0 + d1 / 3);
        const N2 = (a * t2[v] + b(v)) * (d0 + (2 * d1) / 3);
        const m1 = varies ? (N2 - N1) * 3 : 0;
        forms.push({ m0: varies ? N1 - m1 / 3 : N1, m1, d0, d1 });
      }
      // A vendor without a total now (its only scored members weigh 0) gets one once this weight moves off 0.
      const rivals = contenders.concat(forms.flatMap((f, v) => (!Number.isFinite(now[v]) && Number.isFinite(t1[v]) && !(contest.eligible && !contest.eligible[v]) ? [v] : [])));
      const s = stability(w, forms, m.vendors, rivals, leader);
      flips.push({ code: t.codes[node], parent: g.node === n ? null : t.codes[g.node], weight: w, ...s });
    }
  }
  // Tree order (pre-order), as the Weights sheet lists the nodes.
  const order = new Map(t.codes.map((c, i) => [c, i]));
  flips.sort((x, y) => (order.get(x.code) as number) - (order.get(y.code) as number));
  return { leader: m.vendors[leader], tiedWith, flips };
}

/** One vendor's score of every node under `weights` (NaN: no score), the total at index codes.length. */
export function nodeScores(m: WeightModel, v: number, weights: Float64Array, out: Float64Array): Float64Array {
  const n = m.tree.codes.length;
  out.set(m.leafScore.subarray(v * n, v * n + n));
  for (const { node, children } of m.groups) {
    let num = 0;
    let den = 0;
    for (const c of children) {
      const s = out[c];
      if (Number.isNaN(s)) continue;
      num += weights[c] * s;
      den += weights[c];
    }
    out[node] = den > 0 ? num / den : NaN;
  }
  return out;
}

/**
 * The price weight p's flip: overall_v(p) = quality_v·(1 − p) + price_v·p is linear in p for the
 * eligible vendors (their price scores do not depend on p), so the tie with rival j is at
 * p = (Q_i − Q_j) ÷ ((Q_i − Q_j) − (P_i − P_j)).
 */
export function priceFlip(vendors: readonly { vendor: string; quality: number | null; priceScore: number | null; eligible: boolean }[], p: number): Stability & { weight: number; leader: string | null } {
  const names = vendors.map((v) => v.vendor);
  const ok = vendors.map((v) => v.eligible && v.quality !== null && v.priceScore !== null);
  const now = vendors.map((v, i) => (ok[i] ? (v.quality as number) * (1 - p) + (v.priceScore as number) * p : NaN));
  const { contenders, leader } = leaderOf(now, ok);
  if (leader < 0) return { weight: p, leader: null, flipAt: null, rival: null, stableFrom: 0, stableTo: 1 };
  const forms = vendors.map((v, i) => (ok[i] ? { m0: v.quality as number, m1: (v.priceScore as number) - (v.quality as number), d0: 1, d1: 0 } : { m0: NaN, m1: 0, d0: 1, d1: 0 }));
  return { weight: p, leader: names[leader], ...stability(p, forms, names, contenders, leader) };
}
