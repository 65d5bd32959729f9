/** The store side of sharded sets and maps: one `Structure` over `ShardedTree`, for any wrapper type. */
import { composeTag, integerOption, isGroveError, paramsOf, registerFamily, type Mergeable, type MergeResult } from '@grove/merge';
import type { TreeChild } from '../tree/tree.js';
import type { Structure } from '../values/structure.js';
import type { ShardSchema } from './schema.js';
import { ShardedTree } from './sharded-tree.js';

/** How a package's value type wraps a sharded tree. */
export interface ShardedStructureOptions<T, V> {
  readonly tag: string;
  readonly schema: ShardSchema<V>;
  wrap(tree: ShardedTree<V>): T;
  unwrap(value: T): ShardedTree<V>;
}

/**
 * A `Structure` storing values as sharded trees: a typed blob while the
 * value fits one leaf, else a marked tree. `load` is lazy; `merge` walks the
 * three stored versions and opens only shards that differ. Bytes that do not
 * decode are an `invalid-value` conflict.
 * @example
 * const type = shardedStructure({ tag: 'app/tags@1', schema, wrap: (t) => t, unwrap: (t) => t });
 */
export function shardedStructure<T, V>(options: ShardedStructureOptions<T, V>): Structure<T> {
  const { tag, schema, wrap, unwrap } = options;
  return {
    kind: 'structure',
    tag,
    save: (value, nodes) => unwrap(value).save(nodes, tag),
    load: async (child, nodes) => wrap(await ShardedTree.load(schema, child, nodes)),
    async merge({ base, ours, theirs, path, nodes }): Promise<MergeResult<TreeChild>> {
      try {
        const read = (c: TreeChild) => ShardedTree.load(schema, c, nodes);
        const [b, o, t] = await Promise.all([base === undefined ? undefined : read(base), read(ours), read(theirs)]);
        const merged = await ShardedTree.mergeAsync({ base: b, ours: o, theirs: t, path });
        if (!merged.ok) return merged;
        const value = await merged.value.save(nodes, tag);
        return { ...merged, value };
      } catch (e) {
        if (!isGroveError(e)) throw e;
        return { ok: false, conflicts: [{ kind: 'invalid-value', path, message: `${path.join('/')}: a side holds a ${tag} that cannot be read (${e.message})` }] };
      }
    },
  };
}

/** The options every sharded structure takes. */
export interface ShardedOptions {
  /** Entries a leaf holds before it shards; part of the stored layout (tag option `leaf`). */
  readonly leafCapacity?: number;
}

/**
 * The tag of the sharded structure `name` over values of `param`:
 * `name(<param tag>)`, with `leaf=<n>` when the leaf capacity is set.
 * @example
 * shardedTag('grove/sharded-set@1', 'string', { leafCapacity: 16 }); // 'grove/sharded-set@1(string,leaf=16)'
 */
export function shardedTag(name: string, param: string, options: ShardedOptions): string {
  return composeTag(name, [param], options.leafCapacity === undefined ? {} : { leaf: String(options.leafCapacity) });
}

/**
 * Registers the family `name` of sharded structures: one type parameter and
 * an optional `leaf=<n>`, built by `make` (as `structure(type, options)` of
 * `@grove/set` and `@grove/map`).
 * @example
 * registerShardedFamily('grove/sharded-map@1', structure);
 */
export function registerShardedFamily(name: string, make: (param: Mergeable<any>, options: ShardedOptions) => Structure<any>): void {
  registerFamily({
    name,
    build(term, resolve) {
      const [param] = paramsOf(term, { args: 1, options: ['leaf'] });
      const leafCapacity = integerOption(term, 'leaf');
      return make(resolve(param!), leafCapacity === undefined ? {} : { leafCapacity });
    },
  });
}
