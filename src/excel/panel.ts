/**
 * Panel (multi-rater) workbooks in the Excel adapter: what a re-create carries over per rater,
 * the Moderation inputs kept across a re-create, and the snapshot of a panel workbook. Pure over
 * the grids read by readScorecard(…, { panel: true }); no Excel calls here.
 */
import { scoreCube, toScoreResult, type Aggregation, type Rating } from "../core/engine";
import {
  cell,
  reconcile,
  type ArchivedRating,
  type CellValue,
  type NotesGrid,
  type RatingsGrid,
  type StoredModel,
  type WorkbookPlan,
} from "../plan";
import type { WorkbookProblem, WorkbookSnapshot } from "../port";
import { Grid, text } from "./address";
import { ScorecardError, sheetMissing } from "./errors";
import { CubeFill } from "./ratingCube";
import { notesSnapshot, spreadThresholdOf } from "./notesSnapshot";
import { checkRatingsLayout, checkWeightsLayout, classify, noteCells, notesGrid, ratingCells, ratingsGrid, readArchive, readWeights, type PanelGrids, type Scorecard } from "./readBack";

/** A consensus score and its reason as typed on Moderation, by vendor and leaf code. */
export interface ModerationInput {
  vendor: string;
  code: string;
  consensus: CellValue;
  reason: CellValue;
}

export interface PanelCarry {
  /** Single-rater target: the ratings kept. */
  ratings: RatingsGrid;
  /** Panel target: the ratings kept per rater. */
  raterRatings: Record<string, RatingsGrid>;
  /** The reasons (notes grid) kept, as the ratings: single-rater target, and per rater. */
  notes: NotesGrid;
  raterNotes: Record<string, NotesGrid>;
  archived: ArchivedRating[];
  moderation: ModerationInput[];
  /** Raters of the old workbook with ratings that the new one has no sheet for (their ratings are not carried). */
  droppedRaters: string[];
}

const keyOf = (vendor: string, code: string): string => `${vendor}\u0001${code}`;

/** A re-create would drop raters who have ratings: refused, since their sheets would be deleted. */
export function ratersRemoved(raters: string[]): ScorecardError {
  return new ScorecardError(
    "ScorecardRatersRemoved",
    `Rater(s) ${raters.map((r) => `"${r}"`).join(", ")} have ratings in this workbook but are not in the new rater list. Keep them in the list, or clear their ratings first.`,
  );
}

/** Every rater's reasons (notes grid) as they stand, keyed as ratingsByRater. */
export function notesByRater(card: Scorecard): Map<string, NotesGrid> {
  const layout = card.plan.layout.ratings;
  const out = new Map<string, NotesGrid>();
  if (card.panel) {
    for (const r of card.panel.raters) if (r.grid) out.set(r.rater, notesGrid(noteCells(r.grid, layout)));
    return out;
  }
  const single = card.grids.ratings;
  if (single) out.set(card.model.raters?.[0] ?? "", notesGrid(noteCells(single.grid, layout)));
  return out;
}

/** Every rater's ratings as they stand (single-rater workbook: one entry keyed by its rater or ""). */
export function ratingsByRater(card: Scorecard): Map<string, RatingsGrid> {
  const layout = card.plan.layout.ratings;
  const out = new Map<string, RatingsGrid>();
  if (card.panel) {
    for (const r of card.panel.raters) {
      if (!r.grid) continue;
      checkRatingsLayout(r.sheet, r.grid, layout);
      out.set(r.rater, ratingsGrid(ratingCells(r.grid, layout, card.model.tree)));
    }
    return out;
  }
  const single = card.grids.ratings;
  if (single) {
    checkRatingsLayout(single.sheet, single.grid, layout);
    out.set(card.model.raters?.[0] ?? "", ratingsGrid(ratingCells(single.grid, layout, card.model.tree)));
  }
  return out;
}

const hasRatings = (g: RatingsGrid | NotesGrid | undefined): boolean => g !== undefined && Object.values(g).some((byCode) => Object.keys(byCode).length > 0);

