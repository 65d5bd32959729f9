/**
 * The queue as a value: the merge law kit with the semantics as the
 * oracle (1,000 runs per law), the double-delivery report, and a
 * model-based test against a plain array, with commits to a store on the
 * way (each save must give the same tree as writing the queue from scratch).
 */
import { codecs } from '@grove/merge';
import { mergeLaws, type Expected, type Versions } from '@grove/merge/laws';
import { Repo, type Tree } from '@grove/store';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareStamps, formatStamp, queue, type Element, type Queue, type Stamp } from './index.js';
import { edit, Histories } from './testing/histories.js';

const H = new Histories();
const Q = H.type();
const key = (e: Element<string>) => formatStamp(e.stamp);
const max = (a?: Stamp, b?: Stamp) => (a === undefined || (b !== undefined && compareStamps(b, a) > 0) ? b : a);

/** A queue written out by hand in the one-blob format: the oracle builds its answers without the merge. */
function queueOf(elements: readonly Element<string>[], clock: Stamp | undefined): Queue<string> {
  const lines = elements.map((e) => `${key(e)} ${Buffer.byteLength(e.value)}\n${e.value}\n`).join('');
  return Q.decode(Buffer.from(`${clock === undefined ? '-' : formatStamp(clock)}\n${lines}`));
}

/** The statement: the base minus what either side popped, then what either side pushed, in stamp order. */
function spec({ base, ours, theirs }: Versions<Queue<string>>): Expected<Queue<string>> {
  const [b, o, t] = [[...(base?.elements() ?? [])], [...ours.elements()], [...theirs.elements()]];
  const [inBase, inOurs, inTheirs] = [b, o, t].map((side) => new Set(side.map(key)));
  const kept = b.filter((e) => inOurs!.has(key(e)) && inTheirs!.has(key(e)));
  const pushed = new Map([...o, ...t].filter((e) => !inBase!.has(key(e))).map((e) => [key(e), e]));
  const fresh = [...pushed.values()].sort((x, y) => compareStamps(x.stamp, y.stamp));
  return { ok: true, value: queueOf([...kept, ...fresh], max(ours.clock, theirs.clock)) };
}

const queues = H.queues();
const edits = (b: Queue<string>) => fc.array(edit(), { maxLength: 8 }).map((es) => H.apply(b, es));

describe(`${Q.tag} merge laws`, () => {
  for (const law of mergeLaws(Q, queues, { spec, edit: edits })) it(`${law.name}: ${law.description}`, () => law.check());

  it('reports exactly the base elements both sides popped, once each', () => {
    fc.assert(
      fc.property(queues.chain((b) => fc.tuple(fc.constant(b), edits(b), edits(b))), ([base, ours, theirs]) => {
        const still = new Set([...ours.elements(), ...theirs.elements()].map(key));
        const expected = [...base.elements()].filter((e) => !still.has(key(e))).map(key);
        expect(Q.merge({ base, ours, theirs }).deliveredTwice.map(key)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

/** The model: a plain array of the values, head first. */
interface ArrayModel {
  readonly values: string[];
}

interface Real {
  q: Queue<string>;
  now: number;
  readonly repo: Repo;
}

const Tested = queue(codecs.string, { replica: 'model', fanout: 4, clock: () => real.now });
let real: Real;

/** The tree of `q` written from scratch, with nothing remembered from earlier saves. */
async function fresh(repo: Repo, q: Queue<string>): Promise<Tree> {
  const child = await Tested.stored.save(Tested.decode(Tested.encode(q)), repo.nodes);
  return (child as { tree: Tree }).tree;
}

const push = fc.tuple(fc.string({ maxLength: 6 }), fc.nat(20)).map(([value, time]) => ({
    check: () => true,
    async run(m: ArrayModel, r: Real) {
      r.now = time;
      const before = r.q.clock;
      r.q = Tested.push(r.q, value);
      m.values.push(value);
      expect(before === undefined || compareStamps(r.q.clock!, before) > 0).toBe(true);
    },
    toString: () => `push ${JSON.stringify(value)} at ${time}`,
  }));

/** Pushes twice as likely as pops, so queues grow to trees a few levels deep. */
const commands = [
  push,
  push,
  fc.constant({
    check: () => true,
    async run(m: ArrayModel, r: Real) {
      const popped = Tested.pop(r.q);
      if (m.values.length === 0) {
        expect(popped.ok ? 'popped' : popped.error.code).toBe('empty-queue');
        return;
      }
      expect(popped.ok && popped.value).toBe(m.values.shift());
      if (popped.ok) r.q = popped.queue;
    },
    toString: () => 'pop',
  }),
  fc.boolean().map((reload) => ({
    check: () => true,
    async run(m: ArrayModel, r: Real) {
      const main = r.repo.branch('main');
      await main.set(['q'], r.q, { type: Tested.stored });
      const stored = (await main.get(['q'], Tested.stored))!;
      expect(Tested.equals(stored, r.q)).toBe(true);
      const child = await (await main.tree()).get(['q']);
      expect(child?.kind === 'tree' && child.tree.hash).toBe((await fresh(r.repo, r.q)).hash);
      if (reload) r.q = stored;
      expect([...r.q]).toEqual(m.values);
    },
    toString: () => `commit${reload ? ' and reload' : ''}`,
  })),
];

describe('a queue against a plain array', () => {
  it('push, pop, peek, size, iterate and commits agree with the model; saves are history independent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 150, size: 'max' }), async (cmds) => {
        real = { q: Tested.empty(), now: 0, repo: Repo.memory({ types: [Tested.stored] }) };
        const model: ArrayModel = { values: [] };
        await fc.asyncModelRun(() => ({ model, real }), cmds);
        expect([...real.q]).toEqual(model.values);
        expect(real.q.size).toBe(model.values.length);
        expect(real.q.peek()?.value).toBe(model.values[0]);
      }),
      { numRuns: 150 },
    );
  });
});
