import { defaultTree, findByCode, validateTree } from "../../src/core/model";
import { parseNames } from "../../src/taskpane/names";
import { publishedTree } from "../../src/taskpane/standard";
import { addChild, addSibling, removeNode, updateNode } from "../../src/taskpane/treeEdit";
import { parseWeight } from "../../src/taskpane/components/NodeEditor";
import { highestSet, supportsSet } from "../../src/port";
import { isDarkColor } from "../../src/taskpane/theme";

describe("parseNames", () => {
  test("one per line or comma-separated, trimmed, in order", () => {
    expect(parseNames("Acme\nBeta, Gamma，Delta；Epsilon\n").names).toEqual(["Acme", "Beta", "Gamma", "Delta", "Epsilon"]);
  });
  test("duplicates (case-insensitive) kept once and reported; empty entries counted", () => {
    const r = parseNames("Acme\n\nacme, ,Beta\nBeta");
    expect(r).toEqual({ names: ["Acme", "Beta"], duplicates: ["Acme", "Beta"], empty: 2 });
  });
  test("nothing typed", () => {
    expect(parseNames("  \n ")).toEqual({ names: [], duplicates: [], empty: 0 });
  });
});

describe("publishedTree", () => {
  test("equals the core's validated defaultTree", () => {
    expect(publishedTree()).toEqual(defaultTree());
  });
  test("is a fresh copy each time", () => {
    const a = publishedTree();
    a.roots[0].weight = 1;
    expect(publishedTree().roots[0].weight).toBe(30);
  });
});

describe("tree edits", () => {
  const name = { "zh-CN": "新指标", "en-US": "New indicator" };
  test("updateNode does not touch the input", () => {
    const t0 = publishedTree();
    const t1 = updateNode(t0, "3.1", { weight: 10 });
    expect(findByCode(t1, "3.1")?.node.weight).toBe(10);
    expect(findByCode(t0, "3.1")?.node.weight).toBe(20);
  });
  test("addChild under a group with weights gets weight 0 and a free code", () => {
    const { tree, code } = addChild(publishedTree(), "1", name);
    expect(code).toBe("1.7");
    expect(findByCode(tree, "1.7")?.node).toMatchObject({ weight: 0, name, children: [] });
  });
  test("addChild under leaves with null weights stays null", () => {
    const { tree, code } = addChild(publishedTree(), "1.1", name);
    expect(findByCode(tree, code)?.node.weight).toBeNull();
  });
  test("addSibling inserts right after the node", () => {
    const { tree, code } = addSibling(publishedTree(), "2", name);
    expect(tree.roots.map((n) => n.code)).toEqual(["1", "2", code, "3", "4", "5"]);
  });
  test("removeNode", () => {
    const tree = removeNode(publishedTree(), "5");
    expect(tree.roots.map((n) => n.code)).toEqual(["1", "2", "3", "4"]);
    expect(validateTree(tree).find((f) => f.at === null)?.sum).toBe(80);
  });
});

test("parseWeight", () => {
  expect(parseWeight("")).toBeNull();
  expect(parseWeight(" 12.5 % ")).toBe(12.5);
  expect(parseWeight("0")).toBe(0);
  expect(parseWeight("-3")).toBeUndefined();
  expect(parseWeight("abc")).toBeUndefined();
});

test("capabilities", () => {
  const caps = { host: "excel" as const, excelApi: ["1.1", "1.2", "1.10", "1.9"] };
  expect(highestSet(caps)).toBe("1.10");
  expect(supportsSet(caps, "1.8")).toBe(false);
  expect(supportsSet(caps, "1.9")).toBe(true);
  expect(supportsSet({ host: "demo", excelApi: [] }, "1.8")).toBe(true);
});

test("isDarkColor", () => {
  expect(isDarkColor("#262626")).toBe(true);
  expect(isDarkColor("#ffffff")).toBe(false);
  expect(isDarkColor(undefined)).toBe(false);
});
