import { siblingGroups, walk } from "./tree";
import type { Finding, IndicatorNode, IndicatorTree, LocalizedText } from "./types";
import { isFiniteWeight, weightSum } from "./weights";

const TOLERANCE = 1e-9;

/** Figures as people read them: at most 6 decimals, no trailing zeros. */
function fig(n: number): string {
  return Number.isFinite(n) ? String(Number(n.toFixed(6))) : String(n);
}

function label(node: IndicatorNode, lang: keyof LocalizedText): string {
  const name = typeof node.name?.[lang] === "string" ? node.name[lang] : "";
  return `“${[node.code, name].filter((s) => s !== "").join(" ")}”`;
}

/** "Dimension weights" / "Weights under “3 Service”", in both languages. */
function groupText(parent: IndicatorNode | null): LocalizedText {
  return parent === null
    ? { "zh-CN": "维度权重", "en-US": "Dimension weights" }
    : { "zh-CN": `${label(parent, "zh-CN")} 下的权重`, "en-US": `Weights under ${label(parent, "en-US")}` };
}

function groupFindings(parent: IndicatorNode | null, nodes: IndicatorNode[]): Finding[] {
  const out: Finding[] = [];
  const at = parent?.code ?? null;
  const group = groupText(parent);
  for (const node of nodes) {
    const w: unknown = node.weight;
    if (w !== null && !isFiniteWeight(w)) {
      out.push({
        code: "weight-not-number", severity: "error", at: node.code, codes: [node.code],
        message: {
          "zh-CN": `${label(node, "zh-CN")} 的权重不是有效数字（${String(w)}）`,
          "en-US": `The weight of ${label(node, "en-US")} is not a valid number (${String(w)})`,
        },
      });
    } else if (isFiniteWeight(w) && w < 0) {
      out.push({
        code: "weight-negative", severity: "error", at: node.code, codes: [node.code],
        message: {
          "zh-CN": `${label(node, "zh-CN")} 的权重为负数（${fig(w)}%）`,
          "en-US": `The weight of ${label(node, "en-US")} is negative (${fig(w)}%)`,
        },
      });
    }
  }
  const nulls = nodes.filter((n) => n.weight === null);
  if (nulls.length > 0 && nulls.length < nodes.length) {
    const codes = nulls.map((n) => n.code);
    out.push({
      code: "weights-mixed", severity: "warning", at, codes,
      message: {
        "zh-CN": `${group["zh-CN"]}中有 ${nulls.length} 项未设权重（${codes.join("、")}），按 0 计算`,
        "en-US": `${group["en-US"]}: ${nulls.length} without a weight (${codes.join(", ")}) count as 0`,
      },
    });
  }
  const sum = nodes.every((n) => n.weight === null || isFiniteWeight(n.weight)) ? weightSum(nodes) : null;
  if (sum !== null && Math.abs(sum - 100) > TOLERANCE) {
    out.push({
      code: "weights-not-100", severity: "warning", at, codes: nodes.map((n) => n.code), sum,
      message: {
        "zh-CN": `${group["zh-CN"]}合计为 ${fig(sum)}%，而非 100%`,
        "en-US": `${group["en-US"]} sum to ${fig(sum)}%, not 100%`,
      },
    });
  }
  return out;
}

/** A childless node among siblings that have children: probably a group the user left empty. */
function noLeafFindings(parent: IndicatorNode | null, nodes: IndicatorNode[]): Finding[] {
  if (!nodes.some((n) => n.children.length > 0)) return [];
  return nodes
    .filter((n) => n.children.length === 0)
    .map((n) => ({
      code: "no-leaves" as const, severity: "warning" as const, at: n.code, codes: [n.code],
      message: {
        "zh-CN": `${label(n, "zh-CN")} 下没有指标，而同级的其他项都有；它将作为单个指标评分`,
        "en-US": `${label(n, "en-US")} has no indicators under it while its siblings do; it is scored as one indicator`,
      },
    }));
}

function nodeFindings(tree: IndicatorTree): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, number>();
  walk(tree, ({ node, parent }) => {
    const code = typeof node.code === "string" ? node.code : "";
    if (code.trim() === "") {
      const where = parent ? label(parent, "en-US") : "the top level";
      out.push({
        code: "empty-code", severity: "error", at: parent?.code ?? null, codes: [],
        message: {
          "zh-CN": `${parent ? label(parent, "zh-CN") + " 下" : "顶层"}有一项没有编码`,
          "en-US": `An indicator under ${where} has no code`,
        },
      });
    } else {
      seen.set(code, (seen.get(code) ?? 0) + 1);
    }
    for (const lang of ["zh-CN", "en-US"] as const) {
      const name: unknown = node.name?.[lang];
      if (typeof name !== "string" || name.trim() === "") {
        out.push({
          code: "empty-name", severity: "error", at: code, codes: [code],
          message: {
            "zh-CN": `“${code}” 缺少${lang === "zh-CN" ? "中文" : "英文"}名称`,
            "en-US": `“${code}” has no ${lang === "zh-CN" ? "Chinese" : "English"} name`,
          },
        });
      }
    }
  });
  for (const [code, count] of seen) {
    if (count > 1) {
      out.push({
        code: "duplicate-code", severity: "error", at: code, codes: [code],
        message: {
          "zh-CN": `编码 “${code}” 出现了 ${count} 次`,
          "en-US": `The code “${code}” occurs ${count} times`,
        },
      });
    }
  }
  return out;
}

/** A minimum (issue #11) that is not a number within 0–100; absent and null are no minimum. */
function minimumFindings(tree: IndicatorTree): Finding[] {
  const bad = (m: unknown): boolean => m !== undefined && m !== null && !(typeof m === "number" && Number.isFinite(m) && m >= 0 && m <= 100);
  const out: Finding[] = [];
  if (bad(tree.minimum)) {
    out.push({
      code: "minimum-invalid", severity: "error", at: null, codes: [],
      message: {
        "zh-CN": `总分的最低分不是 0–100 之间的数字（${String(tree.minimum)}）`,
        "en-US": `The minimum of the total score is not a number from 0 to 100 (${String(tree.minimum)})`,
      },
    });
  }
  walk(tree, ({ node }) => {
    if (!bad(node.minimum)) return;
    out.push({
      code: "minimum-invalid", severity: "error", at: node.code, codes: [node.code],
      message: {
        "zh-CN": `${label(node, "zh-CN")} 的最低分不是 0–100 之间的数字（${String(node.minimum)}）`,
        "en-US": `The minimum of ${label(node, "en-US")} is not a number from 0 to 100 (${String(node.minimum)})`,
      },
    });
  });
  return out;
}

/** Every structural and weight problem of the tree, as findings; never throws. */
export function validateTree(tree: IndicatorTree): Finding[] {
  if (!tree || !Array.isArray(tree.roots) || tree.roots.length === 0) {
    return [{
      code: "empty-tree", severity: "error", at: null, codes: [],
      message: { "zh-CN": "指标体系为空", "en-US": "The indicator tree is empty" },
    }];
  }
  const out: Finding[] = [];
  for (const { parent, nodes } of siblingGroups(tree)) {
    out.push(...groupFindings(parent, nodes), ...noLeafFindings(parent, nodes));
  }
  return [...out, ...nodeFindings(tree), ...minimumFindings(tree)];
}
