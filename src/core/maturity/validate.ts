import { allNodes } from "../model/tree";
import type { IndicatorTree, LocalizedText } from "../model/types";
import { MATURITY_SCHEMA_VERSION, type MaturityFinding, type MaturityModel } from "./types";

const TOLERANCE = 1e-9;

/** Characters a stage name cannot hold: the drop-down list of the Maturity sheet is comma-separated. */
const BAD_NAME = /[,，"]/;

function finding(code: MaturityFinding["code"], severity: MaturityFinding["severity"], path: string, zh: string, en: string): MaturityFinding {
  return { code, severity, path, message: { "zh-CN": zh, "en-US": en } };
}

function emptyText(t: LocalizedText): boolean {
  return t["zh-CN"].trim() === "" || t["en-US"].trim() === "";
}

/**
 * Checks a schema-valid maturity model: version, unique keys, every stage × characteristic cell in
 * both languages, shares within 0–100 summing to 100, stage names fit for a drop-down, and the
 * mapping's scenarios, stages and characteristics exist. With `tree`, every mapped code must be an
 * indicator of that tree (a warning: the mapping still works for the others).
 */
export function validateMaturity(model: MaturityModel, tree?: IndicatorTree): MaturityFinding[] {
  const out: MaturityFinding[] = [];
  if (model.schemaVersion !== MATURITY_SCHEMA_VERSION) {
    out.push(finding("schema-version", "error", "schemaVersion",
      `不支持的版本 ${model.schemaVersion}（本加载项读取版本 ${MATURITY_SCHEMA_VERSION}）`,
      `Unsupported schemaVersion ${model.schemaVersion} (this add-in reads version ${MATURITY_SCHEMA_VERSION})`));
  }
  const keys = new Set<string>();
  model.characteristics.forEach((c, i) => {
    if (keys.has(c.key)) out.push(finding("duplicate-key", "error", `characteristics.${i}.key`, `特征键“${c.key}”重复`, `Characteristic key "${c.key}" is listed twice`));
    keys.add(c.key);
    if (emptyText(c.name)) out.push(finding("empty-text", "error", `characteristics.${i}.name`, `特征“${c.key}”缺少名称`, `Characteristic "${c.key}" has an empty name`));
  });
  for (const need of ["platform", "team"]) {
    if (!keys.has(need)) out.push(finding("missing-cell", "error", "characteristics", `缺少特征键“${need}”（需求与团队由此读取）`, `No characteristic with key "${need}" (the requirements are read from it)`));
  }
  const scenarios = new Map<string, number>();
  model.scenarios.forEach((s, si) => {
    const at = `scenarios.${si}`;
    if (scenarios.has(s.key)) out.push(finding("duplicate-key", "error", `${at}.key`, `场景键“${s.key}”重复`, `Scenario key "${s.key}" is listed twice`));
    scenarios.set(s.key, s.stages.length);
    if (s.stages.length < 2) out.push(finding("too-few-stages", "error", `${at}.stages`, `场景“${s.key}”至少需要 2 个阶段`, `Scenario "${s.key}" needs at least 2 stages`));
    const names = new Set<string>();
    let sum = 0;
    s.stages.forEach((st, k) => {
      const sp = `${at}.stages.${k}`;
      const label = `${s.key} #${k + 1}`;
      if (emptyText(st.name)) out.push(finding("empty-text", "error", `${sp}.name`, `阶段 ${label} 缺少名称`, `Stage ${label} has an empty name`));
      for (const lang of ["zh-CN", "en-US"] as const) {
        const n = st.name[lang];
        if (BAD_NAME.test(n)) out.push(finding("stage-name", "error", `${sp}.name.${lang}`, `阶段名“${n}”不能含逗号或引号（用于下拉列表）`, `Stage name "${n}" cannot hold a comma or a quote (it is a drop-down choice)`));
        if (names.has(`${lang}:${n}`)) out.push(finding("duplicate-key", "error", `${sp}.name.${lang}`, `场景“${s.key}”中阶段名“${n}”重复`, `Stage name "${n}" occurs twice in scenario "${s.key}"`));
        names.add(`${lang}:${n}`);
      }
      if (!(st.share >= 0 && st.share <= 100)) out.push(finding("share-out-of-range", "error", `${sp}.share`, `阶段 ${label} 的占比 ${st.share} 不在 0–100 之间`, `The share of stage ${label} (${st.share}) is not within 0–100`));
      sum += st.share;
      for (const c of model.characteristics) {
        const cellText = st.cells[c.key];
        if (!cellText) out.push(finding("missing-cell", "error", `${sp}.cells.${c.key}`, `阶段 ${label} 缺少“${c.name["zh-CN"]}”`, `Stage ${label} has no "${c.name["en-US"]}" cell`));
        else if (emptyText(cellText)) out.push(finding("empty-text", "error", `${sp}.cells.${c.key}`, `阶段 ${label} 的“${c.name["zh-CN"]}”缺少中文或英文`, `Stage ${label}: "${c.name["en-US"]}" is empty in one language`));
      }
    });
    if (s.stages.length > 0 && Math.abs(sum - 100) > TOLERANCE) {
      out.push(finding("shares-not-100", "warning", `${at}.stages`, `场景“${s.key}”各阶段占比合计 ${sum}%，而非 100%`, `The stage shares of scenario "${s.key}" sum to ${sum}%, not 100%`));
    }
  });
  const codes = tree ? new Set(allNodes(tree).map((n) => n.node.code)) : null;
  model.mapping.entries.forEach((e, i) => {
    const at = `mapping.entries.${i}`;
    const n = scenarios.get(e.scenario);
    if (n === undefined) out.push(finding("mapping-scenario", "error", `${at}.scenario`, `对应关系中的场景“${e.scenario}”不存在`, `Mapping: no scenario "${e.scenario}"`));
    else if (!(e.stage >= 1 && e.stage <= n)) out.push(finding("mapping-stage", "error", `${at}.stage`, `对应关系中的阶段 ${e.stage} 不在 1–${n} 之间`, `Mapping: stage ${e.stage} is not within 1–${n}`));
    if (!keys.has(e.from)) out.push(finding("mapping-from", "error", `${at}.from`, `对应关系中的特征“${e.from}”不存在`, `Mapping: no characteristic "${e.from}"`));
    if (codes) {
      e.codes.forEach((code, k) => {
        if (!codes.has(code)) out.push(finding("mapping-code", "warning", `${at}.codes.${k}`, `对应关系中的指标“${code}”不在当前指标体系中`, `Mapping: indicator "${code}" is not in this indicator tree`));
      });
    }
  });
  return out;
}
