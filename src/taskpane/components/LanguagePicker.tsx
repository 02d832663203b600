import { Select } from "@fluentui/react-components";
import { UI_LOCALES, type UiLocale } from "../../i18n";
import { useLocale } from "../locale";

/** Pane language: 中文 / English (the pseudo-locale is only reachable by ?lang=qps-ploc). */
export function LanguagePicker(): JSX.Element {
  const { locale, t, setLocale } = useLocale();
  const current = locale === "qps-ploc" ? "en-US" : locale;
  return (
    <Select aria-label={t("app.language")} size="small" value={current} onChange={(_, data) => setLocale(data.value as UiLocale)}>
      {UI_LOCALES.map((l) => (
        <option key={l} value={l}>
          {t(`lang.${l}`)}
        </option>
      ))}
    </Select>
  );
}
