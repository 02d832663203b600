/** Immutable edits of the indicator tree for the Weights tab. Each returns a new tree. */
import { allNodes, cloneTree, findByCode, type IndicatorNode, type IndicatorTree, type LocalizedText } from "./model";

export type NodePatch = Partial<Pick<IndicatorNode, "name" | "weight" | "required" | "minimum">>;

export function updateNode(tree: IndicatorTree, code: string, patch: NodePatch): IndicatorTree {
  const copy = cloneTree(tree);
  const info = findByCode(copy, code);
  if (info) Object.assign(info.node, structuredClone(patch));
  return copy;
}

/** A code not yet used: "<parent>.<n>" (or "<n>" at the top level) with the smallest free n. */
export function freeCode(tree: IndicatorTree, parentCode: string | null): string {
  const used = new Set(allNodes(tree).map((i) => i.node.code));
  for (let n = 1; ; n++) {
    const code = parentCode === null ? String(n) : `${parentCode}.${n}`;
    if (!used.has(code)) return code;
  }
}

function newNode(code: string, name: LocalizedText): IndicatorNode {
  return { code, name: { ...name }, weight: null, required: true, children: [] };
}

/** Appends a new indicator under `parentCode` (null: a new top-level dimension). Returns the tree and the new code. */
export function addChild(tree: IndicatorTree, parentCode: string | null, name: LocalizedText): { tree: IndicatorTree; code: string } {
  const copy = cloneTree(tree);
  const code = freeCode(copy, parentCode);
  const group = parentCode === null ? copy.roots : findByCode(copy, parentCode)?.node.children;
  if (!group) return { tree: copy, code };
  const node = newNode(code, name);
  // A group with numeric weights gets 0 so the new row does not silently take weight.
  if (group.some((n) => n.weight !== null)) node.weight = 0;
  group.push(node);
  return { tree: copy, code };
}

/** Inserts a new indicator right after `code`, in the same sibling group. */
export function addSibling(tree: IndicatorTree, code: string, name: LocalizedText): { tree: IndicatorTree; code: string } {
  const info = findByCode(tree, code);
  if (!info) return { tree: cloneTree(tree), code };
  const parentCode = info.parent?.code ?? null;
  const added = addChild(tree, parentCode, name);
  const group = parentCode === null ? added.tree.roots : findByCode(added.tree, parentCode)?.node.children ?? [];
  const node = group.pop();
  if (node) group.splice(group.findIndex((n) => n.code === code) + 1, 0, node);
  return added;
}

export function removeNode(tree: IndicatorTree, code: string): IndicatorTree {
  const copy = cloneTree(tree);
  const info = findByCode(copy, code);
  if (!info) return copy;
  const group = info.parent === null ? copy.roots : info.parent.children;
  group.splice(group.indexOf(info.node), 1);
  return copy;
}
