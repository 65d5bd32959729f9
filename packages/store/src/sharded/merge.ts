/**
 * Three-way merge of sharded trees. Base, ours and theirs are walked
 * together from the root, shard by shard:
 *
 *            base                 a shard equal in base and ours: theirs, unopened
 *           /    \                a shard equal in base and theirs: ours, unopened
 *        ours    theirs           equal in ours and theirs: taken when the schema
 *           \    /                  is idempotent (sets; not maps of counters)
 *           merged                otherwise: descend; at the leaves, per key
 *
 * Per key: absent on both sides: absent; on one side only: kept when the
 * base lacks it (an addition), dropped when the base has it (a removal, which
 * wins); on both: the base's value yields to a change, and two changes (or
 * two additions) go to `schema.mergeValues`. Touched shards are rebuilt in
 * canonical shape. Cost: O(differing nodes × 16 + entries of differing leaves).
 */
import type { Conflict, MergeNote, Path } from '@grove/merge';
import { compareEntries, emptySlots, originOf, same, FANOUT, type Child, type Entry, type Stub } from './node.js';
import { readStub } from './read.js';
import { strict, type Resolver } from './resolve.js';
import type { ShardSchema } from './schema.js';
import { allLeaves, fromChildren, fromSorted, shardsOf } from './shape.js';

export interface MergeContext<V> {
  readonly schema: ShardSchema<V>;
  readonly r: Resolver;
  readonly path: Path;
  readonly conflicts: Conflict[];
  /** Notes of the value merges that succeeded. */
  readonly notes: MergeNote[];
}

const OPEN = Symbol('open');

/** The side a merge takes without opening the shards, or `OPEN` when it must look inside. */
function unopened<V>(schema: ShardSchema<V>, b: Child<V> | undefined, o: Child<V> | undefined, t: Child<V> | undefined): Child<V> | undefined | typeof OPEN {
  if (same(o, b)) return t;
  if (same(t, b)) return o;
  if (schema.idempotent && same(o, t)) return o;
  return OPEN;
}

type Triple<V> = readonly [Child<V> | undefined, Child<V> | undefined, Child<V> | undefined, number];

/**
 * Reads every stored node `merge3` will open, level by level (one batch of
 * reads per level), so the merge then runs once. Each node is visited once.
 */
export async function prefetchMerge<V>(schema: ShardSchema<V>, b: Child<V> | undefined, o: Child<V> | undefined, t: Child<V> | undefined): Promise<void> {
  let frontier: Triple<V>[] = [[b, o, t, 0]];
  while (frontier.length > 0) {
    const open = frontier.filter(([x, y, z]) => unopened(schema, x, y, z) === OPEN);
    const stubs = new Set<Stub<unknown>>();
    for (const triple of open) for (const c of triple.slice(0, 3) as (Child<V> | undefined)[]) if (c?.kind === 'stub' && c.loaded === undefined) stubs.add(c as Stub<unknown>);
    await Promise.all([...stubs].map(readStub));
    frontier = [];
    for (const [x, y, z, depth] of open) {
      const [nx, ny, nz] = [x && strict.need(x), y && strict.need(y), z && strict.need(z)];
      if (allLeaves(nx, ny, nz)) continue;
      const [sx, sy, sz] = [shardsOf(nx, depth), shardsOf(ny, depth), shardsOf(nz, depth)];
      for (let d = 0; d < FANOUT; d++) frontier.push([sx[d], sy[d], sz[d], depth + 1]);
    }
  }
}

/** The merge of three shards at `depth` (undefined: empty). */
export function merge3<V>(ctx: MergeContext<V>, b: Child<V> | undefined, o: Child<V> | undefined, t: Child<V> | undefined, depth: number): Child<V> | undefined {
  const taken = unopened(ctx.schema, b, o, t);
  if (taken !== OPEN) return taken;
  const nb = b && ctx.r.need(b);
  const no = o && ctx.r.need(o);
  const nt = t && ctx.r.need(t);
  if ((b && !nb) || (o && !no) || (t && !nt)) return o;
  const capacity = ctx.schema.leafCapacity;
  if (allLeaves(nb, no, nt)) {
    return fromSorted(mergeEntries(ctx, nb?.kind === 'leaf' ? nb.entries : [], no?.kind === 'leaf' ? no.entries : [], nt?.kind === 'leaf' ? nt.entries : []), depth, capacity);
  }
  const [sb, so, st] = [shardsOf(nb, depth), shardsOf(no, depth), shardsOf(nt, depth)];
  const children: (Child<V> | undefined)[] = emptySlots();
  for (let d = 0; d < FANOUT; d++) children[d] = merge3(ctx, sb[d], so[d], st[d], depth + 1);
  return fromChildren(children, depth, capacity, ctx.r, no?.kind === 'inner' ? originOf(no) : undefined);
}

/** Merges three sorted entry lists key by key. O(total entries). */
function mergeEntries<V>(ctx: MergeContext<V>, b: readonly Entry<V>[], o: readonly Entry<V>[], t: readonly Entry<V>[]): Entry<V>[] {
  const out: Entry<V>[] = [];
  let i = 0;
  let j = 0;
  let k = 0;
  while (j < o.length || k < t.length || i < b.length) {
    let head = o[j];
    const x = t[k];
    if (x !== undefined && (head === undefined || compareEntries(x, head) < 0)) head = x;
    const y = b[i];
    if (y !== undefined && (head === undefined || compareEntries(y, head) < 0)) head = y;
    const eb = b[i] !== undefined && compareEntries(b[i]!, head!) === 0 ? b[i++] : undefined;
    const eo = o[j] !== undefined && compareEntries(o[j]!, head!) === 0 ? o[j++] : undefined;
    const et = t[k] !== undefined && compareEntries(t[k]!, head!) === 0 ? t[k++] : undefined;
    const merged = mergeKey(ctx, eb, eo, et);
    if (merged !== undefined) out.push(merged);
  }
  return out;
}

function mergeKey<V>(ctx: MergeContext<V>, b: Entry<V> | undefined, o: Entry<V> | undefined, t: Entry<V> | undefined): Entry<V> | undefined {
  if (o === undefined || t === undefined) return b === undefined ? (o ?? t) : undefined;
  const { schema } = ctx;
  if (b !== undefined && schema.equalValues(o.value, b.value)) return t;
  if (b !== undefined && schema.equalValues(t.value, b.value)) return o;
  const r = schema.mergeValues({ base: b?.value, ours: o.value, theirs: t.value, path: [...ctx.path, o.key] });
  if (!r.ok) {
    ctx.conflicts.push(...r.conflicts);
    return o;
  }
  if (r.notes !== undefined) ctx.notes.push(...r.notes);
  return r.value === o.value ? o : { ...o, value: r.value };
}
