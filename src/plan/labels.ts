import type { Locale } from "../core/model/types";

/** Every sheet, label and chart string of the workbook. Both locales must define every key. */
export interface PlanLabels {
  sheetWeights: string;
  sheetRatings: string;
  sheetResults: string;
  sheetCharts: string;
  sheetMethod: string;
  sheetCalc: string;
  sheetArchive: string;
  /** Prefix of a frozen copy of Results; the date follows. */
  sheetFrozen: string;

  weightsTitle: string;
  weightsIntro: string;
  weightsWarningCount: string;
  colCode: string;
  colIndicator: string;
  colWeight: string;
  colRequired: string;
  colChildSum: string;
  colCheck: string;
  colNormalised: string;
  colShareOfTotal: string;
  rootName: string;
  checkOk: string;
  checkWarn: string;
  checkEqual: string;
  weightPromptTitle: string;
  weightPromptMessage: string;
  weightErrorTitle: string;
  weightErrorMessage: string;

  ratingsTitle: string;
  ratingsIntro: string;
  ratingPromptTitle: string;
  ratingPromptMessage: string;
  ratingErrorTitle: string;
  ratingErrorMessage: string;

  resultsTitle: string;
  resultsIntro: string;
  colVendor: string;
  colTotal: string;
  colRank: string;
  colCompleteness: string;
  colMissing: string;
  colRequiredUnrated: string;
  colFlags: string;
  flagRequired: string;
  flagIncomplete: string;

  chartsTitle: string;
  chartComparison: string;
  chartTotals: string;
  chartVendorPrefix: string;
  seriesTotal: string;

  methodTitle: string;
  methodStandard: string;
  methodSource: string;
  methodDate: string;
  methodScope: string;
  methodHowHeading: string;
  methodScale: string;
  methodNormalisation: string;
  methodMissingExclude: string;
  methodMissingZero: string;
  methodNA: string;
  methodAggregation: string;
  methodRank: string;
  methodCompleteness: string;
  methodEditing: string;
  methodWarningsHeading: string;
  methodWarningsNone: string;
  methodWarningsLive: string;

  archiveTitle: string;
  colArchived: string;
  colValue: string;
  colReason: string;
  reasonIndicatorRemoved: string;
  reasonVendorRemoved: string;
  reasonNowAGroup: string;

  frozenTitle: string;
}

