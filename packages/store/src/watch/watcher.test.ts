/** Watch: deliveries as diffs between commit ids, never concurrent, resumable, failures reported. */
import { describe, expect, it } from 'vitest';
import { Repo, type HeadChange } from '../index.js';

const summary = (c: HeadChange) => ({ from: c.from, to: c.to, paths: c.changes.map((x) => `${x.kind} ${x.path.join('/')}`) });

describe('watch', () => {
  it('delivers each head change as a diff, chained from one commit id to the next', async () => {
    const main = Repo.memory().branch('main');
    const first = await main.set(['a'], '1');
    const seen: HeadChange[] = [];
    const w = main.watch((c) => {
      seen.push(c);
    });
    await w.idle();
    const second = await main.set(['b'], '2');
    await w.idle();
    const third = await main.set(['a'], '3');
    await w.idle();
    expect(seen.map(summary)).toEqual([
      { from: first.hash, to: second.hash, paths: ['added b'] },
      { from: second.hash, to: third.hash, paths: ['updated a'] },
    ]);
    w.stop();
  });

  it('never runs callbacks concurrently: moves during a callback arrive as one diff', async () => {
    const main = Repo.memory().branch('main');
    await main.set(['n'], '0');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let running = 0;
    let maxRunning = 0;
    const seen: HeadChange[] = [];
    const w = main.watch(async (c) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      seen.push(c);
      if (seen.length === 1) await gate;
      running--;
    });
    await w.idle();
    await main.set(['n'], '1');
    await main.set(['n'], '2');
    await main.set(['n'], '3');
    release();
    await w.idle();
    expect(maxRunning).toBe(1);
    expect(seen).toHaveLength(2);
    expect(seen[1]!.from).toBe(seen[0]!.to);
    expect(seen[1]!.to).toBe(await main.head());
  });

  it('resumes from a commit id, and filters by path', async () => {
    const main = Repo.memory().branch('main');
    const start = await main.set(['docs', 'a'], '1');
    await main.set(['other'], 'x');
    await main.set(['docs', 'b'], '2');
    const seen: HeadChange[] = [];
    const w = main.watch((c) => void seen.push(c), { from: start.hash, path: ['docs'] });
    await w.idle();
    expect(seen.map(summary)).toEqual([{ from: start.hash, to: await main.head(), paths: ['added docs/b'] }]);
    await main.set(['other'], 'y');
    await w.idle();
    expect(seen).toHaveLength(1);
    expect(w.position).toBe(await main.head());
  });

  it('reports a throwing callback on the failure channel and keeps watching', async () => {
    const r = Repo.memory({ clock: () => 42_000 });
    const main = r.branch('main');
    await main.set(['a'], '1');
    const failures: string[] = [];
    r.failures.subscribe((f) => failures.push(`${f.source} ${f.branch} ${String(f.error)}`));
    let calls = 0;
    const w = main.watch(() => {
      calls++;
      if (calls === 1) throw new Error('boom');
    });
    await w.idle();
    await main.set(['a'], '2');
    await w.idle();
    await main.set(['a'], '3');
    await w.idle();
    expect(calls).toBe(2);
    expect(failures).toEqual(['watch main Error: boom']);
  });

  it('buffers failures while nobody listens', async () => {
    const r = Repo.memory();
    const main = r.branch('main');
    await main.set(['a'], '1');
    const w = main.watch(() => {
      throw new Error('unheard');
    });
    await w.idle();
    await main.set(['a'], '2');
    await w.idle();
    const { failures, dropped } = r.failures.drain();
    expect(failures.map((f) => String(f.error))).toEqual(['Error: unheard']);
    expect(dropped).toBe(0);
  });
});
