import { useMemo, useState } from "react";
import { MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import type { ColumnMapping, DelimiterChoice, EncodingChoice } from "../../core/import";
import type { MessageKey } from "../../i18n";
import { useTask } from "../hooks";
import { importRequest, lookAlikes, readInput, withMerges, type ImportInput, type ReadOutcome, type ReadSettings } from "../importFlow";
import { useLocale } from "../locale";
import type { ImportChoice, ImportRatingsResult, WorkbookPort, WorkbookSnapshot } from "../../port";
import type { FeatureReasons } from "./featureReasons";
import { ColumnMapper } from "./ColumnMapper";
import { ErrorMessage } from "./ErrorMessage";
import { ImportDone } from "./ImportDone";
import { ImportHistory } from "./ImportHistory";
import { ImportPreview } from "./ImportPreview";
import { ImportSourcePicker } from "./ImportSourcePicker";
import { ReportLink } from "./ReportLink";
import { TaskProgress } from "./TaskProgress";

type ReadState = { snapshot: null } | ({ snapshot: WorkbookSnapshot } & ReadOutcome);

/** Import tab: file or paste → importer → mapping → preview → keep / overwrite / cancel → result, report, undo. */
export function ImportTab(props: { port: WorkbookPort; reasons: FeatureReasons }): JSX.Element {
  const { port, reasons } = props;
  const { t } = useLocale();
  const [input, setInput] = useState<ImportInput | null>(null);
  const [encoding, setEncoding] = useState<EncodingChoice>("auto");
  const [delimiter, setDelimiter] = useState<DelimiterChoice>("auto");
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [choice, setChoice] = useState<ImportChoice>("keep-existing");
  const [written, setWritten] = useState(0);
  // Targets of the look-alike vendor groups the user chose to import under one name.
  const [merged, setMerged] = useState<ReadonlySet<string>>(new Set());
  const read = useTask<ReadState>();
  const write = useTask<ImportRatingsResult>();
  const blocked = reasons.importRatings;

  const start = (next: ImportInput, settings: Partial<ReadSettings> = {}): void => {
    const use: ReadSettings = { encoding, delimiter, columns: mapping, ...settings };
    setInput(next);
    setMerged(new Set());
    write.reset();
    void read.run(async (options) => {
      const snapshot = await port.readWorkbook(options);
      if (snapshot === null) return { snapshot: null };
      return { snapshot, ...(await readInput(next, snapshot, use)) };
    });
  };
  const onInput = (next: ImportInput): void => {
    setMapping({});
    start(next, { columns: {} });
  };

  const state = read.status === "done" ? read.result : null;
  const read0 = state && state.snapshot !== null ? state : null;
  const groups = useMemo(() => (read0 ? lookAlikes(read0.result, read0.snapshot) : []), [read0]);
  const outcome = useMemo(
    () => (read0 ? { snapshot: read0.snapshot, ...withMerges(read0, read0.snapshot, groups.filter((g) => merged.has(g.target))) } : null),
    [read0, groups, merged],
  );
  const sourceFile = input?.kind === "file" ? input.name : t("import.pasteSource");
  const busy = read.status === "running" || write.status === "running";

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 12 }}>
      <ImportSourcePicker
        encoding={encoding}
        delimiter={delimiter}
        fileName={input?.kind === "file" ? input.name : null}
        disabled={busy || blocked !== null}
        onEncoding={(e) => {
          setEncoding(e);
          if (input) start(input, { encoding: e });
        }}
        onDelimiter={(d) => {
          setDelimiter(d);
          if (input) start(input, { delimiter: d });
        }}
        onInput={onInput}
      />
      {read.status === "running" && <TaskProgress title={t("import.reading")} fraction={read.fraction} step={read.step} onCancel={read.cancel} />}
      {read.status === "error" && <ErrorMessage error={read.error} onDismiss={read.reset} />}
      {state !== null && state.snapshot === null && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("import.noScorecard")}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && (
        <>
          {outcome.result.fatal && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{t(`import.fatal.${outcome.result.fatal.code}` as MessageKey)}</MessageBarBody>
            </MessageBar>
          )}
          <ColumnMapper
            unmapped={outcome.result.unmapped}
            tree={outcome.snapshot.tree}
            mapping={mapping}
            disabled={busy}
            onChange={setMapping}
            onReread={() => input && start(input)}
          />
          {outcome.result.ok && write.status !== "done" && (
            <ImportPreview
              result={outcome.result}
              preview={outcome.preview}
              tree={outcome.snapshot.tree}
              choice={choice}
              lookAlikes={groups}
              merged={merged}
              onMerge={(target, on) =>
                setMerged((m) => {
                  const next = new Set(m);
                  if (on) next.add(target);
                  else next.delete(target);
                  return next;
                })
              }
              disabled={busy || blocked !== null}
              onChoice={setChoice}
              onCancel={() => {
                read.reset();
                setInput(null);
              }}
              onImport={() =>
                void write.run(async (options) => {
                  const r = await port.importRatings(importRequest(outcome.result, outcome.preview, choice, sourceFile), options);
                  setWritten((n) => n + 1);
                  return r;
                })
              }
            />
          )}
          <div>
            <ReportLink result={outcome.result} />
          </div>
        </>
      )}
      {write.status === "running" && <TaskProgress title={t("import.writing")} fraction={write.fraction} step={write.step} onCancel={write.cancel} />}
      {write.status === "cancelled" && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("task.cancelled")}</MessageBarBody>
        </MessageBar>
      )}
      {write.status === "error" && <ErrorMessage error={write.error} onDismiss={write.reset} />}
      {write.status === "done" && write.result && <ImportDone result={write.result} />}
      {blocked && <Text size={200}>{blocked}</Text>}
      <ImportHistory port={port} reasons={reasons} refreshKey={written} />
    </div>
  );
}
