import { Button, Checkbox, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Text, useId } from "@fluentui/react-components";
import type { ImportResult, Rejection } from "../../core/import";
import { existingText, type CellPreview } from "../../plan/cellConflicts";
import type { RatingValue } from "../../core/engine";
import type { MessageKey, Translate } from "../../i18n";
import { allNodes, type IndicatorTree } from "../model";
import { useLocale } from "../locale";
import type { ImportChoice } from "../../port";
import type { LookAlike } from "../../plan/vendorMerge";
import { showName } from "../../core/import/vendorNames";
import { reasonCount } from "../importFlow";

const SHOWN = 20;
const WARNINGS = new Set(["decode-lossy", "similar-vendor-names", "scores-look-like-fractions"]);
const list = { margin: "4px 0 0", paddingLeft: 18 } as const;

function valueText(v: RatingValue, t: Translate): string {
  return v === "NA" ? t("import.na") : String(v);
}

function reason(r: Rejection, t: Translate): string {
  return t(`import.reject.${r.code}` as MessageKey, { value: r.value ?? "", column: r.column ?? "", vendor: r.vendor ?? "" });
}

/** What the import would do, and the user's choice: keep existing, overwrite, or cancel. */
export function ImportPreview(props: {
  result: ImportResult;
  preview: CellPreview;
  tree: IndicatorTree;
  choice: ImportChoice;
  /** Look-alike vendor names across the file and the workbook; `merged` holds the targets chosen. */
  lookAlikes: readonly LookAlike[];
  merged: ReadonlySet<string>;
  onMerge(target: string, on: boolean): void;
  disabled: boolean;
  onChoice(c: ImportChoice): void;
  onImport(): void;
  onCancel(): void;
}): JSX.Element {
  const { t, content } = useLocale();
  const mergeTitle = useId("merge-title");
  const { result, preview } = props;
  const names = new Map(allNodes(props.tree).map((i) => [i.node.code, `${i.node.code} ${i.node.name[content]}`]));
  const warnings = [...new Set(result.warnings.filter((w) => w.code !== "unmapped-column").map((w) => (WARNINGS.has(w.code) ? w.code : "other")))];
  // Which names look alike, so the user can merge them (rename in the file) before importing.
  const similar = result.warnings.filter((w) => w.code === "similar-vendor-names").map((w) => w.message[content]);
  const writes = preview.added + (props.choice === "overwrite" ? preview.conflicts.length : 0);
  const reasons = reasonCount(result);
  return (
    <section aria-label={t("import.preview")} style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <Text weight="semibold">{t("import.preview")}</Text>
      <Text>
        {t(preview.unit === "cell" ? "import.cellsRead" : "import.rowsRead", { count: preview.rowsRead })} · {t("import.accepted", { count: preview.accepted })} ·{" "}
        {t("import.rejectedCount", { count: preview.rejected })}
      </Text>
      <Text>
        {t("import.added", { count: preview.added })} · {t("import.unchanged", { count: preview.unchanged })}
      </Text>
      {reasons > 0 && <Text>{t("import.reasons", { count: reasons })}</Text>}
      {warnings.map((w) => (
        <MessageBar key={w} intent="warning" layout="multiline">
          <MessageBarBody>
            {t(`import.warning.${w}` as MessageKey)}
            {w === "similar-vendor-names" && similar.map((m, i) => <div key={i}>{m}</div>)}
          </MessageBarBody>
        </MessageBar>
      ))}
      {props.lookAlikes.length > 0 && (
        <div role="group" aria-labelledby={mergeTitle} style={{ display: "flex", flexDirection: "column" }}>
          <Text id={mergeTitle} weight="semibold">
            {t("import.merge.title")}
          </Text>
          <Text size={200}>{t("import.merge.hint")}</Text>
          {props.lookAlikes.slice(0, SHOWN).map((g) => (
            <Checkbox
              key={g.target}
              checked={props.merged.has(g.target)}
              disabled={props.disabled}
              onChange={(_, d) => props.onMerge(g.target, d.checked === true)}
              label={t("import.merge.option", { names: g.names.filter((n) => n !== g.target).map(showName).join(", "), target: showName(g.target) })}
            />
          ))}
        </div>
      )}
      {preview.newVendors.length > 0 && (
        <Text>
          {t("import.newVendors", { count: preview.newVendors.length, names: preview.newVendors.join(", ") })} {t("import.newVendors.note")}
        </Text>
      )}
      {result.rejected.length > 0 && (
        <div>
          <Text weight="semibold">{t("import.rejected", { count: result.rejected.length })}</Text>
          <ul style={list}>
            {result.rejected.slice(0, SHOWN).map((r, i) => (
              <li key={i}>{t("import.rejectLine", { line: r.line, reason: reason(r, t) })}</li>
            ))}
          </ul>
          {result.rejected.length > SHOWN && <Text size={200}>{t("import.shown", { shown: SHOWN, count: result.rejected.length })}</Text>}
        </div>
      )}
      {preview.conflicts.length > 0 && (
        <div>
          <Text weight="semibold">{t("import.conflicts", { count: preview.conflicts.length })}</Text>
          <ul style={list}>
            {preview.conflicts.slice(0, SHOWN).map((c, i) => (
              <li key={i}>
                {t("import.conflict", { vendor: c.vendor, indicator: names.get(c.code) ?? c.code, existing: existingText(c.existing, t("import.na")), incoming: valueText(c.incoming, t), line: c.line })}
              </li>
            ))}
          </ul>
          {preview.conflicts.length > SHOWN && <Text size={200}>{t("import.shown", { shown: SHOWN, count: preview.conflicts.length })}</Text>}
          <Field label={t("import.choice")}>
            <RadioGroup value={props.choice} onChange={(_, d) => props.onChoice(d.value as ImportChoice)}>
              <Radio value="keep-existing" label={t("import.choice.keep")} />
              <Radio value="overwrite" label={t("import.choice.overwrite")} />
            </RadioGroup>
          </Field>
        </div>
      )}
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button appearance="primary" disabled={props.disabled || writes + reasons === 0} onClick={props.onImport}>
          {writes === 0 && reasons > 0 ? t("import.writeReasons", { count: reasons }) : t("import.write", { count: writes })}
        </Button>
        <Button disabled={props.disabled} onClick={props.onCancel}>
          {t("import.cancel")}
        </Button>
      </div>
    </section>
  );
}
