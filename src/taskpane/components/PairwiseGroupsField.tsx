import { Checkbox, Text, tokens } from "@fluentui/react-components";
import { walk, type IndicatorTree } from "../model";
import { pairwiseGroups } from "../pairwiseGroups";
import { useLocale } from "../locale";

/** New tab: the sibling groups to add a Pairwise (AHP) sheet for; none ticked = no sheet (a re-create keeps the workbook's). */
export function PairwiseGroupsField(props: { tree: IndicatorTree; value: (string | null)[]; disabled: boolean; onChange(groups: (string | null)[]): void }): JSX.Element {
  const { tree, value, disabled, onChange } = props;
  const { t, content } = useLocale();
  const nameOf = new Map<string, string>();
  walk(tree, ({ node }) => void nameOf.set(node.code, `${node.code} ${node.name[content]}`));
  const groups = pairwiseGroups(tree);
  const ticked = new Set(value.map((p) => p ?? ""));
  // A fieldset, not a Field: a Field hands its one id and label to every checkbox inside it.
  return (
    <fieldset role="group" aria-label={t("new.pairwise")} aria-describedby="pairwise-groups-hint" style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
      <legend style={{ padding: 0 }}>
        <Text weight="semibold">{t("new.pairwise")}</Text>
      </legend>
      <div style={{ display: "flex", flexWrap: "wrap", columnGap: 8 }}>
        {groups.map(({ parent }) => (
          <Checkbox
            key={parent ?? ""}
            disabled={disabled}
            label={parent === null ? t("new.pairwise.top") : nameOf.get(parent)}
            checked={ticked.has(parent ?? "")}
            onChange={(_, d) => onChange(groups.map((g) => g.parent).filter((p) => (p === parent ? d.checked === true : ticked.has(p ?? ""))))}
          />
        ))}
      </div>
      <Text id="pairwise-groups-hint" size={200} style={{ color: tokens.colorNeutralForeground3 }}>{t("new.pairwise.hint")}</Text>
    </fieldset>
  );
}
