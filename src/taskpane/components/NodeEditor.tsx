import { useState } from "react";
import { Button, Field, Input, Switch, Text } from "@fluentui/react-components";
import type { IndicatorNode } from "../model";
import { useLocale } from "../locale";
import type { NodePatch } from "../treeEdit";
import { MinimumField } from "./MinimumField";

/** Parses the weight field: empty → null (equal weights), a number ≥ 0 → that number, otherwise undefined (invalid). */
export function parseWeight(text: string): number | null | undefined {
  const s = text.trim().replace(/%$/, "").trim();
  if (s === "") return null;
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(s)) return undefined;
  return Number(s);
}

export interface NodeEditorProps {
  node: IndicatorNode;
  onPatch(patch: NodePatch): void;
  onAddChild(): void;
  onAddSibling(): void;
  onRemove(): void;
}

/** Edits one indicator: names in both languages, weight, required; add and remove. Remount per node (key). */
export function NodeEditor(props: NodeEditorProps): JSX.Element {
  const { t } = useLocale();
  const { node } = props;
  const [weightText, setWeightText] = useState(node.weight === null ? "" : String(Math.round(node.weight * 1e6) / 1e6));
  const parsed = parseWeight(weightText);
  return (
    <section aria-label={t("weights.editor", { code: node.code })} style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <Text weight="semibold">{t("weights.editor", { code: node.code })}</Text>
      <Field label={t("weights.nameZh")} required validationState={node.name["zh-CN"].trim() === "" ? "error" : "none"}>
        <Input value={node.name["zh-CN"]} onChange={(_, d) => props.onPatch({ name: { ...node.name, "zh-CN": d.value } })} />
      </Field>
      <Field label={t("weights.nameEn")} required validationState={node.name["en-US"].trim() === "" ? "error" : "none"}>
        <Input value={node.name["en-US"]} onChange={(_, d) => props.onPatch({ name: { ...node.name, "en-US": d.value } })} />
      </Field>
      <Field
        label={t("weights.weight")}
        hint={t("weights.weight.hint")}
        validationState={parsed === undefined ? "error" : "none"}
        validationMessage={parsed === undefined ? t("weights.weight.invalid") : undefined}
      >
        <Input
          inputMode="decimal"
          value={weightText}
          onChange={(_, d) => {
            setWeightText(d.value);
            const w = parseWeight(d.value);
            if (w !== undefined) props.onPatch({ weight: w });
          }}
        />
      </Field>
      <MinimumField label={t("weights.minimum")} value={node.minimum} onChange={(minimum) => props.onPatch({ minimum })} />
      <Switch label={t("weights.required")} checked={node.required} onChange={(_, d) => props.onPatch({ required: d.checked })} />
      <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
        <Button size="small" onClick={props.onAddChild}>{t("weights.addChild")}</Button>
        <Button size="small" onClick={props.onAddSibling}>{t("weights.addSibling")}</Button>
        <Button size="small" onClick={props.onRemove}>{t("weights.remove")}</Button>
      </div>
    </section>
  );
}
