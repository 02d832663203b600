import ExcelJS from "exceljs";
import { parseRect } from "../plan/a1";
import type { CellValue, ConditionalFormatPlan, PrintPlan, SheetPlan, ValidationPlan, WorkbookPlan } from "../plan/types";
import { mergeFormat, toExcelStyle, type CellFormat } from "./cellStyle";

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;

function colRange(spec: string): [number, number] {
  const [a, b = a] = spec.split(":");
  const r = parseRect(`${a}1:${b}1`);
  return [r.c1, r.c2];
}

function writeBlocks(ws: ExcelJS.Worksheet, sheet: SheetPlan): void {
  for (const b of sheet.blocks) {
    const { r1, c1 } = parseRect(b.address);
    b.cells.forEach((row, i) => {
      const wsRow = ws.getRow(r1 + i);
      row.forEach((v: CellValue, j) => {
        if (v === null) return;
        const cell = wsRow.getCell(c1 + j);
        // ExcelJS stores a JS string as a text cell whatever its first character, so
        // literal text such as "=cmd" stays text; only formula blocks make formulas.
        cell.value = b.kind === "formulas" && typeof v === "string" && v.startsWith("=") ? { formula: v.slice(1) } : v;
      });
    });
  }
}

function writeFormats(ws: ExcelJS.Worksheet, sheet: SheetPlan, plan: WorkbookPlan): void {
  const cells = new Map<string, CellFormat>();
  for (const f of sheet.formats) {
    for (const range of f.ranges) {
      const { r1, c1, r2, c2 } = parseRect(range);
      for (let r = r1; r <= r2; r++) {
        for (let c = c1; c <= c2; c++) {
          const key = `${r},${c}`;
          cells.set(key, mergeFormat(cells.get(key), f, plan.styles));
        }
      }
    }
  }
  for (const [key, f] of cells) {
    const [r, c] = key.split(",").map(Number);
    ws.getCell(r, c).style = toExcelStyle(f, plan.font);
  }
}

function validation(v: ValidationPlan): ExcelJS.DataValidation {
  const base = {
    allowBlank: v.allowBlank,
    showInputMessage: true,
    promptTitle: v.prompt.title,
    prompt: v.prompt.message,
    showErrorMessage: true,
    errorStyle: v.error.style,
    errorTitle: v.error.title,
    error: v.error.message,
  };
  switch (v.rule.kind) {
    case "custom":
      return { ...base, type: "custom", formulae: [v.rule.formula.replace(/^=/, "")] };
    case "decimal":
      return v.rule.max === undefined
        ? { ...base, type: "decimal", operator: "greaterThanOrEqual", formulae: [v.rule.min] }
        : { ...base, type: "decimal", operator: "between", formulae: [v.rule.min, v.rule.max] };
    case "list":
      return { ...base, type: "list", formulae: [`"${v.rule.values.join(",")}"`] };
  }
}

function conditional(cf: ConditionalFormatPlan, priority: number): ExcelJS.ConditionalFormattingOptions {
  if (cf.kind === "colorScale") {
    return {
      ref: cf.range,
      rules: [{
        type: "colorScale",
        priority,
        cfvo: cf.stops.map((s) => ({ type: s.kind === "number" ? "num" : s.kind, value: s.value })),
        color: cf.stops.map((s) => ({ argb: argb(s.color) })),
      }],
    } as ExcelJS.ConditionalFormattingOptions;
  }
  const style: Partial<ExcelJS.Style> = {};
  if (cf.style.fontColor || cf.style.bold) style.font = { color: cf.style.fontColor ? { argb: argb(cf.style.fontColor) } : undefined, bold: cf.style.bold };
  if (cf.style.fill) style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.style.fill) } };
  return { ref: cf.range, rules: [{ type: "expression", priority, formulae: [cf.formula.replace(/^=/, "")], style }] };
}

