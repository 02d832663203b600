import { mappingFor, orderCodes, scenarioOf } from "../core/maturity/assess";
import { allNodes } from "../core/model/tree";
import type { Locale } from "../core/model/types";
import { absCell, absRect, cell, colLetter, formulaString, parseCell, rect, sheetRef } from "./a1";
import { emptySheet, protection, RATINGS, WEIGHTS, type PlanContext } from "./context";
import { gridBlocks, type GridCell } from "./grid";
import { wrappedHeight } from "./maturitySheet";
import { REPORT_LABELS } from "./reportLabels";
import { notesFirstCol } from "./ratingsSheet";
import { SIGNATURE_COLUMNS, type ReportMaturity, type ReportReasonSource, type ReportSignatureEntry, type ReportSigner, type ReportTypedCell } from "./reportTypes";
import { NUMBER_FORMATS } from "./styles";
import type { ChartPlan, ModerationLayout, ReportIndicatorCells, ReportLayout, ResultsLayout, SheetPlan } from "./types";

/** Printed columns A–G; the helpers from column I on are hidden and outside the print area. */
const PRINTED = 7;
const POS = 9;
const KEY = 10;
const CODE = 11;
const NAME = 12;
const FIRST_VENDOR_HELPER = 13;
const MOD_CUM = (V: number): number => FIRST_VENDOR_HELPER + 3 * V;
/** Hidden helper of vendor v's reasons (notes grid), one row per leaf. */
const REASON_HELPER = (V: number, v: number): number => MOD_CUM(V) + 1 + v;
/** Moderation decisions listed on the Report (the Moderation sheet has all). */
const MOD_SLOTS = 12;
const PROFILE_CHART_ROWS = 16;
/** With reasons under the indicators the radar is a little shorter, so a profile still fits its page. */
const PROFILE_CHART_ROWS_WITH_REASONS = 14;
/** Characters of a reason shown on the Report; a longer one is cut to REASON_MAX − 1 and "…". */
export const REASON_MAX = 140;
/** Printed widths (characters) of A, B and each of C–G. */
const WIDTH = { a: 9, b: 34, c: 14 } as const;

/** The signers of a Report's signature block, in order: the raters (or one evaluator), then the chair. */
export function reportSigners(raters: string[]): ReportSigner[] {
  return [...(raters.length > 0 ? raters.map((name): ReportSigner => ({ kind: "rater", name })) : [{ kind: "evaluator" } as const]), { kind: "chair" }];
}

/** What a signer's row holds before anything is typed: the rater's name (else blank) and the role. */
export function signerDefaults(signer: ReportSigner, locale: Locale): { name: string | null; role: string | null } {
  const R = REPORT_LABELS[locale];
  if (signer.kind === "rater") return { name: signer.name, role: R.roleRater };
  if (signer.kind === "evaluator") return { name: null, role: R.roleEvaluator };
  if (signer.kind === "chair") return { name: null, role: R.roleChair };
  return { name: null, role: null };
}

/**
 * The reason the Report shows beside an indicator (issue #14), as its formulas compute it: a single
 * rater's reason; a panel's Moderation reason when a consensus was entered there, else every rater's
 * reason as "Ann: text; Bo: text" (a reason of spaces only counts as none). Cut to `max` characters
 * (the last one "…"); line breaks shown as spaces, so the printed row holds it.
 */
export function reportReason(source: ReportReasonSource, max = REASON_MAX): string {
  const given = (s: string | undefined): s is string => s !== undefined && s.replace(/ /g, "") !== "";
  const full =
    "raters" in source
      ? source.consensus
        ? source.moderation ?? ""
        : source.raters.flatMap((r) => (given(r.note) ? [`${r.name}: ${r.note}`] : [])).join("; ")
      : given(source.note) ? source.note : "";
  return (full.length > max ? `${full.slice(0, max - 1)}…` : full).replace(/[\r\n]/g, " ");
}

/** The raters (a panel: two or more, with their sheets) and the panel's Moderation sheet. */
type ReportPanel = { raters: string[]; sheets?: string[]; moderation?: ModerationLayout };

/** A reason row's height: REASON_MAX characters of Chinese (two widths each) across B:G, the widest it can get. */
const reasonHeight = (): number => wrappedHeight([{ text: "理".repeat(REASON_MAX), width: WIDTH.b + 5 * WIDTH.c }]);

