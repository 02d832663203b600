import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useLocale } from "../locale";

export function DemoBanner(): JSX.Element {
  const { t } = useLocale();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="demo-banner">
      <MessageBarBody>
        <MessageBarTitle>{t("app.demoBanner")}</MessageBarTitle> {t("app.demoBannerDetail")}
      </MessageBarBody>
    </MessageBar>
  );
}
