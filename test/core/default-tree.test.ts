import { existsSync, readFileSync } from "fs";
import path from "path";
import { allNodes, defaultTree, leaves, parseTree, validateTree } from "../../src/core/model";
import standardJson from "../../src/core/model/standard-36kr-2022.json";

/** shared/ sits beside the repository, locally and in CI. */
const REPO_ROOT = path.resolve(__dirname, "../..");
const INDICATORS_MD = path.resolve(REPO_ROOT, "../shared/standard/indicators.md");

interface Row {
  code: string;
  zh: string;
  en: string;
  weight: number | null;
}

function parseMarkdownTable(md: string): Row[] {
  const rows: Row[] = [];
  for (const line of md.split("\n")) {
    const m = /^\|\s*(\d+(?:\.\d+)*)\s*\|\s*(.+?)\s*\|\s*(.+?)\s*\|\s*(.+?)\s*\|\s*$/.exec(line);
    if (!m) continue;
    const w = m[4];
    rows.push({ code: m[1], zh: m[2], en: m[3], weight: w === "—" ? null : Number(w.replace("%", "")) });
  }
  return rows;
}

function treeRows(): Row[] {
  return allNodes(defaultTree()).map(({ node }) => ({
    code: node.code, zh: node.name["zh-CN"], en: node.name["en-US"], weight: node.weight,
  }));
}

describe("default tree (36Kr 2022)", () => {
  const t = defaultTree();

  test("shape: 5 dimensions, 20 sub-dimensions, 49 leaves", () => {
    expect(t.id).toBe("36kr-2022-live-streaming");
    expect(t.title["zh-CN"]).not.toBe("");
    expect(t.title["en-US"]).not.toBe("");
    expect(t.source).toMatch(/36Kr/);
    expect(t.roots.map((d) => d.code)).toEqual(["1", "2", "3", "4", "5"]);
    expect(t.roots.map((d) => d.name["en-US"])).toEqual(["Product", "Technology", "Service", "Security", "Ecosystem"]);
    expect(t.roots.map((d) => d.weight)).toEqual([30, 20, 20, 10, 10]);
    expect(t.roots.map((d) => d.children.length)).toEqual([6, 3, 5, 3, 3]);
    expect(leaves(t)).toHaveLength(49);
  });

  test("Product and Service sub-dimensions are themselves leaves; the others have a third level", () => {
    for (const d of t.roots) {
      const subLeaves = d.children.every((s) => s.children.length === 0);
      expect([d.code, subLeaves]).toEqual([d.code, d.code === "1" || d.code === "3"]);
    }
    expect(t.roots[2].children.map((s) => s.weight)).toEqual([20, 50, 15, 15, 10]);
  });

  test("every leaf is required; third-level leaves have no published weight", () => {
    for (const { node, depth } of leaves(t)) {
      expect(node.required).toBe(true);
      if (depth === 3) expect(node.weight).toBeNull();
    }
  });

  test("the duplicated name 并发量 is kept under two codes", () => {
    const codes = allNodes(t).filter(({ node }) => node.name["zh-CN"] === "并发量").map(({ node }) => node.code);
    expect(codes).toEqual(["2.1.4", "5.1.4"]);
  });

  test("every code, from the report's structure (leaves per sub-dimension)", () => {
    const structure: Record<string, number[]> = { 1: [0, 0, 0, 0, 0, 0], 2: [4, 2, 3], 3: [0, 0, 0, 0, 0], 4: [9, 3, 6], 5: [4, 3, 4] };
    const expected = Object.entries(structure).flatMap(([d, subs]) => [
      d,
      ...subs.flatMap((n, s) => [`${d}.${s + 1}`, ...Array.from({ length: n }, (_, l) => `${d}.${s + 1}.${l + 1}`)]),
    ]);
    expect(allNodes(t).map(({ node }) => node.code)).toEqual(expected);
  });

  test("hard-coded spot checks (run with or without shared/)", () => {
    const rows = new Map(treeRows().map((r) => [r.code, r]));
    expect(rows.size).toBe(63);
    expect(rows.get("1.5")).toEqual({ code: "1.5", zh: "部署能力", en: "Deployment capability", weight: 15 });
    expect(rows.get("2.1")).toEqual({ code: "2.1", zh: "底层能力", en: "Core technical capability", weight: 50 });
    expect(rows.get("3.2")).toEqual({ code: "3.2", zh: "运营服务", en: "Live operations service", weight: 50 });
    expect(rows.get("4.1.9")).toEqual({ code: "4.1.9", zh: "数据安全", en: "Data security", weight: null });
    expect(rows.get("4.3.6")).toEqual({ code: "4.3.6", zh: "举报风险管控", en: "Report handling", weight: null });
    expect(rows.get("5.3")).toEqual({ code: "5.3", zh: "人才连接", en: "Talent connectivity", weight: 10 });
    expect(rows.get("5.3.4")).toEqual({ code: "5.3.4", zh: "讲师赋能", en: "Instructor enablement", weight: null });
  });

  const mdPresent = existsSync(INDICATORS_MD);
  (mdPresent ? test : test.skip)(
    `every code, name and weight equals shared/standard/indicators.md${mdPresent ? "" : " (SKIPPED: ../shared not found beside the repo)"}`,
    () => {
      const expected = parseMarkdownTable(readFileSync(INDICATORS_MD, "utf8"));
      expect(expected).toHaveLength(63);
      expect(treeRows()).toEqual(expected);
    },
  );

  test("only the two published weight errors are found: top level 90%, Service 110%", () => {
    const findings = validateTree(t);
    expect(findings.map((f) => [f.code, f.severity, f.at, f.sum])).toEqual([
      ["weights-not-100", "warning", null, 90],
      ["weights-not-100", "warning", "3", 110],
    ]);
    expect(findings[0].message["en-US"]).toBe("Dimension weights sum to 90%, not 100%");
    expect(findings[0].message["zh-CN"]).toContain("90%");
    expect(findings[1].message["en-US"]).toContain("Service");
    expect(findings[1].message["en-US"]).toContain("110%");
    expect(findings[1].message["zh-CN"]).toContain("服务");
  });

  test("each call returns a fresh deep copy", () => {
    const a = defaultTree();
    a.roots[0].weight = 99;
    a.roots[0].children.pop();
    a.roots[1].name["en-US"] = "changed";
    const b = defaultTree();
    expect(b.roots[0].weight).toBe(30);
    expect(b.roots[0].children).toHaveLength(6);
    expect(b.roots[1].name["en-US"]).toBe("Technology");
  });

  test("the bundled JSON passes the schema on its own", () => {
    const { tree, findings } = parseTree(standardJson);
    expect(tree).not.toBeNull();
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});
