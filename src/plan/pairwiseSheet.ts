/**
 * The optional Pairwise sheet: weights of chosen sibling groups from pairwise comparisons (AHP),
 * with live formulas only (no array formulas: every cell is an ordinary formula).
 *
 * Per group, one block per rater (one block for a single rater) and, for a panel, a group block:
 *  - left: one row per pair (A, B, the judgement "A over B" as typed, how it was read) and hidden
 *    helper columns E:K (the number read, its intensity, on-scale flag, the value used, the
 *    deviation max(ε, 1/ε) with ε = aᵢⱼ·wⱼ/wᵢ, the value the weights suggest, is-the-largest flag);
 *  - right: the reciprocal matrix, the weights, λmax, CI, RI, CR, the consistent flag and the
 *    judgement to revisit; in the group block also each rater's weights, the consensus S* and the
 *    number of raters counted;
 *  - far right (hidden): the eigenvector by repeated squaring laid out in plain cells. Step k holds
 *    B_k and its transpose; B_{k+1}(i,j) = SUMPRODUCT(row i of B_k, row j of B_kᵀ)/(ΣB_k)², so each
 *    cell is one SUMPRODUCT of two same-shaped row ranges (no MMULT, no CSE). After
 *    SHEET_SQUARINGS steps the weights are the row sums over the total — the same arithmetic as
 *    principalEigen in src/core/ahp.
 * Text input "1/3" stays text (the input cells are formatted "@", so Excel does not make a date of
 * it) and is parsed by formula; decimals may use "." or "," (MID(1/2,2,1) is the locale's
 * separator for VALUE). Outputs stay blank until every pair of the block is judged on the scale.
 */
import { CR_THRESHOLD, MAX_GROUP, MIN_GROUP, parseJudgement, judgementText, RANDOM_INDEX, SAATY_TEXTS, SCALE_MAX, SHEET_SQUARINGS, SNAP_TOLERANCE } from "../core/ahp";
import { findByCode } from "../core/model/tree";
import type { IndicatorNode, IndicatorTree, Locale } from "../core/model/types";
import { absCell, absRect, cell, colLetter, formulaString, parseRect, rect } from "./a1";
import { emptySheet, protection, type PlanContext } from "./context";
import { gridBlocks, SparseCells, type GridCell } from "./grid";
import { PAIRWISE_LABELS, type PairwiseLabels } from "./pairwiseLabels";
import type { PairwiseBlockLayout, PairwiseGroupLayout, PairwiseInput, PairwiseLayout, PairwiseValue } from "./pairwiseTypes";
import type { ConditionalFormatPlan, FormatPlan, SheetPlan, ValidationPlan } from "./types";

/** Fixed columns (1-based) of every block. */
export const PAIRWISE = {
  a: 1, b: 2, input: 3, read: 4, num: 5, intensity: 6, ok: 7, value: 8, dev: 9, sugg: 10, isMax: 11,
  label: 12, weight: 13, matrix: 14, firstRow: 4,
} as const;
const P = PAIRWISE;

interface Group {
  parent: string | null;
  nodes: IndicatorNode[];
  title: string;
}

/** The sibling groups asked for; throws RangeError for an unknown parent, a leaf, or a group outside 2–10. */
function resolveGroups(tree: IndicatorTree, input: PairwiseInput, locale: Locale): Group[] {
  const L = PAIRWISE_LABELS[locale];
  const seen = new Set<string>();
  return input.groups.map((parent) => {
    const key = parent ?? "";
    if (seen.has(key)) throw new RangeError(`pairwise group ${parent === null ? "(top level)" : `"${parent}"`} is listed twice`);
    seen.add(key);
    let nodes: IndicatorNode[];
    let title: string;
    if (parent === null) {
      nodes = tree.roots;
      title = L.topLevel;
    } else {
      const found = findByCode(tree, parent);
      if (!found) throw new RangeError(`pairwise group: no indicator "${parent}"`);
      if (found.node.children.length === 0) throw new RangeError(`pairwise group: "${parent}" is a leaf and has no children to compare`);
      nodes = found.node.children;
      title = `${L.groupOf} ${parent} ${found.node.name[locale]}`;
    }
    const where = parent === null ? "the top level" : `the children of "${parent}"`;
    if (nodes.length < MIN_GROUP) throw new RangeError(`pairwise group: ${where} has ${nodes.length} member; comparing in pairs needs ${MIN_GROUP} to ${MAX_GROUP}`);
    if (nodes.length > MAX_GROUP) {
      throw new RangeError(
        `pairwise group: ${where} has ${nodes.length} members; at most ${MAX_GROUP} (Saaty's random index is tabulated up to ${MAX_GROUP}, and ${(nodes.length * (nodes.length - 1)) / 2} judgements are too many to make carefully)`,
      );
    }
    return { parent, nodes, title };
  });
}

