/**
 * The read paths score through scoreCube with a cube filled while the rater grids are scanned:
 * their scores must be score()'s on the snapshot's own ratings (and, for a panel, its consensus
 * replacing the raters' ratings of a cell). Scorecards are built from plans, without Excel.
 */
import fc from "fast-check";
import { score, type Aggregation, type MissingPolicy, type Rating } from "../../src/core/engine";
import type { IndicatorNode, IndicatorTree } from "../../src/core/model";
import { Grid } from "../../src/excel/address";
import { panelSnapshot } from "../../src/excel/panel";
import { snapshotOf } from "../../src/excel/port";
import type { Scorecard } from "../../src/excel/readBack";
import { buildPlan, cell, parseCell, type CellValue, type WorkbookPlan } from "../../src/plan";
import type { WorkbookSnapshot } from "../../src/port";
import { approxEqual } from "../core/fixtures";
import { treeArb } from "../plan/arbitraries";
import { enterPanel, panelArb } from "../plan/panelHelpers";

/** Sheets as sparse cells: the plan's value blocks, then whatever is typed. */
class Book {
  private readonly sheets = new Map<string, Map<string, CellValue>>();

  constructor(plan: WorkbookPlan) {
    for (const s of plan.sheets) {
      for (const b of s.blocks) {
        if (b.kind !== "values") continue;
        const top = parseCell(b.address.split(":")[0]);
        b.cells.forEach((row, r) => row.forEach((v, c) => this.set(s.name, cell(top.row + r, top.col + c), v)));
      }
    }
  }

  set = (sheet: string, a1: string, value: CellValue): void => {
    const cells = this.sheets.get(sheet) ?? new Map<string, CellValue>();
    this.sheets.set(sheet, cells);
    cells.set(a1, value);
  };

  grid(sheet: string): Grid {
    const values: CellValue[][] = [];
    for (const [a1, v] of this.sheets.get(sheet) ?? []) {
      const { row, col } = parseCell(a1);
      const line = (values[row - 1] ??= []);
      line[col - 1] = v;
    }
    return new Grid(1, 1, Array.from(values, (line) => Array.from(line ?? [], (v) => v ?? null)));
  }
}

function card(plan: WorkbookPlan, book: Book): Scorecard {
  const names = plan.layout.sheetNames;
  const at = (name: string | undefined): { sheet: string; grid: Grid } => ({ sheet: name as string, grid: book.grid(name as string) });
  const P = plan.layout.panel;
  if (!P) return { model: plan.model, plan, grids: { ratings: at(names.ratings), weights: at(names.weights) }, sheets: [] };
  return {
    model: plan.model, plan, grids: { weights: at(names.weights) }, sheets: [],
    panel: { raters: P.raters.map((r) => ({ rater: r.name, ...at(r.sheet) })), moderation: at(P.moderation.sheet) },
  };
}

/** What a rating cell may hold besides a rating: text, N/A spelt variously, out-of-range numbers, blanks. */
const oddArb = fc.constantFrom<CellValue>("lots", "see notes", "", "  ", "n/a", " NA ", "N/A", 130, -1, 100.5, 33.3, 0, true);

/** score() on the snapshot's objects, a consensus replacing every rater's rating of its cell. */
function expected(snap: WorkbookSnapshot): ReturnType<typeof score> {
  const key = (r: { vendor: string; code: string }): string => `${r.vendor}\u0001${r.code}`;
  const overridden = new Set((snap.consensus ?? []).map(key));
  const scored: Rating[] = [
    ...snap.ratings.filter((r) => !overridden.has(key(r))),
    ...(snap.consensus ?? []).map((c) => ({ vendor: c.vendor, code: c.code, value: c.value })),
  ];
  return score(snap.tree, scored, { missing: snap.missing, vendors: snap.vendors, ...(snap.aggregate ? { aggregate: snap.aggregate } : {}) });
}

const optionsArb = fc.record({
  missing: fc.constantFrom<MissingPolicy>("exclude", "zero"),
  aggregate: fc.constantFrom<Aggregation>("mean", "median", "trimmed"),
});

