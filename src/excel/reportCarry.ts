/**
 * The Report sheet's signature block carried into a rebuilt workbook (issue #14: nothing the user
 * entered is lost): every cell typed in a signer's row (name, role, signature, date) is read from
 * the grid readScorecard loads for the "report" role (in the same sync as the model, with its
 * formulas) and passed to the plan as pre-filled values, by signer: a rater by name, the evaluator,
 * the chair. A rater no longer on the panel keeps the row's entries below the block, under a note;
 * rows kept that way are read back the same way, so a rater who returns gets them back.
 */
import type { ReportSignatureEntry, ReportSigner, ReportTypedCell } from "../plan";
import { cellFormula } from "../plan/importWrite";
import { REPORT_LABELS } from "../plan/reportLabels";
import { SIGNATURE_COLUMNS } from "../plan/reportTypes";
import { text } from "./address";
import { layoutChanged, reportSignaturesRemoved } from "./errors";
import type { Scorecard } from "./readBack";

const LABELS = Object.values(REPORT_LABELS);
const HEADINGS = new Set(LABELS.map((l) => l.signatures));
const KEPT_NOTES = new Set(LABELS.map((l) => l.signKept));
/** Role texts a row is built with, in every language (a rater and an evaluator share one in Chinese). */
const ROLES = {
  rater: new Set(LABELS.flatMap((l) => [l.roleRater, l.roleEvaluator])),
  chair: new Set(LABELS.map((l) => l.roleChair)),
};

function isDefaultRole(signer: ReportSigner, role: string): boolean {
  if (signer.kind === "rater" || signer.kind === "evaluator") return ROLES.rater.has(role);
  if (signer.kind === "chair") return ROLES.chair.has(role);
  return false;
}

interface Found {
  sheet: string;
  /** Each carried row: the signer it was (or reads as) and its typed cells. */
  entries: (ReportSignatureEntry & { address: string })[];
}

/** The typed entries of the Report's signature block as it stands; null without a Report sheet. */
export function reportSignatures(card: Scorecard): Found | null {
  const layout = card.plan.layout.report;
  const read = card.grids.report;
  if (!card.model.report || !layout || !read) return null;
  const { grid, formulas, sheet } = read;
  const bottom = grid.top + grid.values.length - 1;
  // The heading where the layout says, else wherever column A holds it (a Report written by an older version); none = changed by hand.
  const block = layout.signatureBlock;
  let titleRow = block.titleRow;
  if (!HEADINGS.has(text(grid.get(titleRow, 1)))) {
    let found = -1;
    for (let r = grid.top; r <= bottom; r++) if (HEADINGS.has(text(grid.get(r, 1)))) found = r;
    if (found < 0) {
      if (grid.values.length === 0) return { sheet, entries: [] };
      throw layoutChanged(sheet, `A${titleRow}`, REPORT_LABELS[card.model.options.locale].signatures, text(grid.get(titleRow, 1)));
    }
    titleRow = found;
  }
  const shift = titleRow - block.titleRow;
  const cellOf = (row: number, col: number): ReportTypedCell | undefined => {
    const v = grid.get(row, col);
    const f = cellFormula(v, formulas?.get(row, col));
    if (f !== undefined) return { f };
    if (v === null || (typeof v === "string" && v.trim() === "")) return undefined;
    return v;
  };
  const C = SIGNATURE_COLUMNS;
  /** `kept`: a row kept below the block, whose name is always carried (it may be a typed one). */
  const entryOf = (signer: ReportSigner, row: number, kept = false): (ReportSignatureEntry & { address: string }) | null => {
    const name = cellOf(row, C.name);
    const role = cellOf(row, C.role);
    const signature = cellOf(row, C.signature);
    const date = cellOf(row, C.date);
    const nameTyped = name !== undefined && (kept || !(signer.kind === "rater" && typeof name === "string" && name === signer.name));
    const roleTyped = role !== undefined && !(typeof role === "string" && isDefaultRole(signer, role.trim()));
    if (!nameTyped && !roleTyped && signature === undefined && date === undefined) return null;
    const first = [nameTyped ? C.name : 0, roleTyped ? C.role : 0, signature !== undefined ? C.signature : 0, date !== undefined ? C.date : 0].find((c) => c > 0) ?? C.name;
    return {
      signer, address: `${"ABCDEFG"[first - 1]}${row}`,
      ...(nameTyped ? { name } : {}), ...(roleTyped ? { role } : {}),
      ...(signature !== undefined ? { signature } : {}), ...(date !== undefined ? { date } : {}),
    };
  };
  const entries: Found["entries"] = [];
  for (const s of block.signers) {
    const e = entryOf(s.signer, s.row + shift);
    if (e) entries.push(e);
  }
  // Below the block: rows kept from signers without a row, and anything else typed there (columns A–G).
  const after = Math.max(titleRow + 1, ...block.signers.map((s) => s.row + shift)) + 1;
  for (let r = after; r <= bottom; r++) {
    const name = grid.get(r, C.name);
    if (KEPT_NOTES.has(text(name))) continue;
    const role = text(grid.get(r, C.role)).trim();
    const who = text(name).trim();
    // A named row is a rater's (so a rater who returns gets it back), unless its role reads as the chair's.
    const signer: ReportSigner = ROLES.chair.has(role) ? { kind: "chair" } : who !== "" ? { kind: "rater", name: who } : ROLES.rater.has(role) ? { kind: "evaluator" } : { kind: "other" };
    const e = entryOf(signer, r, true);
    if (e) entries.push(e);
  }
  return { sheet, entries };
}

/**
 * The Report input of a rebuilt workbook: `report` as asked (undefined: as the workbook has it),
 * with the old signature block's entries. Removing a Report whose block holds entries is refused
 * (reportSignaturesRemoved, naming the first cell): nothing typed is dropped silently.
 */
export function reportCarry(old: Scorecard | null, requested?: boolean): { report: true | { signatures: ReportSignatureEntry[] } } | Record<string, never> {
  const found = old ? reportSignatures(old) : null;
  const entries = (found?.entries ?? []).map(({ address: _address, ...e }) => e);
  const wanted = requested ?? old?.model.report ?? false;
  if (!wanted) {
    if (found && found.entries.length > 0) throw reportSignaturesRemoved(found.sheet, found.entries[0].address, found.entries.length);
    return {};
  }
  return { report: entries.length > 0 ? { signatures: entries } : true };
}


/** The Report's signature block is where the card's layout puts it (so the rows above it can be rewritten in place). */
export function reportInPlace(card: Scorecard): boolean {
  const layout = card.plan.layout.report;
  const read = card.grids.report;
  return layout !== undefined && read !== undefined && HEADINGS.has(text(read.grid.get(layout.signatureBlock.titleRow, 1)));
}
