#!/usr/bin/env node
/** The `grove` executable: runs one command line on the process's streams and sets the exit code. */
import { getEventListeners } from 'node:events';
import { buffer } from 'node:stream/consumers';
import { callerDirectory } from './io.js';
import { run } from './run.js';

const controller = new AbortController();
// Ctrl-C stops a command that listens for it (`watch`) cleanly, and ends any other as usual.
process.on('SIGINT', () => {
  if (getEventListeners(controller.signal, 'abort').length > 0) controller.abort();
  else process.exit(130);
});
// A closed pipe (`grove log | head -1`) ends the output, not with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit();
});

process.exitCode = await run(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  ...(process.stderr.isTTY ? { progress: (line: string) => process.stderr.write(`\r${line}\x1b[K`) } : {}),
  cwd: callerDirectory(process.env, process.cwd()),
  stdin: async () => new Uint8Array(await buffer(process.stdin)),
  env: process.env,
  signal: controller.signal,
});
