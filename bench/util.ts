import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";

/** Shared helpers for bench sections. Figures only: nothing here fails a run. */
export function timeIt<T>(fn: () => T, repeats = 5): { ms: number; result: T } {
  let best = Infinity;
  let result!: T;
  for (let i = 0; i < repeats; i++) {
    const t0 = process.hrtime.bigint();
    result = fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (ms < best) best = ms;
  }
  return { ms: best, result };
}

export async function timeItAsync<T>(fn: () => Promise<T>, repeats = 3): Promise<{ ms: number; result: T }> {
  let best = Infinity;
  let result!: T;
  for (let i = 0; i < repeats; i++) {
    const t0 = process.hrtime.bigint();
    result = await fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (ms < best) best = ms;
  }
  return { ms: best, result };
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Peak of heapUsed + external sampled while fn runs synchronously is not observable; report the delta after. */
export function heapNow(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.external + m.arrayBuffers;
}

export function line(label: string, value: string): void {
  console.log(`${label.padEnd(52)} ${value}`);
}

/** A full GC, whether or not node was started with --expose-gc. */
export function gcFunction(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}
