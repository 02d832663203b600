export * from "./types";
export { score, type ScoreInput } from "./score";
export { trimCount } from "./aggregate";
export { kendallW, averageRanks, type KendallW } from "./agreement";
