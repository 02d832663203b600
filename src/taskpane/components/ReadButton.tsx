import { Button } from "@fluentui/react-components";
import { FeatureNote } from "./FeatureNote";

/** The primary "read the workbook" button of a tab, disabled while reading or when this Excel lacks the feature (the reason shown below it). */
export function ReadButton(props: { label: string; noteId: string; reason: string | null; running: boolean; onClick(): void }): JSX.Element {
  return (
    <div>
      <Button appearance="primary" disabled={props.running || props.reason !== null} aria-describedby={props.reason ? props.noteId : undefined} onClick={props.onClick}>
        {props.label}
      </Button>
      <FeatureNote id={props.noteId} reason={props.reason} />
    </div>
  );
}
