/**
 * Negotiation cost: upload-pack answers many `have` lines in time linear in
 * their number (a hash set per have, a heap for the commit walk), on disk
 * and in memory. The bounds are about 3x the time each case takes here and
 * below what it took before (stated in each name).
 */
import { EMPTY_TREE, hashObject, Repo, type Hash, type RawObject } from '@grove/store';
import { makeTempDir, removeTempDirs } from '@grove/store/testing';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { steppingClock } from '../testing/server.js';
import { parsePack } from './pack-parse.js';
import { FLUSH, pktLine } from './pkt-line.js';
import { parseUploadRequest, uploadPack } from './upload-pack.js';

afterEach(removeTempDirs);

/** An upload-pack request body for `want` with these haves, ending in `done` when asked. */
function request(want: Hash, haves: readonly Hash[], done: boolean): Buffer {
  return Buffer.concat([pktLine(`want ${want} ofs-delta\n`), FLUSH, ...haves.map((h) => pktLine(`have ${h}\n`)), ...(done ? [pktLine('done\n')] : [FLUSH])]);
}

/** The commits in the pack that follows the ACK/NAK line of a response without side-band. */
async function packedCommits(response: readonly Buffer[]): Promise<Hash[]> {
  const parsed = await parsePack(Buffer.concat(response.slice(1)), async () => undefined);
  return parsed.entries.filter((e) => e.object.type === 'commit').map((e) => e.object.hash);
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

describe('upload-pack negotiation', () => {
  it('answers 100,000 random haves and one common commit on disk within 8 s (2.7 s here, 10.5 s before)', async () => {
    const repo = await Repo.open(makeTempDir(), { clock: steppingClock() });
    const main = repo.branch('main');
    for (let i = 0; i < 10; i++) await main.set(['x'], `v${i}`);
    const log: Hash[] = [];
    for await (const c of main.log()) log.push(c.hash);
    const [head, common] = [log[0]!, log[4]!];
    const haves = Array.from({ length: 100_000 }, () => randomBytes(20).toString('hex'));
    haves.splice(50_000, 0, common);

    const { value: acks, ms: ackMs } = await timed(() => uploadPack(repo.backend.objects, parseUploadRequest(request(head, haves, false))));
    expect(acks.map((b) => b.toString())).toEqual([pktLine(`ACK ${common} common\n`).toString(), pktLine('NAK\n').toString()]);
    const { value: response, ms } = await timed(() => uploadPack(repo.backend.objects, parseUploadRequest(request(head, haves, true))));
    expect(response[0]!.toString()).toBe(pktLine(`ACK ${common}\n`).toString());
    expect(new Set(await packedCommits(response))).toEqual(new Set(log.slice(0, 4)));
    expect(Math.max(ackMs, ms)).toBeLessThan(8000);
  }, 30_000);

  it('walks 20,000 haves from an unrelated branch newer than the want within 3 s (1 s here, 7.8 s before)', async () => {
    const repo = Repo.memory();
    /** A chain of `length` commits with empty trees, committed one second apart from `time`. */
    const chain = (length: number, time: number, name: string): RawObject[] => {
      const out: RawObject[] = [];
      for (let i = 0; i < length; i++) {
        const parent = out.at(-1) === undefined ? '' : `parent ${out.at(-1)!.hash}\n`;
        const payload = Buffer.from(`tree ${EMPTY_TREE}\n${parent}author A <a@x> ${time + i} +0000\ncommitter A <a@x> ${time + i} +0000\n\n${name}${i}\n`);
        out.push({ hash: hashObject('commit', payload), type: 'commit', payload });
      }
      return out;
    };
    const main = chain(3, 1_700_000_000, 'main');
    const side = chain(20_000, 1_800_000_000, 'side');
    await repo.backend.objects.writeMany([{ hash: EMPTY_TREE, type: 'tree', payload: new Uint8Array() }, ...main, ...side]);
    const haves = side.map((c) => c.hash).reverse(); // newest first, as git sends them

    const { value: response, ms } = await timed(() => uploadPack(repo.backend.objects, parseUploadRequest(request(main.at(-1)!.hash, haves, true))));
    expect(response[0]!.toString()).toBe(pktLine(`ACK ${haves.at(-1)}\n`).toString());
    expect(await packedCommits(response)).toEqual(main.map((c) => c.hash).reverse());
    expect(ms).toBeLessThan(3000);
  }, 60_000);
});
