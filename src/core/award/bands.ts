import type { LocalizedText } from "../model/types";
import type { GradeBand } from "./types";
import { rankKey } from "../engine/rank";

/** 优秀 Excellent ≥ 85, 良好 Good ≥ 70, 合格 Acceptable ≥ 60, 不合格 Unacceptable < 60. */
export const DEFAULT_BANDS: readonly GradeBand[] = [
  { min: 85, label: { "zh-CN": "优秀", "en-US": "Excellent" } },
  { min: 70, label: { "zh-CN": "良好", "en-US": "Good" } },
  { min: 60, label: { "zh-CN": "合格", "en-US": "Acceptable" } },
  { min: 0, label: { "zh-CN": "不合格", "en-US": "Unacceptable" } },
];

const fig = (n: number): string => String(Number(n.toFixed(6)));

/**
 * What is wrong with a list of bands, in both languages; [] when they cover 0–100 without gaps:
 * at least one band, every lower bound a number within 0–100 and given once, one band from 0,
 * every label named in both languages. (Bands are lower bounds, so the only possible gap is below
 * the lowest one.)
 */
export function bandProblems(bands: readonly GradeBand[]): LocalizedText[] {
  const out: LocalizedText[] = [];
  if (bands.length === 0) return [{ "zh-CN": "等级区间为空：需覆盖 0–100", "en-US": "No grade bands: they must cover 0–100" }];
  const seen = new Set<number>();
  for (const b of bands) {
    if (!(typeof b.min === "number" && Number.isFinite(b.min) && b.min >= 0 && b.min <= 100)) {
      out.push({ "zh-CN": `等级“${b.label?.["zh-CN"] ?? ""}”的下限不是 0–100 之间的数字（${String(b.min)}）`, "en-US": `The lower bound of grade “${b.label?.["en-US"] ?? ""}” is not a number from 0 to 100 (${String(b.min)})` });
      continue;
    }
    if (seen.has(b.min)) out.push({ "zh-CN": `有两个等级都从 ${fig(b.min)} 起`, "en-US": `Two grades both start at ${fig(b.min)}` });
    seen.add(b.min);
    if (!b.label || (b.label["zh-CN"] ?? "").trim() === "" || (b.label["en-US"] ?? "").trim() === "") {
      out.push({ "zh-CN": `从 ${fig(b.min)} 起的等级没有名称`, "en-US": `The grade from ${fig(b.min)} has no name` });
    }
  }
  const valid = [...seen];
  if (valid.length > 0 && !seen.has(0)) {
    const low = Math.min(...valid);
    out.push({ "zh-CN": `等级区间有空档：0–${fig(low)} 不属于任何等级（最低的等级须从 0 起）`, "en-US": `The grade bands leave a gap: 0–${fig(low)} has no grade (the lowest band must start at 0)` });
  }
  return out;
}

/** The bands highest first; RangeError (English message) when they do not cover 0–100. */
export function checkBands(bands: readonly GradeBand[]): GradeBand[] {
  const problems = bandProblems(bands);
  if (problems.length > 0) throw new RangeError(problems.map((p) => p["en-US"]).join("; "));
  return [...bands].sort((a, b) => b.min - a.min);
}

/** Scores are compared at 9 decimals, as the workbook's ROUND(score,9). */
/** The band of a quality score (bands highest first, as checkBands returns them): the first whose min ≤ the score. */
export function gradeOf(sorted: readonly GradeBand[], quality: number | null): GradeBand | null {
  if (quality === null) return null;
  const q = rankKey(quality);
  let k = 0;
  while (k < sorted.length && sorted[k].min > q) k++;
  return sorted[k] ?? null;
}
