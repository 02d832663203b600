import fc from "fast-check";
import {
  analyse, analyseMatrix, analysePanel, consensus, geometricMeanMatrix, parseJudgement, principalEigen, reciprocalMatrix,
  SAATY_VALUES, SHEET_SQUARINGS, squareStep, rowShares, type Matrix,
} from "../../src/core/ahp";
import { consistentArb, fromUpper, maxDiff, normalise, referenceEigen, saatyMatrixArb } from "./ahpFixtures";

const RUNS = { numRuns: 300 };

describe("parseJudgement", () => {
  test.each([
    ["3", 3], ["1/3", 1 / 3], ["0.333", 1 / 3], ["0,333", 1 / 3], [" 9 ", 9], ["1/9", 1 / 9], ["0.11", 1 / 9], ["2.9", 3],
    ["0.5", 1 / 2], ["2/6", 1 / 3], ["1", 1], ["0.14", 1 / 7], ["0.12", 1 / 8], ["0.13", 1 / 8], ["１/3".replace("１", "1"), 1 / 3], ["1／3", 1 / 3],
  ])("%s → %d", (text, value) => {
    const r = parseJudgement(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toBeCloseTo(value, 14);
  });
  test("numbers from a sheet", () => {
    expect(parseJudgement(0.3333333333)).toMatchObject({ ok: true, text: "1/3" });
    expect(parseJudgement(7)).toMatchObject({ ok: true, value: 7, text: "7" });
  });
  test.each([
    ["", "blank"], ["abc", "not-a-number"], ["1/0", "not-a-number"], ["3x", "not-a-number"], ["-3", "not-a-number"], ["0", "not-positive"],
    ["10", "off-scale"], ["0.3", "off-scale"], ["2.5", "off-scale"], ["1/10", "off-scale"], ["0.135", "off-scale"], ["12", "off-scale"],
  ])("%s refused (%s) with a message", (text, reason) => {
    const r = parseJudgement(text);
    expect(r).toMatchObject({ ok: false, reason });
    if (!r.ok) {
      expect(r.message["en-US"].length).toBeGreaterThan(5);
      expect(r.message["zh-CN"].length).toBeGreaterThan(3);
    }
  });
  test("the message names the nearest scale value", () => {
    const r = parseJudgement("0.3");
    expect(!r.ok && r.message["en-US"]).toContain("nearest: 1/3");
    const s = parseJudgement("10");
    expect(!s.ok && s.message["en-US"]).toContain("nearest: 9");
  });
  test("every scale value reads back as itself", () => {
    for (const v of SAATY_VALUES) expect(parseJudgement(v)).toMatchObject({ ok: true, value: v });
  });
});

describe("group size", () => {
  test("2 to 10 criteria; 1 and 11 are refused with the reason", () => {
    expect(() => analyse(1, [])).toThrow(/nothing to compare/);
    const eleven = Array.from({ length: 11 }, () => new Array<number>(11).fill(1));
    expect(() => analyseMatrix(eleven)).toThrow(/random index.*up to 10.*55 judgements/);
    expect(analyseMatrix(fromUpper(10, new Array<number>(45).fill(1))).cr).toBeCloseTo(0, 12);
  });
  test("missing and repeated pairs are refused", () => {
    expect(() => reciprocalMatrix(3, [{ a: 0, b: 1, value: 3 }, { a: 0, b: 2, value: 2 }])).toThrow(/missing judgements for \(2, 3\)/);
    expect(() => reciprocalMatrix(2, [{ a: 0, b: 1, value: 3 }, { a: 1, b: 0, value: 1 / 3 }])).toThrow(/judged twice/);
    expect(() => reciprocalMatrix(2, [{ a: 0, b: 2, value: 3 }])).toThrow(/no pair/);
  });
});

describe("the eigenvector against an independent power iteration (to 1e-12)", () => {
  test("random Saaty-scale matrices of 2–10 criteria: weights and CR to 1e-9", () => {
    let worstW = 0;
    let worstCr = 0;
    fc.assert(
      fc.property(saatyMatrixArb(), (m) => {
        const r = analyseMatrix(m);
        const ref = referenceEigen(m);
        worstW = Math.max(worstW, maxDiff(r.weights, ref.w));
        worstCr = Math.max(worstCr, Math.abs(r.cr - ref.cr));
        expect(maxDiff(r.weights, ref.w)).toBeLessThan(1e-9);
        expect(Math.abs(r.cr - ref.cr)).toBeLessThan(1e-9);
        expect(Math.abs(r.lambdaMax - ref.lambda)).toBeLessThan(1e-9);
        expect(r.lambdaMax).toBeGreaterThanOrEqual(m.length - 1e-9);
        expect(r.consistent).toBe(r.cr <= 0.1);
      }),
      { numRuns: 500 },
    );
    // Recorded for the report: the largest differences seen.
    console.log(`AHP vs reference power iteration: max |Δw| ${worstW.toExponential(2)}, max |ΔCR| ${worstCr.toExponential(2)}`);
  });
  test("nearly consistent matrices (a consistent one with small multiplicative noise)", () => {
    fc.assert(
      fc.property(consistentArb(3, 10), fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 45, maxLength: 45 }), ({ m }, noise) => {
        const n = m.length;
        const upper: number[] = [];
        let k = 0;
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) upper.push(m[i][j] * Math.exp(noise[k++]));
        const a = fromUpper(n, upper);
        const r = analyseMatrix(a);
        const ref = referenceEigen(a);
        expect(maxDiff(r.weights, ref.w)).toBeLessThan(1e-9);
        expect(Math.abs(r.cr - ref.cr)).toBeLessThan(1e-9);
      }),
      RUNS,
    );
  });
  test("a perfectly consistent matrix gives CR 0 and the weights it was built from", () => {
    fc.assert(
      fc.property(consistentArb(), ({ w, m }) => {
        const r = analyseMatrix(m);
        expect(maxDiff(r.weights, normalise(w))).toBeLessThan(1e-12);
        expect(Math.abs(r.cr)).toBeLessThan(1e-12);
        expect(Math.abs(r.lambdaMax - m.length)).toBeLessThan(1e-11);
        expect(r.consistent).toBe(true);
        expect(r.worst).toBeNull();
      }),
      RUNS,
    );
  });
  test(`the sheet's fixed ${SHEET_SQUARINGS} squarings give the converged weights`, () => {
    fc.assert(
      fc.property(saatyMatrixArb(3), (m) => {
        let b = m;
        for (let k = 0; k < SHEET_SQUARINGS; k++) b = squareStep(b);
        expect(maxDiff(rowShares(b), principalEigen(m).weights)).toBeLessThan(1e-13);
      }),
      RUNS,
    );
  });
  test("two criteria: weights v/(1+v) and 1/(1+v), CR 0", () => {
    for (const v of SAATY_VALUES) {
      const r = analyse(2, [{ a: 0, b: 1, value: v }]);
      expect(r.weights[0]).toBeCloseTo(v / (1 + v), 14);
      expect(r.cr).toBe(0);
    }
  });
});

