import { score } from "../../src/core/engine";
import { defaultTree } from "../../src/core/model/default-tree";
import { cloneTree, leaves } from "../../src/core/model/tree";
import { validateTree } from "../../src/core/model/validate";
import { weightSum } from "../../src/core/model/weights";
import type { IndicatorTree } from "../../src/core/model/types";
import { EXCEL_API_VERSIONS, type SyncStats } from "../../src/excel";
import { MODEL_SHEET_NAME } from "../../src/plan";
import { MemoryExcel as FakeExcel } from "../../src/demo/memoryExcel";
import { bigTree, portOn, request, vendors } from "./helpers";

const leafCodes = (tree: IndicatorTree): string[] => leaves(tree).map((l) => l.node.code);

/** Row of a code on Ratings (A4 onwards, pre-order), by reading what the adapter wrote. */
function ratingsRow(fake: FakeExcel, sheet: string, code: string): number {
  for (let r = 4; r < 2000; r++) if (fake.cell(sheet, `A${r}`)?.value === code) return r;
  throw new Error(`no row for ${code}`);
}

describe("createWorkbook", () => {
  test.each([
    ["20 vendors × default tree", defaultTree(), 20, 2, "D5"],
    ["100 vendors × 200 leaves", bigTree(), 100, 2, "D6"],
  ])("%s: sync count", async (_l, tree, n, syncs, first) => {
    const fake = new FakeExcel();
    const stats: Record<string, SyncStats> = {};
    const result = await portOn(fake, undefined, stats).createWorkbook(request({ tree, vendors: vendors(n) }));
    // 1 probe + 1 write: formulas repeated down columns and across rows go as one R1C1 fill each,
    // so 100 × 200 (4.7 MB as A1 cells) fits one request.
    expect(fake.syncs).toBe(syncs);
    expect(stats.createWorkbook.syncs).toBe(syncs);
    expect(Math.max(...fake.requestBytes)).toBeLessThan(4_000_000);
    // The hidden Calc and model sheets are written but not listed to the user.
    expect(result.sheets).toEqual(["Ratings", "Weights", "Results", "Charts", "Method"]);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1", "Ratings", "Weights", "Results", "Charts", "Method", "Calc", "Award calc", MODEL_SHEET_NAME]);
    expect(result.firstInput).toEqual({ sheet: "Ratings", address: first });
    expect(fake.calls({ name: "select", target: `Ratings!${first}` })).toHaveLength(1);
  });

  test("progress goes from 0 to 1; two raters get a sheet each (see panel.test.ts)", async () => {
    const fake = new FakeExcel();
    const seen: number[] = [];
    await portOn(fake).createWorkbook(request({ raters: ["Ann", "Bo"] }), { onProgress: (f) => void seen.push(f) });
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(fake.cell("Ratings - Ann", "D3")?.value).toBe("Vendor 1");
    expect(fake.cell("Ratings - Bo", "D3")?.value).toBe("Vendor 1");
    expect(fake.sheet("Ratings")).toBeUndefined();
  });

  test("a user's sheet named like a scorecard sheet stops it before anything is written", async () => {
    const fake = new FakeExcel(["Weights"]);
    fake.put("Weights", "A1", [["budget"]]);
    await expect(portOn(fake).createWorkbook(request())).rejects.toMatchObject({ code: "ItemAlreadyExists", sheet: "Weights" });
    expect(fake.sheets.map((s) => s.name)).toEqual(["Weights"]);
    expect(fake.cell("Weights", "A1")?.value).toBe("budget");
  });

  test("a user's own SC_Model sheet is not taken for a scorecard", async () => {
    const fake = new FakeExcel(["Sheet1", MODEL_SHEET_NAME]);
    fake.put(MODEL_SHEET_NAME, "A1", [["my notes"]]);
    await expect(portOn(fake).createWorkbook(request())).rejects.toMatchObject({ code: "ItemAlreadyExists", sheet: MODEL_SHEET_NAME });
    expect(await portOn(fake).readWorkbook()).toBeNull();
  });

  test("regenerating keeps every rating by vendor and code and archives the ones without a place", async () => {
    const fake = new FakeExcel();
    const port = portOn(fake);
    const tree = defaultTree();
    const codes = leafCodes(tree);
    await port.createWorkbook(request({ tree, vendors: ["Acme", "Bolt", "Cirrus"] }));
    const [keep, drop] = [codes[0], codes[1]];
    fake.put("Ratings", `D${ratingsRow(fake, "Ratings", keep)}`, [[80, 70, "N/A"]]);
    fake.put("Ratings", `D${ratingsRow(fake, "Ratings", drop)}`, [[60, 50, 40]]);

    const smaller = cloneTree(tree);
    const remove = (nodes: typeof smaller.roots): boolean =>
      nodes.some((n, i) => (n.code === drop ? (nodes.splice(i, 1), true) : remove(n.children)));
    expect(remove(smaller.roots)).toBe(true);

    const stats: Record<string, SyncStats> = {};
    await portOn(fake, undefined, stats).createWorkbook(request({ tree: smaller, vendors: ["Cirrus", "Acme", "Dyna"] }));
    // probe + read of the old scorecard + one write
    expect(stats.createWorkbook.syncs).toBe(3);
    const row = ratingsRow(fake, "Ratings", keep);
    expect([fake.cell("Ratings", `D${row}`)?.value, fake.cell("Ratings", `E${row}`)?.value, fake.cell("Ratings", `F${row}`)?.value]).toEqual(["N/A", 80, undefined]);
    const archive = fake.sheet("Archive");
    expect(archive).toBeDefined();
    const archived = (): (string | number | boolean | null)[][] =>
      [...Array(12).keys()].map((i) => [2, 3, 5, 6].map((c) => fake.cell("Archive", `${String.fromCharCode(64 + c)}${4 + i}`)?.value ?? null));
    const rows = [
      ["Bolt", keep, 70, "vendor removed"],
      ["Acme", drop, 60, "indicator removed"],
      ["Bolt", drop, 50, "vendor removed"],
      ["Cirrus", drop, 40, "indicator removed"],
    ];
    expect(archived()).toEqual(expect.arrayContaining(rows));
    expect(archived().filter((r) => r[0] !== null)).toHaveLength(4);
    expect(fake.sheets.filter((s) => s.name === "Ratings")).toHaveLength(1);
    expect(fake.sheets[0].name).toBe("Sheet1");

    // A third run keeps the earlier archive rows (and adds nothing: Dyna had no ratings).
    await port.createWorkbook(request({ tree: smaller, vendors: ["Cirrus", "Acme"] }));
    expect(archived()).toEqual(expect.arrayContaining(rows));
    expect(archived().filter((r) => r[0] !== null)).toHaveLength(4);
  });

  test("switching language replaces the old sheets and keeps the ratings", async () => {
    const fake = new FakeExcel();
    const port = portOn(fake);
    await port.createWorkbook(request({ locale: "zh-CN" }));
    const sheets = fake.sheets.map((s) => s.name);
    expect(sheets).toContain("评分");
    const code = leafCodes(defaultTree())[2];
    fake.put("评分", `D${ratingsRow(fake, "评分", code)}`, [[77]]);
    await port.createWorkbook(request({ locale: "en-US" }));
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1", "Ratings", "Weights", "Results", "Charts", "Method", "Calc", "Award calc", MODEL_SHEET_NAME]);
    expect(fake.cell("Ratings", `D${ratingsRow(fake, "Ratings", code)}`)?.value).toBe(77);
  });

  test("abort: a pre-aborted call writes nothing; an abort during a sync stops before the next one", async () => {
    const fake = new FakeExcel();
    const ctl = new AbortController();
    ctl.abort();
    await expect(portOn(fake).createWorkbook(request(), { signal: ctl.signal })).rejects.toMatchObject({ name: "AbortError" });
    expect(fake.log).toHaveLength(0);

    const ctl2 = new AbortController();
    fake.onSync = (n) => void (n === 1 && ctl2.abort());
    const err = await portOn(fake).createWorkbook(request(), { signal: ctl2.signal }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DOMException);
    expect((err as DOMException).name).toBe("AbortError");
    expect(fake.syncs).toBe(1);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1"]);

    const big = new FakeExcel();
    const ctl3 = new AbortController();
    big.onSync = (n) => void (n === 2 && ctl3.abort());
    await expect(portOn(big).createWorkbook(request({ tree: bigTree(), vendors: vendors(100) }), { signal: ctl3.signal })).rejects.toMatchObject({ name: "AbortError" });
    expect(big.syncs).toBe(2);
  });

  test("a split create stopped between its requests can be run again without losing ratings", async () => {
    const fake = new FakeExcel();
    // Without ExcelApi 1.2 (no formulasR1C1 fills) 100 × 200 needs two write requests.
    const port = portOn(fake, EXCEL_API_VERSIONS.filter((v) => v !== "1.2"));
    const req = request({ tree: bigTree(), vendors: vendors(100) });
    await port.createWorkbook(req);
    fake.put("Ratings", "D6", [[64, 65]]);
    const ctl = new AbortController();
    const start = fake.syncs;
    fake.onSync = (n) => void (n === start + 3 && ctl.abort());
    await expect(port.createWorkbook(req, { signal: ctl.signal })).rejects.toMatchObject({ name: "AbortError" });
    fake.onSync = undefined;
    // The first write request held the new Ratings and model; the old sheets wait aside.
    expect(fake.cell("Ratings", "D6")?.value).toBe(64);
    expect(fake.sheet("SC~old~Ratings")).toBeDefined();
    await port.createWorkbook(req);
    expect([fake.cell("Ratings", "D6")?.value, fake.cell("Ratings", "E6")?.value]).toEqual([64, 65]);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1", "Ratings", "Weights", "Results", "Charts", "Method", "Calc", "Award calc", MODEL_SHEET_NAME]);
    const snap = await port.readWorkbook();
    expect(snap?.ratings).toEqual(expect.arrayContaining([{ vendor: "Vendor 1", code: "1.1.1", value: 64 }]));
  });
});

