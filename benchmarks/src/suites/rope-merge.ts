/**
 * Merge of two branches that each edited a text with `edits` edits, on a
 * 100k-character text against a 1k-character one (both cut from the end of
 * the automerge-paper trace). Edits come as a burst, typing with a
 * backspace every tenth key at one spot per side, as a person edits, or
 * scattered one by one over the text. Each timed merge starts from the two
 * commit ids (`repo.mergeCommits`: common ancestor, then the rope's merge)
 * and hashes the merged tree, as a merge commit would. Target (bursts):
 * the cost follows the edits, not the text (ratio <= 3). Scattered edits
 * each land in their own chunk of the long text, so there the cost follows
 * the chunks touched; that variant is reported without a target.
 */
import { Repo, type Commit, type CommitMerge } from '@grove/store';
import { merge as mergeTexts, Rope, structure } from '@grove/rope';
import { readTrace } from '@grove/rope/traces';
import { random, type Random } from '../harness/random.js';
import type { Suite, Tier } from '../harness/suite.js';
import { sizeLabel } from '../workloads/inputs.js';
import { fakeClock } from '../workloads/open-repo.js';

export interface RopeMergeSizes {
  readonly seed: number;
  readonly tier: Tier;
  readonly small: number;
  readonly large: number;
  readonly edits: number;
  readonly spread: 'burst' | 'scattered';
}

const KEYS = 'etaoin shrdlu';

/** One side's edits: `n` keys typed (every tenth a backspace) at one spot, or `n` single inserts anywhere. */
function edit(rope: Rope, n: number, spread: 'burst' | 'scattered', rng: Random): Rope {
  let r = rope;
  let at = rng.int(r.length + 1);
  for (let i = 0; i < n; i++) {
    if (spread === 'scattered') at = rng.int(r.length + 1);
    if (spread === 'burst' && i % 10 === 9 && at > 0) r = r.delete(--at, 1);
    else r = r.insert(at++, KEYS[rng.int(KEYS.length)]!);
  }
  return r;
}

interface Prepared {
  readonly n: number;
  readonly repo: Repo;
  readonly base: Commit;
  readonly ours: Commit;
  readonly theirs: Commit;
  readonly expected: string;
}

export function ropeMergeSuite({ seed, tier, small, large, edits, spread }: RopeMergeSizes): Suite {
  const label = (n: number) => `merge ${edits}+${edits} ${spread} edits, ${sizeLabel(n)}-character text`;
  let prepared: { small: Prepared; large: Prepared };

  const prepare = async (text: string, salt: number): Promise<Prepared> => {
    const repo = Repo.memory(fakeClock());
    const main = repo.branch('main');
    const rng = random(seed + salt);
    const base = Rope.from(text);
    const baseCommit = await main.set(['doc'], base, { type: structure });
    const other = await main.fork('other');
    const [ours, theirs] = [edit(base, edits, spread, rng), edit(base, edits, spread, rng)];
    const [oursCommit, theirsCommit] = [await main.set(['doc'], ours, { type: structure }), await other.set(['doc'], theirs, { type: structure })];
    // the same merge in memory: the stored merge must agree with it
    const merged = mergeTexts({ base, ours, theirs });
    if (!merged.ok) throw new Error('an in-memory text merge conflicted');
    return { n: text.length, repo, base: baseCommit, ours: oursCommit, theirs: theirsCommit, expected: merged.value.toString() };
  };
  const merge = async (p: Prepared): Promise<CommitMerge> => {
    const m = await p.repo.mergeCommits(p.ours.hash, p.theirs.hash);
    void m.tree.hash; // encodes and hashes the merged trees, as a merge commit must
    return m;
  };

  return {
    name: `rope-merge-${spread}`,
    tier,
    unit: 'merges',
    async setup() {
      const text = readTrace('automerge-paper').endContent;
      prepared = { small: await prepare(text.slice(-small), 1), large: await prepare(text.slice(-large), 2) };
    },
    async check() {
      for (const p of [prepared.small, prepared.large]) {
        const m = await merge(p);
        if (m.conflicts.length > 0 || m.lcas.join() !== p.base.hash) throw new Error(`${sizeLabel(p.n)}: ${m.conflicts.length} conflicts, ancestors ${m.lcas.join()}`);
        const cold = new Repo(p.repo.backend, { types: [structure] });
        const written = await p.repo.writeCommit(m.tree, [p.ours.hash, p.theirs.hash]);
        const doc = await cold.tree(written.tree).get(['doc']);
        if ((await structure.load(doc!, cold.nodes)).toString() !== p.expected) throw new Error(`${sizeLabel(p.n)}: the merged text is not the merge of both sides' edits`);
      }
    },
    cases: [
      { name: label(small), kind: 'async', fn: () => merge(prepared.small) },
      { name: label(large), kind: 'async', fn: () => merge(prepared.large) },
    ],
    anchor: label(small),
    // scattered edits touch one chunk each, so there the cost follows min(edits, chunks): no target
    ...(spread === 'burst' ? { target: { case: label(large), measure: 'cost' as const, direction: 'at-most' as const, value: 3, description: `rope merge cost, ${sizeLabel(large)} vs ${sizeLabel(small)} characters (${spread} edits)` } } : {}),
  };
}
