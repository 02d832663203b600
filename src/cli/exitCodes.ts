/** Exit codes of every command. */
export const EXIT = {
  /** Done. */
  ok: 0,
  /** Ran, but nothing usable came of it: every rating rejected, nothing scored, --strict with rejections, or the output could not be written. */
  failed: 1,
  /** Bad input or usage: an unknown option or value, a file that cannot be read as ratings; nothing written. */
  usage: 2,
} as const;

export const EXIT_HELP = `Exit codes:
  0  done
  1  nothing usable: every rating rejected, nothing to score, rejections with --strict,
     or the output could not be written
  2  bad input or usage: unknown option or value, unreadable or unrecognised file; nothing written
`;