/**
 * What a re-create keeps: every rater's ratings reconciled into the new model (by rater name;
 * a single-rater workbook's ratings go to its named rater, else to the first rater of the new
 * panel; a panel re-created for one rater keeps that rater's ratings, else the first rater's),
 * the Archive, and the Moderation consensus/reason cells of vendor × leaf pairs that remain.
 */
export function panelCarryOver(old: Scorecard, next: StoredModel): PanelCarry {
  const byRater = ratingsByRater(old);
  const notesOf = notesByRater(old);
  const earlier = old.grids.archive ? readArchive(old.grids.archive.grid) : [];
  const archived: ArchivedRating[] = [...earlier];
  const nextRaters = next.raters ?? [];
  const used = new Set<string>();
  const keep = (source: string | undefined): { kept: RatingsGrid; notes: NotesGrid } => {
    if (source === undefined) return { kept: {}, notes: {} };
    used.add(source);
    const r = reconcile(old.model, byRater.get(source) ?? {}, next, old.panel ? source : undefined, notesOf.get(source) ?? {});
    archived.push(...r.archived);
    return r;
  };
  const oldSingle = old.panel ? undefined : [...byRater.keys()][0];
  const result: PanelCarry = { ratings: {}, raterRatings: {}, notes: {}, raterNotes: {}, archived, moderation: [], droppedRaters: [] };
  if (nextRaters.length >= 2) {
    nextRaters.forEach((rater, i) => {
      const own = byRater.has(rater) ? rater : undefined;
      const fromSingle = own === undefined && oldSingle !== undefined && !nextRaters.includes(oldSingle) && i === 0 ? oldSingle : undefined;
      const k = keep(own ?? fromSingle);
      result.raterRatings[rater] = k.kept;
      result.raterNotes[rater] = k.notes;
    });
  } else {
    const wanted = nextRaters[0];
    const source = wanted !== undefined && byRater.has(wanted) ? wanted : (oldSingle ?? old.panel?.raters[0]?.rater);
    const k = keep(source);
    result.ratings = k.kept;
    result.notes = k.notes;
  }
  result.droppedRaters = [...byRater.keys()].filter((r) => !used.has(r) && (hasRatings(byRater.get(r)) || hasRatings(notesOf.get(r))));
  result.moderation = moderationInputs(old);
  return result;
}

/** Consensus and reason cells typed on Moderation (either non-blank). */
export function moderationInputs(card: Scorecard): ModerationInput[] {
  const M = card.plan.layout.panel?.moderation;
  const grid = card.panel?.moderation?.grid;
  if (!M || !grid) return [];
  const out: ModerationInput[] = [];
  for (const r of M.rows) {
    const consensus = grid.get(r.row, M.columns.consensus);
    const reason = grid.get(r.row, M.columns.reason);
    if (consensus !== null || reason !== null) out.push({ vendor: r.vendor, code: r.code, consensus, reason });
  }
  return out;
}

/**
 * The plan with kept Moderation inputs pre-filled: one values block per column (consensus,
 * reason) over the Moderation rows. The plan itself has no input for them; the blocks touch
 * only those two input columns, which no other block of the sheet covers.
 */
export function withModerationInputs(plan: WorkbookPlan, inputs: ModerationInput[]): WorkbookPlan {
  const M = plan.layout.panel?.moderation;
  if (!M || inputs.length === 0 || M.rows.length === 0) return plan;
  const byKey = new Map(inputs.map((i) => [keyOf(i.vendor, i.code), i]));
  const rows = M.rows.map((r) => byKey.get(keyOf(r.vendor, r.code)));
  if (rows.every((r) => r === undefined)) return plan;
  const first = M.rows[0].row;
  const last = M.rows[M.rows.length - 1].row;
  const column = (col: number, pick: (i: ModerationInput) => CellValue) => ({
    address: `${cell(first, col)}:${cell(last, col)}`,
    kind: "values" as const,
    cells: rows.map((i) => [i === undefined ? null : pick(i)]),
  });
  const sheets = plan.sheets.map((s) =>
    s.key === "moderation" && s.name === M.sheet
      ? { ...s, blocks: [...s.blocks, column(M.columns.consensus, (i) => i.consensus), column(M.columns.reason, (i) => i.reason)] }
      : s,
  );
  return { ...plan, sheets };
}

