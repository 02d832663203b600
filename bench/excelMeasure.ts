/** Port operations measured on the recording Excel fake: syncs, request and response sizes. */
import { createExcelPort, type SyncStats } from "../src/excel";
import type { WorkbookPort } from "../src/taskpane/port";
import type { FakeExcel } from "../test/excel/fakeExcel";
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
