#!/usr/bin/env node
// Compiles the `scorecard` CLI (src/cli/main.ts and what it imports) into one CommonJS file,
// dist-cli/scorecard.js, with esbuild: packages stay external (loaded from node_modules when a
// command needs them), so `scorecard --help` starts without TypeScript or ExcelJS.
// Run by `npm ci` / `npm install` (the prepare script) and by bin/scorecard.js when missing.
const { buildSync } = require("esbuild");
const { join } = require("path");

const root = join(__dirname, "..");

function buildCli() {
  const { version } = require(join(root, "package.json"));
  buildSync({
    entryPoints: [join(root, "src", "cli", "main.ts")],
    outfile: join(root, "dist-cli", "scorecard.js"),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    define: { SCORECARD_VERSION: JSON.stringify(version) },
    logLevel: "warning",
  });
}

module.exports = { buildCli };
if (require.main === module) buildCli();
