/** @jest-environment jsdom */
import { enabledButton, modelOf, openTab, renderPane, typeRating, valueAt } from "./setup";
import { act, fireEvent, waitFor, within } from "@testing-library/react";
import { createDemoPort, officeError, type DemoPort } from "../../src/demo";
import { publishedTree } from "../../src/taskpane/standard";
import { translator } from "../../src/i18n";
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";
import { readFileSync } from "fs";
import { join } from "path";

const en = translator("en-US");
const re = (s: string): RegExp => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
const zh = translator("zh-CN");

// jsdom lacks what every pane browser has: TextDecoder/TextEncoder, object URLs, File.arrayBuffer.
const created: Blob[] = [];
beforeAll(() => {
  const g = globalThis as unknown as Record<string, unknown>;
  g.TextDecoder ??= NodeTextDecoder;
  g.TextEncoder ??= NodeTextEncoder;
  URL.createObjectURL = (b: Blob): string => `blob:report-${created.push(b)}`;
  URL.revokeObjectURL = (): void => undefined;
  if (typeof Blob.prototype.arrayBuffer !== "function") {
    Blob.prototype.arrayBuffer = function (this: Blob): Promise<ArrayBuffer> {
      return new Promise((resolve) => {
        const r = new FileReader();
        r.onload = () => resolve(r.result as ArrayBuffer);
        r.readAsArrayBuffer(this);
      });
    };
  }
});

async function portWithScorecard(options: Parameters<typeof createDemoPort>[0] = {}): Promise<DemoPort> {
  const port = createDemoPort({ now: () => new Date("2026-11-25T10:00:00Z"), ...options });
  await port.createWorkbook({ tree: publishedTree(), vendors: ["Acme", "Beta"], raters: [], locale: "en-US", missing: "exclude" });
  return port;
}

async function paste(panel: HTMLElement, text: string, t = en): Promise<void> {
  fireEvent.change(within(panel).getByRole("textbox", { name: t("import.paste") }), { target: { value: text } });
  await act(async () => {
    fireEvent.click(await enabledButton(t("import.readPaste")));
  });
  await within(panel).findByText(t("import.preview"), { selector: "span" });
}

/** The Import log's list (columns A–J), one row per import: source file, rater, added, overwritten, undone. */
function importLog(port: DemoPort): { source: unknown; rater: unknown; added: unknown; overwritten: unknown; undone: boolean }[] {
  const sheet = port.excel.sheet("Import log");
  if (!sheet) return [];
  const rows: ReturnType<typeof importLog> = [];
  const at = (row: number, col: number): unknown => sheet.cells.get(`${row},${col}`)?.value;
  for (let row = 2; at(row, 1) !== undefined; row++) rows.push({ source: at(row, 4), rater: at(row, 5), added: at(row, 6), overwritten: at(row, 7), undone: at(row, 8) !== undefined });
  return rows;
}

