import { MODEL_SHEET_NAME, type WorkbookPlan } from "../plan";
import type { PrepareReportResult } from "../port";
import { applyPlan } from "./applyPlan";
import type { Syncer } from "./batch";
import { noScorecard } from "./errors";
import { probeWorkbook, readScorecard, rebuildPlan } from "./readBack";
import { reportCarry } from "./reportCarry";

/**
 * "Prepare report" (issue #14): writes the Report sheet afresh from the stored model (its figures
 * are live formulas over Results, Weights and the ratings, so writing it again picks up any change
 * to vendors or the tree) and records it in the stored model, then opens it. Only the Report sheet
 * and the model sheet are replaced; ratings and every other sheet stay as they are. What was typed
 * in its signature block is written back, by signer (see ./reportCarry.ts), read in the same sync as the model.
 * Syncs: 2 reads (sheets; the model) and the writes (usually 1).
 */
export async function prepareReport(syncer: Syncer, supports: (version: string) => boolean): Promise<PrepareReportResult> {
  const context = syncer.context;
  const state = await probeWorkbook(context, syncer);
  // The Report as it stands (with its formulas), in the same sync: what was typed in its signature block is written back (see ./reportCarry.ts).
  const card = await readScorecard(context, syncer, state, ["report"], { panel: true, formulas: ["report"] });
  if (!card) throw noScorecard();
  const full = rebuildPlan({ ...card.model, report: true }, reportCarry(card, true).report);
  const report = full.sheets.find((s) => s.key === "report");
  const model = full.sheets.find((s) => s.key === "model");
  if (!report || !model) throw noScorecard();
  const plan: WorkbookPlan = { ...full, sheets: [report, model], names: full.names.filter((n) => n.ref.includes(MODEL_SHEET_NAME)) };
  // The Report sheet of this scorecard (recorded in its model) is replaced; any other sheet of that name stops the write (sheetClash).
  const ours = card.model.report ? state.sheets.filter((s) => s.name.toLowerCase() === report.name.toLowerCase()).map((s) => s.name) : [];
  const result = await applyPlan(context, plan, {
    supports, state, syncer, scorecardSheets: [...ours, MODEL_SHEET_NAME],
    activate: { sheet: report.name, address: "A1" },
  });
  return { sheet: report.name, ...(result.noteCodes.length > 0 ? { notes: result.noteCodes } : {}) };
}
