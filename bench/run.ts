/**
 * `npm run bench`: prints figures, never pass/fail. Each file in bench/sections exports
 * `bench(): Promise<void>` and prints its own lines; they run in file-name order.
 * `npm run bench -- engine import` runs only the sections whose names contain those words.
 */
import { readdirSync } from "fs";
import { join } from "path";

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const dir = join(__dirname, "sections");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)));
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(join(dir, file)) as { bench: () => Promise<void> };
    console.log(`\n## ${file.replace(/^\d+-|\.ts$/g, "")}`);
    await mod.bench();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
