/**
 * Builds the production pane bundle into a folder of its own (so it never clobbers dist/ while
 * someone else builds), and reads what taskpane.html loads. Shared by the e2e test and the bundle bench.
 */
import { execFileSync } from "child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { join, resolve } from "path";
import { gzipSync } from "zlib";

export const ROOT = resolve(__dirname, "..", "..");

export function buildPane(outDir: string): void {
  execFileSync(process.execPath, [join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--output-path", outDir], {
    cwd: ROOT,
    stdio: "pipe",
  });
}

export interface BundleFile {
  file: string;
  raw: number;
  gzip: number;
}

export interface BundleReport {
  /** Scripts taskpane.html loads itself (external ones, such as office.js from the CDN, listed apart). */
  initial: BundleFile[];
  external: string[];
  /** Every other .js file: chunks loaded on demand. */
  lazy: BundleFile[];
  html: BundleFile;
}

function measure(dir: string, file: string): BundleFile {
  const bytes = readFileSync(join(dir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

export function bundleReport(dir: string): BundleReport {
  const html = readFileSync(join(dir, "taskpane.html"), "utf8");
  // The production template is minified: attribute quotes may be gone.
  const srcs = [...html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  const external = srcs.filter((s) => /^https?:/.test(s));
  const local = srcs.filter((s) => !/^https?:/.test(s)).map((s) => s.replace(/^\.?\//, ""));
  const js = readdirSync(dir).filter((f) => f.endsWith(".js") && statSync(join(dir, f)).isFile());
  return {
    initial: local.map((f) => measure(dir, f)),
    external,
    lazy: js.filter((f) => !local.includes(f)).map((f) => measure(dir, f)),
    html: measure(dir, "taskpane.html"),
  };
}

export function hasBuild(dir: string): boolean {
  return existsSync(join(dir, "taskpane.html"));
}
