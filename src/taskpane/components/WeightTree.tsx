import { Badge, Tree, TreeItem, TreeItemLayout, Text } from "@fluentui/react-components";
import { weightSum, type IndicatorNode } from "../model";
import { useLocale, pct } from "../locale";

const TOLERANCE = 1e-9;

/** The indicator tree: each item shows its weight; each group its children's sum, live. */
export function WeightTree(props: { roots: IndicatorNode[]; selected: string | null; onSelect(code: string): void }): JSX.Element {
  const { t } = useLocale();
  return (
    <Tree aria-label={t("weights.tree")} size="small">
      {props.roots.map((node) => (
        <WeightTreeItem key={node.code} node={node} selected={props.selected} onSelect={props.onSelect} />
      ))}
    </Tree>
  );
}

export function SumBadge(props: { nodes: IndicatorNode[] }): JSX.Element | null {
  const { t } = useLocale();
  const sum = weightSum(props.nodes);
  if (sum === null) return null;
  const ok = Math.abs(sum - 100) <= TOLERANCE;
  return (
    <Badge appearance="tint" size="small" color={ok ? "success" : "warning"}>
      {t("weights.sum", { sum: pct(sum) })}
    </Badge>
  );
}

function WeightTreeItem(props: { node: IndicatorNode; selected: string | null; onSelect(code: string): void }): JSX.Element {
  const { t, content } = useLocale();
  const { node } = props;
  const branch = node.children.length > 0;
  const weight = node.weight === null ? t("weights.equal") : `${pct(node.weight)}%`;
  const isSelected = props.selected === node.code;
  return (
    <TreeItem
      itemType={branch ? "branch" : "leaf"}
      value={node.code}
      aria-current={isSelected ? "true" : undefined}
      onClick={() => props.onSelect(node.code)}
    >
      <TreeItemLayout
        aside={
          <span style={{ display: "inline-flex", gap: 4, alignItems: "center" }}>
            <Text size={200}>{weight}</Text>
            {typeof node.minimum === "number" && (
              <Badge appearance="outline" size="small" title={t("weights.minimum")}>{`≥ ${pct(node.minimum)}`}</Badge>
            )}
            {branch && <SumBadge nodes={node.children} />}
          </span>
        }
        style={isSelected ? { fontWeight: 600, outline: "1px solid var(--colorBrandStroke1)" } : undefined}
      >
        {node.code} {node.name[content]}
      </TreeItemLayout>
      {branch && (
        <Tree>
          {node.children.map((child) => (
            <WeightTreeItem key={child.code} node={child} selected={props.selected} onSelect={props.onSelect} />
          ))}
        </Tree>
      )}
    </TreeItem>
  );
}
