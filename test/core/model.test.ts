import {
  defaultTree,
  effectiveWeights,
  parseTree,
  rescaleGroup,
  validateTree,
  weightSum,
  type Finding,
  type IndicatorTree,
} from "../../src/core/model";
import { node, tree } from "./fixtures";

const summary = (fs: Finding[]): [string, string, string | null][] => fs.map((f) => [f.code, f.severity, f.at]);

describe("validateTree", () => {
  test("a clean tree has no findings", () => {
    expect(validateTree(tree(node("1", 60, [node("1.1", null), node("1.2", null)]), node("2", 40, [node("2.1", null)])))).toEqual([]);
  });

  test("empty tree", () => {
    const fs = validateTree(tree());
    expect(summary(fs)).toEqual([["empty-tree", "error", null]]);
    expect(fs[0].message["en-US"]).toMatch(/empty/);
  });

  test("weights-not-100 at the top level and in a group, with the sum and the figures", () => {
    const fs = validateTree(tree(node("1", 50, [node("1.1", 30), node("1.2", 40.5)]), node("2", 40, [node("2.1", null)])));
    expect(fs.map((f) => [f.code, f.at, f.sum])).toEqual([
      ["weights-not-100", null, 90],
      ["weights-not-100", "1", 70.5],
    ]);
    expect(fs[0].message["en-US"]).toBe("Dimension weights sum to 90%, not 100%");
    expect(fs[1].message["en-US"]).toBe("Weights under “1 Indicator 1” sum to 70.5%, not 100%");
    expect(fs[1].message["zh-CN"]).toBe("“1 指标1” 下的权重合计为 70.5%，而非 100%");
    expect(fs[1].codes).toEqual(["1.1", "1.2"]);
  });

  test("sums within 1e-9 of 100 pass; beyond do not", () => {
    expect(validateTree(tree(node("1", 100 / 3), node("2", 100 / 3), node("3", 100 / 3)))).toEqual([]);
    expect(validateTree(tree(node("1", 50), node("2", 50 + 1e-12)))).toEqual([]);
    expect(summary(validateTree(tree(node("1", 50), node("2", 50 + 1e-7))))).toEqual([["weights-not-100", "warning", null]]);
  });

  test("weights-mixed names the nodes without a weight", () => {
    const fs = validateTree(tree(node("1", 100), node("2", null), node("3", null)));
    expect(summary(fs)).toEqual([["weights-mixed", "warning", null]]);
    expect(fs[0].codes).toEqual(["2", "3"]);
    expect(fs[0].message["en-US"]).toContain("2, 3");
  });

  test("a mixed group whose numbers do not reach 100 gets both findings", () => {
    const fs = validateTree(tree(node("1", 60), node("2", null)));
    expect(fs.map((f) => f.code).sort()).toEqual(["weights-mixed", "weights-not-100"]);
  });

  test("weight-negative", () => {
    const fs = validateTree(tree(node("1", 120), node("2", -20)));
    expect(summary(fs)).toEqual([["weight-negative", "error", "2"]]);
    expect(fs[0].message["en-US"]).toContain("-20%");
  });

  test.each([NaN, Infinity, -Infinity, "30" as unknown as number])("weight-not-number for %p", (bad) => {
    const fs = validateTree(tree(node("1", 50), node("2", bad)));
    expect(summary(fs)).toEqual([["weight-not-number", "error", "2"]]);
  });

  test("duplicate-code, once per code, with the count", () => {
    const fs = validateTree(tree(node("1", 50, [node("x", null), node("x", null)]), node("2", 50, [node("x", null)])));
    expect(summary(fs)).toEqual([["duplicate-code", "error", "x"]]);
    expect(fs[0].message["en-US"]).toContain("3 times");
  });

  test("empty-code", () => {
    const fs = validateTree(tree(node("1", 50, [node("  ", null)]), node("2", 50, [node("2.1", null)])));
    expect(summary(fs)).toEqual([["empty-code", "error", "1"]]);
  });

  test("empty-name in either language", () => {
    const zh = node("1", 100);
    zh.name["zh-CN"] = "";
    const en = node("1", 100);
    en.name["en-US"] = " ";
    expect(validateTree(tree(zh)).map((f) => [f.code, f.at, f.message["en-US"]])).toEqual([["empty-name", "1", "“1” has no Chinese name"]]);
    expect(validateTree(tree(en)).map((f) => [f.code, f.at, f.message["en-US"]])).toEqual([["empty-name", "1", "“1” has no English name"]]);
  });

  test("no-leaves: a childless node among siblings that have children", () => {
    const fs = validateTree(tree(node("1", 50, [node("1.1", null)]), node("2", 50)));
    expect(summary(fs)).toEqual([["no-leaves", "warning", "2"]]);
    // Product-style groups (every sibling a leaf) are fine.
    expect(validateTree(tree(node("1", 50), node("2", 50)))).toEqual([]);
  });

  test("never throws on malformed in-memory nodes", () => {
    const bad = { id: "x", title: { "zh-CN": "", "en-US": "" }, roots: [{ code: 5, name: {}, weight: "a", required: true, children: [] }] };
    expect(() => validateTree(bad as unknown as IndicatorTree)).not.toThrow();
    expect(() => validateTree(null as unknown as IndicatorTree)).not.toThrow();
    expect(validateTree(bad as unknown as IndicatorTree).map((f) => f.code)).toEqual(
      expect.arrayContaining(["weight-not-number", "empty-code", "empty-name"]),
    );
  });
});

