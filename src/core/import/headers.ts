import type { LocalizedText } from "../model/types";
import type { IndicatorIndex, LeafCandidate } from "./match";
import { normKey } from "./normalize";

/** What a column holds. Wide files have one "leaf" column per indicator. */
export type FieldRole = "vendor" | "indicator" | "score" | "rater" | "comment";
/** An explicit choice from the user for one column. */
export type ColumnRole = FieldRole | "ignore" | { leaf: string };
/**
 * Explicit column mapping: keys are the header text as in the file (trimmed) or "#N" for the
 * N-th column (1-based), which also works for empty or repeated headers.
 */
export type ColumnMapping = Record<string, ColumnRole>;

export type Shape = "long" | "wide";

export interface ColumnInfo {
  /** 0-based column index. */
  index: number;
  header: string;
  /** "leafComment": a wide file's reason column of one indicator ("1.1 理由", "Stability (reason)"). */
  role: FieldRole | "leaf" | "leafComment" | "ignore";
  /** Leaf code for roles "leaf" and "leafComment". */
  code?: string;
  explicit: boolean;
  /**
   * How the column was recognised: "explicit" mapping, a "synonym" header, the whole header as
   * an indicator ("indicator"), or part of it ("indicator-part": after question numbering or a
   * separator, e.g. "Rate the vendor.Stability") — the pane should show the last for review.
   */
  matchedBy: "explicit" | "synonym" | "indicator" | "indicator-part";
}

export type UnmappedReason = "unknown" | "ambiguous" | "group" | "duplicate" | "unused" | "bad-mapping";

/** A column the import did not use; the user can map it with a ColumnMapping. Never guessed. */
export interface UnmappedColumn {
  index: number;
  header: string;
  reason: UnmappedReason;
  candidates?: LeafCandidate[];
  message: LocalizedText;
}

export interface HeaderMapping {
  shape: Shape | null;
  columns: ColumnInfo[];
  unmapped: UnmappedColumn[];
  /** Why no shape could be found (shape null). */
  problem?: { code: "no-vendor-column" | "no-indicator-columns"; message: LocalizedText };
}

const SYNONYMS: Record<FieldRole, string[]> = {
  vendor: ["供应商", "服务商", "厂商", "供应商名称", "服务商名称", "厂商名称", "vendor", "supplier", "vendor name", "supplier name"],
  indicator: ["指标", "指标编号", "编号", "指标代码", "指标名称", "indicator", "code", "indicator code", "indicator name"],
  score: ["得分", "分数", "评分", "分值", "score", "rating", "value"],
  rater: ["评分人", "评委", "评审人", "打分人", "rater", "evaluator", "reviewer", "judge"],
  comment: ["备注", "说明", "评语", "理由", "评分理由", "依据", "comment", "comments", "note", "notes", "remark", "remarks", "reason", "reasons", "justification", "evidence", "rationale"],
};

const ROLE_OF = new Map<string, FieldRole>();
for (const [role, words] of Object.entries(SYNONYMS) as [FieldRole, string[]][]) {
  for (const w of words) ROLE_OF.set(normKey(w), role);
}

/** Question numbering that survey tools put in front of a title: "1、", "Q3.", "3. ", "第3题", "(必填)". */
function stripDecorations(key: string): string {
  return key
    .replace(/^(?:q\s*\d+\s*[.、:)\]]?|第\s*\d+\s*题|\d+\s*[、)\]]|\d+\.(?!\d))\s*/, "")
    .replace(/\s*[(（[]\s*(?:必填|required|optional|选填)\s*[)）\]]\s*$/, "")
    .replace(/[\s*:：]+$/, "")
    .trim();
}

/** The comment synonyms as keys, longest first (so "notes" is tried before "note"). */
const COMMENT_KEYS = SYNONYMS.comment.map(normKey).sort((a, b) => b.length - a.length);
const EDGE = /^[\s\-—–_:：|.,，、()（）[\]]+|[\s\-—–_:：|.,，、()（）[\]]+$/g;

/**
 * The indicator whose reasons a header names, in a wide file: an indicator (code, path or name)
 * and a comment word before or after it — "1.1 理由", "稳定性备注", "Stability (reason)",
 * "理由：2.1.1", "1.1 comment". Undefined for anything else.
 */
export function reasonColumnLeaf(header: string, index: IndicatorIndex): string | undefined {
  const key = normKey(header).replace(/[\s)）\]:：]+$/, "");
  for (const w of COMMENT_KEYS) {
    const rest = key.length <= w.length ? "" : key.endsWith(w) ? key.slice(0, -w.length) : key.startsWith(w) ? key.slice(w.length) : "";
    const trimmed = rest.replace(EDGE, "").trim();
    if (trimmed === "") continue;
    const m = index.match(trimmed);
    if (m.kind === "leaf") return m.code;
  }
  return undefined;
}

