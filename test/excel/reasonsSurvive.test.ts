/**
 * Issue #14's property: a reason written beside a rating survives import, merge, re-create and
 * undo. A model of the notes grid (vendor × code → text) is kept beside the in-memory workbook
 * and every step's reasons, as the adapter reads them back, must equal it.
 */
import fc from "fast-check";
import type { Rating } from "../../src/core/engine";
import { leaves } from "../../src/core/model/tree";
import { defaultTree } from "../../src/core/model/default-tree";
import { MemoryExcel as FakeExcel } from "../../src/demo/memoryExcel";
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
