import type { MissingPolicy } from "../core/engine/types";
import { leaves } from "../core/model/tree";
import type { IndicatorTree, Locale } from "../core/model/types";
import { absCell, absRect, parseCell, sheetRef } from "./a1";
import { calcSheet } from "./calcSheet";
import { chartsSheet } from "./charts";
import { CALC, makeContext, RATINGS, RESULTS, WEIGHTS, type PlanContext } from "./context";
import { methodSheet } from "./methodSheet";
import { modelSheet } from "./modelSheet";
import { addPairwiseMethod, checkPairwise, pairwiseSheet } from "./pairwiseSheet";
import { addMaturityMethod, checkMaturity, maturitySheet } from "./maturitySheet";
import { addSensitivityMethod, sensitivitySheet } from "./sensitivitySheet";
import { defaultMaturityModel } from "../core/maturity/default";
import { addPanelCalc } from "./panelCalc";
import { addPanelMethod } from "./panelMethod";
import { panelContext, panelSheets, withRatingsSheet } from "./panelPlan";
import { addPanelResults } from "./panelResults";
import { checkRaters } from "./raterNames";
import { addPrintSettings, planFont } from "./print";
import { ratingsSheet } from "./ratingsSheet";
import { reportSheet } from "./reportSheet";
import { archiveSheet } from "./reconcile";
import { awardParts } from "./awardSheet";
import { resultsSheet } from "./resultsSheet";
import { STYLES } from "./styles";
import { weightsSheet } from "./weightsSheet";
import { MODEL_SCHEMA_VERSION, type NamedRangePlan, type PlanInput, type PlanLayout, type ResultsLayout, type SheetPlan, type StoredModel, type WorkbookPlan } from "./types";

/** Checks the inputs a workbook cannot represent; throws RangeError with a plain message. */
function checkInput(tree: IndicatorTree, vendors: string[]): void {
  if (vendors.length === 0) throw new RangeError("at least one vendor is needed");
  const seen = new Set<string>();
  for (const v of vendors) {
    if (v.trim() === "") throw new RangeError("a vendor name is empty");
    if (seen.has(v)) throw new RangeError(`vendor "${v}" is listed twice`);
    seen.add(v);
  }
  if (leaves(tree).length === 0) throw new RangeError("the indicator tree has no leaves to rate");
}

/** Throws RangeError for vendors, raters or a tree a workbook cannot represent. */
export function checkPlanInput(input: PlanInput): void {
  checkInput(input.tree, input.vendors);
  checkRaters(input.raters ?? []);
  if (input.pairwise) checkPairwise(input.tree, input.pairwise);
  if (input.maturity && input.maturity.scenarios.length > 0) checkMaturity(input.maturity.model ?? defaultMaturityModel(), input.maturity.scenarios);
}

/** The model a plan stores in its very hidden sheet. */
export function storedModel(input: PlanInput): StoredModel {
  const missing: MissingPolicy = input.options?.missing ?? "exclude";
  const locale: Locale = input.options?.locale ?? "en-US";
  const raters = input.raters ?? [];
  const aggregate = input.options?.aggregate ?? (raters.length >= 2 ? "mean" : undefined);
  return {
    kind: "vendor-scorecard", schemaVersion: MODEL_SCHEMA_VERSION, tree: input.tree, vendors: [...input.vendors],
    options: { missing, locale, ...(aggregate !== undefined ? { aggregate } : {}) },
    ...(raters.length > 0 ? { raters: [...raters] } : {}),
    ...(input.pairwise && input.pairwise.groups.length > 0 ? { pairwise: { groups: [...input.pairwise.groups] } } : {}),
    ...(input.maturity && input.maturity.scenarios.length > 0 ? { maturity: { scenarios: [...input.maturity.scenarios], ...(input.maturity.model ? { model: input.maturity.model } : {}) } } : {}),
    ...(input.award?.settings && (input.award.settings.price || input.award.settings.bands) ? { award: input.award.settings } : {}),
    ...(input.report ? { report: true } : {}),
    ...(input.sensitivity ? { sensitivity: true } : {}),
    ...(input.notesGrid !== false ? { notesGrid: true } : {}),
    createdAt: input.createdAt ?? new Date().toISOString(),
  };
}

/** Names every plan has; SC_Ratings is the block the scores read (Consolidated for a panel). */
function commonNames(ctx: PlanContext, model: NamedRangePlan): NamedRangePlan[] {
  const V = ctx.vendors.length;
  const nodeRows = ctx.layout.nodes.length;
  const res = (c: number): string => sheetRef(ctx.names.results, absRect(RESULTS.firstRow, c, RESULTS.firstRow + V - 1, c));
  return [
    { name: "SC_Vendors", ref: res(RESULTS.vendor) },
    { name: "SC_Totals", ref: res(RESULTS.total) },
    { name: "SC_Ranks", ref: res(RESULTS.rank) },
    { name: "SC_Ratings", ref: sheetRef(ctx.names.ratings, absRect(RATINGS.firstRow, RATINGS.firstVendor, RATINGS.firstRow + nodeRows - 1, RATINGS.firstVendor + V - 1)) },
    { name: "SC_Weights", ref: sheetRef(ctx.names.weights, absRect(WEIGHTS.firstRow, WEIGHTS.weight, WEIGHTS.firstRow + nodeRows - 1, WEIGHTS.weight)) },
    { name: "SC_MissingZero", ref: sheetRef(ctx.names.calc, absCell(CALC.settingRow, CALC.weight)), comment: "1 = a missing rating counts as 0" },
    model,
  ];
}

