import { Link, Text } from "@fluentui/react-components";
import { findByCode, type IndicatorTree } from "../model";
import { pct, useLocale } from "../locale";
import type { WorkbookProblem } from "../../port";

const SHOWN = 50;

/** Problems found in the workbook; each one a link that selects its cell. */
export function ProblemList(props: { tree: IndicatorTree; problems: WorkbookProblem[]; onSelect(problem: WorkbookProblem): void }): JSX.Element {
  const { t, content } = useLocale();
  const { problems, tree } = props;
  const indicator = (code: string | null | undefined): string => {
    if (code === null || code === undefined) return "";
    const node = findByCode(tree, code)?.node;
    return node ? `${node.code} ${node.name[content]}` : code;
  };
  const text = (p: WorkbookProblem): string => {
    if (p.kind === "weights-not-100") {
      const group = p.code === null || p.code === undefined ? t("weights.groupTop") : t("weights.groupUnder", { name: indicator(p.code) });
      return t("problem.weights-not-100", { group, sum: pct(p.sum ?? 0) });
    }
    const who = [p.vendor, p.rater].filter(Boolean).join(" / ");
    if (p.kind === "gate-failed" || p.kind === "gate-unrated") {
      // A gate on the total has no indicator code.
      const what = p.code === null || p.code === undefined ? t("award.total") : indicator(p.code);
      return t(`problem.${p.kind}`, { who, indicator: what, value: p.value ?? "", minimum: String(p.minimum ?? "") });
    }
    return t(`problem.${p.kind}`, { who, indicator: indicator(p.code), value: p.value ?? "" });
  };
  const shown = problems.slice(0, SHOWN);
  return (
    <section aria-labelledby="problems-title">
      <Text id="problems-title" as="h2" weight="semibold" size={400} block>
        {t("check.problems", { count: problems.length })}
      </Text>
      {problems.length > SHOWN && <Text size={200} block>{t("check.problemsShown", { shown: SHOWN, count: problems.length })}</Text>}
      <CellLinks items={shown.map((p, i) => ({ key: `${p.kind}-${i}`, sheet: p.sheet, address: p.address, label: text(p) }))} onSelect={(i) => props.onSelect(shown[i])} />
    </section>
  );
}

/** A list of links that each select their cell, the cell named beside it. */
export function CellLinks(props: { items: { key: string; sheet: string; address: string; label: string }[]; onSelect(index: number): void }): JSX.Element {
  const { t } = useLocale();
  return (
    <ul style={{ margin: "4px 0", padding: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: 6 }}>
      {props.items.map((x, i) => {
        const cell = `${x.sheet}!${x.address}`;
        return (
          <li key={`${cell}-${x.key}`}>
            <Link as="button" onClick={() => props.onSelect(i)} title={t("check.goTo", { cell })} style={{ textAlign: "start" }}>
              {x.label}
            </Link>{" "}
            <Text size={200}>({cell})</Text>
          </li>
        );
      })}
    </ul>
  );
}
