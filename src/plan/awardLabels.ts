/** Bilingual labels of the award decision (issue #11): Weights minimums, Price sheet, Results columns, Method (kept apart from labels.ts). */
import type { Locale } from "../core/model/types";

export interface AwardLabels {
  sheetPrice: string;
  sheetAward: string;
  colMinimum: string;
  minimumPromptTitle: string;
  minimumPromptMessage: string;
  minimumErrorTitle: string;
  minimumErrorMessage: string;
  bandsFrom: string;
  bandsGrade: string;
  bandsNote: string;
  priceTitle: string;
  priceIntro: string;
  priceWeight: string;
  priceMethod: string;
  methodLowest: string;
  methodLinear: string;
  lowBidThreshold: string;
  lowestBid: string;
  highestBid: string;
  colBid: string;
  colPriceScore: string;
  colLowBid: string;
  lowBidFlag: string;
  guidanceGoods: string;
  guidanceServices: string;
  bidPromptTitle: string;
  bidPromptMessage: string;
  bidErrorTitle: string;
  bidErrorMessage: string;
  percentErrorMessage: string;
  methodErrorMessage: string;
  colEligible: string;
  colReasons: string;
  colGrade: string;
  colOverall: string;
  colRankEligible: string;
  eligibleYes: string;
  eligibleNo: string;
  eligibleUnrated: string;
  eligibleNoBid: string;
  reasonNoBid: string;
  reasonUnrated: string;
  total: string;
  methodHeading: string;
  methodMinimumsNone: string;
  methodMinimums: string;
  methodMinimumsRule: string;
  methodMinimumsOverflow: string;
  methodPriceNone: string;
  methodPrice: string;
  methodPriceLowest: string;
  methodPriceLinear: string;
  methodLowBid: string;
  methodBands: string;
  methodRank: string;
}

