/**
 * Weights → "Maturity self-assessment" (issue #16): the Maturity sheets' marks read back and
 * assessed (port.readMaturity → src/core/maturity's assessMaturity): per scenario the current
 * stage with its spread and peers, the target stage with its platform needs and team, and a
 * suggestion — never applied by itself — to emphasise the indicators the product maps to the way
 * there, each selectable in the weight tree. Loaded as its own chunk when first opened.
 */
import { useEffect, useState } from "react";
import { Button, Link, MessageBar, MessageBarBody, MessageBarTitle, Select, Text, tokens } from "@fluentui/react-components";
import { useTask } from "../hooks";
import { useLocale } from "../locale";
import type { MaturityMarkRead, MaturityReading, MaturityScenarioRead, WorkbookPort } from "../../port";
import type { FeatureReasons } from "./featureReasons";
import { ErrorMessage } from "./ErrorMessage";
import { FeatureNote } from "./FeatureNote";
import { TaskProgress } from "./TaskProgress";

export interface MaturityViewProps {
  port: WorkbookPort;
  reasons: FeatureReasons;
  /** Selects an indicator in the weight tree (the suggestion's codes). */
  onSelect(code: string): void;
  onClose(): void;
}

const column = { display: "flex", flexDirection: "column", gap: 8 } as const;
const table = { borderCollapse: "collapse", width: "100%", tableLayout: "fixed" } as const;
const cellStyle = { padding: "2px 4px", textAlign: "left", verticalAlign: "top", overflowWrap: "anywhere" } as const;
const muted = { color: tokens.colorNeutralForeground3 } as const;

export function MaturityView(props: MaturityViewProps): JSX.Element {
  const { port, reasons } = props;
  const { t } = useLocale();
  const task = useTask<MaturityReading | null>();
  const blocked = reasons.readMaturity;
  const { run } = task;
  useEffect(() => {
    if (blocked === null) void run((o) => port.readMaturity(o));
  }, [port, run, blocked]);

  return (
    <section aria-label={t("maturity.title")} style={column}>
      <Text weight="semibold">{t("maturity.title")}</Text>
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button size="small" disabled={task.status === "running" || blocked !== null} aria-describedby={blocked ? "maturity-note" : undefined} onClick={() => void run((o) => port.readMaturity(o))}>
          {t("maturity.read")}
        </Button>
        <Button size="small" onClick={props.onClose}>{t("maturity.close")}</Button>
        <FeatureNote id="maturity-note" reason={blocked} />
      </div>
      {task.status === "running" && <TaskProgress title={t("maturity.reading")} fraction={task.fraction} step={task.step} onCancel={task.cancel} />}
      {task.status === "error" && <ErrorMessage error={task.error} onDismiss={task.reset} />}
      {task.status === "done" && task.result === null && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("maturity.none")}</MessageBarBody>
        </MessageBar>
      )}
      {task.status === "done" && task.result !== null && (
        <>
          {task.result.missing.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t("maturity.missing", { scenarios: task.result.missing.join(", ") })}</MessageBarBody>
            </MessageBar>
          )}
          {task.result.scenarios.map((s) => (
            <ScenarioResult key={`${s.scenario}:${JSON.stringify([s.today.map((m) => m.typed), s.aim.map((m) => m.typed)])}`} read={s} onSelect={props.onSelect} blocked={reasons.writeMaturityMarks} onSave={(today, aim) => void run(async (o) => { await port.writeMaturityMarks({ scenario: s.scenario, today, aim }, o); return port.readMaturity(o); })} />
          ))}
        </>
      )}
    </section>
  );
}

/** The Select's value of a mark: its stage, "" when blank, "typed" for a mark that is not a stage (shown as typed until saved). */
const valueOf = (m: MaturityMarkRead): string => (m.stage !== null ? String(m.stage) : m.typed === null ? "" : "typed");

