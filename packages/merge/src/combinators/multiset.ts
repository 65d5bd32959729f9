/** `multiset`: bags of elements with counts. */
import { DecodeError, EncodeError } from '../errors.js';
import { fromUtf8, utf8 } from '../internal/bytes.js';
import { describeValue } from '../internal/describe.js';
import { frame, unframe } from '../internal/frame.js';
import { checkIncreasing, keyBy, sortedEntries } from '../internal/keyed.js';
import type { Codec, Mergeable } from '../mergeable.js';
import { composeTag } from '../tags.js';

const COUNT = /^[1-9][0-9]*$/;

/**
 * A multiset: element to a positive count (an element with count 0 is
 * absent). Merge, per element: max(0, ours + theirs - base), each side's
 * additions and removals counted, like Irmin's `MSet`; never conflicts. Not
 * idempotent on purpose: both sides adding one copy adds two.
 * Cost: O(n log n) for n distinct elements.
 * @example
 * multiset(codecs.string).merge({ base: new Map([['x', 1]]), ours: new Map([['x', 2]]), theirs: new Map([['x', 3]]) });
 * // Map { 'x' => 4 }
 */
export function multiset<T>(element: Codec<T>): Mergeable<ReadonlyMap<T, number>> {
  const tag = composeTag('grove/multiset@1', [element.tag]);
  const index = (bag: ReadonlyMap<T, number>) => keyBy(element, bag);
  const countOf = (bag: ReturnType<typeof index>, key: string) => bag.get(key)?.extra ?? 0;
  return {
    tag,
    equals(a, b) {
      if (a.size !== b.size) return false;
      const ib = index(b);
      for (const [k, e] of index(a)) if (countOf(ib, k) !== e.extra) return false;
      return true;
    },
    encode(bag) {
      if (!(bag instanceof Map)) throw new EncodeError({ tag, reason: `expected a Map of element to count, not ${describeValue(bag)}` });
      const parts = sortedEntries(index(bag)).flatMap((e) => {
        if (!Number.isSafeInteger(e.extra) || e.extra < 1) {
          throw new EncodeError({ tag, reason: `count ${e.extra} is not a positive safe integer; remove the element instead of storing 0` });
        }
        return [e.bytes, utf8(String(e.extra))];
      });
      return frame(parts);
    },
    decode(bytes) {
      const parts = unframe(bytes, tag);
      if (parts.length % 2 !== 0) throw new DecodeError({ tag, offset: 0, reason: 'an element without a count' });
      const out = new Map<T, number>();
      for (let i = 0; i < parts.length; i += 2) {
        checkIncreasing(tag, parts[i - 2], parts[i]!);
        const text = fromUtf8(parts[i + 1]!) ?? '';
        const count = Number(text);
        if (!COUNT.test(text) || !Number.isSafeInteger(count)) {
          throw new DecodeError({ tag, offset: 0, reason: `count "${text}" is not a positive integer` });
        }
        out.set(element.decode(parts[i]!), count);
      }
      return out;
    },
    merge({ base, ours, theirs }) {
      const b = base === undefined ? new Map() : index(base);
      const o = index(ours);
      const t = index(theirs);
      const merged = new Map([...o, ...t]);
      for (const [k, e] of merged) {
        const n = countOf(o, k) + countOf(t, k) - countOf(b, k);
        if (n > 0) merged.set(k, { ...e, extra: n });
        else merged.delete(k);
      }
      return { ok: true, value: new Map(sortedEntries(merged).map((e) => [e.value, e.extra])) };
    },
  };
}
