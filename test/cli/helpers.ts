import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";

export const ROOT = join(__dirname, "..", "..");
export const SCORECARDS = join(ROOT, "test", "fixtures", "scorecards");
export const EXAMPLES = join(ROOT, "examples");
export const dir = mkdtempSync(join(tmpdir(), "sc-cli-"));

/** Runs the CLI in-process: exit code, stdout and stderr. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

export function tmp(name: string, content: string | Uint8Array): string {
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
}
