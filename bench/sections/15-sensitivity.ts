import { scoreCube, toCube, type Rating } from "../../src/core/engine";
import { defaultTree, leaves } from "../../src/core/model";
import { bootstrapRaters, flipPoints, rankAcceptability, weightModel } from "../../src/core/sensitivity";
import { compileTree } from "../../src/core/engine";
import { line, timeIt } from "../util";

const VENDORS = 20;
const RATERS = 3;
const SAMPLES = 10_000;
const TARGET_MS = 200;

/** Issue #12: rank acceptability (10,000 weight vectors) and flip points, 20 vendors × the default tree. */
export async function bench(): Promise<void> {
  const tree = defaultTree();
  const codes = leaves(tree).map(({ node }) => node.code);
  let seed = 3;
  const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const ratings: Rating[] = [];
  for (let v = 0; v < VENDORS; v++) for (const code of codes) for (let r = 0; r < RATERS; r++) if (rnd() > 0.05) ratings.push({ vendor: `Vendor ${v + 1}`, code, rater: `R${r + 1}`, value: Math.round(60 + 30 * rnd()) });
  const cube = toCube(tree, ratings);
  const m = weightModel(scoreCube(tree, cube));
  line("input", `${VENDORS} vendors × ${codes.length} leaves × ${RATERS} raters, 5% blank (missing: exclude)`);
  line("target (issue #12)", `${SAMPLES.toLocaleString("en-US")} samples under ${TARGET_MS} ms`);
  const acc = timeIt(() => rankAcceptability(m, { samples: SAMPLES, seed: 1 }), 5);
  line(`  rank acceptability ±20%, ${SAMPLES.toLocaleString("en-US")} samples`, `${acc.ms.toFixed(1)} ms best of 5 (${acc.ms < TARGET_MS ? "under target" : "OVER TARGET"})`);
  const simplex = timeIt(() => rankAcceptability(m, { samples: SAMPLES, seed: 1, mode: "simplex" }), 5);
  line(`  rank acceptability simplex, ${SAMPLES.toLocaleString("en-US")} samples`, `${simplex.ms.toFixed(1)} ms best of 5`);
  const flips = timeIt(() => flipPoints(m), 5);
  line(`  flip points, ${flips.result.flips.length} weighted nodes`, `${flips.ms.toFixed(1)} ms best of 5`);
  const t = compileTree(tree);
  const boot = timeIt(() => bootstrapRaters(t, cube, {}, { samples: 1000, seed: 1 }), 2);
  line("  rater bootstrap, 1,000 samples (re-scores the cube each time)", `${boot.ms.toFixed(1)} ms best of 2 (≈ ${((boot.ms * 10) / 1000).toFixed(1)} s for 10,000)`);
}
