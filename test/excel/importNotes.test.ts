/**
 * Reasons (issue #14) through the import on the in-memory host: the file's comment column goes
 * into the notes grid beside each rating (text, never a formula), decided like ratings by keep /
 * overwrite, logged in the same block, written in the same sync; undo sets them back and leaves
 * the ones changed since. A workbook without a notes grid skips them and says so.
 */
import type { Rating } from "../../src/core/engine";
import { defaultTree } from "../../src/core/model/default-tree";
import { leaves } from "../../src/core/model/tree";
import { applyPlan, type SyncStats } from "../../src/excel";
import { buildPlan, colLetter, parseRect } from "../../src/plan";
import { readBlock, readBlockNotes, type NoteLogEntry } from "../../src/plan/importLog";
import type { ImportRatingsRequest } from "../../src/port";
import { MemoryExcel as FakeExcel } from "../../src/demo/memoryExcel";
import { NOW, portOn, request } from "./helpers";

const codes = leaves(defaultTree()).map((l) => l.node.code);
const LOG = "Import log";
type Value = string | number | boolean | null;
type Incoming = Rating & { comment?: string };

function rowOf(fake: FakeExcel, code: string, sheet = "Ratings"): number {
  for (let r = 4; r < 2000; r++) if (fake.cell(sheet, `A${r}`)?.value === code) return r;
  throw new Error(`no row for ${code}`);
}

/** The column of a vendor's reasons, found by its header ("Reason: Acme") on row 3. */
function noteCol(fake: FakeExcel, vendor: string, sheet = "Ratings", prefix = "Reason: "): string {
  for (let c = 4; c < 200; c++) if (fake.cell(sheet, `${colLetter(c)}3`)?.value === `${prefix}${vendor}`) return colLetter(c);
  throw new Error(`no notes column for ${vendor}`);
}

function note(fake: FakeExcel, vendor: string, code: string, sheet = "Ratings", prefix?: string): ReturnType<FakeExcel["cell"]> {
  return fake.cell(sheet, `${noteCol(fake, vendor, sheet, prefix)}${rowOf(fake, code, sheet)}`);
}

function req(ratings: Incoming[], over: Partial<ImportRatingsRequest> = {}): ImportRatingsRequest {
  return { ratings, choice: "keep-existing", sourceFile: "ratings.csv", newVendors: [], ...over };
}

/** The import's block as the undo reads it. */
function block(fake: FakeExcel, importId: string, sheet = LOG): Value[][] {
  for (let r = 2; fake.cell(sheet, `A${r}`) !== undefined; r++) {
    if (fake.cell(sheet, `A${r}`)?.value !== importId) continue;
    const { r1, c1, r2, c2 } = parseRect(String(fake.cell(sheet, `J${r}`)?.value));
    return Array.from({ length: r2 - r1 + 1 }, (_, i) => Array.from({ length: c2 - c1 + 1 }, (_, j) => fake.cell(sheet, `${colLetter(c1 + j)}${r1 + i}`)?.value ?? null));
  }
  throw new Error(`no import ${importId}`);
}

async function setUp(names = ["Acme", "Bolt", "Cirrus"], locale: "en-US" | "zh-CN" = "en-US"): Promise<FakeExcel> {
  const fake = new FakeExcel();
  await portOn(fake).createWorkbook(request({ vendors: names, locale }));
  return fake;
}

