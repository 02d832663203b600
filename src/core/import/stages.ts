/**
 * Optional wall times per import stage (ms), for the bench's breakdown. Normal imports pass
 * null: the cost is one null check per batch of rows.
 */
export type StageTimes = Record<string, number>;

export function now(): number {
  return performance.now();
}

/** Adds the time since `since` to the stage and returns the current time. */
export function lap(stages: StageTimes | null, name: string, since: number): number {
  const t = now();
  if (stages) stages[name] = (stages[name] ?? 0) + (t - since);
  return t;
}
