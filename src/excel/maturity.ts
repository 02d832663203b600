/**
 * The Maturity sheets in the Excel adapter (issue #16): their marks read from the grids
 * readScorecard loads for the "maturity" role (in the same sync as the model), carried into a
 * rebuilt workbook (a re-create, an import that adds vendors) so nothing marked is lost, and
 * assessed with src/core/maturity for the pane (readMaturity).
 */
import { assessMaturity } from "../core/maturity/assess";
import { defaultMaturityModel } from "../core/maturity/default";
import type { MaturityModel } from "../core/maturity/types";
import { allNodes } from "../core/model/tree";
import type { LocalizedText } from "../core/model/types";
import { parseCell, type CellValue, type StoredModel } from "../plan";
import { MATURITY } from "../plan/maturitySheet";
import type { MaturityCellMark, MaturityInput, MaturitySheetLayout, MaturityTypedMarks } from "../plan/maturityTypes";
import type { MaturityMarkRead, MaturityMarksRequest, PortCallOptions, MaturityMarksWritten, MaturityReading, MaturityScenarioRead } from "../port";
import { text, type Grid } from "./address";
import { protectOps } from "./applyPlan";
import { estimate, OpList, runOps, type Syncer } from "./batch";
import { layoutChanged, maturityMarksRemoved, noScorecard, sheetMissing } from "./errors";
import { probeWorkbook, readScorecard, type Scorecard } from "./readBack";

/** The maturity model a stored model's sheets were built from (its own, else the bundled one). */
export function maturityModelOf(model: StoredModel): MaturityModel {
  return model.maturity?.model ?? defaultMaturityModel();
}

/** The stage a mark cell reads as, as the sheet's formulas read it: a whole number 1…N, or a stage name (TRIM, any case, as MATCH). */
function stageOf(v: CellValue, names: string[]): number | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= 1 && v <= names.length ? v : null;
  if (typeof v !== "string") return null;
  const t = v.trim().toLowerCase();
  const i = names.findIndex((n) => n.trim().toLowerCase() === t);
  return t === "" || i < 0 ? null : i + 1;
}

function typedOf(v: CellValue): string | number | null {
  if (v === null) return null;
  if (typeof v === "boolean") return String(v);
  return typeof v === "string" && v.trim() === "" ? null : v;
}

interface SheetMarks {
  layout: MaturitySheetLayout;
  sheet: string;
  today: MaturityMarkRead[];
  aim: MaturityMarkRead[];
}

/** Throws when a characteristic's label is not where the layout says (rows inserted or moved by hand). */
function checkLabels(sheet: string, grid: Grid, model: MaturityModel, locale: StoredModel["options"]["locale"]): void {
  model.characteristics.forEach((ch, i) => {
    const row = MATURITY.firstRow + i;
    const found = text(grid.get(row, MATURITY.label));
    if (found !== ch.name[locale]) throw layoutChanged(sheet, `A${row}`, ch.name[locale], found);
  });
}

/** Every Maturity sheet of the card that exists, its mark cells as read. */
function sheetMarks(card: Scorecard): SheetMarks[] {
  const model = maturityModelOf(card.model);
  const locale = card.model.options.locale;
  return (card.plan.layout.maturity ?? []).flatMap((layout) => {
    const read = card.maturity?.find((m) => m.scenario === layout.scenario);
    if (!read) return [];
    checkLabels(read.sheet, read.grid, model, locale);
    const scenario = model.scenarios.find((s) => s.key === layout.scenario);
    const names = (scenario?.stages ?? []).map((st) => st.name[locale]);
    const marks = (addresses: string[]): MaturityMarkRead[] =>
      addresses.map((address, i) => {
        const { row, col } = parseCell(address);
        const v = read.grid.get(row, col);
        const ch = model.characteristics[i];
        return { characteristic: ch.key, name: ch.name, address, typed: typedOf(v), stage: stageOf(v, names) };
      });
    return [{ layout, sheet: read.sheet, today: marks(layout.today), aim: marks(layout.aim) }];
  });
}

/** A mark as carried: the stage number when it reads as one (so a locale change renames it), else as typed. */
const carried = (m: MaturityMarkRead): MaturityCellMark => m.stage ?? m.typed;

/**
 * The Maturity input of a rebuilt workbook: the scenarios asked for (`requested`), else the old
 * workbook's; the old model's own maturity model; and every mark of the old sheets (by
 * characteristic, in the model's order). A scenario left out whose sheet holds marks is refused
 * (maturityMarksRemoved, naming the sheet and its first mark): nothing marked is dropped silently.
 */
export function maturityCarry(old: Scorecard | null, requested?: string[]): MaturityInput | undefined {
  const stored = old?.model.maturity;
  const scenarios = requested ?? stored?.scenarios ?? [];
  const marks: Record<string, MaturityTypedMarks> = {};
  for (const s of old ? sheetMarks(old) : []) {
    const filled = [...s.today, ...s.aim].filter((m) => m.typed !== null);
    if (!scenarios.includes(s.layout.scenario)) {
      if (filled.length > 0) throw maturityMarksRemoved(s.sheet, filled[0].address, filled.length);
      continue;
    }
    if (filled.length > 0) marks[s.layout.scenario] = { today: s.today.map(carried), aim: s.aim.map(carried) };
  }
  if (scenarios.length === 0) return undefined;
  return { scenarios, ...(stored?.model ? { model: stored.model } : {}), ...(Object.keys(marks).length > 0 ? { marks } : {}) };
}

