import { Badge, MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import type { VendorResult } from "../../core/engine";
import type { AwardVendor, SnapshotAward } from "../../port";
import { pct, useLocale } from "../locale";

const fig = (x: number | null | undefined, none: string): string => (x === null || x === undefined ? none : x.toFixed(1));

/**
 * Vendors by rank (unscored last). With the award decision (issue #11): eligible vendors by their
 * rank among eligible ones, with quality, grade and — with a Price sheet — price and overall
 * scores; the vendors not eligible are listed below with their reasons.
 */
export function RankingTable(props: { vendors: VendorResult[]; award?: SnapshotAward }): JSX.Element {
  const { t, content } = useLocale();
  const { award } = props;
  const byVendor = new Map(props.vendors.map((v) => [v.vendor, v]));
  const decided = new Map((award?.vendors ?? []).map((a) => [a.vendor, a]));
  const price = award?.price;
  const rows = award
    ? props.vendors.filter((v) => decided.get(v.vendor)?.eligible).sort((a, b) => (decided.get(a.vendor)?.rank ?? Infinity) - (decided.get(b.vendor)?.rank ?? Infinity))
    : [...props.vendors].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  const others: AwardVendor[] = award ? award.vendors.filter((a) => !a.eligible) : [];
  const none = t("check.noScore");
  return (
    <section aria-labelledby="ranking-title">
      <Text id="ranking-title" as="h2" weight="semibold" size={400} block>
        {t("check.ranking")}
      </Text>
      {price && (
        <Text size={200} block>
          {t("award.priceSummary", { weight: pct(price.weight), method: t(`new.method.${price.method}`), lowest: award?.lowest === null || award?.lowest === undefined ? none : award.lowest.toLocaleString() })}
        </Text>
      )}
      {award && award.priceGuidance !== "none" && (
        <MessageBar intent="info">
          <MessageBarBody>{t(`award.guidance.${award.priceGuidance}`)}</MessageBarBody>
        </MessageBar>
      )}
      <Table size="small" aria-labelledby="ranking-title" style={{ tableLayout: "fixed", width: "100%" }}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: 40 }}>{t("check.col.rank")}</TableHeaderCell>
            <TableHeaderCell>{t("check.col.vendor")}</TableHeaderCell>
            <TableHeaderCell style={{ width: price ? 52 : 56 }}>{price ? t("check.col.quality") : t("check.col.score")}</TableHeaderCell>
            {price ? (
              <>
                <TableHeaderCell style={{ width: 46 }}>{t("check.col.price")}</TableHeaderCell>
                <TableHeaderCell style={{ width: 54 }}>{t("check.col.overall")}</TableHeaderCell>
              </>
            ) : (
              <TableHeaderCell style={{ width: 76 }}>{t("check.col.complete")}</TableHeaderCell>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((v) => {
            const a = decided.get(v.vendor);
            return (
              <TableRow key={v.vendor}>
                <TableCell>{(award ? a?.rank : v.rank) ?? none}</TableCell>
                <TableCell>
                  <span style={{ overflowWrap: "anywhere" }}>{v.vendor}</span>
                  {a?.grade && (
                    <>
                      {" "}
                      <Badge appearance="outline" size="small" title={t("check.col.grade")}>{a.grade.label[content]}</Badge>
                    </>
                  )}
                  {a?.lowBid && (
                    <>
                      {" "}
                      <Badge appearance="tint" color="danger" size="small">{t("award.lowBid")}</Badge>
                    </>
                  )}
                  {!v.complete && (
                    <>
                      {" "}
                      <Badge appearance="tint" color="warning" size="small">{t("check.incomplete")}</Badge>
                    </>
                  )}
                </TableCell>
                <TableCell>{fig(v.total, none)}</TableCell>
                {price ? (
                  <>
                    <TableCell>{fig(a?.priceScore, none)}</TableCell>
                    <TableCell>{fig(a?.overall, none)}</TableCell>
                  </>
                ) : (
                  <TableCell>{`${Math.round(v.completeness * 100)}%`}</TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {others.length > 0 && (
        <section aria-labelledby="ineligible-title" style={{ marginTop: 8 }}>
          <Text id="ineligible-title" as="h3" weight="semibold" size={300} block>
            {t("award.ineligible", { count: others.length })}
          </Text>
          <Text size={200} block>{t("award.ineligibleHint")}</Text>
          <ul style={{ margin: "4px 0", paddingInlineStart: 18 }}>
            {others.map((a) => (
              <li key={a.vendor}>
                <span style={{ overflowWrap: "anywhere" }}>{a.vendor}</span>{" "}
                <Badge appearance="tint" color={a.status === "failed" ? "danger" : "warning"} size="small">{t(`award.status.${a.status}`)}</Badge>
                {a.grade && <Text size={200}> {`${fig(byVendor.get(a.vendor)?.total, none)} · ${a.grade.label[content]}`}</Text>}
                {a.gates.length > 0 && (
                  <Text size={200} block>
                    {a.gates.map((g) => g.reason[content]).join("; ")}
                  </Text>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
