/** Test-only: evaluates a workbook plan with HyperFormula (GPL, devDependency; never imported from src/). */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { parseCell, parseRect } from "../../src/plan/a1";
import type { CellValue, WorkbookPlan } from "../../src/plan";

export interface HfBook {
  hf: HyperFormula;
  sheetId: (name: string) => number;
  get: (sheet: string, a1: string) => CellValue;
  set: (sheet: string, a1: string, value: RawCellContent) => void;
  /** Applies many edits in one batch (one recalculation). */
  batch: (fn: () => void) => void;
}

export function hfFromPlan(plan: WorkbookPlan): HfBook {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const sheet of plan.sheets) {
    if (sheet.key === "model") continue;
    const grid: RawCellContent[][] = [];
    for (const b of sheet.blocks) {
      const { r1, c1 } = parseRect(b.address);
      b.cells.forEach((row, i) => {
        const target = (grid[r1 - 1 + i] ??= []);
        row.forEach((v, j) => {
          target[c1 - 1 + j] = v;
        });
      });
    }
    for (let i = 0; i < grid.length; i++) grid[i] ??= [];
    sheets[sheet.name] = grid;
  }
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false });
  const sheetId = (name: string): number => {
    const id = hf.getSheetId(name);
    if (id === undefined) throw new Error(`no sheet ${name}`);
    return id;
  };
  const address = (sheet: string, a1: string): { sheet: number; row: number; col: number } => {
    const { row, col } = parseCell(a1);
    return { sheet: sheetId(sheet), row: row - 1, col: col - 1 };
  };
  return {
    hf,
    sheetId,
    get: (sheet, a1) => {
      const v = hf.getCellValue(address(sheet, a1));
      if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
      throw new Error(`${sheet}!${a1}: ${String((v as { value?: unknown }).value ?? v)}`);
    },
    set: (sheet, a1, value) => {
      hf.setCellContents(address(sheet, a1), [[value]]);
    },
    batch: (fn) => {
      hf.batch(fn);
    },
  };
}