test("paste: preview with rejected lines in plain words, new vendors and conflicts; overwrite; report; undo", async () => {
  const port = await portWithScorecard();
  typeRating(port, "Acme", "1.1", 50);
  renderPane(port);
  const panel = await openTab(en("tab.import"));
  await paste(panel, "Vendor,Indicator,Score\nAcme,1.1,80\nGamma,1.2,70\nAcme,nonsense,5\nBeta,1.3,abc\n");

  expect(within(panel).getByText(re(en("import.rowsRead", { count: 4 })))).toBeTruthy();
  expect(within(panel).getByText(en("import.rejectLine", { line: 4, reason: en("import.reject.unknown-indicator", { value: "nonsense" }) }))).toBeTruthy();
  expect(within(panel).getByText(en("import.rejectLine", { line: 5, reason: en("import.reject.not-a-number", { value: "abc" }) }))).toBeTruthy();
  expect(within(panel).getByText(re(en("import.newVendors", { count: 1, names: "Gamma" })))).toBeTruthy();
  expect(within(panel).getByText(/Acme · 1\.1 Core features: workbook 50, file 80 \(line 2\)/)).toBeTruthy();

  // The report is there before anything is written.
  const link = await within(panel).findByRole("link", { name: en("import.report") });
  expect(link.getAttribute("download")).toBe("import-report.csv");
  expect(link.getAttribute("href")).toMatch(/^blob:report-/);
  const csv = new NodeTextDecoder("utf-8", { ignoreBOM: true }).decode(await created[created.length - 1].arrayBuffer());
  expect(csv).toMatch(/^\uFEFFLine,Status/);
  expect(csv).toMatch(/nonsense/);

  // Keep existing writes 1 (the new one); overwrite writes 2.
  expect(within(panel).getByRole("button", { name: en("import.write", { count: 1 }) })).toBeTruthy();
  fireEvent.click(within(panel).getByRole("radio", { name: en("import.choice.overwrite") }));
  await act(async () => {
    fireEvent.click(within(panel).getByRole("button", { name: en("import.write", { count: 2 }) }));
  });
  expect(await within(panel).findByText(re(en("import.done", { added: 1, overwritten: 1, kept: 0 })))).toBeTruthy();
  expect(importLog(port)).toEqual([{ source: en("import.pasteSource"), rater: undefined, added: 1, overwritten: 1, undone: false }]);
  expect(valueAt(port, "Acme", "1.1")).toBe(80);
  expect(valueAt(port, "Gamma", "1.2")).toBe(70);
  expect(modelOf(port).vendors).toEqual(["Acme", "Beta", "Gamma"]);

  // Undo from the list of earlier imports.
  await act(async () => {
    fireEvent.click(within(panel).getByRole("button", { name: en("import.history.show") }));
  });
  const undo = await within(panel).findByRole("button", { name: en("import.undo") });
  await act(async () => {
    fireEvent.click(undo);
  });
  expect(await within(panel).findByText(en("import.undone", { restored: 2 }))).toBeTruthy();
  expect(valueAt(port, "Acme", "1.1")).toBe(50);
  expect(valueAt(port, "Gamma", "1.2")).toBeNull();
  expect(await within(panel).findByText(en("import.history.undone"))).toBeTruthy();
  expect(importLog(port)[0].undone).toBe(true);
});

test("a rating cell holding text is existing content: a conflict in the preview, counted alike by the write; keep leaves it, overwrite replaces it", async () => {
  const port = await portWithScorecard();
  typeRating(port, "Acme", "1.1", "ask the buyer");
  typeRating(port, "Beta", "1.1", "150");
  renderPane(port);
  const panel = await openTab(en("tab.import"));
  await paste(panel, "Vendor,Indicator,Score\nAcme,1.1,80\nBeta,1.1,70\nAcme,1.2,60\n");
  expect(within(panel).getByText(re(en("import.added", { count: 1 })))).toBeTruthy();
  expect(within(panel).getByText(en("import.conflicts", { count: 2 }))).toBeTruthy();
  expect(within(panel).getByText(/Acme · 1\.1 Core features: workbook “ask the buyer”, file 80 \(line 2\)/)).toBeTruthy();
  expect(within(panel).getByText(/Beta · 1\.1 Core features: workbook “150”, file 70 \(line 3\)/)).toBeTruthy();

  // Keep existing: the preview says 1 is written, and the write writes 1 and keeps 2.
  await act(async () => {
    fireEvent.click(within(panel).getByRole("button", { name: en("import.write", { count: 1 }) }));
  });
  expect(await within(panel).findByText(re(en("import.done", { added: 1, overwritten: 0, kept: 2 })))).toBeTruthy();
  expect(valueAt(port, "Acme", "1.1")).toBe("ask the buyer");
  expect(valueAt(port, "Acme", "1.2")).toBe(60);

  // Overwrite: the preview says 2, the write overwrites 2.
  await paste(panel, "Vendor,Indicator,Score\nAcme,1.1,80\nBeta,1.1,70\n");
  fireEvent.click(within(panel).getByRole("radio", { name: en("import.choice.overwrite") }));
  await act(async () => {
    fireEvent.click(within(panel).getByRole("button", { name: en("import.write", { count: 2 }) }));
  });
  expect(await within(panel).findByText(re(en("import.done", { added: 0, overwritten: 2, kept: 0 })))).toBeTruthy();
  expect(valueAt(port, "Acme", "1.1")).toBe(80);
  expect(valueAt(port, "Beta", "1.1")).toBe(70);

  // Undoing it puts the note back.
  await act(async () => {
    fireEvent.click(within(panel).getByRole("button", { name: en("import.history.show") }));
  });
  const undos = await within(panel).findAllByRole("button", { name: en("import.undo") });
  await act(async () => {
    fireEvent.click(undos[0]);
  });
  expect(await within(panel).findByText(en("import.undone", { restored: 2 }))).toBeTruthy();
  expect(valueAt(port, "Acme", "1.1")).toBe("ask the buyer");
  expect(valueAt(port, "Beta", "1.1")).toBe("150"); // back as the text it was
});

