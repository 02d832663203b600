import { lazy, Suspense, useState } from "react";
import { Button, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useTask } from "../hooks";
import { useLocale } from "../locale";
import type { PrepareReportResult, WorkbookPort, WorkbookProblem, WorkbookSnapshot } from "../../port";
import type { FeatureReasons } from "./featureReasons";
import { ErrorMessage } from "./ErrorMessage";
import { FeatureNote } from "./FeatureNote";
import { ProblemList } from "./ProblemList";
import { RankingTable } from "./RankingTable";
import { ReasonList } from "./ReasonList";
import { ReadButton } from "./ReadButton";
import { TaskProgress } from "./TaskProgress";

const RadarPreview = lazy(() => import(/* webpackChunkName: "radar" */ "./RadarPreview"));

const TOP = 3;
const column = { display: "flex", flexDirection: "column", gap: 12 } as const;

export function CheckTab(props: { port: WorkbookPort; reasons: FeatureReasons }): JSX.Element {
  const { port, reasons } = props;
  const { t, content } = useLocale();
  const read = useTask<WorkbookSnapshot | null>();
  const freeze = useTask<{ sheet: string }>();
  const report = useTask<PrepareReportResult>();
  const [radar, setRadar] = useState(false);
  const [selectError, setSelectError] = useState<unknown>(null);
  const snapshot = read.status === "done" ? read.result : null;

  const select = (p: Pick<WorkbookProblem, "sheet" | "address">): void => {
    setSelectError(null);
    port.selectCell(p.sheet, p.address).catch(setSelectError);
  };

  const top = snapshot ? [...snapshot.scores.vendors].filter((v) => v.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)).slice(0, TOP) : [];

  return (
    <div style={column}>
      <ReadButton
        label={t("check.read")}
        noteId="read-note"
        reason={reasons.readWorkbook}
        running={read.status === "running"}
        onClick={() => {
          setRadar(false);
          void read.run((options) => port.readWorkbook(options));
        }}
      />
      {read.status === "running" && <TaskProgress title={t("check.reading")} fraction={read.fraction} step={read.step} onCancel={read.cancel} />}
      {read.status === "cancelled" && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("task.cancelled")}</MessageBarBody>
        </MessageBar>
      )}
      {read.status === "error" && <ErrorMessage error={read.error} onDismiss={read.reset} onGoTo={(sheet, address) => select({ sheet, address })} />}
      {selectError !== null && <ErrorMessage error={selectError} onDismiss={() => setSelectError(null)} />}
      {read.status === "done" && read.result === null && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("check.noScorecard")}</MessageBarBody>
        </MessageBar>
      )}
      {snapshot && (
        <>
          {snapshot.problems.length === 0 ? (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>{t("check.noProblems")}</MessageBarBody>
            </MessageBar>
          ) : (
            <ProblemList tree={snapshot.tree} problems={snapshot.problems} onSelect={select} />
          )}
          <ReasonList snapshot={snapshot} onSelect={select} />
          <RankingTable vendors={snapshot.scores.vendors} {...(snapshot.award ? { award: snapshot.award } : {})} />
          {top.length > 0 &&
            (radar ? (
              <Suspense fallback={<Spinner size="small" label={t("check.radarLoading")} />}>
                <RadarPreview
                  title={t("check.radarTitle", { count: top.length })}
                  axes={snapshot.tree.roots.map((n) => n.name[content])}
                  series={top.map((v) => ({ name: v.vendor, values: snapshot.tree.roots.map((n) => v.scores[n.code] ?? null) }))}
                />
              </Suspense>
            ) : (
              <div>
                <Button onClick={() => setRadar(true)}>{t("check.showRadar")}</Button>
              </div>
            ))}
          <div>
            <Button
              disabled={freeze.status === "running" || reasons.freezeResults !== null}
              aria-describedby={reasons.freezeResults ? "freeze-note" : undefined}
              onClick={() => void freeze.run((options) => port.freezeResults(options))}
            >
              {t("check.freeze")}
            </Button>
            <FeatureNote id="freeze-note" reason={reasons.freezeResults} />
          </div>
          {freeze.status === "running" && <TaskProgress title={t("check.freezing")} fraction={freeze.fraction} step={freeze.step} onCancel={freeze.cancel} />}
          {freeze.status === "error" && <ErrorMessage error={freeze.error} onDismiss={freeze.reset} />}
          {freeze.status === "done" && freeze.result && (
            <MessageBar intent="success">
              <MessageBarBody>{t("check.frozen", { sheet: freeze.result.sheet })}</MessageBarBody>
            </MessageBar>
          )}
          <div>
            <Button
              disabled={report.status === "running" || reasons.prepareReport !== null}
              aria-describedby={reasons.prepareReport ? "report-note" : "report-hint"}
              onClick={() => void report.run((options) => port.prepareReport(options))}
            >
              {t("check.prepareReport")}
            </Button>
            <FeatureNote id="report-note" reason={reasons.prepareReport} />
            {reasons.prepareReport === null && <div id="report-hint">{t("check.prepareReportHint")}</div>}
          </div>
          {report.status === "running" && <TaskProgress title={t("check.preparingReport")} fraction={report.fraction} step={report.step} onCancel={report.cancel} />}
          {report.status === "error" && <ErrorMessage error={report.error} onDismiss={report.reset} />}
          {report.status === "done" && report.result && (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>{t("check.reportReady", { sheet: report.result.sheet })}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
    </div>
  );
}
