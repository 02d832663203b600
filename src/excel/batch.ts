/**
 * Queued operations and request-size accounting. Office.js sends everything queued between two
 * `context.sync()` calls as one request; Excel on the web refuses a request over 5 MB. Work is
 * queued as ops with an estimated size, then run in as few syncs as the byte budget allows.
 */
import { throwIfAborted } from "./errors";

/** Largest request we let build up (Excel's limit is 5 MB; room left for the estimate's error). */
export const REQUEST_BUDGET = 4_000_000;
/** Target size of one block chunk, so chunks pack well under the budget. */
export const CHUNK_BYTES = 500_000;
/** Rough JSON size of one action and its object path in an Office.js request. */
export const ACTION_BYTES = 200;

export function jsonSize(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

/** Estimated request bytes of `actions` actions carrying `payload`. */
export function estimate(actions: number, payload?: unknown): number {
  return actions * ACTION_BYTES + (payload === undefined ? 0 : jsonSize(payload));
}

export interface Op {
  bytes: number;
  run(): void;
}

export interface SyncStats {
  syncs: number;
  /** Estimated bytes of each request sent, in order. */
  requests: number[];
}

export function newStats(): SyncStats {
  return { syncs: 0, requests: [] };
}

/** Counts syncs and estimated bytes; checks the abort signal before every round trip. */
export class Syncer {
  private pending = 0;

  constructor(
    readonly context: Excel.RequestContext,
    readonly stats: SyncStats = newStats(),
    readonly signal?: AbortSignal,
    readonly budget = REQUEST_BUDGET,
  ) {}

  get pendingBytes(): number {
    return this.pending;
  }

  add(bytes: number): void {
    this.pending += bytes;
  }

  async sync(): Promise<void> {
    throwIfAborted(this.signal);
    this.stats.syncs++;
    this.stats.requests.push(this.pending);
    this.pending = 0;
    await this.context.sync();
    throwIfAborted(this.signal);
  }
}

/**
 * Runs ops in order, syncing only when the next op would push the request over the budget, and
 * once at the end. `beforeBatch` runs at the start of every batch (e.g. to suspend calculation).
 */
export async function runOps(
  syncer: Syncer,
  ops: Op[],
  hooks: { beforeBatch?: () => Op | null; onBatch?: (done: number, total: number) => void } = {},
): Promise<void> {
  const total = ops.length;
  const startBatch = (): void => {
    const op = hooks.beforeBatch?.();
    if (op) {
      op.run();
      syncer.add(op.bytes);
    }
  };
  startBatch();
  for (let i = 0; i < total; i++) {
    const op = ops[i];
    if (syncer.pendingBytes > 0 && syncer.pendingBytes + op.bytes > syncer.budget) {
      await syncer.sync();
      hooks.onBatch?.(i, total);
      startBatch();
    }
    op.run();
    syncer.add(op.bytes);
  }
  await syncer.sync();
  hooks.onBatch?.(total, total);
}

/** Ops in the order they must run. */
export class OpList {
  readonly ops: Op[] = [];

  push(bytes: number, run: () => void): void {
    this.ops.push({ bytes, run });
  }
}
