import type { IndicatorNode, IndicatorTree } from "../core/model/types";

/** One tree node with everything the sheet builders need, in pre-order. */
export interface LaidNode {
  node: IndicatorNode;
  code: string;
  depth: number;
  /** Index (in pre-order) of the parent; -1 for a top-level node. */
  parent: number;
  leaf: boolean;
  /** Sibling group this node belongs to: 1 = top level, then one id per internal node. */
  groupId: number;
  /** Group id of this node's children; 0 for a leaf. */
  childGroupId: number;
  /** Number of descendants (rows that follow it in pre-order and belong to its subtree). */
  descendants: number;
}

/**
 * The layout shared by every sheet: nodes in pre-order (Weights, Ratings), and the "grouped"
 * order of the Calc sheet, in which every sibling group occupies contiguous rows (top level
 * first, then the children of each internal node in pre-order), so a group formula is one
 * SUMPRODUCT over a contiguous block.
 */
export interface TreeLayout {
  nodes: LaidNode[];
  leafCount: number;
  /** Pre-order indices in Calc row order. */
  calcOrder: number[];
  /** For each group id, the range of positions in calcOrder [start, end] (inclusive). */
  groupSpan: Map<number, { start: number; end: number }>;
}

export function layoutTree(tree: IndicatorTree): TreeLayout {
  const nodes: LaidNode[] = [];
  let nextGroup = 2;
  const rec = (list: IndicatorNode[], parent: number, depth: number, groupId: number): void => {
    for (const node of list) {
      const index = nodes.length;
      const leaf = node.children.length === 0;
      const laid: LaidNode = {
        node, code: node.code, depth, parent, leaf, groupId, childGroupId: leaf ? 0 : nextGroup++, descendants: 0,
      };
      nodes.push(laid);
      if (!leaf) rec(node.children, index, depth + 1, laid.childGroupId);
      laid.descendants = nodes.length - index - 1;
    }
  };
  rec(tree.roots, -1, 1, 1);

  const byGroup = new Map<number, number[]>();
  nodes.forEach((n, i) => {
    const list = byGroup.get(n.groupId);
    if (list) list.push(i);
    else byGroup.set(n.groupId, [i]);
  });
  const calcOrder: number[] = [];
  const groupSpan = new Map<number, { start: number; end: number }>();
  const groupIds = [1, ...nodes.filter((n) => !n.leaf).map((n) => n.childGroupId)];
  for (const g of groupIds) {
    const members = byGroup.get(g) ?? [];
    if (members.length === 0) continue;
    groupSpan.set(g, { start: calcOrder.length, end: calcOrder.length + members.length - 1 });
    calcOrder.push(...members);
  }
  return { nodes, leafCount: nodes.filter((n) => n.leaf).length, calcOrder, groupSpan };
}

/** Nodes shown as columns on Results: every dimension, then sub-dimensions and deeper groups in pre-order. */
export function resultNodes(layout: TreeLayout): LaidNode[] {
  const dims = layout.nodes.filter((n) => n.depth === 1);
  const rest = layout.nodes.filter((n) => n.depth > 1 && (n.depth === 2 || !n.leaf));
  return [...dims, ...rest];
}
