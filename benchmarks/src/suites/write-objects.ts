/**
 * Writing many small blobs to a Git repository on disk: Grove's fs backend
 * (`writeMany`, ids hashed inside the timed region) against a peer on the
 * same payloads: `git hash-object -w --stdin-paths` (the payloads written
 * beforehand as files in memory, `/dev/shm`, so reading its input costs git
 * little; only the git process is timed) or isomorphic-git's
 * `writeBlob` (timed on a subset, its rate per object extrapolated). Every
 * run writes into a new empty repository, so nothing is skipped as present.
 */
import * as fs from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashObject, Repo, type RawObject } from '@grove/store';
import isogit from 'isomorphic-git';
import { random } from '../harness/random.js';
import type { Case, Suite, Tier } from '../harness/suite.js';
import { git, gitLines } from '../workloads/git-cli.js';
import { sizeLabel } from '../workloads/inputs.js';
import { freshDir, makeRamDir, makeTempDir, removeDir } from '../workloads/temp-dir.js';

export interface WriteObjectsSizes {
  readonly seed: number;
  readonly tier: Tier;
  readonly count: number;
  readonly peer: 'git' | 'isomorphic-git';
  /** How many of the blobs isomorphic-git writes per run. */
  readonly isoSubset: number;
  /** How many of Grove's objects are read back with `git cat-file blob`. */
  readonly sample: number;
}

const MIN_BYTES = 32;
const MAX_BYTES = 160;

export function writeObjectsSuite({ seed, tier, count, peer, isoSubset, sample }: WriteObjectsSizes): Suite {
  const size = sizeLabel(count);
  const grove = `grove writeMany, ${size} blobs`;
  const peerCase = peer === 'git' ? `git hash-object -w --stdin-paths, ${size} blobs` : `isomorphic-git writeBlob, ${isoSubset} of the blobs, per-object rate`;
  let root: string;
  let inputs: string;
  let payloads: Uint8Array[] = [];
  let paths = '';

  const groveWrite = async (dir: string) => {
    const repo = await Repo.open(dir);
    return () => repo.backend.objects.writeMany(payloads.map((payload): RawObject => ({ hash: hashObject('blob', payload), type: 'blob', payload })));
  };
  const gitWrite = async (dir: string) => {
    await git(['init', '--bare', '-q', dir]);
    return () => gitLines(['--git-dir', dir, 'hash-object', '-w', '--stdin-paths'], paths);
  };
  const isoWrite = async (dir: string) => {
    await isogit.init({ fs, gitdir: dir, bare: true });
    return async () => {
      const ids: string[] = [];
      for (const blob of payloads.slice(0, isoSubset)) ids.push(await isogit.writeBlob({ fs, gitdir: dir, blob }));
      return ids;
    };
  };

  const cases: Case[] = [
    { name: grove, kind: 'manual', batch: count, prepare: async () => groveWrite(await freshDir(root, 'grove')) },
    peer === 'git'
      ? { name: peerCase, kind: 'manual', batch: count, prepare: async () => gitWrite(await freshDir(root, 'git')) }
      : { name: peerCase, kind: 'manual', batch: isoSubset, prepare: async () => isoWrite(await freshDir(root, 'iso')) },
  ];

  return {
    name: `write-objects-${peer}-${size}`,
    tier,
    unit: 'objects',
    async setup() {
      const rng = random(seed);
      payloads = Array.from({ length: count }, () => rng.bytes(MIN_BYTES + rng.int(MAX_BYTES - MIN_BYTES)));
      root = await makeTempDir('write-objects');
      inputs = await makeRamDir('write-objects-input');
      const files = payloads.map((_, i) => join(inputs, String(i)));
      for (let i = 0; i < count; i++) await writeFile(files[i]!, payloads[i]!);
      paths = `${files.join('\n')}\n`;
    },
    async check() {
      const dir = await freshDir(root, 'check');
      await (await groveWrite(dir))();
      const ids = payloads.map((p) => hashObject('blob', p));
      const fromGit = await gitLines(['hash-object', '--stdin-paths'], paths);
      const wrong = ids.findIndex((id, i) => id !== fromGit[i]);
      if (fromGit.length !== count || wrong >= 0) throw new Error(`grove's id of blob ${wrong} differs from git hash-object's`);
      const stored = await gitLines(['--git-dir', dir, 'cat-file', '--batch-check'], `${ids.join('\n')}\n`);
      const missing = stored.findIndex((line, i) => line !== `${ids[i]} blob ${payloads[i]!.length}`);
      if (stored.length !== count || missing >= 0) throw new Error(`git cat-file does not find blob ${missing} (${stored[missing]}) in grove's repository`);
      for (const i of random(seed + 1).distinct(Math.min(sample, count), count)) {
        await git(['--git-dir', dir, 'cat-file', '-e', ids[i]!]);
        if (!(await git(['--git-dir', dir, 'cat-file', 'blob', ids[i]!])).equals(payloads[i]!)) throw new Error(`git reads other bytes for blob ${ids[i]}`);
      }
      if (peer === 'isomorphic-git') {
        const isoIds = await (await isoWrite(await freshDir(root, 'iso-check')))();
        if (isoIds.some((id, i) => id !== ids[i])) throw new Error('isomorphic-git computes other ids than grove');
      }
    },
    cases,
    anchor: peerCase,
    minSamples: 3,
    target: {
      case: grove,
      measure: 'speed',
      direction: 'at-least',
      value: peer === 'git' ? 2 : 10,
      description: `grove objects/s vs ${peer === 'git' ? 'git hash-object' : 'isomorphic-git writeBlob'}`,
    },
    teardown: async () => {
      await removeDir(root);
      await removeDir(inputs);
    },
  };
}
