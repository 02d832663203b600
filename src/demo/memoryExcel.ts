/**
 * An in-memory Excel host: a small recording stand-in for the Excel JavaScript API. The demo page
 * runs the real adapter (src/excel) over it, and so do the pane's tests, the adapter's tests and
 * the bench. It keeps a workbook of cells, sheets and names; records every property set, method call and
 * load with its arguments; counts context.sync() calls and the JSON size of what was queued
 * between them; makes loaded properties readable only after a sync; and behaves like Excel where
 * the adapter must care: a text starting with = + - written as a value becomes a formula unless
 * the cell's number format is "@", numeric-looking text becomes a number, one formula set through
 * `formulasR1C1` fills every cell of the range (each cell stores the A1 formula it reads as
 * there, converted by src/excel/formulaFill.ts), a range's `formulas` read back "=…" for a formula
 * cell and the constant otherwise (and only when loaded), protected sheets refuse writes, very
 * hidden sheets refuse deletion, and a request over 5 MB is refused. Formulas are not computed:
 * a formula cell holds the value `putFormula` gave it, else none (its `values` read "").
 * `afterRun` (e.g. the demo's recalculation, see ./recalc.ts) runs after every batch; what it does
 * through `quietly` is neither recorded nor counted. Activating a sheet and selecting a range are
 * kept in `selection`. Operations run at once (not at sync), which is equivalent for code that
 * only reads after sync. Only types come from Office.js: nothing here needs the global Excel.
 */
import { compileR1C1, renderA1, type R1C1Template } from "../excel/formulaFill";
import { parseRect, rect } from "../plan";

export type Scalar = string | number | boolean;

export interface Call {
  /** Index of the sync that sent this call (0 = before the first sync). */
  sync: number;
  target: string;
  op: "set" | "call" | "load";
  name: string;
  args: unknown[];
}

export interface MemoryCell {
  value?: Scalar;
  formula?: string;
  numberFormat?: string;
}

export interface MemorySheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  protectOptions?: unknown;
  cells: Map<string, MemoryCell>;
}

export const EXCEL_REQUEST_LIMIT = 5 * 1024 * 1024;

/** An error shaped like OfficeExtension.Error (a string `code`), as Office rejects a sync. */
export function officeError(code: string, message = `Office error ${code}`): Error & { code: string } {
  const err = new Error(message) as Error & { code: string };
  err.name = "RichApi.Error";
  err.code = code;
  return err;
}

const refused = (code: string, message: string): Error & { code: string } => officeError(code, `${code}: ${message}`);

const key = (row: number, col: number): string => `${row},${col}`;

/** Rows/cols of an address; whole rows "6:12" and whole columns "C:F" span the sheet's limits. */
function bounds(address: string): { r1: number; c1: number; r2: number; c2: number } {
  const rows = /^(\d+):(\d+)$/.exec(address);
  if (rows) return { r1: Number(rows[1]), c1: 1, r2: Number(rows[2]), c2: 16384 };
  const cols = /^([A-Z]+):([A-Z]+)$/.exec(address);
  if (cols) {
    const a = parseRect(`${cols[1]}1`).c1;
    const b = parseRect(`${cols[2]}1`).c1;
    return { r1: 1, c1: a, r2: 1048576, c2: b };
  }
  return parseRect(address.replace(/\$/g, ""));
}

export class MemoryExcel {
  readonly log: Call[] = [];
  readonly sheets: MemorySheet[] = [];
  readonly names = new Map<string, { ref: string; comment?: string }>();
  syncs = 0;
  /** JSON bytes of the calls sent with each sync. */
  readonly requestBytes: number[] = [];
  /** JSON bytes of the values loaded by each sync (Excel on the web also refuses responses over 5 MB). */
  readonly responseBytes: number[] = [];
  /** Called at the start of every sync with its 1-based number (e.g. to abort mid-way). */
  onSync?: (n: number) => void;
  /** Called after every batch run through `run`, whether it succeeded or failed (e.g. to recalculate). */
  afterRun?: () => Promise<void>;
  /** The sheet last activated and the range last selected, as the user would see them. */
  selection: { sheet: string; address: string } | null = null;
  private pendingBytes = 0;
  private pendingLoads: { loaded: boolean; responseSize(): number }[] = [];
  /** > 0 while `quietly` work runs: nothing recorded or counted, no hooks. */
  private quiet = 0;
  readonly context: MemoryContext;

