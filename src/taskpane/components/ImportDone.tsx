import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useLocale } from "../locale";
import type { ImportRatingsResult } from "../../port";

/** What an import wrote. */
export function ImportDone(props: { result: ImportRatingsResult }): JSX.Element {
  const { t } = useLocale();
  const r = props.result;
  const notes = (r.notesAdded ?? 0) + (r.notesOverwritten ?? 0);
  const nothing = r.added + r.overwritten + notes === 0;
  return (
    <MessageBar intent={nothing ? "info" : "success"} layout="multiline">
      <MessageBarBody>
        {nothing ? t("import.nothing") : t("import.done", { added: r.added, overwritten: r.overwritten, kept: r.kept })}
        {r.newVendors.length > 0 && <> {t("import.doneVendors", { names: r.newVendors.join(", ") })}</>}
        {r.skipped > 0 && <> {t("import.doneSkipped", { count: r.skipped })}</>}
        {notes + (r.notesKept ?? 0) > 0 && <> {t("import.doneReasons", { added: r.notesAdded ?? 0, overwritten: r.notesOverwritten ?? 0, kept: r.notesKept ?? 0 })}</>}
        {(r.notesSkipped ?? 0) > 0 && <> {t("import.doneReasonsSkipped", { count: r.notesSkipped ?? 0 })}</>}
      </MessageBarBody>
    </MessageBar>
  );
}
