/** Model-based test of a branch against a plain Map of path to value. */
import * as fc from 'fast-check';
import { describe, it } from 'vitest';
import { Repo, type Branch } from './index.js';

type Model = Map<string, string>;
interface Real {
  branch: Branch;
}

const segment = fc.constantFrom('a', 'b', 'c');
const path = fc.array(segment, { minLength: 1, maxLength: 3 });
const key = (p: readonly string[]) => p.join('/');
const under = (k: string, p: string) => k === p || k.startsWith(`${p}/`);

class SetCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly path: string[], readonly value: string) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const p = key(this.path);
    for (const k of [...model.keys()]) if (under(k, p) || under(p, k)) model.delete(k);
    model.set(p, this.value);
    await real.branch.set(this.path, this.value);
    await expectSame(model, real);
  }
  toString = () => `set ${key(this.path)}=${JSON.stringify(this.value)}`;
}

class RemoveCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly path: string[]) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const p = key(this.path);
    for (const k of [...model.keys()]) if (under(k, p)) model.delete(k);
    await real.branch.remove(this.path);
    await expectSame(model, real);
  }
  toString = () => `remove ${key(this.path)}`;
}

class GetCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly path: string[]) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const got = await real.branch.get(this.path);
    const want = model.get(key(this.path));
    if (got !== want) throw new Error(`get ${key(this.path)}: ${String(got)} != ${String(want)}`);
  }
  toString = () => `get ${key(this.path)}`;
}

async function expectSame(model: Model, real: Real) {
  const actual = new Map<string, string>();
  for await (const [p, child] of (await real.branch.tree()).walk()) actual.set(key(p), (await real.branch.repo.value(child))!.value as string);
  const a = JSON.stringify([...actual].sort());
  const m = JSON.stringify([...model].sort());
  if (a !== m) throw new Error(`store ${a} != model ${m}`);
}

describe('Branch against a Map model', () => {
  it('agrees after every command', async () => {
    const commands = [
      fc.tuple(path, fc.string({ maxLength: 3 })).map(([p, v]) => new SetCommand(p, v)),
      path.map((p) => new RemoveCommand(p)),
      path.map((p) => new GetCommand(p)),
    ];
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 30 }), async (cmds) => {
        await fc.asyncModelRun(() => ({ model: new Map(), real: { branch: Repo.memory().branch('main') } }), cmds);
      }),
      { numRuns: 150 },
    );
  });
});
