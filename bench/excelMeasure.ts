/** Port operations measured on the recording Excel fake: syncs, request and response sizes. */
import { createExcelPort, type SyncStats } from "../src/excel";
import { OpList } from "../src/excel/batch";
import { sheetOps } from "../src/excel/applySheet";
import type { SheetPlan, WorkbookPlan } from "../src/plan";
import type { WorkbookPort } from "../src/port";
import type { MemoryExcel as FakeExcel } from "../src/demo/memoryExcel";
import { host } from "../test/excel/helpers";
import { line } from "./util";

export const size = (bytes: number): string => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} kB`);

export async function measure(fake: FakeExcel, label: string, call: (port: WorkbookPort) => Promise<unknown>): Promise<void> {
  let stats: SyncStats | undefined;
  const port = createExcelPort({ host: host(fake), onStats: (_op, s) => void (stats = s) });
  const from = fake.requestBytes.length;
  const t0 = process.hrtime.bigint();
  await call(port);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const sent = fake.requestBytes.slice(from);
  const largest = Math.max(0, ...sent);
  const total = sent.reduce((a, b) => a + b, 0);
  const estimated = Math.max(0, ...(stats?.requests ?? []));
  const response = Math.max(0, ...fake.responseBytes.slice(from));
  line(label, `${sent.length} syncs · largest request ${size(largest)} (adapter's estimate ${size(estimated)}) · total ${size(total)} · largest response ${size(response)} · ${ms.toFixed(0)} ms`);
}

/**
 * The adapter's request estimate of a plan's sheet contents, by sheet key and part (cells =
 * blocks, i.e. values, formula fills and A1 formulas; formats; the rest), to see what fills
 * the requests. Sheets sharing a key (a panel's rater sheets) are summed.
 */
export function queuedBySheet(plan: WorkbookPlan): { key: string; sheets: number; cells: number; formats: number; other: number }[] {
  const bytes = (sheet: SheetPlan): number => {
    const out = new OpList();
    const env = { sheet: () => ({}) as Excel.Worksheet, rangeOf: () => ({}) as Excel.Range, styles: plan.styles, supports: () => true, note: () => undefined };
    sheetOps(sheet, env, out);
    return out.ops.reduce((a, o) => a + o.bytes, 0);
  };
  const rows = new Map<string, { key: string; sheets: number; cells: number; formats: number; other: number }>();
  for (const sheet of plan.sheets) {
    const all = bytes(sheet);
    const cells = bytes({ ...sheet, columns: [], formats: [], rowGroups: [], validations: [], conditionalFormats: [], merges: [], charts: [], tabColor: undefined, freeze: { rows: 0, columns: 0 } });
    const formats = bytes({ ...sheet, columns: [], blocks: [], rowGroups: [], validations: [], conditionalFormats: [], merges: [], charts: [], tabColor: undefined, freeze: { rows: 0, columns: 0 } });
    const row = rows.get(sheet.key) ?? { key: sheet.key, sheets: 0, cells: 0, formats: 0, other: 0 };
    row.sheets++;
    row.cells += cells;
    row.formats += formats;
    row.other += all - cells - formats;
    rows.set(sheet.key, row);
  }
  return [...rows.values()].sort((a, b) => b.cells + b.formats + b.other - (a.cells + a.formats + a.other));
}
