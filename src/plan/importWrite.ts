/**
 * Imported ratings into a single-rater workbook, pure: which cells change (with their old values,
 * for the Import log) and the rating rectangle's blocks that write them.
 */
import type { Rating, RatingValue } from "../core/engine/types";
import { rect } from "./a1";
import type { ImportLogEntry, NoteLogEntry } from "./importLog";
import { ratingCell } from "./importLog";
import type { CellBlock, CellValue, RatingsLayout } from "./types";

export type ImportChoice = "keep-existing" | "overwrite";

/** One cell an import changes: what the Import log records (see ImportLogEntry). */
export type ImportEdit = ImportLogEntry;

export interface ImportEdits {
  edits: ImportEdit[];
  /** Conflicts left as they were ("keep-existing"). */
  kept: number;
  /** Incoming ratings equal to the cell. */
  unchanged: number;
  /** Second and later ratings of one cell (several raters in a single-rater workbook): not written. */
  skipped: number;
}

const keyOf = (vendor: string, code: string): string => `${vendor}\u0001${code}`;

/**
 * The cell already holds this rating: the same number, or N/A in any case. Anything else that is
 * not blank — text such as a stray note, "50" typed as text, a number outside 0–100 — is existing
 * content, a conflict the user chooses about (as the pane's preview shows it).
 */
function same(cell: CellValue, v: RatingValue): boolean {
  if (v === "NA") return typeof cell === "string" && /^n\/?a$/i.test(cell.trim());
  return cell === v;
}

/**
 * What an import changes. `cells` holds the current non-blank rating cells by vendor and code
 * (any value, typed text included: a conflict, never silently overwritten). One cell per vendor and leaf: a rater name is logged but
 * does not make another cell. `formulas` holds, by the same key, the rating cells that hold a
 * formula (blank-looking ones included): conflicts are still decided on values, but an edit of
 * such a cell carries its formula so the log can put it back.
 */
export function importEdits(cells: ReadonlyMap<string, CellValue>, incoming: readonly Rating[], choice: ImportChoice, formulas: ReadonlyMap<string, string> = new Map()): ImportEdits {
  const seen = new Set<string>();
  const edits: ImportEdit[] = [];
  let kept = 0;
  let unchanged = 0;
  let skipped = 0;
  for (const r of incoming) {
    const k = keyOf(r.vendor, r.code);
    if (seen.has(k)) {
      skipped++;
      continue;
    }
    seen.add(k);
    const old = cells.get(k) ?? null;
    const rater = r.rater !== undefined && r.rater !== "" ? { rater: r.rater } : {};
    const formula = formulas.get(k);
    const oldFormula = formula !== undefined ? { oldFormula: formula } : {};
    if (old === null) edits.push({ vendor: r.vendor, code: r.code, ...rater, oldValue: null, ...oldFormula, newValue: r.value, action: "added" });
    else if (same(old, r.value)) unchanged++;
    else if (choice === "keep-existing") kept++;
    else edits.push({ vendor: r.vendor, code: r.code, ...rater, oldValue: old, ...oldFormula, newValue: r.value, action: "overwritten" });
  }
  return { edits, kept, unchanged, skipped };
}

/**
 * What an import changes in the notes grid (issue #14). `current` holds the non-blank reasons by
 * cellKey. An empty incoming reason never clears one; the same text (trimmed) is unchanged; a
 * different existing reason is a conflict decided by `choice`, as for ratings. The first reason
 * for a cell wins. Texts are written trimmed.
 */
export function noteEdits(
  current: ReadonlyMap<string, string>,
  incoming: readonly { vendor: string; code: string; rater?: string; note: string }[],
  choice: ImportChoice,
): { edits: NoteLogEntry[]; kept: number; unchanged: number } {
  const seen = new Set<string>();
  const edits: NoteLogEntry[] = [];
  let kept = 0;
  let unchanged = 0;
  for (const n of incoming) {
    const text = n.note.trim();
    const k = keyOf(n.vendor, n.code);
    // The row whose rating counts (the first of a cell) gives its reason; a blank one clears nothing.
    if (seen.has(k)) continue;
    seen.add(k);
    if (text === "") continue;
    const old = current.get(k)?.trim() || null;
    const rater = n.rater !== undefined && n.rater !== "" ? { rater: n.rater } : {};
    if (old === text) unchanged++;
    else if (old !== null && choice === "keep-existing") kept++;
    else edits.push({ vendor: n.vendor, code: n.code, ...rater, oldValue: old, newValue: text });
  }
  return { edits, kept, unchanged };
}

