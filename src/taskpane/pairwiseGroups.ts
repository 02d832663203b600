import { walk, type IndicatorTree } from "./model";

/** Groups of 2–10 that a Pairwise sheet can compare: the dimensions (null) and every parent with 2–10 children. */
export function pairwiseGroups(tree: IndicatorTree): { parent: string | null; label: string | null }[] {
  const out: { parent: string | null; label: string | null }[] = [];
  const fits = (n: number): boolean => n >= 2 && n <= 10;
  if (fits(tree.roots.length)) out.push({ parent: null, label: null });
  walk(tree, ({ node }) => void (fits(node.children.length) && out.push({ parent: node.code, label: node.code })));
  return out;
}
