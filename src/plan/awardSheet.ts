/**
 * The award decision in the workbook (issue #11), as live formulas:
 *  - Weights gains a Minimum column (P; the root row is the total's minimum) and a grade-band table
 *    (R:S, highest first);
 *  - an optional Price sheet: price weight, method (a drop-down), low-bid threshold, one bid per vendor;
 *  - a hidden "Award calc" sheet: per node and vendor the gate status (0 pass, 1 below, 2 unrated)
 *    and a running text of the reasons; per vendor the counts, eligibility, price score, overall,
 *    rank key, rank among eligible vendors, low-bid flag, grade and status text;
 *  - Results gains Eligible, Reasons, Grade, (Bid, Price score, Overall, Abnormally low bid) and
 *    Rank (eligible) after its other columns; Method states the rules as live formulas over the input
 *    cells (minimums, price settings, bands), so it never contradicts what the workbook computes.
 * The formulas restate src/core/award (evaluateAward) cell by cell; test/plan/award.test.ts checks
 * them with HyperFormula and test/xlsx/award.libreoffice.test.ts with LibreOffice.
 */
import { DEFAULT_BANDS, checkBands, gatesOf, type AwardSettings, type GradeBand, type PriceSettings } from "../core/award";
import { absCell, absRect, cell, colLetter, formulaString, rect, sheetRef } from "./a1";
import { awardLabelsFor, type AwardLabels } from "./awardLabels";
import { linesFor } from "./print";
import { calcCols, ratingsLeafSource, type LeafSource } from "./calcSheet";
import { CALC, emptySheet, protection, RESULTS as X, WEIGHTS, type PlanContext } from "./context";
import { block, gridBlocks, type GridCell } from "./grid";
import { NUMBER_FORMATS } from "./styles";
import type { AwardLayout, AwardPlanInput } from "./awardTypes";
import type { CellValue, ResultsColumn, ResultsLayout, SheetPlan, WeightsLayout } from "./types";

export type { AwardLayout, AwardPlanInput } from "./awardTypes";

/** Columns on Weights: the minimum (beside the hidden helpers I:O, so it shows right after "share"), the bands. */
export const AWARD_W = { minimum: 16, bandsFrom: 18, bandsGrade: 19, bandsHeaderRow: 4, bandsFirstRow: 5 } as const;
/** Price sheet cells. */
export const PRICE = { weightRow: 4, methodRow: 5, thresholdRow: 6, guidanceRow: 7, lowestRow: 8, highestRow: 9, headerRow: 11, firstRow: 12, vendor: 1, bid: 2, score: 3, lowBid: 4, value: 2 } as const;
/** Award calc rows (per vendor column 2 + v; reasons of gate rows at 2 + V + v). */
export const AWARD = {
  headerRow: 1, failed: 2, unrated: 3, bidOk: 4, eligible: 5, pool: 6, priceScore: 7, overall: 8, key: 9, rank: 10, lowBid: 11,
  reasons: 12, grade: 13, status: 14, firstGate: 16, firstVendor: 2,
} as const;


const q = formulaString;

/**
 * Award calc's running list of the minimums set (one short formula per node, no TEXTJOIN): column
 * firstVendor + 2V beside the reasons, the total's term in the total's gate row, node k's running text
 * (the total's term first) in gate row k; `end` is the whole list, "; "-separated with a leading "; ".
 */
export function minimumsChain(ctx: PlanContext): { col: number; end: { row: number; col: number } } {
  const n = ctx.layout.nodes.length;
  const col = AWARD.firstVendor + 2 * ctx.vendors.length;
  return { col, end: { row: AWARD.firstGate + (n > 0 ? n - 1 : n), col } };
}

/** A minimum (or band start) as text, as the engine shows it (String(Number(x.toFixed(6))) = ROUND(x,6)&""). */
const figF = (ref: string): string => `ROUND(${ref},6)`;

