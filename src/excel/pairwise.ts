/**
 * The Pairwise (AHP) sheet in the Excel adapter (issue #13): its judgements read back (what a
 * re-create, an import that adds vendors or applyWeights carries into the rebuilt sheet, and what
 * readPairwise analyses with src/core/ahp), and "Use these weights" — a sibling group's weights
 * written into the Weights sheet after a preview, logged in the Import log as kind "weights" and
 * undone by undoImport. Pure over grids read by readScorecard, except the three port bodies at the
 * end (each one Excel.run with a fixed number of syncs).
 */
import { analyseMatrix, analysePanel, checkGroupSize, parseJudgement, reciprocalMatrix, type AhpResult, type Judgement } from "../core/ahp";
import { findByCode } from "../core/model/tree";
import type { IndicatorNode, IndicatorTree } from "../core/model/types";
import { parseCell, parseRect, type SheetPlan } from "../plan";
import type { ImportLogEntry } from "../plan/importLog";
import type {
  AhpSummary,
  ApplyGroupWeightsResult,
  GroupWeightsPreview,
  GroupWeightsRequest,
  PairwiseGroupRead,
  PairwiseJudgementRead,
  PairwiseRaterRead,
  PairwiseReading,
  PortCallOptions,
} from "../port";
import { OpList, type Syncer } from "./batch";
import { noScorecard, ScorecardError, sheetMissing } from "./errors";
import { importIdOf } from "../plan/importLog";
import { logOps, queueLogExtent, ratingOps, write } from "./importRatings";
import { cellFormula } from "../plan/importWrite";
import { checkWeightsLayout, probeWorkbook, readScorecard, type Scorecard } from "./readBack";
import { checkPairwiseLayout, typedOf } from "./pairwiseCarry";
import { sameWeight, weightBlocks, weightCellOf } from "./weightCells";

function summaryOf(codes: string[], r: AhpResult): AhpSummary {
  const w = r.worst;
  return {
    weights: Object.fromEntries(codes.map((c, i) => [c, r.weights[i]])),
    lambdaMax: r.lambdaMax, ci: r.ci, cr: r.cr, consistent: r.consistent,
    ...(w ? { revisit: { a: codes[w.a], b: codes[w.b], judged: w.judged, suggested: w.suggested, crIfChanged: w.crIfChanged } } : {}),
  };
}

/** The sheet's judgements analysed with src/core/ahp: each rater's block, then the group (AIJ of the complete raters) and consensus. */
export function readPairwiseCard(card: Scorecard): PairwiseReading | null {
  const layout = card.plan.layout.pairwise;
  const g = card.grids.pairwise;
  if (!layout) return null;
  if (!g) throw sheetMissing(layout.sheet);
  checkPairwiseLayout(card);
  const groups: PairwiseGroupRead[] = layout.groups.map((group) => {
    const index = new Map(group.codes.map((c, i) => [c, i]));
    const raters: PairwiseRaterRead[] = [];
    const matrices: number[][][] = [];
    for (const block of group.blocks) {
      if (block.kind !== "rater") continue;
      const judgements: PairwiseJudgementRead[] = block.pairs.map((p) => {
        const { row, col } = parseCell(p.input);
        const typed = typedOf(g.grid.get(row, col));
        const parsed = typed === null ? null : parseJudgement(typed);
        return {
          a: p.a, b: p.b, address: p.input, typed,
          value: parsed?.ok ? parsed.value : null,
          ...(parsed && !parsed.ok ? { problem: parsed.message } : {}),
        };
      });
      const complete = judgements.every((j) => j.value !== null);
      let result: AhpSummary | null = null;
      if (complete) {
        const list: Judgement[] = judgements.map((j) => ({ a: index.get(j.a) as number, b: index.get(j.b) as number, value: j.value as number }));
        const matrix = reciprocalMatrix(group.codes.length, list);
        matrices.push(matrix);
        result = summaryOf(group.codes, analyseMatrix(matrix));
      }
      raters.push({ ...(block.rater !== undefined ? { rater: block.rater } : {}), judgements, complete, result });
    }
    const panel = matrices.length > 0 ? analysePanel(matrices) : null;
    return {
      parent: group.parent, codes: group.codes, raters,
      group: panel ? summaryOf(group.codes, panel.group) : null,
      consensus: panel?.consensus?.value ?? null,
      ratersCounted: matrices.length,
    };
  });
  return { sheet: g.sheet, groups };
}

/** Shares as percentages with two decimals summing to exactly 100.00 (largest remainder). */
export function percentWeights(shares: readonly number[]): number[] {
  const total = shares.reduce((s, x) => s + x, 0);
  if (!(total > 0) || shares.some((x) => !(x >= 0) || !Number.isFinite(x))) throw new RangeError("weights must be non-negative numbers with a positive total");
  const exact = shares.map((x) => (x / total) * 10000);
  const floors = exact.map(Math.floor);
  let left = 10000 - floors.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => ({ i, r: x - floors[i] })).sort((p, q) => q.r - p.r || p.i - q.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]++;
    left--;
  }
  return floors.map((x) => x / 100);
}

function membersOf(tree: IndicatorTree, parent: string | null): IndicatorNode[] {
  if (parent === null) return tree.roots;
  const found = findByCode(tree, parent);
  if (!found) throw new ScorecardError("ScorecardGroupNotFound", `The scorecard has no indicator "${parent}".`);
  return found.node.children;
}

