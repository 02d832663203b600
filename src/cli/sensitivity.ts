/** `scorecard score --sensitivity`: flip points and rank acceptability (issue #12), as JSON and as a short table. */
import type { AwardResult } from "../core/award";
import { score, type Aggregation, type MissingPolicy, type Rating } from "../core/engine";
import type { IndicatorTree, Locale } from "../core/model";
import { analyseSensitivity, DEFAULT_SAMPLES, DEFAULT_SEED, DEFAULT_SPREAD, type Acceptability, type SamplingMode, type SensitivityReport } from "../core/sensitivity";
import { shown } from "./text";

export const SENSITIVITY_USAGE = `Sensitivity (how robust is the winner):
  --sensitivity               Add per weighted node its weight (a fraction of its group),
                              the weight at which the leader would lose first place (the
                              others in its group rescaled), the rival, and the interval of
                              the weight within which the leader stays first; with --bids
                              the same for the price weight. And rank acceptability: per
                              vendor the share of sampled weight vectors ranking it first
                              (± standard error) and its rank range; a panel also resamples
                              its raters (bootstrap)
  --samples <n>               Weight vectors sampled (default ${DEFAULT_SAMPLES.toLocaleString("en-US")}; 1–1,000,000)
  --spread <x>                Each weight perturbed within ±x % (default ${DEFAULT_SPREAD * 100}), then
                              each group rescaled to 100 %
  --sampling spread|simplex   simplex: each group's weights uniform over all splits instead
  --seed <n>                  Random seed (default ${DEFAULT_SEED}): the same seed, the same figures
`;

export interface SensitivityOptions {
  samples: number;
  spread: number;
  seed: number;
  mode: SamplingMode;
}

/** The options from their texts, or the message naming the bad one. */
export function sensitivityOptions(o: { samples?: string; spread?: string; seed?: string; sampling?: string }): SensitivityOptions | string {
  const num = (t: string | undefined): number => (t === undefined || t.trim() === "" ? NaN : Number(t.trim()));
  const samples = o.samples === undefined ? DEFAULT_SAMPLES : num(o.samples);
  if (!Number.isInteger(samples) || samples < 1 || samples > 1_000_000) return `--samples must be a whole number from 1 to 1,000,000, got "${shown(o.samples ?? "")}"`;
  const spread = o.spread === undefined ? DEFAULT_SPREAD * 100 : num(o.spread);
  if (!(spread >= 0 && spread <= 100)) return `--spread must be a percentage from 0 to 100, got "${shown(o.spread ?? "")}"`;
  const seed = o.seed === undefined ? DEFAULT_SEED : num(o.seed);
  if (!Number.isSafeInteger(seed)) return `--seed must be a whole number, got "${shown(o.seed ?? "")}"`;
  const mode = (o.sampling ?? "spread") as SamplingMode;
  if (mode !== "spread" && mode !== "simplex") return `--sampling must be spread or simplex, got "${shown(o.sampling ?? "")}"`;
  return { samples, spread: spread / 100, seed, mode };
}

export interface SensitivityJson {
  basis: SensitivityReport["basis"];
  leader: string | null;
  tiedWith: string[];
  flips: { code: string; parent: string | null; weight: number; rival: string | null; flipAt: number | null; stableFrom: number; stableTo: number }[];
  price: { weight: number; rival: string | null; flipAt: number | null; stableFrom: number; stableTo: number } | null;
  samples: number;
  sampling: SamplingMode;
  spread: number | null;
  seed: number;
  firstShare: Record<string, number>;
  standardError: Record<string, number>;
  rankRange: Record<string, [number, number] | null>;
  bootstrap: { samples: number; firstShare: Record<string, number>; standardError: Record<string, number>; rankRange: Record<string, [number, number] | null> } | null;
  notes: string[];
}

const shares = (a: Acceptability): Pick<SensitivityJson, "firstShare" | "standardError" | "rankRange"> => ({
  firstShare: Object.fromEntries(a.vendors.map((v) => [v.vendor, v.firstShare])),
  standardError: Object.fromEntries(a.vendors.map((v) => [v.vendor, v.standardError])),
  rankRange: Object.fromEntries(a.vendors.map((v) => [v.vendor, v.bestRank === null ? null : [v.bestRank, v.worstRank as number]])),
});

/**
 * The analysis of the ratings as `score` scored them: scored again whole by the engine (the batch
 * scorer keeps no leaf scores), vendors in the same order.
 */
