/**
 * Test support, not shipped: run `grove` in-process against temporary
 * directories, record what it prints, and wait for a line without sleeping.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { Io } from '../io.js';
import { run } from '../run.js';

/** A new empty directory, removed when the running test finishes. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'grove-cli-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The lines written to one stream, with a way to wait for one. */
export class Lines {
  readonly all: string[] = [];
  readonly #waiting = new Set<{ test: (line: string) => boolean; resolve: (line: string) => void }>();

  /** Records `line` and hands it to those waiting for it. */
  push(line: string): void {
    this.all.push(line);
    for (const waiter of this.#waiting) {
      if (!waiter.test(line)) continue;
      this.#waiting.delete(waiter);
      waiter.resolve(line);
    }
  }

  /** The first line, already written or still to come, that matches `pattern`. */
  waitFor(pattern: RegExp): Promise<string> {
    const test = (line: string) => pattern.test(line);
    const found = this.all.find(test);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve) => this.#waiting.add({ test, resolve }));
  }
}

/** An `Io` in `cwd` that records stdout and stderr. */
export function session(cwd: string, extra: Pick<Io, 'env' | 'signal' | 'stdin'> = {}): { io: Io; out: Lines; err: Lines } {
  const out = new Lines();
  const err = new Lines();
  return { io: { stdout: (line) => out.push(line), stderr: (line) => err.push(line), cwd, ...extra }, out, err };
}

/** What one run printed and returned. */
export interface Result {
  readonly code: number;
  readonly out: readonly string[];
  readonly err: readonly string[];
}

/** Runs `grove ...argv` in `cwd` (the default repository). */
export async function grove(cwd: string, ...argv: string[]): Promise<Result> {
  const { io, out, err } = session(cwd);
  const code = await run(argv, io);
  return { code, out: out.all, err: err.all };
}

/** A new repository in a temporary directory, created with `grove init`. */
export async function newRepo(): Promise<string> {
  const dir = tempDir();
  const { code } = await grove(dir, 'init');
  if (code !== 0) throw new Error(`grove init failed with exit ${code}`);
  return dir;
}
