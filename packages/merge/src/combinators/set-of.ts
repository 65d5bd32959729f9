/** `setOf`: sets of any encodable element. */
import { EncodeError } from '../errors.js';
import { describeValue } from '../internal/describe.js';
import { frame, unframe } from '../internal/frame.js';
import { checkIncreasing, keyBy, sortedEntries } from '../internal/keyed.js';
import type { Codec, Mergeable } from '../mergeable.js';
import { composeTag } from '../tags.js';

/**
 * A set; elements are equal when their encodings are. Merge: base minus
 * what either side removed, plus what either side added (no common
 * ancestor: the union). An element removed on one side and kept on the
 * other is removed. Never conflicts. Merged sets iterate in the byte order
 * of their elements' encodings. Cost: O(n log n) for n elements.
 * @example
 * setOf(codecs.string).merge({ base: new Set(['a', 'b']), ours: new Set(['a']), theirs: new Set(['a', 'b', 'c']) });
 * // Set { 'a', 'c' }
 */
export function setOf<T>(element: Codec<T>): Mergeable<ReadonlySet<T>> {
  const tag = composeTag('grove/set@1', [element.tag]);
  const index = (set: ReadonlySet<T>) => keyBy(element, [...set].map((v) => [v, undefined] as const));
  const toSet = (entries: { value: T }[]) => new Set(entries.map((e) => e.value));
  return {
    tag,
    equals(a, b) {
      if (a.size !== b.size) return false;
      const ib = index(b);
      for (const k of index(a).keys()) if (!ib.has(k)) return false;
      return true;
    },
    encode(set) {
      if (!(set instanceof Set)) throw new EncodeError({ tag, reason: `expected a Set, not ${describeValue(set)}` });
      return frame(sortedEntries(index(set)).map((e) => e.bytes));
    },
    decode(bytes) {
      const parts = unframe(bytes, tag);
      parts.forEach((p, i) => checkIncreasing(tag, parts[i - 1], p));
      return new Set(parts.map((p) => element.decode(p)));
    },
    merge({ base, ours, theirs }) {
      const b = base === undefined ? new Map() : index(base);
      const o = index(ours);
      const t = index(theirs);
      const union = new Map([...o, ...t]);
      for (const k of union.keys()) {
        if (b.has(k) && !(o.has(k) && t.has(k))) union.delete(k);
      }
      return { ok: true, value: toSet(sortedEntries(union)) };
    },
  };
}
