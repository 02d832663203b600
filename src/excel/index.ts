export { createExcelPort, officeHost, EXCEL_API_VERSIONS, type ExcelHost, type ExcelPortOptions } from "./port";
export { applyPlan, type ApplyOptions, type ApplyResult } from "./applyPlan";
export { probeWorkbook, readScorecard, type WorkbookState, type ExistingSheet, type Scorecard } from "./readBack";
export { Syncer, REQUEST_BUDGET, type SyncStats } from "./batch";
export { ScorecardError } from "./errors";