/** The Maturity sheets' marks, assessed with src/core/maturity; null when the workbook asked for none. */
export function readMaturityCard(card: Scorecard): MaturityReading | null {
  const layouts = card.plan.layout.maturity ?? [];
  if (layouts.length === 0) return null;
  const model = maturityModelOf(card.model);
  const tree = card.model.tree;
  const names = new Map(allNodes(tree).map((n) => [n.node.code, n.node.name]));
  const read = sheetMarks(card);
  const scenarios: MaturityScenarioRead[] = read.map((s) => {
    const scenario = model.scenarios.find((x) => x.key === s.layout.scenario);
    const assessment = assessMaturity(model, s.layout.scenario, { today: s.today.map((m) => m.stage), aim: s.aim.map((m) => m.stage) }, tree);
    const indicatorNames: Record<string, LocalizedText> = {};
    for (const code of assessment.indicators) {
      const name = names.get(code);
      if (name) indicatorNames[code] = name;
    }
    return {
      scenario: s.layout.scenario,
      name: scenario?.name ?? { "en-US": s.layout.scenario, "zh-CN": s.layout.scenario },
      sheet: s.sheet,
      stages: (scenario?.stages ?? []).map((st) => ({ name: st.name, share: st.share })),
      today: s.today,
      aim: s.aim,
      assessment,
      indicatorNames,
    };
  });
  const found = new Set(read.map((s) => s.layout.scenario));
  return { scenarios, missing: layouts.filter((l) => !found.has(l.scenario)).map((l) => l.scenario) };
}

/** Syncs: 2 (list sheets; read the model and the Maturity sheets). */
export async function readMaturity(syncer: Syncer): Promise<MaturityReading | null> {
  const state = await probeWorkbook(syncer.context, syncer);
  const card = await readScorecard(syncer.context, syncer, state, ["maturity"], { panel: true, panelSheets: false });
  if (!card) throw noScorecard();
  return readMaturityCard(card);
}

/** The cell value a stage mark is written as: the stage's name in the workbook's language (the drop-down's value), or blank. */
function markValue(stage: number | null, names: string[], address: string): string {
  if (stage === null) return "";
  if (!Number.isInteger(stage) || stage < 1 || stage > names.length) throw new RangeError(`writeMaturityMarks: ${address}: stage ${stage} is not 1…${names.length}`);
  return names[stage - 1];
}

/**
 * Syncs: 3 (list sheets; read the model and the Maturity sheets; write), 2 when nothing changes.
 * Writes the stages asked for into one scenario's mark cells as the sheet's drop-down would (the
 * stage's name in the workbook's language; null clears). Only cells whose reading changes are
 * written: a mark already read as that stage (a number, another case) stays as typed; a mark that
 * is not a stage is replaced (the pane warns first). Refused (layoutChanged / sheetMissing) when
 * the sheet's characteristic labels are not where the layout says or the sheet is gone.
 */
export async function writeMaturityMarks(env: { syncer: Syncer; supports(v: string): boolean; options?: PortCallOptions }, request: MaturityMarksRequest): Promise<MaturityMarksWritten> {
  const { syncer } = env;
  const context = syncer.context;
  const state = await probeWorkbook(context, syncer);
  const card = await readScorecard(context, syncer, state, ["maturity"], { panel: true, panelSheets: false });
  if (!card) throw noScorecard();
  const layout = (card.plan.layout.maturity ?? []).find((l) => l.scenario === request.scenario);
  if (!layout) throw sheetMissing(request.scenario);
  const read = sheetMarks(card).find((s) => s.layout.scenario === request.scenario);
  if (!read) throw sheetMissing(layout.sheet);
  const model = maturityModelOf(card.model);
  const n = model.characteristics.length;
  if (request.today.length !== n || request.aim.length !== n) throw new RangeError(`writeMaturityMarks: ${n} marks expected per column, got ${request.today.length} and ${request.aim.length}`);
  const locale = card.model.options.locale;
  const names = (model.scenarios.find((s) => s.key === request.scenario)?.stages ?? []).map((st) => st.name[locale]);
  const pairs: [MaturityMarkRead, number | null][] = [...read.today.map((m, i): [MaturityMarkRead, number | null] => [m, request.today[i]]), ...read.aim.map((m, i): [MaturityMarkRead, number | null] => [m, request.aim[i]])];
  const writes = pairs
    .map(([m, stage]) => ({ m, stage, value: markValue(stage, names, m.address) }))
    .filter(({ m, stage }) => (stage === null ? m.typed !== null : m.stage !== stage));
  if (writes.length === 0) return { sheet: read.sheet, written: [] };
  // Unprotected around the write when protected (the mark cells are unlocked inputs, but a
  // protected sheet refuses API writes), then protected again as planned.
  // (Written here rather than with importRatings' ratingOps: that module imports this one.)
  const ops = new OpList();
  const plan = card.plan.sheets.find((s) => s.name === read.sheet);
  const ws = (): Excel.Worksheet => context.workbook.worksheets.getItem(read.sheet);
  const wasProtected = (state.sheets.find((s) => s.name === read.sheet)?.protected ?? false) && plan !== undefined;
  if (wasProtected) ops.push(estimate(2), () => ws().protection.unprotect(plan.protection.password ?? undefined));
  for (const w of writes) ops.push(estimate(1, [[w.value]]), () => (ws().getRange(w.m.address).values = [[w.value]]));
  if (wasProtected) protectOps(plan, ws, env.supports, () => undefined, ops);
  await runOps(syncer, ops.ops);
  return { sheet: read.sheet, written: writes.map((w) => w.m.address) };
}
