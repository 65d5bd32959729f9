/** Demo part 2: a Git repository on disk, two branches edited and merged, then `git log --graph`. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { counter, formatPath } from '@grove/merge';
import { Repo } from '@grove/store';

export async function storeDemo(log: (line: string) => void): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'grove-demo-'));
  let now = Date.UTC(2026, 10, 28, 9, 0);
  const repo = await Repo.open(dir, { clock: () => (now += 60_000), author: { name: 'Ada', email: 'ada@example.com' } });
  const main = repo.branch('main');
  await main.update(async (tx) => {
    await tx.set(['docs', 'readme'], 'Grove keeps data in Git.\n');
    await tx.set(['stats', 'visits'], 10n, counter);
  }, { message: 'start the site' });

  const draft = await main.fork('draft');
  await draft.set(['docs', 'readme'], 'Grove keeps typed, mergeable data in Git.\n', { message: 'reword the readme', author: { name: 'Bob', email: 'bob@example.com' } });
  await draft.set(['stats', 'visits'], 14n, { type: counter, message: '4 visits on draft', author: { name: 'Bob', email: 'bob@example.com' } });
  await main.set(['stats', 'visits'], 13n, { type: counter, message: '3 visits on main' });
  await main.set(['docs', 'faq'], 'Is it Git? Yes.\n', { message: 'add a FAQ' });

  const outcome = await main.merge(draft);
  log(`\nmerge draft into main: ${outcome.kind}`);
  log(`  visits = ${await main.get(['stats', 'visits'], counter)} (10 + 3 on main + 4 on draft)`);
  log(`  readme = ${JSON.stringify(await main.get(['docs', 'readme']))}`);

  const other = await main.fork('other');
  await other.set(['docs', 'faq'], 'Is it Git? Mostly.\n');
  await main.set(['docs', 'faq'], 'Is it Git? Entirely.\n');
  const clash = await main.merge(other);
  if (clash.kind === 'conflict') {
    log('merge other into main: conflict, main untouched');
    for (const c of clash.conflicts) log(`  ${formatPath(c.path)} ${c.kind}: ours ${JSON.stringify(c.ours)}, theirs ${JSON.stringify(c.theirs)}`);
  }

  log("\n$ git log --graph --oneline main");
  log(execFileSync('git', ['-C', dir, 'log', '--graph', '--oneline', 'main'], { encoding: 'utf8' }).trimEnd());
  log('\n$ git show main:stats/visits');
  log(execFileSync('git', ['-C', dir, 'show', 'main:stats/visits'], { encoding: 'utf8' }).trimEnd());
  return dir;
}
