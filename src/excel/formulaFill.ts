/**
 * Formula fills: pure (no Office.js), so it is tested in node.
 *
 * A plan writes formulas cell by cell in A1 notation, yet most of them are the same formula
 * relative to their cell: the same R1C1 text down a column or across a rectangle. Such a
 * rectangle can be written with ONE `range.formulasR1C1 = "<formula>"` instead of thousands of
 * A1 strings, which keeps the Office.js requests small.
 *
 *  - `a1ToR1C1(formula, row, col)` / `r1c1ToA1(formula, row, col)` convert one formula as it
 *    sits in cell (row, col). They understand what our plans write: `$` absolute parts, cells,
 *    ranges A1:B2, whole columns C:F and rows 6:12, sheet-qualified refs 'Sheet name'!A1 (always
 *    single-quoted, quotes doubled inside), string literals (skipped), function names that look
 *    like refs (LOG10(, ATAN2(), defined names (SC_Totals), numbers, error literals. Anything
 *    else that could be read two ways (unquoted sheet names, structured or external refs,
 *    lower-case or out-of-sheet refs, names that look like A1 or R1C1 refs) gives null: that cell
 *    stays an A1 write.
 *    `compileR1C1` reads an R1C1 formula once and `renderA1` writes it at any cell (what Excel
 *    shows there; the recording fake uses them to expand a fill).
 *  - `fillKey(formula, row, col)` is the R1C1 text only when converting it back at the same cell
 *    gives exactly the original formula.
 *  - `partitionBlock(block)` splits a formulas block into fills (rectangles of two or more cells
 *    sharing one R1C1 text) and leftover blocks (every other cell, as A1 cells). Safety check:
 *    a cell joins a fill only if the fill's R1C1, written in A1 at that cell, is exactly the
 *    plan's formula there.
 */
import { colLetter, rect, parseRect, type CellBlock, type CellValue } from "../plan";

export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

/** Characters that continue a name or a reference (Excel names also take non-ASCII letters). */
const NAME_CHAR = "A-Za-z0-9_.\\\\\\u00A0-\\uFFFF";
/** A reference must not run on into a name, a function call, a sheet prefix or brackets. */
const END = `(?![${NAME_CHAR}(!\\[])`;
const R1C1_PART = "(?:\\[(-?\\d+)\\]|(\\d+))?";

/**
 * One token of a formula; the alternatives are tried in order at every position and the last one
 * takes any single character, so the matches of a global search are contiguous. Groups:
 * 1 string literal · 2 quoted sheet prefix 'name'! · 3–14 references (notation-specific) ·
 * 15 name and 16 the character after it · 17 number · 18 error literal · 19 operators, spaces,
 * separators · 20 anything else (not understood: the formula is left alone).
 */
function tokenizer(refs: string): RegExp {
  return new RegExp(
    [
      `("(?:[^"]|"")*")`,
      `('(?:[^']|'')*'!)`,
      refs,
      `([A-Za-z_\\\\\\u00A0-\\uFFFF][${NAME_CHAR}]*)([!\\[(]?)`,
      `(\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?|\\.\\d+(?:[eE][+-]?\\d+)?)`,
      `(#(?:NULL!|DIV/0!|VALUE!|REF!|NAME\\?|NUM!|N/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!))`,
      `([^"'#\\[\\]$${NAME_CHAR}]+)`,
      `([\\s\\S])`,
    ].join("|"),
    "g",
  );
}

/** A1: cell (3–6: $col, letters, $row, digits), whole columns (7–10), whole rows (11–14). */
const A1_TOKENS = tokenizer(
  [
    `(\\$?)([A-Z]{1,3})(\\$?)(\\d+)${END}`,
    `(\\$?)([A-Z]{1,3}):(\\$?)([A-Z]{1,3})${END}`,
    `(\\$?)(\\d+):(\\$?)(\\d+)${END}`,
  ].join("|"),
);
/** R1C1: cell (3–6: R [rel] / abs, C [rel] / abs), whole rows (7–10), whole columns (11–14). */
const R1C1_TOKENS = tokenizer(
  [`R${R1C1_PART}C${R1C1_PART}${END}`, `R${R1C1_PART}:R${R1C1_PART}${END}`, `C${R1C1_PART}:C${R1C1_PART}${END}`].join("|"),
);

