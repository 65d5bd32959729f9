/** The rope's document handle by example, and against a plain string on random changes. */
import { document, Repo, text, type Handles } from '@grove/store';
import * as fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { structure } from './index.js';

const schema = { body: structure, title: text };

describe('rope handle', () => {
  it('edits a text and a title in one commit', async () => {
    const doc = document(Repo.memory().branch('main'), schema);
    await doc.change(async (d) => {
      await d.body.insert(0, 'hello world');
      await d.body.splice(0, 5, 'Hi');
      await d.body.delete(2, 4);
      await d.title.set('Notes');
    });
    expect(await doc.read(async (d) => [await d.body.text(), await d.body.length(), await d.title.get()])).toEqual(['Hild', 4, 'Notes']);
    const wrong = (d: Handles<typeof schema>) => {
      // @ts-expect-error insert takes a position and a string
      void d.body.insert('0', 'x');
    };
    expectTypeOf(wrong).toBeFunction();
  });

  it('reads back as a string after each random change, one commit per change', async () => {
    type Op = { pos: number; del: number; ins: string };
    const op = fc.record({ pos: fc.nat(), del: fc.nat({ max: 4 }), ins: fc.string({ maxLength: 4, unit: 'grapheme-ascii' }) });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(op, { minLength: 1, maxLength: 4 }), { maxLength: 6 }), async (changes: Op[][]) => {
        const main = Repo.memory().branch('main');
        const doc = document(main, schema);
        let model = '';
        for (const ops of changes) {
          const before = model;
          const fitted = ops.map((o) => {
            const pos = o.pos % (model.length + 1);
            const del = Math.min(o.del, model.length - pos);
            model = model.slice(0, pos) + o.ins + model.slice(pos + del);
            return { pos, del, ins: o.ins };
          });
          const head = await main.head();
          const commit = await doc.change(async (d) => {
            for (const o of fitted) {
              if (o.del === 0) await d.body.insert(o.pos, o.ins);
              else if (o.ins === '') await d.body.delete(o.pos, o.del);
              else await d.body.splice(o.pos, o.del, o.ins);
            }
          });
          expect(commit === undefined ? head : commit.parents[0]).toBe(head);
          if (model !== before) expect(commit).toBeDefined();
          expect(await doc.read((d) => d.body.text())).toBe(model);
        }
      }),
      { numRuns: 40 },
    );
  });
});
