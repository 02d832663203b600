import { useState } from "react";
import { Field, Input, MessageBar, MessageBarBody, Select } from "@fluentui/react-components";
import { DEFAULT_PRICE, PRICE_METHODS, type PriceMethod, type PriceSettings } from "../../core/award";
import { useLocale } from "../locale";
import { parseMinimum } from "./MinimumField";

/** The New tab's Price sheet choice (issue #11): null = no Price sheet asked for; undefined = a field does not read. */
export type PriceChoice = PriceSettings | null | undefined;

const NARROW = { root: { style: { minWidth: 0 } }, select: { style: { minWidth: 0, textOverflow: "ellipsis" } } } as const;

/**
 * "Add a Price sheet": the price weight, the price score method and the low-bid threshold. Under
 * Order No. 87 price carries at least 30% (goods) / 10% (services): said when the weight is lower,
 * never blocked.
 */
export function PriceField(props: { disabled: boolean; onChange(choice: PriceChoice): void }): JSX.Element {
  const { t } = useLocale();
  const [on, setOn] = useState(false);
  const [weight, setWeight] = useState(String(DEFAULT_PRICE.weight));
  const [method, setMethod] = useState<PriceMethod>(DEFAULT_PRICE.method);
  const [threshold, setThreshold] = useState(String(DEFAULT_PRICE.lowBidThreshold));
  const w = parseMinimum(weight);
  const th = parseMinimum(threshold);
  const report = (next: { on?: boolean; weight?: string; method?: PriceMethod; threshold?: string }): void => {
    const o = next.on ?? on;
    const pw = parseMinimum(next.weight ?? weight);
    const pt = parseMinimum(next.threshold ?? threshold);
    if (!o) props.onChange(null);
    else if (typeof pw !== "number" || typeof pt !== "number") props.onChange(undefined);
    else props.onChange({ weight: pw, method: next.method ?? method, lowBidThreshold: pt });
  };
  const guidance = typeof w === "number" ? (w < 10 ? "below-services" : w < 30 ? "below-goods" : null) : null;
  return (
    <fieldset style={{ border: 0, margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: 8, minWidth: 0 }}>
      <label style={{ display: "flex", gap: 8, alignItems: "center" }}>
        <input
          type="checkbox"
          checked={on}
          disabled={props.disabled}
          onChange={(e) => {
            setOn(e.target.checked);
            report({ on: e.target.checked });
          }}
        />
        {t("new.price")}
      </label>
      {on && (
        <>
          <Field label={t("new.priceWeight")} validationState={w === undefined || w === null ? "error" : "none"} validationMessage={w === undefined || w === null ? t("new.percentInvalid") : undefined}>
            <Input inputMode="decimal" value={weight} disabled={props.disabled} onChange={(_, d) => { setWeight(d.value); report({ weight: d.value }); }} />
          </Field>
          {guidance && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{t(`award.guidance.${guidance}`)}</MessageBarBody>
            </MessageBar>
          )}
          <Field label={t("new.priceMethod")}>
            <Select {...NARROW} value={method} disabled={props.disabled} onChange={(_, d) => { setMethod(d.value as PriceMethod); report({ method: d.value as PriceMethod }); }}>
              {PRICE_METHODS.map((m) => (
                <option key={m} value={m}>{t(`new.method.${m}`)}</option>
              ))}
            </Select>
          </Field>
          <Field label={t("new.lowBidThreshold")} validationState={th === undefined || th === null ? "error" : "none"} validationMessage={th === undefined || th === null ? t("new.percentInvalid") : undefined}>
            <Input inputMode="decimal" value={threshold} disabled={props.disabled} onChange={(_, d) => { setThreshold(d.value); report({ threshold: d.value }); }} />
          </Field>
        </>
      )}
    </fieldset>
  );
}
