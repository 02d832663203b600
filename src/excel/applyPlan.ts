import { uniqueSheetName, type SheetPlan, type SheetVisibility, type WorkbookPlan } from "../plan";
import type { ProgressStep } from "../port";
import { parseRangeRef } from "./address";
import { estimate, newStats, OpList, runOps, Syncer, type SyncStats } from "./batch";
import { sheetOps } from "./applySheet";
import { nameClash, sheetClash } from "./errors";
import { noteText, type CreateNote } from "./notes";
import { ASIDE_PREFIX, probeWorkbook, type WorkbookState } from "./readBack";

export interface ApplyOptions {
  /** Whether the host supports ExcelApi `version`; default: everything. */
  supports?(version: string): boolean;
  /** Sheets and names already in the workbook (from probeWorkbook); probed with one sync when absent. */
  state?: WorkbookState;
  /** Existing sheets of the scorecard being replaced (known from its stored model): deleted and rewritten. */
  scorecardSheets?: string[];
  /** Sheet and cell to show when done. */
  activate?: { sheet: string; address: string };
  /** Shares sync counting with the caller's earlier reads. */
  syncer?: Syncer;
  signal?: AbortSignal;
  onProgress?(fraction: number, step: ProgressStep): void;
}

export interface ApplyResult {
  /** Sheet names written, in plan order. */
  sheets: string[];
  /** Features skipped because the host lacks their requirement set, in English. */
  notes: string[];
  /** The same, as codes for the pane to word. */
  noteCodes: CreateNote[];
  stats: SyncStats;
}

const VISIBILITY: Record<SheetVisibility, "Visible" | "Hidden" | "VeryHidden"> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

/**
 * Applies a workbook plan with as few `context.sync()` calls as the 4 MB request budget allows:
 * everything is queued and sent in one request unless it would be too big. Sheets of the plan may
 * only replace sheets of the scorecard (`scorecardSheets`); any other sheet with a clashing name
 * stops the whole operation before anything is written.
 */
