import type { LocalizedText } from "../model/types";

/**
 * How a bid becomes a price score (0–100):
 *  - lowest: lowest valid bid ÷ bid × 100 (the low-price-first rule, MoF Order No. 87 art. 55);
 *  - linear: 100 × (highest − bid) ÷ (highest − lowest); every bid equal scores 100.
 */
export type PriceMethod = "lowest" | "linear";
export const PRICE_METHODS: readonly PriceMethod[] = ["lowest", "linear"];

export interface PriceSettings {
  /** Share of the overall score, in percent (30 = 30%). */
  weight: number;
  method: PriceMethod;
  /** A bid more than this many percent below the mean of the other valid bids is flagged. */
  lowBidThreshold: number;
}

export const DEFAULT_PRICE: PriceSettings = { weight: 30, method: "lowest", lowBidThreshold: 20 };

/** One grade band: a quality score ≥ `min` (and below the next band's min) gets `label`. */
export interface GradeBand {
  min: number;
  label: LocalizedText;
}

/** The award settings kept in the workbook's stored model (absent = none of them). */
export interface AwardSettings {
  /** Absent = no Price sheet; overall = quality, rank as today. */
  price?: PriceSettings;
  /** Absent = DEFAULT_BANDS. */
  bands?: GradeBand[];
}

/** One minimum a vendor does not pass: below it, or unrated where it is set. */
export interface GateFailure {
  /** Node code; "" for the total (quality) score. */
  code: string;
  /** The node's score; null when unrated (blank or N/A on a leaf, nothing scored on a group). */
  value: number | null;
  minimum: number;
  kind: "below" | "unrated";
  /** "4 Security 52.0 < 60" / "4 安全 52.0 < 60"; unrated: "4 Security: not rated". */
  reason: LocalizedText;
}

/**
 * eligible: every minimum passed (and a valid bid when price counts); failed: below at least one
 * minimum; unrated: no failure, but a minimum's node (or the total) has no score yet;
 * no-bid: quality passes but price counts and there is no valid bid (> 0).
 */
export type AwardStatus = "eligible" | "failed" | "unrated" | "no-bid";

export interface AwardVendor {
  vendor: string;
  /** The engine's total (quality score); null when nothing counted. */
  quality: number | null;
  status: AwardStatus;
  eligible: boolean;
  gates: GateFailure[];
  /** The bid as given (null: none or not a number); a bid ≤ 0 is kept here but is no valid bid. */
  bid: number | null;
  /** Price score 0–100: only eligible vendors with a valid bid get one. */
  priceScore: number | null;
  /** quality × (1 − p) + price score × p; equals quality without price; null when not eligible under price. */
  overall: number | null;
  /** Grade band of the quality score (null without a quality score). */
  grade: GradeBand | null;
  /** More than the threshold below the mean of the other valid bids: explanation required. */
  lowBid: boolean;
  /** Competition rank of `overall` among eligible vendors (1 = best); null when not eligible. */
  rank: number | null;
}

export interface AwardResult {
  vendors: AwardVendor[];
  /** Price: the lowest and highest valid bids of eligible vendors (null without any). */
  lowest: number | null;
  highest: number | null;
  /** Guidance (never a block): the price weight is under Order No. 87's floor for goods / services. */
  priceGuidance: "none" | "below-goods" | "below-services";
}
