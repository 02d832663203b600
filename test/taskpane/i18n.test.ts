import { dictionaries, format, localeFromDisplayLanguage, messagesFor, pseudoString, translator, UI_LOCALES, type MessageKey } from "../../src/i18n";
import { enUS } from "../../src/i18n/en-US";

const keys = Object.keys(enUS) as MessageKey[];
const placeholders = (s: string): string[] => [...s.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]).sort();

describe("dictionaries", () => {
  test.each(UI_LOCALES)("%s has every key, none empty, no extra keys", (locale) => {
    const dict = dictionaries[locale] as Record<string, unknown>;
    const missing = keys.filter((k) => typeof dict[k] !== "string" || (dict[k] as string).trim() === "");
    expect(missing).toEqual([]);
    expect(Object.keys(dict).filter((k) => !(k in enUS))).toEqual([]);
  });

  test("zh-CN uses the same placeholders as en-US for every key", () => {
    const wrong = keys.filter((k) => placeholders(dictionaries["zh-CN"][k]).join() !== placeholders(enUS[k]).join());
    expect(wrong).toEqual([]);
  });

  test("zh-CN is actually translated (only language names and symbols may equal English)", () => {
    const same = keys.filter((k) => dictionaries["zh-CN"][k] === enUS[k]);
    expect(same).toEqual(["lang.zh-CN", "lang.en-US", "check.noScore"]);
  });
});

describe("language choice", () => {
  test.each([
    ["zh-CN", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["ZH-hk", "zh-CN"],
    ["zh", "zh-CN"],
    ["en-US", "en-US"],
    ["en-GB", "en-US"],
    ["de-DE", "en-US"],
    ["", "en-US"],
    [undefined, "en-US"],
    ["qps-ploc", "qps-ploc"],
  ])("%s → %s", (display, expected) => {
    expect(localeFromDisplayLanguage(display)).toBe(expected);
  });
});

describe("format and pseudo-locale", () => {
  test("fills placeholders and leaves unknown ones visible", () => {
    expect(format("{a} of {b}", { a: 1 })).toBe("1 of {b}");
  });

  test("pseudo strings are wrapped, accented, and keep placeholders", () => {
    expect(pseudoString("Cancel {count} items")).toBe("[!! Çáñçéĺ {count} íţéɱŝ !!]");
    const t = translator("qps-ploc");
    expect(t("new.vendors.count", { count: 3 })).toBe("[!! 3 ṽéñðőŕŝ !!]");
    for (const k of keys) expect(messagesFor("qps-ploc")[k]).toMatch(/^\[!! [\s\S]* !!\]$/);
  });
});
