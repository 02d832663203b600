import { useState } from "react";
import { Checkbox, Field, Input, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { findByCode } from "../model";
import { useLocale } from "../locale";
import type { WorkbookSnapshot } from "../../port";
import { unreasonedRatings, type UnreasonedRating } from "../reasonCheck";
import { parseMinimum } from "./MinimumField";
import { CellLinks } from "./ProblemList";

const SHOWN = 50;
const DEFAULT_BELOW = 60;
const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Check & score: ratings without a reason (issue #14), each a link that selects its notes cell.
 * Every one on request; by default those below a threshold or with a panel spread above the
 * workbook's spread threshold.
 */
export function ReasonList(props: { snapshot: WorkbookSnapshot; onSelect(at: { sheet: string; address: string }): void }): JSX.Element {
  const { t, content } = useLocale();
  const { snapshot } = props;
  const [all, setAll] = useState(false);
  const [flagged, setFlagged] = useState(true);
  const [text, setText] = useState(String(DEFAULT_BELOW));
  const [below, setBelow] = useState(DEFAULT_BELOW);
  const parsed = parseMinimum(text);
  const panel = snapshot.raters.length > 0;
  const spread = panel ? (snapshot.spreadThreshold ?? null) : null;

  if (!snapshot.notesGrid) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t("reasons.noGrid")}</MessageBarBody>
      </MessageBar>
    );
  }
  const items = unreasonedRatings(snapshot, { all, flagged, below, spread });
  const indicator = (code: string): string => {
    const node = findByCode(snapshot.tree, code)?.node;
    return node ? `${node.code} ${node.name[content]}` : code;
  };
  const label = (x: UnreasonedRating): string => {
    const vars = { vendor: x.vendor, indicator: indicator(x.code), value: String(x.value), rater: x.rater ?? "" };
    const what = t(x.rater !== undefined ? "reasons.itemPanel" : "reasons.item", vars);
    const why = x.why.map((w) => (w === "low" ? t("reasons.why.low", { below }) : t("reasons.why.spread", { spread: round2(x.cellSpread ?? 0), threshold: spread ?? "" })));
    return why.length > 0 ? t("reasons.withWhy", { item: what, why: why.join(t("reasons.why.sep")) }) : what;
  };
  const flaggedLabel = !panel ? t("reasons.flagged") : spread === null ? t("reasons.flaggedNoSpread") : t("reasons.flaggedPanel", { spread });
  const shown = items.slice(0, SHOWN);
  return (
    <section aria-labelledby="reasons-title" style={{ display: "flex", flexDirection: "column", gap: 4, minWidth: 0 }}>
      <Text id="reasons-title" as="h2" weight="semibold" size={400} block>
        {t("reasons.title", { count: items.length })}
      </Text>
      <Checkbox checked={all} onChange={(_, d) => setAll(d.checked === true)} label={t("reasons.all")} />
      <Checkbox checked={flagged} onChange={(_, d) => setFlagged(d.checked === true)} label={flaggedLabel} />
      <Field
        label={t("reasons.threshold")}
        style={{ marginInlineStart: 32, maxWidth: 160 }}
        validationState={typeof parsed === "number" ? "none" : "error"}
        validationMessage={typeof parsed === "number" ? undefined : t("reasons.thresholdInvalid")}
      >
        <Input
          inputMode="decimal"
          value={text}
          disabled={!flagged}
          onChange={(_, d) => {
            setText(d.value);
            const n = parseMinimum(d.value);
            if (typeof n === "number") setBelow(n);
          }}
        />
      </Field>
      {(all || flagged) && items.length === 0 && <Text>{t("reasons.none")}</Text>}
      {shown.length > 0 && <CellLinks items={shown.map((x) => ({ key: "", sheet: x.sheet, address: x.address, label: label(x) }))} onSelect={(i) => props.onSelect(shown[i])} />}
      {items.length > SHOWN && <Text size={200}>{t("reasons.more", { count: items.length - SHOWN })}</Text>}
    </section>
  );
}
