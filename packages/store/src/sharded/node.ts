/**
 * The nodes of a sharded tree: leaves (entries sorted by hash), inner nodes
 * (16 children, one per hex digit of the hash at their depth) and stubs
 * (a stored node not read yet). Nodes are immutable; the fields marked as
 * caches are filled at most once and never change the node's contents.
 */
import type { Hash } from '../objects/hash.js';
import type { Tree, BlobChild } from '../tree/tree.js';
import type { Nodes } from '../values/structure.js';
import { digitAt, hashKey, type KeyHash } from './hash.js';
import type { ShardSchema } from './schema.js';

export interface Entry<V> {
  readonly key: string;
  readonly hi: number;
  readonly lo: number;
  readonly value: V;
}

/** A node as stored in one repository's nodes. */
export interface Saved<C> {
  readonly nodes: Nodes;
  readonly child: C;
}

export interface Leaf<V> {
  readonly kind: 'leaf';
  /** Sorted by `compareEntries`; never empty except for the root of an empty tree. */
  readonly entries: readonly Entry<V>[];
  /** Cache: the blob id of the encoded entries. */
  hash: Hash | undefined;
  /** Cache: where this leaf is stored. */
  saved: Saved<BlobChild> | undefined;
}

export interface Inner<V> {
  readonly kind: 'inner';
  /** 16 slots, by hex digit; undefined for an empty shard. */
  readonly children: readonly (Child<V> | undefined)[];
  readonly count: number;
  /** Cache: the tree id. */
  hash: Hash | undefined;
  /** Cache: where this node is stored. */
  saved: Saved<Tree> | undefined;
  /** A stored earlier version of this position: saving patches it instead of rebuilding every entry. */
  readonly origin: Saved<Tree> | undefined;
}

/** Where a stub is read from. */
export interface Source<V> {
  readonly nodes: Nodes;
  readonly schema: ShardSchema<V>;
}

export interface Stub<V> {
  readonly kind: 'stub';
  readonly hash: Hash;
  /** The entry it was listed as: a tree or blob possibly not written yet (a merge's virtual ancestor). */
  readonly entry: Tree | BlobChild;
  readonly leaf: boolean;
  readonly count: number;
  /** Hex digits of the shard, one per level above it. */
  readonly prefix: string;
  readonly source: Source<V>;
  /** Cache: the node once read. */
  loaded: Node<V> | undefined;
}

export type Node<V> = Leaf<V> | Inner<V>;
export type Child<V> = Node<V> | Stub<V>;

export const FANOUT = 16;

/** 16 empty child slots, as a packed array (faster to copy and read than a holey one). */
export function emptySlots<T>(): (T | undefined)[] {
  return [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined];
}
const SIGN = -0x80000000;

/** Hash order, then key order for the (rare) keys that share all 64 bits. */
export function compareEntries(a: Entry<unknown>, b: Entry<unknown>): number {
  if (a.hi !== b.hi) return (a.hi ^ SIGN) < (b.hi ^ SIGN) ? -1 : 1;
  if (a.lo !== b.lo) return (a.lo ^ SIGN) < (b.lo ^ SIGN) ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

const scratch: KeyHash = { hi: 0, lo: 0 };

/** The entry for `key`, hashed as `schema` says. */
export function entryOf<V>(schema: ShardSchema<V>, key: string, value: V): Entry<V> {
  hashKey(key, schema.keys === 'binary', scratch);
  return { key, hi: scratch.hi, lo: scratch.lo, value };
}

export function digitOf(e: Entry<unknown>, depth: number): number {
  return digitAt(e.hi, e.lo, depth);
}

export function leaf<V>(entries: readonly Entry<V>[]): Leaf<V> {
  return { kind: 'leaf', entries, hash: undefined, saved: undefined };
}

export function inner<V>(children: readonly (Child<V> | undefined)[], count: number, origin?: Saved<Tree>): Inner<V> {
  return { kind: 'inner', children, count, hash: undefined, saved: undefined, origin };
}

export function countOf(child: Child<unknown> | undefined): number {
  return child === undefined ? 0 : child.kind === 'leaf' ? child.entries.length : child.count;
}

/** True when `a` and `b` are the same subtree, judged without reading or hashing (by a stub's or a cached id). */
export function same(a: Child<unknown> | undefined, b: Child<unknown> | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return a.hash !== undefined && a.hash === b.hash;
}

/** The origin a changed copy of `node` patches when saved. */
export function originOf(node: Inner<unknown>): Saved<Tree> | undefined {
  return node.saved ?? node.origin;
}
