/**
 * The core model functions the pane uses, imported file by file: the model's index also exports
 * parseTree and its zod schema, whose top-level z.object(...) calls webpack must keep as possible
 * side effects, which would put all of zod into the pane's first download.
 */
export * from "../core/model/types";
export * from "../core/model/tree";
export { validateTree } from "../core/model/validate";
export { effectiveWeights, rescaleGroup, weightSum } from "../core/model/weights";
