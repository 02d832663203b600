import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import type { VendorResult } from "../../core/engine";
import { useLocale } from "../locale";

/** Vendors by rank (unscored last). */
export function RankingTable(props: { vendors: VendorResult[] }): JSX.Element {
  const { t } = useLocale();
  const rows = [...props.vendors].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  return (
    <section aria-labelledby="ranking-title">
      <Text id="ranking-title" as="h2" weight="semibold" size={400} block>
        {t("check.ranking")}
      </Text>
      <Table size="small" aria-labelledby="ranking-title" style={{ tableLayout: "fixed", width: "100%" }}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: 40 }}>{t("check.col.rank")}</TableHeaderCell>
            <TableHeaderCell>{t("check.col.vendor")}</TableHeaderCell>
            <TableHeaderCell style={{ width: 56 }}>{t("check.col.score")}</TableHeaderCell>
            <TableHeaderCell style={{ width: 76 }}>{t("check.col.complete")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((v) => (
            <TableRow key={v.vendor}>
              <TableCell>{v.rank ?? t("check.noScore")}</TableCell>
              <TableCell>
                <span style={{ overflowWrap: "anywhere" }}>{v.vendor}</span>
                {!v.complete && (
                  <>
                    {" "}
                    <Badge appearance="tint" color="warning" size="small">{t("check.incomplete")}</Badge>
                  </>
                )}
              </TableCell>
              <TableCell>{v.total === null ? t("check.noScore") : v.total.toFixed(1)}</TableCell>
              <TableCell>{`${Math.round(v.completeness * 100)}%`}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
