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
  /** Added to the intro of a ratings sheet with a notes grid. */
  ratingsIntroNotes: string;
  /** Header of a notes-grid column: this, then the vendor. */
  notesHeaderPrefix: string;
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

  /** Panel: a rater's sheet is this prefix + the rater's name. */
  sheetRaterPrefix: string;
  sheetConsolidated: string;
  sheetModeration: string;
  consolidatedTitle: string;
  consolidatedIntro: string;
  colFinal: string;
  colAggregate: string;
  colSpread: string;
  colStdev: string;
  thresholdLabel: string;
  thresholdPromptTitle: string;
  thresholdPromptMessage: string;
  moderationTitle: string;
  moderationIntro: string;
  colNeedsModeration: string;
  flagModerate: string;
  colConsensus: string;
  colMissingReason: string;
  consensusPromptTitle: string;
  consensusPromptMessage: string;
  consensusErrorMessage: string;
  reasonPromptTitle: string;
  reasonPromptMessage: string;
  colRaters: string;
  /** Archive: whose rating it was (panels). */
  colRater: string;
  /** Archive: the reason written beside the rating (notes grid). */
  colNote: string;
  colConsensusWithoutReason: string;
  colRaterCompleteness: string;
  methodPanelHeading: string;
  methodPanelRaters: string;
  methodPanelMean: string;
  methodPanelMedian: string;
  methodPanelTrimmed: string;
  methodPanelNA: string;
  methodPanelSpread: string;
  methodPanelModeration: string;
  methodPanelAgreement: string;
  methodAgreementW: string;
  methodAgreementRaters: string;
  methodAgreementVendors: string;
  raterCopyIntro: string;
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
    ratingsIntroNotes: "Write why you gave each rating in the Reason columns on the right.",
    notesHeaderPrefix: "Reason: ",
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

    sheetRaterPrefix: "Ratings - ",
    sheetConsolidated: "Consolidated",
    sheetModeration: "Moderation",
    consolidatedTitle: "Consolidated ratings",
    consolidatedIntro: "Every cell is a formula over the raters' sheets; edit nothing here.",
    colFinal: "Consolidated (used for scores)",
    colAggregate: "Aggregate",
    colSpread: "Spread (max − min)",
    colStdev: "Std. dev. (population)",
    thresholdLabel: "Spread threshold (points):",
    thresholdPromptTitle: "Spread threshold",
    thresholdPromptMessage: "Cells whose raters differ by more than this many points are highlighted and flagged for moderation.",
    moderationTitle: "Moderation",
    moderationIntro:
      "One row per vendor and indicator. Filter the 'Needs moderation' column to see the disagreements. A consensus score replaces the raters' aggregate for that cell; always record the reason.",
    colNeedsModeration: "Needs moderation",
    flagModerate: "moderate",
    colConsensus: "Consensus score",
    colMissingReason: "consensus without reason",
    consensusPromptTitle: "Consensus score",
    consensusPromptMessage: "0–100 or N/A, agreed by the panel. It replaces the raters' aggregate. Leave blank to keep the aggregate.",
    consensusErrorMessage: "Enter a number from 0 to 100, N/A, or leave the cell blank.",
    reasonPromptTitle: "Reason",
    reasonPromptMessage: "Why the panel agreed on this score (required with a consensus score).",
    colRaters: "Raters",
    colRater: "Rater",
    colNote: "Reason given",
    colConsensusWithoutReason: "Consensus without reason",
    colRaterCompleteness: "Completeness:",
    methodPanelHeading: "Panel scoring",
    methodPanelRaters: "Raters:",
    methodPanelMean:
      "Each rater scores on their own sheet. A cell's rating is the mean of the raters' numeric ratings (blanks and N/A left out).",
    methodPanelMedian:
      "Each rater scores on their own sheet. A cell's rating is the median of the raters' numeric ratings (blanks and N/A left out).",
    methodPanelTrimmed:
      "Each rater scores on their own sheet. A cell's rating is the trimmed mean of the raters' numeric ratings (TRIMMEAN, 20%: the highest and lowest 10% left out; blanks and N/A left out).",
    methodPanelNA: "A cell with no numeric rating from any rater but at least one N/A is N/A; a cell no rater answered is missing.",
    methodPanelSpread:
      "Spread = highest − lowest numeric rating of a cell (also shown: population standard deviation). Cells whose spread exceeds the threshold on the Consolidated sheet (named SC_SpreadThreshold) are highlighted and marked 'moderate'.",
    methodPanelModeration:
      "The Moderation sheet lists every vendor × indicator pair, not only the flagged ones (listing only those would need the FILTER function): use the filter on 'Needs moderation'. A consensus score entered there replaces the aggregate for that cell; its reason is recorded beside it and Results counts consensus scores without a reason. The raters' own sheets are never changed.",
    methodPanelAgreement:
      "Agreement of the panel on the ranking: Kendall's W (0 = no agreement, 1 = all raters rank the vendors alike), from each rater's own weighted totals (the same scoring applied to that rater's sheet alone), equal totals sharing the average rank, with the tie correction. Only raters with a total for every vendor count; it needs two raters and two vendors.",
    methodAgreementW: "Kendall's W (live):",
    methodAgreementRaters: "Raters counted:",
    methodAgreementVendors: "Vendors ranked:",
    raterCopyIntro: "Rater copy: fill in this sheet only and return the file. Do not re-order the vendor columns; rows may be sorted.",
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
    ratingsIntroNotes: "请在右侧“理由”列写明每项评分的理由。",
    notesHeaderPrefix: "理由：",
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

    sheetRaterPrefix: "评分-",
    sheetConsolidated: "汇总评分",
    sheetModeration: "评审合议",
    consolidatedTitle: "汇总评分",
    consolidatedIntro: "每个单元格都是基于各评委评分表的公式，请勿在此修改。",
    colFinal: "汇总结果（用于计分）",
    colAggregate: "合并值",
    colSpread: "分差（最高 − 最低）",
    colStdev: "标准差（总体）",
    thresholdLabel: "分差阈值（分）：",
    thresholdPromptTitle: "分差阈值",
    thresholdPromptMessage: "评委评分相差超过此分数的单元格会被突出显示并标记为需合议。",
    moderationTitle: "评审合议",
    moderationIntro: "每个服务商和指标一行。筛选“需合议”列即可查看分歧。填写的合议分将替代该单元格的评委合并值；请务必填写理由。",
    colNeedsModeration: "需合议",
    flagModerate: "需合议",
    colConsensus: "合议分",
    colMissingReason: "合议分未填理由",
    consensusPromptTitle: "合议分",
    consensusPromptMessage: "0–100 或 N/A，由评审组商定，将替代评委合并值。留空则保留合并值。",
    consensusErrorMessage: "请输入 0 到 100 之间的数字，或填 N/A，或留空。",
    reasonPromptTitle: "理由",
    reasonPromptMessage: "评审组确定此分数的理由（填写合议分时必填）。",
    colRaters: "评委数",
    colRater: "评委",
    colNote: "评分理由",
    colConsensusWithoutReason: "合议分未填理由",
    colRaterCompleteness: "完成度：",
    methodPanelHeading: "评审组评分",
    methodPanelRaters: "评委：",
    methodPanelMean: "每位评委在各自的评分表中评分。单元格的评分为各评委数字评分的平均值（留空和 N/A 不计入）。",
    methodPanelMedian: "每位评委在各自的评分表中评分。单元格的评分为各评委数字评分的中位数（留空和 N/A 不计入）。",
    methodPanelTrimmed: "每位评委在各自的评分表中评分。单元格的评分为各评委数字评分的截尾平均值（TRIMMEAN，20%：去掉最高和最低各 10%；留空和 N/A 不计入）。",
    methodPanelNA: "没有任何评委给出数字评分、但至少一位评委填了 N/A 的单元格视为 N/A；没有任何评委作答的单元格视为缺失。",
    methodPanelSpread: "分差 = 单元格数字评分的最高分 − 最低分（同时显示总体标准差）。分差超过“汇总评分”表中阈值（名称 SC_SpreadThreshold）的单元格会被突出显示并标记为“需合议”。",
    methodPanelModeration:
      "“评审合议”表列出所有服务商 × 指标组合，而不只列出被标记的组合（只列出这些需要 FILTER 函数）：请对“需合议”列使用筛选。在该表填写的合议分将替代该单元格的合并值；理由记录在旁边，“结果”表统计未填理由的合议分数量。各评委自己的评分表不会被修改。",
    methodPanelAgreement:
      "评审组对排名的一致性：肯德尔和谐系数 W（0 = 完全不一致，1 = 所有评委排名相同），依据每位评委各自的加权总分（仅用该评委的评分表按同样方法计分）计算；总分相同者取平均名次，并作结校正。只计入对每个服务商都有总分的评委；至少需要两位评委和两个服务商。",
    methodAgreementW: "肯德尔 W（实时）：",
    methodAgreementRaters: "计入的评委数：",
    methodAgreementVendors: "参与排名的服务商数：",
    raterCopyIntro: "评委副本：只需填写本表并交回文件。请勿调整服务商列的顺序；各行可以排序。",
  },
};

export function labelsFor(locale: Locale): PlanLabels {
  return LABELS[locale];
}
