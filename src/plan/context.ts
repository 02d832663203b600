import type { MissingPolicy } from "../core/engine/types";
import type { IndicatorTree, Locale } from "../core/model/types";
import { labelsFor, type PlanLabels } from "./labels";
import { layoutTree, type TreeLayout } from "./layout";
import type { ProtectionPlan, SheetKey, SheetPlan, SheetVisibility } from "./types";

/** Fixed positions (1-based) of every sheet's parts. */
export const WEIGHTS = {
  summaryRow: 3, headerRow: 4, rootRow: 5, firstRow: 6,
  code: 1, name: 2, weight: 3, required: 4, childSum: 5, check: 6, normalised: 7, share: 8,
  groupId: 9, childGroup: 10, isNum: 11, groupCount: 12, effective: 13, groupSum: 14, warn: 15,
} as const;
export const RATINGS = { headerRow: 3, firstRow: 4, code: 1, name: 2, required: 3, firstVendor: 4 } as const;
export const CALC = { settingRow: 1, headerRow: 2, keyRow: 3, rootRow: 4, firstRow: 5, code: 1, weight: 2, firstScore: 3 } as const;
export const RESULTS = {
  codeRow: 3, headerRow: 4, firstRow: 5,
  vendor: 1, total: 2, rank: 3, completeness: 4, missing: 5, requiredUnrated: 6, flags: 7, firstNode: 8,
} as const;

/** Name of the very hidden sheet holding the model: fixed, so the add-in finds it in any locale. */
export const MODEL_SHEET_NAME = "SC_Model";

export interface PlanContext {
  tree: IndicatorTree;
  layout: TreeLayout;
  vendors: string[];
  locale: Locale;
  labels: PlanLabels;
  missing: MissingPolicy;
  createdAt: string;
  protect: boolean;
  password: string | null;
  names: { weights: string; ratings: string; results: string; charts: string; method: string; calc: string };
  /** Pre-order node index → row on Weights / Ratings; Calc row by pre-order index. */
  weightsRow: (i: number) => number;
  ratingsRow: (i: number) => number;
  calcRow: number[];
  /** Ratings sheets get a notes grid (issue #14); see StoredModel.notesGrid. */
  notes?: boolean;
}

export function makeContext(
  tree: IndicatorTree,
  vendors: string[],
  locale: Locale,
  missing: MissingPolicy,
  createdAt: string,
  protect: boolean,
  password: string | null,
): PlanContext {
  const labels = labelsFor(locale);
  const layout = layoutTree(tree);
  const calcRow = new Array<number>(layout.nodes.length);
  layout.calcOrder.forEach((nodeIndex, pos) => (calcRow[nodeIndex] = CALC.firstRow + pos));
  return {
    tree, layout, vendors, locale, labels, missing, createdAt, protect, password,
    names: {
      weights: labels.sheetWeights, ratings: labels.sheetRatings, results: labels.sheetResults,
      charts: labels.sheetCharts, method: labels.sheetMethod, calc: labels.sheetCalc,
    },
    weightsRow: (i) => WEIGHTS.firstRow + i,
    ratingsRow: (i) => RATINGS.firstRow + i,
    calcRow,
  };
}

export function protection(protect: boolean, password: string | null, allowFormat = true): ProtectionPlan {
  return { protect, password, allowFormatColumns: allowFormat, allowFormatRows: allowFormat, allowSort: false, allowAutoFilter: false };
}

export function emptySheet(key: SheetKey, name: string, visibility: SheetVisibility, prot: ProtectionPlan): SheetPlan {
  return {
    key, name, visibility, columns: [], blocks: [], formats: [], rowGroups: [], validations: [],
    conditionalFormats: [], merges: [], freeze: { rows: 0, columns: 0 }, protection: prot, charts: [],
  };
}
