/** Bytes → text: BOM first, then strict UTF-8, else GB18030 (what Excel on Chinese Windows writes). */

export type EncodingChoice = "auto" | "utf8" | "gb18030" | "utf16le" | "utf16be";
export type DetectedEncoding = "utf8" | "utf8-bom" | "gb18030" | "utf16le" | "utf16be";

export interface DecodeResult {
  text: string;
  encoding: DetectedEncoding;
  /** True when the decoder replaced undecodable bytes with U+FFFD (only possible for a forced encoding or GB18030). */
  lossy: boolean;
}

export const ENCODING_CHOICES: readonly EncodingChoice[] = ["auto", "utf8", "gb18030", "utf16le", "utf16be"];

const LABEL: Record<Exclude<DetectedEncoding, "utf8-bom">, string> = {
  utf8: "utf-8",
  gb18030: "gb18030",
  utf16le: "utf-16le",
  utf16be: "utf-16be",
};

function decodeWith(encoding: Exclude<DetectedEncoding, "utf8-bom">, bytes: Uint8Array): { text: string; lossy: boolean } {
  // ignoreBOM: true keeps a BOM in the text, so the caller strips exactly what it detected.
  const text = new TextDecoder(LABEL[encoding], { ignoreBOM: true }).decode(bytes);
  return { text, lossy: text.includes("\uFFFD") };
}

/** The text when the bytes are valid UTF-8, else null (one pass: fatal decoding). */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Without a BOM, UTF-16 text of mostly ASCII has a zero byte in every other position. */
function guessBomlessUtf16(bytes: Uint8Array): "utf16le" | "utf16be" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero === 0) return "utf16le";
  if (evenZero > pairs * 0.4 && oddZero === 0) return "utf16be";
  return null;
}

/** Never throws. With a forced choice the bytes are decoded that way (a matching BOM is dropped). */
export function decodeBytes(bytes: Uint8Array, choice: EncodingChoice = "auto"): DecodeResult {
  const b0 = bytes[0];
  const b1 = bytes[1];
  const b2 = bytes[2];
  const utf8Bom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf;
  const leBom = b0 === 0xff && b1 === 0xfe;
  const beBom = b0 === 0xfe && b1 === 0xff;
  const strip = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

  if (choice !== "auto") {
    const { text, lossy } = decodeWith(choice, bytes);
    return { text: strip(text), encoding: choice === "utf8" && utf8Bom ? "utf8-bom" : choice, lossy };
  }
  if (utf8Bom) {
    const { text, lossy } = decodeWith("utf8", bytes);
    return { text: strip(text), encoding: "utf8-bom", lossy };
  }
  if (leBom || beBom) {
    const enc = leBom ? "utf16le" : "utf16be";
    const { text, lossy } = decodeWith(enc, bytes);
    return { text: strip(text), encoding: enc, lossy };
  }
  const utf16 = guessBomlessUtf16(bytes);
  if (utf16) {
    const { text, lossy } = decodeWith(utf16, bytes);
    return { text, encoding: utf16, lossy };
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: "utf8", lossy: false };
  const { text, lossy } = decodeWith("gb18030", bytes);
  return { text, encoding: "gb18030", lossy };
}
