/** Bilingual labels of the optional Maturity sheets and their Method section (kept apart from labels.ts). */
import type { Locale } from "../core/model/types";

export interface MaturityLabels {
  /** Tab name for a scenario name, ≤ 31 characters. */
  sheet: (scenario: string) => string;
  titleSuffix: string;
  intro: string;
  intro2: string;
  rowStage: string;
  stageFormat: string;
  rowName: string;
  rowShare: string;
  colToday: string;
  colAim: string;
  rowFeatures: string;
  rowIndicators: string;
  before: string;
  during: string;
  after: string;
  listSep: string;
  notInTree: string;
  none: string;
  resultHeading: string;
  markedToday: string;
  ofCharacteristics: (n: number) => string;
  current: string;
  spread: string;
  spreadWide: string;
  peersAtOrBelow: string;
  markedAim: string;
  target: string;
  peersAtOrAbove: string;
  requirementsHeading: string;
  reqPlatform: string;
  reqFeatures: string;
  reqTeam: string;
  reqIndicators: string;
  promptTitle: string;
  promptMessage: (n: number) => string;
  errorTitle: string;
  errorMessage: (n: number) => string;
  methodHeading: string;
  methodText: string[];
}

export const MATURITY_LABELS: Readonly<Record<Locale, MaturityLabels>> = {
  "en-US": {
    sheet: (s) => `Maturity (${s})`.slice(0, 31),
    titleSuffix: " — self-assessment",
    intro: "For each characteristic pick the stage that fits your enterprise today and the one you aim for in 2–3 years (drop-down, or type the stage number).",
    intro2: "Stages, descriptions and shares are the report's (source on Method). The indicators row is the product's mapping, not the report's: edit it in the maturity model JSON.",
    rowStage: "Stage",
    stageFormat: '"Stage "0',
    rowName: "Name",
    rowShare: "Share of enterprises (report)",
    colToday: "Today",
    colAim: "In 2–3 years",
    rowFeatures: "Platform features (the stage's page in the report)",
    rowIndicators: "Indicators to look at (the product's mapping, not the report's)",
    before: "Before the stream",
    during: "During",
    after: "After",
    listSep: "; ",
    notInTree: "(not in this scorecard)",
    none: "—",
    resultHeading: "Result (live formulas)",
    markedToday: "Characteristics marked for today",
    ofCharacteristics: (n) => `of ${n}`,
    current: "Current stage: the median of today's marks, rounded down",
    spread: "Spread: highest − lowest of today's marks",
    spreadWide: "The characteristics differ by two stages or more: start with the lowest.",
    peersAtOrBelow: "Enterprises at this stage or below (report)",
    markedAim: "Characteristics marked for 2–3 years",
    target: "Target stage: the median of the aims, rounded down",
    peersAtOrAbove: "Enterprises at the target stage or beyond (report)",
    requirementsHeading: "What to look for in vendors (the target stage)",
    reqPlatform: "Platform needs",
    reqFeatures: "Platform features",
    reqTeam: "Team (yours, and the vendor's services it relies on)",
    reqIndicators: "Indicators to emphasise on the way there (product's mapping)",
    promptTitle: "Stage",
    promptMessage: (n) => `Pick a stage from the list, or type its number (1–${n}).`,
    errorTitle: "Not a stage",
    errorMessage: (n) => `Pick one of the stages, or type a whole number from 1 to ${n}; anything else counts as not marked.`,
    methodHeading: "Maturity self-assessment",
    methodText: [
      "The Maturity sheet describes the report's maturity stages (enterprise live-streaming maturity reference standard) along six characteristics, with the share of enterprises at each stage as the report gives it.",
      "Marks: per characteristic, the stage that fits today and the one aimed for in 2–3 years (a stage name from the list or its number); anything else counts as not marked.",
      "Current stage = the median of today's marks, rounded down (with six marks split between two stages the lower one counts: not reached yet). Spread = highest − lowest mark; two stages or more means the characteristics disagree.",
      "Target stage = the median of the aims, rounded down. Peers: the report's shares of enterprises at the current stage or below, and at the target or beyond.",
      "Requirements: the target stage's platform needs and team from the report's table, and the platform features from the stage's page.",
      "Indicators to emphasise: the product's own mapping (not the report's) of the needs of the stages from just above the current stage up to the target (the target's own when there is no current stage or the target is not above it). The Weights sheet is not changed: emphasise them there if you agree.",
    ],
  },
  "zh-CN": {
    sheet: (s) => `成熟度（${s}）`.slice(0, 31),
    titleSuffix: "——自评",
    intro: "请为每项特征选择贵企业目前所处的阶段，以及 2–3 年内希望达到的阶段（从下拉列表选择，或输入阶段编号）。",
    intro2: "阶段、描述与占比均来自报告（出处见“说明”）。“参考指标”一行是本产品的对应关系，并非报告内容，可在成熟度模型 JSON 中修改。",
    rowStage: "阶段",
    stageFormat: '"阶段 "0',
    rowName: "名称",
    rowShare: "企业占比（报告）",
    colToday: "目前",
    colAim: "2–3 年内",
    rowFeatures: "平台功能（报告中该阶段的页面）",
    rowIndicators: "参考指标（本产品的对应关系，非报告内容）",
    before: "直播前",
    during: "直播中",
    after: "直播后",
    listSep: "、",
    notInTree: "（不在本评分表中）",
    none: "—",
    resultHeading: "结果（实时公式）",
    markedToday: "已标注“目前”的特征",
    ofCharacteristics: (n) => `共 ${n} 项`,
    current: "目前阶段：“目前”标注的中位数，向下取整",
    spread: "离散度：“目前”标注的最高与最低阶段之差",
    spreadWide: "各项特征相差两个阶段或以上：请先补齐最低的几项。",
    peersAtOrBelow: "处于此阶段或更低阶段的企业（报告）",
    markedAim: "已标注“2–3 年内”的特征",
    target: "目标阶段：“2–3 年内”标注的中位数，向下取整",
    peersAtOrAbove: "处于目标阶段或更高阶段的企业（报告）",
    requirementsHeading: "选择服务商时应关注（目标阶段）",
    reqPlatform: "平台需求",
    reqFeatures: "平台功能",
    reqTeam: "团队构成（贵方团队，以及所依赖的服务商服务）",
    reqIndicators: "发展途中应重视的指标（本产品的对应关系）",
    promptTitle: "阶段",
    promptMessage: (n) => `请从列表中选择阶段，或输入阶段编号（1–${n}）。`,
    errorTitle: "不是有效阶段",
    errorMessage: (n) => `请选择一个阶段，或输入 1 到 ${n} 的整数；其他内容视为未标注。`,
    methodHeading: "成熟度自评",
    methodText: [
      "“成熟度”工作表按六项特征列出报告中的成熟度阶段（企业直播成熟度参考标准），以及报告给出的各阶段企业占比。",
      "标注：每项特征选择目前所处的阶段与 2–3 年内的目标阶段（列表中的阶段名或其编号）；其他内容视为未标注。",
      "目前阶段 = “目前”标注的中位数，向下取整（六项标注平分于两个阶段时取较低者：尚未达到）。离散度 = 最高与最低标注之差；相差两个阶段或以上说明各项特征不一致。",
      "目标阶段 = “2–3 年内”标注的中位数，向下取整。同行比较：报告中处于目前阶段或更低、以及处于目标阶段或更高的企业占比。",
      "需求：报告表格中目标阶段的平台需求与团队构成，以及该阶段页面中的平台功能。",
      "应重视的指标：本产品（非报告）对从目前阶段的下一阶段到目标阶段的各项需求所对应的指标（没有目前阶段或目标不高于目前阶段时，取目标阶段本身）。“权重”工作表不会被改动：如认同，请自行在其中调整。",
    ],
  },
};
