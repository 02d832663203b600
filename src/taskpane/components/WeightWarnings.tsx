import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import { findByCode, type Finding, type IndicatorTree } from "../model";
import { pct, useLocale } from "../locale";

/** Every weight group that does not add up to 100%, each with its own "Rescale to 100%"; other tree problems below. */
export function WeightWarnings(props: { tree: IndicatorTree; findings: Finding[]; onRescale(parentCode: string | null): void; onRescaleAll(): void }): JSX.Element {
  const { t, content } = useLocale();
  const notHundred = props.findings.filter((f) => f.code === "weights-not-100");
  const others = props.findings.filter((f) => f.code !== "weights-not-100");
  const groupName = (at: string | null): string => {
    if (at === null) return t("weights.groupTop");
    const node = findByCode(props.tree, at)?.node;
    return t("weights.groupUnder", { name: node ? `${node.code} ${node.name[content]}` : at });
  };
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 6 }}>
      {notHundred.length === 0 && others.length === 0 && (
        <MessageBar intent="success">
          <MessageBarBody>{t("weights.allGood")}</MessageBarBody>
        </MessageBar>
      )}
      {notHundred.map((f) => (
        <MessageBar key={`w-${f.at ?? ""}`} intent="warning" layout="multiline" data-testid={`weights-warning-${f.at ?? "top"}`}>
          <MessageBarBody>
            <MessageBarTitle>{t("weights.notHundredTitle")}</MessageBarTitle>{" "}
            {t("weights.notHundred", { group: groupName(f.at), sum: pct(f.sum ?? 0) })}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => props.onRescale(f.at)} aria-label={`${t("weights.rescale")}: ${groupName(f.at)}`}>
              {t("weights.rescale")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ))}
      {notHundred.length > 1 && (
        <div>
          <Button size="small" onClick={props.onRescaleAll}>{t("weights.rescaleAll")}</Button>
        </div>
      )}
      {others.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("weights.otherProblems")}</MessageBarTitle>
            {others.map((f, i) => (
              <Text key={i} block size={200}>
                {f.message[content]}
              </Text>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
