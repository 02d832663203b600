/** Parses a list typed one per line or comma-separated (ASCII or Chinese commas, semicolons). */
export interface NameList {
  /** Trimmed, non-empty names, each once, in the order first entered. */
  names: string[];
  /** Names entered more than once (as first written). */
  duplicates: string[];
  /** Empty entries between separators (not counting trailing line breaks). */
  empty: number;
}

export function parseNames(text: string): NameList {
  const trimmed = text.replace(/\s+$/, "");
  if (trimmed.trim() === "") return { names: [], duplicates: [], empty: 0 };
  const raw = trimmed.split(/\r?\n|[,，;；、]/).map((s) => s.trim());
  const names: string[] = [];
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  let empty = 0;
  for (const name of raw) {
    if (name === "") {
      empty++;
      continue;
    }
    const folded = name.toLocaleLowerCase();
    const first = seen.get(folded);
    if (first !== undefined) {
      if (!duplicates.includes(first)) duplicates.push(first);
      continue;
    }
    seen.set(folded, name);
    names.push(name);
  }
  return { names, duplicates, empty };
}
