/** `option`: a value that may be absent. */
import { DecodeError } from '../errors.js';
import { mergeChild } from '../internal/child.js';
import { frame, unframe } from '../internal/frame.js';
import { conflict, formatPath, type Mergeable } from '../mergeable.js';
import { composeTag } from '../tags.js';

/**
 * A value that may be absent (`undefined`). Merge: both present merge by
 * `inner`; a removal on one side wins when the other side left the value
 * unchanged; a removal against a change conflicts (`deleted-by-us` or
 * `deleted-by-theirs`), as in Git. Cost: that of `inner`.
 * @example
 * option(counter).merge({ base: 1n, ours: undefined, theirs: 1n }); // { ok: true, value: undefined }
 */
export function option<T>(inner: Mergeable<T>): Mergeable<T | undefined> {
  const tag = composeTag('grove/option@1', [inner.tag]);
  const equals = (a: T | undefined, b: T | undefined): boolean =>
    a === undefined || b === undefined ? a === b : inner.equals(a, b);
  return {
    tag,
    equals,
    encode: (value) => frame(value === undefined ? [] : [inner.encode(value)]),
    decode(bytes) {
      const parts = unframe(bytes, tag);
      if (parts.length > 1) throw new DecodeError({ tag, offset: 0, reason: `expected at most one part, found ${parts.length}` });
      return parts[0] === undefined ? undefined : inner.decode(parts[0]);
    },
    merge(args) {
      const { base, ours, theirs } = args;
      // No common ancestor and "absent in the ancestor" are the same thing here.
      if (equals(ours, base)) return { ok: true, value: theirs };
      if (equals(theirs, base)) return { ok: true, value: ours };
      if (ours === undefined && theirs === undefined) return { ok: true, value: undefined };
      if (ours !== undefined && theirs !== undefined) {
        return mergeChild(inner, { base, ours, theirs, path: args.path ?? [] });
      }
      const where = formatPath(args.path ?? []);
      return ours === undefined
        ? conflict('deleted-by-us', args, `${where}: removed on our side but changed on theirs; keep their value or the removal`)
        : conflict('deleted-by-theirs', args, `${where}: removed on their side but changed on ours; keep our value or the removal`);
    },
  };
}
