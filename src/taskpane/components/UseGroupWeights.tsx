/**
 * "Use these weights" for a sibling group's shares (Compare in pairs, What if…): preview (the
 * Weights sheet's cells before and after) → write → a note that the Import tab undoes it.
 */
import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useTask } from "../hooks";
import { pct, useLocale } from "../locale";
import type { ApplyGroupWeightsResult, GroupWeightsPreview, WorkbookPort } from "../../port";
import type { FeatureReasons } from "./featureReasons";
import { ErrorMessage } from "./ErrorMessage";
import { FeatureNote } from "./FeatureNote";
import { TaskProgress } from "./TaskProgress";

const column = { display: "flex", flexDirection: "column", gap: 8 } as const;
const table = { borderCollapse: "collapse", width: "100%" } as const;
const cellStyle = { padding: "2px 4px", textAlign: "left", verticalAlign: "top" } as const;
const num = { ...cellStyle, textAlign: "right", whiteSpace: "nowrap" } as const;

/** "Use these weights": preview (old vs new) → write → a note that the Import tab undoes it. */
export function UseGroupWeights(props: { port: WorkbookPort; parent: string | null; shares: Record<string, number> | null; source: string; label?: string; reasons: FeatureReasons; onApplied(w: Record<string, number>): void }): JSX.Element {
  const { port, parent, shares, source, reasons } = props;
  const { t, content } = useLocale();
  const preview = useTask<GroupWeightsPreview>();
  const apply = useTask<ApplyGroupWeightsResult>();
  const blocked = reasons.previewGroupWeights ?? reasons.applyGroupWeights;
  const running = preview.status === "running" || apply.status === "running";
  const shown = preview.status === "done" && preview.result && apply.status !== "done" ? preview.result : null;
  const before = (v: string | number | boolean | null): string => (v === null ? t("pairwise.blank") : typeof v === "number" ? pct(v) : String(v));
  return (
    <div style={column}>
      <div>
        <Button
          appearance="primary"
          disabled={shares === null || running || blocked !== null}
          aria-describedby={blocked ? `use-note-${source}` : undefined}
          onClick={() => {
            if (!shares) return;
            apply.reset();
            void preview.run((o) => port.previewGroupWeights({ parent, weights: shares, source }, o));
          }}
        >
          {props.label ?? t("pairwise.use")}
        </Button>
        <FeatureNote id={`use-note-${source}`} reason={blocked} />
      </div>
      {preview.status === "running" && <TaskProgress title={t("pairwise.previewing")} fraction={preview.fraction} step={preview.step} onCancel={preview.cancel} />}
      {preview.status === "error" && <ErrorMessage error={preview.error} onDismiss={preview.reset} />}
      {shown && (
        <section aria-label={t("pairwise.previewTitle", { sheet: shown.sheet })} style={column}>
          <Text weight="semibold">{t("pairwise.previewTitle", { sheet: shown.sheet })}</Text>
          <Text size={200}>{t("pairwise.previewHint")}</Text>
          <table style={table}>
            <thead>
              <tr>
                <th style={cellStyle}>{t("pairwise.colIndicator")}</th>
                <th style={num}>{t("pairwise.colBefore")}</th>
                <th style={num}>{t("pairwise.colAfter")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.rows.map((r) => (
                <tr key={r.code}>
                  <td style={cellStyle}>{`${r.code} ${r.name[content]}`}</td>
                  <td style={num}>{before(r.before)}</td>
                  <td style={num}>{pct(r.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
            <Button appearance="primary" disabled={running} onClick={() => void apply.run((o) => port.applyGroupWeights(shown, o).then((r) => {
              if (r.changed > 0) props.onApplied(Object.fromEntries(shown.rows.map((row) => [row.code, row.after])));
              return r;
            }))}>
              {t("pairwise.apply")}
            </Button>
            <Button disabled={running} onClick={preview.reset}>{t("pairwise.cancel")}</Button>
          </div>
        </section>
      )}
      {apply.status === "running" && <TaskProgress title={t("pairwise.applying")} fraction={apply.fraction} step={apply.step} onCancel={apply.cancel} />}
      {apply.status === "error" && <ErrorMessage error={apply.error} onDismiss={apply.reset} />}
      {apply.status === "done" && apply.result && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {apply.result.changed > 0 ? t("pairwise.applied", { count: apply.result.changed, sheet: preview.result?.sheet ?? "" }) : t("pairwise.unchanged")}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
