import { Text } from "@fluentui/react-components";
import type { Aggregation } from "../../core/engine";
import { useLocale } from "../locale";
import type { PanelStats } from "../panelStats";

const list = { margin: "4px 0", paddingInlineStart: 18 } as const;

/** Raters per vendor, Kendall's W (with the raters and vendors it counts) and the consensus count. */
export function PanelStatsView(props: { stats: PanelStats; aggregate: Aggregation; consensus: number }): JSX.Element {
  const { stats } = props;
  const { t, content } = useLocale();
  const { agreement } = stats;
  const counted = { raters: agreement.raters, vendors: stats.vendors.length };
  const enough = agreement.raters >= 2 && stats.vendors.length >= 2;
  const w = agreement.w === null ? null : agreement.w.toLocaleString(content, { maximumFractionDigits: 3 });
  return (
    <section aria-labelledby="panel-stats-title" style={{ display: "flex", flexDirection: "column", gap: 6 }}>
      <Text id="panel-stats-title" as="h2" weight="semibold" size={400} block>
        {t("panel.stats.title")}
      </Text>
      <Text block>{t("panel.stats.aggregate", { method: t(`aggregate.${props.aggregate}`) })}</Text>
      <Text block data-testid="kendall-w">
        {w !== null ? t("panel.stats.w", { w, ...counted }) : enough ? t("panel.stats.wTies", counted) : t("panel.stats.wNeeds", counted)}
      </Text>
      <Text size={200} block>{t("panel.stats.wHint")}</Text>
      <Text weight="semibold" block>{t("panel.stats.perVendor")}</Text>
      <ul style={list}>
        {stats.perVendor.map((v) => (
          <li key={v.vendor}>
            <Text>{t("panel.stats.vendorRaters", { vendor: v.vendor, count: v.raters, total: stats.raters.length })}</Text>
          </li>
        ))}
      </ul>
      <Text block>{t("panel.stats.consensus", { count: props.consensus })}</Text>
    </section>
  );
}
