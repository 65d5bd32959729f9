/**
 * The differences between two sharded trees, walking both from the root
 * and skipping shards with equal ids (or that are the same node in memory).
 * Cost: O(differing nodes × 16 + entries of differing leaves).
 */
import { compareEntries, FANOUT, same, type Child, type Entry } from './node.js';
import type { Resolver } from './resolve.js';
import type { ShardSchema } from './schema.js';
import { allLeaves, shardsOf } from './shape.js';

/** One key that differs: absent `old` means added, absent `new` means removed, both means updated. */
export interface ShardChange<V> {
  readonly key: string;
  readonly old?: V;
  readonly new?: V;
}

/** Appends the changes from `a` to `b` at `depth` to `out`, in hash order. */
export function diff2<V>(schema: ShardSchema<V>, r: Resolver, a: Child<V> | undefined, b: Child<V> | undefined, depth: number, out: ShardChange<V>[]): void {
  if (same(a, b)) return;
  const na = a && r.need(a);
  const nb = b && r.need(b);
  if ((a && !na) || (b && !nb)) return;
  if (allLeaves(na, nb)) {
    diffEntries(schema, na?.kind === 'leaf' ? na.entries : [], nb?.kind === 'leaf' ? nb.entries : [], out);
    return;
  }
  const [sa, sb] = [shardsOf(na, depth), shardsOf(nb, depth)];
  for (let d = 0; d < FANOUT; d++) diff2(schema, r, sa[d], sb[d], depth + 1, out);
}

function diffEntries<V>(schema: ShardSchema<V>, a: readonly Entry<V>[], b: readonly Entry<V>[], out: ShardChange<V>[]): void {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const c = i === a.length ? 1 : j === b.length ? -1 : compareEntries(a[i]!, b[j]!);
    if (c < 0) {
      const x = a[i++]!;
      out.push({ key: x.key, old: x.value });
    } else if (c > 0) {
      const y = b[j++]!;
      out.push({ key: y.key, new: y.value });
    } else {
      const [x, y] = [a[i++]!, b[j++]!];
      if (!schema.equalValues(x.value, y.value)) out.push({ key: x.key, old: x.value, new: y.value });
    }
  }
}
