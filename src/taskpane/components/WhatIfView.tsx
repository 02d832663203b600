/**
 * Weights → "What if…" (issue #12): a group chooser (the dimensions, or the children of any node
 * with two or more), a slider per member of the chosen group (its weight as a share of the group;
 * moving one rescales the others in proportion, as the core's flip points do), the ranking
 * re-scored live in the pane with the engine (and the award decision when the workbook has one),
 * each member's flip point at these weights, rank acceptability on request (10,000 seeded samples
 * ±20 %), for a panel the raters resampled (10,000 seeded bootstrap samples, drawn in slices with a
 * progress bar and Cancel), and "Apply these weights" writing the chosen group (preview → write →
 * undo from the Import tab). Choosing another group starts again from the workbook's weights, so
 * what is ranked is always what Apply would leave in the workbook. Nothing is written before Apply.
 * Loaded as its own chunk (with the engine and the sensitivity core).
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { Button, Field, MessageBar, MessageBarBody, Select, Slider, Text } from "@fluentui/react-components";
import { findByCode } from "../../core/model";
import { DEFAULT_SAMPLES, DEFAULT_SEED, DEFAULT_SPREAD, type Acceptability, type RaterBootstrap } from "../../core/sensitivity";
import { useTask } from "../hooks";
import { pct, useLocale } from "../locale";
import type { WorkbookPort, WorkbookSnapshot } from "../../port";
import { acceptabilityAt, bootstrapAt, evaluateWhatIf, moveShare, sharesIn, treeWithShares, treeWithWeights, whatIfBase, type WhatIfBase, type WhatIfGroup, type WhatIfState } from "../whatIf";
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
  // The workbook's tree as the pane knows it (after Apply: with what was written).
  const [workbookTree, setWorkbookTree] = useState(base.tree);
  const now = useMemo(() => evaluateWhatIf(base, workbookTree), [base, workbookTree]);
  // The group whose weights are tried; choosing another starts again from the workbook's weights.
  const [groupIndex, setGroupIndex] = useState(0);
  const group: WhatIfGroup | undefined = base.groups[groupIndex];
  const workbook = useMemo(() => (group ? sharesIn(now, group) : []), [now, group]);
  const [shares, setShares] = useState<number[]>(workbook);
  // Bumped when the user moves the weights, so a preview made for other weights is dropped.
  const [moves, setMoves] = useState(0);
  const state = useMemo(() => (group ? evaluateWhatIf(base, treeWithShares(workbookTree, group, shares)) : now), [base, workbookTree, group, shares, now]);
  const [acceptability, setAcceptability] = useState<{ at: Float64Array; result: Acceptability } | null>(null);
  const nodeName = (code: string): string => {
    const n = findByCode(snapshot.tree, code)?.node;
    return n ? `${n.code} ${n.name[content]}` : code;
  };
  const same = (a: ArrayLike<number>, b: ArrayLike<number>): boolean => a.length === b.length && Array.prototype.every.call(a, (x: number, i: number) => Math.abs(x - b[i]) < 1e-12);

  if (!group) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t("whatif.oneDimension")}</MessageBarBody>
      </MessageBar>
    );
  }

  const move = (i: number, x: number): void => {
    setShares(moveShare(state, group.codes, i, x));
    setMoves((k) => k + 1);
  };
  const choose = (i: number): void => {
    setGroupIndex(i);
    setShares(sharesIn(now, base.groups[i]));
    setMoves((k) => k + 1);
  };
  const groupLabel = (g: WhatIfGroup): string => (g.parent === null ? t("weights.groupTop") : t("weights.groupUnder", { name: nodeName(g.parent) }));

  const flips = state.flips;
  const fresh = acceptability !== null && same(acceptability.at, state.model.base);
  return (
    <div style={column}>
      {base.groups.length > 1 && (
        <Field label={t("whatif.group")} hint={t("whatif.groupHint")}>
          <Select
            value={String(groupIndex)}
            onChange={(_, d) => choose(Number(d.value))}
            root={{ style: { minWidth: 0 } }}
            select={{ style: { minWidth: 0, textOverflow: "ellipsis" } }}
          >
            {base.groups.map((g, i) => (
              <option key={g.parent ?? ""} value={String(i)}>{groupLabel(g)}</option>
            ))}
          </Select>
        </Field>
      )}
      {group.codes.map((code, i) => {
        const flip = flips.flips.find((f) => f.parent === group.parent && f.code === code);
        const name = nodeName(code);
        return (
          <div key={code} role="group" aria-label={name} style={{ display: "flex", flexDirection: "column", gap: 2 }}>
            <Field label={name} hint={t("whatif.value", { weight: percent(shares[i]), now: percent(workbook[i]) })}>
              <Slider
                aria-label={t("whatif.slider", { name })}
                min={0}
                max={100}
                step={0.5}
                value={shares[i] * 100}
                onChange={(_, d) => move(i, d.value / 100)}
              />
            </Field>
            {flips.leader !== null && flip && (
              <Text size={200} data-testid={`whatif-flip-${code}`}>
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
          <Button size="small" disabled={fresh || flips.leader === null} onClick={() => setAcceptability({ at: state.model.base, result: acceptabilityAt(state, { samples: DEFAULT_SAMPLES, spread: DEFAULT_SPREAD, seed: DEFAULT_SEED }) })}>
            {t("whatif.compute")}
          </Button>
        </div>
        {acceptability !== null && !fresh && <Text size={200}>{t("whatif.stale")}</Text>}
        {acceptability !== null && fresh && <AcceptabilityTable label={t("whatif.acceptability")} result={acceptability.result} />}
      </section>
      {base.raterRatings !== null && <RaterBootstrapSection base={base} state={state} same={same} />}
      <UseGroupWeights
        key={moves}
        port={props.port}
        parent={group.parent}
        shares={Object.fromEntries(group.codes.map((c, i) => [c, shares[i]]))}
        source={t("whatif.source")}
        label={t("whatif.apply")}
        reasons={props.reasons}
        onApplied={(weights) => {
          // The workbook now holds the written percentages: they are its weights from here on.
          const total = group.codes.reduce((s, c) => s + weights[c], 0);
          setWorkbookTree((tree) => treeWithWeights(tree, weights));
          setShares(group.codes.map((c) => weights[c] / total));
          props.onApplied(weights);
        }}
      />
    </div>
  );
}

/** Samples drawn per tick: about 0.1 s of work on the bench's 20 vendors, so the pane stays responsive. */
const SLICE = 500;

