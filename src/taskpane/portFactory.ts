/**
 * Chooses the WorkbookPort for the pane. index.tsx tells whether Office says the host is Excel.
 * The fake port is loaded on demand, so inside Excel it is never downloaded.
 */
import type { WorkbookPort } from "../port";

export interface PortChoice {
  port: WorkbookPort;
  /** True for the in-memory demo port: the pane shows "Not running inside Excel — demo data". */
  demo: boolean;
}

export async function createPort(host: { inExcel: boolean }): Promise<PortChoice> {
  if (host.inExcel) {
    const { createExcelPort } = await import(/* webpackChunkName: "excel" */ "../excel");
    return { port: createExcelPort(), demo: false };
  }
  const { createFakePort } = await import(/* webpackChunkName: "demo" */ "./fakePort");
  return { port: createFakePort({ demoRatings: true, delayMs: 120 }), demo: true };
}
