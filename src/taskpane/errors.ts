/**
 * Turns whatever a port call threw into plain words and a next step, in the pane's language.
 * Office.js errors (OfficeExtension.Error) are recognised by their string `code`, without
 * importing Office.js here. Stacks and raw messages are never shown.
 */
import type { MessageKey, Translate } from "../i18n";

export const KNOWN_ERROR_CODES = [
  "InvalidArgument",
  "ItemNotFound",
  "AccessDenied",
  "ApiNotFound",
  "RequestPayloadSizeLimitExceeded",
  "GeneralException",
  "InvalidOperationInCellEditMode",
  "ItemAlreadyExists",
  // Thrown by the Excel adapter itself (src/excel/errors.ts), with the sheet and cell concerned.
  "ScorecardLayoutChanged",
  "ScorecardStructureChanged",
  "ScorecardPanelNotSupported",
  "ScorecardImportNotFound",
  "ScorecardNotAPanel",
  "ScorecardUnknownRater",
  "ScorecardRatersRemoved",
  // A re-create that would drop what the user entered on a Maturity or Pairwise sheet.
  "ScorecardMaturityRemoved",
  "ScorecardPairwiseDropped",
  // A re-create without the Report sheet whose signature block holds entries.
  "ScorecardReportSignaturesRemoved",
  // "Use these weights" (Compare in pairs): the group as the workbook has it.
  "ScorecardGroupSize",
  "ScorecardGroupNotFound",
  "ScorecardGroupWeights",
] as const;

export type KnownErrorCode = (typeof KNOWN_ERROR_CODES)[number];

/** Codes that mean the same thing to a user. */
const ALIASES: Readonly<Record<string, KnownErrorCode>> = {
  /** Office reports a protected sheet as AccessDenied; older hosts as InvalidOperation with this subcode. */
  SheetProtected: "AccessDenied",
  ProtectedSheet: "AccessDenied",
  EditModeCellEditing: "InvalidOperationInCellEditMode",
  ResponsePayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  PayloadTooLarge: "RequestPayloadSizeLimitExceeded",
};

export interface FriendlyError {
  /** Known Office code, or "unknown". */
  kind: KnownErrorCode | "unknown";
  /** The original code when there was one (shown small, so support can match it). */
  code: string | null;
  title: string;
  action: string;
  /** The cell the error is about, when the thrower named one (the pane offers to select it). */
  where: { sheet: string; address: string } | null;
}

export function isAbortError(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { name?: unknown }).name === "AbortError";
}

function codeOf(err: unknown): string | null {
  if (typeof err !== "object" || err === null) return null;
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" && code !== "" ? code : null;
}

export function errorKind(err: unknown): KnownErrorCode | "unknown" {
  const code = codeOf(err);
  if (code === null) return "unknown";
  if ((KNOWN_ERROR_CODES as readonly string[]).includes(code)) return code as KnownErrorCode;
  return ALIASES[code] ?? "unknown";
}

function whereOf(err: unknown): { sheet: string; address: string } | null {
  if (typeof err !== "object" || err === null) return null;
  const { sheet, address } = err as { sheet?: unknown; address?: unknown };
  return typeof sheet === "string" && typeof address === "string" && sheet !== "" && address !== "" ? { sheet, address } : null;
}

/** The values an adapter error names for its message ({sheet}, {group}, {count}); strings and numbers only. */
function varsOf(err: unknown): Record<string, string | number> {
  if (typeof err !== "object" || err === null) return {};
  const vars = (err as { vars?: unknown }).vars;
  if (typeof vars !== "object" || vars === null) return {};
  return Object.fromEntries(Object.entries(vars).filter((e): e is [string, string | number] => typeof e[1] === "string" || typeof e[1] === "number"));
}

export function describeError(err: unknown, t: Translate): FriendlyError {
  const kind = errorKind(err);
  const base = `error.${kind}` as MessageKey;
  const vars = varsOf(err);
  return { kind, code: codeOf(err), title: t(base, vars), action: t(`${base}.action` as MessageKey, vars), where: whereOf(err) };
}
