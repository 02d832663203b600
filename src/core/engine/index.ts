export * from "./types";
export { score, scoreColumns, toScoreResult, type ScoreInput, type ColumnScores } from "./score";
export { toColumns, type RatingColumns } from "./columns";
export { compileTree, type CompiledTree } from "./compile";
export { trimCount } from "./aggregate";
export { kendallW, averageRanks, type KendallW } from "./agreement";
export { toCube, scoreCube, CUBE_NA, type RatingCube } from "./cube";
export { rankKey } from "./rank";
