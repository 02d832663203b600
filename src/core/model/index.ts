export * from "./types";
export * from "./tree";
export { defaultTree } from "./default-tree";
export { parseTree } from "./parse";
export { validateTree } from "./validate";
export { effectiveWeights, isFiniteWeight, rescaleGroup, weightSum } from "./weights";
export { indicatorTreeSchema, indicatorNodeSchema, localizedTextSchema } from "./schema";
