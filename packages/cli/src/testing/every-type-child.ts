/**
 * Test support, not shipped: a second process over a repository on disk.
 * `edit DIR` forks `draft` and edits it; `merge DIR` merges draft into main
 * and prints the outcome and every value; `read DIR BRANCH` prints every
 * value; `custom DIR [register]` reads and merges a user-defined type. No
 * type is handed to a read or a merge: the process knows only what the
 * packages it imports register, as any user's process would.
 */
import { Repo } from '@grove/store';
import { readAll, score, writeEdits } from './every-type.js';

const [mode, dir, arg] = process.argv.slice(2);
const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

if (mode === 'edit') {
  const repo = await Repo.open(dir!);
  await writeEdits(await repo.branch('main').fork('draft'), 'draft');
} else if (mode === 'merge') {
  const repo = await Repo.open(dir!);
  const outcome = await repo.branch('main').merge(repo.branch(arg ?? 'draft'));
  print({ outcome: outcome.kind === 'conflict' ? outcome.conflicts.map((c) => `${c.path.join('/')} ${c.kind}`) : outcome.kind, values: await readAll(repo) });
} else if (mode === 'read') {
  print(await readAll(await Repo.open(dir!), arg));
} else if (mode === 'custom') {
  const repo = await Repo.open(dir!, arg === 'register' ? { types: [score] } : {});
  const read = await repo.branch('main').get(['score']).then(
    (value) => ({ value }),
    (error: { code: string; message: string }) => ({ code: error.code, message: error.message }),
  );
  const outcome = await repo.branch('main').merge(repo.branch('draft'));
  print({ read, outcome: outcome.kind === 'conflict' ? outcome.conflicts.map((c) => ({ kind: c.kind, message: c.message })) : outcome.kind });
} else {
  throw new Error(`unknown mode ${mode}`);
}
