/**
 * A queue used as a job queue: pushes and pops with a commit every 1,000
 * operations, the queue kept in memory between commits as a worker keeps
 * it (each commit writes only the tree's edges). Cases: one steady-state
 * commit (1,000 pushes and 1,000 pops) on a small and on a big queue,
 * whose cost ratio should stay small (the big tree is 3 levels deep, the
 * small one 1); and the whole run of `ops` pushes then `ops` pops (in
 * commits per second), timed once per run. The check prints the objects
 * written per commit.
 */
import { Repo, type Branch } from '@grove/store';
import type { Queue, QueueType } from '@grove/queue';
import type { Suite, Tier } from '../harness/suite.js';
import { sizeLabel } from '../workloads/inputs.js';
import { fakeClock } from '../workloads/open-repo.js';
import { recording } from '../workloads/recording-store.js';
import { commitQueue, popMany, pushMany, worker } from '../workloads/job-queue.js';

export interface QueueCommitSizes {
  readonly tier: Tier;
  /** Elements of the small queue (the anchor) and of the big one. */
  readonly small: number;
  readonly large: number;
  /** Pushes, then as many pops, in the whole run. */
  readonly ops: number;
}

const BATCH = 1000;

interface Session {
  readonly branch: Branch;
  readonly type: QueueType<string>;
  q: Queue<string>;
  pushed: number;
  /** Objects written so far. */
  readonly written: () => number;
}

async function session(name: string, size: number): Promise<Session> {
  const { backend, written } = recording(Repo.memory().backend);
  const repo = new Repo(backend, fakeClock());
  const type = worker(name);
  const s: Session = { branch: repo.branch('main'), type, q: pushMany(type, type.empty(), size, 'job '), pushed: size, written: () => written.length };
  await commitQueue(s.branch, type, s.q);
  return s;
}

/** One commit of 1,000 pushes and 1,000 pops: the queue keeps its size. */
async function steadyCommit(s: Session): Promise<void> {
  s.q = popMany(s.type, pushMany(s.type, s.q, BATCH, 'job ', s.pushed), BATCH);
  s.pushed += BATCH;
  await commitQueue(s.branch, s.type, s.q);
}

/**
 * `ops` pushes then `ops` pops, a commit every 1,000; `full` sees the
 * branch between the two halves. Returns the session and the objects
 * written per commit.
 */
async function wholeRun(ops: number, full?: (s: Session) => Promise<void>): Promise<{ s: Session; perCommit: number }> {
  const s = await session('runner', 0);
  const start = s.written();
  for (let i = 0; i < ops; i += BATCH) {
    s.q = pushMany(s.type, s.q, BATCH, 'job ', i);
    await commitQueue(s.branch, s.type, s.q);
  }
  await full?.(s);
  for (let i = 0; i < ops; i += BATCH) {
    s.q = popMany(s.type, s.q, BATCH);
    await commitQueue(s.branch, s.type, s.q);
  }
  return { s, perCommit: (s.written() - start) / ((2 * ops) / BATCH) };
}

export function queueCommitSuite({ tier, small, large, ops }: QueueCommitSizes): Suite {
  const smallCase = `commit 1k pushes + 1k pops, ${sizeLabel(small)}-element queue`;
  const largeCase = `commit 1k pushes + 1k pops, ${sizeLabel(large)}-element queue`;
  const runCase = `${sizeLabel(ops)} pushes then ${sizeLabel(ops)} pops, a commit every 1k`;
  let sessions: { small: Session; large: Session };
  let reported = false;

  return {
    name: `queue-commit-${sizeLabel(large)}`,
    tier,
    unit: 'commits',
    minSamples: 3,
    async setup() {
      sessions = { small: await session('small', small), large: await session('large', large) };
    },
    async check() {
      for (const s of [sessions.small, sessions.large]) {
        const before = s.written();
        for (let i = 0; i < 5; i++) await steadyCommit(s);
        const stored = (await s.branch.get(['jobs'], s.type.stored))!;
        const values = [...stored];
        if (values.length !== s.q.size || values[0] !== `job ${s.pushed - s.q.size}` || values.at(-1) !== `job ${s.pushed - 1}`) {
          throw new Error(`${s.type.replica}: the stored queue is not the ${s.q.size} latest jobs`);
        }
        console.log(`  ${s.type.replica} queue (${sizeLabel(values.length)}): ${((s.written() - before) / 5).toFixed(1)} objects written per commit`);
      }
      const probe = Math.min(ops, 20 * BATCH);
      const inOrder = async (r: Session) => {
        const values = [...(await r.branch.get(['jobs'], r.type.stored))!];
        if (values.length !== probe || values.some((v, i) => v !== `job ${i}`)) throw new Error('the pushes were not all stored, in order');
      };
      const { s, perCommit } = await wholeRun(probe, inOrder);
      if (s.q.size !== 0 || (await s.branch.get(['jobs'], s.type.stored))?.size !== 0) throw new Error('the pops did not empty the stored queue');
      console.log(`  ${sizeLabel(probe)} pushes then pops: ${perCommit.toFixed(1)} objects written per commit`);
    },
    cases: [
      { name: smallCase, kind: 'async', fn: () => steadyCommit(sessions.small) },
      { name: largeCase, kind: 'async', fn: () => steadyCommit(sessions.large) },
      {
        name: runCase,
        kind: 'manual',
        batch: (2 * ops) / BATCH,
        prepare: async () => async () => {
          const { perCommit } = await wholeRun(ops);
          if (!reported) console.log(`  whole run: ${perCommit.toFixed(1)} objects written per commit`);
          reported = true;
        },
      },
    ],
    anchor: smallCase,
    target: { case: largeCase, measure: 'cost', direction: 'at-most', value: 3, description: `queue commit cost at ${sizeLabel(large)} elements vs ${sizeLabel(small)}` },
  };
}
