import type { CellStyle, StyleKey } from "./types";

const BORDER = "#BFBFBF";

export const STYLES: Record<StyleKey, CellStyle> = {
  title: { bold: true, fontSize: 16, fontColor: "#1F3864" },
  subtitle: { italic: true, fontColor: "#595959" },
  header: { bold: true, fill: "#1F3864", fontColor: "#FFFFFF", vertical: "middle", wrap: true, border: BORDER },
  // Top-aligned: a row grown by a wrapped reason (the notes grid) keeps its code, name and ratings beside the reason's first line.
  label: { vertical: "top", border: BORDER },
  groupRow1: { bold: true, fill: "#D9E1F2", border: BORDER },
  groupRow2: { bold: true, fill: "#EDF1F9", border: BORDER },
  input: { fill: "#FFF2CC", fontColor: "#1F3864", horizontal: "center", vertical: "top", border: BORDER },
  inputWeight: { fill: "#FFF2CC", fontColor: "#1F3864", horizontal: "right", border: BORDER },
  formula: { border: BORDER },
  score: { horizontal: "right", border: BORDER },
  total: { bold: true, horizontal: "right", border: BORDER },
  warning: { bold: true, fontColor: "#C00000", fill: "#FCE4D6" },
  required: { fontColor: "#C00000", horizontal: "center", vertical: "top", border: BORDER },
  muted: { fontColor: "#808080" },
  wrap: { wrap: true, vertical: "top" },
  note: { fill: "#FFF2CC", fontColor: "#1F3864", horizontal: "left", border: BORDER, wrap: true, vertical: "top" },
};

/** Number formats used across sheets. */
export const NUMBER_FORMATS = {
  score: "0.00",
  weight: "0.##",
  normalised: "0.0000",
  percent: "0.0%",
  rank: "0",
  count: "0",
  /** Shows ● for 1 and nothing for 0 or blank. */
  requiredMark: '"●";;;',
  date: "yyyy-mm-dd",
  text: "@",
} as const;
