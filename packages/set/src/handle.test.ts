/** The set's document handle by example, and against a plain `Set` on random changes. */
import { codecs } from '@grove/merge';
import { document, Repo, type Handles } from '@grove/store';
import * as fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as GSet from './index.js';

const schema = { tags: GSet.structure(codecs.string, { leafCapacity: 2 }) };
type Edit = { run(d: Handles<typeof schema>): Promise<unknown>; apply(m: Set<string>): void };

describe('set handle', () => {
  it('adds, deletes and tests elements, one commit per change', async () => {
    const doc = document(Repo.memory().branch('main'), schema);
    await doc.change(async (d) => {
      await d.tags.add('git');
      await d.tags.add('crdt');
      await d.tags.add('draft');
      await d.tags.delete('draft');
    });
    expect(await doc.read(async (d) => [await d.tags.has('git'), await d.tags.has('draft'), await d.tags.size(), (await d.tags.values()).sort()])).toEqual([true, false, 2, ['crdt', 'git']]);
    expect(await doc.change((d) => d.tags.add('git'))).toBeUndefined();
    const wrong = (d: Handles<typeof schema>) => {
      // @ts-expect-error a set of strings takes strings
      void d.tags.add(1);
    };
    expectTypeOf(wrong).toBeFunction();
  });

  it('reads back as a Set after each random change', async () => {
    const element = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const edit: fc.Arbitrary<Edit> = fc.oneof(
      element.map((e) => ({ run: (d) => d.tags.add(e), apply: (m) => void m.add(e) }) satisfies Edit),
      element.map((e) => ({ run: (d) => d.tags.delete(e), apply: (m) => void m.delete(e) }) satisfies Edit),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(edit, { minLength: 1, maxLength: 6 }), { maxLength: 6 }), async (changes) => {
        const main = Repo.memory().branch('main');
        const doc = document(main, schema);
        const model = new Set<string>();
        let commits = 0;
        for (const edits of changes) {
          for (const e of edits) e.apply(model);
          if (await doc.change(async (d) => { for (const e of edits) await e.run(d); })) commits++;
          expect((await doc.read((d) => d.tags.values())).sort()).toEqual([...model].sort());
        }
        let logged = 0;
        for await (const _ of main.log()) logged++;
        expect(logged).toBe(commits);
      }),
      { numRuns: 40 },
    );
  });
});
