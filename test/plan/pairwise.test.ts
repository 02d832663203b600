import fc from "fast-check";
import { analyse, judgementText, TIE, type AhpResult } from "../../src/core/ahp";
import { defaultTree, type IndicatorNode, type IndicatorTree } from "../../src/core/model";
import { buildPlan, checkPlanInput, type PairwiseBlockLayout, type PairwiseInput, type WorkbookPlan } from "../../src/plan";
import { PAIRWISE_LABELS } from "../../src/plan/pairwiseLabels";
import { hfFromPlan, type HfBook } from "./hf";
import { compareBlock, expectPanel, judgementsOf, typedArb } from "./pairwiseHelpers";

const CREATED = "2026-11-25T21:30:00.000Z";
const EN = PAIRWISE_LABELS["en-US"];
const ZH = PAIRWISE_LABELS["zh-CN"];

function plan(pairwise?: PairwiseInput, opts: { tree?: IndicatorTree; raters?: string[]; locale?: "en-US" | "zh-CN" } = {}): WorkbookPlan {
  return buildPlan({ tree: opts.tree ?? defaultTree(), vendors: ["Acme", "Beta"], options: { locale: opts.locale ?? "en-US" }, createdAt: CREATED, raters: opts.raters, pairwise });
}

function typeInto(book: HfBook, sheet: string, block: PairwiseBlockLayout, typed: (string | number | null)[]): void {
  book.batch(() => block.pairs.forEach((p, k) => book.set(sheet, p.input, typed[k])));
}

/** A tree of n roots (leaves). */
function flatTree(n: number): IndicatorTree {
  const roots: IndicatorNode[] = Array.from({ length: n }, (_, i) => ({ code: `C${i + 1}`, name: { "zh-CN": `准则${i + 1}`, "en-US": `Criterion ${i + 1}` }, weight: null, required: false, children: [] }));
  return { id: "flat", title: { "zh-CN": "平", "en-US": "Flat" }, roots };
}

describe("the Pairwise sheet is optional", () => {
  test("default workbooks do not change: no pairwise input, or no groups, gives the same plan", () => {
    const base = plan();
    expect(base.sheets.some((s) => s.key === "pairwise")).toBe(false);
    expect(base.layout.pairwise).toBeUndefined();
    expect(JSON.stringify(plan({ groups: [] }))).toBe(JSON.stringify(base));
    const panel = plan(undefined, { raters: ["Ann", "Bo"] });
    expect(JSON.stringify(plan({ groups: [] }, { raters: ["Ann", "Bo"] }))).toBe(JSON.stringify(panel));
  });
  test("asked for, it follows Weights, and Method gains a section; every other sheet is unchanged", () => {
    const base = plan();
    const p = plan({ groups: [null] });
    expect(p.sheets.map((s) => s.key)).toEqual(["ratings", "weights", "pairwise", "results", "charts", "method", "calc", "award", "model"]);
    expect(p.layout.sheetNames.pairwise).toBe("Pairwise");
    for (const s of base.sheets) if (s.key !== "method" && s.key !== "model") expect(JSON.stringify(p.sheets.find((x) => x.key === s.key))).toBe(JSON.stringify(s));
    // The stored model keeps the groups (so a rebuild keeps the sheet), and only that differs.
    expect(p.model.pairwise).toEqual({ groups: [null] });
    expect(base.model.pairwise).toBeUndefined();
    expect({ ...p.model, pairwise: undefined }).toEqual({ ...base.model, pairwise: undefined });
    const method = p.sheets.find((s) => s.key === "method");
    expect(JSON.stringify(method)).toContain(EN.methodHeading);
    expect(JSON.stringify(method)).toContain("0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49");
    expect(plan({ groups: [null] }, { locale: "zh-CN" }).layout.sheetNames.pairwise).toBe(ZH.sheet);
  });
  test("groups outside 2–10 members, leaves, unknown codes and repeats are refused with the reason", () => {
    const tree = defaultTree();
    const input = (groups: (string | null)[], t: IndicatorTree = tree) => ({ tree: t, vendors: ["A"], pairwise: { groups } });
    expect(() => checkPlanInput(input(["2.1.1"]))).toThrow(/leaf/);
    expect(() => checkPlanInput(input(["9"]))).toThrow(/no indicator "9"/);
    expect(() => checkPlanInput(input([null, null]))).toThrow(/twice/);
    expect(() => checkPlanInput(input([null], flatTree(11)))).toThrow(/11 members; at most 10 .*random index.*55 judgements/);
    expect(() => checkPlanInput(input([null], flatTree(1)))).toThrow(/needs 2 to 10/);
    expect(() => checkPlanInput(input([null, "1", "4.1", "2.2"]))).not.toThrow();
  });
  test("input cells are text-formatted, unlocked, with the scale as a drop-down; judgements can be pre-filled", () => {
    const p = plan({ groups: [null], values: [{ parent: null, a: "1", b: "2", value: "1/3" }, { parent: null, a: "3", b: "1", value: 5 }] });
    const sheet = p.sheets.find((s) => s.key === "pairwise");
    const block = p.layout.pairwise?.groups[0].blocks[0] as PairwiseBlockLayout;
    expect(block.pairs).toHaveLength(10);
    const first = block.pairs[0].input;
    expect(sheet?.formats.some((f) => f.numberFormat === "@" && f.locked === false && f.style === "input")).toBe(true);
    expect(sheet?.validations[0]).toMatchObject({ rule: { kind: "list", values: ["9", "8", "7", "6", "5", "4", "3", "2", "1", "1/2", "1/3", "1/4", "1/5", "1/6", "1/7", "1/8", "1/9"] } });
    const book = hfFromPlan(p);
    expect(book.get("Pairwise", first)).toBe("1/3");
    const p13 = block.pairs.find((x) => x.a === "1" && x.b === "3") as { input: string };
    expect(book.get("Pairwise", p13.input)).toBe("1/5"); // entered as 3 over 1 = 5
  });
});

