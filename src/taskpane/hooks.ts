import { useCallback, useEffect, useRef, useState } from "react";
import type { Capabilities, PortCallOptions, ProgressStep, WorkbookPort } from "../port";
import { isAbortError } from "./errors";

export type TaskStatus = "idle" | "running" | "done" | "error" | "cancelled";

export interface TaskState<T> {
  status: TaskStatus;
  fraction: number;
  step: ProgressStep | null;
  result: T | null;
  error: unknown;
}

export interface Task<T> extends TaskState<T> {
  /** Starts the work with a fresh AbortController; a running task is cancelled first. */
  run(work: (options: PortCallOptions) => Promise<T>): Promise<void>;
  cancel(): void;
  reset(): void;
}

const IDLE: TaskState<never> = { status: "idle", fraction: 0, step: null, result: null, error: null };

/** Async state for one kind of port call: progress, cancel (AbortController), result or error. */
export function useTask<T>(): Task<T> {
  const [state, setState] = useState<TaskState<T>>(IDLE);
  const controller = useRef<AbortController | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controller.current?.abort();
    };
  }, []);

  const run = useCallback(async (work: (options: PortCallOptions) => Promise<T>) => {
    controller.current?.abort();
    const ac = new AbortController();
    controller.current = ac;
    const alive = (): boolean => mounted.current && controller.current === ac;
    setState({ ...IDLE, status: "running" });
    try {
      const result = await work({
        signal: ac.signal,
        onProgress: (fraction, step) => {
          if (alive()) setState((s) => ({ ...s, fraction: Math.max(0, Math.min(1, fraction)), step }));
        },
      });
      if (!alive()) return;
      if (ac.signal.aborted) setState({ ...IDLE, status: "cancelled" });
      else setState({ status: "done", fraction: 1, step: null, result, error: null });
    } catch (error) {
      if (!alive()) return;
      setState(isAbortError(error) || ac.signal.aborted ? { ...IDLE, status: "cancelled" } : { ...IDLE, status: "error", error });
    }
  }, []);

  const cancel = useCallback(() => {
    const ac = controller.current;
    if (!ac) return;
    ac.abort();
    setState((s) => (s.status === "running" ? { ...IDLE, status: "cancelled" } : s));
  }, []);

  const reset = useCallback(() => setState(IDLE), []);

  return { ...state, run, cancel, reset };
}

export type CapabilityState =
  | { status: "loading" }
  | { status: "ready"; caps: Capabilities }
  | { status: "error"; error: unknown };

/** The host's ExcelApi sets, asked once at start. */
export function useCapabilities(port: WorkbookPort): CapabilityState {
  const [state, setState] = useState<CapabilityState>({ status: "loading" });
  useEffect(() => {
    const ac = new AbortController();
    port.getCapabilities({ signal: ac.signal }).then(
      (caps) => !ac.signal.aborted && setState({ status: "ready", caps }),
      (error: unknown) => !ac.signal.aborted && setState({ status: "error", error }),
    );
    return () => ac.abort();
  }, [port]);
  return state;
}
