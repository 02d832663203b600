#!/usr/bin/env node
// The compiled CLI (dist-cli/scorecard.js, built by `npm ci`'s prepare script). When it is
// missing or older than the sources (a checkout without `npm ci`, or sources edited since), it is
// built here first with esbuild.
const { existsSync, statSync, readdirSync } = require("fs");
const { join } = require("path");

const root = join(__dirname, "..");
const compiled = join(root, "dist-cli", "scorecard.js");

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    const t = entry.isDirectory() ? newestSource(p) : entry.name.endsWith(".ts") ? statSync(p).mtimeMs : 0;
    if (t > newest) newest = t;
  }
  return newest;
}

function stale() {
  if (!existsSync(compiled)) return true;
  // In an installed copy without sources, the compiled file is all there is.
  if (!existsSync(join(root, "src"))) return false;
  return statSync(compiled).mtimeMs < newestSource(join(root, "src"));
}

if (stale()) {
  try {
    require("../scripts/build-cli.js").buildCli();
  } catch (err) {
    process.stderr.write(`scorecard: cannot build the CLI (${err && err.message ? err.message.split("\n")[0] : err}); run npm ci first\n`);
    process.exit(1);
  }
}
require(compiled)
  .main(process.argv.slice(2))
  .then((code) => process.exit(code));
