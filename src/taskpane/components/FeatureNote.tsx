import { Text } from "@fluentui/react-components";

/** Why a control is disabled (an ExcelApi set this Excel lacks); linked to it by id. */
export function FeatureNote(props: { id: string; reason: string | null }): JSX.Element | null {
  if (!props.reason) return null;
  return (
    <Text id={props.id} size={200} block style={{ color: "var(--colorPaletteDarkOrangeForeground1)" }}>
      {props.reason}
    </Text>
  );
}
