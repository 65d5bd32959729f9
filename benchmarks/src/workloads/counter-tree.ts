/**
 * The big-tree workload: n counters keyed by number, laid out in 32-way
 * directories four levels deep (`k/<d0>/<d1>/<d2>/<d3>`, base-32 digits of
 * the index), the shape Grove's sharded maps give a big key space. Git
 * trees are flat lists, so a directory of d entries costs O(d) to rewrite
 * whatever the store; bounded directories let the suites measure how cost
 * follows the change rather than how big one directory is. Built in one
 * pass, one `patch` per directory (`set` per entry would copy a directory
 * once per entry).
 */
import { counter } from '@grove/merge';
import { Transaction, type Branch, type Path, type Repo, type Tree, type TreeChild } from '@grove/store';

const DIGITS = 4;
const FAN_OUT = 32;

/** Where counter `i` lives (i < 32^4). */
export function entryPath(i: number): Path {
  return ['k', ...i.toString(FAN_OUT).padStart(DIGITS, '0')];
}

/** The blob entry that stores `value` as a counter (through a one-entry transaction: the public way to encode). */
async function counterChild(repo: Repo, empty: Tree, value: bigint): Promise<TreeChild> {
  const tx = new Transaction(empty, repo);
  await tx.set(['v'], value, counter);
  return (await tx.tree.get(['v']))!;
}

/** A tree of `n` counters, counter `i` holding `value(i)` (default `i`). Nothing is written. */
export async function counterTree(repo: Repo, n: number, value: (i: number) => bigint = BigInt): Promise<Tree> {
  const empty = await repo.commitTree(undefined);
  const build = async (first: number, depth: number): Promise<Tree> => {
    const span = FAN_OUT ** (DIGITS - depth - 1);
    const children = new Map<string, TreeChild>();
    for (let d = 0; d < FAN_OUT && first + d * span < n; d++) {
      const name = d.toString(FAN_OUT);
      const child = depth === DIGITS - 1 ? await counterChild(repo, empty, value(first + d)) : { kind: 'tree' as const, tree: await build(first + d * span, depth + 1) };
      children.set(name, child);
    }
    return empty.patch(children);
  };
  return empty.patch(new Map([['k', { kind: 'tree', tree: await build(0, 0) }]]));
}

/** Branch `name` created at a root commit holding `counterTree(repo, n)`. */
export async function counterBranch(repo: Repo, name: string, n: number): Promise<Branch> {
  const commit = await repo.writeCommit(await counterTree(repo, n), [], { message: `${n} counters` });
  const branch = repo.branch(name);
  if (!(await repo.moveRef(branch.ref, undefined, commit.hash))) throw new Error(`branch ${name} already exists`);
  return branch;
}

/** The counter at entry `i` of `tree`; undefined when absent. */
export async function readCounter(repo: Repo, tree: Tree, i: number): Promise<bigint | undefined> {
  const child = await tree.get(entryPath(i));
  return child === undefined ? undefined : ((await repo.value(child))?.value as bigint | undefined);
}