function ScenarioResult(props: { read: MaturityScenarioRead; blocked: string | null; onSelect(code: string): void; onSave(today: (number | null)[], aim: (number | null)[]): void }): JSX.Element {
  const { read } = props;
  const { t, content } = useLocale();
  const [today, setToday] = useState(() => read.today.map(valueOf));
  const [aim, setAim] = useState(() => read.aim.map(valueOf));
  const stageOf = (v: string): number | null => (v === "" || v === "typed" ? null : Number(v));
  const picker = (m: MaturityMarkRead, label: string, value: string, set: (v: string) => void): JSX.Element => (
    <>
      <Select size="small" value={value} onChange={(_, d) => set(d.value)} aria-label={label}>
        <option value="">{t("maturity.notMarked")}</option>
        {valueOf(m) === "typed" && <option value="typed">{String(m.typed)}</option>}
        {read.stages.map((st, k) => (
          <option key={k} value={String(k + 1)}>{st.name[content]}</option>
        ))}
      </Select>
      {valueOf(m) === "typed" && (
        <Text size={200} style={{ color: tokens.colorPaletteRedForeground1 }}>
          {t("maturity.notAStage", { typed: String(m.typed) })} {t("maturity.replaced")}
        </Text>
      )}
    </>
  );
  const a = read.assessment;
  const stage = (k: number | null): string => (k === null ? "—" : t("maturity.stage", { n: k, name: read.stages[k - 1]?.name[content] ?? "" }));
  const heading = `${read.name[content]} — ${read.sheet}`;
  return (
    <section aria-label={heading} style={{ ...column, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: 6 }}>
      <Text weight="semibold">{heading}</Text>
      <table style={table} aria-label={t("maturity.marks")}>
        <thead>
          <tr>
            <th style={{ ...cellStyle, width: "40%", overflowWrap: "normal" }}>{t("maturity.characteristic")}</th>
            <th style={cellStyle}>{t("maturity.today")}</th>
            <th style={cellStyle}>{t("maturity.aim")}</th>
          </tr>
        </thead>
        <tbody>
          {read.today.map((m, i) => (
            <tr key={m.characteristic}>
              <td style={cellStyle}>{m.name[content]}</td>
              <td style={cellStyle}>{picker(m, `${m.name[content]} — ${t("maturity.today")}`, today[i], (v) => setToday(today.map((x, j) => (j === i ? v : x))))}</td>
              <td style={cellStyle}>{read.aim[i] ? picker(read.aim[i], `${m.name[content]} — ${t("maturity.aim")}`, aim[i], (v) => setAim(aim.map((x, j) => (j === i ? v : x)))) : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button size="small" appearance="primary" disabled={props.blocked !== null} onClick={() => props.onSave(today.map(stageOf), aim.map(stageOf))}>
          {t("maturity.save")}
        </Button>
      </div>
      <Text>{t("maturity.current", { stage: stage(a.current), marked: a.markedToday, of: read.today.length })}</Text>
      {a.peersAtOrBelow !== null && <Text size={200}>{t("maturity.peersBelow", { share: a.peersAtOrBelow })}</Text>}
      {a.spread !== null && a.spread >= 2 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("maturity.spreadWide", { spread: a.spread })}</MessageBarBody>
        </MessageBar>
      )}
      <Text>{t("maturity.target", { stage: stage(a.target), marked: a.markedAim, of: read.aim.length })}</Text>
      {a.peersAtOrAboveTarget !== null && <Text size={200}>{t("maturity.peersAbove", { share: a.peersAtOrAboveTarget })}</Text>}
      {a.requirements && (
        <dl style={{ margin: 0 }}>
          <dt><Text weight="semibold" size={200}>{t("maturity.platform")}</Text></dt>
          <dd style={{ margin: "0 0 4px 0" }}><Text size={200}>{a.requirements.platform[content]}</Text></dd>
          <dt><Text weight="semibold" size={200}>{t("maturity.team")}</Text></dt>
          <dd style={{ margin: 0 }}><Text size={200}>{a.requirements.team[content]}</Text></dd>
        </dl>
      )}
      {a.target === null && <Text size={200} style={muted}>{t("maturity.noTarget")}</Text>}
      {a.indicators.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("maturity.suggest")}</MessageBarTitle> {t("maturity.suggestNote", { from: stage(a.current), to: stage(a.target) })}
            <ul aria-label={t("maturity.suggest")} style={{ margin: "4px 0 0 0", paddingLeft: 18 }}>
              {a.indicators.map((code) => {
                const name = read.indicatorNames[code];
                return (
                  <li key={code}>
                    {name ? (
                      <Link as="button" onClick={() => props.onSelect(code)}>{`${code} ${name[content]}`}</Link>
                    ) : (
                      <Text size={200}>{t("maturity.notInTree", { code })}</Text>
                    )}
                  </li>
                );
              })}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
