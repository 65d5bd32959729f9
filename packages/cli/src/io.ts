/** Where a `grove` run reads its surroundings and writes its output: the process, or a test. */

/** The world of one run: output sinks, working directory, environment and a stop signal. */
export interface Io {
  /** Writes one line of output (the sink adds the newline). */
  stdout(line: string): void;
  /** Writes one line of diagnostics (the sink adds the newline). */
  stderr(line: string): void;
  /** The directory relative paths are resolved against, and the default repository. */
  readonly cwd: string;
  /** Environment variables; `GROVE_AUTHOR` ("Name <email>") is the default author. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Redraws the progress line of a long transfer; only set on a terminal, so output stays quiet elsewhere. */
  progress?(line: string): void;
  /** Stops long-running commands (`watch`); the process aborts it on SIGINT. */
  readonly signal?: AbortSignal;
  /** Reads all of standard input, for a VALUE given as `-`; absent when there is none to read. */
  stdin?(): Promise<Uint8Array>;
}

/**
 * The directory the caller ran `grove` in. `pnpm grove` (the monorepo's
 * script) runs in the monorepo root and names the caller's directory in
 * `INIT_CWD`; anywhere else it is the process's working directory.
 */
export function callerDirectory(env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  const init = env['INIT_CWD'];
  return env['npm_lifecycle_event'] === 'grove' && init !== undefined && init !== '' ? init : cwd;
}

/** Resolves when `signal` aborts; never without one. */
export function aborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) resolve();
    else signal?.addEventListener('abort', () => resolve(), { once: true });
  });
}
