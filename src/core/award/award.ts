import { competitionRanks, rankKey } from "../engine/rank";
import type { ScoreResult, VendorResult } from "../engine/types";
import { walk } from "../model/tree";
import type { IndicatorNode, IndicatorTree, LocalizedText } from "../model/types";
import { checkBands, DEFAULT_BANDS, gradeOf } from "./bands";
import { isValidBid } from "./bid";
import type { AwardResult, AwardSettings, AwardStatus, AwardVendor, GateFailure, PriceSettings } from "./types";

/** A minimum the tree sets: on a node, or on the total (node null, code ""). */
export interface Gate {
  code: string;
  node: IndicatorNode | null;
  leaf: boolean;
  minimum: number;
}

const isMinimum = (m: unknown): m is number => typeof m === "number" && Number.isFinite(m);

/** Every minimum of the tree, nodes in pre-order, then the total's. */
export function gatesOf(tree: IndicatorTree): Gate[] {
  const out: Gate[] = [];
  const seen = new Set<string>();
  walk(tree, ({ node }) => {
    if (seen.has(node.code)) return;
    seen.add(node.code);
    if (isMinimum(node.minimum)) out.push({ code: node.code, node, leaf: node.children.length === 0, minimum: node.minimum });
  });
  if (isMinimum(tree.minimum)) out.push({ code: "", node: null, leaf: false, minimum: tree.minimum });
  return out;
}

/** True when the tree sets any minimum. */
export const hasMinimums = (tree: IndicatorTree): boolean => gatesOf(tree).length > 0;

const fig = (n: number): string => String(Number(n.toFixed(6)));
/** One decimal, as the workbook's TEXT(ROUND(x,9),"0.0"). */
export const oneDecimal = (x: number): string => (Math.round(rankKey(x) * 10) / 10).toFixed(1);

const TOTAL: LocalizedText = { "zh-CN": "总分", "en-US": "Total" };

function gateLabel(g: Gate): LocalizedText {
  if (g.node === null) return TOTAL;
  const n = g.node;
  return { "zh-CN": `${n.code} ${n.name["zh-CN"]}`, "en-US": `${n.code} ${n.name["en-US"]}` };
}

/** "4 Security 52.0 < 60" / unrated: "4 Security: not rated". */
export function gateReason(g: Gate, value: number | null): LocalizedText {
  const l = gateLabel(g);
  return value === null
    ? { "zh-CN": `${l["zh-CN"]}：未评分`, "en-US": `${l["en-US"]}: not rated` }
    : { "zh-CN": `${l["zh-CN"]} ${oneDecimal(value)} < ${fig(g.minimum)}`, "en-US": `${l["en-US"]} ${oneDecimal(value)} < ${fig(g.minimum)}` };
}

/**
 * A vendor's failed gates: a leaf with a minimum must be rated (a blank or N/A never passes, even
 * when a missing rating counts as 0); a group or the total must have a score; the score, at 9
 * decimals, must not be below the minimum.
 */
export function gateFailures(gates: readonly Gate[], r: VendorResult): GateFailure[] {
  const out: GateFailure[] = [];
  for (const g of gates) {
    const value = g.node === null ? r.total : r.scores[g.code] ?? null;
    const unrated = value === null || (g.leaf && r.leaves[g.code]?.status !== "rated");
    if (unrated) out.push({ code: g.code, value: null, minimum: g.minimum, kind: "unrated", reason: gateReason(g, null) });
    else if (rankKey(value) < g.minimum) out.push({ code: g.code, value, minimum: g.minimum, kind: "below", reason: gateReason(g, value) });
  }
  return out;
}

/** A bid's price score (lowest and highest of the eligible valid bids). */
export function priceScore(method: PriceSettings["method"], bid: number, lowest: number, highest: number): number {
  if (method === "linear") return highest === lowest ? 100 : (100 * (highest - bid)) / (highest - lowest);
  return (lowest / bid) * 100;
}

