/**
 * The Report's reasons beside the strongest and weakest indicators (issue #14) evaluated by
 * HyperFormula on random workbooks equal reportReason: a single rater's reason from the notes grid;
 * a panel's Moderation reason where a consensus was entered, else every rater's reason joined
 * ("Ann: text; Bo: text"); cut at REASON_MAX characters. Reasons are typed as text (CJK, quotes,
 * "=", "0012", line breaks, long). Without a notes grid the Report has no reason cells.
 */
import fc from "fast-check";
import { score } from "../../src/core/engine";
import { defaultTree } from "../../src/core/model";
import { buildPlan, type CellValue } from "../../src/plan";
import { cell } from "../../src/plan/a1";
import { RATINGS } from "../../src/plan/context";
import { REASON_MAX, reportReason } from "../../src/plan/reportSheet";
import { gridFrom, leafCodes, ratingArb, treeArb } from "./arbitraries";
import { ratingsList } from "./compare";
import { hfFromPlan } from "./hf";
import { enterPanel, panelArb } from "./panelHelpers";
import { compareReasons, enterNotes, notesArb } from "./reportReasons";

const CREATED = "2026-12-04T10:00:00.000Z";
/** Text typed into a text-formatted cell: HyperFormula's apostrophe keeps "=1+1" and "0012" as text. */
const asText = (t: string): string => `'${t}`;
const reportFormulas = (plan: ReturnType<typeof buildPlan>): string[] =>
  (plan.sheets.find((s) => s.key === "report")?.blocks ?? []).flatMap((b) => b.cells.flat()).flatMap((c) => (typeof c === "string" && c.startsWith("=") ? [c] : typeof c === "object" && c !== null && "f" in c ? [(c as { f: string }).f] : []));

describe("reportReason", () => {
  test("cuts at REASON_MAX characters with …, shows line breaks as spaces, leaves out raters without a reason", () => {
    expect(reportReason({ note: "x".repeat(REASON_MAX) })).toBe("x".repeat(REASON_MAX));
    expect(reportReason({ note: "x".repeat(REASON_MAX + 1) })).toBe(`${"x".repeat(REASON_MAX - 1)}…`);
    expect(reportReason({ note: "a\nb\r\nc" })).toBe("a b  c");
    expect(reportReason({ note: "   " })).toBe("");
    expect(reportReason({ consensus: false, moderation: "agreed", raters: [{ name: "Ann", note: "cheap" }, { name: "Bo" }, { name: "Cy", note: " " }, { name: "Di", note: "=1+1" }] })).toBe("Ann: cheap; Di: =1+1");
    expect(reportReason({ consensus: true, moderation: "agreed", raters: [{ name: "Ann", note: "cheap" }] })).toBe("agreed");
    expect(reportReason({ consensus: true, raters: [{ name: "Ann", note: "cheap" }] })).toBe("");
  });
});