/** Adds the Minimum column and the grade-band table to Weights. */
export function addMinimums(ctx: PlanContext, weights: { sheet: SheetPlan; layout: WeightsLayout }, bands: GradeBand[]): void {
  const A = awardLabelsFor(ctx.locale);
  const { sheet } = weights;
  const last = WEIGHTS.firstRow + ctx.layout.nodes.length - 1;
  const mins: CellValue[][] = [[ctx.tree.minimum ?? null], ...ctx.layout.nodes.map((nd) => [nd.node.minimum ?? null])];
  sheet.blocks.push(
    ...block(WEIGHTS.headerRow, AWARD_W.minimum, "values", [[A.colMinimum]]),
    ...block(WEIGHTS.rootRow, AWARD_W.minimum, "values", mins),
    ...block(AWARD_W.bandsHeaderRow - 1, AWARD_W.bandsFrom, "values", [[A.bandsNote]]),
    ...block(AWARD_W.bandsHeaderRow, AWARD_W.bandsFrom, "values", [[A.bandsFrom, A.bandsGrade], ...bands.map((b) => [b.min, b.label[ctx.locale]])]),
  );
  const minRange = rect(WEIGHTS.rootRow, AWARD_W.minimum, last, AWARD_W.minimum);
  const bandLast = AWARD_W.bandsFirstRow + bands.length - 1;
  sheet.formats.push(
    { ranges: [cell(WEIGHTS.headerRow, AWARD_W.minimum), rect(AWARD_W.bandsHeaderRow, AWARD_W.bandsFrom, AWARD_W.bandsHeaderRow, AWARD_W.bandsGrade)], style: "header" },
    { ranges: [minRange], style: "inputWeight", numberFormat: NUMBER_FORMATS.weight, locked: false },
    { ranges: [cell(AWARD_W.bandsHeaderRow - 1, AWARD_W.bandsFrom)], style: "muted" },
    { ranges: [rect(AWARD_W.bandsFirstRow, AWARD_W.bandsFrom, bandLast, AWARD_W.bandsGrade)], style: "input", locked: false },
  );
  sheet.columns.push({ range: colLetter(AWARD_W.minimum), width: 11 }, { range: colLetter(AWARD_W.bandsFrom), width: 14 }, { range: colLetter(AWARD_W.bandsGrade), width: 16 });
  sheet.validations.push({
    range: minRange,
    rule: { kind: "decimal", min: 0, max: 100 },
    allowBlank: true,
    prompt: { title: A.minimumPromptTitle, message: A.minimumPromptMessage },
    error: { title: A.minimumErrorTitle, message: A.minimumErrorMessage, style: "stop" },
  });
}

