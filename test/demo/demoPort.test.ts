/**
 * The demo port: the Excel adapter over the in-memory host, with demo ratings, time per sync,
 * Office errors on demand and the Results table filled from the engine.
 */
import { publishedTree } from "../../src/taskpane/standard";
import { createDemoPort, officeError } from "../../src/demo";
import { MODEL_SHEET_NAME } from "../../src/plan";
import type { CreateWorkbookRequest, ProgressStep } from "../../src/port";

const request = (over: Partial<CreateWorkbookRequest> = {}): CreateWorkbookRequest => ({
  tree: publishedTree(),
  vendors: ["Acme", "Beta", "Gamma"],
  raters: [],
  locale: "en-US",
  missing: "exclude",
  ...over,
});

test("create reports progress from 0 to 1 and read finds the demo problems", async () => {
  const port = createDemoPort({ demoRatings: true });
  const seen: [number, ProgressStep][] = [];
  const result = await port.createWorkbook(request(), { onProgress: (f, s) => seen.push([f, s]) });
  expect(result.sheets).toEqual(["Ratings", "Weights", "Results", "Charts", "Method"]);
  expect(seen[0]).toEqual([0, "prepare"]);
  expect(seen[seen.length - 1][0]).toBe(1);
  const snap = await port.readWorkbook();
  expect(snap).not.toBeNull();
  const kinds = snap!.problems.map((p) => [p.kind, p.vendor ?? null, p.address]);
  expect(kinds).toEqual([
    ["out-of-range", "Acme", "D6"],
    ["required-unrated", "Gamma", "F5"],
    ["not-a-number", "Gamma", "F7"],
    ["weights-not-100", null, "C6"],
    ["weights-not-100", null, expect.stringMatching(/^C\d+$/)],
  ]);
  expect(port.excel.cell("Ratings", "D6")?.value).toBe(120);
  expect(port.excel.cell("Ratings", "F7")?.value).toBe("n/a?");
  expect(port.excel.cell("Ratings", "F5")).toBeUndefined();
  expect(snap!.scores.vendors.map((v) => v.vendor)).toEqual(["Acme", "Beta", "Gamma"]);
  expect(snap!.scores.vendors.every((v) => v.total !== null)).toBe(true);
});

test("with raters a blank cell is a missing rating when another rater rated the indicator", async () => {
  const port = createDemoPort({ demoRatings: true });
  await port.createWorkbook(request({ raters: ["Ann", "Bob"] }));
  const snap = await port.readWorkbook();
  const gamma = snap!.problems.filter((p) => p.vendor === "Gamma");
  expect(gamma.map((p) => [p.kind, p.rater, p.address])).toEqual([
    ["not-a-number", "Ann", "F7"],
    ["missing-rating", "Ann", "F5"],
  ]);
});

test("re-creating with another vendor rates only the new vendor's empty column, keeping what was typed", async () => {
  const port = createDemoPort({ demoRatings: true });
  await port.createWorkbook(request({ vendors: ["Acme", "Beta"] }));
  port.excel.put("Ratings", "D5", [[12]]);
  await port.createWorkbook(request({ vendors: ["Acme", "Beta", "Gamma"] }));
  expect(port.excel.cell("Ratings", "D5")?.value).toBe(12);
  expect(port.excel.cell("Ratings", "D6")?.value).toBe(120);
  expect(typeof port.excel.cell("Ratings", "F6")?.value).toBe("number");
  expect(port.excel.cell("Ratings", "F7")?.value).toBe("n/a?");
});

test("the Results table holds the engine's figures, and a frozen snapshot keeps its totals and ranks", async () => {
  const port = createDemoPort({ demoRatings: true, now: () => new Date("2026-11-25T10:00:00Z") });
  await port.createWorkbook(request());
  const scores = (await port.readWorkbook())!.scores.vendors;
  const { sheet } = await port.freezeResults();
  expect(sheet).toBe("Results 2026-11-25");
  const frozen = port.excel.sheet(sheet)!;
  expect(frozen.cells.get("5,1")?.formula).toBeUndefined();
  const rows = scores.map((_, i) => [1, 2, 3].map((c) => port.excel.cell(sheet, `${"ABC"[c - 1]}${5 + i}`)?.value));
  expect(rows).toEqual(scores.map((v) => [v.vendor, v.total, v.rank]));
  expect(scores.map((v) => v.rank)).toEqual([3, 1, 2]);
  // The live sheet's formulas are kept, their values beside them; dimension scores too.
  expect(port.excel.cell("Results", "B6")).toEqual(expect.objectContaining({ formula: expect.stringMatching(/^=/), value: scores[1].total }));
  expect(port.excel.cell(sheet, "H5")?.value).toBe(scores[0].scores["1"]);
  // Acme's 120 and Gamma's blank and "n/a?" (required indicators) leave them incomplete.
  expect(port.excel.cell(sheet, "G5")?.value).toBe("required unrated (1); incomplete (1)");
  expect(port.excel.cell(sheet, "G6")?.value).toBeUndefined(); // Beta: no flag (a blank cell)
  expect(port.excel.cell(sheet, "G7")?.value).toBe("required unrated (2); incomplete (2)");
  // Ratings typed since are computed before the next call reads the sheet: Acme rated 100 throughout comes first.
  for (let row = 5; row <= 80; row++) if (typeof port.excel.cell("Ratings", `D${row}`)?.value === "number") port.excel.put("Ratings", `D${row}`, [[100]]);
  await port.readWorkbook();
  expect(port.excel.cell("Results", "B5")?.value).toBe(100);
  expect(port.excel.cell("Results", "C5")?.value).toBe(1);
  expect(port.excel.cell("Results", "C6")?.value).toBe(2);
});

