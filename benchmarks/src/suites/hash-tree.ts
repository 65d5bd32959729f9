/**
 * Encode + hash of a small tree (8 entries, as a record's fields would be,
 * given in random order so the encoder sorts them): the store's
 * `encodeTree` then `hashObject('tree', …)`, against `crypto.hash('sha1', …)`
 * of the same bytes framed ahead of time. Building the tree through the
 * `Tree.patch` API and taking `.hash` is timed too, for the API's overhead.
 */
import { hash } from 'node:crypto';
import { encodeTree, hashObject, Repo, type Tree, type TreeChild, type TreeEntry } from '@grove/store';
import { random } from '../harness/random.js';
import type { Suite } from '../harness/suite.js';
import { gitLines } from '../workloads/git-cli.js';
import { cycle, frame } from '../workloads/inputs.js';
import { makeTempDir, removeDir } from '../workloads/temp-dir.js';

export interface HashTreeSizes {
  readonly seed: number;
  /** Distinct trees taken in turn. */
  readonly count: number;
  readonly entries: number;
}

interface Field {
  readonly name: string;
  readonly hash: string;
}

export function hashTreeSuite({ seed, count, entries }: HashTreeSizes): Suite {
  const raw = `crypto.hash sha1, pre-framed ${entries}-entry tree`;
  const grove = `grove encodeTree + hashObject, ${entries} entries`;
  const patched = `grove Tree.patch + hash, ${entries} entries`;
  let empty: Tree;
  let fields: Field[][] = [];
  let framed: Buffer[] = [];
  let children: ReadonlyMap<string, TreeChild>[] = [];
  let nextFramed: () => Buffer;
  let nextChildren: () => ReadonlyMap<string, TreeChild>;
  let shuffled: (readonly TreeEntry[])[] = [];
  let nextEntries: () => readonly TreeEntry[];
  const build = async (c: ReadonlyMap<string, TreeChild>) => (await empty.patch(c)).hash;

  return {
    name: 'hash-tree',
    tier: 'quick',
    unit: 'trees',
    async setup() {
      const rng = random(seed);
      empty = await Repo.memory().commitTree(undefined);
      fields = Array.from({ length: count }, () => Array.from({ length: entries }, (_, e) => ({ name: `field-${e}-${rng.int(1000)}`, hash: hashObject('blob', rng.bytes(16)) })));
      children = fields.map((f) => new Map(f.map(({ name, hash }) => [name, { kind: 'blob', mode: '100644', hash }] as const)));
      const trees = await Promise.all(children.map((c) => empty.patch(c)));
      framed = trees.map((t) => frame('tree', t.newObjects().get(t.hash)!.payload));
      nextFramed = cycle(framed);
      nextChildren = cycle(children);
      shuffled = fields.map((f) => rng.distinct(f.length, f.length).map((i) => ({ name: f[i]!.name, mode: '100644' as const, hash: f[i]!.hash })));
      nextEntries = cycle(shuffled);
    },
    async check() {
      const dir = await makeTempDir('hash-tree');
      try {
        await gitLines(['init', '--bare', '-q', dir]);
        for (let j = 0; j < Math.min(count, 4); j++) {
          const listing = fields[j]!.map(({ name, hash }) => `100644 blob ${hash}\t${name}\n`).join('');
          const [fromGit] = await gitLines(['--git-dir', dir, 'mktree', '--missing'], listing);
          if ((await build(children[j]!)) !== fromGit) throw new Error(`tree ${j}: grove's id differs from git mktree's ${fromGit}`);
        }
      } finally {
        await removeDir(dir);
      }
      for (let j = 0; j < count; j++) {
        const want = hash('sha1', framed[j]!, 'hex');
        if ((await build(children[j]!)) !== want) throw new Error(`tree ${j}: grove's id differs from sha1 of its framed bytes`);
        if (hashObject('tree', encodeTree(shuffled[j]!)) !== want) throw new Error(`tree ${j}: encodeTree of the shuffled entries differs`);
      }
    },
    cases: [
      { name: raw, kind: 'sync', fn: () => hash('sha1', nextFramed(), 'hex') },
      { name: grove, kind: 'sync', fn: () => hashObject('tree', encodeTree(nextEntries())) },
      { name: patched, kind: 'async', fn: () => build(nextChildren()) },
    ],
    anchor: raw,
    target: { case: grove, measure: 'speed', direction: 'at-least', value: 0.5, description: 'grove small-tree encode+hash vs raw sha1' },
  };
}
