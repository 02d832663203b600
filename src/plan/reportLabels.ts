import type { Locale } from "../core/model/types";

/** Words of the Report sheet (issue #14), both locales. */
export interface ReportLabels {
  sheet: string;
  title: string;
  standard: string;
  method: string;
  missingExclude: string;
  missingZero: string;
  scope: string;
  ranking: string;
  colRank: string;
  colVendor: string;
  colTotal: string;
  colCompleteness: string;
  colEligible: string;
  colGrade: string;
  colOverall: string;
  weights: string;
  colCode: string;
  colName: string;
  colWeight: string;
  colShare: string;
  profile: string;
  dimension: string;
  score: string;
  strongest: string;
  weakest: string;
  indicator: string;
  /** Label of the row under a strongest/weakest indicator that holds its reason (notes grid). */
  reason: string;
  /** Added to the scope line when the Report shows reasons; {n}: the characters kept. */
  reasonsNote: string;
  moderation: string;
  moderationNone: string;
  moderationMore: string;
  colConsensus: string;
  colReason: string;
  signatures: string;
  signName: string;
  signRole: string;
  signSignature: string;
  signDate: string;
  roleRater: string;
  roleEvaluator: string;
  roleChair: string;
  /** Above the rows kept from signers no longer on the panel. */
  signKept: string;
  /** The assessed maturity (issue #16). */
  maturity: string;
  colScenario: string;
  colCurrent: string;
  colTarget: string;
  /** "Stage {n}: {name}" split around the number and the name. */
  stageBefore: string;
  stageBetween: string;
  notMarked: string;
  lookFor: string;
  maturityNote: string;
}

export const REPORT_LABELS: Record<Locale, ReportLabels> = {
  "en-US": {
    sheet: "Report",
    title: "Vendor evaluation report",
    standard: "Standard: ",
    method: "Method: every indicator rated 0–100; weights normalised within each group; totals are weighted means of the dimensions",
    missingExclude: "; a missing rating is left out (its group shares its weight).",
    missingZero: "; a missing rating counts as 0.",
    scope: "Vendors: {vendors}; indicators: {leaves}; workbook created {date}. Every figure below is a live formula over the scorecard.",
    ranking: "Ranking",
    colRank: "Rank",
    colVendor: "Vendor",
    colTotal: "Total",
    colCompleteness: "Completeness",
    colEligible: "Eligible",
    colGrade: "Grade",
    colOverall: "Overall",
    weights: "Weights (dimensions and sub-dimensions)",
    colCode: "Code",
    colName: "Name",
    colWeight: "Weight (%)",
    colShare: "Share of total",
    profile: "Vendor profile: ",
    dimension: "Dimension",
    score: "Score",
    strongest: "Three strongest indicators",
    weakest: "Three weakest indicators",
    indicator: "Indicator",
    reason: "Reason",
    reasonsNote: "Under each strongest and weakest indicator, the reason written beside its rating (a panel: the Moderation reason where a consensus was entered, else each rater's), cut at {n} characters; the ratings sheets have them whole.",
    moderation: "Moderation decisions",
    moderationNone: "Decisions recorded: ",
    moderationMore: "Only the first {n} are listed here; the Moderation sheet has them all.",
    colConsensus: "Consensus",
    colReason: "Reason",
    signatures: "Signatures of the evaluation panel",
    signName: "Name",
    signRole: "Role",
    signSignature: "Signature",
    signDate: "Date",
    roleRater: "Rater",
    roleEvaluator: "Evaluator",
    roleChair: "Chair",
    signKept: "Kept from the previous version of this report (signers no longer on the panel):",
    maturity: "Maturity self-assessment",
    colScenario: "Scenario",
    colCurrent: "Current stage",
    colTarget: "Target stage (2–3 years)",
    stageBefore: "Stage ",
    stageBetween: ": ",
    notMarked: "not marked",
    lookFor: "Indicators to look for in vendors",
    maturityNote: "From the Maturity sheets (median of the marks); the indicators are the product's mapping of the target stage's platform needs, not the standard's.",
  },
  "zh-CN": {
    sheet: "评审报告",
    title: "供应商评审报告",
    standard: "评价标准：",
    method: "方法：每项指标按 0–100 评分；各组权重归一化；总分为各维度的加权平均",
    missingExclude: "；缺失评分不计入（其所在组分摊权重）。",
    missingZero: "；缺失评分按 0 分计。",
    scope: "供应商 {vendors} 家；指标 {leaves} 项；工作簿创建于 {date}。以下数字均为评分表的实时公式。",
    ranking: "排名",
    colRank: "名次",
    colVendor: "供应商",
    colTotal: "总分",
    colCompleteness: "完成度",
    colEligible: "是否合格",
    colGrade: "等级",
    colOverall: "综合得分",
    weights: "权重（维度与二级指标）",
    colCode: "编号",
    colName: "名称",
    colWeight: "权重 (%)",
    colShare: "占总分比例",
    profile: "供应商概况：",
    dimension: "维度",
    score: "得分",
    strongest: "得分最高的三项指标",
    weakest: "得分最低的三项指标",
    indicator: "指标",
    reason: "理由",
    reasonsNote: "最高和最低指标下方为评分旁填写的理由（评审组：已填合议分的取合议理由，否则列出各评委的理由），超过 {n} 个字符的部分省略；评分表中有完整理由。",
    moderation: "合议决定",
    moderationNone: "已记录的决定：",
    moderationMore: "此处仅列出前 {n} 项；全部决定见合议表。",
    colConsensus: "合议分",
    colReason: "理由",
    signatures: "评审委员会签字",
    signName: "姓名",
    signRole: "职责",
    signSignature: "签字",
    signDate: "日期",
    roleRater: "评审人",
    roleEvaluator: "评审人",
    roleChair: "评审组长",
    signKept: "保留自本报告上一版本（已不在评审组中的签字人）：",
    maturity: "成熟度自评",
    colScenario: "场景",
    colCurrent: "当前阶段",
    colTarget: "目标阶段（2–3 年）",
    stageBefore: "第 ",
    stageBetween: " 阶段：",
    notMarked: "未标记",
    lookFor: "应在供应商中考察的指标",
    maturityNote: "取自成熟度表（各项标记的中位数）；指标为本产品对目标阶段平台需求的映射，而非标准原文。",
  },
};