/**
 * A panel: the raters resampled (bootstrap, the same N as rank acceptability, seeded) at the tried
 * weights, drawn SLICE samples per tick with a progress bar and Cancel.
 */
function RaterBootstrapSection(props: { base: WhatIfBase; state: WhatIfState; same(a: ArrayLike<number>, b: ArrayLike<number>): boolean }): JSX.Element {
  const { base, state } = props;
  const { t, content } = useLocale();
  const [result, setResult] = useState<{ at: Float64Array; result: Acceptability } | null>(null);
  const [running, setRunning] = useState<{ fraction: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stop = (): void => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    setRunning(null);
  };
  // Closing the view stops the drawing.
  useEffect(() => () => {
    if (timer.current !== null) clearTimeout(timer.current);
  }, []);
  const fresh = result !== null && props.same(result.at, state.model.base);
  const start = (): void => {
    setError(null);
    let run: RaterBootstrap | null;
    try {
      run = bootstrapAt(base, state, { samples: DEFAULT_SAMPLES, seed: DEFAULT_SEED });
    } catch (err) {
      setError(err);
      return;
    }
    if (run === null) return;
    const at = state.model.base;
    const bootstrap = run;
    setRunning({ fraction: 0 });
    const tick = (): void => {
      try {
        bootstrap.next(SLICE);
      } catch (err) {
        timer.current = null;
        setRunning(null);
        setError(err);
        return;
      }
      if (bootstrap.done < bootstrap.samples) {
        setRunning({ fraction: bootstrap.done / bootstrap.samples });
        timer.current = setTimeout(tick, 0);
      } else {
        timer.current = null;
        setRunning(null);
        setResult({ at, result: bootstrap.result() });
      }
    };
    timer.current = setTimeout(tick, 0);
  };
  return (
    <section aria-label={t("whatif.bootstrap")} style={column}>
      <Text weight="semibold">{t("whatif.bootstrap")}</Text>
      <Text size={200}>{t("whatif.bootstrapIntro", { samples: DEFAULT_SAMPLES.toLocaleString(content), raters: base.raters, seed: DEFAULT_SEED })}</Text>
      <div>
        <Button size="small" disabled={fresh || running !== null || state.flips.leader === null} onClick={start}>
          {t("whatif.bootstrapCompute")}
        </Button>
      </div>
      {running !== null && <TaskProgress title={t("whatif.bootstrapRunning")} fraction={running.fraction} step={null} onCancel={stop} />}
      {error !== null && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
      {result !== null && !fresh && running === null && <Text size={200}>{t("whatif.stale")}</Text>}
      {result !== null && fresh && <AcceptabilityTable label={t("whatif.bootstrap")} result={result.result} />}
    </section>
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

function AcceptabilityTable(props: { label: string; result: Acceptability }): JSX.Element {
  const { t } = useLocale();
  const none = t("check.noScore");
  return (
    <table style={table} aria-label={props.label}>
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
