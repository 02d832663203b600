/**
 * Issue #14's property: a reason written beside a rating survives import, merge, re-create and
 * undo. A model of the notes grid (vendor × code → text) is kept beside the in-memory workbook
 * and every step's reasons, as the adapter reads them back, must equal it.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import type { Rating } from "../../src/core/engine";
import { leaves } from "../../src/core/model/tree";
import { defaultTree } from "../../src/core/model/default-tree";
import { MemoryExcel as FakeExcel } from "../../src/demo/memoryExcel";
import { MODEL_SHEET_NAME } from "../../src/plan";
import type { ImportChoice, ImportRatingsResult, WorkbookPort } from "../../src/port";
import { portOn, request } from "./helpers";

type Notes = Map<string, string>;
type Incoming = Rating & { comment: string };

const CODES = leaves(defaultTree()).map((l) => l.node.code);
const VENDORS = ["Acme", "Bolt", "Cirrus"];
const key = (vendor: string, code: string, rater = ""): string => `${rater}\u0001${vendor}\u0001${code}`;

/** Reasons people write: formula-like, quoted, numeric, the log's own blank markers, CJK, line breaks. */
const reasonText = fc
  .array(fc.constantFrom("=1+1", '"quoted"', "0012", "blank", "空", "价格偏高", "demo was slow", "\n", " ", "+", "@x", "N/A", "理由：", "a;b"), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(""))
  .filter((t) => t.trim() !== "");

const incoming = fc.array(
  fc.record({
    vendor: fc.constantFrom(...VENDORS),
    code: fc.constantFrom(...CODES.slice(0, 12)),
    value: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant<"NA">("NA")),
    comment: fc.oneof(reasonText, fc.constant("")),
  }),
  { minLength: 1, maxLength: 10 },
);

const wrote = (r: ImportRatingsResult): boolean => r.added + r.overwritten + (r.notesAdded ?? 0) + (r.notesOverwritten ?? 0) > 0;

/** The reasons the workbook holds, as the adapter reads them back. */
async function reasonsOf(port: WorkbookPort): Promise<Notes> {
  const snap = await port.readWorkbook();
  return new Map((snap?.notes ?? []).map((n) => [key(n.vendor, n.code, n.rater), n.text]));
}

/** What an import does to the model: the first row of a cell decides; a blank never clears; keep-existing leaves a different reason. */
function imported(model: Notes, rows: readonly Incoming[], choice: ImportChoice): Notes {
  const next = new Map(model);
  const seen = new Set<string>();
  for (const r of rows) {
    const k = key(r.vendor, r.code);
    if (seen.has(k)) continue;
    seen.add(k);
    const text = r.comment.trim();
    if (text === "") continue;
    if (!model.has(k) || choice === "overwrite") next.set(k, text);
  }
  return next;
}

describe("reasons survive import, re-create and undo (single rater)", () => {
  test("property: two imports, a re-create that adds a vendor and reorders them, then both undone in turn", async () => {
    await fc.assert(
      fc.asyncProperty(incoming, incoming, fc.constantFrom<ImportChoice>("keep-existing", "overwrite"), async (first, second, choice) => {
        const fake = new FakeExcel();
        const port = portOn(fake);
        await port.createWorkbook(request({ vendors: VENDORS }));
        const empty: Notes = new Map();

        const one = await port.importRatings({ ratings: first, choice: "keep-existing", sourceFile: "one.csv", newVendors: [] });
        const afterOne = imported(empty, first, "keep-existing");
        expect(await reasonsOf(port)).toEqual(afterOne);

        const two = await port.importRatings({ ratings: second, choice, sourceFile: "two.csv", newVendors: [] });
        const afterTwo = imported(afterOne, second, choice);
        expect(await reasonsOf(port)).toEqual(afterTwo);

        // Re-create: a new vendor, the others reordered; every reason stays with its vendor and indicator.
        await port.createWorkbook(request({ vendors: ["Delta", ...[...VENDORS].reverse()] }));
        expect(await reasonsOf(port)).toEqual(afterTwo);

        // Undo in turn: the workbook's reasons go back step by step (nothing was edited since).
        // (an import that changed nothing is not logged, so there is nothing to undo)
        if (wrote(two)) await port.undoImport(two.importId);
        expect(await reasonsOf(port)).toEqual(afterOne);
        if (wrote(one)) await port.undoImport(one.importId);
        expect(await reasonsOf(port)).toEqual(empty);
      }),
      { numRuns: 15 },
    );
  }, 240_000);
});

