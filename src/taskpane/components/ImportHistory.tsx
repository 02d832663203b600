import { useEffect, useRef } from "react";
import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import type { MessageKey } from "../../i18n";
import { useTask } from "../hooks";
import { useLocale } from "../locale";
import type { ImportKind, ImportSummary, UndoImportResult, WorkbookPort } from "../../port";
import type { FeatureReasons } from "./featureReasons";
import { ErrorMessage } from "./ErrorMessage";
import { FeatureNote } from "./FeatureNote";
import { TaskProgress } from "./TaskProgress";

const SHOWN = 20;

/** Words of one list: the Import tab's (every import and merge) or the Panel tab's (merged copies). */
export interface HistoryWords {
  title: MessageKey;
  show: MessageKey;
  none: MessageKey;
}

const IMPORT_WORDS: HistoryWords = { title: "import.history", show: "import.history.show", none: "import.history.none" };

/**
 * Earlier imports and merged rater copies from the Import log, each with its undo. `kind` narrows
 * the list (the Panel tab shows merges only). A change of `refreshKey` lists again once shown, or
 * at once with `showOnRefresh` (right after a merge, so its undo is at hand).
 */
export function ImportHistory(props: {
  port: WorkbookPort;
  reasons: FeatureReasons;
  refreshKey: number;
  kind?: ImportKind;
  words?: HistoryWords;
  showOnRefresh?: boolean;
  /** After an undo (e.g. to read the panel again). */
  onUndone?(): void;
}): JSX.Element {
  const { port, reasons, kind, showOnRefresh } = props;
  const words = props.words ?? IMPORT_WORDS;
  const { t } = useLocale();
  const list = useTask<ImportSummary[]>();
  const undo = useTask<UndoImportResult & { kind: ImportKind }>();
  const shown = useRef(false);
  const show = (): Promise<void> => {
    shown.current = true;
    return list.run((o) => port.listImports(o));
  };
  const { run } = list;
  useEffect(() => {
    if (props.refreshKey > 0 && (shown.current || showOnRefresh)) {
      shown.current = true;
      void run((o) => port.listImports(o));
    }
  }, [props.refreshKey, port, run, showOnRefresh]);
  const busy = list.status === "running" || undo.status === "running";
  const items = list.status === "done" && list.result !== null ? list.result.filter((s) => kind === undefined || s.kind === kind) : null;
  const noteId = `history-note-${kind ?? "all"}`;

  const itemText = (s: ImportSummary): string => {
    const vars = { time: new Date(s.time).toLocaleString(), source: s.sourceFile, added: s.added, overwritten: s.overwritten };
    return s.kind === "merge" ? t("import.history.merge", { ...vars, rater: s.rater ?? "" }) : t("import.history.item", vars);
  };
  const value = (v: string | number | boolean | null): string => (v === null ? t("import.blank") : /^n\/?a$/i.test(String(v).trim()) ? t("import.na") : String(v));
  const result = undo.status === "done" ? undo.result : null;

  return (
    <section aria-label={t(words.title)} style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <Text weight="semibold">{t(words.title)}</Text>
      <div>
        <Button disabled={busy || reasons.listImports !== null} aria-describedby={reasons.listImports ? noteId : undefined} onClick={() => void show()}>
          {t(words.show)}
        </Button>
        <FeatureNote id={noteId} reason={reasons.listImports} />
      </div>
      {list.status === "error" && <ErrorMessage error={list.error} onDismiss={list.reset} />}
      {items !== null && items.length === 0 && <Text>{t(words.none)}</Text>}
      {items !== null && items.length > 0 && (
        <ul style={{ margin: 0, paddingLeft: 18, display: "flex", flexDirection: "column", gap: 6 }}>
          {items.map((s) => (
            <li key={s.importId}>
              {itemText(s)}{" "}
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
                      props.onUndone?.();
                      return { ...r, kind: s.kind };
                    })
                  }
                >
                  {t(s.kind === "merge" ? "import.undoMerge" : "import.undo")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {undo.status === "running" && <TaskProgress title={t(kind === "merge" ? "import.undoingMerge" : "import.undoing")} fraction={undo.fraction} step={undo.step} onCancel={undo.cancel} />}
      {undo.status === "error" && <ErrorMessage error={undo.error} onDismiss={undo.reset} />}
      {result && (
        <MessageBar intent={result.changedSince + (result.notesChangedSince ?? 0) > 0 ? "warning" : "success"} layout="multiline">
          <MessageBarBody>
            {t(result.kind === "merge" ? "import.undoneMerge" : "import.undone", { restored: result.restored })}
            {(result.notesRestored ?? 0) > 0 && <> {t("import.undoneNotes", { count: result.notesRestored ?? 0 })}</>}
            {result.changedSince > 0 && <> {t("import.undoneChanged", { count: result.changedSince })}</>}
            {(result.notesChangedSince ?? 0) > 0 && <> {t("import.undoneNotesChanged", { count: result.notesChangedSince ?? 0 })}</>}
            {result.missing > 0 && <> {t("import.undoneMissing", { count: result.missing })}</>}
            {result.changedCells && result.changedCells.length > 0 && (
              <>
                <Text block>{t("import.undoneCells")}</Text>
                <ul style={{ margin: "2px 0", paddingLeft: 18 }}>
                  {result.changedCells.slice(0, SHOWN).map((c) => (
                    <li key={`${c.sheet}!${c.address}`}>
                      {t("import.undoneCell", { vendor: c.vendor, code: c.note ? `${c.code}${t("import.undoneCellNote")}` : c.code, rater: c.rater ? t("import.undoneCellRater", { rater: c.rater }) : "", imported: value(c.imported), now: value(c.now) })}{" "}
                      <Button size="small" appearance="transparent" onClick={() => void port.selectCell(c.sheet, c.address).catch(() => undefined)}>
                        {t("import.undoneCellShow", { sheet: c.sheet, address: c.address })}
                      </Button>
                    </li>
                  ))}
                </ul>
                {result.changedSince > SHOWN && <Text size={200}>{t("import.shown", { shown: Math.min(SHOWN, result.changedCells.length), count: result.changedSince })}</Text>}
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
