import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useState } from "react";
import { downloadBytes } from "../download";
import { useTask } from "../hooks";
import { pct, useLocale } from "../locale";
import type { RaterCopyFile, WorkbookPort } from "../../port";
import type { PanelStats } from "../panelStats";
import { ErrorMessage } from "./ErrorMessage";
import { TaskProgress } from "./TaskProgress";

const list = { margin: "4px 0", padding: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: 6 } as const;
const item = { display: "flex", gap: 8, alignItems: "center", justifyContent: "space-between", flexWrap: "wrap" } as const;

/** The panel's raters with their completeness, each with "Export rater copy" (an .xlsx download). */
export function RaterList(props: { port: WorkbookPort; stats: PanelStats; disabled: boolean }): JSX.Element {
  const { port, stats } = props;
  const { t } = useLocale();
  const task = useTask<RaterCopyFile>();
  const [downloadError, setDownloadError] = useState<unknown>(null);

  const exportCopy = (rater: string): void => {
    setDownloadError(null);
    void task.run(async (options) => {
      const file = await port.exportRaterCopy(rater, options);
      try {
        downloadBytes(file.bytes, file.fileName);
      } catch (error) {
        setDownloadError(error);
      }
      return file;
    });
  };

  return (
    <section aria-labelledby="raters-title">
      <Text id="raters-title" as="h2" weight="semibold" size={400} block>
        {t("panel.raters", { count: stats.raters.length })}
      </Text>
      <Text size={200} block>{t("panel.stats.completeness")}</Text>
      <ul style={list}>
        {stats.completeness.map((c) => (
          <li key={c.rater} style={item}>
            <Text>{t("panel.completeness", { rater: c.rater, done: c.done, total: c.total, pct: pct(c.total === 0 ? 0 : (100 * c.done) / c.total) })}</Text>
            <Button size="small" disabled={props.disabled || task.status === "running"} aria-label={t("panel.exportFor", { rater: c.rater })} onClick={() => exportCopy(c.rater)}>
              {t("panel.export")}
            </Button>
          </li>
        ))}
      </ul>
      {task.status === "running" && <TaskProgress title={t("panel.exporting")} fraction={task.fraction} step={task.step} onCancel={task.cancel} />}
      {task.status === "error" && <ErrorMessage error={task.error} onDismiss={task.reset} />}
      {downloadError !== null && <ErrorMessage error={downloadError} onDismiss={() => setDownloadError(null)} />}
      {task.status === "done" && task.result && downloadError === null && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{t("panel.exported", { file: task.result.fileName })}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
