import Papa from "papaparse";
import type { Locale } from "../model/types";
import type { ImportResult } from "./importRatings";

const HEADERS: Record<Locale, string[]> = {
  "zh-CN": ["行号", "结果", "原因代码", "列", "供应商", "指标", "评分人", "值", "说明"],
  "en-US": ["Line", "Status", "Reason code", "Column", "Vendor", "Indicator", "Rater", "Value", "Message"],
};

const STATUS: Record<Locale, { ok: string; bad: string; col: string; warn: string }> = {
  "zh-CN": { ok: "已导入", bad: "已拒绝", col: "未映射列", warn: "提示" },
  "en-US": { ok: "accepted", bad: "rejected", col: "unmapped column", warn: "warning" },
};

/**
 * The import report as CSV for download: UTF-8 with a BOM (so Excel opens Chinese correctly),
 * CRLF line ends, one row per rejected and accepted item, then unmapped columns and warnings.
 * Text that looks like a formula is escaped (papaparse escapeFormulae). Lines are in file order.
 */
export function reportToCsv(report: ImportResult, locale: Locale = "zh-CN"): string {
  const s = STATUS[locale];
  type Row = { line: number; order: number; cells: (string | number)[] };
  const rows: Row[] = [];
  for (const r of report.rejected) {
    rows.push({ line: r.line, order: 1, cells: [r.line, s.bad, r.code, r.column ?? "", r.vendor ?? "", "", "", r.value ?? "", r.message[locale]] });
  }
  for (const a of report.accepted) {
    rows.push({ line: a.line, order: 0, cells: [a.line, s.ok, "", a.column ?? "", a.vendor, a.code, a.rater ?? "", a.value === "NA" ? "N/A" : a.value, ""] });
  }
  rows.sort((a, b) => a.line - b.line || a.order - b.order);
  const data: (string | number)[][] = rows.map((r) => r.cells);
  for (const u of report.unmapped) data.push(["", s.col, u.reason, u.header, "", "", "", "", u.message[locale]]);
  for (const w of report.warnings) if (w.code !== "unmapped-column") data.push([w.line ?? "", s.warn, w.code, "", "", "", "", "", w.message[locale]]);
  if (report.fatal) data.push(["", s.bad, report.fatal.code, "", "", "", "", "", report.fatal.message[locale]]);
  const body = Papa.unparse({ fields: HEADERS[locale], data }, { escapeFormulae: true, newline: "\r\n" });
  return `\uFEFF${body}\r\n`;
}

/** The report as bytes ready to save (UTF-8 with BOM). */
export function reportToCsvBytes(report: ImportResult, locale: Locale = "zh-CN"): Uint8Array {
  return new TextEncoder().encode(reportToCsv(report, locale));
}
