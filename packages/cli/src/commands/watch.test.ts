import { Repo } from '@grove/store';
import { describe, expect, it } from 'vitest';
import { run } from '../run.js';
import { grove, newRepo, session } from '../testing/harness.js';

const STARTED = /^grove: watching main from [0-9a-f]{40}; press Ctrl-C to stop$/;

/** Starts `grove watch ...argv` in `dir`; resolves once it watches, with its output and a stop function. */
async function startWatch(dir: string, ...argv: string[]) {
  const controller = new AbortController();
  const { io, out, err } = session(dir, { signal: controller.signal });
  const exit = run(['watch', '--interval', '5', ...argv], io);
  await err.waitFor(STARTED);
  return { out, err, stop: () => (controller.abort(), exit) };
}

describe('grove watch', () => {
  it('prints changes that another process makes, found by polling the refs', async () => {
    const dir = await newRepo();
    const start = (await grove(dir, 'set', 'a', '1')).out[0]!;
    const watch = await startWatch(dir);
    expect(watch.err.all).toEqual([`grove: watching main from ${start}; press Ctrl-C to stop`]);

    const other = (await Repo.open(dir)).branch('main');
    const next = (await other.set(['docs', 'x'], 'hi')).hash;
    expect(await watch.out.waitFor(/added docs\/x$/)).toBe(`${start}..${next} added docs/x`);
    const last = (await other.update(async (tx) => {
      await tx.set(['a'], '2');
      await tx.remove(['docs', 'x']);
    }))!.hash;
    await watch.out.waitFor(/removed docs\/x$/);

    expect(await watch.stop()).toBe(0);
    expect(watch.out.all).toEqual([`${start}..${next} added docs/x`, `${next}..${last} updated a`, `${next}..${last} removed docs/x`]);
  });

  it('prints only changes under PATH, as JSON lines with --json', async () => {
    const dir = await newRepo();
    const watch = await startWatch(dir, 'docs', '--json');
    expect(watch.err.all).toEqual([`grove: watching main from ${'0'.repeat(40)}; press Ctrl-C to stop`]);
    const other = (await Repo.open(dir)).branch('main');
    const first = (await other.set(['outside'], 'x')).hash;
    const second = (await other.set(['docs', 'y'], '3')).hash;
    const line = await watch.out.waitFor(/docs\/y/);
    expect(await watch.stop()).toBe(0);
    expect(watch.out.all).toEqual([line]);
    const from = JSON.parse(line).from;
    expect([first, '0'.repeat(40)]).toContain(from);
    expect(JSON.parse(line)).toEqual({ from, to: second, path: 'docs/y', kind: 'added', new: expect.objectContaining({ tag: 'text', value: '3' }) });
  });

  it('stops at once when the signal is already aborted', async () => {
    const dir = await newRepo();
    const { io, err } = session(dir, { signal: AbortSignal.abort() });
    expect(await run(['watch'], io)).toBe(0);
    expect(err.all).toHaveLength(1);
  });

  it('refuses (exit 2) a --branch with no commits once the repository has branches, saying how to create it', async () => {
    const dir = await newRepo();
    await grove(dir, 'set', 'a', '1');
    const { io, err, out } = session(dir, { signal: AbortSignal.abort() });
    expect(await run(['watch', '--branch', 'nosuch'], io)).toBe(2);
    expect(out.all).toEqual([]);
    expect(err.all).toEqual(['grove: branch "nosuch" has no commits, so there is nothing to watch; create it with grove branch nosuch, or watch one of: main']);
  });

  it('refuses a bad --interval', async () => {
    expect((await grove(await newRepo(), 'watch', '--interval', 'fast')).err).toEqual(['grove: --interval needs a positive integer, not "fast"']);
  });
});