/** A name kept as is must not be readable as a reference in either notation. */
const REF_LIKE_NAME = /^(?:[A-Za-z]{1,3}\d+|R\d*C?\d*|C\d*)$/i;

function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/** Rewrites the reference `m` (groups 3–14 of a token); null when it is out of the sheet. */
type RefWriter = (m: string, g: (string | undefined)[], row: number, col: number) => string | null;

/**
 * Copies a formula token by token, letting `ref` rewrite references; null when some part cannot
 * be read safely.
 */
function rewrite(formula: string, row: number, col: number, tokens: RegExp, ref: RefWriter): string | null {
  if (formula.length === 0 || formula[0] !== "=") return null;
  let ok = true;
  const out = formula.slice(1).replace(tokens, (m: string, ...g: (string | undefined)[]): string => {
    if (!ok) return m;
    // g[i] is group i + 1.
    if (g[0] !== undefined || g[17] !== undefined || g[18] !== undefined) return m;
    if (g[1] !== undefined) {
      // A quoted sheet name; "[Book]Sheet" would be another workbook.
      if (m[1] === "[") ok = false;
      return m;
    }
    if (g[14] !== undefined) {
      const next = g[15];
      if (next === "!" || next === "[" || (next === "" && REF_LIKE_NAME.test(g[14]))) ok = false;
      return m;
    }
    if (g[16] !== undefined) return m;
    if (g[19] !== undefined) {
      ok = false;
      return m;
    }
    const text = ref(m, g, row, col);
    if (text === null) ok = false;
    return text ?? m;
  });
  return ok ? `=${out}` : null;
}

function r1c1Part(axis: "R" | "C", abs: boolean, target: number, here: number): string {
  if (abs) return `${axis}${target}`;
  const d = target - here;
  return d === 0 ? axis : `${axis}[${d}]`;
}

const toR1C1: RefWriter = (_m, g, row, col) => {
  if (g[2] !== undefined) {
    const c = colNumber(g[3] as string);
    const r = Number(g[5]);
    if (c > MAX_COL || r < 1 || r > MAX_ROW) return null;
    return r1c1Part("R", g[4] === "$", r, row) + r1c1Part("C", g[2] === "$", c, col);
  }
  if (g[6] !== undefined) {
    const a = colNumber(g[7] as string);
    const b = colNumber(g[9] as string);
    if (a > MAX_COL || b > MAX_COL) return null;
    return `${r1c1Part("C", g[6] === "$", a, col)}:${r1c1Part("C", g[8] === "$", b, col)}`;
  }
  const a = Number(g[11]);
  const b = Number(g[13]);
  if (a < 1 || b < 1 || a > MAX_ROW || b > MAX_ROW) return null;
  return `${r1c1Part("R", g[10] === "$", a, row)}:${r1c1Part("R", g[12] === "$", b, row)}`;
};

/** One part of an R1C1 reference: an absolute number, or an offset from the cell ([d], or 0 when empty). */
interface Part {
  abs: boolean;
  n: number;
}
/** An R1C1 reference read once: a cell (row, column parts), whole rows or whole columns (from, to). */
interface TemplateRef {
  kind: "cell" | "rows" | "cols";
  a: Part;
  b: Part;
}

function readPart(rel: string | undefined, abs: string | undefined): Part {
  return abs !== undefined ? { abs: true, n: Number(abs) } : { abs: false, n: rel !== undefined ? Number(rel) : 0 };
}

