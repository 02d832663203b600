import { Button, Field, ProgressBar } from "@fluentui/react-components";
import type { ProgressStep } from "../../port";
import { useLocale } from "../locale";

/** Progress of long work with its current step and a Cancel button. */
export function TaskProgress(props: { title: string; fraction: number; step: ProgressStep | null; onCancel(): void }): JSX.Element {
  const { t } = useLocale();
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 8 }} aria-live="polite">
      <Field label={props.title} validationState="none" validationMessage={props.step ? t(`step.${props.step}`) : t("task.progress")}>
        <ProgressBar value={props.fraction} max={1} thickness="large" />
      </Field>
      <div>
        <Button onClick={props.onCancel}>{t("task.cancel")}</Button>
      </div>
    </div>
  );
}