/** The optional Price sheet. */
export function priceSheet(ctx: PlanContext, price: PriceSettings, bids: NonNullable<AwardPlanInput["bids"]>, awardSheetName: string): SheetPlan {
  const A = awardLabelsFor(ctx.locale);
  const V = ctx.vendors.length;
  const sheet = emptySheet("price", A.sheetPrice, "visible", protection(ctx.protect, ctx.password));
  const P = PRICE;
  const w = cell(P.weightRow, P.value);
  const pool = sheetRef(awardSheetName, absRect(AWARD.pool, AWARD.firstVendor, AWARD.pool, AWARD.firstVendor + Math.max(V, 1) - 1));
  const methodLabel = price.method === "linear" ? A.methodLinear : A.methodLowest;
  const rows: GridCell[][] = [
    [A.priceTitle, null],
    [A.priceIntro, null],
    [null, null],
    [A.priceWeight, price.weight],
    [A.priceMethod, methodLabel],
    [A.lowBidThreshold, price.lowBidThreshold],
    [{ f: `=IF(AND(ISNUMBER(${w}),${w}<10),${q(A.guidanceServices)},IF(AND(ISNUMBER(${w}),${w}<30),${q(A.guidanceGoods)},""))` }, null],
    [A.lowestBid, { f: `=IF(COUNT(${pool})>0,MIN(${pool}),"")` }],
    [A.highestBid, { f: `=IF(COUNT(${pool})>0,MAX(${pool}),"")` }],
  ];
  sheet.blocks.push(...gridBlocks(rows, 1, 1));
  // Names from Results (the first rater's sheet is not named "Ratings" on a panel).
  const vendorRows: CellValue[][] = ctx.vendors.map((_, v) => [`=${sheetRef(ctx.names.results, absCell(X.firstRow + v, X.vendor))}`]);
  const bidRows: CellValue[][] = ctx.vendors.map((vendor) => [bids[vendor] ?? null]);
  const calcRows: CellValue[][] = ctx.vendors.map((_, v) => {
    const c = AWARD.firstVendor + v;
    return [`=${sheetRef(awardSheetName, cell(AWARD.priceScore, c))}`, `=IF(${sheetRef(awardSheetName, cell(AWARD.lowBid, c))}=1,${q(A.lowBidFlag)},"")`];
  });
  sheet.blocks.push(
    ...block(P.headerRow, 1, "values", [[ctx.labels.colVendor, A.colBid, A.colPriceScore, A.colLowBid]]),
    ...block(P.firstRow, P.vendor, "formulas", vendorRows),
    ...block(P.firstRow, P.bid, "values", bidRows),
    ...block(P.firstRow, P.score, "formulas", calcRows),
  );
  const last = P.firstRow + V - 1;
  sheet.formats.push(
    { ranges: ["A1"], style: "title" },
    { ranges: ["A2"], style: "subtitle" },
    { ranges: [rect(P.weightRow, 1, P.highestRow, 1)], style: "label" },
    { ranges: [cell(P.weightRow, P.value), cell(P.thresholdRow, P.value)], style: "inputWeight", numberFormat: NUMBER_FORMATS.weight, locked: false },
    { ranges: [cell(P.methodRow, P.value)], style: "input", locked: false },
    { ranges: [cell(P.guidanceRow, 1)], style: "warning" },
    { ranges: [rect(P.lowestRow, P.value, P.highestRow, P.value)], style: "score", numberFormat: "#,##0.00" },
    { ranges: [rect(P.headerRow, 1, P.headerRow, P.lowBid)], style: "header" },
  );
  if (V > 0) {
    sheet.formats.push(
      { ranges: [rect(P.firstRow, 1, last, 1), rect(P.firstRow, P.lowBid, last, P.lowBid)], style: "label" },
      { ranges: [rect(P.firstRow, P.bid, last, P.bid)], style: "inputWeight", numberFormat: "#,##0.00", locked: false },
      { ranges: [rect(P.firstRow, P.score, last, P.score)], style: "score", numberFormat: NUMBER_FORMATS.score },
    );
    sheet.validations.push({
      range: rect(P.firstRow, P.bid, last, P.bid),
      rule: { kind: "decimal", min: 0 },
      allowBlank: true,
      prompt: { title: A.bidPromptTitle, message: A.bidPromptMessage },
      error: { title: A.bidErrorTitle, message: A.bidErrorMessage, style: "stop" },
    });
    sheet.conditionalFormats.push({ kind: "expression", range: rect(P.firstRow, P.lowBid, last, P.lowBid), formula: `=${cell(P.firstRow, P.lowBid)}<>""`, style: { fontColor: "#C00000", fill: "#FCE4D6", bold: true } });
  }
  for (const row of [P.weightRow, P.thresholdRow]) {
    sheet.validations.push({
      range: cell(row, P.value), rule: { kind: "decimal", min: 0, max: 100 }, allowBlank: false,
      prompt: { title: A.priceTitle, message: `${row === P.weightRow ? A.priceWeight : A.lowBidThreshold}: ${A.percentErrorMessage}` },
      error: { title: A.priceTitle, message: A.percentErrorMessage, style: "stop" },
    });
  }
  sheet.validations.push({
    range: cell(P.methodRow, P.value), rule: { kind: "list", values: [A.methodLowest, A.methodLinear] }, allowBlank: false,
    prompt: { title: A.priceMethod, message: `${A.methodLowest} / ${A.methodLinear}` },
    error: { title: A.priceMethod, message: A.methodErrorMessage, style: "stop" },
  });
  sheet.columns = [{ range: "A", width: 46 }, { range: "B", width: 30 }, { range: "C", width: 12 }, { range: "D", width: 22 }];
  sheet.freeze = { rows: P.headerRow, columns: 0 };
  sheet.print = { orientation: "portrait", fitToWidth: true };
  return sheet;
}

