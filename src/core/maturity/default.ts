import bundled from "./maturity-36kr-2022.json";
import { parseMaturity } from "./parse";
import type { MaturityModel } from "./types";

/** A fresh copy of the bundled maturity model (36Kr 2022): zh-CN from the report, en-US translated. */
export function defaultMaturityModel(): MaturityModel {
  const { model, findings } = parseMaturity(bundled);
  const errors = findings.filter((f) => f.severity === "error");
  if (model === null || errors.length > 0) throw new Error(`Bundled maturity model is invalid: ${errors.map((f) => `${f.path}: ${f.message["en-US"]}`).join("; ")}`);
  return model;
}