describe("the Report's reasons (HyperFormula)", () => {
  test("single rater, random trees, ratings and reasons, both locales: every reason cell equals reportReason", () => {
    fc.assert(
      fc.property(
        treeArb.chain((tree) =>
          fc.integer({ min: 1, max: 4 }).chain((n) => {
            const vendors = Array.from({ length: n }, (_, i) => `V${i + 1}`);
            return fc.record({
              tree: fc.constant(tree),
              vendors: fc.constant(vendors),
              draws: fc.array(fc.oneof(ratingArb, fc.constantFrom(50, 70)), { minLength: 1, maxLength: 60 }),
              notes: notesArb(vendors, leafCodes(tree)),
              locale: fc.constantFrom("en-US" as const, "zh-CN" as const),
            });
          }),
        ),
        ({ tree, vendors, draws, notes, locale }) => {
          const grid = gridFrom(vendors, leafCodes(tree), draws);
          const plan = buildPlan({ tree, vendors, ratings: grid, options: { locale }, createdAt: CREATED, report: true });
          const book = hfFromPlan(plan);
          book.batch(() => enterNotes(plan, plan.layout.sheetNames.ratings as string, notes, (s, a1, t) => book.set(s, a1, asText(t))));
          const result = score(tree, ratingsList(grid), { vendors });
          const problems = compareReasons(plan, tree, book.get, (v, code) => result.vendors[v].leaves[code]?.value ?? null, (vendor, code) => ({ note: notes[vendor]?.[code] }));
          expect(problems).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });

  test("panel: the Moderation reason where a consensus was entered, else every rater's reason joined; names with quotes and CJK", () => {
    const names = ["Ann", 'Bo "B"', "李雷", "O'Neil", "Cy", "Di"];
    fc.assert(
      fc.property(
        treeArb.chain((tree) =>
          panelArb(tree).chain((panel) => {
            const raters = names.slice(0, panel.raters.length);
            const codes = leafCodes(tree);
            return fc.record({
              tree: fc.constant(tree),
              panel: fc.constant({ ...panel, raters, consensus: panel.consensus.map((c) => ({ ...c, reason: "" })) }),
              notes: fc.array(notesArb(panel.vendors, codes), { minLength: raters.length, maxLength: raters.length }),
              // Moderation reasons, also on cells without a consensus (those are not shown).
              modReasons: notesArb(panel.vendors, codes),
            });
          }),
        ),
        ({ tree, panel, notes, modReasons }) => {
          const plan = buildPlan({ tree, vendors: panel.vendors, raters: panel.raters, createdAt: CREATED, report: true });
          const p = plan.layout.panel;
          if (!p) throw new Error("no panel");
          const book = hfFromPlan(plan);
          book.batch(() => {
            enterPanel(plan, panel, book.set);
            p.raters.forEach((r, k) => enterNotes(plan, r.sheet, notes[k], (s, a1, t) => book.set(s, a1, asText(t))));
            for (const mr of p.moderation.rows) {
              const t = modReasons[mr.vendor]?.[mr.code];
              if (t !== undefined) book.set(p.moderation.sheet, cell(mr.row, p.moderation.columns.reason), asText(t));
            }
          });
          const cons = p.consolidated.sheet;
          const rowOf = new Map(plan.layout.ratings.rows.map((r) => [r.code, r.row]));
          const leafValue = (v: number, code: string): number | null => {
            const x = book.get(cons, cell(rowOf.get(code) as number, RATINGS.firstVendor + v));
            return typeof x === "number" ? x : null;
          };
          const problems = compareReasons(plan, tree, book.get, leafValue, (vendor, code) => ({
            consensus: panel.consensus.some((c) => c.vendor === vendor && c.code === code),
            moderation: modReasons[vendor]?.[code],
            raters: panel.raters.map((name, k) => ({ name, note: notes[k][vendor]?.[code] })),
          }));
          expect(problems).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });

  test("a reason typed after the Report was built shows at once; every reason formula is Excel 2016 / LibreOffice-safe and under 8,192 characters", () => {
    const raters = ["Ann", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal"];
    const plan = buildPlan({ tree: defaultTree(), vendors: ["A", "B", "C"], raters, createdAt: CREATED, report: true });
    const formulas = reportFormulas(plan);
    expect(formulas.some((f) => f.includes("LEN(TRIM("))).toBe(true);
    for (const f of formulas) {
      expect(f).not.toMatch(/\b(TEXTJOIN|CONCAT|LET|XLOOKUP|FILTER|IFS|SWITCH|AGGREGATE|INDIRECT|OFFSET)\(/);
      expect(f.length).toBeLessThan(8192);
    }
    const book = hfFromPlan(plan);
    const p = plan.layout.panel;
    const rep = plan.layout.report;
    if (!p || !rep) throw new Error("no panel report");
    const codes = leafCodes(defaultTree());
    // Vendor A: every rater rates the first leaf 100, the others 0 — it is A's strongest.
    book.batch(() => {
      p.raters.forEach((r) => plan.layout.ratings.rows.forEach((row) => row.leaf && book.set(r.sheet, cell(row.row, RATINGS.firstVendor), row.code === codes[0] ? 100 : 0)));
    });
    const reasonCell = rep.profiles[0].strongest[0].reason as string;
    expect(book.get(rep.sheet, reasonCell)).toBe("");
    const row = plan.layout.ratings.rows.find((r) => r.code === codes[0])?.row as number;
    const notesCol = plan.layout.ratings.notes?.firstCol as number;
    book.set(p.raters[1].sheet, cell(row, notesCol), asText("solid references"));
    book.set(p.raters[7].sheet, cell(row, notesCol), asText("理".repeat(300)));
    const want = reportReason({ consensus: false, raters: raters.map((name, k) => ({ name, note: k === 1 ? "solid references" : k === 7 ? "理".repeat(300) : undefined })) });
    expect(want.length).toBe(REASON_MAX);
    expect(book.get(rep.sheet, reasonCell)).toBe(want);
    // A consensus on Moderation replaces the raters' reasons by the panel's.
    const mr = p.moderation.rows.find((r) => r.vendor === "A" && r.code === codes[0])?.row as number;
    book.set(p.moderation.sheet, cell(mr, p.moderation.columns.consensus), 95);
    expect(book.get(rep.sheet, reasonCell)).toBe("");
    book.set(p.moderation.sheet, cell(mr, p.moderation.columns.reason), "agreed after the demo");
    expect(book.get(rep.sheet, reasonCell)).toBe("agreed after the demo");
  });

  test("without a notes grid (a workbook made before it): no reason cells, no reason row, the profiles as before", () => {
    const withNotes = buildPlan({ tree: defaultTree(), vendors: ["A", "B"], createdAt: CREATED, report: true });
    const without = buildPlan({ tree: defaultTree(), vendors: ["A", "B"], createdAt: CREATED, report: true, notesGrid: false });
    const cellsOf = (plan: typeof without): CellValue[] => (plan.sheets.find((s) => s.key === "report")?.blocks ?? []).flatMap((b) => b.cells.flat() as CellValue[]);
    expect(without.layout.report?.profiles.every((p) => [...p.strongest, ...p.weakest].every((c) => c.reason === undefined))).toBe(true);
    const label = (plan: typeof without): boolean => cellsOf(plan).some((c) => typeof c === "string" && c.includes('"Reason"'));
    expect(label(without)).toBe(false);
    expect(label(withNotes)).toBe(true);
    // The label shows only where the slot holds an indicator: vendor A rated on one leaf has one "Reason" per list.
    const one = buildPlan({ tree: defaultTree(), vendors: ["A", "B"], createdAt: CREATED, report: true, ratings: { A: { "1.1": 80 } }, notes: { A: { "1.1": "why" } } });
    const book = hfFromPlan(one);
    const sheet = one.layout.report?.sheet as string;
    const labels = (one.layout.report?.profiles[0].strongest ?? []).map((c) => book.get(sheet, `A${/\d+/.exec(c.reason as string)?.[0]}`));
    expect(labels).toEqual(["Reason", "", ""]);
    expect(book.get(sheet, one.layout.report?.profiles[0].strongest[0].reason as string)).toBe("why");
    expect(withNotes.layout.report?.profiles.every((p) => [...p.strongest, ...p.weakest].every((c) => c.reason !== undefined))).toBe(true);
    expect(() => hfFromPlan(without).get(without.layout.report?.sheet as string, without.layout.report?.profiles[0].strongest[0].score as string)).not.toThrow();
  });

  test("the reason rows are tall enough for REASON_MAX characters of Chinese across B:G", () => {
    const plan = buildPlan({ tree: defaultTree(), vendors: ["A"], createdAt: CREATED, report: true, options: { locale: "zh-CN" } });
    const sheet = plan.sheets.find((s) => s.key === "report");
    const reasonRow = Number(/\d+/.exec(plan.layout.report?.profiles[0].weakest[2].reason as string)?.[0]);
    const h = sheet?.rowHeights?.find((x) => x.rows === `${reasonRow}:${reasonRow}`)?.height as number;
    // B is 34 wide and C:G 14 each: 104 widths, 2 per Chinese character, 17 points a line.
    expect(h).toBeGreaterThanOrEqual(Math.ceil((2 * REASON_MAX) / 102) * 17);
  });
});