function readRef(m: string, g: (string | undefined)[]): TemplateRef {
  if (!m.includes(":")) return { kind: "cell", a: readPart(g[2], g[3]), b: readPart(g[4], g[5]) };
  if (m[0] === "R") return { kind: "rows", a: readPart(g[6], g[7]), b: readPart(g[8], g[9]) };
  return { kind: "cols", a: readPart(g[10], g[11]), b: readPart(g[12], g[13]) };
}

const LETTERS: string[] = [];
const letters = (n: number): string => LETTERS[n] ?? (LETTERS[n] = colLetter(n));

/** A part's number at a cell, 0 when it leaves the sheet. */
function at(p: Part, here: number, max: number): number {
  const n = p.abs ? p.n : here + p.n;
  return n >= 1 && n <= max ? n : 0;
}

/** The reference in A1 at cell (row, col); null when it leaves the sheet. */
function refA1(ref: TemplateRef, row: number, col: number): string | null {
  const { a, b } = ref;
  if (ref.kind === "cell") {
    const r = at(a, row, MAX_ROW);
    const c = at(b, col, MAX_COL);
    return r && c ? `${b.abs ? "$" : ""}${letters(c)}${a.abs ? "$" : ""}${r}` : null;
  }
  const max = ref.kind === "rows" ? MAX_ROW : MAX_COL;
  const here = ref.kind === "rows" ? row : col;
  const x = at(a, here, max);
  const y = at(b, here, max);
  if (!x || !y) return null;
  return ref.kind === "rows" ? `${a.abs ? "$" : ""}${x}:${b.abs ? "$" : ""}${y}` : `${a.abs ? "$" : ""}${letters(x)}:${b.abs ? "$" : ""}${letters(y)}`;
}

/** The formula of cell (row, col) in R1C1 notation; null when it cannot be converted safely. */
export function a1ToR1C1(formula: string, row: number, col: number): string | null {
  return rewrite(formula, row, col, A1_TOKENS, toR1C1);
}

/** The R1C1 formula as Excel shows it in A1 notation at cell (row, col); null when unreadable. */
export function r1c1ToA1(formula: string, row: number, col: number): string | null {
  const t = compileR1C1(formula);
  return t && renderA1(t, row, col);
}

/** An R1C1 formula read once: the text between its references, and the references. */
export interface R1C1Template {
  text: string[];
  refs: TemplateRef[];
}

const HOLE = "\u0000";

/** Reads an R1C1 formula once, to write it in A1 at many cells (null when unreadable). */
export function compileR1C1(formula: string): R1C1Template | null {
  if (formula.includes(HOLE)) return null;
  const refs: R1C1Template["refs"] = [];
  const out = rewrite(formula, 1, 1, R1C1_TOKENS, (m, g) => {
    refs.push(readRef(m, g));
    return HOLE;
  });
  return out === null ? null : { text: out.split(HOLE), refs };
}

/** The template's formula as Excel shows it in A1 at cell (row, col); null when a reference leaves the sheet. */
export function renderA1(t: R1C1Template, row: number, col: number): string | null {
  let out = t.text[0];
  for (let i = 0; i < t.refs.length; i++) {
    const a1 = refA1(t.refs[i], row, col);
    if (a1 === null) return null;
    out += a1 + t.text[i + 1];
  }
  return out;
}

/** The R1C1 text of a cell's formula, only if it converts back to exactly the same A1 text there. */
export function fillKey(value: CellValue, row: number, col: number): string | null {
  if (typeof value !== "string" || !value.startsWith("=")) return null;
  const key = a1ToR1C1(value, row, col);
  return key !== null && r1c1ToA1(key, row, col) === value ? key : null;
}

/** A rectangle of cells that all hold the same R1C1 formula. */
export interface Fill {
  address: string;
  r1c1: string;
  /** Cells of the plan it writes (blank cells it runs over are written empty by `rest`). */
  cells: number;
}

export interface BlockPartition {
  fills: Fill[];
  /** Every cell not in a fill, as A1 blocks of the same kind (nulls and literals included). */
  rest: CellBlock[];
}

