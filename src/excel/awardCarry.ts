/**
 * The award inputs as they stand in the workbook (issue #11), read from the grids readScorecard
 * loads for the "weights" and "price" roles: the minimums typed in the Weights Minimum column (the
 * root row is the total's), the grade bands of the Weights table, the Price sheet's weight, method,
 * low-bid threshold and bids. Re-create, applyWeights and an import that adds vendors carry them
 * into the rebuilt workbook (nothing typed there is lost); readWorkbook decides the award from them.
 * Pure over the grids: no Excel calls here.
 */
import { DEFAULT_BANDS, bandProblems, parseBid, type AwardSettings, type GradeBand, type PriceMethod, type PriceSettings } from "../core/award";
import { cloneTree, walk } from "../core/model/tree";
import type { IndicatorTree, LocalizedText } from "../core/model/types";
import { parseCell, parseRect, type CellValue, type WeightsLayout } from "../plan";
import type { AwardLayout, AwardPlanInput } from "../plan/awardTypes";
import { AWARD_LABELS } from "../plan/awardLabels";
import { text, type Grid } from "./address";
import type { Scorecard } from "./readBack";

/** A number as typed (a number cell, or text that reads as one); null otherwise. */
function numberOf(v: CellValue): number | null {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v.trim()) : NaN;
  return Number.isFinite(n) ? n : null;
}

/**
 * The typed minimums by node code ("" = the total): a number, or null for a blank or text cell.
 * Empty when the layout has no Minimum column (a plan without award parts).
 */
export function readMinimums(grid: Grid, weights: WeightsLayout, award: AwardLayout | undefined): Map<string, number | null> {
  const out = new Map<string, number | null>();
  if (!award) return out;
  const col = parseCell(`${award.minimumColumn}1`).col;
  for (const r of weights.rows) out.set(r.code, numberOf(grid.get(r.row, col)));
  return out;
}

/** The tree with the minimums as they stand in the Weights sheet (blank or text → null). */
export function treeWithMinimums(tree: IndicatorTree, grid: Grid, weights: WeightsLayout, award: AwardLayout | undefined): IndicatorTree {
  const mins = readMinimums(grid, weights, award);
  if (mins.size === 0) return tree;
  const out = cloneTree(tree);
  walk(out, ({ node }) => {
    if (mins.has(node.code)) node.minimum = mins.get(node.code) ?? null;
  });
  if (mins.has("")) out.minimum = mins.get("") ?? null;
  return out;
}

/**
 * `tree` with each minimum it leaves unsaid (undefined: not null, which clears one) taken from the
 * workbook's Weights sheet, so a tree edited without minimums keeps those typed in the sheet.
 */
export function withSheetMinimums(tree: IndicatorTree, card: Scorecard | null): IndicatorTree {
  const w = card?.grids.weights;
  if (!card || !w) return tree;
  const mins = readMinimums(w.grid, card.plan.layout.weights, card.plan.layout.award);
  if (mins.size === 0) return tree;
  const out = cloneTree(tree);
  walk(out, ({ node }) => {
    if (node.minimum === undefined && mins.has(node.code)) node.minimum = mins.get(node.code) ?? null;
  });
  if (out.minimum === undefined && mins.has("")) out.minimum = mins.get("") ?? null;
  return out;
}

const sameLabel = (a: LocalizedText, b: LocalizedText): boolean => a["zh-CN"] === b["zh-CN"] && a["en-US"] === b["en-US"];
const sameBands = (a: readonly GradeBand[], b: readonly GradeBand[]): boolean => a.length === b.length && a.every((x, i) => x.min === b[i].min && sameLabel(x.label, b[i].label));

/**
 * The grade bands of the Weights table as typed, highest first as written. A label left as the
 * workbook wrote it keeps the stored band's other language; a label typed anew names the band in
 * both languages. Rows with neither a bound nor a label are skipped.
 */
export function readBands(card: Scorecard): { bands: GradeBand[]; address: string } | undefined {
  const award = card.plan.layout.award;
  const w = card.grids.weights;
  if (!award || !w) return undefined;
  const r = parseRect(award.bands);
  const locale = card.model.options.locale;
  const stored = card.model.award?.bands ?? DEFAULT_BANDS;
  const bands: GradeBand[] = [];
  for (let row = r.r1; row <= r.r2; row++) {
    const minCell = w.grid.get(row, r.c1);
    const name = text(w.grid.get(row, r.c2)).trim();
    if (text(minCell).trim() === "" && name === "") continue;
    const min = numberOf(minCell);
    const old = stored[row - r.r1];
    const label = old && old.label[locale] === name ? old.label : { "zh-CN": name, "en-US": name };
    bands.push({ min: min ?? NaN, label });
  }
  return { bands, address: award.bands };
}

