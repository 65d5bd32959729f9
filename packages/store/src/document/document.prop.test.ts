/**
 * Model-based test of the document API: random changes, each a random list
 * of edits through handles, against a plain object; after each change the
 * document reads back as the model, and the change made exactly one commit
 * (none when the values did not change).
 */
import { counter } from '@grove/merge';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { document, Repo, text, type Handles } from '../index.js';

const schema = { visits: counter, title: text, pages: { home: text } };
type Model = { visits?: bigint | undefined; title?: string | undefined; home?: string | undefined };

type Edit = { run(d: Handles<typeof schema>): Promise<unknown>; apply(m: Model): void; show: string };

const word = fc.string({ maxLength: 4 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.bigInt({ min: -5n, max: 5n }).map((n) => ({ run: (d) => d.visits.inc(n), apply: (m) => void (m.visits = (m.visits ?? 0n) + n), show: `inc ${n}` }) satisfies Edit),
  fc.constant({ run: (d) => d.visits.delete(), apply: (m) => void (m.visits = undefined), show: 'delete visits' } satisfies Edit),
  word.map((s) => ({ run: (d) => d.title.set(s), apply: (m) => void (m.title = s), show: `title=${s}` }) satisfies Edit),
  word.map((s) => ({ run: (d) => d.title.update((t) => (t ?? '') + s), apply: (m) => void (m.title = (m.title ?? '') + s), show: `title+=${s}` }) satisfies Edit),
  fc.constant({ run: (d) => d.title.delete(), apply: (m) => void (m.title = undefined), show: 'delete title' } satisfies Edit),
  word.map((s) => ({ run: (d) => d.pages.home.set(s), apply: (m) => void (m.home = s), show: `home=${s}` }) satisfies Edit),
);
const change = fc.array(edit, { minLength: 1, maxLength: 6 });

const same = (a: Model, b: Model) => a.visits === b.visits && a.title === b.title && a.home === b.home;

describe('document (model-based)', () => {
  it('reads back as a plain object after each change, one commit per change', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(change, { maxLength: 8 }), async (changes) => {
        const main = Repo.memory().branch('main');
        const doc = document(main, schema);
        const model: Model = {};
        for (const edits of changes) {
          const before = { ...model };
          const head = await main.head();
          for (const e of edits) e.apply(model);
          const commit = await doc.change(async (d) => {
            for (const e of edits) await e.run(d);
          });
          if (same(before, model)) expect(commit).toBeUndefined();
          else expect([commit?.parents, await main.head()]).toEqual([head === undefined ? [] : [head], commit?.hash]);
          const read = await doc.read(async (d) => ({ visits: await d.visits.get(), title: await d.title.get(), home: await d.pages.home.get() }));
          expect(read).toEqual({ visits: model.visits, title: model.title, home: model.home });
        }
      }),
      { numRuns: 60 },
    );
  });
});
