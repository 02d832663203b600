/**
 * The pane's download: builds the production bundle into a temporary folder (dist/ is left alone)
 * and prints the JavaScript taskpane.html loads before the first paint, raw and gzip -9, the
 * number of requests, and the chunks loaded on demand, against Microsoft's React task-pane template.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { buildPane, bundleReport, type BundleFile } from "../../test/e2e/build";
import { line } from "../util";

/** Office-Addin-TaskPane-React production build, measured (see /work/shared/notes/office-addin-facts.md). */
const TEMPLATE = { raw: 531_670, gzip: 165_188 };

const kb = (n: number): string => `${n.toLocaleString("en-US")} B`;
const sum = (files: BundleFile[], k: "raw" | "gzip"): number => files.reduce((a, f) => a + f[k], 0);
const pctOf = (n: number, of: number): string => `${((100 * n) / of).toFixed(0)}% of template`;

export async function bench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "pane-bundle-"));
  try {
    const t0 = Date.now();
    buildPane(dir);
    line("production build (webpack --mode production)", `${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const r = bundleReport(dir);
    for (const f of r.initial) line(`initial  ${f.file}`, `${kb(f.raw)} raw, ${kb(f.gzip)} gzip -9`);
    const raw = sum(r.initial, "raw");
    const gz = sum(r.initial, "gzip");
    line("initial JavaScript of the pane (total)", `${kb(raw)} raw, ${kb(gz)} gzip -9`);
    line("  vs template 531,670 raw / 165,188 gzip", `${pctOf(raw, TEMPLATE.raw)} raw, ${pctOf(gz, TEMPLATE.gzip)} gzip`);
    line("taskpane.html", `${kb(r.html.raw)} raw, ${kb(r.html.gzip)} gzip -9`);
    line("initial requests (html + scripts; office.js counted, not measured)", `${1 + r.initial.length + r.external.length} (${r.external.join(", ") || "no external"})`);
    for (const f of r.lazy) line(`lazy     ${f.file}`, `${kb(f.raw)} raw, ${kb(f.gzip)} gzip -9`);
    line("lazy chunks (total)", `${r.lazy.length} files, ${kb(sum(r.lazy, "raw"))} raw, ${kb(sum(r.lazy, "gzip"))} gzip -9`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
