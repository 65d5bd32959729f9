/** Schemas for the sharded tree's own tests: a set of strings and a map of counters. */
import { codecs, counter, mapOf, setOf } from '@grove/merge';
import { LEAF_CAPACITY, type ShardSchema } from '../sharded/schema.js';

export function stringSet(leafCapacity = LEAF_CAPACITY): ShardSchema<string> {
  const codec = setOf(codecs.string);
  return {
    keys: 'utf8',
    leafCapacity,
    idempotent: true,
    encodeLeaf: (entries) => codec.encode(new Set(entries.map((e) => e.key))),
    decodeLeaf: (bytes) => [...codec.decode(bytes)].map((k) => [k, k] as const),
    equalValues: () => true,
    mergeValues: ({ ours }) => ({ ok: true, value: ours }),
  };
}

export function counterMap(leafCapacity = LEAF_CAPACITY): ShardSchema<bigint> {
  const codec = mapOf(counter);
  return {
    keys: 'utf8',
    leafCapacity,
    idempotent: false,
    encodeLeaf: (entries) => codec.encode(new Map(entries.map((e) => [e.key, e.value]))),
    decodeLeaf: (bytes) => codec.decode(bytes),
    equalValues: (a, b) => a === b,
    mergeValues: (args) => counter.merge(args),
  };
}