  constructor(sheetNames: string[] = ["Sheet1"]) {
    for (const name of sheetNames) this.addSheet(name);
    this.context = new MemoryContext(this);
  }

  /** Runs a batch like Excel.run, then `afterRun`. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    try {
      return await batch(this.context as unknown as Excel.RequestContext);
    } finally {
      if (this.quiet === 0) await this.afterRun?.();
    }
  };

  /** Runs work (e.g. a batch of its own) unrecorded and uncounted: the log, syncs and bytes stay as they were. */
  async quietly<T>(work: () => Promise<T>): Promise<T> {
    this.quiet++;
    try {
      return await work();
    } finally {
      this.quiet--;
    }
  }

  record(target: string, op: Call["op"], name: string, args: unknown[] = []): void {
    if (this.quiet > 0) return;
    const call: Call = { sync: this.syncs, target, op, name, args };
    this.log.push(call);
    this.pendingBytes += JSON.stringify({ target, op, name, args }).length;
  }

  queueLoad(obj: { loaded: boolean; responseSize(): number }): void {
    this.pendingLoads.push(obj);
  }

  async sync(): Promise<void> {
    const loads = this.pendingLoads;
    this.pendingLoads = [];
    if (this.quiet > 0) {
      for (const o of loads) o.loaded = true;
      return;
    }
    this.syncs++;
    this.onSync?.(this.syncs);
    const bytes = this.pendingBytes;
    this.requestBytes.push(bytes);
    this.pendingBytes = 0;
    if (bytes > EXCEL_REQUEST_LIMIT) throw refused("RequestPayloadSizeLimitExceeded", `request of ${bytes} bytes`);
    let response = 0;
    for (const o of loads) {
      o.loaded = true;
      response += o.responseSize();
    }
    this.responseBytes.push(response);
  }

  get queuedBytes(): number {
    return this.pendingBytes;
  }

  addSheet(name: string): MemorySheet {
    if (this.sheet(name)) throw refused("ItemAlreadyExists", `sheet ${name}`);
    const s: MemorySheet = { name, visibility: "Visible", protected: false, cells: new Map() };
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  mustSheet(name: string): MemorySheet {
    const s = this.sheet(name);
    if (!s) throw refused("ItemNotFound", `sheet ${name}`);
    return s;
  }

  /** Test helper: the cell as stored. */
  cell(sheet: string, address: string): MemoryCell | undefined {
    const { r1, c1 } = parseRect(address);
    return this.mustSheet(sheet).cells.get(key(r1, c1));
  }

  /** Test helper: a formula typed into a cell, with the value Excel would compute for it (none = reads ""), bypassing the log. */
  putFormula(sheet: string, address: string, formula: string, value?: Scalar): void {
    const s = this.mustSheet(sheet);
    const { r1, c1 } = parseRect(address);
    const k = key(r1, c1);
    s.cells.set(k, { numberFormat: s.cells.get(k)?.numberFormat, formula, ...(value !== undefined ? { value } : {}) });
  }

  /** Test helper: types values into cells (as a user would, or as formulas compute them), bypassing the log. */
  put(sheet: string, topLeft: string, values: (Scalar | null)[][]): void {
    const s = this.mustSheet(sheet);
    const { r1, c1 } = parseRect(topLeft);
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        const k = key(r1 + r, c1 + c);
        const old = s.cells.get(k) ?? {};
        if (v === null || v === "") {
          if (old.formula === undefined) s.cells.delete(k);
          else s.cells.set(k, { ...old, value: undefined });
        } else s.cells.set(k, { ...old, value: v });
      }),
    );
  }

  /** Calls on a target whose text contains `part`. */
  calls(filter: Partial<Pick<Call, "op" | "name">> & { target?: string | RegExp } = {}): Call[] {
    return this.log.filter(
      (c) =>
        (filter.op === undefined || c.op === filter.op) &&
        (filter.name === undefined || c.name === filter.name) &&
        (filter.target === undefined || (typeof filter.target === "string" ? c.target.includes(filter.target) : filter.target.test(c.target))),
    );
  }
}

class MemoryContext {
  readonly workbook: MemoryWorkbook;
  readonly application: unknown;

  constructor(private readonly excel: MemoryExcel) {
    this.workbook = new MemoryWorkbook(excel);
    this.application = recorder(excel, "application");
  }

