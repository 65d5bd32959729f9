import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Repo } from '@grove/store';
import { describe, expect, it } from 'vitest';
import { run } from './run.js';
import { grove, newRepo, session, tempDir } from './testing/harness.js';

/** A 200 kB JSON document: too big for many command lines. */
const BIG = JSON.stringify({ items: Array.from({ length: 10_000 }, (_, i) => `item ${i} ${'x'.repeat(8)}`) });

describe('VALUE words', () => {
  it('- reads standard input, for set and for a verb', async () => {
    expect(BIG.length).toBeGreaterThan(200_000);
    const dir = await newRepo();
    const stdin = async () => new TextEncoder().encode(BIG);
    expect(await run(['set', 'doc', '-', '--type', 'json'], session(dir, { stdin }).io)).toBe(0);
    expect(await run(['map', 'set', 'docs', 'big', '-', '--type', 'map<json>'], session(dir, { stdin }).io)).toBe(0);
    const main = (await Repo.open(dir)).branch('main');
    expect(await main.get(['doc'])).toEqual(JSON.parse(BIG));
    expect((await grove(dir, 'get', 'docs')).out).toEqual([`{"big":${BIG}}`]);
    expect(await grove(dir, 'set', 'doc', '-')).toMatchObject({ code: 2, err: ['grove: VALUE - reads standard input, but there is none here; pass the value, or @FILE'] });
  });

  it('@FILE reads a file relative to the working directory, byte for byte; @@ stands for a leading @', async () => {
    const dir = await newRepo();
    const cwd = tempDir();
    writeFileSync(join(cwd, 'big.txt'), BIG);
    writeFileSync(join(cwd, 'raw.bin'), new Uint8Array([0, 0xff]));
    expect((await grove(cwd, 'set', 'doc', '@big.txt', '--repo', dir)).code).toBe(0);
    expect((await grove(cwd, 'set', 'raw', '@raw.bin', '--type', 'bytes', '--repo', dir)).code).toBe(0);
    expect((await grove(cwd, 'set', 'handle', '@@ada', '--repo', dir)).code).toBe(0);
    expect((await grove(cwd, 'queue', 'push', 'q', '@big.txt', '--type', 'queue<text>', '--repo', dir)).code).toBe(0);
    const main = (await Repo.open(dir)).branch('main');
    expect(await main.get(['doc'])).toBe(BIG);
    expect(Uint8Array.from((await main.get(['raw'])) as Uint8Array)).toEqual(new Uint8Array([0, 0xff]));
    expect(await main.get(['handle'])).toBe('@ada');
    expect((await grove(dir, 'get', 'q')).out).toEqual([JSON.stringify([BIG])]);
    const missing = await grove(cwd, 'set', 'doc', '@nope.txt', '--repo', dir);
    expect(missing).toEqual({ code: 2, out: [], err: [`grove: ENOENT: no such file or directory, open '${join(cwd, 'nope.txt')}'`] });
  });
});
