import type { MissingPolicy } from "../core/engine/types";
import { leaves } from "../core/model/tree";
import type { IndicatorTree, Locale } from "../core/model/types";
import { absCell, absRect, sheetRef } from "./a1";
import { calcSheet } from "./calcSheet";
import { chartsSheet } from "./charts";
import { CALC, makeContext, RATINGS, RESULTS, WEIGHTS } from "./context";
import { methodSheet } from "./methodSheet";
import { modelSheet } from "./modelSheet";
import { ratingsSheet } from "./ratingsSheet";
import { archiveSheet } from "./reconcile";
import { resultsSheet } from "./resultsSheet";
import { STYLES } from "./styles";
import { weightsSheet } from "./weightsSheet";
import { MODEL_SCHEMA_VERSION, type NamedRangePlan, type PlanInput, type StoredModel, type WorkbookPlan } from "./types";

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

/** The model a plan stores in its very hidden sheet. */
export function storedModel(input: PlanInput): StoredModel {
  const missing: MissingPolicy = input.options?.missing ?? "exclude";
  const locale: Locale = input.options?.locale ?? "en-US";
  return {
    kind: "vendor-scorecard", schemaVersion: MODEL_SCHEMA_VERSION, tree: input.tree, vendors: [...input.vendors],
    options: { missing, locale }, createdAt: input.createdAt ?? new Date().toISOString(),
  };
}

/** The whole workbook plan: Weights, Ratings, Results, Charts, Method, (Archive), Calc, SC_Model. */
export function buildPlan(input: PlanInput): WorkbookPlan {
  checkInput(input.tree, input.vendors);
  const model = storedModel(input);
  const protect = input.protect ?? true;
  const password = input.password ?? null;
  const ctx = makeContext(input.tree, model.vendors, model.options.locale, model.options.missing, model.createdAt, protect, password);
  const weights = weightsSheet(ctx);
  const ratings = ratingsSheet(ctx, input.ratings);
  const results = resultsSheet(ctx);
  const modelPart = modelSheet(model, protect, password);
  const archived = input.archived ?? [];
  const sheets = [
    ratings.sheet, weights.sheet, results.sheet, chartsSheet(ctx), methodSheet(ctx),
    ...(archived.length > 0 ? [archiveSheet(archived, ctx.locale, model.createdAt, protect, password)] : []),
    calcSheet(ctx), modelPart.sheet,
  ];
  const V = ctx.vendors.length;
  const nodeRows = ctx.layout.nodes.length;
  const res = (c: number): string => sheetRef(ctx.names.results, absRect(RESULTS.firstRow, c, RESULTS.firstRow + V - 1, c));
  const names: NamedRangePlan[] = [
    { name: "SC_Vendors", ref: res(RESULTS.vendor) },
    { name: "SC_Totals", ref: res(RESULTS.total) },
    { name: "SC_Ranks", ref: res(RESULTS.rank) },
    { name: "SC_Ratings", ref: sheetRef(ctx.names.ratings, absRect(RATINGS.firstRow, RATINGS.firstVendor, RATINGS.firstRow + nodeRows - 1, RATINGS.firstVendor + V - 1)) },
    { name: "SC_Weights", ref: sheetRef(ctx.names.weights, absRect(WEIGHTS.firstRow, WEIGHTS.weight, WEIGHTS.firstRow + nodeRows - 1, WEIGHTS.weight)) },
    { name: "SC_MissingZero", ref: sheetRef(ctx.names.calc, absCell(CALC.settingRow, CALC.weight)), comment: "1 = a missing rating counts as 0" },
    modelPart.name,
  ];
  return {
    locale: ctx.locale,
    sheets,
    names,
    styles: STYLES,
    layout: {
      sheetNames: Object.fromEntries(sheets.map((s) => [s.key, s.name])),
      ratings: ratings.layout,
      results: results.layout,
      weights: weights.layout,
    },
    model,
  };
}