/** A method as the drop-down shows it, in any language; undefined for anything else. */
function methodOf(v: CellValue, layout: NonNullable<AwardLayout["price"]>): PriceMethod | undefined {
  const t = text(v).trim();
  if (t === "") return undefined;
  for (const m of ["lowest", "linear"] as const) {
    if (layout.methods[m] === t) return m;
    if (Object.values(AWARD_LABELS).some((l) => (m === "lowest" ? l.methodLowest : l.methodLinear) === t)) return m;
  }
  if (t === "lowest" || t === "linear") return t;
  return undefined;
}

const percent = (n: number | null): n is number => n !== null && n >= 0 && n <= 100;

/** What the Price sheet holds: its settings (the stored ones where a cell does not read) and each vendor's bid cell as typed. */
export interface PriceRead {
  settings: PriceSettings;
  /** By vendor (the model's order): the bid cell as typed (text stays text), null when blank. */
  typed: Record<string, number | string | null>;
  /** By vendor: the bid as a number (parseBid: "¥1,234,567.00", full-width digits…), null when blank or not a number. */
  bids: Record<string, number | null>;
  /** By vendor: the bid cell's address on the Price sheet. */
  addresses: Record<string, string>;
  sheet: string;
}

export function readPrice(card: Scorecard): PriceRead | undefined {
  const layout = card.plan.layout.award?.price;
  const stored = card.model.award?.price;
  const g = card.grids.price;
  if (!layout || !stored || !g) return undefined;
  const at = (a: string): CellValue => {
    const { row, col } = parseCell(a);
    return g.grid.get(row, col);
  };
  const weight = numberOf(at(layout.weight));
  const threshold = numberOf(at(layout.threshold));
  const settings: PriceSettings = {
    weight: percent(weight) ? weight : stored.weight,
    method: methodOf(at(layout.method), layout) ?? stored.method,
    lowBidThreshold: percent(threshold) ? threshold : stored.lowBidThreshold,
  };
  const typed: PriceRead["typed"] = {};
  const bids: PriceRead["bids"] = {};
  const addresses: PriceRead["addresses"] = {};
  const col = parseCell(`${layout.bidColumn}1`).col;
  card.model.vendors.forEach((vendor, v) => {
    const row = layout.firstRow + v;
    const raw = g.grid.get(row, col);
    const value = raw === null || typeof raw === "boolean" ? (raw === null ? null : String(raw)) : typeof raw === "string" && raw.trim() === "" ? null : raw;
    typed[vendor] = value;
    const p = parseBid(value);
    bids[vendor] = p.kind === "ok" ? p.value : null;
    addresses[vendor] = `${layout.bidColumn}${row}`;
  });
  return { settings, typed, bids, addresses, sheet: g.sheet };
}

/** The award settings as the workbook holds them: the Price sheet's (when it has one), the typed bands when they are valid and not the defaults. */
export function sheetAwardSettings(card: Scorecard): AwardSettings | undefined {
  const price = readPrice(card)?.settings ?? card.model.award?.price;
  const read = readBands(card);
  const bands = read && bandProblems(read.bands).length === 0 ? read.bands : card.model.award?.bands;
  const keepBands = bands && !sameBands(bands, DEFAULT_BANDS) ? bands : undefined;
  if (!price && !keepBands) return undefined;
  return { ...(price ? { price } : {}), ...(keepBands ? { bands: keepBands } : {}) };
}

/**
 * The award input of a rebuilt workbook: the settings asked for (`requested`; absent: the old
 * workbook's as they stand in its sheets), with the typed bands where none are asked for, and the
 * old Price sheet's bids by vendor name (text as typed), so nothing typed there is lost.
 */
export function awardCarry(old: Scorecard | null, requested?: AwardSettings): AwardPlanInput | undefined {
  const fromSheets = old ? sheetAwardSettings(old) : undefined;
  const base = requested ?? fromSheets;
  const bands = requested?.bands ?? fromSheets?.bands;
  const settings: AwardSettings = { ...(base?.price ? { price: base.price } : {}), ...(bands ? { bands } : {}) };
  if (!settings.price && !settings.bands) return undefined;
  const typed = old ? readPrice(old)?.typed : undefined;
  const bids: NonNullable<AwardPlanInput["bids"]> = {};
  for (const [vendor, value] of Object.entries(typed ?? {})) if (value !== null) bids[vendor] = value;
  return { settings, ...(Object.keys(bids).length > 0 ? { bids } : {}) };
}
