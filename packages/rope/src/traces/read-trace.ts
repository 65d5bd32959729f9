/** The editing traces shipped in `traces/` (CC BY 4.0, see traces/README.md), read and applied. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Rope } from '../rope.js';

/** One edit: at code point `pos` delete `deleteCount` code points, then insert `text`. */
export type Patch = readonly [pos: number, deleteCount: number, text: string];

/** A recording of one person editing a text. */
export interface SequentialTrace {
  readonly startContent: string;
  readonly endContent: string;
  readonly txns: readonly { readonly patches: readonly Patch[] }[];
}

/** One transaction of a concurrent trace: the merge of `parents` (none: the empty text), then `patches`. */
export interface ConcurrentTxn {
  readonly parents: readonly number[];
  readonly numChildren: number;
  readonly agent: number;
  readonly patches: readonly Patch[];
}

/** A recording of several people editing one text at the same time. */
export interface ConcurrentTrace {
  readonly kind: 'concurrent';
  readonly endContent: string;
  readonly numAgents: number;
  readonly txns: readonly ConcurrentTxn[];
}

/** The sequential traces shipped with the package. */
export const SEQUENTIAL_TRACES = ['automerge-paper', 'seph-blog1', 'sveltecomponent', 'friendsforever_flat'] as const;
export type SequentialTraceName = (typeof SEQUENTIAL_TRACES)[number];

function readGzipJson(file: string): unknown {
  return JSON.parse(gunzipSync(readFileSync(new URL(`../../traces/${file}`, import.meta.url))).toString('utf8'));
}

/** The sequential trace `name`. */
export function readTrace(name: SequentialTraceName): SequentialTrace {
  return readGzipJson(`${name}.json.gz`) as SequentialTrace;
}

/** The concurrent trace `friendsforever` (two authors, 26,078 transactions, 2,258 of them merges). */
export function readConcurrentTrace(): ConcurrentTrace {
  return readGzipJson('concurrent/friendsforever.json.gz') as ConcurrentTrace;
}

/** Every patch of `trace`, in order. */
export function patchesOf(trace: SequentialTrace): Patch[] {
  return trace.txns.flatMap((t) => t.patches);
}

/** `rope` with `patches` applied in order. */
export function applyPatches(rope: Rope, patches: readonly Patch[]): Rope {
  let r = rope;
  for (const [pos, del, text] of patches) r = r.splice(pos, del, text);
  return r;
}
