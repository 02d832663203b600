import { execFileSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import Papa from "papaparse";
import { score } from "../../src/core/engine";
import { importDelimited, IndicatorIndex } from "../../src/core/import";
import { importDelimitedStaged } from "../../src/core/import/importRatings";
import { defaultTree, leaves } from "../../src/core/model";
import { gcFunction, heapNow, line, mb } from "../util";

const ROWS = 100_000;
const VENDORS = 25;
const RATERS = 82; // 25 × 82 × 49 leaves ≥ 100,000 distinct (vendor, indicator, rater)
const ROUNDS = 15;

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

function ms(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e6;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Runs every task once per round, in a rotated order, for `rounds` rounds: the floors and the
 * import see the same machine load (this VM is shared and noisy). Per task: the best time, and
 * per round the time itself, so ratios can also be taken within one round.
 */
function interleaved(tasks: Record<string, () => unknown>, rounds: number): Record<string, number[]> {
  const names = Object.keys(tasks);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length];
      const t0 = process.hrtime.bigint();
      tasks[name]();
      times[name].push(ms(t0));
    }
  }
  return times;
}

export async function bench(): Promise<void> {
  const tree = defaultTree();
  const codes = leaves(tree).map((l) => l.node.code);
  const text = generate(codes);
  const bytes = new TextEncoder().encode(text);
  line("long CSV", `${ROWS.toLocaleString("en-US")} rows, ${mb(bytes.length)} (${VENDORS} vendors × ${RATERS} raters × ${codes.length} leaves)`);

  const index = new IndicatorIndex(tree);
  const e2e = (b: Uint8Array): number => {
    const res = importDelimited(b, { tree, index });
    return score(tree, res.accepted, { aggregate: "mean" }).vendors.length;
  };
  const tasks = {
    // papaparse as the import would call it without detection of its own: guessing the delimiter…
    papaDefault: () => Papa.parse<string[]>(text, { header: false }).data.length,
    // …and its best case: the decoded text and the delimiter given (the fair floor)…
    papaTight: () => Papa.parse<string[]>(text, { header: false, delimiter: "," }).data.length,
    // …also as its core Parser alone, delimiter and line break given (what the import calls per piece).
    papaCore: () => new Papa.Parser({ delimiter: ",", newline: "\r\n" }).parse(text, 0, false).data.length,
    importOnly: () => importDelimited(bytes, { tree, index }).counts.accepted,
    endToEnd: () => e2e(bytes),
  };
  // Warm-up: JIT and the first major GC of the generated text, so the best-of runs compare like with like.
  interleaved(tasks, 3);
  const r = importDelimited(bytes, { tree, index });
  if (r.counts.accepted !== ROWS) console.log(`  (unexpected: ${r.counts.accepted} accepted, ${r.counts.rejected} rejected)`);

  const t = interleaved(tasks, ROUNDS);
  const best = (name: keyof typeof tasks): number => Math.min(...t[name]);
  const floor = best("papaDefault");
  const tight = Math.min(best("papaTight"), best("papaCore"));
  const imp = best("importOnly");
  const all = best("endToEnd");
  const perRound = t.endToEnd.map((x, i) => x / Math.min(t.papaTight[i], t.papaCore[i]));
  line(`floor: papaparse alone (string, header:false)`, `${floor.toFixed(1)} ms (best of ${ROUNDS}, interleaved with the import)`);
  line("papaparse alone, delimiter given", `${best("papaTight").toFixed(1)} ms`);
  line("papaparse core Parser alone, delimiter + line break given", `${best("papaCore").toFixed(1)} ms`);
  line("tight floor: the faster of the two", `${tight.toFixed(1)} ms`);
  line("import: decode + parse + map + match + validate", `${imp.toFixed(1)} ms (${(imp / tight).toFixed(2)}× tight floor)`);
  line(
    "end to end: import + engine score (mean)",
    `${all.toFixed(1)} ms (${(all / floor).toFixed(2)}× floor, ${(all / tight).toFixed(2)}× tight floor; target ≤ 1.5×)`,
  );
  line("  end to end ÷ tight floor within each round", `median ${median(perRound).toFixed(2)}×, worst ${Math.max(...perRound).toFixed(2)}×`);

  // Stages: one instrumented import at a time (best of 7 per stage), and the engine alone.
  const stages: Record<string, number> = {};
  let stagedTotal = Infinity;
  for (let i = 0; i < 7; i++) {
    const t0 = process.hrtime.bigint();
    const { result, stages: s } = importDelimitedStaged(bytes, { tree, index });
    const t1 = process.hrtime.bigint();
    score(tree, result.accepted, { aggregate: "mean" });
    s["aggregation (engine score, mean)"] = ms(t1);
    stagedTotal = Math.min(stagedTotal, Number(t1 - t0) / 1e6 + s["aggregation (engine score, mean)"]);
    for (const [k, v] of Object.entries(s)) stages[k] = Math.min(stages[k] ?? Infinity, v);
  }
  console.log("  stages (best of 7 each; rows → ratings runs between papaparse calls, one piece of the text at a time):");
  for (const [k, v] of Object.entries(stages)) line(`    ${k}`, `${v.toFixed(1)} ms`);
  line("    sum of stage bests (instrumented run, best)", `${Object.values(stages).reduce((a, b) => a + b, 0).toFixed(1)} ms (${stagedTotal.toFixed(1)} ms)`);

  const quoted = text.replace(/checked on site visit (\d+)/g, '"checked, on site\nvisit $1"');
  const qBytes = new TextEncoder().encode(quoted);
  const q = interleaved(
    {
      papa: () => Papa.parse<string[]>(quoted, { header: false, delimiter: "," }).data.length,
      imp: () => importDelimited(qBytes, { tree, index }).counts.accepted,
    },
    5,
  );
  const qFloor = Math.min(...q.papa);
  const qImp = Math.min(...q.imp);
  line("quoted multi-line comments: papaparse, delimiter given", `${qFloor.toFixed(1)} ms`);
  line("quoted multi-line comments: import", `${qImp.toFixed(1)} ms (${(qImp / qFloor).toFixed(2)}× floor)`);

  const gc = gcFunction();
  gc();
  const before = heapNow();
  const kept = importDelimited(bytes, { tree, index });
  gc();
  const after = heapNow();
  line("heap held by one import result (100k ratings), after GC", mb(after - before));
  if (kept.counts.read !== ROWS) console.log("  (unexpected row count)");

  // Peak memory: a fresh process reads the file, imports and scores it once.
  const dir = mkdtempSync(join(tmpdir(), "import-bench-"));
  try {
    const file = join(dir, "long.csv");
    writeFileSync(file, bytes);
    const out = execFileSync(process.execPath, [...process.execArgv, join(__dirname, "..", "importPeak.ts"), file], { encoding: "utf8" });
    const p = JSON.parse(out.trim().split("\n").pop() as string) as { maxRss: number; rssBefore: number; heapBefore: number; heapAfter: number; ms: number };
    line("peak RSS, fresh process: read + import + score", `${mb(p.maxRss)} (before the import ${mb(p.rssBefore)}; target < 300 MB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
