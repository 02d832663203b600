export * from "./types";
export { DEFAULT_BANDS, bandProblems, checkBands, gradeOf } from "./bands";
export { parseBid, isValidBid, type BidParse } from "./bid";
export { evaluateAward, decideAward, awardOrder, gatesOf, hasMinimums, gateFailures, gateReason, priceScore, oneDecimal, type Gate, type AwardInput, type AwardRow } from "./award";
