/** Demo part: a counter, a set and a map edited on two branches and merged, each by its own merge. */
import * as Counter from '@grove/counter';
import * as GMap from '@grove/map';
import { codecs, defaultMerge, formatPath } from '@grove/merge';
import * as GSet from '@grove/set';
import { Repo } from '@grove/store';

const Tags = GSet.structure(codecs.string);
const Scores = GMap.structure(Counter.mergeable);
const TagsByPage = GMap.structure(GSet.mergeable(codecs.string));

export async function structuresDemo(log: (line: string) => void): Promise<void> {
  let now = Date.UTC(2026, 10, 28, 9, 0);
  const repo = Repo.memory({ clock: () => (now += 60_000) });
  const main = repo.branch('main');
  const players = Array.from({ length: 5000 }, (_, i) => [`player-${i}`, 0n] as const);
  await main.update(async (tx) => {
    await tx.set(['visits'], 10n, Counter.mergeable);
    await tx.set(['tags'], GSet.of(codecs.string, ['git', 'crdt', 'draft']), Tags);
    await tx.set(['scores'], GMap.of(Counter.mergeable, players), Scores);
    await tx.set(['pages'], GMap.of(GSet.mergeable(codecs.string), [['home', GSet.of(codecs.string, ['intro'])]]), TagsByPage);
  }, { message: 'start' });
  const shards = (await main.list(['scores'])).map((e) => e.name);
  log(`A map of 5,000 counters is a tree of shards: ${shards.slice(0, 4).join(' ')} ... (${shards.length - 1} shards and the .grove marker)`);

  const draft = await main.fork('draft');
  await main.update(async (tx) => {
    await tx.set(['visits'], Counter.increment((await tx.get(['visits'], Counter.mergeable))!, 3), Counter.mergeable);
    const tags = await GSet.load((await tx.get(['tags'], Tags))!, ['merge', 'draft']);
    await tx.set(['tags'], GSet.delete(GSet.add(tags, 'merge'), 'draft'), Tags);
    const scores = await GMap.load((await tx.get(['scores'], Scores))!, ['player-7']);
    await tx.set(['scores'], GMap.set(scores, 'player-7', 5n), Scores);
    const pages = await GMap.load((await tx.get(['pages'], TagsByPage))!);
    await tx.set(['pages'], GMap.set(pages, 'home', GSet.add(GMap.get(pages, 'home')!, 'news')), TagsByPage);
  });
  await draft.update(async (tx) => {
    await tx.set(['visits'], Counter.increment((await tx.get(['visits'], Counter.mergeable))!, 4), Counter.mergeable);
    const tags = await GSet.load((await tx.get(['tags'], Tags))!, ['grove']);
    await tx.set(['tags'], GSet.add(tags, 'grove'), Tags);
    const scores = await GMap.load((await tx.get(['scores'], Scores))!, ['player-7', 'player-new']);
    await tx.set(['scores'], GMap.set(GMap.set(scores, 'player-7', 2n), 'player-new', 1n), Scores);
    const pages = await GMap.load((await tx.get(['pages'], TagsByPage))!);
    await tx.set(['pages'], GMap.set(GMap.set(pages, 'home', GSet.delete(GMap.get(pages, 'home')!, 'intro')), 'about', GSet.of(codecs.string, ['team'])), TagsByPage);
  });
  log('main: visits +3, tags +merge -draft, player-7 +5, home +news');
  log('draft: visits +4, tags +grove, player-7 +2, player-new +1, home -intro, about {team}');

  const outcome = await main.merge(draft);
  log(`merge draft into main: ${outcome.kind}`);
  const tags = await GSet.load((await main.get(['tags'], Tags))!);
  const scores = await GMap.load((await main.get(['scores'], Scores))!, ['player-7', 'player-new']);
  const pages = await GMap.load((await main.get(['pages'], TagsByPage))!);
  log(`  visits = ${await main.get(['visits'], Counter.mergeable)} (10 + 3 + 4)`);
  log(`  tags = {${[...GSet.values(tags)].sort().join(', ')}} (removals win, additions kept)`);
  log(`  player-7 = ${GMap.get(scores, 'player-7')} (0 + 5 + 2), player-new = ${GMap.get(scores, 'player-new')}, ${GMap.size(scores)} players`);
  log(`  pages = ${GMap.entries(pages).map(([k, v]) => `${k}: {${[...GSet.values(v)].sort().join(', ')}}`).join('; ')}`);

  await draft.merge(main);
  log(`draft merges main back: the two branches hold the same tree (${(await main.tree()).hash === (await draft.tree()).hash ? 'equal ids' : 'different ids'})`);

  const Titles = GMap.structure(defaultMerge(codecs.string));
  await main.set(['titles'], GMap.of(defaultMerge(codecs.string), [['home', 'Welcome']]), { type: Titles });
  const other = await main.fork('other');
  await main.set(['titles'], GMap.of(defaultMerge(codecs.string), [['home', 'Hello']]), { type: Titles });
  await other.set(['titles'], GMap.of(defaultMerge(codecs.string), [['home', 'Hi']]), { type: Titles });
  const clash = await main.merge(other);
  if (clash.kind === 'conflict') {
    log('a map of texts retitled on both branches: conflict, main untouched');
    for (const c of clash.conflicts) log(`  ${formatPath(c.path)} ${c.kind}: ours ${JSON.stringify(c.ours)}, theirs ${JSON.stringify(c.theirs)}`);
  }
}
