/** The store side of sharded sets and maps: one `Structure` over `ShardedTree`, for any wrapper type. */
import { isGroveError, type MergeResult } from '@grove/merge';
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