/** The hidden Award calc sheet (see the file comment); `leafSource` is Ratings, or Consolidated for a panel. */
export function awardCalcSheet(ctx: PlanContext, leafSource: LeafSource, price: PriceSettings | undefined, bands: GradeBand[]): SheetPlan {
  const A = awardLabelsFor(ctx.locale);
  const V = ctx.vendors.length;
  const n = ctx.layout.nodes.length;
  const name = A.sheetAward;
  const sheet = emptySheet("award", name, "hidden", protection(ctx.protect, ctx.password));
  const calc = (ref: string): string => sheetRef(ctx.names.calc, ref);
  const wts = (ref: string): string => sheetRef(ctx.names.weights, ref);
  const pr = (ref: string): string => sheetRef(A.sheetPrice, ref);
  const lastGate = AWARD.firstGate + n;
  const vc = (v: number): number => AWARD.firstVendor + v;
  const rc = (v: number): number => AWARD.firstVendor + V + v;
  const row = (r: number): string => absRect(r, AWARD.firstVendor, r, AWARD.firstVendor + Math.max(V, 1) - 1);
  const bandFrom = wts(absRect(AWARD_W.bandsFirstRow, AWARD_W.bandsFrom, AWARD_W.bandsFirstRow + bands.length - 1, AWARD_W.bandsFrom));
  const bandLabel = wts(absRect(AWARD_W.bandsFirstRow, AWARD_W.bandsGrade, AWARD_W.bandsFirstRow + bands.length - 1, AWARD_W.bandsGrade));
  const [pw, pm, pt] = [pr(absCell(PRICE.weightRow, PRICE.value)), pr(absCell(PRICE.methodRow, PRICE.value)), pr(absCell(PRICE.thresholdRow, PRICE.value))];

  // Gate rows: node i at firstGate + i (pre-order, as Weights), the total last.
  const status: CellValue[][] = [];
  const reasons: CellValue[][] = [];
  const minimums: CellValue[][] = [];
  const gateRow = (k: number): number => AWARD.firstGate + k;
  for (let k = 0; k <= n; k++) {
    const r = gateRow(k);
    const isTotal = k === n;
    const nd = isTotal ? null : ctx.layout.nodes[k];
    const wRow = isTotal ? WEIGHTS.rootRow : ctx.weightsRow(k);
    const m = wts(absCell(wRow, AWARD_W.minimum));
    // The label as text (a code such as "1.3.1" typed into a cell may be read as a date).
    const label = q(isTotal ? A.total : `${nd?.code} ${nd?.node.name[ctx.locale]}`);
    const sRow: CellValue[] = [];
    const tRow: CellValue[] = [];
    for (let v = 0; v < V; v++) {
      let value: string;
      if (nd && nd.leaf) {
        const src = leafSource(v, k);
        value = src;
        sRow.push(`=IF(ISNUMBER(${m}),IF(ISNUMBER(${src}),IF(ROUND(${src},9)<${m},1,0),2),0)`);
      } else {
        const { s, h } = calcCols(ctx, v);
        const cr = isTotal ? CALC.rootRow : ctx.calcRow[k];
        value = calc(cell(cr, s));
        sRow.push(`=IF(ISNUMBER(${m}),IF(${calc(cell(cr, h))}=1,IF(ROUND(${value},9)<${m},1,0),2),0)`);
      }
      const st = cell(r, vc(v));
      const prev = k === 0 ? '""' : cell(r - 1, rc(v));
      tRow.push(`=${prev}&IF(${st}=0,"","; "&${label}&IF(${st}=1," "&TEXT(ROUND(${value},9),"0.0")&" < "&${m},${q(A.reasonUnrated)}))`);
    }
    status.push(sRow);
    reasons.push(tRow);
    // The minimums list (for Method): minimum and name read from Weights, so edits and renames show live
    // (the code as text: the structure, codes included, changes only by a rebuild).
    const term = `IF(ISNUMBER(${m}),${isTotal ? q(`; ${A.total}`) : `${q(`; ${nd?.code} `)}&${wts(absCell(wRow, WEIGHTS.name))}`}&" ≥ "&${figF(m)},"")`;
    const chainCol = minimumsChain(ctx).col;
    minimums.push([isTotal ? `=${term}` : `=${cell(k === 0 ? AWARD.firstGate + n : r - 1, chainCol)}&${term}`]);
  }

  const summary: CellValue[][] = [[], [], [], [], [], [], [], [], [], [], [], [], []];
  for (let v = 0; v < V; v++) {
    const c = vc(v);
    const at = (r: number): string => cell(r, c);
    const { s, h } = calcCols(ctx, v);
    const quality = `${calc(cell(CALC.rootRow, s))}`;
    const hasQuality = `${calc(cell(CALC.rootRow, h))}=1`;
    const bid = pr(absCell(PRICE.firstRow + v, PRICE.bid));
    const gates = rect(AWARD.firstGate, c, lastGate, c);
    const pool = row(AWARD.pool);
    const keys = row(AWARD.key);
    summary[0].push(`=COUNTIF(${gates},1)`);
    summary[1].push(`=COUNTIF(${gates},2)+IF(${hasQuality},0,1)`);
    summary[2].push(price ? `=IF(AND(ISNUMBER(${bid}),${bid}>0),1,0)` : 1);
    summary[3].push(`=IF(AND(${at(AWARD.failed)}=0,${at(AWARD.unrated)}=0,${at(AWARD.bidOk)}=1),1,0)`);
    summary[4].push(price ? `=IF(${at(AWARD.eligible)}=1,${bid},"")` : '=""');
    summary[5].push(
      price
        ? `=IF(${at(AWARD.eligible)}=1,IF(${pm}=${q(A.methodLinear)},IF(MAX(${pool})=MIN(${pool}),100,100*(MAX(${pool})-${bid})/(MAX(${pool})-MIN(${pool}))),MIN(${pool})/${bid}*100),"")`
        : '=""',
    );
    summary[6].push(
      price
        ? `=IF(${at(AWARD.eligible)}=1,${quality}*(1-${pw}/100)+${at(AWARD.priceScore)}*(${pw}/100),"")`
        : `=IF(${hasQuality},${quality},"")`,
    );
    summary[7].push(`=IF(${at(AWARD.eligible)}=1,ROUND(${at(AWARD.overall)},9),"")`);
    summary[8].push(`=IF(${at(AWARD.eligible)}=1,SUMPRODUCT(ISNUMBER(${keys})*(${keys}>${at(AWARD.key)}))+1,"")`);
    summary[9].push(
      price
        ? `=IF(AND(${at(AWARD.eligible)}=1,COUNT(${pool})>=2),IF(${bid}<(SUM(${pool})-${bid})/(COUNT(${pool})-1)*(1-${pt}/100),1,0),0)`
        : 0,
    );
    summary[10].push(`=MID(${cell(lastGate, rc(v))}&IF(${at(AWARD.bidOk)}=0,${q("; " + A.reasonNoBid)},""),3,32767)`);
    summary[11].push(`=IF(${hasQuality},INDEX(${bandLabel},COUNTIF(${bandFrom},">"&ROUND(${quality},9))+1),"")`);
    summary[12].push(`=IF(${at(AWARD.failed)}>0,${q(A.eligibleNo)},IF(${at(AWARD.unrated)}>0,${q(A.eligibleUnrated)},IF(${at(AWARD.bidOk)}=0,${q(A.eligibleNoBid)},${q(A.eligibleYes)})))`);
  }
  sheet.blocks.push(
    ...block(AWARD.headerRow, 1, "values", [["award", ...ctx.vendors]]),
    ...block(AWARD.failed, 1, "values", [["failed"], ["unrated"], ["bid ok"], ["eligible"], ["pool bid"], ["price score"], ["overall"], ["rank key"], ["rank (eligible)"], ["low bid"], ["reasons"], ["grade"], ["status"]]),
    ...block(AWARD.firstGate - 1, 1, "values", [["gate"]]),
    ...block(AWARD.firstGate, 1, "values", [...ctx.layout.nodes.map((nd) => [nd.code]), [""]]),
    ...block(AWARD.firstGate - 1, minimumsChain(ctx).col, "values", [["minimums (total first)"]]),
    ...block(AWARD.firstGate, minimumsChain(ctx).col, "formulas", minimums),
    ...(V > 0
      ? [
          ...block(AWARD.failed, AWARD.firstVendor, "formulas", summary),
          ...block(AWARD.firstGate, AWARD.firstVendor, "formulas", status),
          ...block(AWARD.firstGate, AWARD.firstVendor + V, "formulas", reasons),
        ]
      : []),
  );
  return sheet;
}

