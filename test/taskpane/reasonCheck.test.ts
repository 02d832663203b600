/** unreasonedRatings (issue #14): a rating is listed iff it is a number, its notes cell is blank, and (all, or low, or a wide panel spread). */
import fc from "fast-check";
import type { Rating } from "../../src/core/engine";
import type { SnapshotNote, WorkbookSnapshot } from "../../src/port";
import { unreasonedRatings, type ReasonCheckOptions } from "../../src/taskpane/reasonCheck";

const VENDORS = ["Acme", "Beta"];
const CODES = ["1.1", "1.2", "2.1"];
const COLUMNS: Record<string, string> = { Acme: "H", Beta: "I" };
const ROWS: Record<string, number> = { "1.1": 5, "1.2": 6, "2.1": 8 };

type Cell = { rating: number | "NA" | null; note: string | null };
type Input = Pick<WorkbookSnapshot, "ratings" | "notes" | "notesGrid">;

/** raters: [] = a single rater (rater absent). cells[r][v][c]. */
function snapshotOf(raters: string[], cells: Cell[][][]): Input {
  const keys = raters.length === 0 ? [undefined] : raters;
  const ratings: Rating[] = [];
  const notes: SnapshotNote[] = [];
  const sheet = (r: string | undefined): string => (r === undefined ? "Ratings" : `Ratings - ${r}`);
  keys.forEach((rater, i) =>
    VENDORS.forEach((vendor, v) =>
      CODES.forEach((code, c) => {
        const { rating, note } = cells[i][v][c];
        const who = rater !== undefined ? { rater } : {};
        if (rating !== null) ratings.push({ vendor, code, ...who, value: rating });
        if (note !== null) notes.push({ vendor, code, ...who, text: note, sheet: sheet(rater), address: `${COLUMNS[vendor]}${ROWS[code]}` });
      }),
    ),
  );
  return { ratings, notes, notesGrid: { sheets: Object.fromEntries(keys.map((r) => [r ?? "", sheet(r)])), columns: COLUMNS, rows: ROWS } };
}

const cellArb: fc.Arbitrary<Cell> = fc.record({
  rating: fc.oneof(fc.constant(null), fc.constant("NA" as const), fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })),
  note: fc.oneof(fc.constant(null), fc.constant("Site visit")),
});
const optionsArb: fc.Arbitrary<ReasonCheckOptions> = fc.record({
  all: fc.boolean(),
  flagged: fc.boolean(),
  below: fc.integer({ min: 0, max: 100 }),
  spread: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 100 })),
});
const caseArb = fc.integer({ min: 0, max: 3 }).chain((n) => {
  const raters = n === 1 ? [] : ["Ann", "Bo", "Cy"].slice(0, n);
  const sheets = Math.max(1, raters.length);
  return fc.record({
    raters: fc.constant(raters),
    cells: fc.array(fc.array(fc.array(cellArb, { minLength: CODES.length, maxLength: CODES.length }), { minLength: 2, maxLength: 2 }), { minLength: sheets, maxLength: sheets }),
    options: optionsArb,
  });
});

describe("unreasonedRatings", () => {
  test("listed iff rated with a number, no reason, and (all, or flagged and (low or wide spread)); why and cell as expected", () => {
    fc.assert(
      fc.property(caseArb, ({ raters, cells, options }) => {
        const got = unreasonedRatings(snapshotOf(raters, cells), options);
        const keys = raters.length === 0 ? [undefined] : raters;
        const expected: string[] = [];
        keys.forEach((rater, i) =>
          VENDORS.forEach((vendor, v) =>
            CODES.forEach((code, c) => {
              const { rating, note } = cells[i][v][c];
              if (typeof rating !== "number" || note !== null) return;
              const others = cells.map((s) => s[v][c].rating).filter((x): x is number => typeof x === "number");
              const low = rating < options.below;
              const wide = rater !== undefined && options.spread !== null && Math.max(...others) - Math.min(...others) > options.spread;
              if (options.all || (options.flagged && (low || wide))) {
                const why = options.flagged ? [...(low ? ["low"] : []), ...(wide ? ["spread"] : [])] : [];
                expected.push(JSON.stringify([rater ?? "", vendor, code, rating, why, `${COLUMNS[vendor]}${ROWS[code]}`]));
              }
            }),
          ),
        );
        expect(got.map((x) => JSON.stringify([x.rater ?? "", x.vendor, x.code, x.value, x.why, x.address]))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  test("N/A needs no reason; the threshold itself is not low; a spread equal to the threshold is not wide; no notes grid lists nothing", () => {
    const cells: Cell[][][] = [
      [[{ rating: "NA", note: null }, { rating: 60, note: null }, { rating: 30, note: null }], [{ rating: 40, note: null }, { rating: 90, note: null }, { rating: 59, note: "why" }]],
      [[{ rating: 10, note: null }, { rating: 80, note: null }, { rating: 30, note: null }], [{ rating: 40, note: null }, { rating: 90, note: null }, { rating: 95, note: null }]],
    ];
    const snap = snapshotOf(["Ann", "Bo"], cells);
    const listed = unreasonedRatings(snap, { all: false, flagged: true, below: 60, spread: 20 }).map((x) => `${x.rater} ${x.vendor} ${x.code} ${x.why.join("+")}`);
    expect(listed).toEqual(["Ann Acme 2.1 low", "Ann Beta 1.1 low", "Bo Acme 1.1 low", "Bo Acme 2.1 low", "Bo Beta 1.1 low", "Bo Beta 2.1 spread"]);
    expect(unreasonedRatings({ ...snap, notesGrid: undefined }, { all: true, flagged: true, below: 60, spread: 20 })).toEqual([]);
    expect(unreasonedRatings(snap, { all: false, flagged: false, below: 60, spread: 20 })).toEqual([]);
  });
});
