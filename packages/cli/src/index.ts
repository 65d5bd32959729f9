/** `@grove/cli`: the `grove` command, runnable in-process for tests and tools. */
export { EXIT } from './exit.js';
export { run } from './run.js';
export type { ExitCode } from './exit.js';
export type { Io } from './io.js';