/** True when the plan's formulas take the consensus cell as given (a number, or N/A / NA in any case). */
function consensusGiven(v: CellValue): boolean {
  if (typeof v === "number") return true;
  return typeof v === "string" && /^n\/?a$/i.test(v.trim());
}

interface RaterScan {
  ratings: Rating[];
  problems: WorkbookProblem[];
  /** Vendor × leaf pairs some rater rated. */
  answered: Set<string>;
  /** Blank required cells by vendor × leaf, pending whether another rater or a consensus answered them. */
  requiredBlank: Map<string, WorkbookProblem[]>;
  /** When scoring: the cube the ratings also go to, in rater slot `slot`. */
  cube?: { fill: CubeFill; slot: number };
}

/** One rater sheet's ratings and cell problems (its layout checked first), added to `scan`. */
function raterProblems(card: Scorecard, r: PanelGrids["raters"][number], scan: RaterScan): void {
  const { model, plan } = card;
  if (!r.grid) throw sheetMissing(r.sheet);
  checkRatingsLayout(r.sheet, r.grid, plan.layout.ratings);
  ratingCells(r.grid, plan.layout.ratings, model.tree).forEach((c, i) => {
    const at = { sheet: r.sheet, address: c.address, vendor: c.vendor, rater: r.rater, code: c.code };
    const k = classify(c.value);
    if (k.kind === "rating") {
      scan.ratings.push({ vendor: c.vendor, code: c.code, rater: r.rater, value: k.value });
      scan.answered.add(keyOf(c.vendor, c.code));
      scan.cube?.fill.set(i, scan.cube.slot, k.value);
    } else if (k.kind === "missing") {
      if (c.required) {
        const list = scan.requiredBlank.get(keyOf(c.vendor, c.code)) ?? [];
        list.push({ kind: "required-unrated", ...at });
        scan.requiredBlank.set(keyOf(c.vendor, c.code), list);
      } else scan.problems.push({ kind: "missing-rating", ...at });
    } else if (k.kind === "out-of-range") scan.problems.push({ kind: "out-of-range", value: String(k.value), ...at });
    else scan.problems.push({ kind: "not-a-number", value: k.text, ...at });
  });
}

/**
 * What a merge preview needs of a panel workbook, from the copy's rater's sheet alone (a card
 * read with `panelSheets: false` and that sheet filled in by readRaterSheet): that rater's
 * ratings and the problems of their cells (text, out-of-range numbers, blanks), after the same
 * checks panelSnapshot makes first — Weights present with its layout, every rater sheet present
 * (`sheetExists`, from the probe), the rater's sheet in its layout. A rater the panel does not
 * have yields nothing (the preview warns about it).
 */
export function raterSnapshot(card: Scorecard, rater: string, sheetExists: (name: string) => boolean): Pick<WorkbookSnapshot, "ratings" | "problems"> {
  const { plan } = card;
  const panel = card.panel;
  if (!panel || !plan.layout.panel) throw new Error("not a panel scorecard");
  const weights = card.grids.weights;
  if (!weights) throw sheetMissing(plan.layout.sheetNames.weights ?? "weights");
  checkWeightsLayout(weights.sheet, weights.grid, plan.layout.weights);
  const scan: RaterScan = { ratings: [], problems: [], answered: new Set(), requiredBlank: new Map() };
  for (const r of panel.raters) {
    if (r.rater === rater) raterProblems(card, r, scan);
    else if (!sheetExists(r.sheet)) throw sheetMissing(r.sheet);
  }
  for (const list of scan.requiredBlank.values()) scan.problems.push(...list);
  return { ratings: scan.ratings, problems: scan.problems };
}

/**
 * The snapshot of a panel workbook: every rater's ratings (rater set) with problems per rater
 * sheet cell, the consensus overrides and "consensus without reason" problems from Moderation,
 * and scores with the model's aggregation, a consensus replacing the raters' ratings of its
 * vendor × leaf as the workbook's formulas do.
 */
