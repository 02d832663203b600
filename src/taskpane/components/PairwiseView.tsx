/**
 * Weights → "Compare in pairs" (issue #13): one control per pair of a sibling group (which is
 * more important, and how many times: Saaty's 1–9, typed "3", "1/3" or "0.333" accepted), the
 * weights and CR computed here with src/core/ahp as the judgements change, the judgement to
 * revisit when CR > 0.10, and "Use these weights" (preview → write → undo from the Import tab).
 * The Pairwise sheet's judgements can be read back too: each rater's and the group's weights with
 * the consensus. Loaded as its own chunk (with the AHP core) when first opened.
 */
import { useMemo, useState } from "react";
import { Button, Field, Input, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Select, Text } from "@fluentui/react-components";
import { analyse, judgementText, MAX_GROUP, MIN_GROUP, pairsOf, parseJudgement, type AhpResult } from "../../core/ahp";
import type { IndicatorNode } from "../model";
import { useTask } from "../hooks";
import { pct, useLocale } from "../locale";
import type { PairwiseGroupRead, PairwiseReading, WorkbookPort } from "../../port";
import type { FeatureReasons } from "./featureReasons";
import { ErrorMessage } from "./ErrorMessage";
import { TaskProgress } from "./TaskProgress";
import { UseGroupWeights } from "./UseGroupWeights";

export interface PairwiseViewProps {
  port: WorkbookPort;
  /** Parent code of the group; null = the dimensions. */
  parent: string | null;
  /** The group's label ("Dimension weights", "Weights under “2 Technology”"). */
  groupLabel: string;
  members: IndicatorNode[];
  reasons: FeatureReasons;
  onClose(): void;
  /** After "Use these weights" wrote the workbook: the percentages written, by code. */
  onApplied(weights: Record<string, number>): void;
}

/** One pair's control: which one is favoured, and the intensity as typed. */
interface PairInput {
  favour: "a" | "b";
  text: string;
}

const column = { display: "flex", flexDirection: "column", gap: 8 } as const;
const table = { borderCollapse: "collapse", width: "100%" } as const;
const cellStyle = { padding: "2px 4px", textAlign: "left", verticalAlign: "top" } as const;
const num = { ...cellStyle, textAlign: "right", whiteSpace: "nowrap" } as const;
const fig = (x: number, digits = 3): string => x.toFixed(digits);
const percent = (share: number): string => `${pct(share * 100)}%`;

/** The pair's judgement "a over b", or the reason it cannot be read (null = blank). */
function valueOf(p: PairInput): { value: number } | { error: ReturnType<typeof parseJudgement> } | null {
  if (p.text.trim() === "") return null;
  const parsed = parseJudgement(p.text);
  if (!parsed.ok) return { error: parsed };
  return { value: p.favour === "a" ? parsed.value : 1 / parsed.value };
}

