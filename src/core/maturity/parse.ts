import { maturityModelSchema } from "./schema";
import type { MaturityFinding, MaturityModel } from "./types";
import { validateMaturity } from "./validate";
import type { IndicatorTree } from "../model/types";

/**
 * Reads a maturity model from parsed JSON; never throws. On a schema error the model is null and
 * each issue is a "schema" finding naming its path; otherwise the findings are validateMaturity's.
 */
export function parseMaturity(json: unknown, tree?: IndicatorTree): { model: MaturityModel | null; findings: MaturityFinding[] } {
  const parsed = maturityModelSchema.safeParse(json);
  if (!parsed.success) {
    return {
      model: null,
      findings: parsed.error.issues.map((issue) => {
        const path = issue.path.join(".");
        const where = path === "" ? "(root)" : path;
        return { code: "schema", severity: "error", path, message: { "zh-CN": `成熟度模型格式错误：${where}：${issue.message}`, "en-US": `Maturity model: invalid format at ${where}: ${issue.message}` } };
      }),
    };
  }
  const model = parsed.data as MaturityModel;
  return { model, findings: validateMaturity(model, tree) };
}