export function panelSnapshot(card: Scorecard): WorkbookSnapshot {
  const { model, plan } = card;
  const panel = card.panel;
  const P = plan.layout.panel;
  if (!panel || !P) throw new Error("not a panel scorecard");
  const weights = card.grids.weights;
  if (!weights) throw sheetMissing(plan.layout.sheetNames.weights ?? "weights");
  checkWeightsLayout(weights.sheet, weights.grid, plan.layout.weights);

  const ratings: Rating[] = [];
  const problems: WorkbookProblem[] = [];
  const answered = new Set<string>();
  const requiredBlank = new Map<string, WorkbookProblem[]>();
  // Scored from a cube filled in the same scan: a slot per rater, then one for the consensus.
  const R = panel.raters.length;
  const fill = new CubeFill(plan.layout.ratings, [...panel.raters.map((r) => r.rater), ""]);
  panel.raters.forEach((r, slot) => raterProblems(card, r, { ratings, problems, answered, requiredBlank, cube: { fill, slot } }));

  const consensus: NonNullable<WorkbookSnapshot["consensus"]> = [];
  const overridden = new Set<string>();
  const mod = panel.moderation;
  if (mod) {
    const M = P.moderation;
    M.rows.forEach((row, i) => {
      const v = mod.grid.get(row.row, M.columns.consensus);
      const reason = text(mod.grid.get(row.row, M.columns.reason));
      const at = { sheet: mod.sheet, vendor: row.vendor, code: row.code };
      if (v === null) return;
      if (consensusGiven(v)) {
        const k = classify(v);
        if (k.kind === "rating") {
          consensus.push({ vendor: row.vendor, code: row.code, value: k.value, reason });
          overridden.add(keyOf(row.vendor, row.code));
          // Moderation rows are the rating cells in ratingCells' order (vendor-major, leaves in pre-order).
          if (!fill.is(i, row.vendor, row.code)) throw new Error(`Moderation row ${row.row} is not rating cell ${i} of the layout`);
          fill.clear(i, R);
          fill.set(i, R, k.value);
        } else if (k.kind === "out-of-range") problems.push({ kind: "out-of-range", value: String(k.value), address: cell(row.row, M.columns.consensus), ...at });
        if (reason === "") problems.push({ kind: "consensus-without-reason", address: cell(row.row, M.columns.reason), ...at });
      } else problems.push({ kind: "not-a-number", value: text(v), address: cell(row.row, M.columns.consensus), ...at });
    });
  }
  // A required leaf counts as unrated only when no rater rated it and no consensus replaces it.
  for (const [k, list] of requiredBlank) {
    if (answered.has(k) || overridden.has(k)) problems.push(...list.map((p) => ({ ...p, kind: "missing-rating" as const })));
    else problems.push(...list);
  }

  const { tree, problems: weightProblems } = readWeights(model.tree, weights, plan.layout.weights);
  problems.push(...weightProblems);
  const aggregate: Aggregation = model.options.aggregate ?? "mean";
  const scores = toScoreResult(scoreCube(tree, fill.cube(), { missing: model.options.missing, vendors: model.vendors, aggregate }));
  return { tree, vendors: [...model.vendors], raters: [...(model.raters ?? [])], missing: model.options.missing, aggregate, ratings, consensus, problems, scores, ...notesSnapshot(card), ...spreadThresholdOf(card) };
}

/**
 * The current rating cells of one rater's sheet by vendor and code, and the sheet; each with the
 * formula it holds when the sheet was read with its formulas (readRaterSheet(…, true)).
 */
export function raterCells(card: Scorecard, rater: string): { sheet: string; grid: Grid; cells: Map<string, { address: string; value: CellValue; formula?: string }> } | null {
  const entry = card.panel?.raters.find((r) => r.rater === rater);
  if (!entry) return null;
  if (!entry.grid) throw sheetMissing(entry.sheet);
  checkRatingsLayout(entry.sheet, entry.grid, card.plan.layout.ratings);
  const cells = new Map<string, { address: string; value: CellValue; formula?: string }>();
  for (const c of ratingCells(entry.grid, card.plan.layout.ratings, card.model.tree, entry.formulas)) {
    cells.set(keyOf(c.vendor, c.code), c.formula !== undefined ? { address: c.address, value: c.value, formula: c.formula } : { address: c.address, value: c.value });
  }
  return { sheet: entry.sheet, grid: entry.grid, cells };
}

export { keyOf as cellKeyOf };