describe("HyperFormula recalculates the Pairwise sheet to the engine's figures (1e-9)", () => {
  // Groups of 5 (dimensions), 6 (Product), 9 (4.1) and 2 (2.2) children.
  const p = plan({ groups: [null, "1", "4.1", "2.2"] });
  const book = hfFromPlan(p);
  const layout = p.layout.pairwise;
  const get = (a1: string) => book.get("Pairwise", a1);
  let worst = 0;

  test("random judgements typed as numbers, 3, 1/3, 0.333 or 0,5", () => {
    fc.assert(
      fc.property(fc.array(typedArb, { minLength: 36, maxLength: 36 }), fc.array(typedArb, { minLength: 15, maxLength: 15 }), fc.array(typedArb, { minLength: 10, maxLength: 10 }), typedArb, (t9, t6, t5, t2) => {
        const typed: Record<string, (string | number)[]> = { "": t5, "1": t6, "4.1": t9, "2.2": [t2] };
        for (const g of layout?.groups ?? []) typeInto(book, "Pairwise", g.blocks[0], typed[g.parent ?? ""]);
        for (const g of layout?.groups ?? []) {
          const expected = analyse(g.codes.length, judgementsOf(g.blocks[0], g.codes, typed[g.parent ?? ""]));
          expect(compareBlock(get, g.blocks[0], expected, 1e-9, EN.yes, EN.no)).toEqual([]);
          g.blocks[0].weights.forEach((w, i) => (worst = Math.max(worst, Math.abs((get(w.cell) as number) - expected.weights[i]))));
          worst = Math.max(worst, Math.abs((get(g.blocks[0].cr) as number) - expected.cr));
          if (expected.worst) {
            const names = g.codes.map((c) => p.sheets.find((s) => s.key === "pairwise")?.blocks.flatMap((b) => b.cells.flat()).find((x) => typeof x === "string" && x.startsWith(`${c} `)) as string);
            const w = expected.worst;
            expect(get(g.blocks[0].revisit)).toBe(`${names[w.a]}${EN.revisitVs}${names[w.b]}${EN.revisitJudged}${judgementText(w.judged)}${EN.revisitSuggest}${judgementText(w.suggested)}`);
          }
        }
      }),
      { numRuns: 40 },
    );
    console.log(`Pairwise sheet (HyperFormula) vs engine: max |Δ| of weights and CR ${worst.toExponential(2)}`);
  });

  test("Saaty's 1990 house example typed into a group of eight gives CR 0.169", () => {
    const tree = flatTree(8);
    const q = plan({ groups: [null] }, { tree });
    const hb = hfFromPlan(q);
    const block = q.layout.pairwise?.groups[0].blocks[0] as PairwiseBlockLayout;
    const upper = ["5", "3", "7", "6", "6", "1/3", "1/4", "1/3", "5", "3", "3", "1/5", "1/7", "6", "3", "4", "6", "1/5", "1/3", "1/4", "1/7", "1/8", "1/2", "1/5", "1/6", "1/5", "1/6", "1/2"];
    typeInto(hb, "Pairwise", block, upper);
    const w = block.weights.map((c) => hb.get("Pairwise", c.cell) as number);
    [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333].forEach((x, i) => expect(Math.abs(w[i] - x)).toBeLessThanOrEqual(0.0005 + 1e-12));
    expect((hb.get("Pairwise", block.cr) as number).toFixed(3)).toBe("0.169");
    expect((hb.get("Pairwise", block.lambdaMax) as number).toFixed(3)).toBe("9.669");
    expect(hb.get("Pairwise", block.consistent)).toBe(EN.no);
  });

  test("ten criteria (the largest group)", () => {
    const q = plan({ groups: [null] }, { tree: flatTree(10) });
    const hb = hfFromPlan(q);
    const g = q.layout.pairwise?.groups[0];
    const block = g?.blocks[0] as PairwiseBlockLayout;
    fc.assert(
      fc.property(fc.array(typedArb, { minLength: 45, maxLength: 45 }), (typed) => {
        typeInto(hb, "Pairwise", block, typed);
        expect(compareBlock((a) => hb.get("Pairwise", a), block, analyse(10, judgementsOf(block, g?.codes ?? [], typed)), 1e-9, EN.yes, EN.no)).toEqual([]);
      }),
      { numRuns: 10 },
    );
  });

  test("until every pair is judged on the scale the outputs stay blank, and an off-scale entry is shown", () => {
    const g = layout?.groups[0];
    const block = g?.blocks[0] as PairwiseBlockLayout;
    typeInto(book, "Pairwise", block, ["3", "1/3", "0.3", "2", "5", "1", "1", "1", "1", "1"]);
    expect(get(block.pairs[2].input.replace("C", "D"))).toBe(EN.notOnScale);
    expect(get(block.weights[0].cell)).toBe("");
    expect(get(block.cr)).toBe("");
    expect(get(block.consistent)).toBe("");
    typeInto(book, "Pairwise", block, ["3", "1/3", null, "2", "5", "1", "1", "1", "1", "1"]);
    expect(get(block.weights[0].cell)).toBe("");
    typeInto(book, "Pairwise", block, ["3", "1/3", "0.333", "2", "5", "1", "1", "1", "1", "1"]);
    expect(typeof get(block.weights[0].cell)).toBe("number");
    expect(get(block.pairs[2].input.replace("C", "D"))).toBe("1/3");
  });

  test("a perfectly consistent set of judgements gives CR 0 and no judgement to revisit", () => {
    // Weights 8:4:2:1:1 → judgements wₐ/w_b (all on the scale).
    const w = [8, 4, 2, 1, 1];
    const g = layout?.groups[0];
    const block = g?.blocks[0] as PairwiseBlockLayout;
    typeInto(book, "Pairwise", block, block.pairs.map((pr) => judgementText(w[Number(pr.a) - 1] / w[Number(pr.b) - 1])));
    expect(Math.abs(get(block.cr) as number)).toBeLessThan(1e-12);
    block.weights.forEach((c, i) => expect(get(c.cell) as number).toBeCloseTo(w[i] / 16, 12));
    expect(get(block.consistent)).toBe(EN.yes);
    expect(get(block.revisit)).toBe("");
  });

  test("the sheet's tie tolerance is the engine's", () => {
    expect(JSON.stringify(p.sheets.find((s) => s.key === "pairwise")?.blocks)).toContain(`(1-${(TIE).toFixed(9)})`);
  });
});