export const LABELS: Record<Locale, PlanLabels> = {
  "en-US": {
    sheetWeights: "Weights",
    sheetRatings: "Ratings",
    sheetResults: "Results",
    sheetCharts: "Charts",
    sheetMethod: "Method",
    sheetCalc: "Calc",
    sheetArchive: "Archive",
    sheetFrozen: "Results",

    weightsTitle: "Indicator weights",
    weightsIntro:
      "Edit the weights (%) in the shaded cells. Each group's weights are normalised to sum to 1 before scoring; a group that does not sum to 100% is flagged.",
    weightsWarningCount: "Groups whose weights do not sum to 100%:",
    colCode: "Code",
    colIndicator: "Indicator",
    colWeight: "Weight (%)",
    colRequired: "Required",
    colChildSum: "Sum of sub-weights (%)",
    colCheck: "Check",
    colNormalised: "Normalised weight",
    colShareOfTotal: "Share of total",
    rootName: "All dimensions",
    checkOk: "OK",
    checkWarn: "⚠ not 100% — normalised",
    checkEqual: "equal shares",
    weightPromptTitle: "Weight",
    weightPromptMessage: "A weight in percent of its group (0 or more). Leave every weight of a group blank for equal shares.",
    weightErrorTitle: "Invalid weight",
    weightErrorMessage: "Enter a number of 0 or more.",

    ratingsTitle: "Ratings",
    ratingsIntro: "Rate each vendor 0–100 per indicator (decimals allowed). Leave blank if not rated yet; enter N/A if the indicator does not apply. ● = required.",
    ratingPromptTitle: "Rating",
    ratingPromptMessage: "0–100, blank, or N/A.",
    ratingErrorTitle: "Invalid rating",
    ratingErrorMessage: "Enter a number from 0 to 100, leave the cell blank, or enter N/A.",

    resultsTitle: "Results",
    resultsIntro: "Every figure is a live formula over Ratings and Weights.",
    colVendor: "Vendor",
    colTotal: "Total",
    colRank: "Rank",
    colCompleteness: "Completeness",
    colMissing: "Missing ratings",
    colRequiredUnrated: "Required unrated",
    colFlags: "Flags",
    flagRequired: "required unrated",
    flagIncomplete: "incomplete",

    chartsTitle: "Charts",
    chartComparison: "Vendor comparison by dimension",
    chartTotals: "Total score",
    chartVendorPrefix: "Profile:",
    seriesTotal: "Total",

    methodTitle: "Method",
    methodStandard: "Standard:",
    methodSource: "Source:",
    methodDate: "Workbook created:",
    methodScope: "Vendors and scored indicators:",
    methodHowHeading: "How the scores are computed",
    methodScale: "Each indicator is rated from 0 to 100; higher is better.",
    methodNormalisation:
      "Within every group, each weight is divided by the sum of the group's weights (normalisation), so every group score and the total stay on the 0–100 scale even when the published weights do not add up to 100%. A group whose weights are all blank weighs its members equally; a blank weight among numbers counts as 0.",
    methodMissingExclude:
      "Missing ratings: a blank rating is left out and the rated indicators of its group share its weight (the vendor is reported incomplete). A blank is never counted as 0.",
    methodMissingZero: "Missing ratings: a blank rating counts as 0 (chosen when the workbook was created).",
    methodNA: "N/A (not applicable) is always left out, and the other indicators of its group share its weight; it counts as answered for completeness.",
    methodAggregation:
      "Group score = Σ(weight × score) ÷ Σ(weight) over the members that have a score; the total is the same over the dimensions. A group with no scored member has no score (shown empty).",
    methodRank: "Rank: 1 + the number of vendors with a higher total; equal totals share a rank.",
    methodCompleteness: "Completeness: (rated + N/A indicators) ÷ all indicators. Flags list required indicators left blank and incomplete vendors.",
    methodEditing: "Edit weights on the Weights sheet and ratings on the Ratings sheet: every figure recomputes.",
    methodWarningsHeading: "Weight warnings",
    methodWarningsNone: "All weight groups sum to 100%.",
    methodWarningsLive: "Groups not summing to 100% now (live):",

    archiveTitle: "Archived ratings (their indicator or vendor was removed)",
    colArchived: "Archived",
    colValue: "Rating",
    colReason: "Reason",
    reasonIndicatorRemoved: "indicator removed",
    reasonVendorRemoved: "vendor removed",
    reasonNowAGroup: "indicator now has sub-indicators",

    frozenTitle: "Frozen results (values only) —",
  },
  "zh-CN": {
    sheetWeights: "权重",
    sheetRatings: "评分",
    sheetResults: "结果",
    sheetCharts: "图表",
    sheetMethod: "方法说明",
    sheetCalc: "计算",
    sheetArchive: "归档",
    sheetFrozen: "结果",

    weightsTitle: "指标权重",
    weightsIntro: "在底色单元格中修改权重（%）。计分前每组权重按组内合计归一化；合计不等于 100% 的组会被标出。",
    weightsWarningCount: "权重合计不等于 100% 的组数：",
    colCode: "编号",
    colIndicator: "指标",
    colWeight: "权重（%）",
    colRequired: "必要指标",
    colChildSum: "下级权重合计（%）",
    colCheck: "检查",
    colNormalised: "归一化权重",
    colShareOfTotal: "占总分比例",
    rootName: "全部维度",
    checkOk: "正常",
    checkWarn: "⚠ 合计不是 100%，已归一化",
    checkEqual: "平均分配",
    weightPromptTitle: "权重",
    weightPromptMessage: "该指标在本组中的权重百分比（不小于 0）。整组留空则平均分配。",
    weightErrorTitle: "权重无效",
    weightErrorMessage: "请输入不小于 0 的数字。",

    ratingsTitle: "评分",
    ratingsIntro: "按指标为每个服务商打分 0–100（可含小数）。尚未评分请留空；指标不适用请填 N/A。● = 必要指标。",
    ratingPromptTitle: "评分",
    ratingPromptMessage: "0–100、留空或 N/A。",
    ratingErrorTitle: "评分无效",
    ratingErrorMessage: "请输入 0 到 100 之间的数字，或留空，或填 N/A。",

    resultsTitle: "结果",
    resultsIntro: "所有数字均为基于“评分”和“权重”工作表的实时公式。",
    colVendor: "服务商",
    colTotal: "总分",
    colRank: "排名",
    colCompleteness: "完成度",
    colMissing: "缺失评分",
    colRequiredUnrated: "必要指标未评",
    colFlags: "提示",
    flagRequired: "必要指标未评分",
    flagIncomplete: "评分不完整",

    chartsTitle: "图表",
    chartComparison: "各维度服务商对比",
    chartTotals: "总分",
    chartVendorPrefix: "概况：",
    seriesTotal: "总分",

    methodTitle: "方法说明",
    methodStandard: "标准：",
    methodSource: "来源：",
    methodDate: "工作簿创建时间：",
    methodScope: "服务商数与计分指标数：",
    methodHowHeading: "分数如何计算",
    methodScale: "每个指标按 0–100 分评分，分数越高越好。",
    methodNormalisation:
      "每组内各权重除以该组权重合计（归一化），因此即使公布的权重合计不是 100%，各组得分和总分仍在 0–100 分之间。整组权重留空时组内平均分配；在有数字的组中留空的权重按 0 计。",
    methodMissingExclude: "缺失评分：留空的评分不计入，其权重由同组已评分指标分担（该服务商标记为不完整）。留空从不按 0 分计算。",
    methodMissingZero: "缺失评分：留空的评分按 0 分计算（创建工作簿时选择）。",
    methodNA: "N/A（不适用）始终不计入，其权重由同组其他指标分担；计算完成度时视为已作答。",
    methodAggregation: "组得分 = Σ（权重 × 得分）÷ Σ（权重），只计有得分的成员；总分按各维度同样计算。没有任何成员得分的组没有得分（显示为空）。",
    methodRank: "排名：1 + 总分更高的服务商数；总分相同者排名相同。",
    methodCompleteness: "完成度：（已评分 + N/A 指标数）÷ 全部指标数。提示列出留空的必要指标和不完整的服务商。",
    methodEditing: "在“权重”表修改权重、在“评分”表修改评分，所有数字都会重新计算。",
    methodWarningsHeading: "权重提示",
    methodWarningsNone: "所有权重组合计均为 100%。",
    methodWarningsLive: "当前合计不等于 100% 的组数（实时）：",

    archiveTitle: "已归档评分（其指标或服务商已删除）",
    colArchived: "归档时间",
    colValue: "评分",
    colReason: "原因",
    reasonIndicatorRemoved: "指标已删除",
    reasonVendorRemoved: "服务商已删除",
    reasonNowAGroup: "指标已有下级指标",

    frozenTitle: "结果快照（仅数值）——",
  },
};

export function labelsFor(locale: Locale): PlanLabels {
  return LABELS[locale];
}
