/**
 * A queue element as the queue keeps it: value and stamp, the bytes it was
 * decoded from (a view into its chunk), and its stamp's hash, computed
 * once. Pushed values are encoded when written, not kept encoded: a big
 * queue in memory holds no byte array per element.
 */
import type { Codec } from '@grove/merge';
import type { Element } from '../queue.js';
import { formatStamp, type Stamp } from '../stamp.js';
import { levelOf, stampHash } from './layout/level.js';

export class Item<T> implements Element<T> {
  readonly value: T;
  readonly stamp: Stamp;
  readonly #bytes: Uint8Array | undefined;
  #hash: number | undefined;

  constructor(stamp: Stamp, value: T, bytes?: Uint8Array) {
    this.stamp = stamp;
    this.value = value;
    this.#bytes = bytes;
  }

  /** The value's canonical bytes. */
  bytes(codec: Codec<T>): Uint8Array {
    return this.#bytes ?? codec.encode(this.value);
  }

  /** The stamp as text, as chunks and entry names write it. */
  key(): string {
    return formatStamp(this.stamp);
  }

  /** The level of this element in a tree whose fanout is `2 ** bits`. */
  level(bits: number): number {
    return levelOf((this.#hash ??= stampHash(this.key())), bits);
  }
}
