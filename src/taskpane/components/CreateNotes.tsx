import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useLocale } from "../locale";
import type { CreateNote } from "../../port";

/** Features the adapter left out on an older Excel, worded in the pane's language. */
export function CreateNotes(props: { notes: readonly CreateNote[] | undefined }): JSX.Element | null {
  const { t } = useLocale();
  const notes = props.notes ?? [];
  if (notes.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        {t("new.notes")}
        <ul style={{ margin: "4px 0 0", paddingLeft: 18 }}>
          {notes.map((n, i) => {
            const what = t(`note.${n.code}`);
            return <li key={i}>{n.sheet !== undefined ? t("note.item", { what, sheet: n.sheet, version: n.version }) : t("note.itemWorkbook", { what, version: n.version })}</li>;
          })}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
