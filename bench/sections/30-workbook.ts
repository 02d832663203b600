import type { IndicatorNode, IndicatorTree } from "../../src/core/model";
import { defaultTree } from "../../src/core/model";
import { buildPlan, type WorkbookPlan } from "../../src/plan";
import { writeXlsx } from "../../src/xlsx";
import { line, mb, timeIt, timeItAsync } from "../util";

function node(code: string, weight: number | null, children: IndicatorNode[] = []): IndicatorNode {
  return { code, name: { "zh-CN": `指标${code}`, "en-US": `Indicator ${code}` }, weight, required: true, children };
}

/** 5 dimensions × 8 sub-dimensions × 5 leaves = 200 leaves. */
function syntheticTree(): IndicatorTree {
  const roots = Array.from({ length: 5 }, (_, d) =>
    node(`${d + 1}`, 20, Array.from({ length: 8 }, (_, s) =>
      node(`${d + 1}.${s + 1}`, 12.5, Array.from({ length: 5 }, (_, l) => node(`${d + 1}.${s + 1}.${l + 1}`, null))))),
  );
  return { id: "bench", title: { "zh-CN": "基准", "en-US": "Bench" }, roots };
}

function size(plan: WorkbookPlan): { cells: number; formulas: number; json: number } {
  let cells = 0;
  let formulas = 0;
  for (const s of plan.sheets) {
    for (const b of s.blocks) {
      for (const v of b.cells.flat()) {
        if (v === null) continue;
        cells++;
        if (b.kind === "formulas" && typeof v === "string") formulas++;
      }
    }
  }
  return { cells, formulas, json: Buffer.byteLength(JSON.stringify(plan)) };
}

export async function bench(): Promise<void> {
  const cases: [string, IndicatorTree, number][] = [
    ["20 vendors × default tree (49 leaves)", defaultTree(), 20],
    ["100 vendors × 200 leaves", syntheticTree(), 100],
  ];
  for (const [label, tree, n] of cases) {
    const vendors = Array.from({ length: n }, (_, i) => `Vendor ${i + 1}`);
    const built = timeIt(() => buildPlan({ tree, vendors, createdAt: "2026-01-01T00:00:00.000Z" }), 5);
    const s = size(built.result);
    line(`${label}: plan build`, `${built.ms.toFixed(1)} ms`);
    line(`${label}: plan cells / formulas`, `${s.cells.toLocaleString("en-US")} / ${s.formulas.toLocaleString("en-US")}`);
    line(`${label}: plan JSON`, mb(s.json));
    const xlsx = await timeItAsync(() => writeXlsx(built.result), 2);
    line(`${label}: xlsx write (ExcelJS + charts)`, `${xlsx.ms.toFixed(0)} ms, ${mb(xlsx.result.length)}`);
  }
}
