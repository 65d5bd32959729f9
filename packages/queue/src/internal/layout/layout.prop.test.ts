/**
 * The stored layout: merging trees gives the same queue and the same
 * double-delivery report as merging in memory, the same tree whichever
 * side is ours, and the tree a fresh write of the result gives (the layout
 * is a function of the contents). Small fanout, so trees are deep.
 */
import { Repo, type TreeChild } from '@grove/store';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatStamp, type Queue } from '../../index.js';
import { edit, Histories, type Edit } from '../../testing/histories.js';

const H = new Histories(4);
const Q = H.type();
const edits = (max: number, replicas?: string[]) => fc.array(edit(replicas), { maxLength: max, size: 'max' });
const hashOf = (c: TreeChild) => (c.kind === 'tree' ? c.tree.hash : c.hash);
const keys = (q: Iterable<{ readonly stamp: Parameters<typeof formatStamp>[0] }>) => [...q].map((e) => formatStamp(e.stamp));

/** A side: the base edited, then (sometimes) merged with a queue the base never saw, as a criss-cross merge does. */
const side = fc.record({ edits: edits(40), foreign: fc.option(edits(20, ['x', 'y']), { nil: undefined }) });
type Side = { edits: Edit[]; foreign: Edit[] | undefined };

function grow(base: Queue<string>, s: Side): Queue<string> {
  const edited = H.apply(base, s.edits);
  if (s.foreign === undefined) return edited;
  return Q.merge({ base: undefined, ours: edited, theirs: H.apply(Q.empty(), s.foreign) }).value;
}

describe('merging stored trees', () => {
  it('agrees with the in-memory merge, is symmetric, and writes the canonical tree', async () => {
    await fc.assert(
      fc.asyncProperty(edits(120), side, side, fc.boolean(), async (baseEdits, o, t, related) => {
        const repo = Repo.memory();
        /** Writes the new objects of `child`, as a commit would. */
        const write = async (child: TreeChild) => {
          if (child.kind === 'tree') await repo.writeCommit(child.tree, []);
          return child;
        };
        const save = async (q: Queue<string>) => write(await Q.stored.save(q, repo.nodes));
        const base = H.apply(Q.empty(), baseEdits);
        const stored = await save(base);
        const loaded = await Q.stored.load(stored, repo.nodes);
        const [ours, theirs] = [grow(loaded, o), grow(related ? loaded : Q.empty(), t)];
        const args = { base: related ? stored : undefined, ours: await save(ours), theirs: await save(theirs), path: [], nodes: repo.nodes };
        const merged = await Q.stored.merge(args);
        const swapped = await Q.stored.merge({ ...args, ours: args.theirs, theirs: args.ours });
        const expected = Q.merge({ base: related ? base : undefined, ours, theirs });
        if (!merged.ok || !swapped.ok) throw new Error('a queue merge never conflicts');
        const value = await Q.stored.load(await write(merged.value), repo.nodes);
        expect([...value]).toEqual([...expected.value]);
        expect(Q.equals(value, expected.value)).toBe(true);
        expect(keys(merged.deliveredTwice)).toEqual(keys(expected.deliveredTwice));
        const canonical = await Q.stored.save(Q.decode(Q.encode(expected.value)), repo.nodes);
        expect(hashOf(merged.value)).toBe(hashOf(canonical));
        expect(hashOf(swapped.value)).toBe(hashOf(canonical));
      }),
      { numRuns: 300 },
    );
  });
});
