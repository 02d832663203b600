/** panelStats (one scoreCube call over rater × vendor pairs) against the per-rater score() loop it replaced. */
import fc from "fast-check";
import { kendallW, rankKey, score, type MissingPolicy, type Rating, type RatingValue } from "../../src/core/engine";
import { leaves } from "../../src/core/model/tree";
import { panelStats, type PanelStats } from "../../src/taskpane/panelStats";
import type { WorkbookSnapshot } from "../../src/port";
import { leafCodes, node, tree, treeArb } from "../core/fixtures";

/**
 * The earlier panelStats: each rater's ratings scored on their own with score(); now with only
 * listed vendors counted as done, and totals compared at 9 decimals as the Calc sheet does.
 */
function reference(snapshot: WorkbookSnapshot): PanelStats {
  const { raters, vendors, tree: t } = snapshot;
  const codes = new Set(leaves(t).map((l) => l.node.code));
  const total = vendors.length * codes.size;
  const byRater = new Map(raters.map((r) => [r, snapshot.ratings.filter((x) => x.rater === r && codes.has(x.code))]));
  const perVendor = vendors.map((vendor) => ({ vendor, raters: raters.filter((r) => (byRater.get(r) ?? []).some((x) => x.vendor === vendor)).length }));
  const completeness = raters.map((rater) => ({ rater, done: new Set((byRater.get(rater) ?? []).filter((x) => vendors.includes(x.vendor)).map((x) => `${x.vendor}\u0001${x.code}`)).size, total }));
  const rows: number[][] = [];
  const excluded: string[] = [];
  for (const rater of raters) {
    const result = score(t, byRater.get(rater) ?? [], { missing: snapshot.missing, vendors });
    const totals = vendors.map((v) => {
      const x = result.vendors.find((y) => y.vendor === v)?.total;
      return x === undefined || x === null ? null : rankKey(x);
    });
    if (totals.every((x): x is number => x !== null)) rows.push(totals);
    else excluded.push(rater);
  }
  return { raters, vendors, perVendor, completeness, agreement: kendallW(rows), excluded };
}

const snapshot = (t: WorkbookSnapshot["tree"], raters: string[], vendors: string[], ratings: Rating[], missing: MissingPolicy = "exclude"): WorkbookSnapshot => ({
  tree: t, vendors, raters, missing, ratings, problems: [], scores: { vendors: [], unknownCodes: [] },
});

const valueArb: fc.Arbitrary<RatingValue> = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 100 }) },
  { weight: 2, arbitrary: fc.constant<"NA">("NA") },
  { weight: 1, arbitrary: fc.constantFrom(NaN, 12.5, 33.3) },
);

