/** `scorecard` command line: the same core and plan as the add-in. */
import type { CliIO } from "./io";
import { EXIT, EXIT_HELP } from "./exitCodes";
import { escapeControls } from "./text";

export type { CliIO } from "./io";

const defaultIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

/** Set by the compiled CLI's build (esbuild --define); read from package.json otherwise. */
declare const SCORECARD_VERSION: string | undefined;

const USAGE = `Usage: scorecard <command> [options]

Commands:
  template   Write a scoring workbook (.xlsx) with live formulas and charts
  score      Score ratings from a CSV/TSV/.xlsx file (or a filled scorecard) and print a ranked table
  ahp        Weights of sibling groups from pairwise comparisons (AHP) in a CSV/TSV/.xlsx file
  report     Recalculate a workbook and print its Report sheet (or --sheets) to PDF with LibreOffice

Options:
  -h, --help     Show this help
  -v, --version  Show the version

Run "scorecard <command> --help" for a command's options.

${EXIT_HELP}`;

type Command = (args: string[], io: CliIO) => Promise<number>;

// Each command is loaded when it runs: --help and --version load neither ExcelJS nor the importer.
const commands: Record<string, () => Promise<Command>> = {
  template: async () => (await import("./commands/template")).run,
  score: async () => (await import("./commands/score")).run,
  ahp: async () => (await import("./commands/ahp")).run,
  report: async () => (await import("./commands/report")).run,
};

function version(): string {
  if (typeof SCORECARD_VERSION === "string") return SCORECARD_VERSION;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("../../package.json") as { version: string }).version;
}

export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  if (name === "--version" || name === "-v" || name === "version") {
    io.stdout(`${version()}\n`);
    return EXIT.ok;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    io.stderr(`scorecard: unknown command "${escapeControls(name.slice(0, 80))}"\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    return await (await load())(rest, io);
  } catch (err) {
    // A bug, not bad input: one line, never a stack trace.
    const why = err instanceof Error ? err.message : String(err);
    io.stderr(`scorecard ${name}: internal error: ${escapeControls(why.slice(0, 300))}\n`);
    return EXIT.failed;
  }
}
