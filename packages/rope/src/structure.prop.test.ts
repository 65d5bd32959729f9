/**
 * Properties of the stored rope: the root id depends on the text alone
 * (history independence), and a merge in the store gives the text the
 * in-memory merge gives.
 */
import * as fc from 'fast-check';
import { Repo, type TreeChild } from '@grove/store';
import { describe, expect, it } from 'vitest';
import { merge, Rope, structure } from './index.js';

const idOf = (child: TreeChild) => (child.kind === 'tree' ? child.tree.hash : child.hash);
const unit = fc.constantFrom('a', 'b', 'c', ' ', '\n', '\r\n', 'é', '中', '😀');
const word = fc.array(unit, { minLength: 1, maxLength: 12 }).map((u) => u.join(''));

/** Short texts, and long ones (up to three levels of nodes), some very repetitive. */
const start = fc.oneof(
  fc.array(word, { maxLength: 50 }).map((w) => w.join('')),
  fc.array(word, { minLength: 2000, maxLength: 6000 }).map((w) => w.join('')),
  fc.tuple(word, fc.integer({ min: 100, max: 20_000 })).map(([w, n]) => w.repeat(n)),
);
/** An edit at a fraction of the text, and whether to save after it. */
const edit = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.oneof(fc.constant(0), fc.nat(5), fc.nat(5000)), fc.oneof(word, fc.constant(''), fc.array(word, { maxLength: 400 }).map((w) => w.join(''))), fc.boolean());

describe('the stored rope', () => {
  it('has the same root id as the same text saved fresh, whatever the edits and saves before', async () => {
    await fc.assert(
      fc.asyncProperty(start, fc.array(edit, { maxLength: 12 }), async (text, edits) => {
        const repo = Repo.memory();
        let rope = Rope.from(text);
        await structure.save(rope, repo.nodes);
        for (const [where, del, ins, save] of edits) {
          const at = Math.floor(where * rope.length);
          rope = rope.splice(at, Math.min(del, rope.length - at), ins);
          if (save) await structure.save(rope, repo.nodes);
        }
        const saved = await structure.save(rope, repo.nodes);
        const fresh = await structure.save(Rope.from(rope.toString()), Repo.memory().nodes);
        expect(idOf(saved)).toBe(idOf(fresh));
        const cold = new Repo(repo.backend);
        expect((await structure.load(saved, cold.nodes)).toString()).toBe(rope.toString());
      }),
      { numRuns: 60 },
    );
  });

  it('merges in the store as in memory', async () => {
    const sides = (base: Rope) => fc.array(edit, { maxLength: 4 }).map((edits) =>
      edits.reduce((r, [where, del, ins]) => {
        const at = Math.floor(where * r.length);
        return r.splice(at, Math.min(del, r.length - at), ins);
      }, base),
    );
    const triple = start.map((t) => Rope.from(t)).chain((b) => fc.tuple(fc.constant(b), sides(b), sides(b)));
    await fc.assert(
      fc.asyncProperty(triple, async ([base, ours, theirs]) => {
        const repo = Repo.memory();
        const [b, o, t] = await Promise.all([base, ours, theirs].map((r) => structure.save(Rope.from(r.toString()), repo.nodes)));
        const stored = await structure.merge({ base: b!, ours: o!, theirs: t!, path: ['doc'], nodes: repo.nodes });
        const inMemory = merge({ base: await structure.load(b!, repo.nodes), ours: await structure.load(o!, repo.nodes), theirs: await structure.load(t!, repo.nodes) });
        expect(stored.ok && inMemory.ok).toBe(true);
        if (stored.ok && inMemory.ok) expect((await structure.load(stored.value, new Repo(repo.backend).nodes)).toString()).toBe(inMemory.value.toString());
      }),
      { numRuns: 60 },
    );
  });
});
