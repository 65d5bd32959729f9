/** LCAs against a brute-force oracle on random commit DAGs, with and without clock skew. */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Commit } from '../objects/objects.js';
import { lowestCommonAncestors } from './lca.js';

interface Dag {
  readonly commits: Map<string, Commit>;
  readonly ids: string[];
}

/** Commit i has parents among commits < i; timestamps rise with i, or are random when `skew`. */
const dag = (skew: boolean) =>
  fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean(), fc.integer({ min: 0, max: 50 })), { minLength: 2, maxLength: 40 }).map((spec): Dag => {
    const commits = new Map<string, Commit>();
    const ids: string[] = [];
    spec.forEach(([p1, p2, two, time], i) => {
      const id = String(i).padStart(40, '0');
      const parents = i === 0 ? [] : [...new Set([ids[p1 % i]!, ...(two ? [ids[p2 % i]!] : [])])];
      const who = { name: 'x', email: 'x', timestamp: skew ? time : i, timezoneOffset: 0 };
      commits.set(id, { hash: id, tree: id, parents, author: who, committer: who, message: '' });
      ids.push(id);
    });
    return { commits, ids };
  });

function ancestors(d: Dag, h: string): Set<string> {
  const out = new Set<string>();
  const stack = [h];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (out.has(x)) continue;
    out.add(x);
    stack.push(...d.commits.get(x)!.parents);
  }
  return out;
}

function bruteLcas(d: Dag, a: string, b: string): string[] {
  const common = [...ancestors(d, a)].filter((x) => ancestors(d, b).has(x));
  return common.filter((c) => !common.some((o) => o !== c && ancestors(d, o).has(c))).sort();
}

const pick = (d: Dag, i: number) => d.ids[i % d.ids.length]!;

describe('lowestCommonAncestors', () => {
  it('equals the brute-force LCAs when clocks rise along history', async () => {
    await fc.assert(
      fc.asyncProperty(dag(false), fc.nat(), fc.nat(), async (d, i, j) => {
        const [a, b] = [pick(d, i), pick(d, j)];
        const got = await lowestCommonAncestors(async (h) => d.commits.get(h)!, a, b);
        expect(got.sort()).toEqual(bruteLcas(d, a, b));
      }),
      { numRuns: 500 },
    );
  });

  it('under clock skew finds every LCA and nothing that is not a common ancestor', async () => {
    await fc.assert(
      fc.asyncProperty(dag(true), fc.nat(), fc.nat(), async (d, i, j) => {
        const [a, b] = [pick(d, i), pick(d, j)];
        const got = await lowestCommonAncestors(async (h) => d.commits.get(h)!, a, b);
        const common = new Set([...ancestors(d, a)].filter((x) => ancestors(d, b).has(x)));
        for (const g of got) expect(common.has(g)).toBe(true);
        for (const l of bruteLcas(d, a, b)) expect(got).toContain(l);
      }),
      { numRuns: 500 },
    );
  });

  it('drops a candidate that a skewed clock made look like a second LCA', async () => {
    // D is C's child but older by its clock; A and B both have D and C as parents.
    // Painting newest first meets C (t=10) before D (t=5) and takes both.
    const at = (hash: string, timestamp: number, parents: string[]): Commit => {
      const who = { name: 'x', email: 'x', timestamp, timezoneOffset: 0 };
      return { hash, tree: hash, parents, author: who, committer: who, message: '' };
    };
    const commits = new Map([at('c', 10, []), at('d', 5, ['c']), at('a', 20, ['d', 'c']), at('b', 20, ['d', 'c'])].map((c) => [c.hash, c]));
    expect(await lowestCommonAncestors(async (h) => commits.get(h)!, 'a', 'b')).toEqual(['d']);
  });
});
