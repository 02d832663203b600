import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import { describeError } from "../errors";
import { useLocale } from "../locale";

/** An error in plain words with what to do; the Office code, if any, small underneath. Never a stack. */
export function ErrorMessage(props: { error: unknown; onDismiss?(): void; onGoTo?(sheet: string, address: string): void }): JSX.Element {
  const { t } = useLocale();
  const e = describeError(props.error, t);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{e.title}</MessageBarTitle> {e.action}
        {e.where !== null && (
          <>
            <br />
            <Text size={200}>{t("error.cell", { cell: `${e.where.sheet}!${e.where.address}` })}</Text>{" "}
            {props.onGoTo && (
              <Link as="button" onClick={() => e.where && props.onGoTo?.(e.where.sheet, e.where.address)}>
                {t("error.goTo")}
              </Link>
            )}
          </>
        )}
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
