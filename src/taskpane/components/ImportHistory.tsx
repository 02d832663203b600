import { useEffect, useRef } from "react";
import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useTask } from "../hooks";
import { useLocale } from "../locale";
import type { ImportSummary, UndoImportResult, WorkbookPort } from "../port";
import type { FeatureReasons } from "./App";
import { ErrorMessage } from "./ErrorMessage";
import { FeatureNote } from "./FeatureNote";
import { TaskProgress } from "./TaskProgress";

/** Earlier imports from the Import log, each with "Undo import". */
export function ImportHistory(props: { port: WorkbookPort; reasons: FeatureReasons; refreshKey: number }): JSX.Element {
  const { port, reasons } = props;
  const { t } = useLocale();
  const list = useTask<ImportSummary[]>();
  const undo = useTask<UndoImportResult>();
  const shown = useRef(false);
  const show = (): Promise<void> => {
    shown.current = true;
    return list.run((o) => port.listImports(o));
  };
  const { run } = list;
  // A new import refreshes the list once it has been shown.
  useEffect(() => {
    if (props.refreshKey > 0 && shown.current) void run((o) => port.listImports(o));
  }, [props.refreshKey, port, run]);
  const busy = list.status === "running" || undo.status === "running";

  return (
    <section aria-label={t("import.history")} style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <Text weight="semibold">{t("import.history")}</Text>
      <div>
        <Button disabled={busy || reasons.listImports !== null} aria-describedby={reasons.listImports ? "history-note" : undefined} onClick={() => void show()}>
          {t("import.history.show")}
        </Button>
        <FeatureNote id="history-note" reason={reasons.listImports} />
      </div>
      {list.status === "error" && <ErrorMessage error={list.error} onDismiss={list.reset} />}
      {list.status === "done" && list.result !== null && list.result.length === 0 && <Text>{t("import.history.none")}</Text>}
      {list.status === "done" && list.result !== null && list.result.length > 0 && (
        <ul style={{ margin: 0, paddingLeft: 18, display: "flex", flexDirection: "column", gap: 6 }}>
          {list.result.map((s) => (
            <li key={s.importId}>
              {t("import.history.item", { time: new Date(s.time).toLocaleString(), source: s.sourceFile, added: s.added, overwritten: s.overwritten })}{" "}
              {s.undone ? (
                <Text italic>{t("import.history.undone")}</Text>
              ) : (
                <Button
                  size="small"
                  disabled={busy || reasons.undoImport !== null}
                  onClick={() =>
                    void undo.run(async (o) => {
                      const r = await port.undoImport(s.importId, o);
                      void show();
                      return r;
                    })
                  }
                >
                  {t("import.undo")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {undo.status === "running" && <TaskProgress title={t("import.undoing")} fraction={undo.fraction} step={undo.step} onCancel={undo.cancel} />}
      {undo.status === "error" && <ErrorMessage error={undo.error} onDismiss={undo.reset} />}
      {undo.status === "done" && undo.result && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {t("import.undone", { restored: undo.result.restored })}
            {undo.result.changedSince > 0 && <> {t("import.undoneChanged", { count: undo.result.changedSince })}</>}
            {undo.result.missing > 0 && <> {t("import.undoneMissing", { count: undo.result.missing })}</>}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
