import { effectiveWeights } from "../model/weights";
import type { IndicatorNode, IndicatorTree } from "../model/types";

/**
 * The tree as index arrays, nodes in pre-order: every descendant of node i has an index > i,
 * so walking the indices backwards visits children before their parent.
 */
export interface CompiledTree {
  codes: string[];
  /** Parent node index; roots point at the virtual root, index `codes.length`. */
  parent: Int32Array;
  /** Effective raw weight of each node within its sibling group (see effectiveWeights). */
  weight: Float64Array;
  /** Leaf index of each node, -1 for groups. */
  leafOf: Int32Array;
  leafCodes: string[];
  leafRequired: boolean[];
  /** False for a leaf whose code an earlier leaf already has (a validation error); it is never rated. */
  leafIsFirst: boolean[];
  /** First leaf with each code. */
  leafIndex: Map<string, number>;
}

export function compileTree(tree: IndicatorTree): CompiledTree {
  const codes: string[] = [];
  const parents: number[] = [];
  const weights: number[] = [];
  const leafOf: number[] = [];
  const leafCodes: string[] = [];
  const leafRequired: boolean[] = [];
  const leafIsFirst: boolean[] = [];
  const leafIndex = new Map<string, number>();

  const visit = (nodes: IndicatorNode[], parent: number): void => {
    const w = effectiveWeights(nodes);
    nodes.forEach((node, i) => {
      const index = codes.length;
      codes.push(node.code);
      parents.push(parent);
      weights.push(w[i]);
      if (node.children.length === 0) {
        leafOf.push(leafCodes.length);
        leafIsFirst.push(!leafIndex.has(node.code));
        if (!leafIndex.has(node.code)) leafIndex.set(node.code, leafCodes.length);
        leafCodes.push(node.code);
        leafRequired.push(node.required);
      } else {
        leafOf.push(-1);
        visit(node.children, index);
      }
    });
  };
  // Roots get the virtual root as parent; its index is only known at the end.
  visit(tree.roots, -1);
  const root = codes.length;
  return {
    codes,
    parent: Int32Array.from(parents, (p) => (p === -1 ? root : p)),
    weight: Float64Array.from(weights),
    leafOf: Int32Array.from(leafOf),
    leafCodes,
    leafRequired,
    leafIsFirst,
    leafIndex,
  };
}
