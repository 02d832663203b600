/**
 * Weights → "What if…" (issue #12): a slider per dimension (its weight as a share of the
 * dimensions; moving one rescales the others in proportion, as the core's flip points do), the
 * ranking re-scored live in the pane with the engine (and the award decision when the workbook has
 * one), each dimension's flip point at these weights, rank acceptability on request (10,000 seeded
 * samples ±20 %), and "Apply these weights" (preview → write → undo from the Import tab). Nothing is
 * written before Apply. Loaded as its own chunk (with the engine and the sensitivity core).
 */
import { useEffect, useMemo, useState } from "react";
import { Button, Field, MessageBar, MessageBarBody, Slider, Text } from "@fluentui/react-components";
import { DEFAULT_SAMPLES, DEFAULT_SEED, DEFAULT_SPREAD, type Acceptability } from "../../core/sensitivity";
import { useTask } from "../hooks";
import { pct, useLocale } from "../locale";
import type { WorkbookPort, WorkbookSnapshot } from "../../port";
import { acceptabilityAt, evaluateWhatIf, moveShare, whatIfBase, type WhatIfBase, type WhatIfState } from "../whatIf";
import type { FeatureReasons } from "./featureReasons";
import { ErrorMessage } from "./ErrorMessage";
import { FeatureNote } from "./FeatureNote";
import { TaskProgress } from "./TaskProgress";
import { UseGroupWeights } from "./UseGroupWeights";

export interface WhatIfViewProps {
  port: WorkbookPort;
  reasons: FeatureReasons;
  onClose(): void;
  /** After "Apply these weights" wrote the workbook: the percentages written, by code. */
  onApplied(weights: Record<string, number>): void;
}

const column = { display: "flex", flexDirection: "column", gap: 8 } as const;
const table = { borderCollapse: "collapse", width: "100%" } as const;
const cellStyle = { padding: "2px 4px", textAlign: "left", verticalAlign: "top" } as const;
const num = { ...cellStyle, textAlign: "right", whiteSpace: "nowrap" } as const;
/** A fraction as a percentage with one decimal ("42.5"). */
const percent = (x: number): string => pct(x * 100);

export function WhatIfView(props: WhatIfViewProps): JSX.Element {
  const { port, reasons } = props;
  const { t } = useLocale();
  const read = useTask<WorkbookSnapshot | null>();
  const { run } = read;
  useEffect(() => {
    void run((o) => port.readWorkbook(o));
  }, [port, run]);
  const snapshot = read.status === "done" ? read.result : undefined;
  const base = useMemo(() => (snapshot ? whatIfBase(snapshot) : null), [snapshot]);

  return (
    <section aria-label={t("whatif.title")} style={column}>
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", gap: 8 }}>
        <Text as="h2" weight="semibold" size={400} style={{ margin: 0 }}>{t("whatif.title")}</Text>
        <Button size="small" onClick={props.onClose}>{t("whatif.close")}</Button>
      </div>
      <Text size={200}>{t("whatif.intro")}</Text>
      <div>
        <Button size="small" disabled={read.status === "running" || reasons.readWorkbook !== null} aria-describedby={reasons.readWorkbook ? "whatif-read-note" : undefined} onClick={() => void run((o) => port.readWorkbook(o))}>
          {t("whatif.reread")}
        </Button>
        <FeatureNote id="whatif-read-note" reason={reasons.readWorkbook} />
      </div>
      {read.status === "running" && <TaskProgress title={t("whatif.reading")} fraction={read.fraction} step={read.step} onCancel={read.cancel} />}
      {read.status === "error" && <ErrorMessage error={read.error} onDismiss={read.reset} />}
      {read.status === "done" && snapshot === null && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("whatif.none")}</MessageBarBody>
        </MessageBar>
      )}
      {/* Read again: the body unmounts while reading, so it starts from the workbook's weights. */}
      {snapshot && base && <WhatIfBody snapshot={snapshot} base={base} port={port} reasons={reasons} onApplied={props.onApplied} />}
    </section>
  );
}

