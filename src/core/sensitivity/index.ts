export { weightModel, weightModelOf, totalsWith, withNodeWeight, type WeightModel } from "./evaluate";
export { flipPoints, priceFlip, stability, rootsInUnit, leaderOf, nodeScores, type Contest, type FlipResult, type LinearFraction, type NodeFlip, type Stability } from "./flips";
export { rankAcceptability, bootstrapRaters, raterBootstrap, DEFAULT_SAMPLES, DEFAULT_SEED, DEFAULT_SPREAD, type Acceptability, type AcceptabilityOptions, type RaterBootstrap, type SamplingMode, type VendorAcceptability } from "./acceptability";
export { seededRandom } from "./prng";
export { analyseSensitivity, awardContest, type SensitivityInput, type SensitivityReport } from "./report";
