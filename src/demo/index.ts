export { createDemoPort, typeDemoRatings, type DemoPort, type DemoPortOptions } from "./demoPort";
export { MemoryExcel, officeError, EXCEL_REQUEST_LIMIT, type Call, type MemoryCell, type MemorySheet, type Scalar } from "./memoryExcel";
export { recalculate, resultsRows } from "./recalc";
