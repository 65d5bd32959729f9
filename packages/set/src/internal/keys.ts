/**
 * Element identity: two elements are equal when their encodings are. A
 * string (codec tag `string`) is its own key; any other element is keyed by
 * its encoding as a binary string (one char per byte).
 */
import type { Codec } from '@grove/merge';

/** True when elements are text keyed by themselves. */
export function isText(codec: Codec<unknown>): boolean {
  return codec.tag === 'string';
}

/** The key of `element`; throws the codec's `EncodeError` for a value it cannot encode. */
export function keyOf<T>(codec: Codec<T>, element: T): string {
  if (isText(codec)) {
    const text = element as string;
    if (!text.isWellFormed()) codec.encode(element);
    return text;
  }
  const bytes = codec.encode(element);
  let key = '';
  for (let i = 0; i < bytes.length; i++) key += String.fromCharCode(bytes[i]!);
  return key;
}