test("cancel discards the preview and writes nothing", async () => {
  const port = await portWithScorecard();
  renderPane(port);
  const panel = await openTab(en("tab.import"));
  await paste(panel, "Vendor,Indicator,Score\nAcme,1.1,80\n");
  fireEvent.click(within(panel).getByRole("button", { name: en("import.cancel") }));
  expect(within(panel).queryByText(en("import.preview"), { selector: "span" })).toBeNull();
  expect(port.excel.sheet("Import log")).toBeUndefined();
  expect(valueAt(port, "Acme", "1.1")).toBeNull();
});

test("file: a wide CSV with an unrecognised column; mapping it to an indicator and reading again accepts it", async () => {
  const port = await portWithScorecard();
  renderPane(port);
  const panel = await openTab(en("tab.import"));
  const file = new File(["Vendor,Core features,Gut feeling\nAcme,80,90\nBeta,70,60\n"], "wide.csv", { type: "text/csv" });
  await act(async () => {
    fireEvent.change(panel.querySelector('input[type="file"]') as HTMLInputElement, { target: { files: [file] } });
  });
  await within(panel).findByText(en("import.file", { name: "wide.csv" }));
  await within(panel).findByText(en("import.preview"), { selector: "span" });
  expect(within(panel).getByText(re(en("import.accepted", { count: 2 })))).toBeTruthy();
  const select = within(panel).getByRole("combobox", { name: en("import.column", { header: "Gut feeling", reason: en("import.unmapped.unknown") }) });
  fireEvent.change(select, { target: { value: "leaf:1.2" } });
  await act(async () => {
    fireEvent.click(within(panel).getByRole("button", { name: en("import.reread") }));
  });
  await waitFor(() => expect(within(panel).getByText(re(en("import.accepted", { count: 4 })))).toBeTruthy());
  expect(within(panel).queryByRole("combobox", { name: /Gut feeling/ })).toBeNull();
  expect(within(panel).getByRole("link", { name: en("import.report") }).getAttribute("download")).toBe("wide-report.csv");
  await act(async () => {
    fireEvent.click(within(panel).getByRole("button", { name: en("import.write", { count: 4 }) }));
  });
  await within(panel).findByText(re(en("import.done", { added: 4, overwritten: 0, kept: 0 })));
  expect(importLog(port)).toEqual([{ source: "wide.csv", rater: undefined, added: 4, overwritten: 0, undone: false }]);
  expect([valueAt(port, "Acme", "1.1"), valueAt(port, "Acme", "1.2"), valueAt(port, "Beta", "1.1"), valueAt(port, "Beta", "1.2")]).toEqual([80, 90, 70, 60]);
});