const isFormula = (v: CellValue): v is string => typeof v === "string" && v.startsWith("=");
/** Equal for two formulas one above the other with one R1C1 text (only relative row numbers differ). */
const shapeDown = (f: string): string => f.replace(/(?<![$\d])\d+/g, "");
/** Equal for two formulas side by side with one R1C1 text (only relative column letters differ). */
const shapeAcross = (f: string): string => f.replace(/(?<![$A-Z])[A-Z]+(?=\$?\d)/g, "");

/**
 * Every cell's fill key (null: not a formula, not convertible, or alone). A formula takes the key
 * of the nearest formula above or to the left when that key reads as exactly this formula here;
 * else its own, converted only when the next formula below or to the right could share it (same
 * shape). Every key is checked at its cell either way.
 */
function cellKeys(cells: CellValue[][], r1: number, c1: number): (string | null)[][] {
  const rows = cells.length;
  const cols = rows === 0 ? 0 : cells[0].length;
  const templates = new Map<string, R1C1Template | null>();
  const readsAs = (k: string | null, f: string, row: number, col: number): boolean => {
    if (k === null) return false;
    let t = templates.get(k);
    if (t === undefined) templates.set(k, (t = compileR1C1(k)));
    return t !== null && renderA1(t, row, col) === f;
  };
  const keys: (string | null)[][] = cells.map((row) => row.map(() => null));
  const above: (string | null)[] = new Array(cols).fill(null);
  const downShape = new Map<number, string>();
  const shapeAt = (i: number, j: number, down: boolean): string => {
    const f = cells[i][j] as string;
    if (!down) return shapeAcross(f);
    const k = i * cols + j;
    let s = downShape.get(k);
    if (s === undefined) downShape.set(k, (s = shapeDown(f)));
    return s;
  };
  for (let i = 0; i < rows; i++) {
    let left: string | null = null;
    for (let j = 0; j < cols; j++) {
      const f = cells[i][j];
      if (f === null) continue;
      let key: string | null = null;
      if (isFormula(f)) {
        const row = r1 + i;
        const col = c1 + j;
        if (readsAs(above[j], f, row, col)) key = above[j];
        else if (readsAs(left, f, row, col)) key = left;
        else {
          let d = i + 1;
          while (d < rows && cells[d][j] === null) d++;
          let r = j + 1;
          while (r < cols && cells[i][r] === null) r++;
          const next = (d < rows && isFormula(cells[d][j]) && shapeAt(d, j, true) === shapeAt(i, j, true)) || (r < cols && isFormula(cells[i][r]) && shapeAt(i, r, false) === shapeAt(i, j, false));
          if (next) {
            const own = a1ToR1C1(f, row, col);
            if (readsAs(own, f, row, col)) key = own;
          }
        }
      }
      keys[i][j] = key;
      above[j] = key;
      left = key;
    }
  }
  return keys;
}

/** Fills smaller than this stay A1 cells (a one-cell fill saves nothing). */
const MIN_FILL = 2;

/**
 * Splits a formulas block into maximal-ish rectangles of one R1C1 formula (greedy, row-major:
 * from each free cell the larger of "down the column, then across identical columns" and
 * "along the row, then down identical rows"), and leftover rectangles of the other cells
 * (runs along each row, merged with identical runs in the rows below).
 *
 * A fill may run over EMPTY cells of the block (null: the plan writes "" there) so that a column
 * broken by blank group rows stays one fill: those cells are always in `rest` too, and the
 * caller writes `rest` after the fills, so they end up empty as the plan says.
 */
