/** Types of the Report sheet's signature block (issue #14); see reportSheet.ts. */
import type { MaturityModel } from "../core/maturity/types";
import type { MaturitySheetLayout } from "./maturityTypes";

/**
 * Whose row of the signature block: a rater of the panel (or the single rater, by name), the one
 * evaluator of a workbook without named raters, the chair, or a row kept from before whose role is
 * none of these (text typed over the role).
 */
export type ReportSigner = { kind: "rater"; name: string } | { kind: "evaluator" } | { kind: "chair" } | { kind: "other" };

/** A signature-block cell as carried: what was typed (text stays text), or the formula it held. */
export type ReportTypedCell = string | number | boolean | { f: string };

/**
 * What was typed in one row of a signature block (name, role, signature, date): only the cells
 * that differ from the row's defaults (the rater's name, the role in either language).
 */
export interface ReportSignatureEntry {
  signer: ReportSigner;
  name?: ReportTypedCell;
  role?: ReportTypedCell;
  signature?: ReportTypedCell;
  date?: ReportTypedCell;
}

/** PlanInput.report as an object: the Report sheet with the signature block's entries pre-filled. */
export interface ReportInput {
  /**
   * Entries matched to the new block's rows by signer (a rater by name); those without a row (a
   * rater no longer on the panel) are written below it under a note, so nothing typed is lost.
   */
  signatures?: ReportSignatureEntry[];
}

/** The Maturity sheets a Report states the assessed stages of (issue #16). */
export interface ReportMaturity {
  model: MaturityModel;
  layouts: MaturitySheetLayout[];
}

/** Where a signature block's rows are (1-based rows; the cells are A name, C role, D signature, G date). */
export interface ReportSignatureLayout {
  /** The row of the block's heading ("Signatures of the evaluation panel"). */
  titleRow: number;
  /** One row per signer, in order: the raters (or the evaluator), then the chair. */
  signers: { signer: ReportSigner; row: number }[];
  /** Rows of entries kept from signers without a row now (below a note), when any. */
  kept: { signer: ReportSigner; row: number }[];
}

/** Columns of a signature row (1-based). */
export const SIGNATURE_COLUMNS = { name: 1, role: 3, signature: 4, date: 7 } as const;

/**
 * What a Report reason is made of (see reportReason): one rater's reason, or a panel's — whether
 * Moderation holds a consensus for the cell, its reason there, and each rater's reason in order.
 */
export type ReportReasonSource = { note?: string } | { consensus: boolean; moderation?: string; raters: { name: string; note?: string }[] };
