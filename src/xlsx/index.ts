export { writeXlsx } from "./writeXlsx";
export { planToWorkbook } from "./writePlan";
export { addPackageParts } from "./packageParts";
export { chartXml, drawingXml } from "./chartXml";
