export * from "./types";
export { score, type ScoreInput } from "./score";
export { trimCount } from "./aggregate";
