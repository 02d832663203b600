/** Bulk import of ratings: pure, never throws on user input. */
export { decodeBytes, ENCODING_CHOICES, type DecodeResult, type DetectedEncoding, type EncodingChoice } from "./decode";
export { parseDelimited, DELIMITERS, type Delimiter, type DelimiterChoice, type TextTable } from "./delimited";
export { readXlsx, readXlsxBook, readXlsxSheets, pickSheet, sheetTable, looksLikeZip, type Cell, type SheetCells, type SheetTable, type XlsxBook, type XlsxRead } from "./xlsx";
export { mapHeaders, reasonColumnLeaf, roleOfHeader, type ColumnInfo, type ColumnMapping, type ColumnRole, type FieldRole, type HeaderMapping, type Shape, type UnmappedColumn, type UnmappedReason } from "./headers";
export { IndicatorIndex, type LeafCandidate, type MatchResult } from "./match";
export { parseScore, isBlankCell, SCORE_MIN, SCORE_MAX, type ScoreParse } from "./values";
export { rejection, type Rejection, type RejectCode } from "./reasons";
export {
  importTable,
  importText,
  importPasted,
  importDelimited,
  importXlsx,
  importFile,
  type ImportedRating,
  type ImportCounts,
  type ImportOptions,
  type ImportResult,
  type ImportSource,
  type ImportWarning,
  type FatalCode,
} from "./importRatings";
export { previewMerge, applyMerge, undoOverwrites, type MergeChoice, type MergeConflict, type MergeOutcome, type MergePreview, type OverwriteLogEntry } from "./merge";
export { reportToCsv, reportToCsvBytes } from "./report";
export { isFormulaLike, asLiteralText } from "./formulaSafety";
