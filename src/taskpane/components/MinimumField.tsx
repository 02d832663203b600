import { useState } from "react";
import { Field, Input } from "@fluentui/react-components";
import { useLocale } from "../locale";

/** Parses a minimum score: empty → null (none), a number 0–100 → that number, otherwise undefined (invalid). */
export function parseMinimum(text: string): number | null | undefined {
  const s = text.trim();
  if (s === "") return null;
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n <= 100 ? n : undefined;
}

/**
 * A minimum score (issue #11), of a node or of the total: blank = none. Written to the Weights
 * Minimum column by "Apply weights". Remount per node (key).
 */
export function MinimumField(props: { label: string; value: number | null | undefined; onChange(value: number | null): void }): JSX.Element {
  const { t } = useLocale();
  const [text, setText] = useState(props.value === null || props.value === undefined ? "" : String(props.value));
  const parsed = parseMinimum(text);
  return (
    <Field
      label={props.label}
      hint={t("weights.minimumHint")}
      validationState={parsed === undefined ? "error" : "none"}
      validationMessage={parsed === undefined ? t("new.percentInvalid") : undefined}
    >
      <Input
        inputMode="decimal"
        value={text}
        onChange={(_, d) => {
          setText(d.value);
          const m = parseMinimum(d.value);
          if (m !== undefined) props.onChange(m);
        }}
      />
    </Field>
  );
}