export async function applyPlan(context: Excel.RequestContext, plan: WorkbookPlan, opts: ApplyOptions = {}): Promise<ApplyResult> {
  const supports = opts.supports ?? ((): boolean => true);
  const syncer = opts.syncer ?? new Syncer(context, newStats(), opts.signal);
  const state = opts.state ?? (await probeWorkbook(context, syncer));
  const notes: string[] = [];
  const noteCodes: CreateNote[] = [];
  const note = (n: CreateNote): void => {
    const m = noteText(n);
    if (notes.includes(m)) return;
    notes.push(m);
    noteCodes.push(n);
  };

  const existing = new Map(state.sheets.map((s) => [s.name.toLowerCase(), s]));
  const replaced = state.sheets.filter((s) => (opts.scorecardSheets ?? []).some((n) => n.toLowerCase() === s.name.toLowerCase()));
  const replacedKeys = new Set(replaced.map((s) => s.name.toLowerCase()));
  for (const sheet of plan.sheets) {
    const clash = existing.get(sheet.name.toLowerCase());
    if (clash && !replacedKeys.has(clash.name.toLowerCase())) throw sheetClash(clash.name);
  }
  const planNames = new Set(plan.names.map((n) => n.name.toLowerCase()));
  const oldNames = state.names.filter((n) => planNames.has(n.toLowerCase()));
  if (oldNames.length > 0 && replaced.length === 0) throw nameClash(oldNames[0]);

  const ops = new OpList();
  const workbook = context.workbook;
  const proxies = new Map<string, Excel.Worksheet>();
  const sheetOf = (name: string): Excel.Worksheet => proxies.get(name) ?? workbook.worksheets.getItem(name);
  const rangeOf = (ref: string): Excel.Range => {
    const { sheet, address } = parseRangeRef(ref);
    return sheetOf(sheet).getRange(address);
  };

  for (const old of replaced) {
    if (old.protected) {
      const password = plan.sheets.find((s) => s.name.toLowerCase() === old.name.toLowerCase())?.protection.password ?? undefined;
      ops.push(estimate(2), () => workbook.worksheets.getItem(old.name).protection.unprotect(password));
    }
  }
  for (const name of oldNames) ops.push(estimate(2, name), () => workbook.names.getItem(name).delete());

  // The old sheets step aside under temporary names and are deleted only once the new ones are
  // written, so no new formula binds to an old sheet and a failed or cancelled request loses nothing.
  const taken = [...state.sheets.map((s) => s.name), ...plan.sheets.map((s) => s.name)];
  const asideName = new Map<string, string>();
  for (const old of replaced) {
    const aside = uniqueSheetName(`${ASIDE_PREFIX}${old.name}`, taken);
    taken.push(aside);
    asideName.set(old.name, aside);
    ops.push(estimate(2, aside), () => void (workbook.worksheets.getItem(old.name).name = aside));
  }
  for (const sheet of plan.sheets) ops.push(estimate(1, sheet.name), () => void proxies.set(sheet.name, workbook.worksheets.add(sheet.name)));

  const env = { rangeOf, styles: plan.styles, supports, note, font: plan.font };
  // Ratings, archive and the stored model first: if a split request stops half-way, the next run
  // finds a scorecard holding every rating (and may drop the old sheets left aside).
  const FIRST: SheetPlan["key"][] = ["ratings", "archive", "model"];
  const rank = (s: SheetPlan): number => (FIRST.includes(s.key) ? FIRST.indexOf(s.key) : FIRST.length);
  const contentOrder = [...plan.sheets].sort((a, b) => rank(a) - rank(b));
  for (const sheet of contentOrder) sheetOps(sheet, { ...env, sheet: () => sheetOf(sheet.name) }, ops);
  for (const sheet of plan.sheets) {
    if (sheet.visibility !== "visible") ops.push(estimate(1), () => void (sheetOf(sheet.name).visibility = VISIBILITY[sheet.visibility]));
  }
  if (plan.names.length > 0) {
    if (supports("1.4")) {
      for (const n of plan.names) ops.push(estimate(1, n), () => void workbook.names.add(n.name, `=${n.ref}`, n.comment));
    } else note({ code: "named-ranges", version: "1.4" });
  }
  for (const old of replaced) {
    const aside = asideName.get(old.name) as string;
    ops.push(estimate(3, aside), () => {
      const ws = workbook.worksheets.getItem(aside);
      // Excel refuses to delete a very hidden sheet.
      if (old.visibility === "VeryHidden") ws.visibility = "Hidden";
      ws.delete();
    });
  }
  if (opts.activate) {
    const { sheet, address } = opts.activate;
    ops.push(estimate(3, opts.activate), () => {
      const ws = sheetOf(sheet);
      ws.activate();
      ws.getRange(address).select();
    });
  }
  for (const sheet of plan.sheets) protectOps(sheet, () => sheetOf(sheet.name), supports, note, ops);

  await runOps(syncer, ops.ops, {
    beforeBatch: () => (supports("1.6") ? { bytes: estimate(1), run: () => context.application.suspendApiCalculationUntilNextSync() } : null),
    onBatch: (done, total) => opts.onProgress?.(total === 0 ? 1 : done / total, "format"),
  });
  return { sheets: plan.sheets.map((s) => s.name), notes, noteCodes, stats: syncer.stats };
}

/** Protection goes last: nothing may be written to a sheet after it. */
export function protectOps(sheet: SheetPlan, ws: () => Excel.Worksheet, supports: (v: string) => boolean, note: (n: CreateNote) => void, ops: OpList): void {
  const p = sheet.protection;
  if (!p.protect) return;
  let password = p.password ?? undefined;
  if (password !== undefined && !supports("1.7")) {
    note({ code: "password", sheet: sheet.name, version: "1.7" });
    password = undefined;
  }
  const options: Excel.WorksheetProtectionOptions = {
    allowFormatColumns: p.allowFormatColumns,
    allowFormatRows: p.allowFormatRows,
    allowSort: p.allowSort,
    allowAutoFilter: p.allowAutoFilter,
  };
  ops.push(estimate(1, options), () => ws().protection.protect(options, password));
}