describe("importRatings with reasons", () => {
  test("reasons land in the notes grid as text beside their rating, in the same 3 syncs, logged in the import's block; undo sets them back", async () => {
    const fake = await setUp();
    const [a, b, c] = codes;
    const incoming: Incoming[] = [
      { vendor: "Acme", code: a, value: 55, comment: "=1+1" },
      { vendor: "Bolt", code: a, value: 60, comment: " 50 " },
      { vendor: "Acme", code: b, value: "NA", comment: "plain words" },
      { vendor: "Bolt", code: b, value: 1, comment: "" },
      { vendor: "Cirrus", code: c, value: 70, rater: "Ann", comment: "价格偏高\nbut fast" },
    ];
    const before = fake.syncs;
    const stats: Record<string, SyncStats> = {};
    const port = portOn(fake, undefined, stats);
    const result = await port.importRatings(req(incoming));
    expect(fake.syncs - before).toBe(3);
    expect(stats.importRatings.syncs).toBe(3);
    expect(result).toMatchObject({ added: 5, overwritten: 0, notesAdded: 4, notesOverwritten: 0, notesKept: 0, notesUnchanged: 0 });
    expect(result.notesSkipped).toBeUndefined();
    // text, never a formula or a number
    expect(note(fake, "Acme", a)).toMatchObject({ value: "=1+1", numberFormat: "@" });
    expect(note(fake, "Acme", a)?.formula).toBeUndefined();
    expect(note(fake, "Bolt", a)).toMatchObject({ value: "50", numberFormat: "@" });
    expect(note(fake, "Cirrus", c)).toMatchObject({ value: "价格偏高\nbut fast", numberFormat: "@" });
    // beside "=1+1" in one block, a plain reason keeps the grid's text format too
    expect(note(fake, "Acme", b)).toMatchObject({ value: "plain words", numberFormat: "@" });
    expect(note(fake, "Bolt", b)?.value ?? null).toBeNull();
    expect(fake.cell("Ratings", `D${rowOf(fake, a)}`)?.value).toBe(55);
    // the block: ratings as before, reasons in their own columns
    const values = block(fake, result.importId);
    expect(values[1].slice(3)).toEqual([a, b, c, `${a} (reason)`, `${b} (reason)`, `${c} (reason)`]);
    expect(readBlock(values, result.importId)).toHaveLength(5);
    expect(readBlockNotes(values, result.importId)).toEqual<NoteLogEntry[]>([
      { vendor: "Acme", code: a, oldValue: null, newValue: "=1+1" },
      { vendor: "Acme", code: b, oldValue: null, newValue: "plain words" },
      { vendor: "Bolt", code: a, oldValue: null, newValue: "50" },
      { vendor: "Cirrus", code: c, rater: "Ann", oldValue: null, newValue: "价格偏高\nbut fast" },
    ]);
    // a reason edited since stays; the others are cleared (they were blank)
    fake.put("Ratings", `${noteCol(fake, "Bolt")}${rowOf(fake, a)}`, [["my own words"]]);
    const undoBefore = fake.syncs;
    const undo = await port.undoImport(result.importId);
    expect(fake.syncs - undoBefore).toBe(4);
    expect(undo).toMatchObject({ restored: 5, changedSince: 0, missing: 0, notesRestored: 3, notesChangedSince: 1 });
    expect(undo.changedCells).toEqual([{ sheet: "Ratings", address: `${noteCol(fake, "Bolt")}${rowOf(fake, a)}`, vendor: "Bolt", code: a, imported: "50", now: "my own words", note: true }]);
    expect(note(fake, "Acme", a)?.value ?? null).toBeNull();
    expect(note(fake, "Cirrus", c)).toMatchObject({ numberFormat: "@" });
    expect(note(fake, "Cirrus", c)?.value ?? null).toBeNull();
    expect(note(fake, "Bolt", a)?.value).toBe("my own words");
    expect(fake.cell("Ratings", `D${rowOf(fake, a)}`)?.value ?? null).toBeNull();
    // the list counts the reason left as changed since
    expect(fake.cell(LOG, "I2")?.value).toBe(1);
  });

  test("keep existing vs overwrite: an existing reason is a conflict like a rating; the same text is unchanged; a blank never clears; undo restores the old text exactly", async () => {
    const fake = await setUp();
    const [a, b, c] = codes;
    const port = portOn(fake);
    fake.put("Ratings", `${noteCol(fake, "Acme")}${rowOf(fake, a)}`, [["blank"]]);
    fake.put("Ratings", `${noteCol(fake, "Acme")}${rowOf(fake, b)}`, [["same words"]]);
    fake.put("Ratings", `${noteCol(fake, "Acme")}${rowOf(fake, c)}`, [["keep me"]]);
    const incoming: Incoming[] = [
      { vendor: "Acme", code: a, value: 10, comment: "new reason" },
      { vendor: "Acme", code: b, value: 20, comment: "  same words" },
      { vendor: "Acme", code: c, value: 30, comment: "   " },
    ];
    const keep = await port.importRatings(req(incoming));
    expect(keep).toMatchObject({ added: 3, notesAdded: 0, notesOverwritten: 0, notesKept: 1, notesUnchanged: 1 });
    expect(note(fake, "Acme", a)?.value).toBe("blank");
    const over = await port.importRatings(req(incoming.map((r) => ({ ...r, value: 99 })), { choice: "overwrite" }));
    expect(over).toMatchObject({ overwritten: 3, notesAdded: 0, notesOverwritten: 1, notesKept: 0, notesUnchanged: 1 });
    expect(note(fake, "Acme", a)?.value).toBe("new reason");
    expect(note(fake, "Acme", c)?.value).toBe("keep me");
    expect(readBlockNotes(block(fake, over.importId), over.importId)).toEqual([{ vendor: "Acme", code: a, oldValue: "blank", newValue: "new reason" }]);
    // the old reason "blank" is the text, not an empty cell
    expect(await port.undoImport(over.importId)).toMatchObject({ restored: 3, notesRestored: 1, notesChangedSince: 0 });
    expect(note(fake, "Acme", a)?.value).toBe("blank");
  });

  test("a reason for a rating that is unchanged is still written (and logged) on its own", async () => {
    const fake = await setUp();
    const [a] = codes;
    const port = portOn(fake);
    fake.put("Ratings", `D${rowOf(fake, a)}`, [[40]]);
    const result = await port.importRatings(req([{ vendor: "Acme", code: a, value: 40, comment: "reasoned later" }]));
    expect(result).toMatchObject({ added: 0, unchanged: 1, notesAdded: 1 });
    expect(note(fake, "Acme", a)?.value).toBe("reasoned later");
    const values = block(fake, result.importId);
    expect(readBlock(values, result.importId)).toEqual([]);
    expect(readBlockNotes(values, result.importId)).toEqual([{ vendor: "Acme", code: a, oldValue: null, newValue: "reasoned later" }]);
    expect(await port.undoImport(result.importId)).toEqual({ restored: 0, changedSince: 0, missing: 0, notesRestored: 1, notesChangedSince: 0 });
    expect(note(fake, "Acme", a)?.value ?? null).toBeNull();
    expect(fake.cell("Ratings", `D${rowOf(fake, a)}`)?.value).toBe(40);
  });

  test("new vendors: the rebuild keeps every reason (old ones and the file's) in 4 syncs; a Chinese workbook logs 理由 columns; undo clears the new vendor's reasons", async () => {
    const fake = await setUp(["Acme"], "zh-CN");
    const [a, b] = codes;
    const port = portOn(fake);
    const prefix = "理由：";
    fake.put("评分", `${noteCol(fake, "Acme", "评分", prefix)}${rowOf(fake, a, "评分")}`, [["老理由"]]);
    const before = fake.syncs;
    const result = await port.importRatings(req([{ vendor: "新供应商", code: b, value: 66, comment: "=SUM(A1)" }], { newVendors: ["新供应商"] }));
    expect(fake.syncs - before).toBe(4);
    expect(result).toMatchObject({ added: 1, newVendors: ["新供应商"], notesAdded: 1 });
    expect(note(fake, "Acme", a, "评分", prefix)?.value).toBe("老理由");
    expect(note(fake, "新供应商", b, "评分", prefix)).toMatchObject({ value: "=SUM(A1)", numberFormat: "@" });
    expect(note(fake, "新供应商", b, "评分", prefix)?.formula).toBeUndefined();
    const values = block(fake, result.importId, "导入日志");
    expect(values[1].slice(3)).toEqual([b, `${b}（理由）`]);
    expect(await port.undoImport(result.importId)).toMatchObject({ restored: 1, notesRestored: 1, notesChangedSince: 0 });
    expect(note(fake, "新供应商", b, "评分", prefix)?.value ?? null).toBeNull();
    expect(note(fake, "Acme", a, "评分", prefix)?.value).toBe("老理由");
  });

  test("a workbook made before the notes grid: ratings written, reasons skipped and counted, nothing beside the ratings", async () => {
    const fake = new FakeExcel();
    const old = buildPlan({ tree: defaultTree(), vendors: ["Acme"], options: { locale: "en-US", missing: "exclude" }, createdAt: NOW.toISOString(), notesGrid: false });
    await applyPlan(fake.context as unknown as Excel.RequestContext, old);
    const [a] = codes;
    const before = fake.syncs;
    const result = await portOn(fake).importRatings(req([{ vendor: "Acme", code: a, value: 50, comment: "why" }, { vendor: "Acme", code: codes[1], value: 60 }]));
    expect(fake.syncs - before).toBe(3);
    expect(result).toMatchObject({ added: 2, notesSkipped: 1 });
    expect(result.notesAdded).toBeUndefined();
    for (const sheet of fake.sheets) for (const c of sheet.cells.values()) expect(c.value).not.toBe("why");
  });

  test("a workbook made before the notes grid, importing a new vendor: the rebuild brings the Reason columns, so the file's reasons are written (old and new vendors) and undo clears them", async () => {
    const fake = new FakeExcel();
    const old = buildPlan({ tree: defaultTree(), vendors: ["Acme"], options: { locale: "en-US", missing: "exclude" }, createdAt: NOW.toISOString(), notesGrid: false });
    await applyPlan(fake.context as unknown as Excel.RequestContext, old);
    const [a, b] = codes;
    const port = portOn(fake);
    const result = await port.importRatings(req([{ vendor: "Acme", code: a, value: 50, comment: "why A" }, { vendor: "Nova", code: b, value: 60, comment: "why N" }], { newVendors: ["Nova"] }));
    expect(result).toMatchObject({ added: 2, newVendors: ["Nova"], notesAdded: 2 });
    expect(result.notesSkipped).toBeUndefined();
    expect(note(fake, "Acme", a)?.value).toBe("why A");
    expect(note(fake, "Nova", b)?.value).toBe("why N");
    expect(await port.undoImport(result.importId)).toMatchObject({ notesRestored: 2, notesChangedSince: 0 });
    expect(note(fake, "Acme", a)?.value ?? null).toBeNull();
    expect(note(fake, "Nova", b)?.value ?? null).toBeNull();
  });

  test("no comment in the file: the result has no reason counts (as before)", async () => {
    const fake = await setUp();
    const result = await portOn(fake).importRatings(req([{ vendor: "Acme", code: codes[0], value: 50 }]));
    expect(Object.keys(result).filter((k) => k.startsWith("notes"))).toEqual([]);
  });
});