/** A rater fills their copy in Excel: the rating under the vendor's column, the reason under "Reason: vendor". */
async function fillCopy(bytes: Uint8Array, cells: readonly Incoming[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets.find((w) => w.name !== MODEL_SHEET_NAME) as ExcelJS.Worksheet;
  const header = ws.getRow(3);
  const colOf = new Map<string, number>();
  header.eachCell((c, col) => void colOf.set(String(c.value), col));
  const rowOf = new Map<string, number>();
  ws.eachRow((r, n) => void rowOf.set(String(r.getCell(1).value), n));
  for (const c of cells) {
    const row = rowOf.get(c.code) as number;
    ws.getCell(row, colOf.get(c.vendor) as number).value = c.value === "NA" ? "N/A" : c.value;
    // ExcelJS writes a string as a string cell, "=1+1" included, as Excel does for a text-formatted cell
    ws.getCell(row, colOf.get(`Reason: ${c.vendor}`) as number).value = c.comment === "" ? null : c.comment;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** What merging a copy does to one rater's reasons: each cell once (the copy is a sheet), as an import. */
function merged(model: Notes, rater: string, cells: readonly Incoming[], choice: ImportChoice): Notes {
  const next = new Map(model);
  const last = new Map<string, string>();
  for (const c of cells) last.set(key(c.vendor, c.code, rater), c.comment.trim());
  for (const [k, text] of last) if (text !== "" && (!model.has(k) || choice === "overwrite")) next.set(k, text);
  return next;
}

describe("reasons survive merge, re-create and undo (panel)", () => {
  test("property: Ann's and Bo's returned copies merged, the panel re-created with another vendor, both merges undone in turn", async () => {
    await fc.assert(
      fc.asyncProperty(incoming, incoming, fc.constantFrom<ImportChoice>("keep-existing", "overwrite"), async (ann, bo, choice) => {
        const fake = new FakeExcel();
        const port = portOn(fake);
        await port.createWorkbook(request({ vendors: VENDORS, raters: ["Ann", "Bo"] }));
        const empty: Notes = new Map();
        const annCopy = await fillCopy((await port.exportRaterCopy("Ann")).bytes, ann);
        const boCopy = await fillCopy((await port.exportRaterCopy("Bo")).bytes, bo);

        const one = await port.applyReturnedCopy(await port.mergeReturnedCopy(annCopy, "ann.xlsx"), "keep-existing");
        const afterAnn = merged(empty, "Ann", ann, "keep-existing");
        expect(await reasonsOf(port)).toEqual(afterAnn);
        const two = await port.applyReturnedCopy(await port.mergeReturnedCopy(boCopy, "bo.xlsx"), choice);
        const afterBo = merged(afterAnn, "Bo", bo, choice);
        expect(await reasonsOf(port)).toEqual(afterBo);

        await port.createWorkbook(request({ vendors: [...VENDORS, "Delta"].reverse(), raters: ["Bo", "Ann"] }));
        expect(await reasonsOf(port)).toEqual(afterBo);

        if (two.importId !== undefined) await port.undoImport(two.importId);
        expect(await reasonsOf(port)).toEqual(afterAnn);
        if (one.importId !== undefined) await port.undoImport(one.importId);
        expect(await reasonsOf(port)).toEqual(empty);
      }),
      { numRuns: 10 },
    );
  }, 300_000);
});