/**
 * Hidden helper of the Report: the reason for leaf i (pre-order index) of vendor v, from the notes
 * grid — the ratings sheet's (one rater), or a panel's Moderation reason when a consensus was entered
 * (as Consolidated reads it), else "; Ann: text" per rater with a reason, the first "; " dropped. Each
 * reason is cut at REASON_MAX + 1 characters, enough for the Report to see it is longer and keep the
 * formula's text far below Excel's 32,767. reportReason is the same in TypeScript.
 */
function reasonFormula(ctx: PlanContext, panel: ReportPanel, i: number, vendor: string, v: number): string {
  const at = (sheet: string): string => sheetRef(sheet, absCell(ctx.ratingsRow(i), notesFirstCol(ctx.vendors.length) + v));
  const keep = `${REASON_MAX + 1}`;
  if (panel.raters.length < 2) {
    const n = at(ctx.names.ratings);
    return `=IF(LEN(TRIM(${n}))>0,LEFT(${n},${keep}),"")`;
  }
  const sheets = panel.sheets ?? [];
  if (sheets.length !== panel.raters.length) return `=""`;
  const pieces = panel.raters.map((name, k) => {
    const n = at(sheets[k]);
    // A quote in a name as CHAR(34): HyperFormula does not read "" inside a string.
    const label = `; ${name}: `.split('"').map(formulaString).join("&CHAR(34)&");
    return `IF(LEN(TRIM(${n}))>0,${label}&LEFT(${n},${keep}),"")`;
  });
  const raters = `MID(${pieces.join("&")},3,32767)`;
  const mod = panel.moderation;
  const modRow = mod?.rows.find((x) => x.vendor === vendor && x.code === ctx.layout.nodes[i].code);
  if (!mod || !modRow) return `=${raters}`;
  const c = sheetRef(mod.sheet, absCell(modRow.row, mod.columns.consensus));
  const reason = sheetRef(mod.sheet, absCell(modRow.row, mod.columns.reason));
  return `=IF(OR(ISNUMBER(${c}),${c}="N/A",${c}="NA"),LEFT(${reason}&"",${keep}),${raters})`;
}

function sameSigner(a: ReportSigner, b: ReportSigner): boolean {
  return a.kind === b.kind && a.kind !== "other" && (a.kind !== "rater" || (b.kind === "rater" && a.name === b.name));
}

const typedCell = (v: ReportTypedCell | undefined, fallback: string | null): GridCell => (v === undefined ? fallback : v);

/**
 * The Report sheet (issue #14), built to print and sign: title, the standard and method in three
 * lines, the ranking (eligibility, grade and overall when the award parts exist), the weights of
 * the dimensions and sub-dimensions, one page per vendor (dimension scores, radar, the three
 * strongest and three weakest indicators), the panel's moderation decisions with reasons, and a
 * signature block for each rater and the chair. Every figure is a formula over Results, Weights
 * and the ratings (Consolidated for a panel); orderings are tie-safe (a unique key per row, then
 * SMALL/MATCH), so tied vendors or indicators keep the scorecard's order.
 */
