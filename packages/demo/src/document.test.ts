/** The Grove snippet of docs/document.md, run as written: a map of counters, a title and a text in one commit. */
import * as GMap from '@grove/map';
import { counter } from '@grove/merge';
import { structure as Text } from '@grove/rope';
import { document, Repo, text } from '@grove/store';
import { expect, expectTypeOf, it } from 'vitest';

it('runs the document snippet of docs/document.md', async () => {
  const doc = document(Repo.memory().branch('main'), { votes: GMap.structure(counter), title: text, body: Text });
  await doc.change(async (d) => {
    await d.votes.inc('ada', 2);
    await d.title.set('Hi');
    await d.body.insert(0, 'Hello');
  });
  const ada = await doc.read((d) => d.votes.get('ada'));
  expectTypeOf(ada).toEqualTypeOf<bigint | undefined>();
  expect([ada, await doc.read(async (d) => [await d.title.get(), await d.body.text()])]).toEqual([2n, ['Hi', 'Hello']]);
  let commits = 0;
  for await (const _ of doc.branch.log()) commits++;
  expect(commits).toBe(1);
});
