/**
 * The automerge-paper trace applied to a rope with a commit every 1,000
 * edits (260 commits through `branch.set`), against the same edits with no
 * commit: the time commits add (target: at most 3x the edits alone). The
 * check prints the new objects each commit writes, and fails past a bound
 * logarithmic in the text (the rope writes the path to what changed).
 */
import { Repo, type Backend } from '@grove/store';
import { Rope, structure } from '@grove/rope';
import { patchesOf, readTrace, type Patch } from '@grove/rope/traces';
import type { Suite, Tier } from '../harness/suite.js';
import { fakeClock } from '../workloads/open-repo.js';

const EVERY = 1000;

/** A memory backend that counts the objects it did not hold before. */
function counting(): { backend: Backend; fresh: () => number } {
  const inner = Repo.memory().backend;
  let fresh = 0;
  const backend: Backend = {
    refs: inner.refs,
    objects: {
      read: (hash) => inner.objects.read(hash),
      has: (hash) => inner.objects.has(hash),
      async writeMany(batch) {
        for (const o of batch) if (!(await inner.objects.has(o.hash))) fresh++;
        await inner.objects.writeMany(batch);
      },
    },
  };
  return { backend, fresh: () => fresh };
}

/** The trace applied with a commit every `EVERY` edits; the new objects of each commit. */
async function run(start: string, patches: readonly Patch[]): Promise<{ text: string; perCommit: number[]; repo: Repo }> {
  const { backend, fresh } = counting();
  const repo = new Repo(backend, fakeClock());
  const main = repo.branch('main');
  let rope = Rope.from(start);
  const perCommit: number[] = [];
  for (let i = 0; i < patches.length; i += EVERY) {
    for (const [pos, del, ins] of patches.slice(i, i + EVERY)) rope = rope.splice(pos, del, ins);
    const before = fresh();
    await main.set(['doc'], rope, { type: structure });
    perCommit.push(fresh() - before);
  }
  return { text: rope.toString(), perCommit, repo };
}

export function ropeCommitSuite({ tier }: { readonly tier: Tier }): Suite {
  let start = '';
  let end = '';
  let patches: readonly Patch[] = [];
  const applyCase = 'rope: automerge-paper, no commit';
  const commitCase = 'rope: automerge-paper, a commit every 1k edits';
  return {
    name: 'rope-commit',
    tier,
    unit: 'edits',
    minSamples: 3,
    async setup() {
      const trace = readTrace('automerge-paper');
      [start, end, patches] = [trace.startContent, trace.endContent, patchesOf(trace)];
    },
    async check() {
      if (patches.length !== 259_778) throw new Error(`the trace has ${patches.length} edits, not the 259,778 each case counts`);
      const { text, perCommit, repo } = await run(start, patches);
      const stored = await repo.branch('main').get(['doc'], structure);
      if (text !== end || stored?.toString() !== end) throw new Error('the committed rope does not end at the trace endContent');
      const mean = perCommit.reduce((a, b) => a + b, 0) / perCommit.length;
      const max = Math.max(...perCommit);
      const bound = 4 * Math.log2(end.length / 1000);
      console.log(`  ${perCommit.length} commits, new objects per commit: mean ${mean.toFixed(1)}, max ${max} (bound 4·log2(n/1k) = ${bound.toFixed(1)}, n = ${end.length})`);
      if (mean > bound) throw new Error(`${mean.toFixed(1)} objects per commit on average: not O(log n)`);
    },
    cases: [
      {
        name: applyCase,
        kind: 'manual',
        batch: 259_778,
        prepare: async () => async () => {
          let rope = Rope.from(start);
          for (const [pos, del, ins] of patches) rope = rope.splice(pos, del, ins);
          return rope;
        },
      },
      { name: commitCase, kind: 'manual', batch: 259_778, prepare: async () => () => run(start, patches) },
    ],
    anchor: applyCase,
    target: { case: commitCase, measure: 'cost', direction: 'at-most', value: 3, description: 'the trace with 260 commits vs without' },
  };
}
