import { createContext, useContext, useMemo, type ReactNode } from "react";
import { contentLocale, translator, type Translate, type UiLocale } from "../i18n";
import type { Locale } from "./model";

export interface LocaleState {
  locale: UiLocale;
  /** Language for indicator names and for the workbook. */
  content: Locale;
  t: Translate;
  setLocale(locale: UiLocale): void;
}

const LocaleContext = createContext<LocaleState | null>(null);

export function LocaleProvider(props: { locale: UiLocale; setLocale(l: UiLocale): void; children: ReactNode }): JSX.Element {
  const { locale, setLocale, children } = props;
  const value = useMemo<LocaleState>(
    () => ({ locale, content: contentLocale(locale), t: translator(locale), setLocale }),
    [locale, setLocale],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  const value = useContext(LocaleContext);
  if (value === null) throw new Error("useLocale outside LocaleProvider");
  return value;
}

/** Percent figure as people read it: at most one decimal. */
export function pct(n: number): string {
  return String(Math.round(n * 10) / 10);
}
