/** A1-notation helpers. Rows and columns are 1-based. */

/** 1 → "A", 27 → "AA". */
export function colLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cell(row: number, col: number): string {
  return `${colLetter(col)}${row}`;
}

export function absCell(row: number, col: number): string {
  return `$${colLetter(col)}$${row}`;
}

export function rect(r1: number, c1: number, r2: number, c2: number): string {
  return r1 === r2 && c1 === c2 ? cell(r1, c1) : `${cell(r1, c1)}:${cell(r2, c2)}`;
}

export function absRect(r1: number, c1: number, r2: number, c2: number): string {
  return `${absCell(r1, c1)}:${absCell(r2, c2)}`;
}

/** 'Sheet name' with inner quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Sheet-qualified reference: 'Results'!$B$5:$B$9. */
export function sheetRef(sheet: string, ref: string): string {
  return `${quoteSheet(sheet)}!${ref}`;
}

/** Parses "B4" or "$B$4" → { row: 4, col: 2 }. */
export function parseCell(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1);
  if (!m) throw new Error(`not an A1 cell: ${a1}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** Parses "B4:D9" (or a single cell) into its corners. */
export function parseRect(a1: string): { r1: number; c1: number; r2: number; c2: number } {
  const [a, b = a] = a1.split(":");
  const p = parseCell(a);
  const q = parseCell(b);
  return { r1: p.row, c1: p.col, r2: q.row, c2: q.col };
}

/** A string that a spreadsheet would not keep as text when typed/written as a value. */
export function needsTextGuard(s: string): boolean {
  return /^[=+\-@']/.test(s) || /^\s*[\d.,]/.test(s) || /^\s*(true|false)\s*$/i.test(s);
}

/** Escapes a string for use as a literal inside a formula. */
export function formulaString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** Row ranges for sorted rows, consecutive rows merged: rows [5,6,7,9] → ["B5:B7", "B9"] for columns c1..c2. */
export function rowRuns(rows: number[], c1: number, c2: number = c1): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    out.push(rect(rows[i], c1, rows[j], c2));
    i = j + 1;
  }
  return out;
}
