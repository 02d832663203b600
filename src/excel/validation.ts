import type { ColorStop, ConditionalFormatPlan, ValidationPlan, ValidationRule } from "../plan";

const ERROR_STYLE = { stop: "Stop", warning: "Warning", information: "Information" } as const;

function dataValidationRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.kind) {
    case "custom":
      return { custom: { formula: rule.formula } };
    case "decimal":
      return rule.max === undefined
        ? { decimal: { operator: "GreaterThanOrEqualTo", formula1: rule.min } }
        : { decimal: { operator: "Between", formula1: rule.min, formula2: rule.max } };
    case "list":
      return { list: { inCellDropDown: true, source: rule.values.join(",") } };
  }
}

/** Data validation (ExcelApi 1.8). Excel caps titles at 32 characters and messages at 255 / 225. */
export function applyValidation(range: Excel.Range, plan: ValidationPlan): void {
  const dv = range.dataValidation;
  dv.ignoreBlanks = plan.allowBlank;
  dv.rule = dataValidationRule(plan.rule);
  dv.prompt = { showPrompt: true, title: plan.prompt.title.slice(0, 32), message: plan.prompt.message.slice(0, 255) };
  dv.errorAlert = {
    showAlert: true,
    style: ERROR_STYLE[plan.error.style],
    title: plan.error.title.slice(0, 32),
    message: plan.error.message.slice(0, 225),
  };
}

const CRITERION = { number: "Number", min: "LowestValue", max: "HighestValue", percentile: "Percentile" } as const;

function criterion(stop: ColorStop): Excel.ConditionalColorScaleCriterion {
  const c: Excel.ConditionalColorScaleCriterion = { type: CRITERION[stop.kind], color: stop.color };
  if ((stop.kind === "number" || stop.kind === "percentile") && stop.value !== undefined) c.formula = String(stop.value);
  return c;
}

/** Conditional formats (ExcelApi 1.6). */
export function applyConditionalFormat(range: Excel.Range, plan: ConditionalFormatPlan): void {
  if (plan.kind === "colorScale") {
    const cf = range.conditionalFormats.add("ColorScale");
    const [first, second, third] = plan.stops;
    cf.colorScale.criteria = third
      ? { minimum: criterion(first), midpoint: criterion(second), maximum: criterion(third) }
      : { minimum: criterion(first), maximum: criterion(second) };
    return;
  }
  const cf = range.conditionalFormats.add("Custom");
  cf.custom.rule.formula = plan.formula;
  if (plan.style.fontColor !== undefined) cf.custom.format.font.color = plan.style.fontColor;
  if (plan.style.bold !== undefined) cf.custom.format.font.bold = plan.style.bold;
  if (plan.style.fill !== undefined) cf.custom.format.fill.color = plan.style.fill;
}
