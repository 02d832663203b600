import type { MessageKey, Messages } from "./en-US";

const ACCENTS: Record<string, string> = {
  a: "á", b: "ƀ", c: "ç", d: "ð", e: "é", f: "ƒ", g: "ĝ", h: "ĥ", i: "í", j: "ĵ", k: "ķ", l: "ĺ", m: "ɱ",
  n: "ñ", o: "ő", p: "þ", q: "ǫ", r: "ŕ", s: "ŝ", t: "ţ", u: "ú", v: "ṽ", w: "ŵ", x: "ẋ", y: "ý", z: "ž",
  A: "Á", B: "Ɓ", C: "Ç", D: "Ð", E: "É", F: "Ƒ", G: "Ĝ", H: "Ĥ", I: "Í", J: "Ĵ", K: "Ķ", L: "Ĺ", M: "Ṁ",
  N: "Ñ", O: "Ő", P: "Þ", Q: "Ǫ", R: "Ŕ", S: "Ŝ", T: "Ţ", U: "Ú", V: "Ṽ", W: "Ŵ", X: "Ẋ", Y: "Ý", Z: "Ž",
};

export const PSEUDO_OPEN = "[!! ";
export const PSEUDO_CLOSE = " !!]";

/** "Cancel {n}" → "[!! Çáñçéĺ {n} !!]": accented, wrapped, placeholders kept, so untranslated text stands out. */
export function pseudoString(text: string): string {
  const body = text
    .split(/(\{[a-zA-Z]+\})/)
    .map((part) => (/^\{[a-zA-Z]+\}$/.test(part) ? part : part.replace(/[a-zA-Z]/g, (ch) => ACCENTS[ch] ?? ch)))
    .join("");
  return `${PSEUDO_OPEN}${body}${PSEUDO_CLOSE}`;
}

export function pseudoLocalize(messages: Messages): Messages {
  const out = {} as Record<MessageKey, string>;
  for (const key of Object.keys(messages) as MessageKey[]) out[key] = pseudoString(messages[key]);
  return out;
}