export function roleOfHeader(header: string): FieldRole | undefined {
  const key = normKey(header);
  return ROLE_OF.get(key) ?? ROLE_OF.get(stripDecorations(key));
}

type LeafGuess =
  | { kind: "leaf"; code: string; part: boolean }
  | { kind: "ambiguous"; candidates: LeafCandidate[] }
  | { kind: "group"; code: string }
  | null;

/** Forms put a matrix row after the question: "评分—稳定性", "Rate the vendor.Stability", "题目(稳定性)". */
function derivedTexts(key: string): string[] {
  const out: string[] = [];
  const paren = /[(（[]([^()（）[\]]+)[)）\]]\s*$/.exec(key);
  if (paren) out.push(paren[1].trim());
  const seps = ["—", "－", "-", "_", ":", "|", ".", "–"];
  for (const sep of seps) {
    const at = key.lastIndexOf(sep);
    if (at > 0 && at < key.length - 1) out.push(key.slice(at + sep.length).trim());
  }
  return out.filter((t) => t.length > 0);
}

function guessLeaf(header: string, index: IndicatorIndex): LeafGuess {
  const direct = index.match(header);
  if (direct.kind === "leaf") return { ...direct, part: false };
  if (direct.kind !== "unknown") return direct;
  const key = normKey(header);
  const stripped = stripDecorations(key);
  if (stripped !== key && stripped !== "") {
    const m = index.match(stripped);
    if (m.kind === "leaf") return { ...m, part: true };
    if (m.kind !== "unknown") return m;
  }
  const found = new Map<string, LeafCandidate[] | null>();
  for (const text of derivedTexts(stripped)) {
    const m = index.match(text);
    if (m.kind === "leaf") found.set(m.code, null);
    else if (m.kind === "ambiguous") return m;
  }
  if (found.size === 1) return { kind: "leaf", code: [...found.keys()][0], part: true };
  if (found.size > 1) {
    return {
      kind: "ambiguous",
      candidates: [...found.keys()].map((code) => ({ code, path: index.pathOf(code) ?? { "zh-CN": code, "en-US": code } })),
    };
  }
  return null;
}

function candidateList(c: LeafCandidate[], locale: "zh-CN" | "en-US"): string {
  return c.map((x) => `${x.code} ${x.path[locale]}`).join(locale === "zh-CN" ? "；" : "; ");
}

function unmapped(index: number, header: string, reason: UnmappedReason, extra?: { candidates?: LeafCandidate[]; code?: string; role?: string }): UnmappedColumn {
  const col = `${index + 1}`;
  const h = header === "" ? "(empty)" : header;
  const hz = header === "" ? "（空）" : header;
  const texts: Record<UnmappedReason, LocalizedText> = {
    unknown: { "zh-CN": `第${col}列“${hz}”无法识别，请指定其含义`, "en-US": `Column ${col} "${h}" is not recognised; please map it` },
    ambiguous: {
      "zh-CN": `第${col}列“${hz}”有多个可能的指标：${candidateList(extra?.candidates ?? [], "zh-CN")}；请指定`,
      "en-US": `Column ${col} "${h}" could be several indicators: ${candidateList(extra?.candidates ?? [], "en-US")}; please map it`,
    },
    group: {
      "zh-CN": `第${col}列“${hz}”是指标分组 ${extra?.code ?? ""}，只能对末级指标评分`,
      "en-US": `Column ${col} "${h}" is the indicator group ${extra?.code ?? ""}; only leaf indicators are rated`,
    },
    duplicate: {
      "zh-CN": `第${col}列“${hz}”与前面的列含义相同（${extra?.role ?? ""}），已忽略`,
      "en-US": `Column ${col} "${h}" repeats an earlier column (${extra?.role ?? ""}); ignored`,
    },
    unused: {
      "zh-CN": `第${col}列“${hz}”在此格式中不使用（${extra?.role ?? ""}）`,
      "en-US": `Column ${col} "${h}" is not used in this layout (${extra?.role ?? ""})`,
    },
    "bad-mapping": {
      "zh-CN": `第${col}列“${hz}”的指定映射无效：${extra?.code ?? ""} 不是末级指标编号`,
      "en-US": `Column ${col} "${h}": the given mapping is invalid: ${extra?.code ?? ""} is not a leaf indicator code`,
    },
  };
  return { index, header, reason, ...(extra?.candidates ? { candidates: extra.candidates } : {}), message: texts[reason] };
}

