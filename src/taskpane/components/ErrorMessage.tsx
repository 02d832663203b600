import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import { describeError } from "../errors";
import { useLocale } from "../locale";

/** An error in plain words with what to do; the Office code, if any, small underneath. Never a stack. */
export function ErrorMessage(props: { error: unknown; onDismiss?(): void }): JSX.Element {
  const { t } = useLocale();
  const e = describeError(props.error, t);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{e.title}</MessageBarTitle> {e.action}
        {e.code !== null && (
          <>
            <br />
            <Text size={200}>{t("error.code", { code: e.code })}</Text>
          </>
        )}
      </MessageBarBody>
      {props.onDismiss && (
        <MessageBarActions>
          <Button size="small" onClick={props.onDismiss}>
            {t("error.dismiss")}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
