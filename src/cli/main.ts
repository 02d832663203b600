/** `scorecard` command line: the same core and plan as the add-in. */
import { run as template } from "./commands/template";
import { run as score } from "./commands/score";
import type { CliIO } from "./io";

export type { CliIO } from "./io";

const defaultIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

const USAGE = `Usage: scorecard <command> [options]

Commands:
  template   Write a scoring workbook (.xlsx) with live formulas and charts
  score      Score ratings from a CSV/TSV/.xlsx file and print a ranked table

Run "scorecard <command> --help" for a command's options.
`;

type Command = (args: string[], io: CliIO) => Promise<number>;

const commands: Record<string, Command> = { template, score };

export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(USAGE);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`scorecard: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  return command(rest, io);
}