/** Throws RangeError when the requested groups cannot be compared (see resolveGroups). */
export function checkPairwise(tree: IndicatorTree, input: PairwiseInput): void {
  resolveGroups(tree, input, "en-US");
}

/** Internals of a built rater block the group block refers to. */
interface Built {
  layout: PairwiseBlockLayout;
  /** Hidden cells: the value used per pair, the complete flag, the raw weights, the entropy of the weights. */
  values: string[];
  flag: string;
  raw: string[];
  entropy: string;
}

interface BlockCtx {
  cells: SparseCells;
  formats: FormatPlan[];
  validations: ValidationPlan[];
  conditional: ConditionalFormatPlan[];
  L: PairwiseLabels;
  hx: number;
  locale: Locale;
}

const pairsOf = (n: number): [number, number][] => {
  const out: [number, number][] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) out.push([a, b]);
  return out;
};

/** Rows a block of n criteria takes (heading and header included), group blocks two more stat rows. */
function blockHeight(n: number, group: boolean): number {
  const pairs = (n * (n - 1)) / 2;
  return 2 + Math.max(pairs, n + 1 + (group ? 8 : 6));
}

/** Value of one prefilled cell as written: text stays text, numbers stay numbers. */
function prefill(values: Map<string, PairwiseValue>, rater: string | undefined, parent: string | null, a: string, b: string): string | number | null {
  const key = (x: string, y: string): string => JSON.stringify([rater ?? null, parent, x, y]);
  const direct = values.get(key(a, b));
  if (direct) return direct.value;
  const reverse = values.get(key(b, a));
  if (!reverse) return null;
  const parsed = parseJudgement(reverse.value);
  if (!parsed.ok) throw new RangeError(`pairwise value ${b} over ${a}: ${parsed.message["en-US"]}`);
  return judgementText(1 / parsed.value);
}

/**
 * One block at row `top`. Rater blocks take input; the group block (raters given) takes the
 * geometric mean of the complete raters' values.
 */
