import type { Locale } from "../core/model/types";
import { enUS, type MessageKey, type Messages } from "./en-US";
import { pseudoLocalize } from "./pseudo";
import { zhCN } from "./zh-CN";

export type { MessageKey, Messages } from "./en-US";
export { pseudoLocalize, pseudoString, PSEUDO_OPEN, PSEUDO_CLOSE } from "./pseudo";

/** Languages of the pane: the two product languages plus a pseudo-locale for finding hard-coded text. */
export type UiLocale = Locale | "qps-ploc";
export const UI_LOCALES: readonly Locale[] = ["zh-CN", "en-US"];

export const dictionaries: Readonly<Record<Locale, Messages>> = { "en-US": enUS, "zh-CN": zhCN };

let pseudo: Messages | null = null;

export function messagesFor(locale: UiLocale): Messages {
  if (locale === "qps-ploc") return (pseudo ??= pseudoLocalize(enUS));
  return dictionaries[locale];
}

/** Office's display language ("zh-CN", "zh-TW", "en-GB", …): zh* → zh-CN, anything else → en-US. */
export function localeFromDisplayLanguage(lang: string | undefined | null): UiLocale {
  if (!lang) return "en-US";
  if (lang.toLowerCase() === "qps-ploc") return "qps-ploc";
  return lang.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}

/** The language of content (indicator names, workbook text) for a pane language. */
export function contentLocale(locale: UiLocale): Locale {
  return locale === "zh-CN" ? "zh-CN" : "en-US";
}

/** Fills {name} placeholders; an unknown placeholder stays visible rather than vanishing. */
export function format(template: string, vars: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export type Translate = (key: MessageKey, vars?: Readonly<Record<string, string | number>>) => string;

export function translator(locale: UiLocale): Translate {
  const messages = messagesFor(locale);
  return (key, vars) => format(messages[key], vars);
}
