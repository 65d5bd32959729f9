/**
 * Model-based test of the map handle in a document: random changes (each a
 * random list of key edits and a title edit) against a plain `Map` and a
 * string; after each change the document reads back as the model, and the
 * change made exactly one commit (none when nothing changed). Small leaves,
 * so a few keys already make a tree of shards.
 */
import { counter } from '@grove/merge';
import { document, Repo, text, type Handles } from '@grove/store';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as GMap from './index.js';

const schema = { votes: GMap.structure(counter, { leafCapacity: 2 }), title: text };
/** `votes` is undefined until a key is first set: deleting from an absent map stores nothing, emptying a stored one keeps it. */
type Model = { votes: Map<string, bigint> | undefined; title: string | undefined };
type Edit = { run(d: Handles<typeof schema>): Promise<unknown>; apply(m: Model): void };

const key = fc.constantFrom('ada', 'bob', 'cy', 'dee', 'eve', 'fay', 'gus');
const n = fc.bigInt({ min: -3n, max: 3n });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(key, n).map(([k, by]) => ({ run: (d) => d.votes.inc(k, by), apply: (m) => void (m.votes ??= new Map()).set(k, (m.votes.get(k) ?? 0n) + by) }) satisfies Edit),
  fc.tuple(key, n).map(([k, v]) => ({ run: (d) => d.votes.set(k, v), apply: (m) => void (m.votes ??= new Map()).set(k, v) }) satisfies Edit),
  key.map((k) => ({ run: (d) => d.votes.delete(k), apply: (m) => void m.votes?.delete(k) }) satisfies Edit),
  fc.tuple(key, n).map(([k, by]) => ({ run: (d) => d.votes.update(k, (v) => (v ?? 1n) * by), apply: (m) => void (m.votes ??= new Map()).set(k, (m.votes.get(k) ?? 1n) * by) }) satisfies Edit),
  fc.string({ maxLength: 3 }).map((s) => ({ run: (d) => d.title.set(s), apply: (m) => void (m.title = s) }) satisfies Edit),
);

const snapshot = (m: Model) => JSON.stringify([m.votes && [...m.votes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, String(v)]), m.title]);

describe('map handle (model-based)', () => {
  it('reads back as a Map after each change, one commit per change', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(edit, { minLength: 1, maxLength: 8 }), { maxLength: 8 }), async (changes) => {
        const main = Repo.memory().branch('main');
        const doc = document(main, schema);
        const model: Model = { votes: undefined, title: undefined };
        for (const edits of changes) {
          const before = snapshot(model);
          const head = await main.head();
          for (const e of edits) e.apply(model);
          const commit = await doc.change(async (d) => {
            for (const e of edits) await e.run(d);
          });
          if (snapshot(model) === before) expect(commit).toBeUndefined();
          else expect([commit?.parents, await main.head()]).toEqual([head === undefined ? [] : [head], commit?.hash]);
          const cold = document(new Repo(main.repo.backend).branch('main'), schema);
          const read = await cold.read(async (d) => ({ stored: (await main.get(['votes'])) !== undefined, votes: new Map(await d.votes.entries()), title: await d.title.get(), size: await d.votes.size() }));
          expect(read).toEqual({ stored: model.votes !== undefined, votes: model.votes ?? new Map(), title: model.title, size: model.votes?.size ?? 0 });
          for (const k of ['ada', 'zed']) expect(await cold.read((d) => d.votes.get(k))).toBe(model.votes?.get(k));
        }
      }),
      { numRuns: 60 },
    );
  });
});