describe("parseTree", () => {
  const good = { id: "x", title: { "zh-CN": "甲", "en-US": "A" }, roots: [{ code: "1", name: { "zh-CN": "甲", "en-US": "A" }, weight: 100, required: true, children: [] }] };

  test("valid JSON gives the tree and validateTree's findings", () => {
    const r = parseTree(good);
    expect(r.findings).toEqual([]);
    expect(r.tree?.roots[0].code).toBe("1");
    const r2 = parseTree({ ...good, roots: [{ ...good.roots[0], weight: 90 }] });
    expect(r2.tree).not.toBeNull();
    expect(r2.findings.map((f) => f.code)).toEqual(["weights-not-100"]);
  });

  test("required and children default when left out", () => {
    const r = parseTree({ ...good, roots: [{ code: "1", name: { "zh-CN": "甲", "en-US": "A" }, weight: null }] });
    expect(r.tree?.roots[0]).toEqual({ code: "1", name: { "zh-CN": "甲", "en-US": "A" }, weight: null, required: false, children: [] });
  });

  test.each<[string, unknown]>([
    ["undefined", undefined],
    ["null", null],
    ["a string", "{}"],
    ["a number", 42],
    ["an array", []],
    ["an empty object", {}],
    ["roots not an array", { ...good, roots: {} }],
    ["a node without a name", { ...good, roots: [{ code: "1", weight: 1, children: [] }] }],
    ["a string weight", { ...good, roots: [{ ...good.roots[0], weight: "30%" }] }],
    ["a cyclic-looking child", { ...good, roots: [{ ...good.roots[0], children: [null] }] }],
  ])("never throws, and reports schema findings, on %s", (_label, json) => {
    let r: ReturnType<typeof parseTree> | undefined;
    expect(() => (r = parseTree(json))).not.toThrow();
    expect(r?.tree).toBeNull();
    expect(r?.findings.length).toBeGreaterThan(0);
    for (const f of r?.findings ?? []) {
      expect(f.code).toBe("schema");
      expect(f.severity).toBe("error");
    }
  });

  test("a schema finding names the path and the nearest node code", () => {
    const json = {
      ...good,
      roots: [{ ...good.roots[0], weight: null, children: [{ code: "1.1", name: { "zh-CN": "乙" }, weight: null, children: [] }] }],
    };
    const r = parseTree(json);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0].path).toBe("roots.0.children.0.name.en-US");
    expect(r.findings[0].at).toBe("1.1");
    expect(r.findings[0].message["en-US"]).toContain("roots.0.children.0.name.en-US");
  });
});

describe("effectiveWeights", () => {
  test("numbers as they are; all-null → 1 each; null among numbers → 0", () => {
    expect(effectiveWeights([node("a", 30), node("b", 20)])).toEqual([30, 20]);
    expect(effectiveWeights([node("a", null), node("b", null), node("c", null)])).toEqual([1, 1, 1]);
    expect(effectiveWeights([node("a", 30), node("b", null)])).toEqual([30, 0]);
    expect(effectiveWeights([node("a", NaN), node("b", 5)])).toEqual([0, 5]);
    expect(effectiveWeights([])).toEqual([]);
  });

  test("weightSum", () => {
    expect(weightSum([node("a", 30), node("b", null)])).toBe(30);
    expect(weightSum([node("a", null)])).toBeNull();
  });
});

describe("rescaleGroup", () => {
  test("the top level of the default tree to 100, leaving everything else and the input alone", () => {
    const t = defaultTree();
    const r = rescaleGroup(t, null);
    const w = r.roots.map((d) => d.weight as number);
    expect(w[0]).toBeCloseTo(100 / 3, 12);
    expect(w[1]).toBeCloseTo(200 / 9, 12);
    expect(w[4]).toBeCloseTo(100 / 9, 12);
    expect(Math.abs(w.reduce((a, b) => a + b) - 100)).toBeLessThanOrEqual(1e-9);
    expect(t.roots[0].weight).toBe(30);
    expect(r.roots[2].children.map((s) => s.weight)).toEqual([20, 50, 15, 15, 10]);
    expect(validateTree(r).map((f) => f.at)).toEqual(["3"]);
  });

  test("Service then top level: the default tree becomes clean", () => {
    expect(validateTree(rescaleGroup(rescaleGroup(defaultTree(), "3"), null))).toEqual([]);
  });

  test("nulls in a mixed group become 0", () => {
    const r = rescaleGroup(tree(node("1", 25), node("2", null), node("3", 25)), null);
    expect(r.roots.map((n) => n.weight)).toEqual([50, 0, 50]);
  });

  test("left as is: all-null group, unknown code, leaf parent, zero sum", () => {
    const t = tree(node("1", 0, [node("1.1", null), node("1.2", null)]), node("2", 0));
    expect(rescaleGroup(t, "1")).toEqual(t);
    expect(rescaleGroup(t, "nope")).toEqual(t);
    expect(rescaleGroup(t, "2")).toEqual(t);
    expect(rescaleGroup(t, null)).toEqual(t);
    expect(rescaleGroup(t, null)).not.toBe(t);
  });
});
