/**
 * An in-memory WorkbookPort for tests and for the demo page outside Office. It keeps the
 * "workbook" as plain cell texts, checks and scores them with the core engine, and can be told
 * to be slow or to fail like Excel would.
 */
import { allNodes, leaves, validateTree, type IndicatorTree } from "./model";
import { score, type MissingPolicy, type Rating } from "../core/engine";
import { importIdOf, summarize, type ImportLogEntry, type ImportMeta } from "../plan/importLog";
import { storedModel, type StoredModel } from "../plan";
import { copyPreview, copyWrites, readCopyFile } from "../plan/copyMerge";
import type {
  ApplyCopyResult,
  ExportRaterCopyOptions,
  MergeChoice,
  RaterCopyFile,
  ReturnedCopyPreview,
  Capabilities,
  CreateWorkbookRequest,
  CreateWorkbookResult,
  ImportRatingsRequest,
  ImportRatingsResult,
  ImportSummary,
  PortCallOptions,
  UndoImportResult,
  ProgressStep,
  WorkbookPort,
  WorkbookProblem,
  WorkbookSnapshot,
} from "../port";

type Method = Exclude<keyof WorkbookPort, "getCapabilities">;

export interface FakePortOptions {
  capabilities?: Capabilities;
  /** Milliseconds per step of long work (0: no waiting, but still asynchronous). */
  delayMs?: number;
  /** Thrown by the named method after its first step. */
  failWith?: Partial<Record<Method | "getCapabilities", unknown>>;
  /** Fill the rating sheet with demo ratings (with a few deliberate problems) on create. */
  demoRatings?: boolean;
  /** Clock for import times (default: the real one). */
  now?: () => Date;
  /** Returned by createWorkbook as skipped features. */
  createNotes?: CreateWorkbookResult["notes"];
}

/** An error shaped like OfficeExtension.Error. */
export function officeError(code: string, message = `Office error ${code}`): Error & { code: string } {
  const err = new Error(message) as Error & { code: string };
  err.name = "RichApi.Error";
  err.code = code;
  return err;
}

