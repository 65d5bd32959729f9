/** `mapOf`: string-keyed maps whose values merge by their own type. */
import { DecodeError, EncodeError } from '../errors.js';
import { describeValue } from '../internal/describe.js';
import { compareBytes, fromUtf8, utf8 } from '../internal/bytes.js';
import { mergeChild } from '../internal/child.js';
import { frame, unframe } from '../internal/frame.js';
import { childPath, type Conflict, type Mergeable } from '../mergeable.js';
import { composeTag } from '../tags.js';

/** Keys with their UTF-8 bytes, in byte order. */
function sortedKeys(keys: Iterable<string>): (readonly [string, Uint8Array])[] {
  return [...keys].map((k) => [k, utf8(k)] as const).sort((a, b) => compareBytes(a[1], b[1]));
}

/**
 * A map from strings to values of `value`. Merge, per key: an addition on
 * either side is kept; a removal on either side stays removed (even if the
 * other side changed the value); a value present on both sides is merged by
 * `value.merge`, its conflicts carrying the key in their path. Keys iterate
 * in UTF-8 byte order. Cost: O(k) for k keys, plus the value merges.
 * @example
 * const votes = mapOf(counter);
 * votes.merge({ base: new Map([['a', 1n]]), ours: new Map([['a', 2n]]), theirs: new Map([['a', 3n], ['b', 1n]]) });
 * // a: 4n, b: 1n
 */
export function mapOf<V>(value: Mergeable<V>): Mergeable<ReadonlyMap<string, V>> {
  const tag = composeTag('grove/map@1', [value.tag]);
  return {
    tag,
    equals(a, b) {
      if (a.size !== b.size) return false;
      for (const [k, v] of a) if (!b.has(k) || !value.equals(v, b.get(k)!)) return false;
      return true;
    },
    encode(map) {
      if (!(map instanceof Map)) throw new EncodeError({ tag, reason: `expected a Map, not ${describeValue(map)}` });
      for (const k of map.keys()) {
        if (typeof k !== 'string' || !k.isWellFormed()) throw new EncodeError({ tag, reason: `key ${describeValue(k)} is not a well-formed string` });
      }
      return frame(sortedKeys(map.keys()).flatMap(([k, bytes]) => [bytes, value.encode(map.get(k)!)]));
    },
    decode(bytes) {
      const parts = unframe(bytes, tag);
      if (parts.length % 2 !== 0) throw new DecodeError({ tag, offset: 0, reason: 'a key without a value' });
      const out = new Map<string, V>();
      for (let i = 0; i < parts.length; i += 2) {
        if (i > 0 && compareBytes(parts[i - 2]!, parts[i]!) >= 0) {
          throw new DecodeError({ tag, offset: 0, reason: 'keys are not in strictly increasing order' });
        }
        const key = fromUtf8(parts[i]!);
        if (key === undefined) throw new DecodeError({ tag, offset: 0, reason: `key ${i / 2} is not valid UTF-8` });
        out.set(key, value.decode(parts[i + 1]!));
      }
      return out;
    },
    merge({ base, ours, theirs, path }) {
      const out = new Map<string, V>();
      const conflicts: Conflict[] = [];
      for (const [k] of sortedKeys(new Set([...ours.keys(), ...theirs.keys()]))) {
        // Values may themselves be undefined (a map of options): ask `has`, never compare with undefined.
        if (!ours.has(k) || !theirs.has(k)) {
          if (!base?.has(k)) out.set(k, ours.has(k) ? ours.get(k)! : theirs.get(k)!);
          continue;
        }
        const b = base?.has(k) ? base.get(k) : undefined;
        const r = mergeChild(value, { base: b, ours: ours.get(k)!, theirs: theirs.get(k)!, path: childPath(path, k) });
        if (r.ok) out.set(k, r.value);
        else conflicts.push(...r.conflicts);
      }
      return conflicts.length > 0 ? { ok: false, conflicts } : { ok: true, value: out };
    },
  };
}