export function PairwiseView(props: PairwiseViewProps): JSX.Element {
  const { members, groupLabel, port, parent, reasons } = props;
  const { t, content } = useLocale();
  const n = members.length;
  const pairs = useMemo(() => (n >= MIN_GROUP && n <= MAX_GROUP ? pairsOf(n) : []), [n]);
  const [inputs, setInputs] = useState<PairInput[]>(() => pairs.map(() => ({ favour: "a", text: "" })));
  const name = (node: IndicatorNode): string => `${node.code} ${node.name[content]}`;

  const read = inputs.map(valueOf);
  const done = read.filter((r) => r !== null && "value" in r).length;
  // At most 45 pairs of 10 criteria: recomputed on every change, in well under a millisecond.
  const result: AhpResult | null = pairs.length === 0 || done < pairs.length ? null : analyse(n, pairs.map(([a, b], i) => ({ a, b, value: (read[i] as { value: number }).value })));

  const set = (i: number, patch: Partial<PairInput>): void => setInputs((all) => all.map((p, k) => (k === i ? { ...p, ...patch } : p)));

  if (n < MIN_GROUP || n > MAX_GROUP) {
    return (
      <section aria-label={t("pairwise.title", { group: groupLabel })} style={column}>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {n < MIN_GROUP ? t("pairwise.tooFew", { group: groupLabel, count: n }) : t("pairwise.tooMany", { group: groupLabel, count: n, pairs: (n * (n - 1)) / 2 })}
          </MessageBarBody>
        </MessageBar>
        <div>
          <Button size="small" onClick={props.onClose}>{t("pairwise.close")}</Button>
        </div>
      </section>
    );
  }

  const worst = result?.worst ?? null;
  const shares = result ? Object.fromEntries(members.map((m, i) => [m.code, result.weights[i]])) : null;
  const nowTotal = members.reduce((s, m) => s + (m.weight ?? 0), 0);

  return (
    <section aria-label={t("pairwise.title", { group: groupLabel })} style={column}>
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", gap: 8 }}>
        <Text as="h2" weight="semibold" size={400} style={{ margin: 0 }}>{t("pairwise.title", { group: groupLabel })}</Text>
        <Button size="small" onClick={props.onClose}>{t("pairwise.close")}</Button>
      </div>
      <Text size={200}>{t("pairwise.intro")}</Text>
      <datalist id="saaty-scale">
        {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => <option key={k} value={k} />)}
      </datalist>
      {pairs.map(([a, b], i) => {
        const A = name(members[a]);
        const B = name(members[b]);
        const r = read[i];
        const error = r !== null && "error" in r && !r.error.ok ? r.error.message[content] : undefined;
        return (
          <div key={`${a}-${b}`} role="group" aria-label={t("pairwise.pair", { a: A, b: B })} style={{ display: "flex", flexWrap: "wrap", gap: 6, alignItems: "flex-end" }}>
            {/* Seen, not read twice: the select shows only the favoured one, so the pair is named above it (the group's label says it to a screen reader). */}
            <Text size={200} aria-hidden style={{ flex: "1 1 100%" }}>{t("pairwise.pair", { a: A, b: B })}</Text>
            <Select
              aria-label={t("pairwise.more", { a: A, b: B })}
              value={inputs[i].favour}
              onChange={(_, d) => set(i, { favour: d.value as "a" | "b" })}
              root={{ style: { minWidth: 0, flex: "1 1 140px" } }}
              select={{ style: { minWidth: 0, textOverflow: "ellipsis" } }}
            >
              <option value="a">{A}</option>
              <option value="b">{B}</option>
            </Select>
            <Field validationState={error ? "error" : "none"} validationMessage={error} style={{ flex: "0 0 84px" }}>
              <Input
                aria-label={t("pairwise.howMuch", { a: A, b: B })}
                list="saaty-scale"
                inputMode="decimal"
                value={inputs[i].text}
                onChange={(_, d) => set(i, { text: d.value })}
                style={{ minWidth: 0, width: "100%" }}
              />
            </Field>
          </div>
        );
      })}
      <Text size={200} role="status">{t("pairwise.progress", { done, total: pairs.length })}</Text>
      {result && shares && (
        <>
          <Text weight="semibold">{t("pairwise.weights")}</Text>
          <table style={table} aria-label={t("pairwise.weights")}>
            <thead>
              <tr>
                <th style={cellStyle}>{t("pairwise.colIndicator")}</th>
                <th style={num}>{t("pairwise.colAhp")}</th>
                <th style={num}>{t("pairwise.colNow")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.code}>
                  <td style={cellStyle}>{name(m)}</td>
                  <td style={num}>{percent(shares[m.code])}</td>
                  <td style={num}>{nowTotal > 0 && m.weight !== null ? percent(m.weight / nowTotal) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Text size={200} data-testid="pairwise-cr">{t("pairwise.cr", { cr: fig(result.cr), lambda: fig(result.lambdaMax), ci: fig(result.ci) })}</Text>
          {result.consistent ? (
            <MessageBar intent="success">
              <MessageBarBody>{t("pairwise.consistent")}</MessageBarBody>
            </MessageBar>
          ) : (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t("pairwise.inconsistent", { cr: fig(result.cr) })}</MessageBarTitle>
                {worst && t("pairwise.revisit", { a: name(members[worst.a]), b: name(members[worst.b]), judged: judgementText(worst.judged), suggested: judgementText(worst.suggested), crIfChanged: fig(worst.crIfChanged) })}
              </MessageBarBody>
              {worst && (
                <MessageBarActions>
                  <Link as="button" onClick={() => {
                    const i = pairs.findIndex(([a, b]) => a === worst.a && b === worst.b);
                    const s = worst.suggested;
                    set(i, s >= 1 ? { favour: "a", text: judgementText(s) } : { favour: "b", text: judgementText(1 / s) });
                  }}>
                    {t("pairwise.useSuggestion")}
                  </Link>
                </MessageBarActions>
              )}
            </MessageBar>
          )}
        </>
      )}
      <UseGroupWeights port={port} parent={parent} shares={shares} source={t("pairwise.source")} reasons={reasons} onApplied={props.onApplied} />
      <SheetReading port={port} parent={parent} groupLabel={groupLabel} members={members} reasons={reasons} onApplied={props.onApplied} />
    </section>
  );
}

