import { absRect, sheetRef } from "./a1";
import { emptySheet, MODEL_SHEET_NAME, protection } from "./context";
import { block } from "./grid";
import { MODEL_SCHEMA_VERSION, type CellValue, type NamedRangePlan, type SheetPlan, type StoredModel } from "./types";

/** Max characters per cell written (Excel's limit is 32,767). */
export const MODEL_CHUNK = 30000;
const MAGIC = "vendor-scorecard-model";

/** JSON of the model split into cells. Column A: magic, schema version, chunk count, chunks. */
export function modelCells(model: StoredModel): CellValue[][] {
  const json = JSON.stringify(model);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += MODEL_CHUNK) chunks.push(json.slice(i, i + MODEL_CHUNK));
  return [[MAGIC], [MODEL_SCHEMA_VERSION], [chunks.length], ...chunks.map((c) => [c])];
}

/** The very hidden, protected sheet holding the model, and its name SC_Model. */
export function modelSheet(model: StoredModel, protect: boolean, password: string | null): { sheet: SheetPlan; name: NamedRangePlan } {
  const sheet = emptySheet("model", MODEL_SHEET_NAME, "veryHidden", protection(protect, password, false));
  const cells = modelCells(model);
  sheet.blocks.push(...block(1, 1, "values", cells));
  sheet.formats.push({ ranges: [`A1:A${cells.length}`], numberFormat: "@" });
  return { sheet, name: { name: "SC_Model", ref: sheetRef(MODEL_SHEET_NAME, absRect(1, 1, cells.length, 1)) } };
}

/** Reads the model back from the sheet's column A values (as read by an adapter); null if absent or foreign. */
export function readStoredModel(columnA: CellValue[]): StoredModel | null {
  if (columnA[0] !== MAGIC) return null;
  const count = Number(columnA[2]);
  if (!Number.isInteger(count) || count < 1) return null;
  const json = columnA.slice(3, 3 + count).map((c) => (c === null ? "" : String(c))).join("");
  try {
    const parsed = JSON.parse(json) as StoredModel;
    return parsed.kind === "vendor-scorecard" ? parsed : null;
  } catch {
    return null;
  }
}
