/** Bilingual labels of the Import log sheet (kept apart from labels.ts, which the panel work edits). */
import type { Locale } from "../core/model/types";

export interface ImportLogLabels {
  sheet: string;
  /** The list of imports and merges (columns A–J): one row per import. */
  summaryHeaders: readonly [string, string, string, string, string, string, string, string, string, string];
  /** Kind column: a file imported in the Import tab, a returned rater copy merged in the Panel tab. */
  kindImport: string;
  kindMerge: string;
  /** Weights of a sibling group written from pairwise comparisons (AHP). */
  kindWeights: string;
  /** The header row of an import's block: vendor, rater, before/after, then the indicator codes. */
  blockVendor: string;
  blockRater: string;
  blockValues: string;
  before: string;
  after: string;
  /** A "before" cell that was empty before the import. */
  blank: string;
  /** Heading row of a block, after id, kind, time, source and rater: how to read it. */
  legend: string;
  /** After an indicator code in a block's header: the column holds reasons (notes grid), not ratings. */
  noteSuffix: string;
}

export const IMPORT_LOG_LABELS: Readonly<Record<Locale, ImportLogLabels>> = {
  "en-US": {
    sheet: "Import log",
    summaryHeaders: ["Import", "Kind", "Time", "Source file", "Rater", "Added", "Overwritten", "Undone", "Not undone (changed since)", "Cells before and after"],
    kindImport: "import",
    kindMerge: "returned copy",
    kindWeights: "weights (pairwise)",
    blockVendor: "Vendor",
    blockRater: "Rater",
    blockValues: "before / after",
    before: "before",
    after: "after",
    blank: "blank",
    legend: "Per vendor: the cells before this import (blank = the cell was empty; =… = the formula it held) and what it wrote; an empty cell was not touched.",
    noteSuffix: " (reason)",
  },
  "zh-CN": {
    sheet: "导入日志",
    summaryHeaders: ["导入编号", "类型", "时间", "来源文件", "评分人", "新增", "覆盖", "撤销时间", "未撤销（其后已改）", "单元格前后值"],
    kindImport: "导入",
    kindMerge: "评委副本合并",
    kindWeights: "权重（两两比较）",
    blockVendor: "供应商",
    blockRater: "评分人",
    blockValues: "导入前 / 导入后",
    before: "导入前",
    after: "导入后",
    blank: "空",
    legend: "每个供应商：本次导入前的单元格值（空 = 原为空白；=… = 原有公式）及导入写入的值；空白单元格表示本次未涉及。",
    noteSuffix: "（理由）",
  },
};

/** The log's sheet name in every locale (the workbook's locale is known only after reading its model). */
export function importLogSheetNames(): string[] {
  return Object.values(IMPORT_LOG_LABELS).map((l) => l.sheet);
}
