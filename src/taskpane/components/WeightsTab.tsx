import { lazy, Suspense, useMemo, useState } from "react";
import { Badge, Button, Link, MessageBar, MessageBarActions, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { findByCode, rescaleGroup, validateTree, weightSum, type IndicatorTree } from "../model";
import { dictionaries } from "../../i18n";
import { useTask } from "../hooks";
import { publishedTree } from "../standard";
import { pct, useLocale } from "../locale";
import type { WorkbookPort } from "../../port";
import { addChild, addSibling, removeNode, updateNode } from "../treeEdit";
import type { FeatureReasons } from "./featureReasons";
import { ErrorMessage } from "./ErrorMessage";
import { FeatureNote } from "./FeatureNote";
import { NodeEditor } from "./NodeEditor";
import { MinimumField } from "./MinimumField";
import { TaskProgress } from "./TaskProgress";
import { SumBadge, WeightTree } from "./WeightTree";
import { WeightWarnings } from "./WeightWarnings";

// Compare in pairs (AHP, with src/core/ahp) is fetched when first opened.
const PairwiseView = lazy(() => import(/* webpackChunkName: "pairwise" */ "./PairwiseView").then((m) => ({ default: m.PairwiseView })));
// The maturity self-assessment read back (with src/core/maturity) is fetched when first opened.
const MaturityView = lazy(() => import(/* webpackChunkName: "maturity" */ "./MaturityView").then((m) => ({ default: m.MaturityView })));
// What if… (sliders re-ranking with src/core/engine and src/core/sensitivity) is fetched when first opened.
const WhatIfView = lazy(() => import(/* webpackChunkName: "whatif" */ "./WhatIfView").then((m) => ({ default: m.WhatIfView })));

export interface WeightsTabProps {
  port: WorkbookPort;
  tree: IndicatorTree;
  edited: boolean;
  onChange(tree: IndicatorTree, edited: boolean): void;
  reasons: FeatureReasons;
}

const column = { display: "flex", flexDirection: "column", gap: 10 } as const;

export function WeightsTab(props: WeightsTabProps): JSX.Element {
  const { tree, onChange, port, reasons } = props;
  const { t, content } = useLocale();
  const [selected, setSelected] = useState<string | null>(null);
  const [undo, setUndo] = useState<{ tree: IndicatorTree; name: string } | null>(null);
  const task = useTask<void>();
  const findings = useMemo(() => validateTree(tree), [tree]);
  const node = selected === null ? undefined : findByCode(tree, selected)?.node;
  const topSum = weightSum(tree.roots);
  const newName = { "zh-CN": dictionaries["zh-CN"]["weights.newName"], "en-US": dictionaries["en-US"]["weights.newName"] };
  // Compare in pairs: the selected node's children, a selected leaf's siblings, else the dimensions.
  const [comparing, setComparing] = useState<string | null | undefined>(undefined);
  const [maturity, setMaturity] = useState(false);
  const [whatIf, setWhatIf] = useState(false);
  const pairParent = node === undefined ? null : node.children.length > 0 ? node.code : (findByCode(tree, node.code)?.parent?.code ?? null);
  const pairMembers = comparing === undefined ? [] : comparing === null ? tree.roots : (findByCode(tree, comparing)?.node.children ?? []);
  const groupLabel = (parent: string | null): string => {
    const p = parent === null ? undefined : findByCode(tree, parent)?.node;
    return p ? t("weights.groupUnder", { name: `${p.code} ${p.name[content]}` }) : t("weights.groupTop");
  };

  const edit = (next: IndicatorTree): void => {
    setUndo(null);
    onChange(next, true);
  };

  const [goError, setGoError] = useState<unknown>(null);
  const goTo = (sheet: string, address: string): void => {
    setGoError(null);
    port.selectCell(sheet, address).catch(setGoError);
  };

  const rescaleAll = (): void => {
    let next = tree;
    for (const f of findings) if (f.code === "weights-not-100") next = rescaleGroup(next, f.at);
    edit(next);
  };

  return (
    <div style={column}>
      <Text size={200}>
        {t("weights.editing", { title: tree.title[content] })}
        {props.edited && (
          <>
            {" "}
            <Badge appearance="outline" size="small">{t("weights.changed")}</Badge>
          </>
        )}
      </Text>
      <WeightWarnings tree={tree} findings={findings} onRescale={(at) => edit(rescaleGroup(tree, at))} onRescaleAll={rescaleAll} />
      <div style={{ display: "flex", alignItems: "center", gap: 6, flexWrap: "wrap" }}>
        <Text weight="semibold">{topSum === null ? t("weights.groupTop") : t("weights.topSum", { sum: pct(topSum) })}</Text>
        <SumBadge nodes={tree.roots} />
      </div>
      <WeightTree roots={tree.roots} selected={selected} onSelect={setSelected} />
      <MinimumField label={t("weights.qualityMinimum")} value={tree.minimum} onChange={(minimum) => edit({ ...tree, minimum })} />
      <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
        <Button size="small" onClick={() => setComparing(pairParent)}>{`${t("pairwise.open")}: ${groupLabel(pairParent)}`}</Button>
        <Button size="small" aria-expanded={maturity} onClick={() => setMaturity(true)}>{t("maturity.open")}</Button>
        <Button size="small" aria-expanded={whatIf} onClick={() => setWhatIf(true)}>{t("whatif.open")}</Button>
      </div>
      {whatIf && (
        <Suspense fallback={<Spinner size="small" label={t("app.loading")} />}>
          <WhatIfView
            port={port}
            reasons={reasons}
            onClose={() => setWhatIf(false)}
            onApplied={(weights) => {
              let next = tree;
              for (const [code, weight] of Object.entries(weights)) next = updateNode(next, code, { weight });
              onChange(next, true);
            }}
          />
        </Suspense>
      )}
      {maturity && (
        <Suspense fallback={<Spinner size="small" label={t("app.loading")} />}>
          <MaturityView port={port} reasons={reasons} onSelect={setSelected} onClose={() => setMaturity(false)} />
        </Suspense>
      )}
      {comparing !== undefined && (
        <Suspense fallback={<Spinner size="small" label={t("app.loading")} />}>
          <PairwiseView
            key={comparing ?? ""}
            port={port}
            parent={comparing}
            groupLabel={groupLabel(comparing)}
            members={pairMembers}
            reasons={reasons}
            onClose={() => setComparing(undefined)}
            onApplied={(weights) => {
              let next = tree;
              for (const [code, weight] of Object.entries(weights)) next = updateNode(next, code, { weight });
              onChange(next, true);
            }}
          />
        </Suspense>
      )}
      {node ? (
        <NodeEditor
          key={node.code}
          node={node}
          onPatch={(patch) => edit(updateNode(tree, node.code, patch))}
          onAddChild={() => {
            const r = addChild(tree, node.code, newName);
            edit(r.tree);
            setSelected(r.code);
          }}
          onAddSibling={() => {
            const r = addSibling(tree, node.code, newName);
            edit(r.tree);
            setSelected(r.code);
          }}
          onRemove={() => {
            const before = tree;
            onChange(removeNode(tree, node.code), true);
            setUndo({ tree: before, name: `${node.code} ${node.name[content]}` });
            setSelected(null);
          }}
        />
      ) : (
        <Text size={200}>{t("weights.selectHint")}</Text>
      )}
      {undo && (
        <MessageBar intent="info">
          <MessageBarBody>{t("weights.removed", { name: undo.name })}</MessageBarBody>
          <MessageBarActions>
            <Link as="button" onClick={() => {
              onChange(undo.tree, true);
              setUndo(null);
            }}>
              {t("weights.undo")}
            </Link>
          </MessageBarActions>
        </MessageBar>
      )}
      <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
        <Button size="small" onClick={() => {
          const r = addChild(tree, null, newName);
          edit(r.tree);
          setSelected(r.code);
        }}>
          {t("weights.addRoot")}
        </Button>
        <Button size="small" onClick={() => {
          setSelected(null);
          setUndo(null);
          onChange(publishedTree(), false);
        }}>
          {t("weights.reset")}
        </Button>
      </div>
      <div>
        <Button
          appearance="primary"
          disabled={task.status === "running" || reasons.applyWeights !== null}
          aria-describedby={reasons.applyWeights ? "apply-note" : undefined}
          onClick={() => void task.run((options) => port.applyWeights(tree, options))}
        >
          {t("weights.apply")}
        </Button>
        <FeatureNote id="apply-note" reason={reasons.applyWeights} />
      </div>
      {task.status === "running" && <TaskProgress title={t("weights.applying")} fraction={task.fraction} step={task.step} onCancel={task.cancel} />}
      {task.status === "cancelled" && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("task.cancelled")}</MessageBarBody>
        </MessageBar>
      )}
      {task.status === "error" && <ErrorMessage error={task.error} onDismiss={task.reset} onGoTo={goTo} />}
      {goError !== null && <ErrorMessage error={goError} onDismiss={() => setGoError(null)} />}
      {task.status === "done" && (
        <MessageBar intent="success">
          <MessageBarBody>{t("weights.applied")}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
