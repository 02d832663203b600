import { useMemo, useRef, useState } from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useTask } from "../hooks";
import { useLocale } from "../locale";
import { panelStats } from "../panelStats";
import type { WorkbookPort, WorkbookSnapshot } from "../../port";
import type { FeatureReasons } from "./featureReasons";
import { CopyMerge } from "./CopyMerge";
import { ErrorMessage } from "./ErrorMessage";
import { ImportHistory, type HistoryWords } from "./ImportHistory";
import { PanelStatsView } from "./PanelStatsView";
import { RaterList } from "./RaterList";
import { ReadButton } from "./ReadButton";
import { TaskProgress } from "./TaskProgress";

const column = { display: "flex", flexDirection: "column", gap: 12 } as const;
const MERGE_WORDS: HistoryWords = { title: "panel.history", show: "panel.history.show", none: "panel.history.none" };

/** Panel scoring: the raters, their copies out and back in, and the panel's statistics. */
export function PanelTab(props: { port: WorkbookPort; reasons: FeatureReasons }): JSX.Element {
  const { port, reasons } = props;
  const { t } = useLocale();
  const read = useTask<WorkbookSnapshot | null>();
  // The last snapshot stays shown while the panel is read again (e.g. after a merge).
  const last = useRef<WorkbookSnapshot | null>(null);
  if (read.status === "done") last.current = read.result;
  const snapshot = last.current;
  const panel = snapshot !== null && snapshot.raters.length >= 2 ? snapshot : null;
  const stats = useMemo(() => (panel ? panelStats(panel) : null), [panel]);
  const load = (): void => void read.run((options) => port.readWorkbook(options));
  // Merges are logged in the Import log: listed (and undone) here, where they were made, as well as in the Import tab.
  const [merges, setMerges] = useState(0);

  return (
    <div style={column}>
      <ReadButton label={t("panel.read")} noteId="panel-read-note" reason={reasons.readWorkbook} running={read.status === "running"} onClick={load} />
      {read.status === "running" && <TaskProgress title={t("panel.reading")} fraction={read.fraction} step={read.step} onCancel={read.cancel} />}
      {read.status === "error" && <ErrorMessage error={read.error} onDismiss={read.reset} />}
      {read.status === "done" && read.result === null && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("check.noScorecard")}</MessageBarBody>
        </MessageBar>
      )}
      {snapshot !== null && panel === null && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("panel.notPanel")}</MessageBarBody>
        </MessageBar>
      )}
      {panel && stats && (
        <>
          <RaterList port={port} stats={stats} disabled={reasons.exportRaterCopy !== null} />
          <CopyMerge
            port={port}
            tree={panel.tree}
            disabled={reasons.mergeReturnedCopy !== null}
            onMerged={() => {
              setMerges((n) => n + 1);
              load();
            }}
          />
          <ImportHistory port={port} reasons={reasons} refreshKey={merges} kind="merge" words={MERGE_WORDS} showOnRefresh onUndone={load} />
          <PanelStatsView stats={stats} aggregate={panel.aggregate ?? "mean"} consensus={panel.consensus?.length ?? 0} />
        </>
      )}
    </div>
  );
}
