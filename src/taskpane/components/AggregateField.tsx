import { Field, Select } from "@fluentui/react-components";
import type { Aggregation } from "../../core/engine";
import { useLocale } from "../locale";

export const AGGREGATIONS: readonly Aggregation[] = ["mean", "median", "trimmed"];

/** How a panel combines the raters' ratings of one cell (shown when two or more raters are entered). */
export function AggregateField(props: { value: Aggregation; disabled: boolean; onChange(a: Aggregation): void }): JSX.Element {
  const { t } = useLocale();
  return (
    <Field label={t("new.aggregate")} hint={t("new.aggregate.hint")}>
      <Select
        root={{ style: { minWidth: 0 } }}
        select={{ style: { minWidth: 0, textOverflow: "ellipsis" } }}
        value={props.value}
        disabled={props.disabled}
        onChange={(_, data) => props.onChange(data.value as Aggregation)}
      >
        {AGGREGATIONS.map((a) => (
          <option key={a} value={a}>
            {t(`aggregate.${a}`)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
