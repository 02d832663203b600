/**
 * Chooses the WorkbookPort for the pane. index.tsx tells whether Office says the host is Excel.
 * Outside Excel the pane runs the same adapter over an in-memory workbook (src/demo), loaded on
 * demand, so inside Excel it is never downloaded.
 */
import type { WorkbookPort } from "../port";

export interface PortChoice {
  port: WorkbookPort;
  /** True for the in-memory demo workbook: the pane shows "Not running inside Excel — demo data". */
  demo: boolean;
}

export async function createPort(host: { inExcel: boolean }): Promise<PortChoice> {
  if (host.inExcel) {
    const { createExcelPort } = await import(/* webpackChunkName: "excel" */ "../excel");
    return { port: createExcelPort(), demo: false };
  }
  const { createDemoPort } = await import(/* webpackChunkName: "demo" */ "../demo");
  return { port: createDemoPort({ demoRatings: true, delayMs: 150 }), demo: true };
}
