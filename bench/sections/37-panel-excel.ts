/**
 * Excel adapter, panel workbooks: context.sync() count and request sizes for create, read and
 * re-create of a panel (several raters) on the recording fake (test/excel/fakeExcel.ts), with
 * the plan's JSON size for scale and the adapter's estimate of what it queues, by sheet. The Syncer
 * splits writes at its 4 MB budget (Excel on the web refuses 5 MB); reads stay 2 syncs whatever
 * the size. Figures only.
 */
import { defaultTree } from "../../src/core/model/default-tree";
import { buildPlan } from "../../src/plan";
import type { CreateWorkbookRequest } from "../../src/port";
import { MemoryExcel as FakeExcel } from "../../src/demo/memoryExcel";
import { vendors } from "../../test/excel/helpers";
import { line } from "../util";
import { measure, queuedBySheet, size } from "../excelMeasure";

async function scenario(m: number, n: number): Promise<void> {
  const name = `${m} raters × ${n} vendors`;
  const raters = Array.from({ length: m }, (_, i) => `Rater ${i + 1}`);
  const request: CreateWorkbookRequest = { tree: defaultTree(), vendors: vendors(n), raters, locale: "en-US", missing: "exclude", aggregate: "mean" };
  const plan = buildPlan({ tree: request.tree, vendors: request.vendors, raters, options: { locale: "en-US", missing: "exclude", aggregate: "mean" } });
  line(`plan ${name}`, `${plan.sheets.length} sheets · ${size(JSON.stringify(plan).length)} of plan JSON`);
  const queued = queuedBySheet(plan);
  const total = queued.reduce((a, q) => a + q.cells + q.formats + q.other, 0);
  line(`  queued (adapter's estimate) ${name}`, `${size(total)} in all`);
  for (const q of queued.slice(0, 4)) {
    line(`    ${q.key}${q.sheets > 1 ? ` ×${q.sheets}` : ""}`, `cells ${size(q.cells)} · formats ${size(q.formats)} · other ${size(q.other)}`);
  }
  const fake = new FakeExcel();
  await measure(fake, `create ${name}`, (p) => p.createWorkbook(request));
  await measure(fake, `read ${name}`, (p) => p.readWorkbook());
  await measure(fake, `re-create over it ${name}`, (p) => p.createWorkbook(request));
  await measure(fake, `export rater copy ${name}`, (p) => p.exportRaterCopy(raters[0]));
}

export async function bench(): Promise<void> {
  console.log("targets: read 2 syncs; create = 1 probe (+1 read when re-creating) + writes split at 4 MB; every request < 4 MB");
  await scenario(5, 5);
  await scenario(30, 20);
}