  sync(): Promise<void> {
    return this.excel.sync();
  }
}

class Loadable {
  loaded = false;

  constructor(
    protected readonly excel: MemoryExcel,
    readonly target: string,
  ) {}

  load(props?: unknown): this {
    this.excel.record(this.target, "load", "load", props === undefined ? [] : [props]);
    this.excel.queueLoad(this);
    return this;
  }

  responseSize(): number {
    return 100;
  }

  protected need(prop: string): void {
    if (!this.loaded) throw new Error(`PropertyNotLoaded: ${this.target}.${prop} read before load + sync`);
  }

  toJSON(): string {
    return this.target;
  }
}

class MemoryWorkbook {
  readonly worksheets: MemoryWorksheets;
  readonly names: MemoryNames;

  constructor(excel: MemoryExcel) {
    this.worksheets = new MemoryWorksheets(excel);
    this.names = new MemoryNames(excel);
  }
}

class MemoryWorksheets extends Loadable {
  constructor(excel: MemoryExcel) {
    super(excel, "worksheets");
  }

  get items(): MemoryWorksheet[] {
    this.need("items");
    return this.excel.sheets.map((s) => {
      const ws = new MemoryWorksheet(this.excel, s);
      ws.loaded = true;
      return ws;
    });
  }

  add(name: string): MemoryWorksheet {
    this.excel.record("worksheets", "call", "add", [name]);
    return new MemoryWorksheet(this.excel, this.excel.addSheet(name));
  }

  getItem(name: string): MemoryWorksheet {
    this.excel.record("worksheets", "call", "getItem", [name]);
    return new MemoryWorksheet(this.excel, this.excel.mustSheet(name));
  }
}

class MemoryProtection {
  constructor(
    private readonly excel: MemoryExcel,
    private readonly ws: MemoryWorksheet,
  ) {}

  get protected(): boolean {
    if (!this.ws.loaded) throw new Error(`PropertyNotLoaded: ${this.ws.target}.protection.protected`);
    return this.ws.sheet.protected;
  }

  protect(options?: unknown, password?: string): void {
    this.excel.record(`${this.ws.target}.protection`, "call", "protect", [options ?? null, password ?? null]);
    if (this.ws.sheet.protected) throw refused("InvalidOperation", "sheet already protected");
    this.ws.sheet.protected = true;
    this.ws.sheet.protectOptions = options;
  }

  unprotect(password?: string): void {
    this.excel.record(`${this.ws.target}.protection`, "call", "unprotect", [password ?? null]);
    this.ws.sheet.protected = false;
  }
}

export class MemoryWorksheet extends Loadable {
  readonly protection: MemoryProtection;
  readonly freezePanes: unknown;
  readonly charts: unknown;
  readonly autoFilter: unknown;
  readonly pageLayout: unknown;
  readonly horizontalPageBreaks: unknown;

  constructor(
    excel: MemoryExcel,
    readonly sheet: MemorySheet,
  ) {
    super(excel, `sheet(${sheet.name})`);
    this.pageLayout = recorder(excel, `${this.target}.pageLayout`);
    this.horizontalPageBreaks = recorder(excel, `${this.target}.horizontalPageBreaks`);
    this.protection = new MemoryProtection(excel, this);
    this.freezePanes = recorder(excel, `${this.target}.freezePanes`);
    this.charts = recorder(excel, `${this.target}.charts`);
    this.autoFilter = recorder(excel, `${this.target}.autoFilter`, () => this.checkWritable());
  }

  get name(): string {
    this.need("name");
    return this.sheet.name;
  }

  set name(value: string) {
    this.excel.record(this.target, "set", "name", [value]);
    if (this.excel.sheet(value) && this.excel.sheet(value) !== this.sheet) throw refused("ItemAlreadyExists", `sheet ${value}`);
    this.sheet.name = value;
  }

  get visibility(): string {
    this.need("visibility");
    return this.sheet.visibility;
  }

  set visibility(value: string) {
    this.excel.record(this.target, "set", "visibility", [value]);
    this.sheet.visibility = value as MemorySheet["visibility"];
  }

  set tabColor(value: string) {
    this.excel.record(this.target, "set", "tabColor", [value]);
  }