describe("panelStats", () => {
  test("equals the per-rater score() loop: blanks, N/A, unknown codes, unlisted raters and vendors, a rater's rating given twice", () => {
    const caseArb = treeArb.chain((t) => {
      const codes = [...leafCodes(t), "x9"];
      return fc.record({
        t: fc.constant(t),
        raters: fc.integer({ min: 0, max: 5 }).map((m) => Array.from({ length: m }, (_, k) => `R${k + 1}`)),
        vendors: fc.integer({ min: 1, max: 4 }).map((n) => Array.from({ length: n }, (_, v) => `V${v + 1}`)),
        missing: fc.constantFrom<MissingPolicy>("exclude", "zero"),
        full: fc.boolean(),
        rows: fc.array(
          fc.record({
            vendor: fc.constantFrom("V1", "V2", "V3", "V4", "Other"),
            code: fc.constantFrom(...codes),
            rater: fc.option(fc.constantFrom("R1", "R2", "R3", "R4", "R5", "Nobody"), { nil: undefined, freq: 10 }),
            value: valueArb,
          }),
          { maxLength: 120 },
        ),
      });
    });
    fc.assert(
      fc.property(caseArb, ({ t, raters, vendors, missing, full, rows }) => {
        const drawn: Rating[] = rows.map((r) => (r.rater === undefined ? { vendor: r.vendor, code: r.code, value: r.value } : r));
        // Often every listed rater rates every cell, so that W has raters to rank.
        if (full) for (const rater of raters) for (const vendor of vendors) for (const code of leafCodes(t)) drawn.push({ vendor, code, rater, value: (rater.length * 7 + vendor.length * code.length * 13) % 101 });
        // At most two ratings of one rater in a cell: their mean is then the same to the last bit
        // (three may differ in the last bit), and so are the totals W ranks.
        const seen = new Map<string, number>();
        const ratings = drawn.filter((r) => {
          const key = `${r.rater ?? ""}\u0001${r.vendor}\u0001${r.code}`;
          seen.set(key, (seen.get(key) ?? 0) + 1);
          return (seen.get(key) as number) <= 2;
        });
        const snap = snapshot(t, raters, vendors, ratings, missing);
        expect(panelStats(snap)).toEqual(reference(snap));
      }),
      { numRuns: 200 },
    );
  });

  test("a rater who rated one vendor twice in a cell: both count, as score() averages them", () => {
    const t = tree(node("1", 50), node("2", 50));
    const snap = snapshot(t, ["Ann", "Bo"], ["A", "B"], [
      { vendor: "A", code: "1", rater: "Ann", value: 80 },
      { vendor: "A", code: "1", rater: "Ann", value: 20 },
      { vendor: "A", code: "2", rater: "Ann", value: 70 },
      { vendor: "B", code: "1", rater: "Ann", value: 50 },
      { vendor: "B", code: "2", rater: "Ann", value: "NA" },
      { vendor: "A", code: "1", rater: "Bo", value: 40 },
      { vendor: "B", code: "2", rater: "Bo", value: 90 },
    ]);
    const stats = panelStats(snap);
    expect(stats).toEqual(reference(snap));
    expect(stats.completeness).toEqual([{ rater: "Ann", done: 4, total: 4 }, { rater: "Bo", done: 2, total: 4 }]);
    // Ann: A = (mean(80, 20) + 70) / 2 = 60 over B = 50; Bo the other way round.
    expect(stats.agreement).toEqual(kendallW([[60, 50], [40, 90]]));
    expect(stats.agreement.w).toBe(0);
  });

  test("totals that differ only past the 9th decimal tie in W, as ROUND(total, 9) in the Calc sheet", () => {
    const t = tree(node("1", 1), node("2", 2));
    // Ann: A = 50 and B = 50 + 1e−13: the same to 9 decimals.
    const snap = snapshot(t, ["Ann", "Bo"], ["A", "B"], [
      { vendor: "A", code: "1", rater: "Ann", value: 50 },
      { vendor: "A", code: "2", rater: "Ann", value: 50 },
      { vendor: "B", code: "1", rater: "Ann", value: 50.0000000000003 },
      { vendor: "B", code: "2", rater: "Ann", value: 50 },
      { vendor: "A", code: "1", rater: "Bo", value: 40 },
      { vendor: "A", code: "2", rater: "Bo", value: 40 },
      { vendor: "B", code: "1", rater: "Bo", value: 90 },
      { vendor: "B", code: "2", rater: "Bo", value: 90 },
    ]);
    // Ann ties A and B; without rounding she would rank B above A, as Bo does, and W would be 1.
    expect(panelStats(snap).agreement).toEqual(kendallW([[50, 50], [40, 90]]));
    expect(panelStats(snap).agreement.w).toBeLessThan(1);
  });

  test("ratings of a vendor not in the list count neither for that rater's completeness nor anywhere else", () => {
    const t = tree(node("1", 50), node("2", 50));
    const snap = snapshot(t, ["Ann"], ["A"], [
      { vendor: "A", code: "1", rater: "Ann", value: 80 },
      { vendor: "Gone", code: "1", rater: "Ann", value: 70 },
      { vendor: "Gone", code: "2", rater: "Ann", value: 70 },
    ]);
    const stats = panelStats(snap);
    expect(stats.completeness).toEqual([{ rater: "Ann", done: 1, total: 2 }]);
    expect(stats.perVendor).toEqual([{ vendor: "A", raters: 1 }]);
  });
});
