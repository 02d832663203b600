import { useEffect, useMemo, useState } from "react";
import { Link } from "@fluentui/react-components";
import type { ImportResult } from "../../core/import";
import { useLocale } from "../locale";
import { reportCsv, reportName } from "../importFlow";

/** "Download report (CSV)": a Blob behind an object URL, released when the report changes. */
export function ReportLink(props: { result: ImportResult }): JSX.Element | null {
  const { t, content } = useLocale();
  const csv = useMemo(() => reportCsv(props.result, content), [props.result, content]);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (typeof URL.createObjectURL !== "function") return;
    const u = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [csv]);
  if (url === null) return null;
  return (
    <Link href={url} download={reportName(props.result.source.name)}>
      {t("import.report")}
    </Link>
  );
}