/** The Archive sheet, only when something was archived. */
function archiveIfAny(input: PlanInput, ctx: PlanContext): SheetPlan[] {
  const archived = input.archived ?? [];
  return archived.length > 0 ? [archiveSheet(archived, ctx.locale, ctx.createdAt, ctx.protect, ctx.password)] : [];
}

/** The optional Pairwise sheet (and its Method section), only when the input asks for it. */
function pairwiseIfAsked(input: PlanInput, ctx: PlanContext, raters: string[], method: SheetPlan): { sheets: SheetPlan[]; layout: Pick<PlanLayout, "pairwise"> } {
  if (!input.pairwise || input.pairwise.groups.length === 0) return { sheets: [], layout: {} };
  const built = pairwiseSheet(ctx, input.pairwise, raters);
  addPairwiseMethod(method, ctx.locale);
  return { sheets: [built.sheet], layout: { pairwise: built.layout } };
}

/** The optional Report sheet (issue #14), only when the input asks for it. */
function reportIfAsked(input: PlanInput, ctx: PlanContext, scored: PlanContext, results: ResultsLayout, panel: Parameters<typeof reportSheet>[3], maturity: Pick<PlanLayout, "maturity">): { sheets: SheetPlan[]; layout: Pick<PlanLayout, "report"> } {
  if (!input.report) return { sheets: [], layout: {} };
  // The typed signature-block entries a rebuild carries; the Maturity sheets' assessed stages (issue #16).
  const signatures = typeof input.report === "object" ? input.report.signatures : undefined;
  const layouts = maturity.maturity ?? [];
  const built = reportSheet(ctx, scored, results, panel, {
    ...(signatures ? { signatures } : {}),
    ...(layouts.length > 0 ? { maturity: { model: input.maturity?.model ?? defaultMaturityModel(), layouts } } : {}),
  });
  return { sheets: [built.sheet], layout: { report: built.layout } };
}

/** The optional Maturity sheets (and their Method section), only when the input asks for them. */
function maturityIfAsked(input: PlanInput, ctx: PlanContext, method: SheetPlan): { sheets: SheetPlan[]; layout: Pick<PlanLayout, "maturity"> } {
  if (!input.maturity || input.maturity.scenarios.length === 0) return { sheets: [], layout: {} };
  const model = input.maturity.model ?? defaultMaturityModel();
  const built = input.maturity.scenarios.map((key) => maturitySheet(ctx, model, key, input.maturity?.marks?.[key]));
  addMaturityMethod(method, ctx.locale, model);
  return { sheets: built.map((b) => b.sheet), layout: { maturity: built.map((b) => b.layout) } };
}

/**
 * The whole workbook plan: Ratings, Weights, Results, Charts, Method, (Archive), Calc, SC_Model.
 * With two or more raters: one Ratings sheet per rater, then Consolidated and Moderation, and
 * Calc and Results read Consolidated (see panelPlan.ts). One rater stays the single-rater plan.
 */
export function buildPlan(input: PlanInput): WorkbookPlan {
  checkPlanInput(input);
  const model = storedModel(input);
  const protect = input.protect ?? true;
  const password = input.password ?? null;
  const ctx = makeContext(input.tree, model.vendors, model.options.locale, model.options.missing, model.createdAt, protect, password);
  ctx.notes = model.notesGrid === true;
  if ((model.raters ?? []).length >= 2) return buildPanelPlan(input, model, ctx);
  const single = model.raters?.[0];
  const weights = weightsSheet(ctx);
  const ratings = ratingsSheet(ctx, input.ratings ?? (single !== undefined ? input.raterRatings?.[single] : undefined), single, input.notes ?? (single !== undefined ? input.raterNotes?.[single] : undefined));
  const results = resultsSheet(ctx);
  const modelPart = modelSheet(model, protect, password);
  const method = methodSheet(ctx);
  const pairwise = pairwiseIfAsked(input, ctx, [], method);
  const maturity = maturityIfAsked(input, ctx, method);
  const award = awardParts(ctx, ctx, input.award, weights, results, method);
  const report = reportIfAsked(input, ctx, ctx, award.results, { raters: single !== undefined ? [single] : [] }, maturity.layout);
  const sensitivity = sensitivityIfAsked(input, ctx, method);
  const sheets = [
    ratings.sheet, weights.sheet, ...award.price, ...pairwise.sheets, results.sheet, chartsSheet(ctx), ...report.sheets, ...sensitivity.sheets, ...maturity.sheets, method,
    ...archiveIfAny(input, ctx),
    calcSheet(ctx), award.calc, modelPart.sheet,
  ];
  return assemble(ctx, sheets, commonNames(ctx, modelPart.name), model, { ratings: ratings.layout, results: award.results, weights: weights.layout, ...pairwise.layout, ...maturity.layout, award: award.layout, ...report.layout, ...sensitivity.layout });
}

