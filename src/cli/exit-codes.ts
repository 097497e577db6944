/** Process exit codes, as documented in the README. */
export const EXIT = {
  /** Everything read was accounted for and no input failed. */
  ok: 0,
  /** Some input failed (missing, unreadable, binary, malformed line …) or, with --fail-on-dupes, duplicates were found. */
  inputFailed: 1,
  /** The command line was wrong. */
  usage: 2,
  /** An output could not be written; nothing partial was left. */
  outputFailed: 3,
  /** Stopped by SIGINT (128 + 2). */
  interrupted: 130,
  /** Stopped by SIGTERM (128 + 15). */
  terminated: 143,
} as const;
