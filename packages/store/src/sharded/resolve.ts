/**
 * Reaching the nodes an operation needs. In memory every node is there. A
 * tree read lazily from the store has stubs: synchronous operations throw
 * `NotLoadedError` on one; `settle` instead runs an operation in collecting
 * mode (stubs it meets are noted and the partial result dropped), reads the
 * noted stubs in one batch, and runs it again, once per level at most.
 */
import { GroveError } from '@grove/merge';
import type { Hash } from '../objects/hash.js';
import type { Child, Node, Stub } from './node.js';

/** What an operation calls to step into a child. */
export interface Resolver {
  /** The node, or undefined (noted as missing) when it has not been read yet. */
  need<V>(child: Child<V>): Node<V> | undefined;
}

/** Details of a `NotLoadedError`. */
export interface NotLoadedData {
  /** The id of the node that has not been read. */
  readonly hash: Hash;
}

/**
 * A synchronous operation reached a part of a lazily read tree that is not
 * in memory yet. Load the value first (`load` of the structure's package).
 */
export class NotLoadedError extends GroveError<'not-loaded', NotLoadedData> {
  readonly code = 'not-loaded' as const;

  constructor(data: NotLoadedData) {
    super(`node ${data.hash} of a value read lazily from the store is not in memory; await load(value) (or load(value, keys)) before synchronous access`, data);
  }
}

/** Throws on a stub not read yet: for synchronous operations. */
export const strict: Resolver = {
  need<V>(child: Child<V>): Node<V> {
    if (child.kind !== 'stub') return child;
    if (child.loaded === undefined) throw new NotLoadedError({ hash: child.hash });
    return child.loaded;
  },
};

/** Notes the stubs not read yet. */
class Collector implements Resolver {
  readonly missing = new Set<Stub<unknown>>();

  need<V>(child: Child<V>): Node<V> | undefined {
    if (child.kind !== 'stub') return child;
    if (child.loaded === undefined) this.missing.add(child as Stub<unknown>);
    return child.loaded;
  }
}

/**
 * Runs `op` until it meets no unread node, reading the ones it met between
 * runs (in parallel). `op` must be free of side effects. Costs the
 * operation's own work plus one run per level of unread nodes reached.
 */
export async function settle<R>(op: (r: Resolver) => R, read: (stub: Stub<unknown>) => Promise<void>): Promise<R> {
  for (;;) {
    const collector = new Collector();
    const result = op(collector);
    if (collector.missing.size === 0) return result;
    await Promise.all([...collector.missing].map(read));
  }
}
