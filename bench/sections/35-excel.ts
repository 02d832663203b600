/**
 * Excel adapter: context.sync() count and request sizes per port operation, on the recording fake
 * (test/excel/fakeExcel.ts). Bytes are the JSON size of the calls queued between two syncs.
 * Targets: ≤ 3 syncs for create, < 4 MB per request (Excel on the web refuses 5 MB). Figures only.
 */
import { defaultTree } from "../../src/core/model/default-tree";
import type { IndicatorTree } from "../../src/core/model/types";
import { createExcelPort } from "../../src/excel";
import { MemoryExcel as FakeExcel } from "../../src/demo/memoryExcel";
import { bigTree, host, vendors } from "../../test/excel/helpers";
import { line, timeItAsync } from "../util";
import { measure } from "../excelMeasure";

async function scenario(name: string, tree: IndicatorTree, n: number): Promise<void> {
  const fake = new FakeExcel();
  const request = { tree, vendors: vendors(n), raters: [], locale: "en-US" as const, missing: "exclude" as const };
  await measure(fake, `create ${name}`, (p) => p.createWorkbook(request));
  await measure(fake, `read ${name}`, (p) => p.readWorkbook());
  // The fake computes no formulas: give Results the values Excel would show.
  fake.put("Results", "A5", request.vendors.map((v, i) => [v, 80 - i / 10, i + 1]));
  await measure(fake, `freeze ${name}`, (p) => p.freezeResults());
  await measure(fake, `apply weights ${name}`, (p) => p.applyWeights(tree));
  await measure(fake, `re-create over it ${name}`, (p) => p.createWorkbook(request));
}

export async function bench(): Promise<void> {
  console.log("targets: create ≤ 3 syncs; every request < 4 MB (Excel on the web: 5 MB)");
  await scenario("20 vendors × default tree", defaultTree(), 20);
  await scenario("100 vendors × 200 leaves", bigTree(), 100);
  const { ms } = await timeItAsync(() => createExcelPort({ host: host(new FakeExcel()) }).createWorkbook({ tree: bigTree(), vendors: vendors(100), raters: [], locale: "en-US", missing: "exclude" }), 3);
  line("adapter CPU, create 100 × 200 on the fake (best of 3)", `${ms.toFixed(0)} ms`);
}
