export { writeXlsx } from "./writeXlsx";
export { planToWorkbook } from "./writePlan";
export { addPackageParts, addPackagePartsBytes } from "./packageParts";
export { writeXlsxBytes } from "./writeXlsxBytes";
export { chartXml, drawingXml } from "./chartXml";