describe("readWorkbook", () => {
  test("null without a scorecard (one sync)", async () => {
    const fake = new FakeExcel();
    const stats: Record<string, SyncStats> = {};
    expect(await portOn(fake, undefined, stats).readWorkbook()).toBeNull();
    expect(stats.readWorkbook.syncs).toBe(1);
  });

  test("ratings, every kind of problem, weights read back, scores from the engine, in two syncs", async () => {
    const fake = new FakeExcel();
    const tree = defaultTree();
    leaves(tree)[5].node.required = false;
    await portOn(fake).createWorkbook(request({ tree, vendors: ["Acme", "Bolt"] }));
    const codes = leafCodes(tree);
    const requiredCode = leaves(tree).find((l) => l.node.required)?.node.code as string;
    const optionalCode = leaves(tree).find((l) => !l.node.required)?.node.code as string;
    for (const code of codes) fake.put("Ratings", `D${ratingsRow(fake, "Ratings", code)}`, [[75, 60]]);
    const put = (code: string, values: (string | number | null)[]): void => fake.put("Ratings", `D${ratingsRow(fake, "Ratings", code)}`, [values]);
    const others = codes.filter((c) => c !== requiredCode && c !== optionalCode);
    put(others[0], [120, "n/a"]);
    put(others[1], ["abc", "NA"]);
    put(requiredCode, [null, 50]);
    put(optionalCode, [90, null]);
    // Break a weight: the first dimension's weight.
    const dimRow = 6;
    expect(fake.cell("Weights", `A${dimRow}`)?.value).toBe(tree.roots[0].code);
    fake.put("Weights", `C${dimRow}`, [[(tree.roots[0].weight ?? 0) + 5]]);
    const edited = cloneTree(tree);
    edited.roots[0].weight = (tree.roots[0].weight ?? 0) + 5;
    const weightFindings = validateTree(edited).filter((f) => f.code === "weights-not-100");
    expect(weightFindings.find((f) => f.at === null)).toBeDefined();

    const stats: Record<string, SyncStats> = {};
    const snap = await portOn(fake, undefined, stats).readWorkbook();
    expect(stats.readWorkbook.syncs).toBe(2);
    expect(snap).not.toBeNull();
    if (!snap) return;
    expect(snap.vendors).toEqual(["Acme", "Bolt"]);
    expect(snap.raters).toEqual([]);
    expect(snap.tree.roots[0].weight).toBe((tree.roots[0].weight ?? 0) + 5);
    const at = (code: string, col: string): string => `${col}${ratingsRow(fake, "Ratings", code)}`;
    expect(snap.problems).toEqual(expect.arrayContaining([
      { kind: "out-of-range", sheet: "Ratings", address: at(others[0], "D"), vendor: "Acme", code: others[0], value: "120" },
      { kind: "not-a-number", sheet: "Ratings", address: at(others[1], "D"), vendor: "Acme", code: others[1], value: "abc" },
      { kind: "required-unrated", sheet: "Ratings", address: at(requiredCode, "D"), vendor: "Acme", code: requiredCode },
      { kind: "missing-rating", sheet: "Ratings", address: at(optionalCode, "E"), vendor: "Bolt", code: optionalCode },
      { kind: "weights-not-100", sheet: "Weights", address: `C${dimRow}`, code: null, sum: weightSum(edited.roots) },
    ]));
    expect(snap.problems).toHaveLength(4 + weightFindings.length);
    expect(snap.ratings).toContainEqual({ vendor: "Bolt", code: others[0], value: "NA" });
    expect(snap.ratings).toContainEqual({ vendor: "Bolt", code: others[1], value: "NA" });
    expect(snap.ratings.filter((r) => r.vendor === "Acme")).toHaveLength(codes.length - 3);
    expect(snap.scores).toEqual(score(snap.tree, snap.ratings, { missing: "exclude", vendors: ["Acme", "Bolt"] }));
  });

  test("a layout changed by hand is refused, naming the sheet and the cell", async () => {
    const fake = new FakeExcel();
    await portOn(fake).createWorkbook(request({ vendors: ["Acme", "Bolt"] }));
    fake.put("Ratings", "E3", [["Bolt Ltd"]]);
    await expect(portOn(fake).readWorkbook()).rejects.toMatchObject({ code: "ScorecardLayoutChanged", sheet: "Ratings", address: "E3", message: expect.stringContaining('"Bolt"') });
    fake.put("Ratings", "E3", [["Bolt"]]);
    fake.put("Ratings", "A6", [["9.9"]]);
    await expect(portOn(fake).readWorkbook()).rejects.toMatchObject({ sheet: "Ratings", address: "A6" });
    // Regenerating over a broken layout is refused too: no rating is read from the wrong cell.
    await expect(portOn(fake).createWorkbook(request({ vendors: ["Acme"] }))).rejects.toMatchObject({ code: "ScorecardLayoutChanged" });
    expect(fake.cell("Ratings", "E3")?.value).toBe("Bolt");
  });
});

