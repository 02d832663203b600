import { raterCopyPlan, type RaterCopyOptions } from "../plan/raterCopy";
import { raterCopyFileName } from "../plan/copyMerge";
import type { RaterCopyFile } from "../plan/copyTypes";
import type { StoredModel } from "../plan/types";
import { writeXlsxBytes } from "./writeXlsxBytes";

/** One rater's copy as .xlsx bytes (no Node Buffer: runs in the pane), with the ratings and reasons they already gave pre-filled. */
export async function raterCopyFile(model: StoredModel, rater: string, prefill: Pick<RaterCopyOptions, "ratings" | "notes"> = {}): Promise<RaterCopyFile> {
  const plan = raterCopyPlan(model, rater, prefill);
  return { fileName: raterCopyFileName(rater, model.options.locale), bytes: await writeXlsxBytes(plan) };
}