/** Refuses a group outside 2–10 members (Saaty's random index is tabulated to 10; 45 judgements are already many). */
function checkSize(parent: string | null, n: number): void {
  try {
    checkGroupSize(n);
  } catch (e) {
    const where = parent === null ? "The dimensions" : `The children of "${parent}"`;
    throw new ScorecardError("ScorecardGroupSize", `${where}: ${(e as Error).message}.`);
  }
}

/** The preview of writing `request` over the Weights sheet `weights` (pure). */
export function groupWeightsPreview(card: Scorecard, request: GroupWeightsRequest): GroupWeightsPreview {
  const weights = card.grids.weights;
  if (!weights) throw sheetMissing(card.plan.layout.sheetNames.weights ?? "weights");
  checkWeightsLayout(weights.sheet, weights.grid, card.plan.layout.weights);
  const members = membersOf(card.model.tree, request.parent);
  checkSize(request.parent, members.length);
  const shares = members.map((m) => {
    const w = request.weights[m.code];
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) throw new ScorecardError("ScorecardGroupWeights", `No weight given for "${m.code}".`);
    return w;
  });
  const after = percentWeights(shares);
  return {
    parent: request.parent, source: request.source, sheet: weights.sheet,
    rows: members.map((m, i) => {
      const at = weightCellOf(card.plan.layout.weights, m.code);
      return { code: m.code, name: m.name, address: at.address, before: weights.grid.get(at.row, at.col), after: after[i] };
    }),
  };
}

/** The Weights sheet's plan (its protection), for ratingOps. */
function weightsPlan(card: Scorecard): SheetPlan | undefined {
  return card.plan.sheets.find((s) => s.key === "weights");
}

export interface GroupEnv {
  syncer: Syncer;
  supports(version: string): boolean;
  now: Date;
  options?: PortCallOptions;
}

/** Syncs: 2 (list sheets; read the model and the Pairwise sheet). */
export async function readPairwise(env: GroupEnv): Promise<PairwiseReading | null> {
  const { syncer, options } = env;
  options?.onProgress?.(0, "read");
  const state = await probeWorkbook(syncer.context, syncer);
  const card = await readScorecard(syncer.context, syncer, state, ["pairwise"], { panel: true, panelSheets: false });
  if (!card) throw noScorecard();
  const reading = readPairwiseCard(card);
  options?.onProgress?.(1, "check");
  return reading;
}

/** Syncs: 2 (list sheets; read the model and Weights). */
export async function previewGroupWeights(env: GroupEnv, request: GroupWeightsRequest): Promise<GroupWeightsPreview> {
  const { syncer, options } = env;
  options?.onProgress?.(0, "read");
  const state = await probeWorkbook(syncer.context, syncer);
  const card = await readScorecard(syncer.context, syncer, state, ["weights"], { panel: true, panelSheets: false });
  if (!card) throw noScorecard();
  const preview = groupWeightsPreview(card, request);
  options?.onProgress?.(1, "check");
  return preview;
}

/**
 * Syncs: 3 (list sheets; read the model, Weights with its formulas and the log's extent; write the
 * log block and the weight cells). The cells are read again, so what the log keeps as "before" is
 * what they hold now (a formula as its text), even if changed since the preview.
 */
export async function applyGroupWeights(env: GroupEnv, preview: GroupWeightsPreview): Promise<ApplyGroupWeightsResult> {
  const { syncer, options } = env;
  const context = syncer.context;
  options?.onProgress?.(0, "read");
  const state = await probeWorkbook(context, syncer);
  const extentOf = queueLogExtent(context, syncer, state);
  const card = await readScorecard(context, syncer, state, ["weights"], { panel: true, panelSheets: false, formulas: ["weights"] });
  if (!card) throw noScorecard();
  const current = groupWeightsPreview(card, { parent: preview.parent, weights: Object.fromEntries(preview.rows.map((r) => [r.code, r.after])), source: preview.source });
  const weights = card.grids.weights as NonNullable<Scorecard["grids"]["weights"]>;
  const time = env.now.toISOString();
  const extent = extentOf();
  const importId = importIdOf(time, Math.max(extent.summaryRows, 1));
  const entries: ImportLogEntry[] = [];
  for (const row of current.rows) {
    const { r1, c1 } = parseRect(row.address);
    const formula = weights.formulas ? cellFormula(row.before, weights.formulas.get(r1, c1)) : undefined;
    if (formula === undefined && sameWeight(row.before, row.after)) continue;
    const oldValue = typeof row.before === "boolean" ? String(row.before) : row.before;
    entries.push({ vendor: weights.sheet, code: row.code, oldValue, ...(formula !== undefined ? { oldFormula: formula } : {}), newValue: row.after, action: oldValue === null ? "added" : "overwritten" });
  }
  if (entries.length === 0) {
    options?.onProgress?.(1, "import");
    return { importId, changed: 0, logSheet: "" };
  }
  options?.onProgress?.(0.3, "import");
  const ops = new OpList();
  const logSheet = logOps(context.workbook, extent, { importId, kind: "weights", time, sourceFile: preview.source }, entries, card, ops);
  const changed = new Set(entries.map((e) => e.code));
  const writes = current.rows.filter((r) => changed.has(r.code)).map((r) => ({ address: r.address, value: r.after }));
  ratingOps(context.workbook, weights.sheet, weightsPlan(card), state, weightBlocks(writes), env.supports, ops);
  await write(env, ops, 0.3);
  return { importId, changed: entries.length, logSheet };
}
