/**
 * Errors the adapter throws itself. Each has a string `code` like OfficeExtension.Error, so the
 * pane's error mapping (src/taskpane/errors.ts) can recognise it, plus the sheet and cell concerned.
 */
export class ScorecardError extends Error {
  readonly code: string;
  readonly sheet?: string;
  readonly address?: string;

  constructor(code: string, message: string, where: { sheet?: string; address?: string } = {}) {
    super(message);
    this.name = "ScorecardError";
    this.code = code;
    if (where.sheet !== undefined) this.sheet = where.sheet;
    if (where.address !== undefined) this.address = where.address;
  }
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
