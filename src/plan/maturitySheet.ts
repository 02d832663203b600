/**
 * The optional Maturity sheets (issue #16): one per scenario of the maturity model. Live formulas
 * only; the figures equal assessMaturity (src/core/maturity/assess.ts), which documents the rules.
 *
 * Layout (N stages, C characteristics; 1-based rows/columns):
 *  - rows 1–3: title and two lines on how to mark;
 *  - row 4: "Stage" and the stage numbers 1…N (B…), "Today" and "In 2–3 years" above the inputs;
 *    row 5: the stage names; row 6: the report's shares (fractions, shown as %);
 *  - rows 7…6+C: one row per characteristic, the N stage descriptions side by side, then the two
 *    input cells (a drop-down of the stage names; a stage number is accepted too) and, hidden, the
 *    stage number each input is read as (blank when it is not a stage);
 *  - then a row of the platform features from each stage's page, and a row of the indicators the
 *    product's mapping gives each stage (marked as the product's);
 *  - the result block: marks counted, current stage (INT(MEDIAN)), spread (MAX−MIN), peers at or
 *    below (SUMIF over the shares), target stage, peers at or beyond it, and the target's platform
 *    needs, features, team and the indicators on the way there (INDEX into a hidden N×N table of
 *    the indicators for each (current, target) pair, precomputed with growthStages).
 */
import { growthStages, mappingFor, orderCodes, scenarioOf } from "../core/maturity/assess";
import type { MaturityMarks, MaturityModel, MaturityScenario } from "../core/maturity/types";
import { allNodes } from "../core/model/tree";
import type { IndicatorTree, Locale } from "../core/model/types";
import { absCell, absRect, cell, colLetter, formulaString, parseRect, rect } from "./a1";
import { emptySheet, protection, type PlanContext } from "./context";
import { gridBlocks, SparseCells, type GridCell } from "./grid";
import { MATURITY_LABELS, type MaturityLabels } from "./maturityLabels";
import type { MaturityCellMark, MaturitySheetLayout, MaturityTypedMarks } from "./maturityTypes";
import type { ConditionalFormatPlan, FormatPlan, SheetPlan } from "./types";

/** Fixed rows of every Maturity sheet. */
export const MATURITY = { stageRow: 4, nameRow: 5, shareRow: 6, firstRow: 7, label: 1, firstStage: 2 } as const;
const M = MATURITY;

/** "5.1.1 开放接口" for each code, in the tree's order; codes the tree lacks are said so. */
function indicatorText(codes: string[], tree: IndicatorTree, locale: Locale, L: MaturityLabels, sep = "\n"): string {
  const names = new Map(allNodes(tree).map((n) => [n.node.code, n.node.name[locale]]));
  const ordered = orderCodes(codes, tree);
  if (ordered.length === 0) return L.none;
  return ordered.map((c) => (names.has(c) ? `${c} ${names.get(c)}` : `${c} ${L.notInTree}`)).join(sep);
}

/** The stage's page: its platform line, then the 直播前/中/后 lists. */
function featuresText(s: MaturityScenario, k: number, locale: Locale, L: MaturityLabels): string {
  const st = s.stages[k];
  const page = st.page;
  if (!page) return st.cells.platform[locale];
  const lines = [page.platform[locale]];
  const sep = locale === "zh-CN" ? "：" : ": ";
  for (const [label, list] of [[L.before, page.features.before], [L.during, page.features.during], [L.after, page.features.after]] as const) {
    if (list.length > 0) lines.push(`${label}${sep}${list.map((t) => t[locale]).join(L.listSep)}`);
  }
  return lines.join("\n");
}

/** Width units of a text: CJK and full-width characters count 2, others 0.92 (a proportional font's average letter is narrower than the digit the width unit is). */
function units(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 2 : 0.92;
  return n;
}

/** Row height (points) for wrapped texts, each with the width (characters) it is shown in. */
export function wrappedHeight(texts: { text: string; width: number }[]): number {
  let lines = 1;
  let cjk = false;
  for (const { text, width } of texts) {
    const n = text.split("\n").reduce((sum, p) => sum + Math.max(1, Math.ceil(units(p) / Math.max(1, width - 1.5))), 0);
    lines = Math.max(lines, n);
    cjk ||= /[\u2e80-\u9fff]/.test(text);
  }
  return Math.ceil(lines * (cjk ? 17 : 14.5) + 4);
}