/** The Pairwise sheet read back: each rater's weights and CR, the group's, and the consensus. */
function SheetReading(props: { port: WorkbookPort; parent: string | null; groupLabel: string; members: IndicatorNode[]; reasons: FeatureReasons; onApplied(w: Record<string, number>): void }): JSX.Element {
  const { port, parent, members, reasons } = props;
  const { t, content } = useLocale();
  const task = useTask<PairwiseReading | null>();
  const group: PairwiseGroupRead | undefined = task.result?.groups.find((g) => g.parent === parent);
  const level = (s: number): string => t(s < 0.65 ? "pairwise.consensus.low" : s <= 0.75 ? "pairwise.consensus.moderate" : "pairwise.consensus.high");
  const codes = group?.codes ?? [];
  const label = (code: string): string => {
    const m = members.find((x) => x.code === code);
    return m ? `${m.code} ${m.name[content]}` : code;
  };
  return (
    <div style={column}>
      <div>
        <Button size="small" disabled={task.status === "running" || reasons.readPairwise !== null} onClick={() => void task.run((o) => port.readPairwise(o))}>
          {t("pairwise.readSheet")}
        </Button>
      </div>
      {task.status === "running" && <TaskProgress title={t("pairwise.reading")} fraction={task.fraction} step={task.step} onCancel={task.cancel} />}
      {task.status === "error" && <ErrorMessage error={task.error} onDismiss={task.reset} />}
      {task.status === "done" && !group && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("pairwise.noSheet", { group: props.groupLabel })}</MessageBarBody>
        </MessageBar>
      )}
      {task.status === "done" && group && (
        <section aria-label={t("pairwise.sheetTitle")} style={column}>
          <Text weight="semibold">{t("pairwise.sheetTitle")}</Text>
          <div style={{ overflowX: "auto" }}>
            <table style={table}>
              <thead>
                <tr>
                  <th style={cellStyle} />
                  {codes.map((c) => <th key={c} style={num} title={label(c)}>{c}</th>)}
                  <th style={num}>CR</th>
                </tr>
              </thead>
              <tbody>
                {group.raters.map((r, k) => (
                  <tr key={r.rater ?? k}>
                    <th scope="row" style={cellStyle}>{r.rater ?? t("pairwise.single")}</th>
                    {r.result
                      ? codes.map((c) => <td key={c} style={num}>{percent(r.result?.weights[c] ?? 0)}</td>)
                      : <td style={cellStyle} colSpan={codes.length}>{t("pairwise.raterIncomplete", { done: r.judgements.filter((j) => j.value !== null).length, total: r.judgements.length })}</td>}
                    <td style={num}>{r.result ? fig(r.result.cr) : ""}</td>
                  </tr>
                ))}
                {group.raters.length > 1 && group.group && (
                  <tr>
                    <th scope="row" style={cellStyle}>{t("pairwise.groupRow")}</th>
                    {codes.map((c) => <td key={c} style={num}>{percent(group.group?.weights[c] ?? 0)}</td>)}
                    <td style={num}>{fig(group.group.cr)}</td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          {group.consensus !== null && <Text size={200}>{t("pairwise.consensus", { value: pct(group.consensus * 100), level: level(group.consensus), count: group.ratersCounted })}</Text>}
          {group.group === null && <Text size={200}>{t("pairwise.groupNotComplete")}</Text>}
          {group.group && group.group.revisit && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t("pairwise.inconsistent", { cr: fig(group.group.cr) })}</MessageBarTitle>
                {t("pairwise.revisit", { a: label(group.group.revisit.a), b: label(group.group.revisit.b), judged: judgementText(group.group.revisit.judged), suggested: judgementText(group.group.revisit.suggested), crIfChanged: fig(group.group.revisit.crIfChanged) })}
              </MessageBarBody>
            </MessageBar>
          )}
          <UseGroupWeights port={port} parent={parent} shares={group.group?.weights ?? null} source={t("pairwise.sheetSource")} label={t("pairwise.useGroup")} reasons={reasons} onApplied={props.onApplied} />
        </section>
      )}
    </div>
  );
}