function buildBlock(b: BlockCtx, g: Group, top: number, heading: string, kind: "rater" | "group", raters: Built[], initial: (a: string, c: string) => string | number | null, rater?: string): Built {
  const { cells, L } = b;
  const n = g.nodes.length;
  const pairs = pairsOf(n);
  const np = pairs.length;
  const first = top + 2;
  const lastPair = first + np - 1;
  const codes = g.nodes.map((nd) => nd.code);
  const names = g.nodes.map((nd) => `${nd.code} ${nd.name[b.locale]}`);
  const row = (i: number): number => first + i; // matrix row of criterion i
  const mcell = (i: number, j: number): string => cell(row(i), P.matrix + j);
  const col = (c: number): string => rect(first, c, lastPair, c);
  const absCol = (c: number): string => absRect(first, c, lastPair, c);
  const count = cell(top + 1, P.ok);
  const flag = cell(top + 1, P.value);
  const entropy = cell(top + 1, P.dev);
  const m = cell(top + 1, P.sugg);
  const done = `${flag}=1`;
  // Hidden region: raw weights, column sums, mean weights (group), then the squaring steps.
  const rawCol = b.hx;
  const colSumCol = b.hx + 1;
  const meanCol = b.hx + 2;
  const stepCol = (k: number): number => b.hx + 3 + k * 2 * n;
  const bCell = (k: number, i: number, j: number): string => cell(row(i), stepCol(k) + j);
  const tCell = (k: number): string => cell(top + 1, stepCol(k));
  const bRow = (k: number, i: number): string => rect(row(i), stepCol(k), row(i), stepCol(k) + n - 1);
  const btRow = (k: number, i: number): string => rect(row(i), stepCol(k) + n, row(i), stepCol(k) + 2 * n - 1);
  const bAll = (k: number): string => rect(row(0), stepCol(k), row(n - 1), stepCol(k) + n - 1);
  const raw = codes.map((_, i) => cell(row(i), rawCol));
  const rawAll = rect(row(0), rawCol, row(n - 1), rawCol);

  cells.set(top, P.a, heading);
  cells.set(top + 1, P.a, L.colA);
  cells.set(top + 1, P.b, L.colB);
  cells.set(top + 1, P.input, kind === "group" ? L.colGroupJudgement : L.colJudgement);
  cells.set(top + 1, P.read, L.colReadAs);
  cells.set(top + 1, P.weight, L.colWeight);
  codes.forEach((code, j) => cells.set(top + 1, P.matrix + j, code));

  const values: string[] = [];
  const pairLayout: PairwiseBlockLayout["pairs"] = [];
  pairs.forEach(([i, j], p) => {
    const r = first + p;
    const x = cell(r, P.input);
    const num = cell(r, P.num);
    const k = cell(r, P.intensity);
    const ok = cell(r, P.ok);
    const v = cell(r, P.value);
    cells.set(r, P.a, names[i]);
    cells.set(r, P.b, names[j]);
    if (kind === "rater") {
      const init = initial(codes[i], codes[j]);
      if (init !== null) cells.set(r, P.input, init);
      const slash = `FIND("/",${x})`;
      cells.f(r, P.num,
        `=IF(ISNUMBER(${x}),${x},IFERROR(IF(ISNUMBER(${slash}),VALUE(TRIM(LEFT(${x},${slash}-1)))/VALUE(TRIM(MID(${x},${slash}+1,99))),VALUE(SUBSTITUTE(SUBSTITUTE(TRIM(${x}),",","."),".",MID(1/2,2,1)))),""))`);
      cells.f(r, P.intensity, `=IF(ISNUMBER(${num}),IF(${num}>0,ROUND(IF(${num}>=1,${num},1/${num}),0),""),"")`);
      cells.f(r, P.ok, `=IF(ISNUMBER(${k}),IF(AND(${k}<=${SCALE_MAX},ABS(LN(IF(${num}>=1,${num},1/${num})/${k}))<=LN(${1 + SNAP_TOLERANCE})),1,0),0)`);
      cells.f(r, P.value, `=IF(${ok}=1,IF(${num}>=1,${k},1/${k}),1)`);
      cells.f(r, P.read, `=IF(${x}="","",IF(${ok}=1,IF(${num}>=1,${k},"1/"&${k}),${formulaString(L.notOnScale)}))`);
    } else {
      const logs = raters.map((rb) => `${rb.flag}*LN(${rb.values[p]})`).join("+");
      cells.f(r, P.input, `=IF(${count}=0,"",EXP((${logs})/${count}))`);
      cells.f(r, P.value, `=IF(${count}=0,1,${x})`);
      cells.f(r, P.read, `=IF(${count}=0,"",IF(${v}>=1,ROUND(${v},2),"1/"&ROUND(1/${v},2)))`);
    }
    cells.f(r, P.dev, `=MAX(${v}*${raw[j]}/${raw[i]},${raw[i]}/(${v}*${raw[j]}))`);
    const ri = raw[i];
    const rj = raw[j];
    cells.f(r, P.sugg, `=IF(${ri}>=${rj},MIN(${SCALE_MAX},ROUND(${ri}/${rj},0)),IF(ROUND(${rj}/${ri},0)<=1,1,"1/"&MIN(${SCALE_MAX},ROUND(${rj}/${ri},0))))`);
    cells.f(r, P.isMax, `=IF(${cell(r, P.dev)}>=MAX(${absCol(P.dev)})*(1-0.000000001),1,0)`);
    values.push(v);
    pairLayout.push({ a: codes[i], b: codes[j], row: r, input: x });
  });
  // Block state (hidden header cells).
  if (kind === "rater") {
    cells.f(top + 1, P.ok, `=SUM(${col(P.ok)})`);
    cells.f(top + 1, P.value, `=IF(${count}=${np},1,0)`);
  } else {
    cells.f(top + 1, P.ok, `=${raters.map((rb) => rb.flag).join("+")}`);
    cells.f(top + 1, P.value, `=IF(${count}>=1,1,0)`);
  }
  cells.f(top + 1, P.dev, `=-SUMPRODUCT(${rawAll},LN(${rawAll}))`);
  cells.f(top + 1, P.sugg, `=MATCH(1,${col(P.isMax)},0)`);

  // The matrix: judgements above the diagonal, reciprocals below.
  const pairIndex = new Map(pairs.map(([i, j], p) => [`${i},${j}`, p]));
  for (let i = 0; i < n; i++) {
    cells.set(row(i), P.label, names[i]);
    for (let j = 0; j < n; j++) {
      if (i === j) cells.set(row(i), P.matrix + j, 1);
      else if (i < j) cells.f(row(i), P.matrix + j, `=${values[pairIndex.get(`${i},${j}`) as number]}`);
      else cells.f(row(i), P.matrix + j, `=1/${mcell(j, i)}`);
    }
  }
  // Repeated squaring (hidden).
  for (let k = 0; k <= SHEET_SQUARINGS; k++) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const f = k === 0 ? `=${mcell(i, j)}` : `=SUMPRODUCT(${bRow(k - 1, i)},${btRow(k - 1, j)})/${tCell(k - 1)}^2`;
        cells.f(row(i), stepCol(k) + j, f);
        if (k < SHEET_SQUARINGS) cells.f(row(i), stepCol(k) + n + j, `=${bCell(k, j, i)}`);
      }
    }
    cells.f(top + 1, stepCol(k), `=SUM(${bAll(k)})`);
  }
  for (let i = 0; i < n; i++) {
    cells.f(row(i), rawCol, `=SUM(${bRow(SHEET_SQUARINGS, i)})/${tCell(SHEET_SQUARINGS)}`);
    cells.f(row(i), colSumCol, `=SUM(${btRow(0, i)})`);
    cells.f(row(i), P.weight, `=IF(${done},${raw[i]},"")`);
  }
  const colSums = rect(row(0), colSumCol, row(n - 1), colSumCol);

  // Statistics.
  const s0 = row(n - 1) + 2;
  const at = (k: number): string => cell(s0 + k, P.weight);
  const ri = RANDOM_INDEX[n - 1];
  const stats: [string, string | number][] = [
    [L.lambdaMax, `=IF(${done},SUMPRODUCT(${colSums},${rawAll}),"")`],
    [L.ci, `=IF(${done},(${at(0)}-${n})/${n - 1},"")`],
    [L.ri, ri],
    [L.cr, ri === 0 ? `=IF(${done},0,"")` : `=IF(${done},${at(1)}/${at(2)},"")`],
    [L.consistentLabel, `=IF(${done},IF(${at(3)}<=${CR_THRESHOLD},${formulaString(L.yes)},${formulaString(L.no)}),"")`],
    [
      L.revisit,
      `=IF(${done},IF(${at(3)}<=${CR_THRESHOLD},"",INDEX(${col(P.a)},${m})&${formulaString(L.revisitVs)}&INDEX(${col(P.b)},${m})&${formulaString(L.revisitJudged)}&INDEX(${col(P.read)},${m})&${formulaString(L.revisitSuggest)}&INDEX(${col(P.sugg)},${m})),"")`,
    ],
  ];
  let consensus: string | undefined;
  let ratersCounted: string | undefined;
  if (kind === "group") {
    const cCell = cell(top + 1, rawCol);
    const nn = n + SCALE_MAX - 1;
    cells.f(top + 1, rawCol, `=EXP(LN(${n})-(-(${SCALE_MAX}/${nn})*LN(${SCALE_MAX}/${nn})-${n - 1}*(1/${nn})*LN(1/${nn})))`);
    for (let i = 0; i < n; i++) {
      cells.f(row(i), meanCol, `=IF(${count}=0,1/${n},(${raters.map((rb) => `${rb.flag}*${rb.raw[i]}`).join("+")})/${count})`);
    }
    const meanAll = rect(row(0), meanCol, row(n - 1), meanCol);
    const hAlpha = `(${raters.map((rb) => `${rb.flag}*${rb.entropy}`).join("+")})/${count}`;
    stats.push(
      [L.consensus, `=IF(${count}<2,"",(EXP(-(-SUMPRODUCT(${meanAll},LN(${meanAll}))-${hAlpha}))-1/${cCell})/(1-1/${cCell}))`],
      [L.ratersCounted, `=${count}`],
    );
    consensus = at(6);
    ratersCounted = at(7);
    // Each rater's weights beside the group's.
    raters.forEach((rb, k) => {
      const c = P.matrix + n + 1 + k;
      cells.set(top + 1, c, rb.layout.rater ?? "");
      rb.layout.weights.forEach((w, i) => cells.f(row(i), c, `=${w.cell}`));
    });
    b.formats.push(
      { ranges: [rect(top + 1, P.matrix + n + 1, top + 1, P.matrix + n + raters.length)], style: "header" },
      { ranges: [rect(row(0), P.matrix + n + 1, row(n - 1), P.matrix + n + raters.length)], style: "score", numberFormat: "0.0%" },
      { ranges: [at(6)], numberFormat: "0.0%" },
      { ranges: [rect(first, P.input, lastPair, P.input)], style: "formula", numberFormat: "0.000" },
    );
  }
  stats.forEach(([label, v], k) => {
    cells.set(s0 + k, P.label, label);
    cells.set(s0 + k, P.weight, typeof v === "number" ? v : { f: v });
  });

  // Formats, validation, conditional formats.
  const right = P.matrix + n - 1;
  b.formats.push(
    { ranges: [rect(top, P.a, top, Math.max(right, P.read))], style: "groupRow1" },
    { ranges: [rect(top + 1, P.a, top + 1, P.read), rect(top + 1, P.label, top + 1, right)], style: "header" },
    { ranges: [rect(first, P.a, lastPair, P.b), rect(first, P.read, lastPair, P.read), rect(row(0), P.label, row(n - 1), P.label)], style: "label" },
    { ranges: [rect(row(0), P.matrix, row(n - 1), right)], style: "formula", numberFormat: "0.000" },
    { ranges: [rect(row(0), P.weight, row(n - 1), P.weight)], style: "total", numberFormat: "0.0%" },
    { ranges: [rect(s0, P.label, s0 + stats.length - 1, P.label)], style: "label" },
    { ranges: [at(0), at(1), at(3)], numberFormat: "0.0000" },
    { ranges: [at(2)], numberFormat: "0.00" },
  );
  if (kind === "rater") {
    const inputs = rect(first, P.input, lastPair, P.input);
    b.formats.push({ ranges: [inputs], style: "input", numberFormat: "@", locked: false });
    b.validations.push({
      range: inputs,
      rule: { kind: "list", values: [...SAATY_TEXTS] },
      allowBlank: true,
      prompt: { title: L.promptTitle, message: L.promptMessage },
      error: { title: L.errorTitle, message: L.errorMessage, style: "warning" },
    });
    b.conditional.push({
      kind: "expression",
      range: rect(first, P.read, lastPair, P.read),
      formula: `=AND(${cell(first, P.input)}<>"",${cell(first, P.ok)}=0)`,
      style: { fontColor: "#C00000", bold: true },
    });
  }
  b.conditional.push({
    kind: "expression",
    range: rect(s0 + 3, P.weight, s0 + 4, P.weight),
    formula: `=AND(ISNUMBER(${absCell(s0 + 3, P.weight)}),${absCell(s0 + 3, P.weight)}>${CR_THRESHOLD})`,
    style: { fontColor: "#C00000", fill: "#FCE4D6", bold: true },
  });

  const layout: PairwiseBlockLayout = {
    kind,
    ...(rater !== undefined ? { rater } : {}),
    top,
    pairs: pairLayout,
    weights: codes.map((code, i) => ({ code, cell: cell(row(i), P.weight) })),
    lambdaMax: at(0),
    ci: at(1),
    cr: at(3),
    consistent: at(4),
    revisit: at(5),
    ...(consensus !== undefined ? { consensus, ratersCounted } : {}),
  };
  return { layout, values, flag, raw, entropy };
}

