import type { WorkbookPlan } from "../plan/types";
import { addPackageParts } from "./packageParts";
import { planToWorkbook } from "./writePlan";

/** The complete .xlsx for a plan: ExcelJS for sheets, then charts and names added to the package. */
export async function writeXlsx(plan: WorkbookPlan): Promise<Buffer> {
  const wb = await planToWorkbook(plan);
  const raw = await wb.xlsx.writeBuffer();
  return addPackageParts(Buffer.from(raw as ArrayBuffer), plan);
}