/** Map key for `importEdits`' cells. */
export function cellKey(vendor: string, code: string): string {
  return keyOf(vendor, code);
}

/**
 * The formula a cell holds, from its `values` and `formulas` as Office.js reads them (`formulas`
 * gives the constant itself for a constant cell): undefined unless `formula` is a text starting
 * with "=" that differs from the value — a text cell holding "=…" (typed with an apostrophe or
 * formatted as text) reads the same text in both and is no formula.
 */
export function cellFormula(value: CellValue | undefined, formula: CellValue | undefined): string | undefined {
  return typeof formula === "string" && formula.startsWith("=") && formula !== value ? formula : undefined;
}

export interface CellWrite {
  vendor: string;
  code: string;
  /** null clears the cell. */
  value: CellValue;
}

/**
 * Blocks writing `writes` into the rating rectangle: per vendor column, runs of consecutive rows;
 * neighbouring columns with the same run become one rectangle. Writes to unknown vendors or
 * non-leaf codes are dropped (returned in `outside`). A later write to a cell wins. `kind`
 * "formulas" when every value written is a formula ("=…", an undo putting formulas back).
 */
export function ratingBlocks(layout: RatingsLayout, writes: readonly CellWrite[], kind: CellBlock["kind"] = "values"): { blocks: CellBlock[]; outside: CellWrite[] } {
  return gridBlocks(layout, layout.firstCol, writes, kind);
}

/** Blocks writing reasons into the notes grid (as ratingBlocks); every write is `outside` on a sheet without one. */
export function noteBlocks(layout: RatingsLayout, writes: readonly CellWrite[]): { blocks: CellBlock[]; outside: CellWrite[] } {
  return layout.notes ? gridBlocks(layout, layout.notes.firstCol, writes, "values") : { blocks: [], outside: [...writes] };
}

/** Blocks for a vendor × leaf grid whose first vendor column is `firstCol`. */
function gridBlocks(layout: RatingsLayout, firstCol: number, writes: readonly CellWrite[], kind: CellBlock["kind"]): { blocks: CellBlock[]; outside: CellWrite[] } {
  const colOf = new Map(layout.vendors.map((v, i) => [v, firstCol + i]));
  const rowOf = new Map(layout.rows.filter((r) => r.leaf).map((r) => [r.code, r.row]));
  const cells = new Map<number, Map<number, CellValue>>();
  const outside: CellWrite[] = [];
  for (const w of writes) {
    const col = colOf.get(w.vendor);
    const row = rowOf.get(w.code);
    if (col === undefined || row === undefined) {
      outside.push(w);
      continue;
    }
    let m = cells.get(col);
    if (!m) cells.set(col, (m = new Map()));
    m.set(row, w.value);
  }
  // runs by column, then merged across neighbouring columns with identical runs
  const runs = new Map<string, { r1: number; r2: number; cols: number[] }>();
  for (const col of [...cells.keys()].sort((a, b) => a - b)) {
    const rows = [...(cells.get(col) as Map<number, CellValue>).keys()].sort((a, b) => a - b);
    for (let i = 0; i < rows.length; ) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
      const id = `${rows[i]}:${rows[j]}`;
      const run = runs.get(id);
      if (run) run.cols.push(col);
      else runs.set(id, { r1: rows[i], r2: rows[j], cols: [col] });
      i = j + 1;
    }
  }
  const blocks: CellBlock[] = [];
  for (const { r1, r2, cols } of runs.values()) {
    for (let i = 0; i < cols.length; ) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
      const out: CellValue[][] = [];
      for (let r = r1; r <= r2; r++) {
        const line: CellValue[] = [];
        for (let c = cols[i]; c <= cols[j]; c++) line.push(cells.get(c)?.get(r) ?? null);
        out.push(line);
      }
      blocks.push({ address: rect(r1, cols[i], r2, cols[j]), kind, cells: out });
      i = j + 1;
    }
  }
  return { blocks, outside };
}

/** The cell value of an imported rating ("NA" → "N/A"). */
export function importedCell(v: RatingValue): CellValue {
  return ratingCell(v);
}