/**
 * The Pairwise sheet for `input.groups` (see the file comment). `raters`: the panel's raters (two or
 * more: a block each and a group block per group); empty for a single rater.
 */
export function pairwiseSheet(ctx: PlanContext, input: PairwiseInput, raters: readonly string[]): { sheet: SheetPlan; layout: PairwiseLayout } {
  const L = PAIRWISE_LABELS[ctx.locale];
  const groups = resolveGroups(ctx.tree, input, ctx.locale);
  const panel = raters.length >= 2;
  const maxN = Math.max(...groups.map((g) => g.nodes.length));
  const hx = P.matrix + maxN + 1 + (panel ? raters.length : 0) + 1;
  const b: BlockCtx = { cells: new SparseCells(), formats: [], validations: [], conditional: [], L, hx, locale: ctx.locale };
  const values = new Map<string, PairwiseValue>();
  for (const v of input.values ?? []) values.set(JSON.stringify([panel ? (v.rater ?? null) : null, v.parent, v.a, v.b]), v);

  b.cells.set(1, 1, L.title);
  b.cells.set(2, 1, L.intro);
  let top = P.firstRow;
  const layoutGroups: PairwiseGroupLayout[] = groups.map((g) => {
    const n = g.nodes.length;
    const blocks: Built[] = [];
    const who = panel ? raters : [undefined];
    for (const rater of who) {
      const heading = rater === undefined ? g.title : `${g.title} — ${rater}`;
      blocks.push(buildBlock(b, g, top, heading, "rater", [], (a, c) => prefill(values, rater, g.parent, a, c), rater));
      top += blockHeight(n, false) + 1;
    }
    if (panel) {
      blocks.push(buildBlock(b, g, top, `${g.title} — ${L.panelGroup}`, "group", [...blocks], () => null));
      top += blockHeight(n, true) + 1;
    }
    return { parent: g.parent, codes: g.nodes.map((nd) => nd.code), blocks: blocks.map((x) => x.layout) };
  });

  const sheet = emptySheet("pairwise", L.sheet, "visible", protection(ctx.protect, ctx.password));
  sheet.blocks = b.cells.blocks();
  sheet.formats = [{ ranges: ["A1"], style: "title" }, { ranges: ["A2"], style: "subtitle" }, ...b.formats];
  sheet.validations = b.validations;
  sheet.conditionalFormats = b.conditional;
  const lastHidden = hx + 2 + (SHEET_SQUARINGS + 1) * 2 * maxN;
  sheet.columns = [
    { range: "A:B", width: 24 },
    { range: "C", width: 11 },
    { range: "D", width: 14 },
    { range: `${colLetter(P.num)}:${colLetter(P.isMax)}`, width: 8, hidden: true },
    { range: colLetter(P.label), width: 30 },
    { range: colLetter(P.weight), width: 12 },
    { range: `${colLetter(P.matrix)}:${colLetter(hx - 1)}`, width: 9 },
    { range: `${colLetter(hx)}:${colLetter(lastHidden)}`, width: 8, hidden: true },
  ];
  return { sheet, layout: { sheet: L.sheet, groups: layoutGroups } };
}

/** Appends the pairwise section to Method (below its last row). */
export function addPairwiseMethod(method: SheetPlan, locale: Locale): void {
  const L = PAIRWISE_LABELS[locale];
  const top = Math.max(0, ...method.blocks.map((bl) => parseRect(bl.address).r2)) + 2;
  const rows: GridCell[][] = [[L.methodHeading], ...L.methodText.map((t) => [t])];
  method.blocks.push(...gridBlocks(rows, top, 1));
  method.formats.push({ ranges: [`A${top}`], style: "header" }, { ranges: [`A${top + 1}:A${top + L.methodText.length}`], style: "wrap" });
}