describe("panel: a block per rater, the geometric-mean group, each rater's weights and the consensus", () => {
  const raters = ["Ann", "Bo", "Cy"];
  const p = plan({ groups: [null, "2"] }, { raters });
  const book = hfFromPlan(p);
  const get = (a1: string) => book.get("Pairwise", a1);

  test("layout: three rater blocks then the group block per group", () => {
    for (const g of p.layout.pairwise?.groups ?? []) {
      expect(g.blocks.map((b) => b.kind)).toEqual(["rater", "rater", "rater", "group"]);
      expect(g.blocks.map((b) => b.rater)).toEqual(["Ann", "Bo", "Cy", undefined]);
    }
  });

  test("random judgements; a rater who left a pair blank is not counted", () => {
    let worst = 0;
    fc.assert(
      fc.property(
        fc.array(fc.array(typedArb, { minLength: 10, maxLength: 10 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.array(typedArb, { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: -1, max: 2 }),
        (top, tech, incomplete) => {
          const typedFor = (parent: string | null): (string | number)[][] => (parent === null ? top : tech);
          for (const g of p.layout.pairwise?.groups ?? []) {
            const typed = typedFor(g.parent);
            g.blocks.slice(0, 3).forEach((b, k) => typeInto(book, "Pairwise", b, k === incomplete ? [null, ...typed[k].slice(1)] : typed[k]));
            const expected = expectPanel(g, typed.map((t, k) => (k === incomplete ? null : t)));
            const group = g.blocks[3];
            expect(compareBlock(get, group, expected.group, 1e-9, EN.yes, EN.no)).toEqual([]);
            expect(get(group.ratersCounted as string)).toBe(expected.raters.length);
            const c = get(group.consensus as string) as number;
            expect(Math.abs(c - (expected.consensus?.value as number))).toBeLessThan(1e-9);
            worst = Math.max(worst, Math.abs(c - (expected.consensus?.value as number)));
            // Each complete rater's own block agrees too.
            let e = 0;
            g.blocks.slice(0, 3).forEach((b, k) => {
              if (k === incomplete) expect(get(b.weights[0].cell)).toBe("");
              else expect(compareBlock(get, b, expected.raters[e++] as AhpResult, 1e-9, EN.yes, EN.no)).toEqual([]);
            });
          }
        },
      ),
      { numRuns: 25 },
    );
    console.log(`Pairwise panel (HyperFormula) vs engine: max |Δ consensus| ${worst.toExponential(2)}`);
  });

  test("one complete rater: the group is that rater and there is no consensus figure", () => {
    const g = p.layout.pairwise?.groups[0];
    const blocks = g?.blocks ?? [];
    typeInto(book, "Pairwise", blocks[0], ["3", "5", "1/2", "2", "4", "1/3", "1", "1/5", "1/2", "3"]);
    typeInto(book, "Pairwise", blocks[1], new Array(10).fill(null));
    typeInto(book, "Pairwise", blocks[2], ["3", ...new Array(9).fill(null)]);
    expect(get(blocks[3].ratersCounted as string)).toBe(1);
    expect(get(blocks[3].consensus as string)).toBe("");
    blocks[3].weights.forEach((w, i) => expect(get(w.cell) as number).toBeCloseTo(get(blocks[0].weights[i].cell) as number, 12));
    typeInto(book, "Pairwise", blocks[0], new Array(10).fill(null));
    expect(get(blocks[3].ratersCounted as string)).toBe(0);
    expect(get(blocks[3].weights[0].cell)).toBe("");
  });
});