function abortError(): DOMException {
  return new DOMException("The operation was aborted.", "AbortError");
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export function columnName(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

interface FakeBook {
  tree: IndicatorTree;
  vendors: string[];
  raters: string[];
  missing: MissingPolicy;
  locale: CreateWorkbookRequest["locale"];
  aggregate?: CreateWorkbookRequest["aggregate"];
  sheets: { weights: string; ratings: string; results: string };
  /** Cell texts of the rating sheet by "vendor|rater|code". */
  cells: Map<string, string>;
  frozen: number;
}

export interface FakeCall {
  method: keyof WorkbookPort;
  args: unknown[];
}

export class FakePort implements WorkbookPort {
  readonly calls: FakeCall[] = [];
  selected: { sheet: string; address: string } | null = null;
  book: FakeBook | null = null;
  /** The Import log: one entry per import or merged copy, in order. */
  readonly importLog: FakeLogged[] = [];
  private readonly options: FakePortOptions;

  constructor(options: FakePortOptions = {}) {
    this.options = options;
  }

  private async step(method: Method | "getCapabilities", opts: PortCallOptions | undefined, fraction: number, step: ProgressStep, first = false): Promise<void> {
    opts?.onProgress?.(fraction, step);
    await wait(this.options.delayMs ?? 0, opts?.signal);
    const failure = this.options.failWith?.[method];
    if (first && failure !== undefined) throw failure;
  }

  async getCapabilities(options?: PortCallOptions): Promise<Capabilities> {
    this.calls.push({ method: "getCapabilities", args: [] });
    await wait(0, options?.signal);
    const failure = this.options.failWith?.getCapabilities;
    if (failure !== undefined) throw failure;
    return this.options.capabilities ?? { host: "demo", excelApi: [] };
  }

  async createWorkbook(request: CreateWorkbookRequest, options?: PortCallOptions): Promise<CreateWorkbookResult> {
    this.calls.push({ method: "createWorkbook", args: [request] });
    await this.step("createWorkbook", options, 0, "prepare", true);
    const zh = request.locale === "zh-CN";
    const sheets = zh ? { weights: "权重", ratings: "评分", results: "结果" } : { weights: "Weights", ratings: "Ratings", results: "Results" };
    await this.step("createWorkbook", options, 0.1, "weights");
    const cells = new Map<string, string>();
    const leafCodes = leaves(request.tree).map((l) => l.node.code);
    const raters = request.raters.length > 0 ? request.raters : [""];
    for (let v = 0; v < request.vendors.length; v++) {
      await this.step("createWorkbook", options, 0.2 + (0.6 * v) / request.vendors.length, "ratings");
      if (!this.options.demoRatings) continue;
      raters.forEach((rater, r) => {
        leafCodes.forEach((code, l) => {
          const value = 55 + ((v * 37 + r * 11 + l * 17) % 45);
          cells.set(key(request.vendors[v], rater, code), String(value));
        });
      });
    }
    if (this.options.demoRatings && request.vendors.length > 0 && leafCodes.length > 2) {
      // A few deliberate problems, so the demo's Check tab has something to show.
      const last = request.vendors[request.vendors.length - 1];
      cells.delete(key(last, raters[0], leafCodes[0]));
      cells.set(key(request.vendors[0], raters[0], leafCodes[1]), "120");
      cells.set(key(last, raters[0], leafCodes[2]), "n/a?");
    }
    await this.step("createWorkbook", options, 0.85, "results");
    await this.step("createWorkbook", options, 0.95, "format");
    this.book = { tree: structuredClone(request.tree), vendors: [...request.vendors], raters: [...request.raters], missing: request.missing, locale: request.locale, ...(request.raters.length >= 2 ? { aggregate: request.aggregate ?? "mean" } : {}), sheets, cells, frozen: 0 };
    options?.onProgress?.(1, "format");
    const notes = this.options.createNotes;
    return { sheets: [sheets.weights, sheets.ratings, sheets.results], firstInput: { sheet: sheets.ratings, address: "C2" }, ...(notes ? { notes } : {}) };
  }

  /** Test helper: types a text into a rating cell. */
  setCell(vendor: string, code: string, text: string, rater = ""): void {
    this.book?.cells.set(key(vendor, rater, code), text);
  }

  /** A1 address of a rating cell: one row per leaf from row 2, one column per vendor × rater from C. */
  ratingAddress(book: FakeBook, vendor: string, rater: string, code: string): string {
    const leafCodes = leaves(book.tree).map((l) => l.node.code);
    const raterCount = Math.max(1, book.raters.length);
    const col = 2 + book.vendors.indexOf(vendor) * raterCount + Math.max(0, book.raters.indexOf(rater));
    return `${columnName(col)}${leafCodes.indexOf(code) + 2}`;
  }

  async readWorkbook(options?: PortCallOptions): Promise<WorkbookSnapshot | null> {
    this.calls.push({ method: "readWorkbook", args: [] });
    await this.step("readWorkbook", options, 0, "read", true);
    const book = this.book;
    if (book === null) return null;
    await this.step("readWorkbook", options, 0.5, "check");
    const problems: WorkbookProblem[] = [];
    const ratings: Rating[] = [];
    const leafInfos = leaves(book.tree);
    const raters = book.raters.length > 0 ? book.raters : [""];
    for (const vendor of book.vendors) {
      for (const { node } of leafInfos) {
        let numeric = 0;
        const blanks: WorkbookProblem[] = [];
        for (const rater of raters) {
          const text = (book.cells.get(key(vendor, rater, node.code)) ?? "").trim();
          const at = { sheet: book.sheets.ratings, address: this.ratingAddress(book, vendor, rater, node.code), vendor, code: node.code, ...(rater ? { rater } : {}) };
          if (text === "") {
            blanks.push({ kind: "missing-rating", ...at });
          } else if (text.toUpperCase() === "NA") {
            ratings.push({ vendor, code: node.code, value: "NA", ...(rater ? { rater } : {}) });
            numeric++;
          } else if (!/^-?\d+(\.\d+)?$/.test(text)) {
            problems.push({ kind: "not-a-number", value: text, ...at });
          } else if (Number(text) < 0 || Number(text) > 100) {
            problems.push({ kind: "out-of-range", value: text, ...at });
          } else {
            ratings.push({ vendor, code: node.code, value: Number(text), ...(rater ? { rater } : {}) });
            numeric++;
          }
        }
        if (numeric === 0 && node.required && blanks.length > 0) problems.push({ ...blanks[0], kind: "required-unrated" });
        else problems.push(...blanks);
      }
    }
    const rows = allNodes(book.tree).map((i) => i.node.code);
    for (const f of validateTree(book.tree)) {
      if (f.code !== "weights-not-100") continue;
      problems.push({ kind: "weights-not-100", sheet: book.sheets.weights, address: `D${rows.indexOf(f.codes[0]) + 2}`, code: f.at, sum: f.sum });
    }
    const scores = score(book.tree, ratings, { missing: book.missing, vendors: book.vendors, ...(book.aggregate ? { aggregate: book.aggregate } : {}) });
    options?.onProgress?.(1, "check");
    const panel = book.aggregate ? { aggregate: book.aggregate, consensus: [] } : {};
    return { tree: structuredClone(book.tree), vendors: [...book.vendors], raters: [...book.raters], missing: book.missing, ratings, problems, scores, ...panel };
  }

  async selectCell(sheet: string, address: string, options?: PortCallOptions): Promise<void> {
    this.calls.push({ method: "selectCell", args: [sheet, address] });
    await this.step("selectCell", options, 0, "select", true);
    const book = this.book;
    if (book !== null && !Object.values(book.sheets).includes(sheet)) throw officeError("ItemNotFound");
    this.selected = { sheet, address };
  }

  async freezeResults(options?: PortCallOptions): Promise<{ sheet: string }> {
    this.calls.push({ method: "freezeResults", args: [] });
    await this.step("freezeResults", options, 0, "freeze", true);
    if (this.book === null) throw officeError("ItemNotFound");
    this.book.frozen++;
    return { sheet: `${this.book.sheets.results} (${this.book.frozen})` };
  }

  async applyWeights(tree: IndicatorTree, options?: PortCallOptions): Promise<void> {
    this.calls.push({ method: "applyWeights", args: [tree] });
    await this.step("applyWeights", options, 0, "weights", true);
    if (this.book === null) throw officeError("ItemNotFound");
    this.book.tree = structuredClone(tree);
    options?.onProgress?.(1, "weights");
  }

  async importRatings(request: ImportRatingsRequest, options?: PortCallOptions): Promise<ImportRatingsResult> {
    this.calls.push({ method: "importRatings", args: [request] });
    await this.step("importRatings", options, 0, "read", true);
    const book = this.book;
    if (book === null) throw officeError("ItemNotFound");
    await this.step("importRatings", options, 0.5, "import");
    const leafCodes = new Set(leaves(book.tree).map((l) => l.node.code));
    const meta = this.meta("import", request.sourceFile);
    const result: ImportRatingsResult = { importId: meta.importId, added: 0, overwritten: 0, kept: 0, unchanged: 0, skipped: 0, newVendors: [] };
    const entries: (ImportLogEntry & { cellRater: string })[] = [];
    const seen = new Set<string>();
    for (const r of request.ratings) {
      const rater = book.raters.includes(r.rater ?? "") ? (r.rater as string) : "";
      const k = key(r.vendor, rater, r.code);
      if (!leafCodes.has(r.code) || seen.has(k)) {
        result.skipped++;
        continue;
      }
      seen.add(k);
      if (!book.vendors.includes(r.vendor)) {
        book.vendors.push(r.vendor);
        result.newVendors.push(r.vendor);
      }
      const text = r.value === "NA" ? "NA" : String(r.value);
      const old = book.cells.get(k);
      const entry = { vendor: r.vendor, code: r.code, ...(r.rater ? { rater: r.rater } : {}), newValue: r.value, cellRater: rater };
      if (old === undefined || old.trim() === "") {
        entries.push({ ...entry, oldValue: null, action: "added" });
        result.added++;
      } else if (sameText(old, r.value)) {
        result.unchanged++;
        continue;
      } else if (request.choice === "keep-existing") {
        result.kept++;
        continue;
      } else {
        entries.push({ ...entry, oldValue: old, action: "overwritten" });
        result.overwritten++;
      }
      book.cells.set(k, text);
    }
    options?.onProgress?.(1, "import");
    if (entries.length === 0) return result;
    this.importLog.push({ meta, entries, undone: false });
    return { ...result, logSheet: this.logSheet(book) };
  }

  private meta(kind: ImportMeta["kind"], sourceFile: string, rater?: string): ImportMeta {
    const time = (this.options.now?.() ?? new Date()).toISOString();
    return { importId: importIdOf(time, this.importLog.length + 1), kind, time, sourceFile, ...(rater !== undefined ? { rater } : {}) };
  }

  private logSheet(book: FakeBook): string {
    return book.locale === "zh-CN" ? "导入日志" : "Import log";
  }

  async listImports(options?: PortCallOptions): Promise<ImportSummary[]> {
    this.calls.push({ method: "listImports", args: [] });
    await this.step("listImports", options, 0, "read", true);
    return this.importLog.map((l) => summarize(l.meta, l.entries, l.undone)).reverse();
  }

  async undoImport(importId: string, options?: PortCallOptions): Promise<UndoImportResult> {
    this.calls.push({ method: "undoImport", args: [importId] });
    await this.step("undoImport", options, 0, "undo", true);
    const book = this.book;
    const logged = this.importLog.find((l) => l.meta.importId === importId && !l.undone);
    if (book === null || !logged) throw officeError("ScorecardImportNotFound");
    const out: UndoImportResult = { restored: 0, changedSince: 0, missing: 0 };
    for (const e of logged.entries) {
      const k = key(e.vendor, e.cellRater, e.code);
      const now = book.cells.get(k);
      if (!book.vendors.includes(e.vendor)) out.missing++;
      else if (now !== undefined && sameText(now, e.newValue)) {
        if (e.oldValue === null) book.cells.delete(k);
        else book.cells.set(k, String(e.oldValue));
        out.restored++;
      } else {
        out.changedSince++;
        const cells = (out.changedCells ??= []);
        if (cells.length < 50) cells.push({ sheet: book.sheets.ratings, address: this.ratingAddress(book, e.vendor, e.cellRater, e.code), vendor: e.vendor, code: e.code, ...(e.cellRater ? { rater: e.cellRater } : {}), imported: e.newValue, now: now ?? null });
      }
    }
    logged.undone = true;
    options?.onProgress?.(1, "undo");
    return out;
  }

  /** The panel book as the workbook would store it; throws like the adapter when it is not a panel. */
  private panelBook(rater?: string): { book: FakeBook; model: StoredModel } {
    const book = this.book;
    if (book === null) throw officeError("ItemNotFound");
    if (book.raters.length < 2) throw officeError("ScorecardNotAPanel");
    if (rater !== undefined && !book.raters.includes(rater)) throw officeError("ScorecardUnknownRater");
    const model = storedModel({ tree: book.tree, vendors: book.vendors, raters: book.raters, options: { missing: book.missing, locale: book.locale, aggregate: book.aggregate ?? "mean" }, createdAt: "2026-01-01T00:00:00.000Z" });
    return { book, model };
  }

  /** Every typed rating of the book (rater set), as readWorkbook would return it. */
  private bookRatings(book: FakeBook): Rating[] {
    const out: Rating[] = [];
    for (const [k, text] of book.cells) {
      const [vendor, rater, code] = k.split("|");
      const t = text.trim();
      if (/^n\/?a$/i.test(t)) out.push({ vendor, code, rater, value: "NA" });
      else if (t !== "" && Number.isFinite(Number(t))) out.push({ vendor, code, rater, value: Number(t) });
    }
    return out;
  }

  /** Cells holding text or a number outside 0–100, as readWorkbook reports them. */
  private unratedProblems(book: FakeBook): WorkbookProblem[] {
    const out: WorkbookProblem[] = [];
    for (const [k, text] of book.cells) {
      const [vendor, rater, code] = k.split("|");
      const t = text.trim();
      if (t === "" || /^n\/?a$/i.test(t)) continue;
      const n = Number(t);
      const at = { sheet: book.sheets.ratings, address: this.ratingAddress(book, vendor, rater, code), vendor, code, ...(rater ? { rater } : {}), value: t };
      if (!/^-?\d+(\.\d+)?$/.test(t)) out.push({ kind: "not-a-number", ...at });
      else if (n < 0 || n > 100) out.push({ kind: "out-of-range", ...at });
    }
    return out;
  }

  async exportRaterCopy(rater: string, options?: PortCallOptions & ExportRaterCopyOptions): Promise<RaterCopyFile> {
    this.calls.push({ method: "exportRaterCopy", args: [rater] });
    await this.step("exportRaterCopy", options, 0, "prepare", true);
    const { book, model } = this.panelBook(rater);
    const grid: Record<string, Record<string, number | "NA">> = {};
    if (options?.prefill ?? true) for (const r of this.bookRatings(book)) if (r.rater === rater) (grid[r.vendor] ??= {})[r.code] = r.value;
    const { raterCopyFile } = await import(/* webpackChunkName: "xlsx-writer" */ "../xlsx/raterCopyFile");
    const file = await raterCopyFile(model, rater, grid);
    options?.onProgress?.(1, "prepare");
    return file;
  }

  async mergeReturnedCopy(bytes: Uint8Array, sourceFile: string, options?: PortCallOptions): Promise<ReturnedCopyPreview> {
    this.calls.push({ method: "mergeReturnedCopy", args: [sourceFile] });
    await this.step("mergeReturnedCopy", options, 0, "read", true);
    const { book, model } = this.panelBook();
    const preview = copyPreview(await readCopyFile(bytes), model, this.bookRatings(book), sourceFile, this.unratedProblems(book));
    options?.onProgress?.(1, "check");
    return preview;
  }

  async applyReturnedCopy(copy: ReturnedCopyPreview, choice: MergeChoice, options?: PortCallOptions): Promise<ApplyCopyResult> {
    this.calls.push({ method: "applyReturnedCopy", args: [copy, choice] });
    await this.step("applyReturnedCopy", options, 0, "import", true);
    const { book } = this.panelBook(copy.rater);
    const { writes, result } = copyWrites(copy, book, (vendor, code) => cellValueOf(book.cells.get(key(vendor, copy.rater, code))), choice);
    for (const w of writes) book.cells.set(key(w.vendor, copy.rater, w.code), w.value === null ? "" : String(w.value));
    options?.onProgress?.(1, "import");
    if (writes.length === 0) return result;
    const meta = this.meta("merge", copy.sourceFile, copy.rater);
    const entries = writes.map((w) => ({ vendor: w.vendor, code: w.code, rater: copy.rater, cellRater: copy.rater, oldValue: w.old, newValue: w.rating, action: w.old === null ? ("added" as const) : ("overwritten" as const) }));
    this.importLog.push({ meta, entries, undone: false });
    return { ...result, importId: meta.importId, logSheet: this.logSheet(book) };
  }
}

interface FakeLogged {
  meta: ImportMeta;
  /** cellRater: the rater part of the cell's key ("" on a single-rater sheet). */
  entries: (ImportLogEntry & { cellRater: string })[];
  undone: boolean;
}

/** A cell text as Excel would hold it: numbers as numbers, blank as null. */
function cellValueOf(text: string | undefined): string | number | null {
  const t = (text ?? "").trim();
  if (t === "") return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : (text as string);
}

function sameText(text: string, v: number | "NA"): boolean {
  const t = text.trim();
  return v === "NA" ? /^n\/?a$/i.test(t) : /^-?\d+(\.\d+)?$/.test(t) && Number(t) === v;
}

function key(vendor: string, rater: string, code: string): string {
  return `${vendor}|${rater}|${code}`;
}

export function createFakePort(options: FakePortOptions = {}): FakePort {
  return new FakePort(options);
}
