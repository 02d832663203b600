import { colLetter } from "../plan";
import type { CellValue } from "../plan";
import type { SnapshotNote, WorkbookSnapshot } from "../port";
import { noteCells, type Scorecard } from "./readBack";

/**
 * The reasons of a scorecard's notes grids (issue #14) for the snapshot, and where every notes
 * cell is: nothing when the ratings sheets have none (workbooks made before it). Each rating
 * sheet is read as it stands (a panel: every rater's sheet that was read).
 */
export function notesSnapshot(card: Scorecard): Pick<WorkbookSnapshot, "notes" | "notesGrid"> {
  const layout = card.plan.layout.ratings;
  const grid = layout.notes;
  if (!grid) return {};
  const sheets = card.panel
    ? card.panel.raters.flatMap((r) => (r.grid ? [{ rater: r.rater as string | undefined, sheet: r.sheet, grid: r.grid }] : []))
    : card.grids.ratings
      ? [{ rater: undefined, sheet: card.grids.ratings.sheet, grid: card.grids.ratings.grid }]
      : [];
  const notes: SnapshotNote[] = [];
  for (const s of sheets) {
    for (const c of noteCells(s.grid, layout)) {
      if (c.text !== "") notes.push({ vendor: c.vendor, code: c.code, ...(s.rater !== undefined ? { rater: s.rater } : {}), text: c.text, sheet: s.sheet, address: c.address });
    }
  }
  const columns: Record<string, string> = {};
  layout.vendors.forEach((v, i) => (columns[v] = colLetter(grid.firstCol + i)));
  const rows: Record<string, number> = {};
  for (const r of layout.rows) if (r.leaf) rows[r.code] = r.row;
  return { notes, notesGrid: { sheets: Object.fromEntries(sheets.map((s) => [s.rater ?? "", s.sheet])), columns, rows } };
}

/** The panel's spread threshold as typed on Consolidated, when it is a number. */
export function spreadThresholdOf(card: Scorecard): Pick<WorkbookSnapshot, "spreadThreshold"> {
  const v: CellValue | undefined = card.panel?.spreadThreshold;
  return typeof v === "number" && Number.isFinite(v) ? { spreadThreshold: v } : {};
}