const hf = (part?: { left?: string; center?: string; right?: string }): string =>
  part ? `${part.left ? `&L${part.left}` : ""}${part.center ? `&C${part.center}` : ""}${part.right ? `&R${part.right}` : ""}` : "";

/** Page set-up: paper, orientation, one page wide, print area and titles, header/footer, manual breaks. */
function writePrint(ws: ExcelJS.Worksheet, p: PrintPlan): void {
  ws.pageSetup.orientation = p.orientation;
  // ExcelJS's PaperSize enum lacks Letter (1, the OOXML default); both ids are written as given.
  if (p.paper) ws.pageSetup.paperSize = (p.paper === "A4" ? 9 : 1) as ExcelJS.PaperSize;
  if (p.fitToWidth) Object.assign(ws.pageSetup, { fitToPage: true, fitToWidth: p.pagesWide ?? 1, fitToHeight: 0 });
  if (p.area) ws.pageSetup.printArea = p.area;
  if (p.titleRows) ws.pageSetup.printTitlesRow = p.titleRows;
  if (p.titleColumns) ws.pageSetup.printTitlesColumn = p.titleColumns;
  if (p.header || p.footer) ws.headerFooter = { oddHeader: hf(p.header), oddFooter: hf(p.footer) };
  for (const r of p.rowBreaks ?? []) if (r > 1) ws.getRow(r - 1).addPageBreak();
}

async function writeSheet(wb: ExcelJS.Workbook, sheet: SheetPlan, plan: WorkbookPlan): Promise<void> {
  const { rows, columns } = sheet.freeze;
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.visibility,
    properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : undefined,
    views: rows > 0 || columns > 0 ? [{ state: "frozen", xSplit: columns, ySplit: rows }] : [],
  });
  for (const col of sheet.columns) {
    const [a, b] = colRange(col.range);
    for (let c = a; c <= b; c++) {
      ws.getColumn(c).width = col.width;
      if (col.hidden) ws.getColumn(c).hidden = true;
    }
  }
  for (const rh of sheet.rowHeights ?? []) {
    const [a, b = a] = rh.rows.split(":").map(Number);
    for (let r = a; r <= b; r++) ws.getRow(r).height = rh.height;
  }
  if (sheet.print) writePrint(ws, sheet.print);
  writeBlocks(ws, sheet);
  writeFormats(ws, sheet, plan);
  let maxLevel = 0;
  for (const g of sheet.rowGroups) {
    const [a, b] = g.rows.split(":").map(Number);
    for (let r = a; r <= b; r++) {
      const row = ws.getRow(r);
      row.outlineLevel = Math.max(row.outlineLevel ?? 0, g.level);
    }
    maxLevel = Math.max(maxLevel, g.level);
  }
  if (maxLevel > 0) {
    ws.properties.outlineLevelRow = maxLevel;
    ws.properties.outlineProperties = { summaryBelow: false, summaryRight: false };
  }
  // Range validations exist in ExcelJS 4 (worksheet.dataValidations) but are missing from its typings.
  const dv = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of sheet.validations) dv.add(v.range, validation(v));
  sheet.conditionalFormats.forEach((cf, i) => ws.addConditionalFormatting(conditional(cf, i + 1)));
  for (const m of sheet.merges) ws.mergeCells(m);
  if (sheet.autoFilter) ws.autoFilter = sheet.autoFilter;
  const p = sheet.protection;
  if (p.protect) {
    await ws.protect(p.password ?? "", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: p.allowFormatColumns,
      formatRows: p.allowFormatRows,
      sort: p.allowSort,
      autoFilter: p.allowAutoFilter,
    });
  }
}

/** An ExcelJS workbook holding every sheet of the plan (no charts or names: see writeXlsx). */
export async function planToWorkbook(plan: WorkbookPlan): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Vendor Scorecard";
  wb.created = new Date(plan.model.createdAt);
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of plan.sheets) await writeSheet(wb, sheet, plan);
  const first = plan.sheets.findIndex((s) => s.visibility === "visible");
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(first, 0), visibility: "visible" }];
  return wb;
}