  getRange(address: string): MemoryRange {
    this.excel.record(this.target, "call", "getRange", [address]);
    return new MemoryRange(this.excel, this.sheet, address);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): MemoryRange {
    this.excel.record(this.target, "call", "getUsedRangeOrNullObject", [valuesOnly ?? false]);
    let box: { r1: number; c1: number; r2: number; c2: number } | null = null;
    for (const [k, c] of this.sheet.cells) {
      if (valuesOnly ? c.value === undefined && c.formula === undefined : false) continue;
      const [r, col] = k.split(",").map(Number);
      box = box ? { r1: Math.min(box.r1, r), c1: Math.min(box.c1, col), r2: Math.max(box.r2, r), c2: Math.max(box.c2, col) } : { r1: r, c1: col, r2: r, c2: col };
    }
    const range = new MemoryRange(this.excel, this.sheet, box ? rect(box.r1, box.c1, box.r2, box.c2) : "A1");
    range.nullObject = box === null;
    return range;
  }

  private checkWritable(): void {
    if (this.sheet.protected) throw refused("AccessDenied", `sheet ${this.sheet.name} is protected`);
  }

  activate(): void {
    this.excel.record(this.target, "call", "activate");
    const was = this.excel.selection;
    this.excel.selection = { sheet: this.sheet.name, address: was?.sheet === this.sheet.name ? was.address : "A1" };
  }

  delete(): void {
    this.excel.record(this.target, "call", "delete");
    if (this.sheet.visibility === "VeryHidden") throw refused("InvalidOperation", "a very hidden sheet cannot be deleted");
    const i = this.excel.sheets.indexOf(this.sheet);
    if (i < 0) throw refused("ItemNotFound", this.sheet.name);
    if (this.excel.sheets.filter((s) => s !== this.sheet && s.visibility === "Visible").length === 0) throw refused("InvalidOperation", "the last visible sheet");
    this.excel.sheets.splice(i, 1);
  }
}

export class MemoryRange extends Loadable {
  nullObject = false;
  readonly format: unknown;
  readonly dataValidation: unknown;
  readonly conditionalFormats: unknown;

  constructor(
    excel: MemoryExcel,
    readonly sheet: MemorySheet,
    readonly a1: string,
  ) {
    super(excel, `${sheet.name}!${a1}`);
    this.format = recorder(excel, `${this.target}.format`, () => this.checkWritable());
    this.dataValidation = recorder(excel, `${this.target}.dataValidation`, () => this.checkWritable());
    this.conditionalFormats = recorder(excel, `${this.target}.conditionalFormats`, () => this.checkWritable());
  }

  /** The used part of this range (whole columns such as "A:A" included), as Range.getUsedRangeOrNullObject (1.4). */
  getUsedRangeOrNullObject(valuesOnly?: boolean): MemoryRange {
    this.excel.record(this.target, "call", "getUsedRangeOrNullObject", [valuesOnly ?? false]);
    const b = bounds(this.a1);
    let box: { r1: number; c1: number; r2: number; c2: number } | null = null;
    for (const [k, c] of this.sheet.cells) {
      if (valuesOnly && c.value === undefined && c.formula === undefined) continue;
      const [r, col] = k.split(",").map(Number);
      if (r < b.r1 || r > b.r2 || col < b.c1 || col > b.c2) continue;
      box = box ? { r1: Math.min(box.r1, r), c1: Math.min(box.c1, col), r2: Math.max(box.r2, r), c2: Math.max(box.c2, col) } : { r1: r, c1: col, r2: r, c2: col };
    }
    const range = new MemoryRange(this.excel, this.sheet, box ? rect(box.r1, box.c1, box.r2, box.c2) : "A1");
    range.nullObject = box === null;
    return range;
  }

  /** Properties named in load() calls ("address,values", ["address", "values"] or { select }). */
  private loadedProps = new Set<string>();

  override load(props?: unknown): this {
    const list = typeof props === "string" ? props : Array.isArray(props) ? props.join(",") : typeof props === "object" && props !== null && "select" in props ? String((props as { select: unknown }).select) : "";
    for (const p of list.split(",")) if (p.trim() !== "") this.loadedProps.add(p.trim());
    return super.load(props);
  }

  override responseSize(): number {
    if (this.nullObject) return 20;
    const formulas = this.loadedProps.has("formulas") ? JSON.stringify(this.formulas).length : 0;
    return JSON.stringify(this.values).length + formulas + this.a1.length + 40;
  }