test("a panel's Results count raters, consensus without a reason and each rater's completeness", async () => {
  const port = createDemoPort({ demoRatings: true });
  await port.createWorkbook(request({ raters: ["Ann", "Bob"] }));
  const snap = (await port.readWorkbook())!;
  const header = [...port.excel.sheet("Results")!.cells.entries()].filter(([k]) => k.startsWith("4,")).map(([k, c]) => [Number(k.split(",")[1]), c.value]);
  const col = (label: string): number => header.find(([, v]) => v === label)?.[0] as number;
  const at = (row: number, c: number): unknown => port.excel.sheet("Results")!.cells.get(`${row},${c}`)?.value;
  expect(at(5, col("Raters"))).toBe(2);
  expect(at(7, col("Completeness: Ann"))).toBeCloseTo(47 / 49); // a blank and a text
  expect(at(7, col("Completeness: Bob"))).toBe(1);
  expect(at(5, col("Consensus without reason"))).toBe(0);
  expect(at(5, 2)).toBe(snap.scores.vendors[0].total);
});

test("time per sync: abort rejects with AbortError and writes nothing", async () => {
  const port = createDemoPort({ delayMs: 50 });
  const ac = new AbortController();
  const p = port.createWorkbook(request(), { signal: ac.signal });
  setTimeout(() => ac.abort(), 10);
  await expect(p).rejects.toMatchObject({ name: "AbortError" });
  expect(port.excel.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
});

test("an Office error on demand is thrown by the call's first sync; capabilities by the host query", async () => {
  const port = createDemoPort({ failWith: { createWorkbook: officeError("AccessDenied"), getCapabilities: officeError("GeneralException") } });
  await expect(port.createWorkbook(request())).rejects.toMatchObject({ code: "AccessDenied" });
  expect(port.excel.sheet(MODEL_SHEET_NAME)).toBeUndefined();
  await expect(port.getCapabilities()).rejects.toMatchObject({ code: "GeneralException" });
  expect(await port.readWorkbook()).toBeNull();
});

test("capabilities: the demo host by default, or an Excel with the given sets (the adapter skips what they lack)", async () => {
  expect(await createDemoPort().getCapabilities()).toEqual({ host: "demo", excelApi: expect.arrayContaining(["1.1", "1.17"]) });
  const old = createDemoPort({ excelApi: ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8"], asExcel: true });
  expect(await old.getCapabilities()).toEqual({ host: "excel", excelApi: ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8"] });
  const result = await old.createWorkbook(request());
  expect(result.notes?.map((n) => n.code).filter((c) => c !== "page-layout")).toEqual(["indent", "row-outline", "indent"]);
  // Print settings need ExcelApi 1.9: one note per visible sheet.
  expect(result.notes?.filter((n) => n.code === "page-layout").map((n) => n.sheet)).toEqual(result.sheets);
});

test("read without a scorecard is null; freeze and apply need one", async () => {
  const port = createDemoPort();
  expect(await port.readWorkbook()).toBeNull();
  await expect(port.freezeResults()).rejects.toMatchObject({ code: "ItemNotFound" });
  await expect(port.applyWeights(publishedTree())).rejects.toMatchObject({ code: "ItemNotFound" });
});

test("demo data with a Price sheet: a bid for every vendor, so the demo has an award ranking; typed bids are kept", async () => {
  const port = createDemoPort({ demoRatings: true });
  await port.createWorkbook(request({ award: { price: { weight: 30, method: "lowest", lowBidThreshold: 20 } } }));
  const snap = await port.readWorkbook();
  const award = snap!.award!;
  expect(award.vendors.map((v) => v.bid)).toEqual([90_000, 114_000, 96_000]);
  expect(award.lowest).toBe(90_000);
  // No minimums: every vendor with a total and a bid is eligible and ranked by overall score.
  expect(award.vendors.map((v) => [v.vendor, v.eligible, v.priceScore])).toEqual([["Acme", true, 100], ["Beta", true, (90_000 / 114_000) * 100], ["Gamma", true, (90_000 / 96_000) * 100]]);
  expect(award.vendors.every((v) => v.rank !== null)).toBe(true);
  // A re-create with another vendor keeps the bids typed so far and gives only the new one a demo bid.
  await port.createWorkbook(request({ vendors: ["Acme", "Beta", "Gamma", "Delta"], award: { price: { weight: 30, method: "lowest", lowBidThreshold: 20 } } }));
  const again = await port.readWorkbook();
  expect(again!.award!.vendors.map((v) => v.bid)).toEqual([90_000, 114_000, 96_000, 120_000]);
});

test.each(["en-US", "zh-CN"] as const)("demo data writes a reason beside the high ratings and some low ones (%s), so the Report and Check & score show them", async (locale) => {
  const port = createDemoPort({ demoRatings: true });
  await port.createWorkbook(request({ locale }));
  const snapshot = await port.readWorkbook();
  const notes = snapshot?.notes ?? [];
  const rating = new Map((snapshot?.ratings ?? []).map((r) => [`${r.vendor}\u0001${r.code}`, r.value]));
  expect(notes.length).toBeGreaterThan(0);
  for (const n of notes) {
    const v = rating.get(`${n.vendor}\u0001${n.code}`);
    expect(typeof v === "number" && (v >= 90 || v < 60)).toBe(true);
    expect(/[\u4e00-\u9fff]/.test(n.text)).toBe(locale === "zh-CN");
  }
  // some low ratings are left without one
  const low = (snapshot?.ratings ?? []).filter((r) => typeof r.value === "number" && r.value < 60 && r.value >= 0);
  expect(low.some((r) => !notes.some((n) => n.vendor === r.vendor && n.code === r.code))).toBe(true);
});
