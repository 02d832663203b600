/**
 * Imported ratings into the workbook (Excel adapter on the recording fake): context.sync() count,
 * request and response sizes for writing 10,000 and 100,000 ratings, overwriting, new vendors,
 * undo and listing the Import log, and merging a returned rater copy (logged, undone) into a
 * panel. Target: a constant number of syncs, every request and response < 4 MB. Figures only.
 */
import type { Rating } from "../../src/core/engine";
import { leaves } from "../../src/core/model/tree";
import { createExcelPort, type SyncStats } from "../../src/excel";
import type { ReturnedCopyPreview, WorkbookPort } from "../../src/port";
import { MemoryExcel as FakeExcel } from "../../src/demo/memoryExcel";
import { bigTree, host, vendors } from "../../test/excel/helpers";
import { line } from "../util";

const size = (bytes: number): string => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} kB`);

async function measure<T>(fake: FakeExcel, label: string, call: (port: WorkbookPort) => Promise<T>): Promise<T> {
  let stats: SyncStats | undefined;
  const port = createExcelPort({ host: host(fake), onStats: (_op, s) => void (stats = s) });
  const from = fake.requestBytes.length;
  const t0 = process.hrtime.bigint();
  const result = await call(port);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const sent = fake.requestBytes.slice(from);
  const total = sent.reduce((a, b) => a + b, 0);
  const estimated = Math.max(0, ...(stats?.requests ?? []));
  line(
    label,
    `${sent.length} syncs · largest request ${size(Math.max(0, ...sent))} (estimate ${size(estimated)}) · total ${size(total)} · largest response ${size(Math.max(0, ...fake.responseBytes.slice(from)))} · ${ms.toFixed(0)} ms`,
  );
  return result;
}

async function scenario(vendorCount: number): Promise<void> {
  const tree = bigTree();
  const codes = leaves(tree).map((l) => l.node.code);
  const names = vendors(vendorCount);
  const n = vendorCount * codes.length;
  const ratings = (offset: number, who = names): Rating[] => who.flatMap((vendor, v) => codes.map((code, i) => ({ vendor, code, value: (v + i + offset) % 101 })));
  const fake = new FakeExcel();
  await createExcelPort({ host: host(fake) }).createWorkbook({ tree, vendors: names, raters: [], locale: "en-US", missing: "exclude" });
  const label = `${n.toLocaleString("en-US")} ratings (${vendorCount} vendors × ${codes.length} leaves)`;
  const first = await measure(fake, `import ${label} into empty cells`, (p) => p.importRatings({ ratings: ratings(0), choice: "keep-existing", sourceFile: "a.csv", newVendors: [] }));
  await measure(fake, `import ${label}, all conflicts, keep existing`, (p) => p.importRatings({ ratings: ratings(1), choice: "keep-existing", sourceFile: "b.csv", newVendors: [] }));
  const over = await measure(fake, `import ${label}, all conflicts, overwrite`, (p) => p.importRatings({ ratings: ratings(1), choice: "overwrite", sourceFile: "c.csv", newVendors: [] }));
  await measure(fake, `list imports (log of 2 imports, ${(2 * n).toLocaleString("en-US")} ratings)`, (p) => p.listImports());
  await measure(fake, `undo the overwrite of ${label}`, (p) => p.undoImport(over.importId));
  await measure(fake, `undo the import into empty cells of ${label}`, (p) => p.undoImport(first.importId));
}

/** A returned copy as the preview hands it to applyReturnedCopy (reading the .xlsx is not the adapter's cost). */
function copyOf(rater: string, ratings: Rating[]): ReturnedCopyPreview {
  const preview = { rowsRead: ratings.length, unit: "cell" as const, accepted: ratings.length, rejected: 0, newVendors: [], added: ratings.length, unchanged: 0, conflicts: [] };
  return { rater, knownRater: true, sourceFile: `${rater}.xlsx`, ok: true, preview, extraVendors: [], unknownCodes: [], unplacedRows: 0, warnings: [], ratings, notes: [], notePreview: { added: 0, unchanged: 0, conflicts: 0 } };
}

async function merge(vendorCount: number): Promise<void> {
  const tree = bigTree();
  const codes = leaves(tree).map((l) => l.node.code);
  const names = vendors(vendorCount);
  const fake = new FakeExcel();
  await createExcelPort({ host: host(fake) }).createWorkbook({ tree, vendors: names, raters: ["Ann", "Bo"], locale: "en-US", missing: "exclude" });
  const ratings = (offset: number): Rating[] => names.flatMap((vendor, v) => codes.map((code, i) => ({ vendor, code, rater: "Ann", value: (v + i + offset) % 101 })));
  const label = `${(vendorCount * codes.length).toLocaleString("en-US")} ratings of Ann's returned copy`;
  await measure(fake, `merge ${label} into empty cells`, (p) => p.applyReturnedCopy(copyOf("Ann", ratings(0)), "keep-existing"));
  const over = await measure(fake, `merge ${label}, all conflicts, overwrite`, (p) => p.applyReturnedCopy(copyOf("Ann", ratings(1)), "overwrite"));
  await measure(fake, `list imports and merges`, (p) => p.listImports());
  await measure(fake, `undo the overwriting merge of ${label}`, (p) => p.undoImport(over.importId as string));
}

async function newVendors(count: number): Promise<void> {
  const tree = bigTree();
  const codes = leaves(tree).map((l) => l.node.code);
  const fake = new FakeExcel();
  await createExcelPort({ host: host(fake) }).createWorkbook({ tree, vendors: ["Old"], raters: [], locale: "en-US", missing: "exclude" });
  const names = vendors(count);
  const ratings: Rating[] = names.flatMap((vendor, v) => codes.map((code, i) => ({ vendor, code, value: (v + i) % 101 })));
  await measure(fake, `import ${ratings.length.toLocaleString("en-US")} ratings of ${count} new vendors (rebuild)`, (p) =>
    p.importRatings({ ratings, choice: "keep-existing", sourceFile: "new.csv", newVendors: names }),
  );
}

export async function bench(): Promise<void> {
  console.log("targets: constant syncs whatever the number of ratings; every request < 4 MB (Excel on the web: 5 MB, also for responses)");
  await scenario(50);
  await scenario(500);
  await newVendors(50);
  await merge(50);
  await merge(500);
}
