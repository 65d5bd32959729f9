/** Exit codes of the `grove` command, and the error that carries one to the top. */

/**
 * - `ok` (0): done;
 * - `no` (1): the command ran and the answer is no: a merge conflict, or no value at the path;
 * - `usage` (2): the command could not run as asked (bad usage or input; the message says why);
 * - `internal` (70, sysexits' EX_SOFTWARE): a bug in grove.
 */
export const EXIT = { ok: 0, no: 1, usage: 2, internal: 70 } as const;

/** An exit code `grove` returns. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the user can act on: one line for stderr (without `grove: `) and the exit code. */
export class CliError extends Error {
  readonly code = 'cli' as const;
  readonly exitCode: ExitCode;

  constructor(message: string, exitCode: ExitCode = EXIT.usage) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
