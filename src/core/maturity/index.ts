export * from "./types";
export { defaultMaturityModel } from "./default";
export { parseMaturity } from "./parse";
export { validateMaturity } from "./validate";
export { maturityModelSchema } from "./schema";
export { assessMaturity, growthStages, mappingFor, markValue, medianStage, orderCodes, scenarioOf } from "./assess";