/** The optional Sensitivity sheet (issue #12) and its Method section, only when the input asks for it. */
function sensitivityIfAsked(input: PlanInput, ctx: PlanContext, method: SheetPlan): { sheets: SheetPlan[]; layout: Pick<PlanLayout, "sensitivity"> } {
  if (!input.sensitivity) return { sheets: [], layout: {} };
  const withPrice = input.award?.settings?.price !== undefined;
  const built = sensitivitySheet(ctx, withPrice);
  addSensitivityMethod(method, ctx.locale, withPrice);
  return { sheets: [built.sheet], layout: { sensitivity: built.layout } };
}

/** The plan of these sheets; the layout's sheet names are the sheets' own, then any in `layout`. */
function assemble(ctx: PlanContext, sheets: SheetPlan[], names: NamedRangePlan[], model: StoredModel, layout: Omit<PlanLayout, "sheetNames"> & { sheetNames?: PlanLayout["sheetNames"] }): WorkbookPlan {
  const { sheetNames, ...rest } = layout;
  addPrintSettings(sheets, STYLES, ctx.locale, ctx.tree.title[ctx.locale]);
  return {
    locale: ctx.locale,
    font: planFont(ctx.locale),
    sheets,
    names,
    styles: STYLES,
    layout: { sheetNames: { ...Object.fromEntries(sheets.map((s) => [s.key, s.name])), ...sheetNames }, ...rest },
    model,
  };
}

/** The panel plan: raters' sheets, Consolidated, Moderation, then the single-rater sheets reading Consolidated. */
function buildPanelPlan(input: PlanInput, model: StoredModel, ctx: PlanContext): WorkbookPlan {
  const p = panelContext(ctx, model.raters ?? [], model.options.aggregate ?? "mean");
  const panel = panelSheets(ctx, p, input.raterRatings, input.raterNotes);
  const scored = withRatingsSheet(ctx, p.consolidated);
  const weights = weightsSheet(ctx);
  const results = resultsSheet(scored);
  const resultsLayout = addPanelResults(scored, p, results);
  const calc = calcSheet(scored);
  const agreement = addPanelCalc(scored, p, calc);
  const method = methodSheet(ctx);
  addPanelMethod(ctx, p, method, agreement);
  const pairwise = pairwiseIfAsked(input, ctx, p.raters, method);
  const maturity = maturityIfAsked(input, ctx, method);
  const award = awardParts(ctx, scored, input.award, weights, { sheet: results.sheet, layout: resultsLayout }, method);
  const modelPart = modelSheet(model, ctx.protect, ctx.password);
  const report = reportIfAsked(input, ctx, scored, award.results, { raters: p.raters, sheets: p.sheets, moderation: panel.moderation.layout }, maturity.layout);
  const sensitivity = sensitivityIfAsked(input, scored, method);
  const sheets = [
    ...panel.raters.map((r) => r.sheet), panel.consolidated.sheet, panel.moderation.sheet,
    weights.sheet, ...award.price, ...pairwise.sheets, results.sheet, chartsSheet(ctx), ...report.sheets, ...sensitivity.sheets, ...maturity.sheets, method,
    ...archiveIfAny(input, ctx),
    calc, award.calc, modelPart.sheet,
  ];
  const threshold = parseCell(panel.consolidated.layout.threshold);
  const names: NamedRangePlan[] = [
    ...commonNames(scored, modelPart.name),
    { name: "SC_SpreadThreshold", ref: sheetRef(p.consolidated, absCell(threshold.row, threshold.col)), comment: "raters' spread (max − min) above which a cell needs moderation" },
    { name: "SC_KendallW", ref: agreement.w, comment: "Kendall's W: the panel's agreement on the vendor ranking" },
  ];
  return assemble(ctx, sheets, names, model, {
    sheetNames: { ratings: p.sheets[0] },
    ratings: panel.raters[0].layout,
    results: award.results,
    weights: weights.layout,
    panel: {
      raters: p.raters.map((name, k) => ({ name, sheet: p.sheets[k] })),
      aggregate: p.aggregate,
      consolidated: panel.consolidated.layout,
      moderation: panel.moderation.layout,
      agreement,
    },
    ...pairwise.layout,
    ...maturity.layout,
    award: award.layout,
    ...report.layout,
    ...sensitivity.layout,
  });
}
