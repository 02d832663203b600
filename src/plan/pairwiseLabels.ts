/** Bilingual labels of the optional Pairwise (AHP) sheet and its Method section (kept apart from labels.ts). */
import type { Locale } from "../core/model/types";

export interface PairwiseLabels {
  sheet: string;
  title: string;
  intro: string;
  /** Heading of a group: "{group} — {who}". */
  topLevel: string;
  groupOf: string;
  panelGroup: string;
  colA: string;
  colB: string;
  colJudgement: string;
  colReadAs: string;
  colGroupJudgement: string;
  colWeight: string;
  notOnScale: string;
  lambdaMax: string;
  ci: string;
  ri: string;
  cr: string;
  consistentLabel: string;
  yes: string;
  no: string;
  revisit: string;
  /** "{a} vs {b}: judged {x}, the weights suggest {y}" in pieces for a formula. */
  revisitVs: string;
  revisitJudged: string;
  revisitSuggest: string;
  consensus: string;
  ratersCounted: string;
  promptTitle: string;
  promptMessage: string;
  errorTitle: string;
  errorMessage: string;
  methodHeading: string;
  methodText: string[];
}

export const PAIRWISE_LABELS: Readonly<Record<Locale, PairwiseLabels>> = {
  "en-US": {
    sheet: "Pairwise",
    title: "Weights from pairwise comparisons (AHP)",
    intro:
      "For each pair enter how many times A is more important than B on Saaty's scale: 1 equal, 3 moderately, 5 strongly, 7 very strongly, 9 extremely more important (2, 4, 6, 8 between); B more important: 1/3, 1/5 … (0.333 works too).",
    topLevel: "Dimensions (top level)",
    groupOf: "Children of",
    panelGroup: "Group (geometric mean of the raters' judgements)",
    colA: "A",
    colB: "B",
    colJudgement: "A over B",
    colReadAs: "Read as",
    colGroupJudgement: "Geometric mean",
    colWeight: "Weight",
    notOnScale: "✗ not on 1/9…9",
    lambdaMax: "λmax",
    ci: "CI = (λmax − n)/(n − 1)",
    ri: "RI (Saaty)",
    cr: "CR = CI/RI",
    consistentLabel: "Consistent (CR ≤ 0.10)",
    yes: "✓ yes",
    no: "✗ no: revisit the judgement below",
    revisit: "Judgement to revisit",
    revisitVs: " vs ",
    revisitJudged: ": judged ",
    revisitSuggest: "; the weights suggest ",
    consensus: "Consensus (BPMSG S*)",
    ratersCounted: "Raters counted (all pairs judged)",
    promptTitle: "A over B",
    promptMessage: "How many times A is more important than B: 1–9, or 1/2–1/9 when B is more important (0.333 is read as 1/3).",
    errorTitle: "Not on Saaty's scale",
    errorMessage: "Use 1–9 or 1/2–1/9 (decimals within 5 % of one, such as 0.333, are read as it).",
    methodHeading: "Weights from pairwise comparisons (Pairwise sheet)",
    methodText: [
      "Each judgement says how many times A is more important than B on Saaty's 1–9 scale; the reverse judgement is its reciprocal (aⱼᵢ = 1/aᵢⱼ). Text such as 1/3 or 0.333 is read as the nearest scale value when within 5 % of it.",
      "Weights: the principal eigenvector of the reciprocal matrix, computed live by repeated squaring (12 squarings, i.e. A^4096, each divided by the square of its sum to keep the numbers small), then each row sum over the total. λmax = Σⱼ (column sum j) × weight j.",
      "Consistency: CI = (λmax − n)/(n − 1); CR = CI/RI with Saaty's random index (Saaty 1990, EJOR 48(1): n = 3…10: 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49; 0 for n ≤ 2). CR ≤ 0.10 counts as consistent. Otherwise the judgement named is the one furthest from the ratio its weights imply (largest aᵢⱼ·wⱼ/wᵢ, Saaty's rule), with the value the weights suggest.",
      "Panel: the group matrix is the element-wise geometric mean of the judgements of every rater who judged all pairs (aggregation of individual judgements, AIJ, Forman & Peniwati 1998), with its own weights and CR. Consensus: BPMSG's Shannon-entropy indicator S* (Goepel 2013) from the raters' own weights: 100 % = identical weights; below 65 % low, 65–75 % moderate, above 75 % high.",
      "Groups of 2 to 10 criteria only: the random index is tabulated up to 10 and 11 criteria would need 55 judgements. These weights are not copied to the Weights sheet by themselves.",
    ],
  },
  "zh-CN": {
    sheet: "两两比较",
    title: "两两比较法确定权重（层次分析法 AHP）",
    intro:
      "每一对指标填写 A 比 B 重要多少倍（Saaty 标度）：1 同等重要，3 稍微重要，5 明显重要，7 强烈重要，9 极端重要（2、4、6、8 为中间值）；B 更重要时填 1/3、1/5 等（也可填 0.333）。",
    topLevel: "一级维度",
    groupOf: "下级指标：",
    panelGroup: "评审组（各评委判断的几何平均）",
    colA: "A",
    colB: "B",
    colJudgement: "A 比 B",
    colReadAs: "识别为",
    colGroupJudgement: "几何平均",
    colWeight: "权重",
    notOnScale: "✗ 不在 1/9…9 标度上",
    lambdaMax: "λmax（最大特征值）",
    ci: "CI = (λmax − n)/(n − 1)",
    ri: "RI（Saaty 随机一致性指标）",
    cr: "CR = CI/RI",
    consistentLabel: "一致性可接受（CR ≤ 0.10）",
    yes: "✓ 是",
    no: "✗ 否：请复核下方的判断",
    revisit: "建议复核的判断",
    revisitVs: " 对 ",
    revisitJudged: "：当前判断 ",
    revisitSuggest: "；按权重应约为 ",
    consensus: "共识度（BPMSG S*）",
    ratersCounted: "计入的评委数（已判断全部指标对）",
    promptTitle: "A 比 B",
    promptMessage: "A 比 B 重要多少倍：1–9；B 更重要时填 1/2–1/9（0.333 视为 1/3）。",
    errorTitle: "不在 Saaty 标度上",
    errorMessage: "请使用 1–9 或 1/2–1/9（与标度值相差 5% 以内的小数，如 0.333，按该值识别）。",
    methodHeading: "两两比较法权重（“两两比较”表）",
    methodText: [
      "每个判断表示 A 比 B 重要多少倍（Saaty 1–9 标度）；反向判断取倒数（aⱼᵢ = 1/aᵢⱼ）。1/3、0.333 等输入在与某一标度值相差 5% 以内时按该值识别。",
      "权重：判断矩阵的主特征向量，用公式实时计算：矩阵反复平方 12 次（即 A^4096，每次除以其元素和的平方以避免数值过大），再取各行和占总和的比例。λmax = Σⱼ（第 j 列之和）× 第 j 项权重。",
      "一致性：CI = (λmax − n)/(n − 1)；CR = CI/RI，RI 采用 Saaty 的随机一致性指标表（Saaty 1990，EJOR 48(1)：n = 3…10 依次为 0.58、0.90、1.12、1.24、1.32、1.41、1.45、1.49；n ≤ 2 时为 0）。CR ≤ 0.10 视为一致性可接受；否则列出与权重所隐含比值偏离最大的判断（aᵢⱼ·wⱼ/wᵢ 最大，Saaty 的方法）及按权重建议的取值。",
      "评审组：组判断矩阵为所有已判断全部指标对的评委判断的逐元素几何平均（个体判断集结 AIJ，Forman & Peniwati 1998），并给出其权重与 CR。共识度：BPMSG 基于 Shannon 熵的共识指标 S*（Goepel 2013），依据各评委自己的权重计算：100% 表示权重完全相同；低于 65% 为低，65–75% 为中等，高于 75% 为高。",
      "每组仅限 2 至 10 项：随机一致性指标只列到 10，11 项需要 55 个判断。这些权重不会自动写入“权重”表。",
    ],
  },
};
