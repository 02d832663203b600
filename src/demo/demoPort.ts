/**
 * The pane's WorkbookPort outside Excel: the real adapter (createExcelPort) over the in-memory
 * Excel host, its Results recalculated from the engine (./recalc.ts). The demo page and the pane's
 * tests run every flow through the code users run; what is added here is only what a real Excel
 * would bring: ratings someone typed (demo data, with a few deliberate problems), time per round
 * trip (so progress and cancel can be seen), the ExcelApi sets the host supports, and an Office
 * error where a test asks for one.
 */
import { EXCEL_API_VERSIONS, createExcelPort, type ExcelHost } from "../excel/port";
import { noteCells, probeWorkbook, ratingCells, readScorecard } from "../excel/readBack";
import { Syncer } from "../excel/batch";
import type { Capabilities, PortCallOptions, WorkbookPort } from "../port";
import { MemoryExcel, officeError } from "./memoryExcel";
import { recalculate } from "./recalc";

export { MemoryExcel, officeError };

type Method = keyof WorkbookPort;

export interface DemoPortOptions {
  /** The workbook to work on (default: a new one holding "Sheet1"). */
  excel?: MemoryExcel;
  /** ExcelApi sets the host supports (default: every set the adapter knows); the adapter skips what is missing. */
  excelApi?: string[];
  /** getCapabilities answers as inside Excel (host "excel"), so the pane disables what the sets lack; default: host "demo". */
  asExcel?: boolean;
  /** Milliseconds each context.sync() takes (default 0; still asynchronous). */
  delayMs?: number;
  /** Thrown by the first context.sync() of the named call, as Office rejects it (getCapabilities: by the host query). */
  failWith?: Partial<Record<Method, unknown>>;
  /** After a create, type demo ratings (with a few deliberate problems) into every empty vendor column. */
  demoRatings?: boolean;
  /** Clock for creation and import times (default: the real one). */
  now?: () => Date;
}

export interface DemoPort extends WorkbookPort {
  /** The in-memory workbook the adapter writes: cells, sheets, names, selection and the call log. */
  readonly excel: MemoryExcel;
}

export function createDemoPort(options: DemoPortOptions = {}): DemoPort {
  const excel = options.excel ?? new MemoryExcel();
  excel.afterRun = () => recalculate(excel);
  const versions = options.excelApi ?? EXCEL_API_VERSIONS;
  const failWith = options.failWith ?? {};
  /** The port call whose Excel.run is being started (set while the adapter's method runs synchronously). */
  let calling: Method | undefined;
  const fail = (method: Method | undefined): void => {
    const failure = method === undefined ? undefined : failWith[method];
    if (failure !== undefined) throw failure;
  };

  const host: ExcelHost = {
    run: async (batch) => {
      const method = calling;
      await recalculate(excel); // cells typed since the last batch are computed, as Excel does at once
      return excel.run((context) => {
        let first = true;
        const sync = async (): Promise<void> => {
          await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 0));
          if (first) {
            first = false;
            fail(method);
          }
          await context.sync();
        };
        return batch(new Proxy(context, { get: (target, prop) => (prop === "sync" ? sync : Reflect.get(target, prop)) }));
      });
    },
    isSetSupported: (version) => versions.includes(version),
    platform: () => {
      fail(calling === "getCapabilities" ? "getCapabilities" : undefined);
      return undefined;
    },
    now: () => options.now?.() ?? new Date(),
  };
  const adapter = createExcelPort({ host });

  /** Starts the adapter's method with `calling` set: its Excel.run starts synchronously. */
  function start<T>(method: Method, call: () => Promise<T>): Promise<T> {
    calling = method;
    try {
      return call();
    } finally {
      calling = undefined;
    }
  }

  return {
    excel,
    getCapabilities: async (o?: PortCallOptions): Promise<Capabilities> => {
      const caps = await start("getCapabilities", () => adapter.getCapabilities(o));
      return options.asExcel ? caps : { ...caps, host: "demo" };
    },
    createWorkbook: async (request, o) => {
      const result = await start("createWorkbook", () => adapter.createWorkbook(request, o));
      if (options.demoRatings) await typeDemoRatings(excel);
      return result;
    },
    readWorkbook: (o) => start("readWorkbook", () => adapter.readWorkbook(o)),
    selectCell: (sheet, address, o) => start("selectCell", () => adapter.selectCell(sheet, address, o)),
    freezeResults: (o) => start("freezeResults", () => adapter.freezeResults(o)),
    applyWeights: (tree, o) => start("applyWeights", () => adapter.applyWeights(tree, o)),
    importRatings: (request, o) => start("importRatings", () => adapter.importRatings(request, o)),
    listImports: (o) => start("listImports", () => adapter.listImports(o)),
    undoImport: (id, o) => start("undoImport", () => adapter.undoImport(id, o)),
    exportRaterCopy: (rater, o) => start("exportRaterCopy", () => adapter.exportRaterCopy(rater, o)),
    mergeReturnedCopy: (bytes, source, o) => start("mergeReturnedCopy", () => adapter.mergeReturnedCopy(bytes, source, o)),
    applyReturnedCopy: (copy, choice, o) => start("applyReturnedCopy", () => adapter.applyReturnedCopy(copy, choice, o)),
    readPairwise: (o) => start("readPairwise", () => adapter.readPairwise(o)),
    previewGroupWeights: (request, o) => start("previewGroupWeights", () => adapter.previewGroupWeights(request, o)),
    applyGroupWeights: (preview, o) => start("applyGroupWeights", () => adapter.applyGroupWeights(preview, o)),
    readMaturity: (o) => start("readMaturity", () => adapter.readMaturity(o)),
    writeMaturityMarks: (request, o) => start("writeMaturityMarks", () => adapter.writeMaturityMarks(request, o)),
    prepareReport: (o) => start("prepareReport", () => adapter.prepareReport(o)),
  };
}

