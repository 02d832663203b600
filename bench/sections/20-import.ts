import Papa from "papaparse";
import { score } from "../../src/core/engine";
import { importDelimited, IndicatorIndex } from "../../src/core/import";
import { defaultTree, leaves } from "../../src/core/model";
import { gcFunction, heapNow, line, mb, timeIt } from "../util";

const ROWS = 100_000;
const VENDORS = 25;
const RATERS = 82; // 25 × 82 × 49 leaves ≥ 100,000 distinct (vendor, indicator, rater)

/** A long CSV: vendor, indicator code, rater, score, comment; every key distinct, 1 in 50 N/A. */
function generate(codes: string[]): string {
  const parts: string[] = ["vendor,indicator,rater,score,comment\r\n"];
  let seed = 7;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  let n = 0;
  for (let v = 0; v < VENDORS && n < ROWS; v++) {
    for (let r = 0; r < RATERS && n < ROWS; r++) {
      for (let c = 0; c < codes.length && n < ROWS; c++, n++) {
        const x = rnd();
        const value = x < 0.02 ? "N/A" : x < 0.5 ? String(Math.round(x * 100)) : (x * 100).toFixed(1);
        parts.push(`Vendor ${v + 1},${codes[c]},Rater ${r + 1},${value},checked on site visit ${n % 97}\r\n`);
      }
    }
  }
  return parts.join("");
}

export async function bench(): Promise<void> {
  const tree = defaultTree();
  const codes = leaves(tree).map((l) => l.node.code);
  const text = generate(codes);
  const bytes = new TextEncoder().encode(text);
  line("long CSV", `${ROWS.toLocaleString("en-US")} rows, ${mb(bytes.length)} (${VENDORS} vendors × ${RATERS} raters × ${codes.length} leaves)`);

  const index = new IndicatorIndex(tree);
  // Warm-up: JIT and the first major GC of the generated text, so the best-of runs compare like with like.
  for (let i = 0; i < 2; i++) {
    Papa.parse<string[]>(text, { header: false });
    importDelimited(bytes, { tree, index });
  }
  const floor = timeIt(() => Papa.parse<string[]>(text, { header: false }).data.length, 9);
  line("floor: papaparse alone (string, header:false)", `${floor.ms.toFixed(1)} ms`);
  // The tightest floor: papaparse with the delimiter already known, as the import calls it after detection.
  const tight = timeIt(() => Papa.parse<string[]>(text, { header: false, delimiter: "," }).data.length, 9);
  line("floor: papaparse alone, delimiter given", `${tight.ms.toFixed(1)} ms`);

  const imp = timeIt(() => importDelimited(bytes, { tree, index }), 9);
  const r = imp.result;
  if (r.counts.accepted !== ROWS) console.log(`  (unexpected: ${r.counts.accepted} accepted, ${r.counts.rejected} rejected)`);
  line("import: decode + parse + map + match + validate", `${imp.ms.toFixed(1)} ms (${(imp.ms / floor.ms).toFixed(2)}× floor, ${(imp.ms / tight.ms).toFixed(2)}× tight floor; target ≤ 1.5×)`);

  const e2e = timeIt(() => {
    const res = importDelimited(bytes, { tree, index });
    return score(tree, res.accepted, { aggregate: "mean" }).vendors.length;
  }, 9);
  line("import + engine score (mean)", `${e2e.ms.toFixed(1)} ms (${(e2e.ms / floor.ms).toFixed(2)}× floor)`);

  const quoted = text.replace(/checked on site visit (\d+)/g, '"checked, on site\nvisit $1"');
  const qBytes = new TextEncoder().encode(quoted);
  const qFloor = timeIt(() => Papa.parse<string[]>(quoted, { header: false }).data.length, 5);
  const qImp = timeIt(() => importDelimited(qBytes, { tree, index }).counts.accepted, 5);
  line("quoted multi-line comments: papaparse alone", `${qFloor.ms.toFixed(1)} ms`);
  line("quoted multi-line comments: import", `${qImp.ms.toFixed(1)} ms (${(qImp.ms / qFloor.ms).toFixed(2)}× floor)`);

  const gc = gcFunction();
  gc();
  const before = heapNow();
  const kept = importDelimited(bytes, { tree, index });
  gc();
  const after = heapNow();
  line("heap held by one import result (100k ratings), after GC", mb(after - before));
  if (kept.counts.read !== ROWS) console.log("  (unexpected row count)");
}
