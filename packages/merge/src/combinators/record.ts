/** `record`: a fixed set of named fields, each with its own merge. */
import { DecodeError, EncodeError } from '../errors.js';
import { describeValue } from '../internal/describe.js';
import { fromUtf8, utf8 } from '../internal/bytes.js';
import { mergeChild } from '../internal/child.js';
import { frame, unframe } from '../internal/frame.js';
import { childPath, type Conflict, type Mergeable } from '../mergeable.js';
import { composeTag } from '../tags.js';

/** Field name to the mergeable of that field. */
export type Fields = { readonly [name: string]: Mergeable<any> };

/** The value type of a record of `F`. */
export type RecordOf<F extends Fields> = { readonly [K in keyof F]: F[K] extends Mergeable<infer V> ? V : never };

/**
 * A record merged field by field; each field's conflicts carry the field
 * name in their path, and all fields' conflicts are reported together.
 * Encoding: name/value netstrings in sorted field order.
 * Cost: the sum of the fields' merges.
 * @example
 * const point = record({ x: counter, y: counter });
 * point.merge({ base: { x: 0n, y: 0n }, ours: { x: 1n, y: 0n }, theirs: { x: 0n, y: 2n } }); // { x: 1n, y: 2n }
 */
export function record<F extends Fields>(fields: F): Mergeable<RecordOf<F>> {
  const names = Object.keys(fields).sort();
  const tag = composeTag('grove/record@1', [], {}, names.map((n) => [n, fields[n]!.tag] as const));
  const field = (name: string): Mergeable<unknown> => fields[name]!;
  type V = RecordOf<F>;
  const get = (value: V, name: string): unknown => (value as Record<string, unknown>)[name];
  return {
    tag,
    equals: (a, b) => names.every((n) => field(n).equals(get(a, n), get(b, n))),
    encode(value) {
      if (typeof value !== 'object' || value === null) throw new EncodeError({ tag, reason: `expected an object with fields ${names.join(', ')}, not ${describeValue(value)}` });
      return frame(names.flatMap((n) => [utf8(n), field(n).encode(get(value, n))]));
    },
    decode(bytes) {
      const parts = unframe(bytes, tag);
      if (parts.length !== names.length * 2) {
        throw new DecodeError({ tag, offset: 0, reason: `expected ${names.length} fields, found ${parts.length / 2}` });
      }
      const out: Record<string, unknown> = {};
      names.forEach((n, i) => {
        if (fromUtf8(parts[2 * i]!) !== n) throw new DecodeError({ tag, offset: 0, reason: `expected field "${n}" in position ${i}` });
        out[n] = field(n).decode(parts[2 * i + 1]!);
      });
      return out as V;
    },
    merge({ base, ours, theirs, path }) {
      const out: Record<string, unknown> = {};
      const conflicts: Conflict[] = [];
      for (const n of names) {
        const r = mergeChild(field(n), {
          base: base === undefined ? undefined : get(base, n),
          ours: get(ours, n),
          theirs: get(theirs, n),
          path: childPath(path, n),
        });
        if (r.ok) out[n] = r.value;
        else conflicts.push(...r.conflicts);
      }
      return conflicts.length > 0 ? { ok: false, conflicts } : { ok: true, value: out as V };
    },
  };
}