export interface AwardInput {
  /** Bids by vendor name (numbers; null or absent = no bid). Read only when settings.price is set. */
  bids?: Record<string, number | null | undefined>;
  settings?: AwardSettings;
}

/**
 * The award decision from the engine's scores (for a panel: the consolidated scores): gates,
 * eligibility, price scores, overall scores, grades, abnormally low bids and ranks among the
 * eligible vendors. Without minimums and price, every vendor with a total is eligible and the
 * ranks are the engine's. Throws RangeError for grade bands that do not cover 0–100.
 */
export function evaluateAward(tree: IndicatorTree, result: ScoreResult, input: AwardInput = {}): AwardResult {
  const gates = gatesOf(tree);
  return decideAward(result.vendors.map((r) => ({ vendor: r.vendor, quality: r.total, gates: gateFailures(gates, r) })), input);
}

/** What decideAward needs of a vendor: its quality score and failed gates (see gateFailures). */
export interface AwardRow {
  vendor: string;
  quality: number | null;
  gates: GateFailure[];
}

/**
 * The decision from each vendor's quality score and failed gates (so that a caller scoring vendors
 * in batches keeps only these): eligibility, price, overall, grade, low bid, rank among eligible.
 */
export function decideAward(list: readonly AwardRow[], input: AwardInput = {}): AwardResult {
  const bands = checkBands(input.settings?.bands ?? DEFAULT_BANDS);
  const price = input.settings?.price;
  const rows = list.map((r) => {
    const failures = r.gates;
    const raw = price ? input.bids?.[r.vendor] : undefined;
    const bid = typeof raw === "number" && Number.isFinite(raw) ? raw : null;
    const status: AwardStatus = failures.some((f) => f.kind === "below")
      ? "failed"
      : failures.length > 0 || r.quality === null
        ? "unrated"
        : price && !isValidBid(bid)
          ? "no-bid"
          : "eligible";
    return { r, failures, bid, status };
  });
  const pool = rows.filter((x) => x.status === "eligible" && price && isValidBid(x.bid)).map((x) => x.bid as number);
  const lowest = pool.length > 0 ? Math.min(...pool) : null;
  const highest = pool.length > 0 ? Math.max(...pool) : null;
  let sum = 0;
  for (const b of pool) sum += b;
  const p = price ? price.weight / 100 : 0;
  const vendors: AwardVendor[] = rows.map(({ r, failures, bid, status }) => {
    const eligible = status === "eligible";
    const quality = r.quality;
    let ps: number | null = null;
    let overall: number | null = quality;
    let lowBid = false;
    if (price) {
      if (eligible && lowest !== null && highest !== null) {
        const b = bid as number;
        ps = priceScore(price.method, b, lowest, highest);
        overall = (quality as number) * (1 - p) + ps * p;
        if (pool.length >= 2) lowBid = b < ((sum - b) / (pool.length - 1)) * (1 - price.lowBidThreshold / 100);
      } else {
        overall = null;
      }
    }
    return { vendor: r.vendor, quality, status, eligible, gates: failures, bid, priceScore: ps, overall, grade: gradeOf(bands, quality), lowBid, rank: null };
  });
  const ranks = competitionRanks(vendors.map((v) => (v.eligible ? v.overall : null)));
  vendors.forEach((v, i) => (v.rank = ranks[i]));
  const priceGuidance = !price ? "none" : price.weight < 10 ? "below-services" : price.weight < 30 ? "below-goods" : "none";
  return { vendors, lowest, highest, priceGuidance };
}

/** Vendors in award order: eligible by rank (ties in input order), then the others in input order. */
export function awardOrder(vendors: readonly AwardVendor[]): AwardVendor[] {
  const idx = new Map(vendors.map((v, i) => [v, i]));
  return [...vendors].sort((a, b) => {
    const ra = a.rank ?? Infinity;
    const rb = b.rank ?? Infinity;
    return ra - rb || (idx.get(a) as number) - (idx.get(b) as number);
  });
}