export function runSensitivity(
  tree: IndicatorTree,
  ratings: readonly Rating[],
  raterRatings: readonly Rating[],
  scoring: { missing: MissingPolicy; aggregate: Aggregation; vendors: string[] },
  award: AwardResult | null,
  priceWeight: number | null,
  opts: SensitivityOptions,
): SensitivityJson {
  const result = score(tree, ratings, scoring);
  const raters = raterRatings.filter((r) => r.rater !== undefined && r.rater !== "");
  const r = analyseSensitivity(tree, result, {
    samples: opts.samples,
    spread: opts.spread,
    seed: opts.seed,
    mode: opts.mode,
    ...(award ? { award, priceWeight } : {}),
    raters: { ratings: raters, score: { missing: scoring.missing, aggregate: scoring.aggregate } },
  });
  const notes: string[] = [];
  if (r.basis === "award") notes.push("Compared on the award's figure (overall with price) among the vendors eligible now; a weight change that moves a vendor across a minimum is not modelled.");
  if (r.bootstrapSkipped) notes.push(`No rater bootstrap: ${r.bootstrapSkipped}`);
  else if (r.bootstrap) notes.push("Rater bootstrap: raters drawn with replacement from their own ratings (Moderation consensus scores are not resampled).");
  if (r.tiedWith.length > 0) notes.push(`${r.leader} is tied for first with ${r.tiedWith.join(", ")}: flip points are measured from ${r.leader}.`);
  return {
    basis: r.basis,
    leader: r.leader,
    tiedWith: r.tiedWith,
    flips: r.flips.map((f) => ({ code: f.code, parent: f.parent, weight: f.weight, rival: f.rival, flipAt: f.flipAt, stableFrom: f.stableFrom, stableTo: f.stableTo })),
    price: r.price,
    samples: r.acceptability.samples,
    sampling: opts.mode,
    spread: r.acceptability.spread,
    seed: r.acceptability.seed,
    ...shares(r.acceptability),
    bootstrap: r.bootstrap ? { samples: r.bootstrap.samples, ...shares(r.bootstrap) } : null,
    notes,
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

const TEXT: Record<Locale, Record<"title" | "leader" | "node" | "weight" | "flipAt" | "rival" | "stable" | "none" | "more" | "price" | "first" | "ranks" | "bootstrap", string>> = {
  "en-US": { title: "Sensitivity", leader: "leader", node: "Node", weight: "Weight", flipAt: "Flips at", rival: "To", stable: "Leader stays first", none: "no weight of these nodes changes the winner", more: "more nodes flip further away (see --json)", price: "Price weight", first: "Ranked first in", ranks: "ranks", bootstrap: "Resampling raters" },
  "zh-CN": { title: "敏感性", leader: "领先者", node: "指标", weight: "权重", flipAt: "翻转点", rival: "被超越于", stable: "领先者保持第一的区间", none: "这些指标的权重怎么变都不改变第一名", more: "个指标的翻转点更远（见 --json）", price: "价格权重", first: "排第一的比例", ranks: "名次", bootstrap: "重抽评分人" },
};

/** The short table: the ten nearest flips, the price weight's, and the first-place shares. */
export function sensitivityText(s: SensitivityJson, locale: Locale, table: (header: string[], rows: string[][], right: boolean[]) => string): string {
  const T = TEXT[locale];
  let out = `\n${T.title} (${T.leader}: ${s.leader === null ? "—" : shown(s.leader, 60)})\n`;
  const flipping = s.flips.filter((f) => f.flipAt !== null).sort((a, b) => Math.abs((a.flipAt as number) - a.weight) - Math.abs((b.flipAt as number) - b.weight));
  const rows = [...(s.price && s.price.flipAt !== null ? [{ code: T.price, ...s.price }] : []), ...flipping.slice(0, 10)].map((f) => [f.code, pct(f.weight), pct(f.flipAt as number), shown(f.rival ?? "", 40), `${pct(f.stableFrom)} – ${pct(f.stableTo)}`]);
  if (rows.length > 0) out += table([T.node, T.weight, T.flipAt, T.rival, T.stable], rows, [false, true, true, false, false]);
  if (flipping.length > 10) out += `  ${flipping.length - 10} ${T.more}\n`;
  const still = s.flips.filter((f) => f.flipAt === null).map((f) => f.code);
  if (still.length > 0) out += `  ${T.none}: ${still.length > 12 ? `${still.slice(0, 12).join(", ")} … (${still.length})` : still.join(", ")}\n`;
  const line = (label: string, a: Pick<SensitivityJson, "firstShare" | "standardError" | "rankRange">, n: number): string =>
    `  ${label} (${n.toLocaleString("en-US")}): ` +
    Object.entries(a.firstShare)
      .filter(([, x]) => x > 0)
      .sort((x, y) => y[1] - x[1])
      .map(([v, x]) => `${shown(v, 40)} ${pct(x)} ± ${pct(a.standardError[v])} (${T.ranks} ${a.rankRange[v]?.join("–") ?? "—"})`)
      .join("; ") +
    "\n";
  out += line(`${T.first} ${s.sampling === "simplex" ? "simplex" : `±${Math.round((s.spread ?? 0) * 100)}%`}`, s, s.samples);
  if (s.bootstrap) out += line(T.bootstrap, s.bootstrap, s.bootstrap.samples);
  for (const n of s.notes) out += `  ${n}\n`;
  return out;
}