/** Adds the award columns to Results after every other column; returns the layout with them. */
export function addAwardResults(ctx: PlanContext, results: { sheet: SheetPlan; layout: ResultsLayout }, hasPrice: boolean, bands: GradeBand[]): ResultsLayout {
  const A = awardLabelsFor(ctx.locale);
  const V = ctx.vendors.length;
  const first = results.layout.columns.length + 1;
  const kinds: ResultsColumn[] = [
    { kind: "eligible" }, { kind: "reasons" }, { kind: "grade" },
    ...(hasPrice ? [{ kind: "bid" as const }, { kind: "priceScore" as const }, { kind: "overall" as const }, { kind: "lowBid" as const }] : []),
    { kind: "rankEligible" },
  ];
  const headers = kinds.map((k) => headerOf(A, k.kind));
  const lastCol = first + kinds.length - 1;
  const lastRow = X.firstRow + V - 1;
  const aw = (r: number, v: number): string => sheetRef(A.sheetAward, cell(r, AWARD.firstVendor + v));
  const rows: CellValue[][] = ctx.vendors.map((_, v) =>
    kinds.map((k) => {
      switch (k.kind) {
        case "eligible": return `=${aw(AWARD.status, v)}`;
        case "reasons": return `=${aw(AWARD.reasons, v)}`;
        case "grade": return `=${aw(AWARD.grade, v)}`;
        case "bid": {
          const b = sheetRef(A.sheetPrice, cell(PRICE.firstRow + v, PRICE.bid));
          return `=IF(ISNUMBER(${b}),${b},"")`;
        }
        case "priceScore": return `=${aw(AWARD.priceScore, v)}`;
        case "overall": return `=${aw(AWARD.overall, v)}`;
        case "lowBid": return `=IF(${aw(AWARD.lowBid, v)}=1,${q(A.lowBidFlag)},"")`;
        default: return `=${aw(AWARD.rank, v)}`;
      }
    }),
  );
  const { sheet } = results;
  sheet.blocks.push(...block(X.headerRow, first, "values", [headers]), ...block(X.firstRow, first, "formulas", rows));
  sheet.formats.push({ ranges: [rect(X.headerRow, first, X.headerRow, lastCol)], style: "header" });
  const colOf = (kind: ResultsColumn["kind"]): number => first + kinds.findIndex((k) => k.kind === kind);
  const range = (kind: ResultsColumn["kind"]): string => rect(X.firstRow, colOf(kind), lastRow, colOf(kind));
  if (V > 0) {
    sheet.formats.push(
      { ranges: [range("eligible"), range("reasons"), range("grade")], style: "label" },
      { ranges: [range("rankEligible")], style: "total", numberFormat: NUMBER_FORMATS.count },
    );
    if (hasPrice) {
      sheet.formats.push(
        { ranges: [range("bid")], style: "score", numberFormat: "#,##0.00" },
        { ranges: [range("priceScore")], style: "score", numberFormat: NUMBER_FORMATS.score },
        { ranges: [range("overall")], style: "total", numberFormat: NUMBER_FORMATS.score },
        { ranges: [range("lowBid")], style: "label" },
      );
      const lb = cell(X.firstRow, colOf("lowBid"));
      sheet.conditionalFormats.push({ kind: "expression", range: range("lowBid"), formula: `=${lb}<>""`, style: { fontColor: "#C00000", fill: "#FCE4D6", bold: true } });
    }
    const el = cell(X.firstRow, colOf("eligible"));
    sheet.conditionalFormats.push(
      { kind: "expression", range: range("eligible"), formula: `=${el}=${q(A.eligibleYes)}`, style: { fontColor: "#006100", fill: "#C6EFCE", bold: true } },
      { kind: "expression", range: range("eligible"), formula: `=${el}=${q(A.eligibleNo)}`, style: { fontColor: "#9C0006", fill: "#FFC7CE", bold: true } },
      { kind: "expression", range: range("eligible"), formula: `=AND(${el}<>"",${el}<>${q(A.eligibleYes)},${el}<>${q(A.eligibleNo)})`, style: { fontColor: "#9C5700", fill: "#FFEB9C" } },
    );
    const gr = cell(X.firstRow, colOf("grade"));
    const palette = ["#C6EFCE", "#E2EFDA", "#FFEB9C", "#FFC7CE"];
    bands.forEach((b, i) => {
      const fill = i === bands.length - 1 ? palette[3] : palette[Math.min(i, 2)];
      sheet.conditionalFormats.push({ kind: "expression", range: range("grade"), formula: `=${gr}=${q(b.label[ctx.locale])}`, style: { fill } });
    });
  }
  sheet.columns.push(
    { range: `${colLetter(first)}:${colLetter(first)}`, width: 14 },
    { range: `${colLetter(first + 1)}:${colLetter(first + 1)}`, width: 36 },
    ...(lastCol > first + 1 ? [{ range: `${colLetter(first + 2)}:${colLetter(lastCol)}`, width: 13 }] : []),
  );
  const columns = [...results.layout.columns, ...kinds];
  return { ...results.layout, columns, range: rect(1, 1, Math.max(lastRow, X.headerRow), lastCol) };
}