  get isNullObject(): boolean {
    this.need("isNullObject");
    return this.nullObject;
  }

  private checkWritable(): void {
    if (this.sheet.protected) throw refused("AccessDenied", `sheet ${this.sheet.name} is protected`);
  }

  private forEachCell(values: unknown, prop: string, fn: (cell: MemoryCell, v: unknown, k: string) => void): void {
    const b = bounds(this.a1);
    const rows = b.r2 - b.r1 + 1;
    const cols = b.c2 - b.c1 + 1;
    if (!Array.isArray(values) || values.length !== rows || values.some((r) => !Array.isArray(r) || r.length !== cols)) {
      throw refused("InvalidArgument", `${prop} of ${this.target} must be ${rows}×${cols}`);
    }
    (values as unknown[][]).forEach((row, r) =>
      row.forEach((v, c) => {
        const k = key(b.r1 + r, b.c1 + c);
        fn(this.sheet.cells.get(k) ?? {}, v, k);
      }),
    );
  }

  /** As Excel stores a value typed or written through `values`. */
  private store(cell: MemoryCell, v: unknown, k: string, asFormula: boolean): void {
    if (v === null) return;
    if (v === "") {
      if (cell.numberFormat === undefined) this.sheet.cells.delete(k);
      else this.sheet.cells.set(k, { numberFormat: cell.numberFormat });
      return;
    }
    const textFormat = cell.numberFormat === "@";
    if (typeof v === "string" && !textFormat) {
      if (/^[=+-]/.test(v) && !/^[+-]?\d+(\.\d+)?$/.test(v)) {
        if (!asFormula && !v.startsWith("=")) v = `=${v}`;
        this.sheet.cells.set(k, { numberFormat: cell.numberFormat, formula: v as string });
        return;
      }
      if (/^[+-]?\d+(\.\d+)?$/.test(v.trim())) v = Number(v);
      else if (/^(true|false)$/i.test(v.trim())) v = v.trim().toLowerCase() === "true";
    }
    this.sheet.cells.set(k, { numberFormat: cell.numberFormat, value: v as Scalar });
  }

  set values(values: unknown) {
    this.excel.record(this.target, "set", "values", [values]);
    this.checkWritable();
    this.forEachCell(values, "values", (cell, v, k) => this.store(cell, v, k, false));
  }

  get values(): Scalar[][] {
    this.need("values");
    const b = bounds(this.a1);
    const out: Scalar[][] = [];
    for (let r = b.r1; r <= b.r2; r++) {
      const row: Scalar[] = [];
      for (let c = b.c1; c <= b.c2; c++) row.push(this.sheet.cells.get(key(r, c))?.value ?? "");
      out.push(row);
    }
    return out;
  }

  /** As Excel: "=…" for a formula cell, the constant otherwise ("" when empty); only when loaded. */
  get formulas(): Scalar[][] {
    this.need("formulas");
    if (!this.loadedProps.has("formulas")) throw new Error(`PropertyNotLoaded: ${this.target}.formulas read without load("formulas")`);
    const b = bounds(this.a1);
    const out: Scalar[][] = [];
    for (let r = b.r1; r <= b.r2; r++) {
      const row: Scalar[] = [];
      for (let c = b.c1; c <= b.c2; c++) {
        const cell = this.sheet.cells.get(key(r, c));
        row.push(cell?.formula ?? cell?.value ?? "");
      }
      out.push(row);
    }
    return out;
  }

  set formulas(values: unknown) {
    this.excel.record(this.target, "set", "formulas", [values]);
    this.checkWritable();
    this.forEachCell(values, "formulas", (cell, v, k) => this.store(cell, v, k, true));
  }

  /**
   * As Excel: a 2-D array sets cell by cell; a single value sets every cell of the range. Each
   * cell stores the A1 formula Excel would show for the R1C1 text at that cell.
   */
  set formulasR1C1(values: unknown) {
    this.excel.record(this.target, "set", "formulasR1C1", [values]);
    this.checkWritable();
    const b = bounds(this.a1);
    const grid = Array.isArray(values) ? values : Array.from({ length: b.r2 - b.r1 + 1 }, () => Array.from({ length: b.c2 - b.c1 + 1 }, () => values));
    const templates = new Map<string, R1C1Template | null>();
    this.forEachCell(grid, "formulasR1C1", (cell, v, k) => {
      if (typeof v === "string" && v.startsWith("=")) {
        const [row, col] = k.split(",").map(Number);
        if (!templates.has(v)) templates.set(v, compileR1C1(v));
        const t = templates.get(v);
        const a1 = t ? renderA1(t, row, col) : null;
        if (a1 === null) throw refused("InvalidArgument", `formulasR1C1 of ${this.target}: cannot read ${v} at ${rect(row, col, row, col)}`);
        v = a1;
      }
      this.store(cell, v, k, true);
    });
  }

