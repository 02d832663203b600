/** Weights from pairwise comparisons (AHP): one person's or a panel's, for one sibling group. */
export {
  MIN_GROUP, MAX_GROUP, RANDOM_INDEX, CR_THRESHOLD, SNAP_TOLERANCE, SAATY_VALUES, SAATY_TEXTS,
  randomIndex, judgementText, intensityOf, parseJudgement, type JudgementParse,
} from "./scale";
export { SHEET_SQUARINGS, principalEigen, squareStep, rowShares, lambdaOf, type Eigen, type Matrix } from "./eigen";
export { analyse, analyseMatrix, reciprocalMatrix, pairsOf, checkGroupSize, crOf, snapRatio, TIE, type AhpResult, type Judgement, type WorstJudgement } from "./ahp";
export { analysePanel, consensus, geometricMeanMatrix, SCALE_MAX, type Consensus, type PanelResult } from "./group";
