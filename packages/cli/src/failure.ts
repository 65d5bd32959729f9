/** Thrown errors turned into one line on stderr and an exit code. */
import { isGroveError, type GroveError } from '@grove/merge';
import type { StoreErrorData } from '@grove/store';
import { CliError, EXIT, type ExitCode } from './exit.js';
import type { Io } from './io.js';

/** The message for an error Grove threw on purpose, in the CLI's words where the store's name its API. */
function groveMessage(error: GroveError<string, unknown>): string {
  const data = (error.data ?? {}) as StoreErrorData;
  if (error.code === 'not-found' && data.ref !== undefined) {
    return `no branch or commit ${JSON.stringify(data.ref)}; list branches with grove branches and commits with grove log`;
  }
  if (error.code === 'invalid-path' && data.path !== undefined) {
    return `bad path ${JSON.stringify(data.path.join('/'))}: ${error.message}`;
  }
  if (error.code === 'not-a-repository') {
    return `${data.dir} is not a Git repository; pass --repo with a repository, or create one with grove init NEWDIR`;
  }
  return error.message;
}

/** An error of the operating system (permission denied, disk full...): it has a `syscall`. */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

/**
 * Writes `grove: <message>` on stderr and returns the exit code: the
 * `CliError`'s own; 2 for errors Grove throws on purpose (bad input, missing
 * branch, not a repository...) and for the file system's refusals (the
 * message names the file); 70 for anything else, which is a bug.
 */
export function report(error: unknown, io: Io): ExitCode {
  if (error instanceof CliError) {
    io.stderr(`grove: ${error.message}`);
    return error.exitCode;
  }
  if (isGroveError(error)) {
    io.stderr(`grove: ${groveMessage(error)}`);
    return EXIT.usage;
  }
  if (isSystemError(error)) {
    io.stderr(`grove: ${error.message}`);
    return EXIT.usage;
  }
  io.stderr(`grove: internal error: ${error instanceof Error ? error.message : String(error)}; please report it with the command that caused it`);
  return EXIT.internal;
}