describe("a published example", () => {
  /**
   * T. L. Saaty, "How to make a decision: the analytic hierarchy process", European Journal of
   * Operational Research 48(1), 1990, 9–26: the house-buying example, level 1 (eight criteria:
   * size of house, transportation, neighbourhood, age of house, yard space, modern facilities,
   * general condition, financing). Published: priority vector .173 .054 .188 .018 .031 .036 .167
   * .333; λmax = 9.669, C.I. = 0.238, C.R. = 0.169.
   */
  const HOUSE = [
    [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
    [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
    [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
    [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
    [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
    [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
    [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
    [4, 7, 5, 8, 6, 6, 2, 1],
  ];
  test("Saaty 1990, the house example: weights, λmax, CI and CR as published", () => {
    const r = analyseMatrix(HOUSE);
    const published = [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333];
    r.weights.forEach((w, i) => expect(Math.abs(w - published[i])).toBeLessThanOrEqual(0.0005 + 1e-12));
    expect(r.lambdaMax.toFixed(3)).toBe("9.669");
    expect(r.ci.toFixed(3)).toBe("0.238");
    expect(r.cr.toFixed(3)).toBe("0.169");
    expect(r.consistent).toBe(false);
    // The judgement furthest from its weights, and changing it to what they imply lowers CR.
    expect(r.worst).not.toBeNull();
    expect(r.worst?.crIfChanged).toBeLessThan(r.cr);
  });
});

describe("invariances", () => {
  const permute = (m: Matrix, p: number[]): Matrix => p.map((i) => p.map((j) => m[i][j]));
  const permArb = (n: number): fc.Arbitrary<number[]> =>
    fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }).map((keys) => keys.map((k, i) => [k, i]).sort((x, y) => x[0] - y[0] || x[1] - y[1]).map(([, i]) => i));

  test("ordering: permuting the criteria permutes the weights and keeps λmax and CR", () => {
    fc.assert(
      fc.property(saatyMatrixArb(2).chain((m) => permArb(m.length).map((p) => ({ m, p }))), ({ m, p }) => {
        const r = analyseMatrix(m);
        const s = analyseMatrix(permute(m, p));
        expect(maxDiff(s.weights, p.map((i) => r.weights[i]))).toBeLessThan(1e-12);
        expect(Math.abs(s.cr - r.cr)).toBeLessThan(1e-12);
      }),
      RUNS,
    );
  });
  test("reciprocity: a judgement entered the other way round (b over a, 1/value) gives the same result", () => {
    fc.assert(
      fc.property(saatyMatrixArb(2), fc.array(fc.boolean(), { minLength: 45, maxLength: 45 }), (m, flips) => {
        const n = m.length;
        const js: { a: number; b: number; value: number }[] = [];
        let k = 0;
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) js.push(flips[k++] ? { a: j, b: i, value: 1 / m[i][j] } : { a: i, b: j, value: m[i][j] });
        const r = analyse(n, js);
        expect(maxDiff(r.weights, analyseMatrix(m).weights)).toBeLessThan(1e-12);
        r.matrix.forEach((row, i) => row.forEach((x, j) => expect(x * r.matrix[j][i]).toBeCloseTo(1, 12)));
      }),
      RUNS,
    );
  });
  test("scale: weights scaled by any factor build the same matrix and give the same normalised weights", () => {
    fc.assert(
      fc.property(consistentArb(), fc.double({ min: 0.001, max: 1000, noNaN: true }), ({ w }, c) => {
        const scaled = w.map((x) => x * c);
        const r = analyseMatrix(scaled.map((wi) => scaled.map((wj) => wi / wj)));
        expect(maxDiff(r.weights, normalise(w))).toBeLessThan(1e-12);
      }),
      RUNS,
    );
  });
  test("inversion: judging every pair the other way (Aᵀ) reverses a consistent ranking: weights ∝ 1/w", () => {
    fc.assert(
      fc.property(consistentArb(), ({ w, m }) => {
        const t = m.map((row, i) => row.map((_, j) => m[j][i]));
        expect(maxDiff(analyseMatrix(t).weights, normalise(w.map((x) => 1 / x)))).toBeLessThan(1e-12);
      }),
      RUNS,
    );
  });
});

describe("the judgement to revisit (CR > 0.10)", () => {
  test("one judgement turned round in a consistent matrix is the one named, and the suggestion lowers CR", () => {
    // Weights 8:4:2:1 → a consistent matrix; then 1 vs 4 is entered as 1/8 instead of 8.
    const w = [8, 4, 2, 1];
    const m = w.map((wi) => w.map((wj) => wi / wj));
    m[0][3] = 1 / 8;
    m[3][0] = 8;
    const r = analyseMatrix(m);
    expect(r.consistent).toBe(false);
    expect(r.worst).toMatchObject({ a: 0, b: 3, judged: 1 / 8 });
    expect(r.worst?.crIfChanged).toBeLessThan(r.cr);
  });
  test("on random inconsistent matrices the named judgement has the largest deviation max(ε, 1/ε)", () => {
    fc.assert(
      fc.property(saatyMatrixArb(3), (m) => {
        const r = analyseMatrix(m);
        if (r.consistent) return;
        const w = r.weights;
        let best = 0;
        for (let i = 0; i < m.length; i++) for (let j = 0; j < m.length; j++) best = Math.max(best, (m[i][j] * w[j]) / w[i]);
        expect(r.worst?.deviation).toBeCloseTo(best, 12);
      }),
      RUNS,
    );
  });
});

describe("panel: geometric mean (AIJ) and BPMSG consensus", () => {
  test("the group matrix is reciprocal and its weights are the eigenvector of the element-wise geometric mean", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }).chain((n) => fc.array(saatyMatrixArb(n, n), { minLength: 2, maxLength: 6 })), (ms) => {
        const p = analysePanel(ms);
        const g = geometricMeanMatrix(ms);
        g.forEach((row, i) => row.forEach((x, j) => expect(x * g[j][i]).toBeCloseTo(1, 12)));
        g.forEach((row, i) => row.forEach((x, j) => expect(Math.log(x)).toBeCloseTo(ms.reduce((s, m) => s + Math.log(m[i][j]), 0) / ms.length, 12)));
        const ref = referenceEigen(g);
        expect(maxDiff(p.group.weights, ref.w)).toBeLessThan(1e-9);
        expect(Math.abs(p.group.cr - ref.cr)).toBeLessThan(1e-9);
        expect(p.raters).toHaveLength(ms.length);
        expect(p.consensus?.value).toBeLessThanOrEqual(1 + 1e-12);
      }),
      { numRuns: 150 },
    );
  });
  test("identical raters: the group is the rater and the consensus is 100 %", () => {
    fc.assert(
      fc.property(saatyMatrixArb(2), fc.integer({ min: 2, max: 5 }), (m, k) => {
        const p = analysePanel(Array.from({ length: k }, () => m));
        expect(maxDiff(p.group.weights, analyseMatrix(m).weights)).toBeLessThan(1e-12);
        expect(p.consensus?.value).toBeCloseTo(1, 12);
      }),
      { numRuns: 100 },
    );
  });
  test("consensus ignores the order of raters and of criteria", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }).chain((n) => fc.array(saatyMatrixArb(n, n), { minLength: 2, maxLength: 5 })), (ms) => {
        const ws = ms.map((m) => analyseMatrix(m).weights);
        const c = consensus(ws).value;
        expect(consensus([...ws].reverse()).value).toBeCloseTo(c, 12);
        expect(consensus(ws.map((w) => [...w].reverse())).value).toBeCloseTo(c, 12);
      }),
      { numRuns: 100 },
    );
  });
  test("consensus worked by hand: two raters of two criteria, (0.75, 0.25) and (0.25, 0.75)", () => {
    const H = (p: number[]): number => -p.reduce((s, x) => s + x * Math.log(x), 0);
    const hAlpha = H([0.75, 0.25]);
    const hGamma = Math.log(2);
    const big = 9 / 10;
    const small = 1 / 10;
    const hAlphaMin = -big * Math.log(big) - small * Math.log(small);
    const c = Math.exp(Math.log(2) - hAlphaMin);
    const expected = (1 / Math.exp(hGamma - hAlpha) - 1 / c) / (1 - 1 / c);
    const got = consensus([[0.75, 0.25], [0.25, 0.75]]);
    expect(got.value).toBeCloseTo(expected, 14);
    expect(got.hBeta).toBeCloseTo(hGamma - hAlpha, 14);
    expect(got.value).toBeGreaterThan(0);
    expect(got.value).toBeLessThan(1);
    // Raters who agree more have a higher consensus.
    expect(consensus([[0.6, 0.4], [0.5, 0.5]]).value).toBeGreaterThan(got.value);
  });
  test("one rater has no consensus figure", () => {
    expect(analysePanel([fromUpper(3, [3, 5, 2])]).consensus).toBeNull();
    expect(() => consensus([[0.5, 0.5]])).toThrow(/two or more/);
  });
});