describe("freezeResults", () => {
  test("copies the Results values into a dated, protected sheet in three syncs", async () => {
    const fake = new FakeExcel();
    await portOn(fake).createWorkbook(request({ vendors: ["=Acme", "Bolt"] }));
    fake.put("Results", "A5", [["=Acme", 81.5, 1], ["Bolt", 70, 2]]);
    const stats: Record<string, SyncStats> = {};
    const port = portOn(fake, undefined, stats);
    const { sheet } = await port.freezeResults();
    expect(sheet).toBe("Results 2026-11-25");
    expect(stats.freezeResults.syncs).toBe(3);
    expect(fake.cell(sheet, "A5")).toEqual(expect.objectContaining({ value: "=Acme", numberFormat: "@" }));
    expect(fake.cell(sheet, "B5")?.value).toBe(81.5);
    expect(fake.cell(sheet, "A1")?.value).toContain("2026-11-25");
    expect(fake.calls({ name: "formulas", target: `${sheet}!` })).toHaveLength(0);
    expect(fake.sheet(sheet)?.protected).toBe(true);
    expect((await port.freezeResults()).sheet).toBe("Results 2026-11-25 (2)");
  });

  test("no scorecard: a clear error", async () => {
    await expect(portOn(new FakeExcel()).freezeResults()).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("applyWeights", () => {
  test("writes names and weights where the layout says, stores the model, re-protects, in three syncs", async () => {
    const fake = new FakeExcel();
    const port = portOn(fake);
    await port.createWorkbook(request({ vendors: ["Acme"] }));
    fake.put("Ratings", "D5", [[88]]);
    const tree = defaultTree();
    tree.roots[0].weight = 40;
    tree.roots[1].weight = (tree.roots[1].weight ?? 0) - 40 + (defaultTree().roots[0].weight ?? 0);
    tree.roots[0].name["en-US"] = "Renamed dimension";
    const stats: Record<string, SyncStats> = {};
    await portOn(fake, undefined, stats).applyWeights(tree);
    expect(stats.applyWeights.syncs).toBe(3);
    expect(fake.cell("Weights", "C6")?.value).toBe(40);
    expect(fake.cell("Weights", "B6")?.value).toBe("Renamed dimension");
    expect(fake.cell("Ratings", "B4")?.value).toBe("Renamed dimension");
    expect(fake.cell("Ratings", "D5")?.value).toBe(88);
    expect(fake.sheets.filter((s) => s.protected).map((s) => s.name)).toEqual(["Ratings", "Weights", "Results", "Charts", "Method", "Calc", "Award calc", MODEL_SHEET_NAME]);
    const snap = await port.readWorkbook();
    expect(snap?.tree.roots[0].weight).toBe(40);
    expect(snap?.tree.roots[0].name["en-US"]).toBe("Renamed dimension");
    const expected = validateTree(tree).filter((f) => f.code === "weights-not-100").map((f) => ({ code: f.at, sum: f.sum }));
    expect(snap?.problems.filter((p) => p.kind === "weights-not-100").map((p) => ({ code: p.code, sum: p.sum }))).toEqual(expected);
  });

  test("a changed structure is refused (regenerate instead)", async () => {
    const fake = new FakeExcel();
    await portOn(fake).createWorkbook(request());
    const tree = defaultTree();
    tree.roots[0].children.pop();
    await expect(portOn(fake).applyWeights(tree)).rejects.toMatchObject({ code: "ScorecardStructureChanged" });
  });
});

describe("panel workbooks", () => {
  test("a stored model with raters but no rater sheets (changed by hand) is refused, not read wrongly", async () => {
    const fake = new FakeExcel();
    await portOn(fake).createWorkbook(request());
    const model = fake.sheet(MODEL_SHEET_NAME);
    const json = String(model?.cells.get("4,1")?.value);
    const panel = JSON.stringify({ ...JSON.parse(json), raters: ["Ann", "Bo"] });
    expect(Number(model?.cells.get("3,1")?.value)).toBe(1);
    model?.cells.set("4,1", { value: panel, numberFormat: "@" });
    await expect(portOn(fake).readWorkbook()).rejects.toMatchObject({ code: "ItemNotFound", sheet: "Ratings - Ann" });
    // The single-rater import path still refuses it in plain words.
    await expect(portOn(fake).importRatings({ ratings: [], choice: "keep-existing", sourceFile: "x.csv", newVendors: [] })).rejects.toMatchObject({ code: "ScorecardPanelNotSupported" });
  });
});
