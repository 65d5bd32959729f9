/** An object as stored: its id, type and payload (without the Git header). */
import type { Hash, ObjectType } from './hash.js';

export interface RawObject {
  readonly hash: Hash;
  readonly type: ObjectType;
  readonly payload: Uint8Array;
}
