import { Field, Textarea } from "@fluentui/react-components";
import { useLocale } from "../locale";
import type { NameList } from "../names";

/** A list typed one per line or comma-separated, with its count, duplicates and empty entries reported. */
export function NameListField(props: {
  label: string;
  hint: string;
  countKey: "new.vendors.count" | "new.raters.count";
  text: string;
  parsed: NameList;
  required?: boolean;
  showEmptyError?: boolean;
  onChange(text: string): void;
}): JSX.Element {
  const { t } = useLocale();
  const { parsed } = props;
  const notes: string[] = [];
  if (parsed.duplicates.length > 0) notes.push(t("new.list.duplicates", { names: parsed.duplicates.join(", ") }));
  if (parsed.empty > 0) notes.push(t("new.list.empty", { count: parsed.empty }));
  const missing = props.required && props.showEmptyError && parsed.names.length === 0;
  const state = missing ? "error" : notes.length > 0 ? "warning" : parsed.names.length > 0 ? "success" : "none";
  const message = missing
    ? t("new.vendors.none")
    : [parsed.names.length > 0 ? t(props.countKey, { count: parsed.names.length }) : "", ...notes].filter(Boolean).join(" · ");
  return (
    <Field label={props.label} hint={props.hint} required={props.required} validationState={state} validationMessage={message || undefined}>
      <Textarea value={props.text} onChange={(_, data) => props.onChange(data.value)} resize="vertical" rows={4} />
    </Field>
  );
}
