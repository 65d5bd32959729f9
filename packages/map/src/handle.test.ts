/** The map's document handle by example: key verbs, one commit per change, and reads of only the shards a key needs. */
import { codecs, counter, defaultMerge } from '@grove/merge';
import { document, Repo, text, type Backend } from '@grove/store';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as GMap from './index.js';

const Votes = GMap.structure(counter);

function countingRepo() {
  const inner = Repo.memory().backend;
  const counts = { reads: 0 };
  const backend: Backend = { refs: inner.refs, objects: { ...inner.objects, read: (h) => (counts.reads++, inner.objects.read(h)), has: (h) => inner.objects.has(h), writeMany: (o) => inner.objects.writeMany(o) } };
  return { backend, counts };
}

describe('map handle', () => {
  it('edits a map of counters and a title in one commit, and reads them back typed', async () => {
    const doc = document(Repo.memory().branch('main'), { votes: Votes, title: text });
    await doc.change(async (d) => {
      await d.votes.inc('ada', 2);
      await d.votes.inc('ada');
      await d.votes.set('bob', 5n);
      await d.votes.update('cy', (v) => (v ?? 10n) * 2n);
      await d.title.set('Hi');
    }, { message: 'votes' });
    await doc.change((d) => d.votes.delete('bob'));
    expect(await doc.read(async (d) => [await d.votes.get('ada'), await d.votes.has('bob'), await d.votes.size(), await d.votes.entries()])).toEqual([3n, false, 2, [['ada', 3n], ['cy', 20n]]]);
    let n = 0;
    for await (const _ of doc.branch.log()) n++;
    expect(n).toBe(2);
  });

  it('types values from the schema: inc only on counters', async () => {
    const doc = document(Repo.memory().branch('main'), { votes: Votes, names: GMap.structure(defaultMerge(codecs.string)) });
    await doc.change(async (d) => {
      expectTypeOf(await d.votes.inc('ada', 2)).toEqualTypeOf<bigint>();
      expectTypeOf(await d.names.get('ada')).toEqualTypeOf<string | undefined>();
      await d.names.set('ada', 'Ada');
    });
    const wrong = (d: Parameters<Parameters<typeof doc.change>[0]>[0]) => {
      // @ts-expect-error a map of texts has no inc
      void d.names.inc('ada');
      // @ts-expect-error a counter map holds bigints
      void d.votes.set('ada', 'three');
    };
    expectTypeOf(wrong).toBeFunction();
  });

  it('reads O(log n) objects for one key of a 5,000-counter map, not the whole map', async () => {
    const { backend, counts } = countingRepo();
    const main = new Repo(backend).branch('main');
    await main.set(['votes'], GMap.of(counter, Array.from({ length: 5000 }, (_, i) => [`p${i}`, BigInt(i)] as const)), { type: Votes });
    const doc = document(new Repo(backend).branch('main'), { votes: Votes });
    counts.reads = 0;
    await doc.change((d) => d.votes.inc('p7', 2));
    const inc = counts.reads;
    const cold = document(new Repo(backend).branch('main'), { votes: Votes });
    counts.reads = 0;
    expect(await cold.read((d) => d.votes.entries())).toHaveLength(5000);
    expect([inc, await doc.read((d) => d.votes.get('p7'))]).toEqual([inc, 9n]);
    expect(inc).toBeLessThan(12);
    expect(counts.reads).toBeGreaterThan(10 * inc);
  });
});
