/**
 * Jepsen-style checks: replicas are branches of one store that push, pop
 * and merge each other in random orders (criss-cross merges included),
 * with skewed clocks. In the end every replica merges into one, which
 * merges back into all: they must hold the same tree, whose elements are
 * exactly those pushed and never popped, each producer's in push order.
 */
import { codecs } from '@grove/merge';
import { Repo, type Branch } from '@grove/store';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queue, type Queue, type QueueType } from './index.js';

const REPLICAS = 4;
const replica = fc.nat(REPLICAS - 1);
type Step =
  | { readonly kind: 'push' | 'pop'; readonly replica: number; readonly count: number; readonly tick: number }
  | { readonly kind: 'merge'; readonly into: number; readonly from: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('push' as const), replica, count: fc.integer({ min: 1, max: 4 }), tick: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('pop' as const), replica, count: fc.integer({ min: 1, max: 3 }), tick: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('merge' as const), into: replica, from: replica }) },
);

/** Increasing in push order: `p<producer>-<n>`. */
const order = (value: string) => Number(value.slice(value.indexOf('-') + 1));
const producer = (value: string) => value.slice(0, value.indexOf('-'));

function inPushOrder(values: readonly string[]): boolean {
  const last = new Map<string, number>();
  for (const v of values) {
    if ((last.get(producer(v)) ?? -1) >= order(v)) return false;
    last.set(producer(v), order(v));
  }
  return true;
}

class Replica {
  readonly popped: string[] = [];
  readonly type: QueueType<string>;
  readonly branch: Branch;
  clock: number;
  #pushed = 0;

  constructor(branch: Branch, index: number, skew: number) {
    this.branch = branch;
    this.clock = skew;
    this.type = queue(codecs.string, { replica: `r${index}`, fanout: 4, clock: () => this.clock });
  }

  /** One commit: load the queue, change it, save it. */
  async edit(f: (q: Queue<string>) => Queue<string>): Promise<void> {
    await this.branch.update(async (tx) => tx.set(['jobs'], f((await tx.get(['jobs'], this.type.stored))!), this.type.stored));
  }

  async push(count: number): Promise<string[]> {
    const values = Array.from({ length: count }, () => `${this.branch.name}-${this.#pushed++}`);
    await this.edit((q) => values.reduce((acc, v) => this.type.push(acc, v), q));
    return values;
  }

  async pop(count: number): Promise<void> {
    let popped: string[] = [];
    await this.edit((q) => {
      popped = [];
      for (let r = this.type.pop(q); r.ok && popped.length < count; r = this.type.pop(q)) {
        popped.push(r.value);
        q = r.queue;
      }
      return q;
    });
    this.popped.push(...popped);
  }
}

describe('replicas on random DAGs', () => {
  it('converge; nothing pushed is lost or duplicated; producers keep their order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 60, size: 'max' }), fc.array(fc.integer({ min: 0, max: 20 }), { minLength: REPLICAS, maxLength: REPLICAS }), async (steps, skews) => {
        let now = 0;
        const repo = Repo.memory({ clock: () => (now += 1000) });
        const root = repo.branch('r0');
        const replicas = [new Replica(root, 0, skews[0]!)];
        await root.set(['jobs'], replicas[0]!.type.empty(), { type: replicas[0]!.type.stored });
        for (let i = 1; i < REPLICAS; i++) replicas.push(new Replica(await root.fork(`r${i}`), i, skews[i]!));
        const pushed: string[] = [];
        for (const s of steps) {
          if (s.kind === 'merge') {
            if (s.into !== s.from) expect((await replicas[s.into]!.branch.merge(replicas[s.from]!.branch)).kind).not.toBe('conflict');
            continue;
          }
          const r = replicas[s.replica]!;
          r.clock += s.tick;
          if (s.kind === 'push') pushed.push(...(await r.push(s.count)));
          else await r.pop(s.count);
        }
        for (const r of replicas) expect((await root.merge(r.branch)).kind).not.toBe('conflict');
        for (const r of replicas) await r.branch.merge(root);
        const trees = await Promise.all(replicas.map(async (r) => (await r.branch.tree()).hash));
        expect(new Set(trees).size).toBe(1);
        const final = [...(await root.get(['jobs'], replicas[0]!.type.stored))!];
        const popped = new Set(replicas.flatMap((r) => r.popped));
        expect(new Set(final).size).toBe(final.length);
        expect([...final].sort()).toEqual(pushed.filter((v) => !popped.has(v)).sort());
        expect(inPushOrder(final)).toBe(true);
        for (const r of replicas) {
          expect(new Set(r.popped).size).toBe(r.popped.length);
          expect(inPushOrder(r.popped)).toBe(true);
        }
      }),
      { numRuns: 80 },
    );
  });
});
