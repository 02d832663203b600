import { MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { findByCode, type IndicatorTree } from "../model";
import { useLocale } from "../locale";
import type { ReturnedCopyPreview } from "../../port";
import { existingText } from "../../plan/cellConflicts";
import type { RatingValue } from "../../core/engine";

const SHOWN = 20;
const WARNINGS = ["not-a-rater-copy", "other-standard", "not-xlsx", "no-model", "no-header", "unknown-rater", "no-notes-grid"] as const;
type Warning = (typeof WARNINGS)[number];
const isWarning = (w: string): w is Warning => (WARNINGS as readonly string[]).includes(w);

/** What merging a returned copy would do: counts (of the reasons too), extra vendors, unknown codes, unplaced rows, conflicts. */
export function CopyPreviewView(props: { copy: ReturnedCopyPreview; tree: IndicatorTree }): JSX.Element {
  const { copy, tree } = props;
  const { t, content } = useLocale();
  const p = copy.preview;
  const value = (v: RatingValue): string => (v === "NA" ? "N/A" : String(v));
  const indicator = (code: string): string => {
    const node = findByCode(tree, code)?.node;
    return node ? `${node.code} ${node.name[content]}` : code;
  };
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 6 }} aria-live="polite">
      <Text as="h3" weight="semibold" block>
        {t("panel.preview.title", { rater: copy.rater || "?", file: copy.sourceFile })}
      </Text>
      {copy.warnings.filter(isWarning).map((w) => (
        <MessageBar key={w} intent="warning" layout="multiline">
          <MessageBarBody>{t(`panel.warning.${w}`, { rater: copy.rater })}</MessageBarBody>
        </MessageBar>
      ))}
      <Text block>
        {t("panel.preview.counts", { read: p.rowsRead, accepted: p.accepted, rejected: p.rejected, added: p.added, unchanged: p.unchanged, conflicts: p.conflicts.length })}
      </Text>
      {copy.notes.length > 0 && (
        <Text block>{t("panel.preview.notes", { rater: copy.rater, added: copy.notePreview.added, unchanged: copy.notePreview.unchanged, conflicts: copy.notePreview.conflicts })}</Text>
      )}
      {copy.extraVendors.length > 0 && <Text block>{t("panel.preview.extraVendors", { list: copy.extraVendors.join(", ") })}</Text>}
      {copy.unknownCodes.length > 0 && <Text block>{t("panel.preview.unknownCodes", { list: copy.unknownCodes.join(", ") })}</Text>}
      {copy.unplacedRows > 0 && <Text block>{t("panel.preview.unplaced", { count: copy.unplacedRows })}</Text>}
      {p.conflicts.length > 0 && (
        <>
          <Text weight="semibold" block>{t("panel.preview.conflicts", { rater: copy.rater })}</Text>
          <ul style={{ margin: "2px 0", paddingInlineStart: 18 }}>
            {p.conflicts.slice(0, SHOWN).map((c) => (
              <li key={`${c.vendor}|${c.code}`}>
                <Text>{t("panel.preview.conflict", { vendor: c.vendor, indicator: indicator(c.code), existing: existingText(c.existing, "N/A"), incoming: value(c.incoming) })}</Text>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
