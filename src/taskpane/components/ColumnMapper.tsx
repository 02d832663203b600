import { Button, Field, Select, Text } from "@fluentui/react-components";
import type { ColumnMapping, UnmappedColumn } from "../../core/import";
import type { MessageKey } from "../../i18n";
import { leaves, type IndicatorTree } from "../model";
import { useLocale } from "../locale";
import { columnKey, roleFrom, roleValue } from "../importFlow";

const FIELDS = ["ignore", "vendor", "indicator", "score", "rater", "comment"] as const;

/** Columns the importer did not use, each with a choice of what it holds; "read again" re-runs the import. */
export function ColumnMapper(props: {
  unmapped: readonly UnmappedColumn[];
  tree: IndicatorTree;
  mapping: ColumnMapping;
  disabled: boolean;
  onChange(mapping: ColumnMapping): void;
  onReread(): void;
}): JSX.Element | null {
  const { t, content } = useLocale();
  if (props.unmapped.length === 0) return null;
  const leafNodes = leaves(props.tree).map((l) => l.node);
  const set = (index: number, value: string): void => {
    const next = { ...props.mapping };
    const role = roleFrom(value);
    if (role === undefined) delete next[columnKey(index)];
    else next[columnKey(index)] = role;
    props.onChange(next);
  };
  return (
    <section style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <Text weight="semibold">{t("import.columns", { count: props.unmapped.length })}</Text>
      <Text size={200}>{t("import.columns.hint")}</Text>
      {props.unmapped.map((u) => (
        <Field key={u.index} label={t("import.column", { header: u.header === "" ? columnKey(u.index) : u.header, reason: t(`import.unmapped.${u.reason}` as MessageKey) })}>
          <Select value={roleValue(props.mapping[columnKey(u.index)])} onChange={(_, d) => set(u.index, d.value)}>
            <option value="">{t("import.role.asRead")}</option>
            {FIELDS.map((f) => (
              <option key={f} value={f}>
                {t(`import.role.${f}`)}
              </option>
            ))}
            {leafNodes.map((n) => (
              <option key={n.code} value={`leaf:${n.code}`}>
                {t("import.role.leaf", { code: n.code, name: n.name[content] })}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <div>
        <Button disabled={props.disabled} onClick={props.onReread}>
          {t("import.reread")}
        </Button>
      </div>
    </section>
  );
}
