import { readFile } from "fs/promises";
import { defaultTree, parseTree, validateTree, type Finding, type IndicatorTree, type Locale } from "../core/model";

/**
 * The tree a command works on: the default standard, or `--tree FILE` (JSON, a BOM allowed), with
 * its validation findings (warnings such as weights not adding up); a message naming the file when
 * it cannot be read or is not a valid tree (each error in `locale`, with where in the file).
 */
export async function loadTree(path: string | undefined, locale: Locale = "en-US"): Promise<{ tree: IndicatorTree; findings: Finding[] } | string> {
  if (path === undefined) {
    const tree = defaultTree();
    return { tree, findings: validateTree(tree) };
  }
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    return `cannot read --tree ${path}: ${err instanceof Error ? err.message : String(err)}`;
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    return `--tree ${path} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`;
  }
  const { tree, findings } = parseTree(json);
  const errors = findings.filter((f) => f.severity === "error");
  if (tree === null || errors.length > 0) {
    return `--tree ${path} is not a valid indicator tree: ${errors.map((f) => `${f.message[locale]}${f.path ? ` (${f.path})` : ""}`).join("; ")}`;
  }
  return { tree, findings };
}
