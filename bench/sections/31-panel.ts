import { defaultTree } from "../../src/core/model";
import { buildPlan, type WorkbookPlan } from "../../src/plan";
import { writeXlsx } from "../../src/xlsx";
import { line, mb, timeIt, timeItAsync } from "../util";

function size(plan: WorkbookPlan): { cells: number; formulas: number; longest: number; json: number } {
  let cells = 0;
  let formulas = 0;
  let longest = 0;
  for (const s of plan.sheets) {
    for (const b of s.blocks) {
      for (const v of b.cells.flat()) {
        if (v === null) continue;
        cells++;
        if (b.kind === "formulas" && typeof v === "string") {
          formulas++;
          longest = Math.max(longest, v.length);
        }
      }
    }
  }
  return { cells, formulas, longest, json: Buffer.byteLength(JSON.stringify(plan)) };
}

/** Panel plans: build time and size, up to 30 raters × 20 vendors on the default tree. */
export async function bench(): Promise<void> {
  for (const [m, n] of [[5, 5], [30, 20]] as const) {
    const label = `${m} raters × ${n} vendors × default tree`;
    const raters = Array.from({ length: m }, (_, k) => `Rater ${k + 1}`);
    const vendors = Array.from({ length: n }, (_, v) => `Vendor ${v + 1}`);
    const built = timeIt(() => buildPlan({ tree: defaultTree(), vendors, raters, options: { aggregate: "trimmed" }, createdAt: "2026-01-01T00:00:00.000Z" }), 5);
    const s = size(built.result);
    line(`${label}: plan build`, `${built.ms.toFixed(1)} ms`);
    line(`${label}: sheets`, String(built.result.sheets.length));
    line(`${label}: cells / formulas`, `${s.cells.toLocaleString("en-US")} / ${s.formulas.toLocaleString("en-US")}`);
    line(`${label}: longest formula (chars, limit 8192)`, String(s.longest));
    line(`${label}: plan JSON`, mb(s.json));
    const xlsx = await timeItAsync(() => writeXlsx(built.result), 1);
    line(`${label}: xlsx write (ExcelJS + charts)`, `${xlsx.ms.toFixed(0)} ms, ${mb(xlsx.result.length)}`);
  }
}