export function partitionBlock(block: CellBlock): BlockPartition {
  if (block.kind !== "formulas") return { fills: [], rest: [block] };
  const { r1, c1 } = parseRect(block.address);
  const rows = block.cells.length;
  const cols = rows === 0 ? 0 : block.cells[0].length;
  const keys = cellKeys(block.cells, r1, c1);
  const blank = (i: number, j: number): boolean => block.cells[i][j] === null;
  /** Cells written by a fill (blank cells never are: `rest` writes them). */
  const used: boolean[][] = keys.map((row) => row.map(() => false));
  const fits = (i: number, j: number, k: string): boolean => i < rows && j < cols && (blank(i, j) || (!used[i][j] && keys[i][j] === k));
  const rowFits = (i: number, j: number, w: number, k: string): boolean => {
    for (let d = 0; d < w; d++) if (!fits(i, j + d, k)) return false;
    return true;
  };
  const colFits = (i: number, j: number, h: number, k: string): boolean => {
    for (let d = 0; d < h; d++) if (!fits(i + d, j, k)) return false;
    return true;
  };
  const realCells = (i: number, j: number, h: number, w: number): number => {
    let n = 0;
    for (let a = 0; a < h; a++) for (let b = 0; b < w; b++) if (!blank(i + a, j + b)) n++;
    return n;
  };
  /** Drops trailing rows and columns that are blank only. */
  const trim = (i: number, j: number, h: number, w: number): [number, number] => {
    while (h > 1 && realCells(i + h - 1, j, 1, w) === 0) h--;
    while (w > 1 && realCells(i, j + w - 1, h, 1) === 0) w--;
    return [h, w];
  };
  const fills: Fill[] = [];

  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const k = keys[i][j];
      if (k === null || used[i][j]) continue;
      // Down first, then across.
      let hA = 1;
      while (fits(i + hA, j, k)) hA++;
      [hA] = trim(i, j, hA, 1);
      let wA = 1;
      while (colFits(i, j + wA, hA, k)) wA++;
      [hA, wA] = trim(i, j, hA, wA);
      // Across first, then down.
      let wB = 1;
      while (fits(i, j + wB, k)) wB++;
      [, wB] = trim(i, j, 1, wB);
      let hB = 1;
      while (rowFits(i + hB, j, wB, k)) hB++;
      [hB, wB] = trim(i, j, hB, wB);
      const nA = realCells(i, j, hA, wA);
      const nB = realCells(i, j, hB, wB);
      const [h, w, n] = nA >= nB ? [hA, wA, nA] : [hB, wB, nB];
      if (n < MIN_FILL) continue;
      for (let a = 0; a < h; a++) for (let b = 0; b < w; b++) if (!blank(i + a, j + b)) used[i + a][j + b] = true;
      fills.push({ address: rect(r1 + i, c1 + j, r1 + i + h - 1, c1 + j + w - 1), r1c1: k, cells: n });
    }
  }

  // Leftover cells: runs along each row; a run continues the run above when it spans the same columns.
  const rest: CellBlock[] = [];
  let open = new Map<string, { top: number; a: number; b: number; cells: CellValue[][] }>();
  const close = (run: { top: number; a: number; b: number; cells: CellValue[][] }): void => {
    rest.push({ kind: block.kind, address: rect(r1 + run.top, c1 + run.a, r1 + run.top + run.cells.length - 1, c1 + run.b), cells: run.cells });
  };
  for (let i = 0; i <= rows; i++) {
    const next = new Map<string, { top: number; a: number; b: number; cells: CellValue[][] }>();
    for (let j = 0; i < rows && j < cols; ) {
      if (used[i][j]) {
        j++;
        continue;
      }
      let e = j;
      while (e + 1 < cols && !used[i][e + 1]) e++;
      const span = `${j}:${e}`;
      const row = block.cells[i].slice(j, e + 1);
      const prev = open.get(span);
      if (prev) {
        prev.cells.push(row);
        open.delete(span);
        next.set(span, prev);
      } else next.set(span, { top: i, a: j, b: e, cells: [row] });
      j = e + 1;
    }
    for (const run of open.values()) close(run);
    open = next;
  }
  rest.sort((x, y) => {
    const p = parseRect(x.address);
    const q = parseRect(y.address);
    return p.r1 - q.r1 || p.c1 - q.c1;
  });
  return { fills, rest };
}