/** Checks that the model is usable and has these scenarios; throws RangeError with the reason. */
export function checkMaturity(model: MaturityModel, scenarios: string[]): void {
  const seen = new Set<string>();
  for (const key of scenarios) {
    if (seen.has(key)) throw new RangeError(`maturity: scenario "${key}" is listed twice`);
    seen.add(key);
    const s = scenarioOf(model, key);
    if (s.stages.length < 2) throw new RangeError(`maturity: scenario "${key}" has fewer than 2 stages`);
  }
  const keys = model.characteristics.map((c) => c.key);
  for (const k of ["platform", "team"]) if (!keys.includes(k)) throw new RangeError(`maturity: the model has no "${k}" characteristic`);
}

/** One Maturity sheet for `scenario`. */
export function maturitySheet(ctx: PlanContext, model: MaturityModel, scenario: string, marks?: MaturityMarks | MaturityTypedMarks): { sheet: SheetPlan; layout: MaturitySheetLayout } {
  const { locale, tree } = ctx;
  const L = MATURITY_LABELS[locale];
  const s = scenarioOf(model, scenario);
  const N = s.stages.length;
  const C = model.characteristics.length;
  const chars = model.characteristics;
  const lastStage = M.firstStage + N - 1;
  const todayCol = lastStage + 1;
  const aimCol = lastStage + 2;
  const todayIdx = lastStage + 3;
  const aimIdx = lastStage + 4;
  const tableCol = lastStage + 5; // hidden N×N indicators table
  const lastRow = M.firstRow + C - 1;
  const featuresRow = lastRow + 1;
  const indicatorsRow = lastRow + 2;
  const res = indicatorsRow + 2; // result heading
  const stageRange = absRect(M.stageRow, M.firstStage, M.stageRow, lastStage);
  const nameRange = absRect(M.nameRow, M.firstStage, M.nameRow, lastStage);
  const shareRange = absRect(M.shareRow, M.firstStage, M.shareRow, lastStage);
  const todayRange = absRect(M.firstRow, todayIdx, lastRow, todayIdx);
  const aimRange = absRect(M.firstRow, aimIdx, lastRow, aimIdx);
  const rowOf = (key: string): number => M.firstRow + chars.findIndex((c) => c.key === key);
  const cells = new SparseCells();
  const formats: FormatPlan[] = [];
  const conditional: ConditionalFormatPlan[] = [];
  const merges: string[] = [];

  const W = { label: 18, stage: 24, input: 13 } as const;
  const widthOf = (c1: number, c2: number): number => {
    let w = 0;
    for (let c = c1; c <= c2; c++) w += c === 1 ? W.label : c <= lastStage ? W.stage : W.input;
    return w;
  };
  const heights: { rows: string; height: number }[] = [];
  const sizeRow = (row: number, texts: { text: string; width: number }[]): void => {
    const h = wrappedHeight(texts);
    if (h > 19) heights.push({ rows: `${row}:${row}`, height: h });
  };

  cells.set(1, 1, `${s.title[locale]}${L.titleSuffix}`);
  cells.set(2, 1, L.intro);
  cells.set(3, 1, L.intro2);
  cells.set(M.stageRow, M.label, L.rowStage);
  cells.set(M.nameRow, M.label, L.rowName);
  cells.set(M.shareRow, M.label, L.rowShare);
  cells.set(M.stageRow, todayCol, L.colToday);
  cells.set(M.stageRow, aimCol, L.colAim);
  s.stages.forEach((st, k) => {
    const c = M.firstStage + k;
    cells.set(M.stageRow, c, k + 1);
    cells.set(M.nameRow, c, st.name[locale]);
    cells.set(M.shareRow, c, st.share / 100);
    chars.forEach((ch, i) => cells.set(M.firstRow + i, c, st.cells[ch.key][locale]));
    cells.set(featuresRow, c, featuresText(s, k, locale, L));
    cells.set(indicatorsRow, c, indicatorText(mappingFor(model, scenario, [k + 1]).flatMap((e) => e.codes), tree, locale, L));
  });
  const today: string[] = [];
  const aim: string[] = [];
  chars.forEach((ch, i) => {
    const r = M.firstRow + i;
    cells.set(r, M.label, ch.name[locale]);
    // A stage number is written as the stage's name; anything else a rebuilt sheet held, as typed.
    const pre = (v: MaturityCellMark | undefined): string | number | null =>
      typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= N ? s.stages[v - 1].name[locale] : v === undefined || v === "" ? null : v;
    const t = pre(marks?.today[i]);
    const a = pre(marks?.aim[i]);
    if (t !== null) cells.set(r, todayCol, t);
    if (a !== null) cells.set(r, aimCol, a);
    for (const [input, idx] of [[todayCol, todayIdx], [aimCol, aimIdx]] as const) {
      const x = cell(r, input);
      cells.f(r, idx, `=IF(ISNUMBER(${x}),IF(AND(${x}>=1,${x}<=${N},INT(${x})=${x}),${x},""),IFERROR(MATCH(TRIM(${x}),${nameRange},0),""))`);
    }
    today.push(cell(r, todayCol));
    aim.push(cell(r, aimCol));
  });
  cells.set(featuresRow, M.label, L.rowFeatures);
  cells.set(indicatorsRow, M.label, L.rowIndicators);
  // Hidden table: indicators on the way from stage i (row) to stage j (column).
  for (let i = 1; i <= N; i++) {
    for (let j = 1; j <= N; j++) {
      cells.set(M.firstRow + i - 1, tableCol + j - 1, indicatorText(mappingFor(model, scenario, growthStages(i, j)).flatMap((e) => e.codes), tree, locale, L, L.listSep));
    }
  }
  const table = absRect(M.firstRow, tableCol, M.firstRow + N - 1, tableCol + N - 1);

  // Results: label (A:B merged), value (C), note (D…aim merged); requirements: value C…aim merged.
  const V = 3;
  const r = (k: number): number => res + 1 + k;
  const v = (k: number): string => absCell(r(k), V);
  cells.set(res, 1, L.resultHeading);
  const rows: [string, string | null, string | null][] = [
    [L.markedToday, `=COUNT(${todayRange})`, null],
    [L.current, `=IF(${v(0)}=0,"",INT(MEDIAN(${todayRange})))`, `=IF(${v(1)}="","",INDEX(${nameRange},1,${v(1)}))`],
    [L.spread, `=IF(${v(0)}=0,"",MAX(${todayRange})-MIN(${todayRange}))`, `=IF(${v(2)}="","",IF(${v(2)}>=2,${formulaString(L.spreadWide)},""))`],
    [L.peersAtOrBelow, `=IF(${v(1)}="","",SUMIF(${stageRange},"<="&${v(1)},${shareRange}))`, null],
    [L.markedAim, `=COUNT(${aimRange})`, null],
    [L.target, `=IF(${v(4)}=0,"",INT(MEDIAN(${aimRange})))`, `=IF(${v(5)}="","",INDEX(${nameRange},1,${v(5)}))`],
    [L.peersAtOrAbove, `=IF(${v(5)}="","",SUMIF(${stageRange},">="&${v(5)},${shareRange}))`, null],
  ];
  rows.forEach(([label, value, note], k) => {
    cells.set(r(k), 1, label);
    cells.f(r(k), V, value as string);
    if (note !== null) cells.f(r(k), V + 1, note);
    else if (k === 0 || k === 4) cells.set(r(k), V + 1, L.ofCharacteristics(C));
    merges.push(rect(r(k), 1, r(k), 2), rect(r(k), V + 1, r(k), aimCol));
  });
  const reqTop = r(rows.length);
  cells.set(reqTop, 1, L.requirementsHeading);
  const target = v(5);
  const current = v(1);
  const reqs: [string, string][] = [
    [L.reqPlatform, `=IF(${target}="","",INDEX(${absRect(rowOf("platform"), M.firstStage, rowOf("platform"), lastStage)},1,${target}))`],
    [L.reqFeatures, `=IF(${target}="","",INDEX(${absRect(featuresRow, M.firstStage, featuresRow, lastStage)},1,${target}))`],
    [L.reqTeam, `=IF(${target}="","",INDEX(${absRect(rowOf("team"), M.firstStage, rowOf("team"), lastStage)},1,${target}))`],
    [L.reqIndicators, `=IF(${target}="","",IF(${current}="",INDEX(${table},${target},${target}),INDEX(${table},${current},${target})))`],
  ];
  reqs.forEach(([label, f], k) => {
    const row = reqTop + 1 + k;
    cells.set(row, 1, label);
    cells.f(row, V, f);
    merges.push(rect(row, 1, row, 2), rect(row, V, row, aimCol));
  });
  const end = reqTop + reqs.length;

  // Row heights, so wrapped text prints whole (spreadsheets do not size rows on opening a file).
  merges.push(rect(2, 1, 2, aimCol), rect(3, 1, 3, aimCol), rect(res, 1, res, aimCol), rect(reqTop, 1, reqTop, aimCol));
  sizeRow(2, [{ text: L.intro, width: widthOf(1, aimCol) }]);
  sizeRow(3, [{ text: L.intro2, width: widthOf(1, aimCol) }]);
  const stageTexts = (row: number): { text: string; width: number }[] => {
    const out: { text: string; width: number }[] = [];
    for (let c = 1; c <= lastStage; c++) {
      const x = cells.get(row, c);
      if (typeof x === "string") out.push({ text: x, width: widthOf(c, c) });
    }
    return out;
  };
  sizeRow(M.nameRow, stageTexts(M.nameRow));
  sizeRow(M.shareRow, stageTexts(M.shareRow));
  for (let row = M.firstRow; row <= indicatorsRow; row++) sizeRow(row, stageTexts(row));
  rows.forEach(([label], k) => sizeRow(r(k), [{ text: label, width: widthOf(1, 2) }, ...(k === 2 ? [{ text: L.spreadWide, width: widthOf(V + 1, aimCol) }] : [])]));
  const reqWidth = widthOf(V, aimCol);
  const column = (row: number): string[] => stageTexts(row).slice(1).map((t) => t.text);
  const tableTexts: string[] = [];
  for (let i = 1; i <= N; i++) for (let j = 1; j <= N; j++) tableTexts.push(cells.get(M.firstRow + i - 1, tableCol + j - 1) as string);
  const reqTexts = [column(rowOf("platform")), column(featuresRow), column(rowOf("team")), tableTexts];
  reqs.forEach(([label], k) => sizeRow(reqTop + 1 + k, [{ text: label, width: widthOf(1, 2) }, ...reqTexts[k].map((text) => ({ text, width: reqWidth }))]));

  // Formats.
  const body = rect(M.firstRow, M.firstStage, indicatorsRow, lastStage);
  const inputs = rect(M.firstRow, todayCol, lastRow, aimCol);
  formats.push(
    { ranges: ["A1"], style: "title" },
    { ranges: ["A2:A3"], style: "subtitle" },
    { ranges: ["A2:A3"], style: "wrap" },
    { ranges: [rect(M.stageRow, 1, M.stageRow, aimCol), rect(M.nameRow, M.firstStage, M.nameRow, lastStage), rect(M.nameRow, todayCol, M.shareRow, aimCol)], style: "header" },
    { ranges: [rect(M.stageRow, M.firstStage, M.stageRow, lastStage)], numberFormat: L.stageFormat },
    { ranges: [rect(M.nameRow, 1, indicatorsRow, 1)], style: "groupRow2" },
    { ranges: [rect(M.stageRow, 1, M.shareRow, 1)], style: "wrap" },
    { ranges: [rect(M.shareRow, M.firstStage, M.shareRow, lastStage)], style: "score", numberFormat: "0%" },
    { ranges: [body], style: "wrap" },
    { ranges: [rect(M.firstRow, 1, indicatorsRow, lastStage)], style: "label" },
    { ranges: [rect(featuresRow, 1, indicatorsRow, lastStage)], style: "muted" },
    { ranges: [inputs], style: "input", locked: false },
    { ranges: [inputs], style: "wrap" },
    { ranges: [rect(res, 1, res, aimCol), rect(reqTop, 1, reqTop, aimCol)], style: "header" },
    { ranges: [rect(res + 1, 1, end, 2)], style: "label" },
    { ranges: [rect(res + 1, 1, end, 2)], style: "wrap" },
    { ranges: [rect(res + 1, V, reqTop - 1, V)], style: "total" },
    { ranges: [v(3).replace(/\$/g, ""), v(6).replace(/\$/g, "")], numberFormat: "0%" },
    { ranges: [rect(res + 1, V, end, aimCol)], style: "wrap" },
  );
  // Wrap the row labels too (they are long in a narrow column).
  formats.push({ ranges: [rect(M.firstRow, 1, indicatorsRow, 1)], style: "wrap" });
  // Highlight each row's marks and, in the header, the current and target stages.
  const stageHead = `${colLetter(M.firstStage)}$${M.stageRow}`;
  conditional.push(
    { kind: "expression", range: rect(M.firstRow, M.firstStage, lastRow, lastStage), formula: `=${stageHead}=$${colLetter(todayIdx)}${M.firstRow}`, style: { fill: "#DDEBF7", bold: true } },
    { kind: "expression", range: rect(M.firstRow, M.firstStage, lastRow, lastStage), formula: `=${stageHead}=$${colLetter(aimIdx)}${M.firstRow}`, style: { fill: "#E2EFDA" } },
    { kind: "expression", range: rect(M.stageRow, M.firstStage, M.nameRow, lastStage), formula: `=${stageHead}=${current}`, style: { fill: "#2F75B5" } },
    { kind: "expression", range: rect(M.stageRow, M.firstStage, M.nameRow, lastStage), formula: `=${stageHead}=${target}`, style: { fill: "#548235" } },
    { kind: "expression", range: rect(r(2), V + 1, r(2), V + 1), formula: `=AND(ISNUMBER(${v(2)}),${v(2)}>=2)`, style: { fontColor: "#C00000", bold: true } },
  );

  const sheet = emptySheet("maturity", L.sheet(s.name[locale]), "visible", protection(ctx.protect, ctx.password));
  sheet.blocks = cells.blocks();
  sheet.formats = formats;
  sheet.merges = merges;
  sheet.conditionalFormats = conditional;
  sheet.validations = [
    {
      range: inputs,
      rule: { kind: "list", values: s.stages.map((st) => st.name[locale]) },
      allowBlank: true,
      prompt: { title: L.promptTitle, message: L.promptMessage(N) },
      error: { title: L.errorTitle, message: L.errorMessage(N), style: "warning" },
    },
  ];
  sheet.freeze = { rows: M.shareRow, columns: 1 };
  sheet.rowHeights = heights;
  sheet.print = { orientation: "landscape", fitToWidth: true };
  sheet.columns = [
    { range: "A", width: W.label },
    { range: `${colLetter(M.firstStage)}:${colLetter(lastStage)}`, width: W.stage },
    { range: `${colLetter(todayCol)}:${colLetter(aimCol)}`, width: W.input },
    { range: `${colLetter(todayIdx)}:${colLetter(aimIdx)}`, width: 6, hidden: true },
    { range: `${colLetter(tableCol)}:${colLetter(tableCol + N - 1)}`, width: 12, hidden: true },
  ];
  const a = (k: number): string => v(k).replace(/\$/g, "");
  return {
    sheet,
    layout: {
      scenario,
      sheet: sheet.name,
      today,
      aim,
      markedToday: a(0),
      current: a(1),
      currentName: cell(r(1), V + 1),
      spread: a(2),
      peersAtOrBelow: a(3),
      markedAim: a(4),
      target: a(5),
      targetName: cell(r(5), V + 1),
      peersAtOrAboveTarget: a(6),
      platform: cell(reqTop + 1, V),
      features: cell(reqTop + 2, V),
      team: cell(reqTop + 3, V),
      indicators: cell(reqTop + 4, V),
    },
  };
}

