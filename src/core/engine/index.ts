export * from "./types";
export { score } from "./score";
export { toCube, scoreCube } from "./cube";
export { toScoreResult, type ColumnScores } from "./result";
export { compileTree, type CompiledTree } from "./compile";
export { trimCount } from "./cells";
export { kendallW, averageRanks, type KendallW } from "./agreement";
export { competitionRanks, rankKey } from "./rank";