export function reportSheet(
  ctx: PlanContext,
  scored: PlanContext,
  results: ResultsLayout,
  panel: ReportPanel,
  parts: { signatures?: ReportSignatureEntry[]; maturity?: ReportMaturity } = {},
): { sheet: SheetPlan; layout: ReportLayout } {
  const R = REPORT_LABELS[ctx.locale];
  const { vendors, layout, tree, locale } = ctx;
  const V = vendors.length;
  const sheet = emptySheet("report", R.sheet, "visible", protection(ctx.protect, ctx.password));
  const res = (row: number, col: number): string => sheetRef(ctx.names.results, absCell(row, col));
  const colOf = (kind: ResultsLayout["columns"][number]["kind"]): number | undefined => {
    const i = results.columns.findIndex((c) => c.kind === kind);
    return i >= 0 ? i + 1 : undefined;
  };
  const resCol = (col: number): string => sheetRef(ctx.names.results, absRect(results.firstRow, col, results.firstRow + V - 1, col));
  const vendorCol = colOf("vendor") ?? 1;
  const totalCol = colOf("total") ?? 2;
  const rankCol = colOf("rank") ?? 3;
  const completenessCol = colOf("completeness");
  const eligibleCol = colOf("eligible");
  const gradeCol = colOf("grade");
  const overallCol = colOf("overall");
  const rankEligibleCol = colOf("rankEligible");
  const dims = results.columns.flatMap((c, i) => (c.kind === "node" && c.depth === 1 ? [{ code: c.code, col: i + 1 }] : []));

  const grid: { row: number; col: number; cells: GridCell[] }[] = [];
  const put = (row: number, cells: GridCell[], col = 1): void => void grid.push({ row, col, cells });
  const headerRows: string[] = [];
  const labelRows: string[] = [];
  const scoreCells: string[] = [];
  const percentCells: string[] = [];
  const breaks: number[] = [];
  /** A section title across the printed width. */
  const title = (row: number, text: GridCell): void => {
    put(row, [text]);
    headerRows.push(rect(row, 1, row, PRINTED));
    sheet.merges.push(rect(row, 1, row, PRINTED));
  };

  // Title and the three lines.
  put(1, [`${R.title} — ${tree.title[locale]}`]);
  put(2, [`${R.standard}${tree.title[locale]}${tree.source ? ` (${tree.source})` : ""}`]);
  put(3, [`${R.method}${ctx.missing === "zero" ? R.missingZero : R.missingExclude}`]);
  // Reasons (issue #14) come from the notes grid; a workbook made before it has none.
  const reasons = ctx.notes === true;
  const scope = R.scope.replace("{vendors}", String(V)).replace("{leaves}", String(layout.leafCount)).replace("{date}", ctx.createdAt.slice(0, 10));
  put(4, [reasons ? `${scope} ${R.reasonsNote.replace("{n}", String(REASON_MAX))}` : scope]);
  sheet.merges.push("A2:G2", "A3:G3", "A4:G4");

  // Ranking, best first: a unique key per vendor (rank among eligible, then the others by rank, then the unranked; ties in vendor order).
  let row = 6;
  title(row, R.ranking);
  row++;
  const extra: { label: string; col: number; kind: "eligible" | "grade" | "overall" }[] = [
    ...(eligibleCol ? [{ label: R.colEligible, col: eligibleCol, kind: "eligible" as const }] : []),
    ...(gradeCol ? [{ label: R.colGrade, col: gradeCol, kind: "grade" as const }] : []),
    ...(overallCol ? [{ label: R.colOverall, col: overallCol, kind: "overall" as const }] : []),
  ];
  put(row, [R.colRank, R.colVendor, R.colTotal, ...(completenessCol ? [R.colCompleteness] : []), ...extra.map((e) => e.label)]);
  headerRows.push(rect(row, 1, row, PRINTED));
  row++;
  const keyRange = absRect(row, KEY, row + V - 1, KEY);
  const shownRank = rankEligibleCol ?? rankCol;
  const ranking: ReportLayout["ranking"] = [];
  for (let k = 0; k < V; k++) {
    const rr = results.firstRow + k;
    const r = row + k;
    const base = rankEligibleCol
      ? `IF(ISNUMBER(${res(rr, rankEligibleCol)}),${res(rr, rankEligibleCol)},${V}+IF(ISNUMBER(${res(rr, rankCol)}),${res(rr, rankCol)},${V + 1}))`
      : `IF(ISNUMBER(${res(rr, rankCol)}),${res(rr, rankCol)},${V + 1})`;
    put(r, [{ f: `=${base}+${k + 1}/${V + 2}` }], KEY);
    put(r, [{ f: `=MATCH(SMALL(${keyRange},${k + 1}),${keyRange},0)` }], POS);
    const at = (col: number): GridCell => ({ f: `=INDEX(${resCol(col)},${colLetter(POS)}${r})&""` });
    const num = (col: number): GridCell => ({ f: `=INDEX(${resCol(col)},${colLetter(POS)}${r})` });
    const cells: GridCell[] = [num(shownRank), at(vendorCol), num(totalCol), ...(completenessCol ? [num(completenessCol)] : []), ...extra.map((e) => (e.kind === "overall" ? num(e.col) : at(e.col)))];
    put(r, cells);
    const c = (i: number): string => cell(r, i);
    ranking.push({
      rank: c(1), vendor: c(2), total: c(3),
      ...Object.fromEntries(extra.map((e, i) => [e.kind, c(4 + (completenessCol ? 1 : 0) + i)])),
    });
    labelRows.push(rect(r, 1, r, 3 + (completenessCol ? 1 : 0) + extra.length));
    scoreCells.push(cell(r, 3));
    if (completenessCol) percentCells.push(cell(r, 4));
    if (overallCol) scoreCells.push(cell(r, 4 + (completenessCol ? 1 : 0) + extra.findIndex((e) => e.kind === "overall")));
  }
  row += V + 1;

  // Weights of the dimensions and sub-dimensions, as the Weights sheet has them now.
  title(row, R.weights);
  row++;
  put(row, [R.colCode, R.colName, R.colWeight, R.colShare]);
  headerRows.push(rect(row, 1, row, PRINTED));
  row++;
  layout.nodes.forEach((nd, i) => {
    if (nd.leaf) return;
    const w = ctx.weightsRow(i);
    put(row, [nd.code, `${"  ".repeat(nd.depth - 1)}${nd.node.name[locale]}`, { f: `=${sheetRef(ctx.names.weights, absCell(w, WEIGHTS.weight))}` }, { f: `=${sheetRef(ctx.names.weights, absCell(w, WEIGHTS.share))}` }]);
    labelRows.push(rect(row, 1, row, 4));
    percentCells.push(cell(row, 4));
    row++;
  });

  // The assessed maturity (issue #16): per Maturity sheet its current and target stage and the indicators to look for, live from its result cells.
  const maturity: NonNullable<ReportLayout["maturity"]> = [];
  const heights: { rows: string; height: number }[] = [];
  const wrapRows: string[] = [];
  if (parts.maturity && parts.maturity.layouts.length > 0) {
    const { model, layouts } = parts.maturity;
    row++;
    title(row, R.maturity);
    row++;
    put(row, [R.maturityNote]);
    sheet.merges.push(rect(row, 1, row, PRINTED));
    wrapRows.push(rect(row, 1, row, PRINTED));
    heights.push({ rows: `${row}:${row}`, height: wrappedHeight([{ text: R.maturityNote, width: WIDTH.a + WIDTH.b + 5 * WIDTH.c }]) });
    row++;
    put(row, [R.colScenario, null, R.colCurrent, null, R.colTarget]);
    sheet.merges.push(rect(row, 1, row, 2), rect(row, 3, row, 4), rect(row, 5, row, PRINTED));
    headerRows.push(rect(row, 1, row, PRINTED));
    row++;
    const names = new Map(allNodes(tree).map((n) => [n.node.code, n.node.name[locale]]));
    for (const ml of layouts) {
      const scenario = scenarioOf(model, ml.scenario);
      const ref = (a1: string): string => {
        const p = parseCell(a1);
        return sheetRef(ml.sheet, absCell(p.row, p.col));
      };
      const stage = (num: string, name: string): GridCell => ({
        f: `=IF(ISNUMBER(${ref(num)}),${formulaString(R.stageBefore)}&${ref(num)}&${formulaString(R.stageBetween)}&${ref(name)},${formulaString(R.notMarked)})`,
      });
      put(row, [scenario.name[locale], null, stage(ml.current, ml.currentName), null, stage(ml.target, ml.targetName)]);
      sheet.merges.push(rect(row, 1, row, 2), rect(row, 3, row, 4), rect(row, 5, row, PRINTED));
      labelRows.push(rect(row, 1, row, PRINTED));
      put(row + 1, [R.lookFor, null, { f: `=IF(${ref(ml.indicators)}="",${formulaString(R.notMarked)},${ref(ml.indicators)})` }]);
      sheet.merges.push(rect(row + 1, 1, row + 1, 2), rect(row + 1, 3, row + 1, PRINTED));
      labelRows.push(rect(row + 1, 1, row + 1, PRINTED));
      wrapRows.push(rect(row + 1, 1, row + 1, PRINTED));
      // Tall enough for every indicator the mapping gives this scenario (the most the cell can show).
      const all = orderCodes(mappingFor(model, ml.scenario, scenario.stages.map((_, k) => k + 1)).flatMap((e) => e.codes), tree);
      const longest = all.map((c) => `${c} ${names.get(c) ?? ""}`).join("; ");
      heights.push({ rows: `${row + 1}:${row + 1}`, height: wrappedHeight([{ text: longest, width: 5 * WIDTH.c }, { text: R.lookFor, width: WIDTH.a + WIDTH.b }]) });
      maturity.push({ scenario: ml.scenario, current: cell(row, 3), target: cell(row, 5), indicators: cell(row + 1, 3) });
      row += 2;
    }
  }

  // Helpers (hidden): the leaves' codes and names, and per vendor its ratings (numbers only) with a
  // unique rank from the top and from the bottom (ties: the earlier indicator first).
  const leaves = layout.nodes.flatMap((nd, i) => (nd.leaf ? [{ nd, i }] : []));
  const H1 = 1;
  const HN = H1 + leaves.length - 1;
  leaves.forEach(({ nd, i }, j) => {
    const h = H1 + j;
    const cells: GridCell[] = [nd.code, nd.node.name[locale]];
    vendors.forEach((_, v) => {
      const m = FIRST_VENDOR_HELPER + 3 * v;
      const rating = sheetRef(scored.names.ratings, absCell(scored.ratingsRow(i), RATINGS.firstVendor + v));
      const mine = cell(h, m);
      const all = absRect(H1, m, HN, m);
      const before = j === 0 ? null : `${colLetter(m)}$${H1}:${colLetter(m)}${h - 1}`;
      const same = before ? `+COUNTIF(${before},${mine})` : "";
      cells.push(
        { f: `=IF(ISNUMBER(${rating}),${rating},"")` },
        { f: `=IF(ISNUMBER(${mine}),COUNTIF(${all},">"&${mine})${same}+1,"")` },
        { f: `=IF(ISNUMBER(${mine}),COUNTIF(${all},"<"&${mine})${same}+1,"")` },
      );
    });
    put(h, cells, CODE);
    if (reasons) put(h, vendors.map((vendor, v) => ({ f: reasonFormula(ctx, panel, i, vendor, v) })), REASON_HELPER(V, 0));
  });

  // One page per vendor.
  const profiles: ReportLayout["profiles"] = [];
  const charts: ChartPlan[] = [];
  const dimNames = dims.map((d) => layout.nodes.find((n) => n.code === d.code)?.node.name[locale] ?? d.code);
  row += 1;
  const chartRows = reasons ? PROFILE_CHART_ROWS_WITH_REASONS : PROFILE_CHART_ROWS;
  vendors.forEach((vendor, v) => {
    const rr = results.firstRow + v;
    const top = row;
    breaks.push(top);
    title(top, { f: `=${formulaString(R.profile)}&${res(rr, vendorCol)}` });
    const summary: GridCell[] = [R.colTotal, { f: `=${res(rr, totalCol)}` }, R.colRank, { f: `=${res(rr, shownRank)}&""` }];
    if (gradeCol) summary.push(R.colGrade, { f: `=${res(rr, gradeCol)}&""` });
    put(top + 1, summary);
    labelRows.push(rect(top + 1, 1, top + 1, summary.length));
    scoreCells.push(cell(top + 1, 2));
    put(top + 3, [R.colCode, R.dimension, R.score]);
    headerRows.push(rect(top + 3, 1, top + 3, 3));
    dims.forEach((d, k) => {
      put(top + 4 + k, [d.code, dimNames[k], { f: `=${res(rr, d.col)}` }]);
      labelRows.push(rect(top + 4 + k, 1, top + 4 + k, 3));
      scoreCells.push(cell(top + 4 + k, 3));
    });
    if (dims.length > 0) {
      charts.push({
        key: `report-${v + 1}`, kind: "radar", title: vendor,
        anchor: { from: { col: 3, row: top + 2 }, to: { col: PRINTED, row: top + 2 + chartRows } },
        categories: sheetRef(ctx.names.results, absRect(results.headerRow, dims[0].col, results.headerRow, dims[dims.length - 1].col)),
        categoryLabels: dimNames,
        series: [{ name: vendor, nameRef: res(rr, vendorCol), values: sheetRef(ctx.names.results, absRect(rr, dims[0].col, rr, dims[dims.length - 1].col)) }],
        axis: { min: 0, max: 100 }, legend: false,
      });
    }
    let r = top + Math.max(4 + dims.length, 3 + chartRows) + 1;
    const m = FIRST_VENDOR_HELPER + 3 * v;
    const list = (heading: string, rankCol: number): ReportIndicatorCells[] => {
      title(r, heading);
      put(r + 1, [R.colCode, R.indicator, R.score]);
      headerRows.push(rect(r + 1, 1, r + 1, 3));
      const out: ReportIndicatorCells[] = [];
      // With reasons each indicator takes two rows: its code, name and score, then its reason across B:G.
      const step = reasons ? 2 : 1;
      for (let k = 1; k <= 3; k++) {
        const at = r + 2 + (k - 1) * step;
        const match = `MATCH(${k},${absRect(H1, rankCol, HN, rankCol)},0)`;
        put(at, [
          { f: `=IFERROR(INDEX(${absRect(H1, CODE, HN, CODE)},${match}),"")` },
          { f: `=IFERROR(INDEX(${absRect(H1, NAME, HN, NAME)},${match}),"")` },
          { f: `=IFERROR(INDEX(${absRect(H1, m, HN, m)},${match}),"")` },
        ]);
        labelRows.push(rect(at, 1, at, 3));
        scoreCells.push(cell(at, 3));
        if (!reasons) {
          out.push({ code: cell(at, 1), score: cell(at, 3) });
          continue;
        }
        const x = `INDEX(${absRect(H1, REASON_HELPER(V, v), HN, REASON_HELPER(V, v))},${match})`;
        const cut = `IF(LEN(${x})>${REASON_MAX},LEFT(${x},${REASON_MAX - 1})&"…",${x})`;
        // The label only where the slot holds an indicator (a vendor rated on fewer than three leaves leaves one empty).
        put(at + 1, [{ f: `=IF(${cell(at, 1)}="","","${R.reason.replace(/"/g, '""')}")` }, { f: `=IFERROR(SUBSTITUTE(SUBSTITUTE(${cut},CHAR(13)," "),CHAR(10)," "),"")` }]);
        sheet.merges.push(rect(at + 1, 2, at + 1, PRINTED));
        labelRows.push(rect(at + 1, 1, at + 1, PRINTED));
        wrapRows.push(rect(at + 1, 1, at + 1, PRINTED));
        heights.push({ rows: `${at + 1}:${at + 1}`, height: reasonHeight() });
        out.push({ code: cell(at, 1), score: cell(at, 3), reason: cell(at + 1, 2) });
      }
      r += 3 + 3 * step;
      return out;
    };
    const strongest = list(R.strongest, m + 1);
    const weakest = list(R.weakest, m + 2);
    profiles.push({ vendor, firstRow: top, strongest, weakest });
    row = r;
  });

  // The panel's moderation decisions (consensus scores with reasons), then the signatures.
  breaks.push(row);
  const mod = panel.moderation;
  if (mod && mod.rows.length > 0) {
    title(row, R.moderation);
    row++;
    const cum = MOD_CUM(V);
    const modRef = (col: number): string => sheetRef(mod.sheet, absRect(mod.firstRow, col, mod.firstRow + mod.rows.length - 1, col));
    mod.rows.forEach((mr, i) => {
      const consensus = sheetRef(mod.sheet, absCell(mr.row, mod.columns.consensus));
      put(H1 + i, [{ f: i === 0 ? `=--(LEN(${consensus})>0)` : `=${cell(H1 + i - 1, cum)}+(LEN(${consensus})>0)` }], cum);
    });
    const cumRange = absRect(H1, cum, H1 + mod.rows.length - 1, cum);
    put(row, [{ f: `=${formulaString(R.moderationNone)}&MAX(${cumRange})` }]);
    row++;
    put(row, [R.colVendor, R.colCode, R.colConsensus, R.colReason]);
    headerRows.push(rect(row, 1, row, PRINTED));
    row++;
    const slots = Math.min(MOD_SLOTS, mod.rows.length);
    for (let k = 1; k <= slots; k++) {
      const match = `MATCH(${k},${cumRange},0)`;
      const pick = (col: number): GridCell => ({ f: `=IFERROR(INDEX(${modRef(col)},${match})&"","")` });
      put(row, [pick(mod.columns.vendor), pick(mod.columns.code), { f: `=IFERROR(INDEX(${modRef(mod.columns.consensus)},${match}),"")` }, pick(mod.columns.reason)]);
      sheet.merges.push(rect(row, 4, row, PRINTED));
      labelRows.push(rect(row, 1, row, PRINTED));
      row++;
    }
    if (mod.rows.length > MOD_SLOTS) {
      put(row, [{ f: `=IF(MAX(${cumRange})>${MOD_SLOTS},${formulaString(R.moderationMore.replace("{n}", String(MOD_SLOTS)))},"")` }]);
      row++;
    }
    row++;
  }
  const titleRow = row;
  title(row, R.signatures);
  row++;
  put(row, [R.signName, null, R.signRole, R.signSignature, null, null, R.signDate]);
  sheet.merges.push(rect(row, 1, row, 2), rect(row, 4, row, 6));
  headerRows.push(rect(row, 1, row, PRINTED));
  row++;
  // Entries carried from the Report as it was (issue #14: nothing typed is lost): each to its signer's row, the rest kept below a note.
  const slots = reportSigners(panel.raters).map((signer) => ({ signer, entry: undefined as ReportSignatureEntry | undefined }));
  const kept: ReportSignatureEntry[] = [];
  for (const e of parts.signatures ?? []) {
    const slot = slots.find((x) => x.entry === undefined && sameSigner(x.signer, e.signer));
    if (slot) slot.entry = e;
    else kept.push(e);
  }
  const signatures: string[] = [];
  const signRows: number[] = [];
  const signRow = (signer: ReportSigner, entry: ReportSignatureEntry | undefined): number => {
    const d = signerDefaults(signer, locale);
    const C = SIGNATURE_COLUMNS;
    const cells: GridCell[] = [null, null, null, null, null, null, null];
    cells[C.name - 1] = typedCell(entry?.name, d.name);
    cells[C.role - 1] = typedCell(entry?.role, d.role);
    cells[C.signature - 1] = typedCell(entry?.signature, null);
    cells[C.date - 1] = typedCell(entry?.date, null);
    put(row, cells);
    sheet.merges.push(rect(row, 1, row, 2), rect(row, 4, row, 6));
    labelRows.push(rect(row, 1, row, PRINTED));
    signRows.push(row);
    return row++;
  };
  const signerRows = slots.map(({ signer, entry }) => {
    signatures.push(cell(row, 1));
    return { signer, row: signRow(signer, entry) };
  });
  const keptRows: { signer: ReportSigner; row: number }[] = [];
  if (kept.length > 0) {
    put(row, [R.signKept]);
    sheet.merges.push(rect(row, 1, row, PRINTED));
    wrapRows.push(rect(row, 1, row, PRINTED));
    row++;
    for (const e of kept) keptRows.push({ signer: e.signer, row: signRow(e.signer, e) });
  }
  const last = row - 1;

  for (const g of grid) sheet.blocks.push(...gridBlocks([g.cells], g.row, g.col));
  sheet.charts = charts;
  sheet.formats.push(
    { ranges: ["A1"], style: "title" },
    { ranges: ["A2:A4"], style: "wrap" },
    { ranges: labelRows, style: "label" },
    { ranges: headerRows, style: "header" },
    ...(scoreCells.length > 0 ? [{ ranges: scoreCells, numberFormat: NUMBER_FORMATS.score }] : []),
    ...(percentCells.length > 0 ? [{ ranges: percentCells, numberFormat: NUMBER_FORMATS.percent }] : []),
    ...(wrapRows.length > 0 ? [{ ranges: wrapRows, style: "wrap" as const }] : []),
    { ranges: signRows.map((r) => rect(r, 1, r, PRINTED)), locked: false },
    // A date typed in Excel is a serial number: shown as a date when carried into a rebuilt sheet.
    { ranges: signRows.map((r) => cell(r, SIGNATURE_COLUMNS.date)), numberFormat: "yyyy-mm-dd" },
  );
  sheet.rowHeights = [...heights, ...signRows.map((r) => ({ rows: `${r}:${r}`, height: 32 }))];
  sheet.columns = [
    { range: "A", width: WIDTH.a }, { range: "B", width: WIDTH.b }, { range: "C:G", width: WIDTH.c },
    { range: `${colLetter(POS)}:${colLetter(reasons && V > 0 ? REASON_HELPER(V, V - 1) : MOD_CUM(V))}`, width: 10, hidden: true },
  ];
  sheet.print = { orientation: "portrait", fitToWidth: true, area: `A1:${colLetter(PRINTED)}${last}`, rowBreaks: breaks };
  return { sheet, layout: {
      sheet: R.sheet, ranking, profiles, signatures,
      signatureBlock: { titleRow, signers: signerRows, kept: keptRows },
      ...(maturity.length > 0 ? { maturity } : {}),
    },
  };
}