test("an Excel error while writing is shown in plain words (Chinese)", async () => {
  const port = await portWithScorecard({ failWith: { importRatings: officeError("AccessDenied") } });
  renderPane(port, { locale: "zh-CN" });
  const panel = await openTab(zh("tab.import"));
  await paste(panel, "供应商,指标,得分\nAcme,1.1,80\n", zh);
  await act(async () => {
    fireEvent.click(within(panel).getByRole("button", { name: zh("import.write", { count: 1 }) }));
  });
  expect(await within(panel).findByText(zh("error.AccessDenied"))).toBeTruthy();
});

test("no scorecard: says so instead of a preview", async () => {
  renderPane(createDemoPort());
  const panel = await openTab(en("tab.import"));
  fireEvent.change(within(panel).getByRole("textbox", { name: en("import.paste") }), { target: { value: "Vendor,Indicator,Score\nAcme,1.1,80\n" } });
  await act(async () => {
    fireEvent.click(await enabledButton(en("import.readPaste")));
  });
  expect(await within(panel).findByText(en("import.noScorecard"))).toBeTruthy();
});

test("changing the delimiter reads the same text again", async () => {
  const port = await portWithScorecard();
  renderPane(port);
  const panel = await openTab(en("tab.import"));
  await paste(panel, "Vendor;Indicator;Score\nAcme;1.1;80\n");
  fireEvent.change(within(panel).getByRole("combobox", { name: en("import.delimiter") }), { target: { value: "comma" } });
  await waitFor(() => expect(within(panel).getByText(en("import.fatal.no-vendor-column"))).toBeTruthy());
  fireEvent.change(within(panel).getByRole("combobox", { name: en("import.delimiter") }), { target: { value: "semicolon" } });
  await waitFor(() => expect(within(panel).getByText(re(en("import.accepted", { count: 1 })))).toBeTruthy());
});

test("look-alike vendor names: the preview offers to import them under the workbook's name; ticked, no vendor is added and the ratings land in its column", async () => {
  const port = await portWithScorecard();
  renderPane(port);
  const panel = await openTab(en("tab.import"));
  await paste(panel, "Vendor,Indicator,Score\nACME,1.1,80\nＡｃｍｅ,1.2,70\nGamma,1.3,60\n");
  expect(within(panel).getByText(re(en("import.newVendors", { count: 3, names: "ACME, Ａｃｍｅ, Gamma" })))).toBeTruthy();
  expect(within(panel).getByRole("group", { name: en("import.merge.title") })).toBeTruthy();
  const merge = within(panel).getByRole("checkbox", { name: en("import.merge.option", { names: '"ACME", "Ａｃｍｅ"', target: '"Acme"' }) });
  expect((merge as HTMLInputElement).checked).toBe(false);

  await act(async () => {
    fireEvent.click(merge);
  });
  expect(within(panel).getByText(re(en("import.newVendors", { count: 1, names: "Gamma" })))).toBeTruthy();
  expect(within(panel).getByText(re(en("import.added", { count: 3 })))).toBeTruthy();
  await act(async () => {
    fireEvent.click(within(panel).getByRole("button", { name: en("import.write", { count: 3 }) }));
  });
  expect(await within(panel).findByText(re(en("import.done", { added: 3, overwritten: 0, kept: 0 })))).toBeTruthy();
  expect(modelOf(port).vendors).toEqual(["Acme", "Beta", "Gamma"]);
  expect(valueAt(port, "Acme", "1.1")).toBe(80);
  expect(valueAt(port, "Acme", "1.2")).toBe(70);
});

