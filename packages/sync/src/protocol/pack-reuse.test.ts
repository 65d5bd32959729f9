/** Pack reuse: a clone from a repository packed by `git gc` copies the stored entries, and git and Grove accept the result. */
import { Repo } from '@grove/store';
import { git, makeTempDir, removeTempDirs } from '@grove/store/testing';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clone } from '../client/pull.js';
import { Remote } from '../client/remote.js';
import { fsck, gitOut, serveForTest, steppingClock } from '../testing/server.js';
import { parseUploadRequest, uploadPack } from './upload-pack.js';
import { FLUSH, pktLine } from './pkt-line.js';
import { objectsToSend } from './walk.js';

afterEach(removeTempDirs);

describe('pack reuse', () => {
  it('sends the entries of a packed repository as stored; git and Grove clone it', async () => {
    const dir = makeTempDir();
    const main = (await Repo.open(dir, { clock: steppingClock() })).branch('main');
    for (let i = 0; i < 70; i++) await main.set(['files', `f${i % 6}`], `version ${i}\n${'line\n'.repeat(40 + i)}`);
    git(dir, ['-c', 'pack.threads=1', 'gc', '-q', '--prune=now']); // one thread: the same deltas every run
    const repo = await Repo.open(dir);
    const head = (await repo.branch('main').head())!;
    const store = repo.backend.objects;

    // Without side-band the response is the NAK line, then the pack itself.
    const request = parseUploadRequest(Buffer.concat([pktLine(`want ${head} ofs-delta\n`), FLUSH, pktLine('done\n')]));
    const pack = Buffer.concat((await uploadPack(store, request)).slice(1));
    const objects = await objectsToSend(store, [head], []);
    const stored = await Promise.all(objects.map(({ object }) => store.readPacked!(object.hash)));
    expect(stored.filter((e) => e?.kind === 'delta').length).toBeGreaterThan(objects.length / 3); // most trees and blobs
    expect(stored.filter((e) => e !== undefined && pack.includes(Buffer.from(e.data)))).toHaveLength(objects.length);

    const { url } = await serveForTest(repo);
    const work = join(makeTempDir(), 'clone');
    await gitOut(makeTempDir(), ['clone', '-q', url, work]);
    expect(git(work, ['rev-parse', 'HEAD'])).toBe(head);
    fsck(work);

    // Grove's client on disk: the pack it receives (over 256 objects, deltas against later entries) is stored as it came.
    const copy = await Repo.open(makeTempDir());
    await clone(copy, Remote.http('origin', url));
    expect(await copy.branch('main').head()).toBe(head);
    expect(await copy.branch('main').get(['files', 'f5'])).toBe(await repo.branch('main').get(['files', 'f5']));
    fsck(copy.backend.dir!);
  });
});