/** Appends the maturity section to Method (below its last row). */
export function addMaturityMethod(method: SheetPlan, locale: Locale, model: MaturityModel): void {
  const L = MATURITY_LABELS[locale];
  const top = Math.max(0, ...method.blocks.map((bl) => parseRect(bl.address).r2)) + 2;
  const rows: GridCell[][] = [[L.methodHeading], [`${model.title[locale]} — ${model.source}`], ...L.methodText.map((t) => [t]), [model.mapping.note[locale]]];
  method.blocks.push(...gridBlocks(rows, top, 1));
  method.formats.push({ ranges: [`A${top}`], style: "header" }, { ranges: [`A${top + 1}:A${top + rows.length - 1}`], style: "wrap" });
}

/** Names of the Maturity sheets a stored model asked for (to replace them when the workbook is re-created). */
export function maturitySheetNames(model: { options: { locale: Locale }; maturity?: { scenarios: string[]; model?: MaturityModel } }, fallback: () => MaturityModel): string[] {
  if (!model.maturity) return [];
  const m = model.maturity.model ?? fallback();
  const L = MATURITY_LABELS[model.options.locale];
  return model.maturity.scenarios.flatMap((key) => {
    const s = m.scenarios.find((x) => x.key === key);
    return s ? [L.sheet(s.name[model.options.locale])] : [];
  });
}
