import type { CreateNote, CreateNoteCode } from "../port";

export type { CreateNote, CreateNoteCode };

const WHAT: Record<CreateNoteCode, string> = {
  "tab-color": "tab colour",
  indent: "indent",
  "row-outline": "row outline",
  "data-validation": "data validation",
  "conditional-formats": "conditional formats",
  "freeze-panes": "freeze panes",
  autofilter: "autofilter",
  "chart-series": "chart categories and extra series",
  "named-ranges": "named ranges",
  "page-layout": "print settings",
  password: "password",
};

/** A note in English, for logs and diagnostics (the pane words the code itself). */
export function noteText(n: CreateNote): string {
  if (n.code === "password") return `${n.sheet ?? ""}: protected without its password (a password needs ExcelApi ${n.version})`;
  const what = `${WHAT[n.code]} skipped (needs ExcelApi ${n.version})`;
  return n.sheet === undefined ? what : `${n.sheet}: ${what}`;
}
