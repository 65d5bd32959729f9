/**
 * Values as JSON on the REST API: `{ tag, value }`, bigints as decimal
 * strings, bytes as `{ "$base64": "..." }`. Request bodies are parsed back
 * into typed values.
 */
import { counter, type Json, type Mergeable } from '@grove/merge';
import { bytes, json, text, type StoredValue } from '@grove/store';
import { SyncError } from '../errors.js';

/** `value` as JSON, recursively. */
export function toJson(value: unknown): Json {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return { $base64: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  return value as Json;
}

/** A stored value as `{ tag, hash, value }`. */
export function storedJson(stored: StoredValue): Json {
  return { tag: stored.tag, hash: stored.hash, value: toJson(stored.value) };
}

/** The types a client may write by tag, and how each reads its JSON. */
const WRITABLE: Record<string, { type: Mergeable<any>; read(value: unknown): unknown }> = {
  [text.tag]: { type: text, read: (v) => (typeof v === 'string' ? v : undefined) },
  [json.tag]: { type: json, read: (v) => v },
  [bytes.tag]: {
    type: bytes,
    read: (v) => {
      const b64 = (v as { $base64?: unknown } | null)?.$base64;
      return typeof b64 === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(b64) ? new Uint8Array(Buffer.from(b64, 'base64')) : undefined;
    },
  },
  [counter.tag]: { type: counter, read: (v) => (typeof v === 'string' && /^-?\d{1,60}$/.test(v)) || Number.isSafeInteger(v) ? BigInt(v as string) : undefined },
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A request body as JSON; `bad-request` (saying what to send) when it is not UTF-8 or not JSON. */
export function jsonBody(body: Buffer, example: string): unknown {
  try {
    return JSON.parse(utf8.decode(body));
  } catch (e) {
    const what = e instanceof SyntaxError ? 'not JSON' : 'not valid UTF-8';
    throw new SyncError('bad-request', `the body is ${what}; send ${example}`);
  }
}

/** A PUT body: the value, its type and an optional commit message. Throws `bad-request`. */
export function parseValueBody(body: Buffer): { value: unknown; type: Mergeable<any>; message: string | undefined } {
  const parsed = jsonBody(body, '{"tag": "text", "value": "..."}');
  const { tag, value, message } = (parsed ?? {}) as { tag?: unknown; value?: unknown; message?: unknown };
  const writable = typeof tag === 'string' && Object.hasOwn(WRITABLE, tag) ? WRITABLE[tag] : undefined;
  if (writable === undefined) throw new SyncError('bad-request', `tag ${JSON.stringify(tag)} cannot be written here; use one of ${Object.keys(WRITABLE).join(', ')}`);
  const decoded = writable.read(value);
  if (decoded === undefined) throw new SyncError('bad-request', `${JSON.stringify(value)?.slice(0, 80)} is not a ${tag} value; text is a string, counters a decimal string, bytes {"$base64": "..."}`);
  if (message !== undefined && typeof message !== 'string') throw new SyncError('bad-request', 'message must be a string');
  return { value: decoded, type: writable.type, message };
}