describe("panelSnapshot scores through the cube as score() does", () => {
  test("random panels: blanks, N/A, text, out-of-range numbers, consensus overrides (given, N/A, text, out of range)", () => {
    const panelCase = treeArb.chain((tree) =>
      fc.record({
        tree: fc.constant(tree),
        panel: panelArb(tree),
        options: optionsArb,
        // [rater, vendor, leaf] picks and what to type there, over what panelArb entered.
        odd: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), oddArb), { maxLength: 8 }),
        consensus: fc.array(fc.tuple(fc.nat(), fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom<CellValue>("N/A", "na", "agreed", 130, 12.5)), fc.constantFrom("", "reason")), { maxLength: 6 }),
      }),
    );
    let overrides = 0;
    fc.assert(
      fc.property(panelCase, ({ tree, panel, options, odd, consensus }) => {
        const plan = buildPlan({ tree, vendors: panel.vendors, raters: panel.raters, options: { locale: "en-US", ...options } });
        const P = plan.layout.panel as NonNullable<WorkbookPlan["layout"]["panel"]>;
        const L = plan.layout.ratings;
        const leafRows = L.rows.filter((r) => r.leaf);
        const book = new Book(plan);
        enterPanel(plan, panel, book.set);
        for (const [k, v, j, value] of odd) {
          const row = leafRows[j % leafRows.length];
          book.set(P.raters[k % P.raters.length].sheet, cell(row.row, L.firstCol + (v % L.vendors.length)), value);
        }
        for (const [i, value, reason] of consensus) {
          const row = P.moderation.rows[i % P.moderation.rows.length];
          book.set(P.moderation.sheet, cell(row.row, P.moderation.columns.consensus), value);
          book.set(P.moderation.sheet, cell(row.row, P.moderation.columns.reason), reason);
        }
        const snap = panelSnapshot(card(plan, book));
        const want = expected(snap);
        if (!approxEqual(snap.scores, want)) throw new Error(`differs:\n${JSON.stringify(snap.scores)}\n${JSON.stringify(want)}`);
        const keys = new Set((snap.consensus ?? []).map((c) => `${c.vendor}\u0001${c.code}`));
        if (snap.ratings.some((r) => keys.has(`${r.vendor}\u0001${r.code}`))) overrides++;
      }),
      { numRuns: 150 },
    );
    // The runs did put a consensus over raters' ratings.
    expect(overrides).toBeGreaterThan(10);
  });

  test("a leaf code on two rows (a validation error) counts both rows' ratings, as score() does", () => {
    const tree = dupTree();
    const plan = buildPlan({ tree, vendors: ["A", "B"], raters: ["Ann", "Bo"], options: { locale: "en-US", missing: "exclude", aggregate: "mean" } });
    const P = plan.layout.panel as NonNullable<WorkbookPlan["layout"]["panel"]>;
    const L = plan.layout.ratings;
    const [first, , second] = L.rows.filter((r) => r.leaf);
    expect([first.code, second.code]).toEqual(["1.1", "1.1"]);
    const book = new Book(plan);
    book.set(P.raters[0].sheet, cell(first.row, L.firstCol), 10);
    book.set(P.raters[0].sheet, cell(second.row, L.firstCol), 20);
    book.set(P.raters[1].sheet, cell(second.row, L.firstCol), "N/A");
    book.set(P.raters[1].sheet, cell(first.row, L.firstCol + 1), 40);
    book.set(P.raters[0].sheet, cell(second.row, L.firstCol + 1), 50);
    // B's second 1.1 row gets a consensus: it replaces both rows' ratings of B.
    const modRow = P.moderation.rows.filter((r) => r.vendor === "B" && r.code === "1.1")[1];
    book.set(P.moderation.sheet, cell(modRow.row, P.moderation.columns.consensus), 90);
    const snap = panelSnapshot(card(plan, book));
    expect(snap.consensus).toEqual([{ vendor: "B", code: "1.1", value: 90, reason: "" }]);
    expect(approxEqual(snap.scores, expected(snap))).toBe(true);
    expect(snap.scores.vendors[0].leaves["1.1"]).toMatchObject({ value: 15, raters: 2 });
    expect(snap.scores.vendors[1].leaves["1.1"]).toMatchObject({ value: 90, raters: 1 });
  });
});

describe("snapshotOf (single rater) scores through the cube exactly as score() does", () => {
  test("random workbooks: the same results to the last bit", () => {
    const singleCase = treeArb.chain((tree) =>
      fc.record({
        tree: fc.constant(tree),
        vendors: fc.integer({ min: 1, max: 5 }).map((n) => Array.from({ length: n }, (_, v) => `V${v + 1}`)),
        missing: fc.constantFrom<MissingPolicy>("exclude", "zero"),
        rater: fc.option(fc.constant("Ann"), { nil: undefined }),
        cells: fc.array(fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 100 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 200 }).map((x) => x / 2) }, { weight: 3, arbitrary: oddArb }, { weight: 4, arbitrary: fc.constant(null) }), { maxLength: 200 }),
      }),
    );
    fc.assert(
      fc.property(singleCase, ({ tree, vendors, missing, rater, cells }) => {
        const plan = buildPlan({ tree, vendors, options: { locale: "en-US", missing }, ...(rater ? { raters: [rater] } : {}) });
        const L = plan.layout.ratings;
        const book = new Book(plan);
        const leafRows = L.rows.filter((r) => r.leaf);
        cells.forEach((value, i) => {
          const n = leafRows.length * vendors.length;
          if (i < n) book.set(plan.layout.sheetNames.ratings as string, cell(leafRows[i % leafRows.length].row, L.firstCol + Math.floor(i / leafRows.length)), value);
        });
        const snap = snapshotOf(card(plan, book));
        expect(snap.scores).toEqual(expected(snap));
      }),
      { numRuns: 150 },
    );
  });

  test("a leaf code on two rows counts both rows' ratings", () => {
    const plan = buildPlan({ tree: dupTree(), vendors: ["A"], options: { locale: "en-US", missing: "zero" } });
    const L = plan.layout.ratings;
    const [first, , second] = L.rows.filter((r) => r.leaf);
    const book = new Book(plan);
    book.set(plan.layout.sheetNames.ratings as string, cell(first.row, L.firstCol), 30);
    book.set(plan.layout.sheetNames.ratings as string, cell(second.row, L.firstCol), "N/A");
    const snap = snapshotOf(card(plan, book));
    expect(snap.scores).toEqual(expected(snap));
    expect(snap.scores.vendors[0].leaves["1.1"]).toEqual({ status: "rated", value: 30, raters: 1, range: 0, stdev: 0 });
  });
});

/** 1 → 1.1, 1.2; 2 → 1.1 again. */
function dupTree(): IndicatorTree {
  const n = (code: string, children: IndicatorNode[] = []): IndicatorNode => ({ code, name: { "zh-CN": code, "en-US": code }, weight: null, required: false, children });
  return { id: "dup", title: { "zh-CN": "重复", "en-US": "Duplicate" }, roots: [n("1", [n("1.1"), n("1.2")]), n("2", [n("1.1")])] };
}
