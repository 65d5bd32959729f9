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

/** The exit code's name, the `code` of a `CliError` in JSON: `no` (exit 1) or `usage` (exit 2). */
function exitName(exitCode: ExitCode): string {
  return Object.entries(EXIT).find(([, n]) => n === exitCode)![0];
}

/** What to say about `error`: its code, its message and the exit code. */
function describe(error: unknown): { code: string; message: string; exit: ExitCode } {
  if (error instanceof CliError) return { code: exitName(error.exitCode), message: error.message, exit: error.exitCode };
  if (isGroveError(error)) return { code: error.code, message: groveMessage(error), exit: EXIT.usage };
  if (isSystemError(error)) return { code: error.code ?? 'system', message: error.message, exit: EXIT.usage };
  const message = `internal error: ${error instanceof Error ? error.message : String(error)}; please report it with the command that caused it`;
  return { code: 'internal', message, exit: EXIT.internal };
}

/**
 * Writes `grove: <message>` on stderr (with `json`, one JSON object
 * `{"code", "message", "exit"}`) and returns the exit code: the
 * `CliError`'s own; 2 for errors Grove throws on purpose (bad input, missing
 * branch, not a repository, a type this process does not know...) and for
 * the file system's refusals (the message names the file); 70 for anything
 * else, which is a bug. The code is the Grove error's (`unknown-type`...),
 * the system's (`ENOENT`...), `no` or `usage` for the CLI's own, or `internal`.
 */
export function report(error: unknown, io: Io, json = false): ExitCode {
  const { code, message, exit } = describe(error);
  io.stderr(json ? JSON.stringify({ code, message, exit }) : `grove: ${message}`);
  return exit;
}
