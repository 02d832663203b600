import type { LocalizedText } from "../model/types";
import type { LeafCandidate } from "./match";

/** Why a row (long) or cell (wide) was not imported. */
export type RejectCode =
  | "empty-vendor"
  | "empty-indicator"
  | "unknown-indicator"
  | "ambiguous-indicator"
  | "group-indicator"
  | "empty-score"
  | "not-a-number"
  | "out-of-range"
  | "conflict"
  | "exact-duplicate"
  /** A row with data beyond the header's columns: rejected whole (its fields do not line up). */
  | "extra-fields";

export interface Rejection {
  /** 1-based physical line in the file (header = line 1), or the worksheet row for .xlsx. */
  line: number;
  code: RejectCode;
  /** Header of the column concerned, when there is one. */
  column?: string;
  /** The offending text as found (trimmed). */
  value?: string;
  vendor?: string;
  /** For ambiguous indicators: every leaf it could mean. */
  candidates?: LeafCandidate[];
  /** For conflicts and duplicates: the other lines involved. */
  relatedLines?: number[];
  message: LocalizedText;
}

export interface RejectDetail {
  column?: string;
  value?: string;
  vendor?: string;
  candidates?: LeafCandidate[];
  relatedLines?: number[];
  /** Values on the related lines, same order, for conflicts. */
  otherValues?: string[];
  /** Code, for conflicts. */
  code?: string;
  rater?: string;
}

function where(line: number, column: string | undefined): LocalizedText {
  return column === undefined || column === ""
    ? { "zh-CN": `第${line}行`, "en-US": `Line ${line}` }
    : { "zh-CN": `第${line}行“${column}”列`, "en-US": `Line ${line}, column "${column}"` };
}

function cands(c: LeafCandidate[] | undefined, locale: "zh-CN" | "en-US"): string {
  return (c ?? []).map((x) => `${x.code} ${x.path[locale]}`).join(locale === "zh-CN" ? "；" : "; ");
}

/** Characters of a value kept in a rejection, and shown in its message. */
const KEPT = 200;
const SHOWN = 60;
const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function rejection(line: number, code: Exclude<RejectCode, "extra-fields">, detail: RejectDetail = {}): Rejection {
  const d = detail.value !== undefined && detail.value.length > KEPT ? { ...detail, value: cut(detail.value, KEPT) } : detail;
  const w = where(line, d.column === undefined ? undefined : cut(d.column, SHOWN));
  const v = cut(d.value ?? "", SHOWN);
  const others = (d.relatedLines ?? []).join(", ");
  const pairs = (d.relatedLines ?? []).map((l, i) => ({ l, v: d.otherValues?.[i] ?? "" }));
  const othersZh = pairs.map((p) => `第${p.l}行为 ${p.v}`).join("，");
  const othersEn = pairs.map((p) => `${p.v} on line ${p.l}`).join(", ");
  const who = `${d.vendor ?? ""} / ${d.code ?? ""}${d.rater ? ` / ${d.rater}` : ""}`;
  const texts: Record<Exclude<RejectCode, "extra-fields">, LocalizedText> = {
    "empty-vendor": { "zh-CN": `${w["zh-CN"]}：供应商为空`, "en-US": `${w["en-US"]}: empty vendor` },
    "empty-indicator": { "zh-CN": `${w["zh-CN"]}：指标为空`, "en-US": `${w["en-US"]}: empty indicator` },
    "unknown-indicator": { "zh-CN": `${w["zh-CN"]}：未知指标“${v}”`, "en-US": `${w["en-US"]}: unknown indicator "${v}"` },
    "ambiguous-indicator": {
      "zh-CN": `${w["zh-CN"]}：指标“${v}”不唯一，可能是：${cands(d.candidates, "zh-CN")}；请使用编号或完整路径`,
      "en-US": `${w["en-US"]}: indicator "${v}" is ambiguous: ${cands(d.candidates, "en-US")}; use the code or the full path`,
    },
    "group-indicator": {
      "zh-CN": `${w["zh-CN"]}：“${v}”是指标分组，只能对末级指标评分`,
      "en-US": `${w["en-US"]}: "${v}" is a group of indicators; only leaf indicators are rated`,
    },
    "empty-score": { "zh-CN": `${w["zh-CN"]}：得分为空`, "en-US": `${w["en-US"]}: empty score` },
    "not-a-number": {
      "zh-CN": `${w["zh-CN"]}：“${v}”不是数字（应为 0–100 或 N/A）`,
      "en-US": `${w["en-US"]}: "${v}" is not a number (expected 0–100 or N/A)`,
    },
    "out-of-range": { "zh-CN": `${w["zh-CN"]}：${v} 超出 0–100 范围`, "en-US": `${w["en-US"]}: ${v} is out of range 0–100` },
    conflict: {
      "zh-CN": `${w["zh-CN"]}：${who} 的评分冲突：此行为 ${v}，${othersZh}；均未导入`,
      "en-US": `${w["en-US"]}: conflicting values for ${who}: ${v} here, ${othersEn}; none imported`,
    },
    "exact-duplicate": {
      "zh-CN": `${w["zh-CN"]}：与第${others}行完全重复，已保留第${others}行`,
      "en-US": `${w["en-US"]}: exact duplicate of line ${others}; line ${others} kept`,
    },
  };
  return {
    line,
    code,
    ...(d.column !== undefined ? { column: d.column } : {}),
    ...(d.value !== undefined ? { value: d.value } : {}),
    ...(d.vendor !== undefined ? { vendor: d.vendor } : {}),
    ...(d.candidates ? { candidates: d.candidates } : {}),
    ...(d.relatedLines ? { relatedLines: d.relatedLines } : {}),
    message: texts[code],
  };
}
