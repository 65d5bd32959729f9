/** Demo part: one text edited on two branches and merged by the rope, with what Git sees of it. */
import { Rope, structure } from '@grove/rope';
import { MARKER, Repo, type Branch } from '@grove/store';

const POEM = [
  'The woods are lovely, dark and deep,',
  'But I have promises to keep,',
  'And miles to go before I sleep,',
  'And miles to go before I sleep.',
].join('\n');

/** Ada and Bob edit a poem on two branches; the merge keeps both edits, and the tree Git stores. */
export async function ropeDemo(log: (line: string) => void): Promise<void> {
  let now = Date.UTC(2026, 10, 28, 9, 0);
  const repo = Repo.memory({ clock: () => (now += 60_000) });
  const main = repo.branch('main');
  await main.set(['poem'], Rope.from(POEM), { type: structure, message: 'a poem' });
  const draft = await main.fork('draft');

  const ada = (await main.get(['poem'], structure))!;
  const dimmed = ada.splice(ada.toString().indexOf('dark'), 4, 'dim');
  await main.set(['poem'], dimmed.insert(dimmed.length, ' 🌲'), { type: structure, message: 'Ada: dark -> dim, and a tree' });
  const bob = (await draft.get(['poem'], structure))!;
  await draft.set(['poem'], bob.splice(bob.toString().indexOf('But'), 3, 'Yet').insert(0, '# Stopping by Woods\n'), { type: structure, message: 'Bob: a title, But -> Yet' });

  log('A poem on main; Ada edits it on main, Bob on the draft branch:');
  const outcome = await main.merge(draft);
  log(`merge draft into main: ${outcome.kind} (a text merge never conflicts)`);
  for (const line of (await main.get(['poem'], structure))!.toString().split('\n')) log(`  ${line}`);

  const big = Rope.from(Array.from({ length: 3000 }, (_, i) => `${i}: ${POEM.split('\n')[i % 4]}`).join('\n'));
  await main.set(['long'], big, { type: structure });
  const before = await chunksOf(main);
  await main.set(['long'], big.insert(50_000, 'one more word '), { type: structure });
  const after = await chunksOf(main);
  const kept = [...after].filter((h) => before.has(h)).length;
  log(`\nA ${big.length.toLocaleString('en-US')}-character text is stored as ${before.size} chunks, text blobs cut where the content says;`);
  log(`an edit in its middle writes ${after.size - kept} new chunk and keeps the other ${kept}. The stored tree (<index>-<code points>):`);
  for (const [name, child] of (await (await main.tree()).list(['long'])).slice(0, 3)) log(`  ${child.kind} ${name}`);
}

/** The ids of the chunk blobs of the text at `long` on `branch`. */
async function chunksOf(branch: Branch): Promise<Set<string>> {
  const tree = (await (await branch.tree()).subtree(['long']))!;
  const ids = new Set<string>();
  for await (const [path, child] of tree.walk()) if (path[0] !== MARKER && child.kind === 'blob') ids.add(child.hash);
  return ids;
}
