#!/usr/bin/env node
// Runs the TypeScript CLI straight from src/ (no build step needed after `npm ci`).
require("tsx/cjs/api").register();
require("../src/cli/main.ts")
  .main(process.argv.slice(2))
  .then((code) => process.exit(code));
