/** Bilingual labels of the Import log sheet (kept apart from labels.ts, which the panel work edits). */
import type { Locale } from "../core/model/types";

export interface ImportLogLabels {
  sheet: string;
  headers: readonly [string, string, string, string, string, string, string, string, string, string];
  /** The per-import summary table (columns L–S): one row per import. */
  summaryHeaders: readonly [string, string, string, string, string, string, string, string];
  added: string;
  overwritten: string;
}

export const IMPORT_LOG_LABELS: Readonly<Record<Locale, ImportLogLabels>> = {
  "en-US": {
    sheet: "Import log",
    headers: ["Import", "Time", "Source file", "Vendor", "Indicator code", "Rater", "Old value", "New value", "Action", "Undone"],
    summaryHeaders: ["Import", "Time", "Source file", "First row", "Rows", "Added", "Overwritten", "Undone"],
    added: "added",
    overwritten: "overwritten",
  },
  "zh-CN": {
    sheet: "导入日志",
    headers: ["导入编号", "时间", "来源文件", "供应商", "指标代码", "评分人", "原值", "新值", "操作", "撤销时间"],
    summaryHeaders: ["导入编号", "时间", "来源文件", "首行", "行数", "新增", "覆盖", "撤销时间"],
    added: "新增",
    overwritten: "覆盖",
  },
};

/** The log's sheet name in every locale (the workbook's locale is known only after reading its model). */
export function importLogSheetNames(): string[] {
  return Object.values(IMPORT_LOG_LABELS).map((l) => l.sheet);
}
