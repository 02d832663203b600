import type { ZodIssue } from "zod";
import { indicatorTreeSchema } from "./schema";
import type { Finding, IndicatorTree } from "./types";
import { validateTree } from "./validate";

/** The code of the deepest node on the issue's path, if the input has one there. */
function codeAt(json: unknown, path: (string | number)[]): string | null {
  let cur: unknown = json;
  let code: string | null = null;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") break;
    cur = (cur as Record<string | number, unknown>)[key];
    const c = cur !== null && typeof cur === "object" ? (cur as { code?: unknown }).code : undefined;
    if (typeof c === "string") code = c;
  }
  return code;
}

function schemaFinding(json: unknown, issue: ZodIssue): Finding {
  const path = issue.path.join(".");
  const where = path === "" ? "(root)" : path;
  const code = codeAt(json, issue.path);
  return {
    code: "schema", severity: "error", at: code, codes: code === null ? [] : [code], path,
    message: {
      "zh-CN": `格式错误：${where}：${issue.message}`,
      "en-US": `Invalid format at ${where}: ${issue.message}`,
    },
  };
}

/**
 * Reads an indicator tree from parsed JSON; never throws. On a schema error the tree is null and
 * each issue is a "schema" finding naming its path; otherwise the findings are validateTree's.
 */
export function parseTree(json: unknown): { tree: IndicatorTree | null; findings: Finding[] } {
  const parsed = indicatorTreeSchema.safeParse(json);
  if (!parsed.success) return { tree: null, findings: parsed.error.issues.map((i) => schemaFinding(json, i)) };
  return { tree: parsed.data, findings: validateTree(parsed.data) };
}