test("look-alike names left unticked are imported as the file spells them (nothing is merged without the user's say)", async () => {
  const port = await portWithScorecard();
  renderPane(port);
  const panel = await openTab(en("tab.import"));
  await paste(panel, "Vendor,Indicator,Score\nacme,1.1,80\n");
  expect(within(panel).getByRole("checkbox", { name: en("import.merge.option", { names: '"acme"', target: '"Acme"' }) })).toBeTruthy();
  await act(async () => {
    fireEvent.click(within(panel).getByRole("button", { name: en("import.write", { count: 1 }) }));
  });
  await within(panel).findByText(re(en("import.done", { added: 1, overwritten: 0, kept: 0 })));
  expect(modelOf(port).vendors).toEqual(["Acme", "Beta", "acme"]);
  expect(valueAt(port, "Acme", "1.1")).toBeNull();
  expect(valueAt(port, "acme", "1.1")).toBe(80);
});

/** Reads a committed fixture as the browser hands a picked file over. */
function fixtureFile(name: string): File {
  const bytes = readFileSync(join(__dirname, "..", "fixtures", "scorecards", name));
  return new File([bytes], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

async function pick(panel: HTMLElement, file: File): Promise<void> {
  await act(async () => {
    fireEvent.change(panel.querySelector('input[type="file"]') as HTMLInputElement, { target: { files: [file] } });
  });
  await within(panel).findByText(en("import.preview"), { selector: "span" }, { timeout: 10_000 });
}

test("a colleague's filled scorecard (saved by LibreOffice, with a comment, an image and merged cells) imports its ratings", async () => {
  const port = createDemoPort({ now: () => new Date("2026-11-25T10:00:00Z") });
  await port.createWorkbook({ tree: publishedTree(), vendors: ["Acme", "Globex", "Initech"], raters: [], locale: "en-US", missing: "exclude" });
  renderPane(port);
  const panel = await openTab(en("tab.import"));
  await pick(panel, fixtureFile("single-libreoffice.xlsx"));
  // make_fixtures.py: Acme's i-th leaf 60 + 7i mod 40, Globex every third leaf 50 + 5i mod 50 (its second leaf N/A), Initech blank.
  expect(within(panel).queryByText(/^New vendors/)).toBeNull();
  const write = within(panel).getByRole("button", { name: /^Import \d+ ratings$/ });
  await act(async () => {
    fireEvent.click(write);
  });
  await within(panel).findByText(/^Imported:/);
  expect([valueAt(port, "Acme", "1.1"), valueAt(port, "Acme", "1.2"), valueAt(port, "Acme", "2.1.1")]).toEqual([60, 67, 62]);
  expect([valueAt(port, "Globex", "1.1"), valueAt(port, "Globex", "1.2"), valueAt(port, "Globex", "1.4"), valueAt(port, "Globex", "1.3")]).toEqual([50, "N/A", 65, null]);
  expect(valueAt(port, "Initech", "1.1")).toBeNull();
  expect(importLog(port)[0].source).toBe("single-libreoffice.xlsx");
});

test("a filled panel scorecard imports as its consolidated ratings: the median of the raters, a Moderation consensus in its place", async () => {
  const port = createDemoPort({ now: () => new Date("2026-11-25T10:00:00Z") });
  await port.createWorkbook({ tree: publishedTree(), vendors: ["Acme", "Globex"], raters: [], locale: "en-US", missing: "exclude" });
  renderPane(port);
  const panel = await openTab(en("tab.import"));
  await pick(panel, fixtureFile("panel-openpyxl.xlsx"));
  await act(async () => {
    fireEvent.click(within(panel).getByRole("button", { name: /^Import \d+ ratings$/ }));
  });
  await within(panel).findByText(/^Imported:/);
  // make_fixtures.py: rater k's i-th leaf for Acme 40 + (11i + 17k) mod 60, Globex 30 + (13i + 7k) mod 70; Carol (k = 2) skips odd i;
  // the consensus 99 replaces Acme's first leaf.
  expect(valueAt(port, "Acme", "1.1")).toBe(99);
  expect(valueAt(port, "Acme", "1.2")).toBe((51 + 68) / 2);
  expect(valueAt(port, "Globex", "1.1")).toBe(37);
  expect(valueAt(port, "Globex", "1.3")).toBe(63);
});
