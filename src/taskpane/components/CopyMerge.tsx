import { useState } from "react";
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { IndicatorTree } from "../model";
import { useTask } from "../hooks";
import { useLocale } from "../locale";
import type { ApplyCopyResult, MergeChoice, ReturnedCopyPreview, WorkbookPort } from "../../port";
import { CopyPreviewView } from "./CopyPreviewView";
import { ErrorMessage } from "./ErrorMessage";
import { FilePickButton } from "./FilePickButton";
import { TaskProgress } from "./TaskProgress";

const row = { display: "flex", gap: 8, flexWrap: "wrap" } as const;

/**
 * "Merge returned copy": pick the .xlsx a rater sent back, see what it would change, then merge
 * keeping or overwriting conflicting ratings and reasons, or cancel. Nothing is written before the choice.
 */
export function CopyMerge(props: { port: WorkbookPort; tree: IndicatorTree; disabled: boolean; onMerged(): void }): JSX.Element {
  const { port } = props;
  const { t } = useLocale();
  const read = useTask<ReturnedCopyPreview>();
  const apply = useTask<ApplyCopyResult>();
  const [copy, setCopy] = useState<ReturnedCopyPreview | null>(null);
  const [merged, setMerged] = useState<{ rater: string; result: ApplyCopyResult } | null>(null);

  const onFile = async (file: { name: string; bytes: Uint8Array }): Promise<void> => {
    setCopy(null);
    setMerged(null);
    apply.reset();
    await read.run(async (options) => {
      const preview = await port.mergeReturnedCopy(file.bytes, file.name, options);
      setCopy(preview);
      return preview;
    });
  };

  const choose = (choice: MergeChoice): void => {
    if (!copy) return;
    const current = copy;
    void apply.run(async (options) => {
      const result = await port.applyReturnedCopy(current, choice, options);
      setMerged({ rater: current.rater, result });
      setCopy(null);
      props.onMerged();
      return result;
    });
  };

  const mergeable = copy !== null && copy.knownRater && (copy.ratings.length > 0 || copy.notes.length > 0);
  const conflicts = copy !== null && (copy.preview.conflicts.length > 0 || copy.notePreview.conflicts > 0);
  const busy = read.status === "running" || apply.status === "running";
  return (
    <section style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <div>
        <FilePickButton
          disabled={props.disabled || busy}
          inputLabel={t("panel.mergeFile")}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onFile={onFile}
        >
          {t("panel.merge")}
        </FilePickButton>
      </div>
      {read.status === "running" && <TaskProgress title={t("panel.mergeReading")} fraction={read.fraction} step={read.step} onCancel={read.cancel} />}
      {read.status === "error" && <ErrorMessage error={read.error} onDismiss={read.reset} />}
      {copy && (
        <>
          <CopyPreviewView copy={copy} tree={props.tree} />
          {copy.knownRater && !mergeable && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{t("panel.preview.nothing")}</MessageBarBody>
            </MessageBar>
          )}
          <div style={row}>
            {mergeable && conflicts && (
              <>
                <Button appearance="primary" disabled={busy} onClick={() => choose("keep-existing")}>
                  {t("panel.keep")}
                </Button>
                <Button disabled={busy} onClick={() => choose("overwrite")}>
                  {t("panel.overwrite")}
                </Button>
              </>
            )}
            {mergeable && !conflicts && (
              <Button appearance="primary" disabled={busy} onClick={() => choose("keep-existing")}>
                {t("panel.apply")}
              </Button>
            )}
            <Button disabled={busy} onClick={() => setCopy(null)}>
              {t("panel.cancel")}
            </Button>
          </div>
        </>
      )}
      {apply.status === "running" && <TaskProgress title={t("panel.applying")} fraction={apply.fraction} step={apply.step} onCancel={apply.cancel} />}
      {apply.status === "error" && <ErrorMessage error={apply.error} onDismiss={apply.reset} />}
      {merged && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {t("panel.done", { rater: merged.rater, added: merged.result.added, overwritten: merged.result.overwritten, kept: merged.result.kept, unchanged: merged.result.unchanged, skipped: merged.result.skipped })}
            {Object.values(merged.result.notes).some((n) => n > 0) && <> {t("panel.doneNotes", { ...merged.result.notes })}</>}
            {merged.result.logSheet && <> {t("panel.doneLogged", { sheet: merged.result.logSheet })}</>}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