export const AWARD_LABELS: Record<Locale, AwardLabels> = {
  "en-US": {
    sheetPrice: "Price",
    sheetAward: "Award calc",
    colMinimum: "Minimum",
    minimumPromptTitle: "Minimum score",
    minimumPromptMessage: "Optional: a vendor scoring below this (0–100) is not eligible for award. Blank = no minimum.",
    minimumErrorTitle: "Not a minimum",
    minimumErrorMessage: "Enter a number from 0 to 100, or leave the cell blank.",
    bandsFrom: "Grade from (≥)",
    bandsGrade: "Grade",
    bandsNote: "Grade bands, highest first; the last must start at 0",
    priceTitle: "Price",
    priceIntro: "One bid per vendor. Only eligible vendors with a bid above 0 set the lowest and highest bid; a vendor without a bid is not eligible for award.",
    priceWeight: "Price weight (% of the overall score)",
    priceMethod: "Price score method",
    methodLowest: "Lowest bid ÷ bid × 100",
    methodLinear: "Linear between lowest and highest",
    lowBidThreshold: "Abnormally low: % below the mean of the other bids",
    lowestBid: "Lowest valid bid",
    highestBid: "Highest valid bid",
    colBid: "Bid",
    colPriceScore: "Price score",
    colLowBid: "Abnormally low bid",
    lowBidFlag: "Explanation required",
    guidanceGoods: "Guidance: under MoF Order No. 87 price carries at least 30% for goods (10% for services).",
    guidanceServices: "Guidance: under MoF Order No. 87 price carries at least 10% for services and 30% for goods.",
    bidPromptTitle: "Bid",
    bidPromptMessage: "The vendor's bid price, a number above 0. Blank = no bid.",
    bidErrorTitle: "Not a bid",
    bidErrorMessage: "Enter the bid as a number (no currency sign or separators), or leave the cell blank.",
    percentErrorMessage: "Enter a percentage from 0 to 100.",
    methodErrorMessage: "Pick a method from the list.",
    colEligible: "Eligible",
    colReasons: "Reasons",
    colGrade: "Grade",
    colOverall: "Overall",
    colRankEligible: "Rank (eligible)",
    eligibleYes: "Yes",
    eligibleNo: "No",
    eligibleUnrated: "Not yet (unrated)",
    eligibleNoBid: "No bid",
    reasonNoBid: "no bid",
    reasonUnrated: ": not rated",
    total: "Total",
    methodHeading: "Award decision",
    methodMinimumsNone: "Minimum scores: none set (every vendor with a total is eligible).",
    methodMinimums: "Minimum scores (a vendor below any of them is not eligible; a blank or N/A rating never passes a minimum on that indicator):",
    methodMinimumsRule: "Minimums live in the Minimum column of the Weights sheet (the first row is the total's).",
    methodMinimumsOverflow: "⚠ Row too short for the list: AutoFit its height before printing.",
    methodPriceNone: "Price: not scored (no Price sheet); the ranking is by the quality score.",
    methodPrice: "Price: {weight}% of the overall score; overall = quality × (1 − p) + price score × p.",
    methodPriceLowest: "Price score: lowest valid bid ÷ bid × 100 (low-price-first rule, MoF Order No. 87 art. 55).",
    methodPriceLinear: "Price score: 100 × (highest − bid) ÷ (highest − lowest); equal bids score 100.",
    methodLowBid: "A bid more than {t}% below the mean of the other valid bids is flagged “explanation required” (art. 60); it is never excluded.",
    methodBands: "Grade bands on the quality score:",
    methodRank: "Rank (eligible) ranks eligible vendors only; the others have no rank.",
  },
  "zh-CN": {
    sheetPrice: "报价",
    sheetAward: "授标计算",
    colMinimum: "最低分",
    minimumPromptTitle: "最低分",
    minimumPromptMessage: "可选：得分低于此值（0–100）的供应商不具备授标资格。留空 = 不设最低分。",
    minimumErrorTitle: "最低分无效",
    minimumErrorMessage: "请输入 0 到 100 之间的数字，或留空。",
    bandsFrom: "等级下限（≥）",
    bandsGrade: "等级",
    bandsNote: "等级区间，从高到低；最后一级须从 0 起",
    priceTitle: "报价",
    priceIntro: "每家供应商一个报价。只有具备资格且报价大于 0 的供应商决定最低价与最高价；未报价的供应商不具备授标资格。",
    priceWeight: "价格权重（占综合得分的 %）",
    priceMethod: "价格得分方法",
    methodLowest: "最低价 ÷ 报价 × 100",
    methodLinear: "最低价与最高价之间线性插值",
    lowBidThreshold: "异常低价：低于其他报价均值的百分比",
    lowestBid: "最低有效报价",
    highestBid: "最高有效报价",
    colBid: "报价",
    colPriceScore: "价格得分",
    colLowBid: "异常低价",
    lowBidFlag: "需书面说明",
    guidanceGoods: "提示：按财政部 87 号令，货物项目价格分值占比不得低于 30%（服务项目不得低于 10%）。",
    guidanceServices: "提示：按财政部 87 号令，服务项目价格分值占比不得低于 10%，货物项目不得低于 30%。",
    bidPromptTitle: "报价",
    bidPromptMessage: "供应商的报价，大于 0 的数字。留空 = 未报价。",
    bidErrorTitle: "报价无效",
    bidErrorMessage: "请以数字输入报价（不含货币符号和分隔符），或留空。",
    percentErrorMessage: "请输入 0 到 100 之间的百分比。",
    methodErrorMessage: "请从列表中选择一种方法。",
    colEligible: "具备资格",
    colReasons: "原因",
    colGrade: "等级",
    colOverall: "综合得分",
    colRankEligible: "排名（合格者）",
    eligibleYes: "是",
    eligibleNo: "否",
    eligibleUnrated: "待评分",
    eligibleNoBid: "未报价",
    reasonNoBid: "未报价",
    reasonUnrated: "：未评分",
    total: "总分",
    methodHeading: "授标决定",
    methodMinimumsNone: "最低分：未设置（有总分的供应商均具备资格）。",
    methodMinimums: "最低分（低于任一最低分即不具备资格；设有最低分的指标若空白或不适用，不视为通过）：",
    methodMinimumsRule: "最低分在“权重”表的“最低分”列中填写（第一行为总分的最低分）。",
    methodMinimumsOverflow: "⚠ 此行过矮，打印前请自动调整行高。",
    methodPriceNone: "价格：不计分（无报价表）；按质量得分排名。",
    methodPrice: "价格：占综合得分的 {weight}%；综合得分 = 质量得分 × (1 − p) + 价格得分 × p。",
    methodPriceLowest: "价格得分：最低有效报价 ÷ 报价 × 100（低价优先法，财政部 87 号令第五十五条）。",
    methodPriceLinear: "价格得分：100 × (最高价 − 报价) ÷ (最高价 − 最低价)；报价全部相同则为 100。",
    methodLowBid: "报价低于其他有效报价均值 {t}% 以上的，标注“需书面说明”（第六十条），但不排除。",
    methodBands: "按质量得分划分的等级：",
    methodRank: "“排名（合格者）”仅在具备资格的供应商之间排名；其余供应商无排名。",
  },
};

export const awardLabelsFor = (locale: Locale): AwardLabels => AWARD_LABELS[locale];
