/**
 * Merge of two branches of a job queue that each pushed and popped
 * `changes` elements (in commits of 1,000, as workers would) since a base
 * queue, small or big. Each timed merge starts from the two commit ids
 * (`repo.mergeCommits`: common ancestor, then the queue's tree merge) and
 * hashes the merged tree, as a merge commit would. The cost ratio should
 * follow the change, not the size of the base. The peer case merges the
 * same big queues stored as one blob each (the `Mergeable` encoding):
 * decode three blobs, merge in memory, encode, as a store of whole values
 * would have to.
 */
import type { Commit, CommitMerge, Repo } from '@grove/store';
import { Repo as Repository } from '@grove/store';
import type { QueueType } from '@grove/queue';
import type { Suite, Tier } from '../harness/suite.js';
import { sizeLabel } from '../workloads/inputs.js';
import { commitQueue, popMany, pushMany, worker } from '../workloads/job-queue.js';
import { fakeClock } from '../workloads/open-repo.js';

export interface QueueMergeSizes {
  readonly tier: Tier;
  /** Elements of the small base (the anchor) and of the big one. */
  readonly small: number;
  readonly large: number;
  /** Pushes, and pops, on each side. */
  readonly changes: number;
}

const BATCH = 1000;

interface Prepared {
  readonly n: number;
  readonly base: Commit;
  readonly ours: Commit;
  readonly theirs: Commit;
}

export function queueMergeSuite({ tier, small, large, changes }: QueueMergeSizes): Suite {
  const label = `merge ${sizeLabel(changes)}+${sizeLabel(changes)} pushes and pops`;
  const [smallCase, largeCase] = [small, large].map((n) => `${label}, ${sizeLabel(n)}-element base`) as [string, string];
  const blobCase = `${label}, ${sizeLabel(large)}-element base stored as one blob`;
  let repo: Repo;
  let ada: QueueType<string>;
  let prepared: { small: Prepared; large: Prepared };
  let blobs: readonly [Uint8Array, Uint8Array, Uint8Array];

  const prepare = async (n: number): Promise<Prepared> => {
    const main = repo.branch(`base-${n}`);
    await commitQueue(main, ada, pushMany(ada, ada.empty(), n, 'base '));
    const side = async (name: string) => {
      const branch = await main.fork(`${name}-${n}`);
      const type = worker(name);
      let q = (await branch.get(['jobs'], type.stored))!;
      for (let i = 0; i < changes; i += BATCH) {
        q = popMany(type, pushMany(type, q, BATCH, `${name} `, i), BATCH);
        await commitQueue(branch, type, q);
      }
      return repo.readCommit((await branch.head())!);
    };
    return { n, base: await repo.readCommit((await main.head())!), ours: await side('ours'), theirs: await side('theirs') };
  };
  const queueAt = async (c: Commit) => ada.stored.load((await repo.tree(c.tree).get(['jobs']))!, repo.nodes);
  const mergeBlobs = ([base, ours, theirs]: readonly Uint8Array[]) =>
    ada.encode(ada.merge({ base: ada.decode(base!), ours: ada.decode(ours!), theirs: ada.decode(theirs!) }).value);
  const merge = async (p: Prepared): Promise<CommitMerge> => {
    const m = await repo.mergeCommits(p.ours.hash, p.theirs.hash);
    void m.tree.hash; // encodes and hashes the merged trees, as a merge commit must
    return m;
  };

  return {
    name: `queue-merge-${sizeLabel(large)}`,
    tier,
    unit: 'merges',
    async setup() {
      repo = Repository.memory(fakeClock());
      ada = worker('base');
      repo.types.register(ada.stored);
      prepared = { small: await prepare(small), large: await prepare(large) };
      const { base, ours, theirs } = prepared.large;
      blobs = [ada.encode(await queueAt(base)), ada.encode(await queueAt(ours)), ada.encode(await queueAt(theirs))];
    },
    async check() {
      for (const p of [prepared.small, prepared.large]) {
        const m = await merge(p);
        if (m.conflicts.length > 0 || m.lcas.join() !== p.base.hash) throw new Error(`${sizeLabel(p.n)}: ${m.conflicts.length} conflicts, ancestors ${m.lcas.join()}`);
        const tree = repo.tree((await repo.writeCommit(m.tree, [p.ours.hash, p.theirs.hash])).tree);
        const merged = await ada.stored.load((await tree.get(['jobs']))!, repo.nodes);
        if (p === prepared.large && !ada.equals(ada.decode(mergeBlobs(blobs)), merged)) throw new Error('the one-blob merge differs from the tree merge');
        const values = [...merged];
        const kept = Math.max(0, p.n - changes);
        const sides = ['ours', 'theirs'].map((s) => values.slice(kept).filter((v) => v.startsWith(s)));
        const ordered = sides.every((vs) => vs.length === changes && vs.every((v, i) => v === `${v.split(' ')[0]} ${i}`));
        if (values.length !== kept + 2 * changes || values.slice(0, kept).some((v, i) => v !== `base ${changes + i}`) || !ordered) {
          throw new Error(`${sizeLabel(p.n)}: the merge is not the base minus its first ${changes} jobs, then both sides' pushes in order`);
        }
        const [base, ours, theirs] = await Promise.all([p.base, p.ours, p.theirs].map(async (c) => (await repo.tree(c.tree).get(['jobs']))!));
        const report = await ada.stored.merge({ base, ours: ours!, theirs: theirs!, path: ['jobs'], nodes: repo.nodes });
        if (!report.ok || report.deliveredTwice.length !== changes) throw new Error(`${sizeLabel(p.n)}: the ${changes} jobs popped on both sides are not all reported`);
      }
    },
    cases: [
      { name: smallCase, kind: 'async', fn: () => merge(prepared.small) },
      { name: largeCase, kind: 'async', fn: () => merge(prepared.large) },
      { name: blobCase, kind: 'sync', fn: () => mergeBlobs(blobs) },
    ],
    anchor: smallCase,
    target: { case: largeCase, measure: 'cost', direction: 'at-most', value: 2, description: `queue merge cost over a ${sizeLabel(large)} base vs a ${sizeLabel(small)} one` },
  };
}
