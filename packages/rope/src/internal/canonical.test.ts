/**
 * Saving trees no public edit builds: two saved texts joined end to end.
 * The first text's right edge ends with tail chunks (cut by the end of the
 * text, not by the rule), which must be opened and chunked again; the
 * result must still be the canonical tree of the joined text.
 */
import * as fc from 'fast-check';
import { Repo } from '@grove/store';
import { describe, expect, it } from 'vitest';
import { Rope, structure } from '../index.js';
import { rootOf } from '../rope.js';
import { canonicalize } from './canonical.js';
import { innerOf, type Inner } from './node.js';

const word = fc.array(fc.constantFrom('a', 'b', ' ', '\n', 'é', '😀'), { minLength: 1, maxLength: 9 }).map((u) => u.join(''));
const text = fc.oneof(fc.array(word, { minLength: 1, maxLength: 300 }), fc.array(word, { minLength: 3000, maxLength: 12_000 })).map((w) => w.join(''));

/** The tree of `a` saved, joined with the tree of `b` saved, made canonical: its root id. */
async function joinedId(a: string, b: string): Promise<string> {
  const repo = Repo.memory();
  const [x, y] = [Rope.from(a), Rope.from(b)];
  await Promise.all([structure.save(x, repo.nodes), structure.save(y, repo.nodes)]);
  const [rx, ry] = [rootOf(x), rootOf(y)];
  const height = Math.max(rx.height, ry.height);
  const lift = (r: Inner) => {
    let node = r;
    while (node.height < height) node = innerOf(node.height + 1, [node]);
    return node;
  };
  return (await canonicalize(innerOf(height + 1, [lift(rx), lift(ry)]), repo.nodes, 'grove/rope@1')).tree.hash;
}

async function freshId(text: string): Promise<string> {
  const child = await structure.save(Rope.from(text), Repo.memory().nodes);
  return child.kind === 'tree' ? child.tree.hash : '';
}

describe('canonicalize', () => {
  it('opens a node that ended with the text, though its last chunk ended by the rule', async () => {
    // a text whose last leaf ends where the rule cuts, inside a group the rule has not ended
    const all = Array.from({ length: 3000 }, (_, i) => `${i} bottles of beer on the wall\n`).join('');
    const saved = Rope.from(all);
    await structure.save(saved, Repo.memory().nodes);
    const [first, second] = rootOf(saved).children as Inner[];
    expect(first!.height).toBe(1);
    expect(second!.children.length).toBeGreaterThan(1);
    const cut = first!.cp + second!.children[0]!.cp;
    const [a, b] = [[...all].slice(0, cut).join(''), [...all].slice(cut).join('')];
    expect(await joinedId(a, b)).toBe(await freshId(all));
  });

  it('rechunks a saved right edge followed by more text', async () => {
    await fc.assert(
      fc.asyncProperty(text, text, async (a, b) => {
        expect(await joinedId(a, b)).toBe(await freshId(a + b));
      }),
      { numRuns: 40 },
    );
  });
});
