/** Demo part: a counter, a set and a map edited on two branches and merged, each by its own merge. */
import * as Counter from '@grove/counter';
import * as GMap from '@grove/map';
import { codecs, defaultMerge, formatPath } from '@grove/merge';
import * as GSet from '@grove/set';
import { document, Repo } from '@grove/store';

const Tags = GSet.structure(codecs.string);
const Scores = GMap.structure(Counter.mergeable);
const TagsByPage = GMap.structure(GSet.mergeable(codecs.string));

export async function structuresDemo(log: (line: string) => void): Promise<void> {
  let now = Date.UTC(2026, 10, 28, 9, 0);
  const repo = Repo.memory({ clock: () => (now += 60_000) });
  const main = repo.branch('main');
  const schema = { visits: Counter.mergeable, tags: Tags, scores: Scores, pages: TagsByPage };
  const players = Array.from({ length: 5000 }, (_, i) => [`player-${i}`, 0n] as const);
  await main.update(async (tx) => {
    await tx.set(['visits'], 10n, Counter.mergeable);
    await tx.set(['tags'], GSet.of(codecs.string, ['git', 'crdt', 'draft']), Tags);
    await tx.set(['scores'], GMap.of(Counter.mergeable, players), Scores);
    await tx.set(['pages'], GMap.of(GSet.mergeable(codecs.string), [['home', GSet.of(codecs.string, ['intro'])]]), TagsByPage);
  }, { message: 'start' });
  const shards = (await main.list(['scores'])).map((e) => e.name);
  log(`A map of 5,000 counters is a tree of shards: ${shards.slice(0, 4).join(' ')} ... (${shards.length - 1} shards and the .grove marker)`);

  // The document API: a schema once, typed handles whose verbs load only the shards they need, one commit per change.
  const draft = await main.fork('draft');
  await document(main, schema).change(async (d) => {
    await d.visits.inc(3);
    await d.tags.add('merge');
    await d.tags.delete('draft');
    await d.scores.inc('player-7', 5);
    await d.pages.update('home', (home) => GSet.add(home!, 'news'));
  });
  await document(draft, schema).change(async (d) => {
    await d.visits.inc(4);
    await d.tags.add('grove');
    await d.scores.inc('player-7', 2);
    await d.scores.inc('player-new');
    await d.pages.update('home', (home) => GSet.delete(home!, 'intro'));
    await d.pages.set('about', GSet.of(codecs.string, ['team']));
  });
  log('main: visits +3, tags +merge -draft, player-7 +5, home +news');
  log('draft: visits +4, tags +grove, player-7 +2, player-new +1, home -intro, about {team}');

  const outcome = await main.merge(draft);
  log(`merge draft into main: ${outcome.kind}`);
  const { tags, scores, pages, visits } = await document(main, schema).read(async (d) => ({
    visits: await d.visits.get(),
    tags: await d.tags.values(),
    scores: [await d.scores.get('player-7'), await d.scores.get('player-new'), await d.scores.size()] as const,
    pages: await d.pages.entries(),
  }));
  log(`  visits = ${visits} (10 + 3 + 4)`);
  log(`  tags = {${[...tags].sort().join(', ')}} (removals win, additions kept)`);
  log(`  player-7 = ${scores[0]} (0 + 5 + 2), player-new = ${scores[1]}, ${scores[2]} players`);
  log(`  pages = ${pages.map(([k, v]) => `${k}: {${[...GSet.values(v)].sort().join(', ')}}`).join('; ')}`);

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
