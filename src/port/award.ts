/** The award decision as the pane sees it (issue #11): see WorkbookSnapshot.award. */
import type { AwardResult, AwardVendor, GradeBand, PriceSettings } from "../core/award/types";

export type { AwardStatus, AwardVendor, GateFailure, GradeBand, PriceMethod, PriceSettings } from "../core/award/types";

export interface SnapshotAward {
  /** Per vendor, in the workbook's vendor order: eligibility, failed gates with reasons, bid, price score, overall, grade, low-bid flag, rank among eligible vendors. */
  vendors: AwardVendor[];
  /** The Price sheet's settings as they stand (absent: no Price sheet). */
  price?: PriceSettings;
  /** The grade bands used (highest first). */
  bands: GradeBand[];
  /** Lowest and highest valid bids of the eligible vendors. */
  lowest: number | null;
  highest: number | null;
  priceGuidance: AwardResult["priceGuidance"];
}