  set formulasLocal(values: unknown) {
    this.excel.record(this.target, "set", "formulasLocal", [values]);
    throw new Error("formulasLocal is locale-dependent: the adapter must write range.formulas");
  }

  set numberFormat(values: unknown) {
    this.excel.record(this.target, "set", "numberFormat", [values]);
    this.checkWritable();
    this.forEachCell(values, "numberFormat", (cell, v, k) => this.sheet.cells.set(k, { ...cell, numberFormat: String(v) }));
  }

  set columnHidden(value: boolean) {
    this.excel.record(this.target, "set", "columnHidden", [value]);
  }

  /** Sheet-qualified, as Excel returns it. */
  get address(): string {
    this.need("address");
    return `'${this.sheet.name.replace(/'/g, "''")}'!${this.a1}`;
  }

  group(by: string): void {
    this.excel.record(this.target, "call", "group", [by]);
  }

  merge(across: boolean): void {
    this.excel.record(this.target, "call", "merge", [across]);
  }

  select(): void {
    this.excel.record(this.target, "call", "select");
    this.excel.selection = { sheet: this.sheet.name, address: this.a1 };
  }

  clear(applyTo?: string): void {
    this.excel.record(this.target, "call", "clear", [applyTo ?? "All"]);
    this.checkWritable();
    const b = bounds(this.a1);
    for (const k of [...this.sheet.cells.keys()]) {
      const [r, c] = k.split(",").map(Number);
      if (r >= b.r1 && r <= b.r2 && c >= b.c1 && c <= b.c2) this.sheet.cells.delete(k);
    }
  }
}

class MemoryNames extends Loadable {
  constructor(excel: MemoryExcel) {
    super(excel, "names");
  }

  get items(): { name: string }[] {
    this.need("items");
    return [...this.excel.names.keys()].map((name) => ({ name }));
  }

  add(name: string, reference: unknown, comment?: string): void {
    this.excel.record("names", "call", "add", [name, reference, comment ?? null]);
    if ([...this.excel.names.keys()].some((n) => n.toLowerCase() === name.toLowerCase())) throw refused("ItemAlreadyExists", `name ${name}`);
    this.excel.names.set(name, { ref: String(reference), ...(comment !== undefined ? { comment } : {}) });
  }

  getItem(name: string): { delete(): void } {
    this.excel.record("names", "call", "getItem", [name]);
    if (!this.excel.names.has(name)) throw refused("ItemNotFound", `name ${name}`);
    return {
      delete: () => {
        this.excel.record(`names(${name})`, "call", "delete");
        this.excel.names.delete(name);
      },
    };
  }
}

/**
 * A navigable, callable recording proxy for the parts of the API whose effect the tests only
 * inspect in the log (formats, validation, conditional formats, charts, freeze panes).
 */
function recorder(excel: MemoryExcel, path: string, beforeWrite?: () => void): unknown {
  const values = new Map<string, unknown>();
  const children = new Map<string, unknown>();
  const target = function (): void {};
  return new Proxy(target, {
    get(_t, prop) {
      if (typeof prop === "symbol" || prop === "then" || prop === "toJSON") return undefined;
      if (values.has(prop)) return values.get(prop);
      if (!children.has(prop)) children.set(prop, recorder(excel, `${path}.${prop}`, beforeWrite));
      return children.get(prop);
    },
    set(_t, prop, value) {
      excel.record(path, "set", String(prop), [value]);
      beforeWrite?.();
      values.set(String(prop), value);
      return true;
    },
    apply(_t, _this, args: unknown[]) {
      const dot = path.lastIndexOf(".");
      excel.record(path.slice(0, dot), "call", path.slice(dot + 1), args);
      beforeWrite?.();
      return recorder(excel, `${path}()`, beforeWrite);
    },
  });
}