/**
 * Maps header cells to roles: explicit mapping first, then Chinese/English synonyms, then
 * indicator codes, paths or unique leaf names. Anything else is listed in `unmapped`.
 * Long = vendor + indicator + score columns; wide = vendor + at least one indicator column.
 */
export function mapHeaders(header: string[], index: IndicatorIndex, explicit: ColumnMapping = {}): HeaderMapping {
  const columns: ColumnInfo[] = [];
  const unmappedCols: UnmappedColumn[] = [];
  const leafCodes = new Set(index.leafCodes);
  for (let i = 0; i < header.length; i++) {
    const h = header[i].trim();
    const given = explicit[`#${i + 1}`] ?? (h !== "" ? explicit[h] : undefined);
    if (given !== undefined) {
      if (typeof given === "object") {
        if (leafCodes.has(given.leaf)) columns.push({ index: i, header: h, role: "leaf", code: given.leaf, explicit: true, matchedBy: "explicit" });
        else unmappedCols.push(unmapped(i, h, "bad-mapping", { code: given.leaf }));
      } else columns.push({ index: i, header: h, role: given, explicit: true, matchedBy: "explicit" });
      continue;
    }
    if (h === "") continue; // an empty header over an empty column is not worth reporting; see below
    const role = roleOfHeader(h);
    if (role) {
      columns.push({ index: i, header: h, role, explicit: false, matchedBy: "synonym" });
      continue;
    }
    // A reason column of one indicator ("1.1 理由"), unless the whole header is an indicator itself.
    const reasonOf = index.match(h).kind === "leaf" ? undefined : reasonColumnLeaf(h, index);
    if (reasonOf !== undefined) {
      columns.push({ index: i, header: h, role: "leafComment", code: reasonOf, explicit: false, matchedBy: "synonym" });
      continue;
    }
    const leaf = guessLeaf(h, index);
    if (leaf?.kind === "leaf") {
      columns.push({ index: i, header: h, role: "leaf", code: leaf.code, explicit: false, matchedBy: leaf.part ? "indicator-part" : "indicator" });
    }
    else if (leaf?.kind === "ambiguous") unmappedCols.push(unmapped(i, h, "ambiguous", { candidates: leaf.candidates }));
    else if (leaf?.kind === "group") unmappedCols.push(unmapped(i, h, "group", { code: leaf.code }));
    else unmappedCols.push(unmapped(i, h, "unknown"));
  }

  // One column per field role and per leaf; later repeats are reported, not merged.
  const seen = new Set<string>();
  const kept: ColumnInfo[] = [];
  for (const c of columns) {
    if (c.role === "ignore") {
      kept.push(c);
      continue;
    }
    const key = c.role === "leaf" || c.role === "leafComment" ? `${c.role}:${c.code}` : c.role;
    if (seen.has(key)) {
      unmappedCols.push(unmapped(c.index, c.header, "duplicate", { role: c.role === "leaf" ? `${c.code}` : c.role === "leafComment" ? `${c.code} ${c.role}` : c.role }));
      continue;
    }
    seen.add(key);
    kept.push(c);
  }

  const has = (r: string): boolean => seen.has(r);
  const leafCount = kept.filter((c) => c.role === "leaf").length;
  let shape: Shape | null = null;
  let problem: HeaderMapping["problem"];
  if (!has("vendor")) {
    problem = { code: "no-vendor-column", message: { "zh-CN": "找不到供应商列（供应商/服务商/vendor/supplier）", "en-US": "No vendor column found (供应商/服务商/vendor/supplier)" } };
  } else if (has("indicator") && has("score")) shape = "long";
  else if (leafCount > 0) shape = "wide";
  else {
    problem = {
      code: "no-indicator-columns",
      message: { "zh-CN": "找不到指标列：需要“指标”和“得分”两列，或以指标编号/名称为表头的列", "en-US": "No indicator columns: need an indicator and a score column, or columns headed by indicator codes or names" },
    };
  }
  const final: ColumnInfo[] = [];
  for (const c of kept) {
    const unusedHere = (shape === "long" && (c.role === "leaf" || c.role === "leafComment")) || (shape === "wide" && (c.role === "indicator" || c.role === "score"));
    if (unusedHere) unmappedCols.push(unmapped(c.index, c.header, "unused", { role: c.role === "leaf" ? `${c.code}` : c.role }));
    else final.push(c);
  }
  unmappedCols.sort((a, b) => a.index - b.index);
  return { shape, columns: final, unmapped: unmappedCols, ...(problem ? { problem } : {}) };
}
