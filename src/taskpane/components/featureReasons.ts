import type { Feature } from "../../port";

/** Why each feature is unavailable ("" while the capabilities are still being asked), or null when it is available. */
export type FeatureReasons = Record<Feature, string | null>;
