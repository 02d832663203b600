import type { IndicatorTree, LocalizedText } from "../model/types";
import { allNodes, isLeaf, pathOf } from "../model/tree";
import { normKey, pathSegments } from "./normalize";

/** A leaf that a text could mean: for messages naming every candidate. */
export interface LeafCandidate {
  code: string;
  path: LocalizedText;
}

export type MatchResult =
  | { kind: "leaf"; code: string }
  | { kind: "ambiguous"; candidates: LeafCandidate[] }
  | { kind: "group"; code: string }
  | { kind: "unknown" };

type Entry = { kind: "leaf"; code: string } | { kind: "ambiguous"; codes: string[] } | { kind: "group"; code: string };

/**
 * Everything that identifies an indicator, precomputed once per tree: codes (exact and
 * normalised), full paths and path suffixes in both languages, and leaf names in both languages.
 * A name or suffix shared by several leaves maps to "ambiguous" with every candidate.
 */
export class IndicatorIndex {
  /** Raw code → leaf code: the hot path for long files that use codes. */
  private readonly exact = new Map<string, string>();
  /** Leaf code → its first position in leafCodes: one small integer per distinct leaf. */
  private readonly ordinals = new Map<string, number>();
  private readonly byCode = new Map<string, Entry>();
  private readonly byText = new Map<string, Entry>();
  private readonly paths = new Map<string, LocalizedText>();
  readonly leafCodes: string[] = [];

  constructor(tree: IndicatorTree) {
    for (const info of allNodes(tree)) {
      const { node } = info;
      const code = node.code;
      if (code.trim() === "") continue;
      const leaf = isLeaf(node);
      const path = { "zh-CN": pathOf(info, "zh-CN"), "en-US": pathOf(info, "en-US") };
      if (!this.paths.has(code)) this.paths.set(code, path);
      const entry: Entry = leaf ? { kind: "leaf", code } : { kind: "group", code };
      if (leaf) {
        if (!this.exact.has(code)) {
          this.exact.set(code, code);
          this.ordinals.set(code, this.leafCodes.length);
        }
        this.leafCodes.push(code);
      }
      const ck = normKey(code);
      if (!this.byCode.has(ck)) this.byCode.set(ck, entry);
      for (const locale of ["zh-CN", "en-US"] as const) {
        const segs = [...info.ancestors, node].map((n) => normKey(n.name[locale]));
        // Full path and every suffix down to the bare name (a group's bare name resolves to "group").
        for (let start = 0; start < segs.length; start++) {
          const suffix = segs.slice(start);
          if (suffix.some((s) => s === "")) continue;
          this.addText(suffix.join("/"), entry);
        }
      }
    }
  }

  private addText(key: string, entry: Entry): void {
    const old = this.byText.get(key);
    if (!old) {
      this.byText.set(key, entry);
      return;
    }
    const oldCodes = old.kind === "ambiguous" ? old.codes : [old.code];
    const code = entry.kind === "ambiguous" ? entry.codes[0] : entry.code;
    if (oldCodes.includes(code)) return;
    this.byText.set(key, { kind: "ambiguous", codes: [...oldCodes, code] });
  }

  pathOf(code: string): LocalizedText | undefined {
    return this.paths.get(code);
  }

  private resolve(entry: Entry | undefined): MatchResult {
    if (!entry) return { kind: "unknown" };
    if (entry.kind === "ambiguous") {
      return {
        kind: "ambiguous",
        candidates: entry.codes.map((code) => ({ code, path: this.paths.get(code) ?? { "zh-CN": code, "en-US": code } })),
      };
    }
    return entry;
  }

  /** A leaf code's ordinal (the same for every spelling that resolves to it), -1 for anything else. */
  leafOrdinal(code: string): number {
    return this.ordinals.get(code) ?? -1;
  }

  /** The ordinal of the leaf whose code is literally the text, else -1: the hot path (leafCodes[ordinal] is the code). */
  exactLeafOrdinal(text: string): number {
    return this.ordinals.get(text) ?? -1;
  }

  /** Fast exact code lookup; undefined when the text is not literally a leaf code. */
  exactLeaf(text: string): string | undefined {
    return this.exact.get(text);
  }

  /** Code, path (/ > › separated, either language) or unique leaf name; also "code name" such as "2.1.4 并发量". */
  match(text: string): MatchResult {
    const fast = this.exact.get(text);
    if (fast !== undefined) return { kind: "leaf", code: fast };
    const key = normKey(text);
    if (key === "") return { kind: "unknown" };
    const byCode = this.byCode.get(key);
    if (byCode) return this.resolve(byCode);
    const segs = pathSegments(text);
    const joined = segs.join("/");
    const byText = this.byText.get(joined);
    if (byText) return this.resolve(byText);
    // "2.1.4 并发量" or "2.1.4并发量": a code, then optionally its own name.
    const m = /^([0-9a-z][0-9a-z.\-_]*?)[\s.、:：]*([^\s.0-9].*)?$/i.exec(key);
    if (m) {
      const entry = this.byCode.get(m[1]) ?? this.byCode.get(m[1].replace(/\.$/, ""));
      if (entry && entry.kind !== "ambiguous") {
        const rest = m[2]?.trim() ?? "";
        if (rest === "") return this.resolve(entry);
        const named = this.byText.get(pathSegments(rest).join("/"));
        const namedCodes = named ? (named.kind === "ambiguous" ? named.codes : [named.code]) : [];
        if (namedCodes.includes(entry.code)) return this.resolve(entry);
      }
    }
    return { kind: "unknown" };
  }
}