function headerOf(A: AwardLabels, kind: ResultsColumn["kind"]): string {
  switch (kind) {
    case "eligible": return A.colEligible;
    case "reasons": return A.colReasons;
    case "grade": return A.colGrade;
    case "bid": return A.colBid;
    case "priceScore": return A.colPriceScore;
    case "overall": return A.colOverall;
    case "lowBid": return A.colLowBid;
    default: return A.colRankEligible;
  }
}

/**
 * Appends the award rules to Method as live formulas over the input cells, so Method always states
 * what the workbook computes with: the minimums (Award calc's running list of the Weights Minimum
 * column), the price weight, method and low-bid threshold (the Price sheet's cells), the grade bands
 * (the band table on Weights). Formula rows get heights for their text as built (spreadsheets do not
 * size rows on opening a file); the minimums row one line more, and a note beside it when the list
 * outgrows it.
 */
export function addAwardMethod(ctx: PlanContext, method: SheetPlan, settings: AwardSettings | undefined, bands: GradeBand[]): void {
  const A = awardLabelsFor(ctx.locale);
  const L = ctx.locale;
  const top = Math.max(0, ...method.blocks.map((b) => Number(/(\d+)$/.exec(b.address)?.[1] ?? 0))) + 2;
  const fig = (x: number): string => String(Number(x.toFixed(6)));
  const wts = (r: number, c: number): string => sheetRef(ctx.names.weights, absCell(r, c));
  const pr = (row: number): string => sheetRef(A.sheetPrice, absCell(row, PRICE.value));
  /** A template's text around its placeholder as a formula: "before"&value&"after". */
  const fill = (template: string, key: string, value: string): string => {
    const [before, after] = template.split(key);
    return `${q(before)}&${value}&${q(after ?? "")}`;
  };
  // Each row: what the cell holds, and its text as built (for the row height).
  const rows: { cell: GridCell; text: string; extra?: number }[] = [];
  const add = (cellValue: GridCell, text: string, extra = 0): number => rows.push({ cell: cellValue, text, extra }) - 1;
  add(A.methodHeading, A.methodHeading);
  const gates = gatesOf(ctx.tree);
  const chain = minimumsChain(ctx).end;
  const list = sheetRef(A.sheetAward, absCell(chain.row, chain.col));
  const sep = L === "zh-CN" ? "" : " ";
  const minText = gates.length === 0 ? A.methodMinimumsNone : `${A.methodMinimums}${sep}${gates.map((g) => `${g.node ? `${g.code} ${g.node.name[L]}` : A.total} ≥ ${fig(g.minimum)}`).join("; ")}`;
  const minRow = add({ f: `=IF(${list}="",${q(A.methodMinimumsNone)},${q(A.methodMinimums + sep)}&MID(${list},3,32767))` }, minText, 1);
  add(A.methodMinimumsRule, A.methodMinimumsRule);
  const price = settings?.price;
  if (!price) add(A.methodPriceNone, A.methodPriceNone);
  else {
    const [w, m, t] = [pr(PRICE.weightRow), pr(PRICE.methodRow), pr(PRICE.thresholdRow)];
    add({ f: `=${fill(A.methodPrice, "{weight}", figF(w))}` }, A.methodPrice.replace("{weight}", fig(price.weight)));
    // As Award calc: the linear method when the cell holds its drop-down label, else lowest.
    add({ f: `=IF(${m}=${q(A.methodLinear)},${q(A.methodPriceLinear)},${q(A.methodPriceLowest)})` }, price.method === "linear" ? A.methodPriceLinear : A.methodPriceLowest);
    add({ f: `=${fill(A.methodLowBid, "{t}", figF(t))}` }, A.methodLowBid.replace("{t}", fig(price.lowBidThreshold)));
    add(
      { f: `=IF(AND(ISNUMBER(${w}),${w}<10),${q(A.guidanceServices)},IF(AND(ISNUMBER(${w}),${w}<30),${q(A.guidanceGoods)},""))` },
      price.weight < 10 ? A.guidanceServices : price.weight < 30 ? A.guidanceGoods : "",
    );
  }
  add(A.methodBands, A.methodBands);
  bands.forEach((b, i) => {
    const r = AWARD_W.bandsFirstRow + i;
    const from = wts(r, AWARD_W.bandsFrom);
    add({ f: `="  "&${wts(r, AWARD_W.bandsGrade)}&" ≥ "&IF(ISNUMBER(${from}),${figF(from)},${from})` }, `  ${b.label[L]} ≥ ${fig(b.min)}`);
  });
  add(A.methodRank, A.methodRank);
  // The note beside the minimums when the list outgrows its row: the row holds the text as built and
  // one line more; a line is taken as 80% of the column's width in characters (CJK two wide, as in zh-CN names).
  const width = method.columns.find((c) => c.range === "A")?.width ?? 100;
  const room = minText.length + Math.floor(((width - 1) * 0.8) / (L === "zh-CN" ? 2 : 1));
  const minCell = `A${top + minRow}`;
  const note = `=IF(LEN(${minCell})>${room},${q(A.methodMinimumsOverflow)},"")`;
  method.blocks.push(...gridBlocks(rows.map((r, i) => (i === minRow ? [r.cell, { f: note }] : [r.cell])), top, 1));
  method.formats.push(
    { ranges: [`A${top}`], style: "header" },
    { ranges: [`A${top + 1}:A${top + rows.length - 1}`, `B${top + minRow}`], style: "wrap" },
  );
  method.conditionalFormats.push({ kind: "expression", range: `B${top + minRow}`, formula: `=B${top + minRow}<>""`, style: { fontColor: "#C00000", bold: true } });
  // Formula rows: heights for their text as built (literal rows are sized by src/plan/print.ts).
  const heights = rows.flatMap((r, i) => {
    if (typeof r.cell !== "object" || r.cell === null) return [];
    const lines = linesFor(r.text, width) + (r.extra ?? 0);
    return lines > 1 ? [{ rows: `${top + i}:${top + i}`, height: lines * 15 + 3 }] : [];
  });
  method.rowHeights = [...(method.rowHeights ?? []), ...heights];
}