/**
 * Types demo ratings into every rating sheet's vendor columns that are wholly empty (so a
 * re-create with more vendors rates only the new ones), then the deliberate problems on the first
 * rater's sheet where it was just filled: the first vendor's second indicator out of range, the
 * last vendor's first indicator blank and its third not a number; and a bid into every empty bid
 * cell of a Price sheet.
 */
const DEMO_REASONS = {
  "en-US": { high: "Shown working in the trial; references confirm it.", low: "Missing in the trial; promised for next release only." },
  "zh-CN": { high: "试用中演示可用，客户案例可证实。", low: "试用中未见此功能，仅承诺下一版本提供。" },
} as const;

export async function typeDemoRatings(excel: MemoryExcel): Promise<void> {
  const card = await excel.quietly(() =>
    excel.run(async (context) => {
      const syncer = new Syncer(context);
      return readScorecard(context, syncer, await probeWorkbook(context, syncer), ["ratings"], { panel: true });
    }),
  );
  if (!card) return;
  const single = card.grids.ratings;
  const sheets = card.panel ? card.panel.raters : single ? [{ rater: "", sheet: single.sheet, grid: single.grid }] : [];
  const layout = card.plan.layout.ratings;
  const vendors = card.model.vendors;
  sheets.forEach(({ sheet, grid }, r) => {
    if (!grid) return;
    const cells = ratingCells(grid, layout, card.model.tree);
    const empty = new Set(vendors.filter((vendor) => cells.every((c) => c.vendor !== vendor || c.value === null)));
    const leafIndex = new Map<string, number>();
    for (const c of cells) if (!leafIndex.has(c.code)) leafIndex.set(c.code, leafIndex.size);
    const notes = new Map(noteCells(grid, layout).map((n) => [`${n.vendor}\u0001${n.code}`, n.address]));
    const words = DEMO_REASONS[card.model.options.locale];
    for (const c of cells) {
      if (!empty.has(c.vendor)) continue;
      const v = vendors.indexOf(c.vendor);
      const l = leafIndex.get(c.code) as number;
      const value = 55 + ((v * 37 + r * 11 + l * 17) % 45);
      excel.put(sheet, c.address, [[value]]);
      // A reason beside the high ratings and every other low one (the rest show up in Check & score).
      const note = notes.get(`${c.vendor}\u0001${c.code}`);
      if (note !== undefined && (value >= 90 || (value < 60 && l % 2 === 0))) excel.put(sheet, note, [[value >= 90 ? words.high : words.low]]);
    }
    if (r > 0 || leafIndex.size <= 2) return;
    const at = (vendor: string, l: number): string => cells.find((c) => c.vendor === vendor && leafIndex.get(c.code) === l)?.address as string;
    const [first, last] = [vendors[0], vendors[vendors.length - 1]];
    if (empty.has(first)) excel.put(sheet, at(first, 1), [[120]]);
    if (empty.has(last)) {
      excel.put(sheet, at(last, 0), [[null]]);
      excel.put(sheet, at(last, 2), [["n/a?"]]);
    }
  });
  // A Price sheet: a demo bid for every vendor whose bid cell is empty.
  const price = card.plan.layout.award?.price;
  if (price) {
    vendors.forEach((_, v) => {
      const address = `${price.bidColumn}${price.firstRow + v}`;
      const now = excel.cell(price.sheet, address)?.value;
      if (now === undefined || now === null || now === "") excel.put(price.sheet, address, [[90_000 + ((v * 53) % 7) * 6_000]]);
    });
  }
  await recalculate(excel);
}