function WhatIfBody(props: { snapshot: WorkbookSnapshot; base: WhatIfBase; port: WorkbookPort; reasons: FeatureReasons; onApplied(w: Record<string, number>): void }): JSX.Element {
  const { base, snapshot } = props;
  const { t, content } = useLocale();
  // The workbook's weights (after Apply: what was written) and the weights tried.
  const [workbook, setWorkbook] = useState<number[]>(base.shares);
  const [shares, setShares] = useState<number[]>(base.shares);
  // Bumped when the user moves the weights, so a preview made for other weights is dropped.
  const [moves, setMoves] = useState(0);
  const [acceptability, setAcceptability] = useState<{ at: number[]; result: Acceptability } | null>(null);
  const now = useMemo(() => evaluateWhatIf(base, workbook), [base, workbook]);
  const state = useMemo(() => evaluateWhatIf(base, shares), [base, shares]);
  const roots = snapshot.tree.roots;
  const name = (i: number): string => `${roots[i].code} ${roots[i].name[content]}`;
  const same = (a: readonly number[], b: readonly number[]): boolean => a.every((x, i) => Math.abs(x - b[i]) < 1e-12);

  const move = (i: number, x: number): void => {
    setShares(moveShare(state, base.codes, i, x));
    setMoves((k) => k + 1);
  };

  if (roots.length < 2) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t("whatif.oneDimension")}</MessageBarBody>
      </MessageBar>
    );
  }

  const flips = state.flips;
  const fresh = acceptability !== null && same(acceptability.at, shares);
  return (
    <div style={column}>
      {roots.map((r, i) => {
        const flip = flips.flips.find((f) => f.parent === null && f.code === r.code);
        return (
          <div key={r.code} role="group" aria-label={name(i)} style={{ display: "flex", flexDirection: "column", gap: 2 }}>
            <Field label={name(i)} hint={t("whatif.value", { weight: percent(shares[i]), now: percent(workbook[i]) })}>
              <Slider
                aria-label={t("whatif.slider", { name: name(i) })}
                min={0}
                max={100}
                step={0.5}
                value={shares[i] * 100}
                onChange={(_, d) => move(i, d.value / 100)}
              />
            </Field>
            {flips.leader !== null && flip && (
              <Text size={200} data-testid={`whatif-flip-${r.code}`}>
                {flip.flipAt === null
                  ? t("whatif.noFlip")
                  : t("whatif.flip", { leader: flips.leader, from: percent(flip.stableFrom), to: percent(flip.stableTo), at: percent(flip.flipAt), rival: flip.rival ?? "" })}
              </Text>
            )}
          </div>
        );
      })}
      <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
        <Button size="small" disabled={same(shares, workbook)} onClick={() => {
          setShares(workbook);
          setMoves((k) => k + 1);
        }}>
          {t("whatif.reset")}
        </Button>
      </div>
      {flips.leader === null ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("whatif.noLeader")}</MessageBarBody>
        </MessageBar>
      ) : (
        <Text weight="semibold" role="status">{t("whatif.leader", { leader: flips.leader })}</Text>
      )}
      {flips.tiedWith.length > 0 && flips.leader !== null && <Text size={200}>{t("whatif.tied", { leader: flips.leader, others: flips.tiedWith.join(", ") })}</Text>}
      {snapshot.award && <Text size={200}>{t("whatif.award")}</Text>}
      <Ranking state={state} now={now} />
      <section aria-label={t("whatif.acceptability")} style={column}>
        <Text weight="semibold">{t("whatif.acceptability")}</Text>
        <Text size={200}>{t("whatif.acceptabilityIntro", { samples: DEFAULT_SAMPLES.toLocaleString(content), spread: percent(DEFAULT_SPREAD), seed: DEFAULT_SEED })}</Text>
        <div>
          <Button size="small" disabled={fresh || flips.leader === null} onClick={() => setAcceptability({ at: shares, result: acceptabilityAt(state, { samples: DEFAULT_SAMPLES, spread: DEFAULT_SPREAD, seed: DEFAULT_SEED }) })}>
            {t("whatif.compute")}
          </Button>
        </div>
        {acceptability !== null && !fresh && <Text size={200}>{t("whatif.stale")}</Text>}
        {acceptability !== null && fresh && <AcceptabilityTable result={acceptability.result} />}
      </section>
      <UseGroupWeights
        key={moves}
        port={props.port}
        parent={null}
        shares={Object.fromEntries(base.codes.map((c, i) => [c, shares[i]]))}
        source={t("whatif.source")}
        label={t("whatif.apply")}
        reasons={props.reasons}
        onApplied={(weights) => {
          // The workbook now holds the written percentages: they are its weights from here on.
          const total = base.codes.reduce((s, c) => s + weights[c], 0);
          const written = base.codes.map((c) => weights[c] / total);
          setWorkbook(written);
          setShares(written);
          props.onApplied(weights);
        }}
      />
    </div>
  );
}

function Ranking(props: { state: WhatIfState; now: WhatIfState }): JSX.Element {
  const { t } = useLocale();
  const { state, now } = props;
  const none = t("check.noScore");
  const rankNow = new Map(now.rows.map((r) => [r.vendor, r.rank]));
  const rows = state.rows.map((r, i) => ({ ...r, i })).sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.i - b.i);
  return (
    <table style={table} aria-label={t("whatif.ranking")}>
      <thead>
        <tr>
          <th style={num}>{t("whatif.colRank")}</th>
          <th style={cellStyle}>{t("whatif.colVendor")}</th>
          <th style={num}>{t("whatif.colScore")}</th>
          <th style={num}>{t("whatif.colWorkbook")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.vendor}>
            <td style={num}>{r.rank ?? none}</td>
            <td style={cellStyle}>{r.vendor}</td>
            <td style={num}>{r.figure === null ? none : r.figure.toFixed(1)}</td>
            <td style={num}>{rankNow.get(r.vendor) ?? none}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AcceptabilityTable(props: { result: Acceptability }): JSX.Element {
  const { t } = useLocale();
  const none = t("check.noScore");
  return (
    <table style={table} aria-label={t("whatif.acceptability")}>
      <thead>
        <tr>
          <th style={cellStyle}>{t("whatif.colVendor")}</th>
          <th style={num}>{t("whatif.colFirst")}</th>
          <th style={num}>{t("whatif.colRange")}</th>
        </tr>
      </thead>
      <tbody>
        {props.result.vendors.map((v) => (
          <tr key={v.vendor}>
            <td style={cellStyle}>{v.vendor}</td>
            <td style={num}>{t("whatif.share", { share: percent(v.firstShare), se: (v.standardError * 100).toFixed(2) })}</td>
            <td style={num}>{v.bestRank === null ? none : v.bestRank === v.worstRank ? String(v.bestRank) : t("whatif.range", { best: v.bestRank, worst: v.worstRank ?? v.bestRank })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
