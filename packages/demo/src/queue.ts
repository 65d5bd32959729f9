/** Demo part: a job queue edited on two branches, merged, and the jobs both sides ran. */
import { codecs } from '@grove/merge';
import { queue, type Element, type Queue, type QueueType } from '@grove/queue';
import { Repo, type Branch } from '@grove/store';

/** Two workers pop and push one job queue on two branches; the merge, and the jobs both of them ran. */
export async function queueDemo(log: (line: string) => void): Promise<void> {
  let now = Date.UTC(2026, 10, 28, 9, 0);
  const clock = () => (now += 1000);
  const ada = queue(codecs.string, { replica: 'ada', clock });
  const bob = queue(codecs.string, { replica: 'bob', clock });
  const repo = Repo.memory({ clock });
  const main = repo.branch('main');
  await main.set(['jobs'], ['build', 'test', 'lint'].reduce((q, job) => ada.push(q, job), ada.empty()), { type: ada.stored, message: 'three jobs' });
  const other = await main.fork('other');

  /** One worker's commit: run `n` jobs from the head, then queue `next`. */
  const work = async (branch: Branch, type: QueueType<string>, n: number, next: string) => {
    const ran: string[] = [];
    await branch.update(async (tx) => {
      let q: Queue<string> = (await tx.get(['jobs'], type.stored))!;
      ran.length = 0;
      for (let r = type.pop(q); r.ok && ran.length < n; r = type.pop(q)) {
        ran.push(r.value);
        q = r.queue;
      }
      await tx.set(['jobs'], type.push(q, next), type.stored);
    });
    log(`  ${type.replica} on ${branch.name}: ran ${ran.join(', ')}; queued ${next}`);
  };
  log('A job queue [build, test, lint] on main; two workers on two branches:');
  await work(main, ada, 1, 'deploy');
  await work(other, bob, 2, 'docs');

  const outcome = await main.merge(other);
  log(`merge other into main: ${outcome.kind}`);
  log(`  jobs = [${[...(await main.get(['jobs'], ada.stored))!].join(', ')}]`);
  for (const note of outcome.kind === 'merged' ? outcome.notes : []) {
    const jobs = (note.data as readonly Element<string>[]).map((e) => e.value);
    log(`  ${note.kind} at ${note.path.join('/')}: [${jobs.join(', ')}] (popped on both branches)`);
  }
}
