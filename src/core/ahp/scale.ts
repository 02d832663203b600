/**
 * Saaty's fundamental scale: a judgement "a is x times as important as b" takes x in
 * 1, 2, …, 9 or a reciprocal 1/2, …, 1/9. Input is read leniently ("3", "1/3", "0.333", "0,333")
 * and snapped to the nearest scale value when it lies within 5 % of it; anything else is refused
 * with a message saying why.
 */
import type { LocalizedText } from "../model/types";

/** Smallest and largest group a pairwise comparison takes (see MAX_GROUP for why 10). */
export const MIN_GROUP = 2;
/**
 * Largest group: Saaty's random index table ends at n = 10, and n criteria need n(n−1)/2
 * judgements (45 at n = 10, 55 at 11): beyond that people stop judging carefully. Split a larger
 * group into sub-groups instead.
 */
export const MAX_GROUP = 10;

/**
 * Saaty's random index RI(n), n = 1…10 (T. L. Saaty, "How to make a decision: the analytic
 * hierarchy process", European Journal of Operational Research 48(1), 1990, 9–26; the same table
 * as in Saaty, The Analytic Hierarchy Process, McGraw-Hill 1980). Simulated tables by other
 * authors differ in the second decimal; this is the one the consistency ratio here uses.
 */
export const RANDOM_INDEX: readonly number[] = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

/** CR at or below this is "consistent enough" (Saaty's 10 % rule). */
export const CR_THRESHOLD = 0.1;

/** Relative distance from a scale value within which an input snaps to it (adjacent values are ≥ 12.5 % apart). */
export const SNAP_TOLERANCE = 0.05;

/** RI for a group of n (n = 1…10). */
export function randomIndex(n: number): number {
  const ri = RANDOM_INDEX[n - 1];
  if (ri === undefined) throw new RangeError(`no random index for a group of ${n} (1–${MAX_GROUP})`);
  return ri;
}

/** The 17 scale values, 1/9 … 9, ascending. */
export const SAATY_VALUES: readonly number[] = [9, 8, 7, 6, 5, 4, 3, 2].map((k) => 1 / k).concat([1, 2, 3, 4, 5, 6, 7, 8, 9]);

/** The scale as text, 9 … 1 … 1/9 (a drop-down list). */
export const SAATY_TEXTS: readonly string[] = ["9", "8", "7", "6", "5", "4", "3", "2", "1", "1/2", "1/3", "1/4", "1/5", "1/6", "1/7", "1/8", "1/9"];

/** "3" for 3, "1/3" for 1/3 (a scale value); other numbers with up to 4 decimals. */
export function judgementText(value: number): string {
  const k = value >= 1 ? Math.round(value) : Math.round(1 / value);
  if (value >= 1 && Math.abs(value - k) < 1e-9) return String(k);
  if (value < 1 && Math.abs(1 / value - k) < 1e-9) return `1/${k}`;
  return String(Math.round(value * 10000) / 10000);
}

/**
 * The intensity k (1…9) and direction of a positive number: the nearest integer of x (x ≥ 1) or of
 * 1/x (x < 1). The same rule as the Pairwise sheet's formulas (ROUND), so both snap alike.
 */
export function intensityOf(x: number): { k: number; inverse: boolean } {
  return x >= 1 ? { k: Math.round(x), inverse: false } : { k: Math.round(1 / x), inverse: true };
}

export type JudgementParse =
  | { ok: true; value: number; text: string }
  | { ok: false; reason: "blank" | "not-a-number" | "not-positive" | "off-scale"; message: LocalizedText };

const NUMBER = /^[+]?(\d+([.,]\d*)?|[.,]\d+)$/;

function plainNumber(s: string): number | null {
  const t = s.trim();
  if (!NUMBER.test(t)) return null;
  return Number(t.replace(",", "."));
}

/**
 * Reads one judgement: a number, "a/b" (e.g. "1/3"), or a decimal with "." or "," ("0.333",
 * "0,333"). Accepted when within 5 % of a scale value (1/9 … 9), which it then becomes: "0.33" →
 * 1/3, "2.9" → 3, "0.3" refused (nearest 1/3 is 11 % away), "10" refused. Never throws.
 */
export function parseJudgement(input: string | number | null | undefined): JudgementParse {
  let x: number | null;
  if (typeof input === "number") x = input;
  else if (input === null || input === undefined || input.trim() === "") {
    return { ok: false, reason: "blank", message: { "en-US": "no judgement given", "zh-CN": "未填写判断值" } };
  } else {
    const s = input.trim().replace(/／/g, "/");
    const slash = s.indexOf("/");
    if (slash >= 0) {
      const p = plainNumber(s.slice(0, slash));
      const q = plainNumber(s.slice(slash + 1));
      x = p === null || q === null || q === 0 ? null : p / q;
    } else x = plainNumber(s);
  }
  const shown = typeof input === "number" ? String(input) : String(input).trim();
  if (x === null || !Number.isFinite(x)) {
    return {
      ok: false,
      reason: "not-a-number",
      message: {
        "en-US": `"${shown}" is not a judgement: write a number from Saaty's scale, e.g. 3, 1/3 or 0.333`,
        "zh-CN": `“${shown}”不是判断值：请填写 Saaty 标度上的数，例如 3、1/3 或 0.333`,
      },
    };
  }
  if (x <= 0) {
    return { ok: false, reason: "not-positive", message: { "en-US": `${shown} is not positive: judgements run from 1/9 to 9`, "zh-CN": `${shown} 不是正数：判断值的范围是 1/9 到 9` } };
  }
  const { k, inverse } = intensityOf(x);
  const snapped = inverse ? 1 / k : k;
  if (k > 9 || Math.abs(Math.log(x / snapped)) > Math.log(1 + SNAP_TOLERANCE)) {
    const nearest = k > 9 ? (inverse ? "1/9" : "9") : judgementText(snapped);
    return {
      ok: false,
      reason: "off-scale",
      message: {
        "en-US": `${shown} is not on Saaty's scale 1/9 … 9 (nearest: ${nearest}); use 1–9 or 1/2–1/9`,
        "zh-CN": `${shown} 不在 Saaty 标度 1/9 … 9 上（最接近：${nearest}）；请使用 1–9 或 1/2–1/9`,
      },
    };
  }
  return { ok: true, value: snapped, text: judgementText(snapped) };
}
