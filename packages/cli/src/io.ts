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
}

/** Resolves when `signal` aborts; never without one. */
export function aborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) resolve();
    else signal?.addEventListener('abort', () => resolve(), { once: true });
  });
}
