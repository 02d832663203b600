/**
 * The port over the real globals (Excel.run, Office.context), with office-addin-mock standing in
 * for Office.js where it can: it has no `.items` collections, so the workbook-wide operations are
 * tested on the recording fake (fakeExcel.ts) instead.
 */
import { OfficeMockObject } from "office-addin-mock";
import { OfficeApp } from "office-addin-manifest";
import { createExcelPort } from "../../src/excel";

type Globals = { Office?: unknown; Excel?: unknown };
const globals = globalThis as Globals;

afterEach(() => {
  delete globals.Office;
  delete globals.Excel;
});

function officeMock(upTo: number, platform: string): OfficeMockObject {
  // Office.context is not a load/sync proxy: the Outlook host makes the mock return values directly.
  return new OfficeMockObject(
    {
      context: {
        platform,
        requirements: {
          isSetSupported(name: string, version: string): boolean {
            return name === "ExcelApi" && Number(version.split(".")[1]) <= upTo;
          },
        },
      },
    },
    OfficeApp.Outlook,
  );
}

/** Excel with one sheet and one range; what the port does to them is pushed to `events`. */
function excelMock(events: string[]): OfficeMockObject {
  return new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          sheet: {
            range: {
              select: (): void => void events.push("select"),
            },
            activate: (): void => void events.push("activate"),
            getRange(this: { range: unknown }, address: string): unknown {
              events.push(`getRange ${address}`);
              return this.range;
            },
          },
          getItem(this: { sheet: unknown }, name: string): unknown {
            events.push(`getItem ${name}`);
            return this.sheet;
          },
        },
      },
    },
    async run(this: { context: unknown }, batch: (context: unknown) => Promise<unknown>): Promise<unknown> {
      return batch(this.context);
    },
  });
}

describe("Excel port on the Office globals (office-addin-mock)", () => {
  test("getCapabilities asks Office for every ExcelApi set 1.1…1.17 and reports the platform", async () => {
    globals.Office = officeMock(12, "OfficeOnline");
    const caps = await createExcelPort().getCapabilities();
    expect(caps).toEqual({ host: "excel", platform: "OfficeOnline", excelApi: Array.from({ length: 12 }, (_, i) => `1.${i + 1}`) });
  });

  test("selectCell activates the sheet and selects the cell in one sync", async () => {
    const events: string[] = [];
    const excel = excelMock(events);
    globals.Excel = excel;
    globals.Office = officeMock(17, "PC");
    const ctx = (excel as unknown as { context: { sync(): Promise<void> } }).context;
    const sync = jest.spyOn(ctx, "sync");
    const steps: string[] = [];
    await createExcelPort().selectCell("Ratings", "E7", { onProgress: (_f, step) => void steps.push(step) });
    expect(events).toEqual(["getItem Ratings", "activate", "getRange E7", "select"]);
    expect(sync).toHaveBeenCalledTimes(1);
    expect(steps).toEqual(["select"]);
  });

  test("a cancelled call never reaches Excel", async () => {
    const excel = excelMock([]);
    globals.Excel = excel;
    const run = jest.spyOn(excel as unknown as { run: () => Promise<unknown> }, "run");
    const ctl = new AbortController();
    ctl.abort();
    await expect(createExcelPort().selectCell("Ratings", "A1", { signal: ctl.signal })).rejects.toMatchObject({ name: "AbortError" });
    expect(run).not.toHaveBeenCalled();
  });
});
