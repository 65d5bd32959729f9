import { readdirSync, rmdirSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { git, makeTempDir, rawObject, removeTempDirs } from '../../testing/git-fixture.js';
import { openGitBackend } from './index.js';
import { LooseObjects, type WriteIo } from './loose-objects.js';

afterEach(removeTempDirs);

const blob = rawObject('blob', 'written while git prunes\n');

/** File operations where a concurrent prune removes the fan-out directory right after each of the first `times` mkdirs. */
function pruneAfterMkdir(times: number): WriteIo & { pruned: number } {
  const io = {
    ...fs,
    pruned: 0,
    mkdir: async (dir: string, options: { recursive: true }) => {
      const made = await fs.mkdir(dir, options);
      if (io.pruned < times) {
        rmdirSync(dir); // what `git prune-packed` does to an empty fan-out directory
        io.pruned++;
      }
      return made;
    },
  };
  return io as WriteIo & { pruned: number };
}

describe('loose object writes racing git prune', () => {
  it('recreate the fan-out directory a concurrent prune removed between mkdir and write', async () => {
    const dir = (await openGitBackend(makeTempDir())).dir!;
    const io = pruneAfterMkdir(3);
    await new LooseObjects(join(dir, 'objects'), io).writeMany([blob]);
    expect(io.pruned).toBe(3);
    expect(git(dir, ['cat-file', '-p', blob.hash])).toBe('written while git prunes');
    expect(readdirSync(join(dir, 'objects', blob.hash.slice(0, 2)))).toEqual([blob.hash.slice(2)]);
  });

  it('a directory that never stays is io-error naming the file, not a raw ENOENT', async () => {
    const dir = (await openGitBackend(makeTempDir())).dir!;
    const fanOut = join(dir, 'objects', blob.hash.slice(0, 2));
    const error = await new LooseObjects(join(dir, 'objects'), pruneAfterMkdir(Infinity)).writeMany([blob]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'io-error', data: { file: expect.stringMatching(new RegExp(`^${fanOut}/tmp_obj_`)) } });
    expect((error as Error).message).toContain(`write object ${blob.hash}`);
  });

  it('other write failures are io-error naming the file', async () => {
    const dir = (await openGitBackend(makeTempDir())).dir!;
    const target = join(dir, 'objects', blob.hash.slice(0, 2), blob.hash.slice(2));
    const io: WriteIo = {
      ...fs,
      rename: async () => {
        throw Object.assign(new Error(`ENOSPC: no space left on device, rename -> '${target}'`), { code: 'ENOSPC', path: target });
      },
    };
    await expect(new LooseObjects(join(dir, 'objects'), io).writeMany([blob])).rejects.toMatchObject({ code: 'io-error', data: { file: target } });
    expect(readdirSync(join(dir, 'objects', blob.hash.slice(0, 2)))).toEqual([]); // the temporary file is gone
  });
});