/** Everything of the award decision, for buildPlan: the bands (checked), the sheets, the layout. */
export function awardBands(settings: AwardSettings | undefined): GradeBand[] {
  return checkBands(settings?.bands ?? DEFAULT_BANDS);
}

export function awardLayout(ctx: PlanContext, hasPrice: boolean, bands: GradeBand[]): AwardLayout {
  const A = awardLabelsFor(ctx.locale);
  return {
    minimumColumn: colLetter(AWARD_W.minimum),
    bands: rect(AWARD_W.bandsFirstRow, AWARD_W.bandsFrom, AWARD_W.bandsFirstRow + bands.length - 1, AWARD_W.bandsGrade),
    awardSheet: A.sheetAward,
    ...(hasPrice
      ? {
          price: {
            sheet: A.sheetPrice,
            weight: cell(PRICE.weightRow, PRICE.value),
            method: cell(PRICE.methodRow, PRICE.value),
            threshold: cell(PRICE.thresholdRow, PRICE.value),
            firstRow: PRICE.firstRow,
            bidColumn: colLetter(PRICE.bid),
            methods: { lowest: A.methodLowest, linear: A.methodLinear },
          },
        }
      : {}),
  };
}

/**
 * Every workbook's award parts: the Minimum column and bands on Weights, the hidden Award calc
 * sheet, the Results columns and the Method section; the Price sheet when price is set. `scored`
 * is the context whose ratings sheet the scores read (Consolidated for a panel).
 */
export function awardParts(
  ctx: PlanContext,
  scored: PlanContext,
  input: AwardPlanInput | undefined,
  weights: { sheet: SheetPlan; layout: WeightsLayout },
  results: { sheet: SheetPlan; layout: ResultsLayout },
  method: SheetPlan,
): { price: SheetPlan[]; calc: SheetPlan; results: ResultsLayout; layout: AwardLayout } {
  const settings = input?.settings;
  const bands = awardBands(settings);
  const price = settings?.price;
  addMinimums(ctx, weights, bands);
  const A = awardLabelsFor(ctx.locale);
  const calc = awardCalcSheet(scored, ratingsLeafSource(scored), price, bands);
  const resultsLayout = addAwardResults(ctx, results, price !== undefined, bands);
  addAwardMethod(ctx, method, settings, bands);
  return {
    price: price ? [priceSheet(ctx, price, input?.bids ?? {}, A.sheetAward)] : [],
    calc,
    results: resultsLayout,
    layout: awardLayout(ctx, price !== undefined, bands),
  };
}
