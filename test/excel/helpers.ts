import { defaultTree } from "../../src/core/model/default-tree";
import type { IndicatorNode, IndicatorTree } from "../../src/core/model/types";
import { createExcelPort, EXCEL_API_VERSIONS, type ExcelHost } from "../../src/excel";
import type { SyncStats } from "../../src/excel";
import type { CreateWorkbookRequest, WorkbookPort } from "../../src/port";
import { MemoryExcel as FakeExcel } from "../../src/demo/memoryExcel";

export const NOW = new Date("2026-11-25T10:00:00Z");

export function host(fake: FakeExcel, versions: string[] = EXCEL_API_VERSIONS): ExcelHost {
  return { run: fake.run, isSetSupported: (v) => versions.includes(v), platform: () => "OfficeOnline", now: () => NOW };
}

export function portOn(fake: FakeExcel, versions?: string[], stats?: Record<string, SyncStats>): WorkbookPort {
  return createExcelPort({ host: host(fake, versions), onStats: (op, s) => void (stats ? (stats[op] = s) : undefined) });
}

function node(code: string, weight: number | null, children: IndicatorNode[] = []): IndicatorNode {
  return { code, name: { "zh-CN": `指标${code}`, "en-US": `Indicator ${code}` }, weight, required: children.length === 0 && code.endsWith(".1"), children };
}

/** 5 dimensions × 8 sub-dimensions × 5 leaves = 200 leaves. */
export function bigTree(): IndicatorTree {
  const roots = Array.from({ length: 5 }, (_, d) =>
    node(`${d + 1}`, 20, Array.from({ length: 8 }, (_, s) =>
      node(`${d + 1}.${s + 1}`, 12.5, Array.from({ length: 5 }, (_, l) => node(`${d + 1}.${s + 1}.${l + 1}`, null))))),
  );
  return { id: "big", title: { "zh-CN": "大", "en-US": "Big" }, roots };
}

export function vendors(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `Vendor ${i + 1}`);
}

export function request(over: Partial<CreateWorkbookRequest> = {}): CreateWorkbookRequest {
  return { tree: defaultTree(), vendors: vendors(3), raters: [], locale: "en-US", missing: "exclude", ...over };
}
