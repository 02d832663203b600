import type { IndicatorNode, IndicatorTree, Locale } from "./types";

export interface NodeInfo {
  node: IndicatorNode;
  parent: IndicatorNode | null;
  /** Depth from 1 (top level). */
  depth: number;
  /** Ancestors from the top level down, excluding the node itself. */
  ancestors: IndicatorNode[];
}

export function isLeaf(node: IndicatorNode): boolean {
  return node.children.length === 0;
}

/** Depth-first, pre-order walk of every node. */
export function walk(tree: IndicatorTree, visit: (info: NodeInfo) => void): void {
  const rec = (nodes: IndicatorNode[], parent: IndicatorNode | null, ancestors: IndicatorNode[]): void => {
    for (const node of nodes) {
      visit({ node, parent, depth: ancestors.length + 1, ancestors });
      if (node.children.length > 0) rec(node.children, node, [...ancestors, node]);
    }
  };
  rec(tree.roots, null, []);
}

export function allNodes(tree: IndicatorTree): NodeInfo[] {
  const out: NodeInfo[] = [];
  walk(tree, (info) => out.push(info));
  return out;
}

/** Scored leaves in tree order. */
export function leaves(tree: IndicatorTree): NodeInfo[] {
  return allNodes(tree).filter((info) => isLeaf(info.node));
}

export function findByCode(tree: IndicatorTree, code: string): NodeInfo | undefined {
  return allNodes(tree).find((info) => info.node.code === code);
}

/** Localised path such as "生态/业务连接/并发量". */
export function pathOf(info: NodeInfo, locale: Locale, sep = "/"): string {
  return [...info.ancestors, info.node].map((n) => n.name[locale]).join(sep);
}

/** A sibling group: the top level (parent null) or the children of one node. */
export interface SiblingGroup {
  parent: IndicatorNode | null;
  nodes: IndicatorNode[];
}

/** Every non-empty sibling group, top level first, then in pre-order of the parents. */
export function siblingGroups(tree: IndicatorTree): SiblingGroup[] {
  const out: SiblingGroup[] = tree.roots.length > 0 ? [{ parent: null, nodes: tree.roots }] : [];
  walk(tree, ({ node }) => {
    if (node.children.length > 0) out.push({ parent: node, nodes: node.children });
  });
  return out;
}

/** A deep copy that shares nothing with the original. */
export function cloneTree(tree: IndicatorTree): IndicatorTree {
  return structuredClone(tree);
}
