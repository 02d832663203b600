/**
 * Errors the adapter throws itself. Each has a string `code` like OfficeExtension.Error, so the
 * pane's error mapping (src/taskpane/errors.ts) can recognise it, plus the sheet and cell concerned.
 */
export class ScorecardError extends Error {
  readonly code: string;
  readonly sheet?: string;
  readonly address?: string;
  /** Values the pane's message for this code fills in ({sheet}, {group}, {count}, …). */
  readonly vars?: Readonly<Record<string, string | number>>;

  constructor(code: string, message: string, where: { sheet?: string; address?: string; vars?: Record<string, string | number> } = {}) {
    super(message);
    this.name = "ScorecardError";
    this.code = code;
    if (where.sheet !== undefined) this.sheet = where.sheet;
    if (where.address !== undefined) this.address = where.address;
    if (where.vars !== undefined) this.vars = where.vars;
  }
}

/** A re-create would drop a Maturity sheet that holds marks: never without the user's say. */
export function maturityMarksRemoved(sheet: string, address: string, count: number): ScorecardError {
  return new ScorecardError(
    "ScorecardMaturityRemoved",
    `Sheet "${sheet}" holds ${count} mark(s) that re-creating without it would lose. Keep its scenario in the request, or clear the marks (or delete the sheet) first.`,
    { sheet, address, vars: { sheet, count } },
  );
}

/** A re-create without the Report sheet would drop what was typed in its signature block (issue #14). */
export function reportSignaturesRemoved(sheet: string, address: string, count: number): ScorecardError {
  return new ScorecardError(
    "ScorecardReportSignaturesRemoved",
    `Sheet "${sheet}" holds ${count} signature-block row(s) typed in (from cell ${address}) that re-creating without it would lose. Keep the Report sheet, or clear those cells (or delete the sheet) first.`,
    { sheet, address, vars: { sheet, count } },
  );
}

/** A re-create would drop judgements typed on the Pairwise sheet (a group left out or no longer 2–10, or a criterion gone). */
export function pairwiseJudgementsDropped(sheet: string, address: string, group: string, count: number): ScorecardError {
  return new ScorecardError(
    "ScorecardPairwiseDropped",
    `Sheet "${sheet}" holds ${count} judgement(s) in group ${group} that the new scorecard cannot keep (the group is left out or no longer has 2–10 members, a compared indicator is gone, or its rater is). Keep them, or clear those judgements first.`,
    { sheet, address, vars: { sheet, group, count } },
  );
}

/** A sheet of the plan has the name of a sheet the user made: it is never overwritten. */
export function sheetClash(sheet: string): ScorecardError {
  return new ScorecardError(
    "ItemAlreadyExists",
    `The workbook already has a sheet named "${sheet}" that is not part of a scorecard. Rename or move it, then try again.`,
    { sheet },
  );
}

export function nameClash(name: string): ScorecardError {
  return new ScorecardError("ItemAlreadyExists", `The workbook already defines the name "${name}", which the scorecard needs. Delete or rename it, then try again.`);
}

/** A header or code cell does not hold what the stored model says: never read or write around it. */
export function layoutChanged(sheet: string, address: string, expected: string, found: string): ScorecardError {
  return new ScorecardError(
    "ScorecardLayoutChanged",
    `Sheet "${sheet}" was changed by hand: cell ${address} should hold "${expected}" but holds "${found}". Undo the change or create the scorecard again.`,
    { sheet, address },
  );
}

export function sheetMissing(sheet: string): ScorecardError {
  return new ScorecardError("ItemNotFound", `The scorecard sheet "${sheet}" is missing (renamed or deleted?).`, { sheet });
}

export function noScorecard(): ScorecardError {
  return new ScorecardError("ItemNotFound", "This workbook holds no scorecard. Create one first.");
}

export function structureChanged(): ScorecardError {
  return new ScorecardError(
    "ScorecardStructureChanged",
    "The indicators were added, removed or moved: weights can only be written into the same structure. Create the scorecard again (ratings are kept).",
  );
}

export function panelNotSupported(): ScorecardError {
  return new ScorecardError("ScorecardPanelNotSupported", "This workbook has one rating sheet per rater; importing ratings writes into single-rater scorecards only. Use rater copies (Panel tab) instead.");
}

export function abortError(): DOMException {
  return new DOMException("The operation was aborted.", "AbortError");
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}
