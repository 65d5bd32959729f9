import { existsSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { git, makeCommits, makeTempDir, removeTempDirs } from '../../testing/git-fixture.js';
import { GitRefs } from './git-refs.js';
import type { Clock } from './ref-lock.js';

afterEach(removeTempDirs);

/** A clock starting at `start` whose sleeps return at once, moving time on; `onSleep` runs at each (the n-th from 1). */
function fakeClock(start: number, onSleep: (n: number) => void = () => undefined): Clock & { sleeps: number } {
  let now = start;
  const clock = {
    sleeps: 0,
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
      onSleep(++clock.sleeps);
    },
  };
  return clock;
}

/** A bare repository with main at a (written by git), its main lock path, and commits a, b. */
function repo() {
  const dir = makeTempDir();
  git(dir, ['init', '-q', '--bare', '-b', 'main']);
  const [a, b] = makeCommits(dir, 2) as [string, string];
  git(dir, ['update-ref', 'refs/heads/main', a]);
  return { dir, a, b, lock: join(dir, 'refs/heads/main.lock') };
}

const HOUR = 3_600_000;

describe('ref locks', () => {
  it('a lock left by a crash is `locked` at once, naming the lock, its age and what to do', async () => {
    const { dir, a, b, lock } = repo();
    writeFileSync(lock, '');
    const written = Date.UTC(2026, 0, 1);
    utimesSync(lock, written / 1000, written / 1000);
    const clock = fakeClock(written + HOUR);
    const refs = new GitRefs(dir, clock);
    const locked = { code: 'locked', data: { file: lock, ageMs: expect.any(Number) } };
    await expect(refs.compareAndSet('refs/heads/main', a, b)).rejects.toMatchObject(locked);
    const error = await refs.compareAndSet('refs/heads/main', a, undefined).catch((e: unknown) => e);
    expect(error).toMatchObject(locked);
    const { message, data } = error as { message: string; data: { ageMs: number } };
    expect(data.ageMs).toBeGreaterThanOrEqual(HOUR);
    expect(message).toContain('another Grove or git process');
    expect(message).toContain(`remove ${lock}`);
    expect(message).toMatch(/written 3\d{3} s ago/);
    expect(clock.now() - written - HOUR).toBeLessThan(1000); // no spinning through retries
    expect(git(dir, ['rev-parse', 'refs/heads/main'])).toBe(a);
    expect(existsSync(lock)).toBe(true); // not ours to remove
    expect(await refs.read('refs/heads/main')).toBe(a);
  });

  it('a fresh lock that never moves is `locked` after a bounded wait', async () => {
    const { dir, a, b, lock } = repo();
    writeFileSync(lock, '');
    const clock = fakeClock(Date.now());
    await expect(new GitRefs(dir, clock).compareAndSet('refs/heads/main', a, b)).rejects.toMatchObject({ code: 'locked', data: { file: lock } });
    expect(clock.sleeps).toBeGreaterThan(1);
  });

  it('a lock another writer releases while we wait is taken, and the move succeeds', async () => {
    const { dir, a, b, lock } = repo();
    writeFileSync(lock, '');
    const clock = fakeClock(Date.now(), (n) => n === 3 && rmSync(lock));
    expect(await new GitRefs(dir, clock).compareAndSet('refs/heads/main', a, b)).toBe(true);
    expect(clock.sleeps).toBe(3);
    expect(git(dir, ['rev-parse', 'refs/heads/main'])).toBe(b);
    expect(existsSync(lock)).toBe(false);
  });

  it('a lock that keeps changing hands is a lost race, not `locked`', async () => {
    const { dir, a, b, lock } = repo();
    writeFileSync(lock, 'writer 0');
    const clock = fakeClock(Date.now(), (n) => {
      writeFileSync(`${lock}.next`, `writer ${n}`); // another writer takes the lock after the last one let go
      renameSync(`${lock}.next`, lock);
    });
    expect(await new GitRefs(dir, clock).compareAndSet('refs/heads/main', a, b)).toBe(false);
    expect(git(dir, ['rev-parse', 'refs/heads/main'])).toBe(a);
  });
});
