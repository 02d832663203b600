import type { WorkbookPlan } from "../plan/types";
import { addPackagePartsBytes } from "./packageParts";
import { planToWorkbook } from "./writePlan";

/**
 * writeXlsx without Node APIs (no Buffer): the .xlsx as a Uint8Array, for the task pane.
 * ExcelJS's browser build returns its own buffer type from writeBuffer; JSZip takes the bytes.
 */
export async function writeXlsxBytes(plan: WorkbookPlan): Promise<Uint8Array> {
  const wb = await planToWorkbook(plan);
  const raw = await wb.xlsx.writeBuffer();
  const bytes = raw instanceof Uint8Array ? raw : new Uint8Array(raw as ArrayBuffer);
  return addPackagePartsBytes(bytes, plan);
}
