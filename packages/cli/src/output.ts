/**
 * What `grove` prints: values, commits, changes and conflicts, as text for
 * people and as JSON for programs. JSON is one document per line, bigints
 * are decimal strings and bytes are `{"$base64": "..."}`; values carry their
 * type tag, so a counter's `"7"` is not mistaken for the text `7`. Values of
 * every type are rendered as `render` says (a map as an object...).
 */
import { formatPath, type Conflict, type Json } from '@grove/merge';
import type { Change, Commit, Hash, MergeOutcome, Signature, StoredValue } from '@grove/store';
import type { Io } from './io.js';
import { formatRendered, render, type Rendered } from './render.js';

/** Stands for "no commit" where a commit id is printed: Git's null object id. */
export const NO_COMMIT = '0'.repeat(40);

/** `value` as JSON: bigints as decimal strings, bytes as `{"$base64": ...}`, recursively. */
export function toJson(value: unknown): Json {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return { $base64: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  }
  return value as Json;
}

/** Prints `value` as one line of JSON. */
export function printJson(io: Io, value: unknown): void {
  io.stdout(JSON.stringify(toJson(value)));
}

/**
 * A stored value rendered (see `render`). In a diff, a value of a type this
 * process does not know is only its entry id: `{"$id": id}`.
 */
function renderStored(stored: StoredValue): Promise<Rendered> {
  return stored.known ? render(stored.tag, stored.value) : Promise.resolve({ $id: stored.hash });
}

/** A value for people: text as is, an integer in decimal, a rope as its text, anything else as one line of JSON. */
export async function formatValue(stored: StoredValue): Promise<string> {
  return formatRendered(await renderStored(stored));
}

/** A value for programs: its type tag, entry id, whether the tag is known, and the value rendered. */
export async function valueJson(stored: StoredValue): Promise<{ tag: string; hash: Hash; known: boolean; value: Json }> {
  return { tag: stored.tag, hash: stored.hash, known: stored.known, value: toJson(await renderStored(stored)) };
}

/** A commit time (seconds since the epoch) in ISO 8601, UTC, to the second. */
export function isoDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

function signatureJson(s: Signature): Json {
  return { name: s.name, email: s.email, date: isoDate(s.timestamp), timezoneOffset: s.timezoneOffset };
}

/** `<hash> <date> <author name> <first line of the message>`. */
export function logLine(c: Commit): string {
  return `${c.hash} ${isoDate(c.author.timestamp)} ${c.author.name} ${c.message.split('\n', 1)[0]}`;
}

/** A commit with its tree, parents, signatures and full message. */
export function commitJson(c: Commit): Json {
  return { hash: c.hash, tree: c.tree, parents: [...c.parents], author: signatureJson(c.author), committer: signatureJson(c.committer), message: c.message };
}

/** `<kind> <path>`, e.g. `updated docs/readme`. */
export function changeLine(c: Change): string {
  return `${c.kind} ${formatPath(c.path)}`;
}

/** A change with the values before and after (absent when there was none). */
export async function changeJson(c: Change): Promise<Record<string, Json>> {
  return {
    path: formatPath(c.path),
    kind: c.kind,
    ...(c.old === undefined ? {} : { old: await valueJson(c.old) }),
    ...(c.new === undefined ? {} : { new: await valueJson(c.new) }),
  };
}

/** A conflict for programs: its path, kind and message. */
export function conflictJson(c: Conflict): Json {
  return { path: formatPath(c.path), kind: c.kind, message: c.message };
}

/** `<path> <kind>: <message>`, path first so `cut -d' ' -f1` lists the paths in conflict. */
export function conflictLine(c: Conflict): string {
  return `${formatPath(c.path)} ${c.kind}: ${c.message}`;
}

/** A commit id, or `NO_COMMIT` for none. */
export function commitId(hash: Hash | undefined): string {
  return hash ?? NO_COMMIT;
}

/** `up-to-date <head>`, `fast-forward <head>` or `merged <commit>`: a merge that went through, as `grove merge` and `grove pull` print it. */
export function mergedLine(outcome: Exclude<MergeOutcome, { kind: 'conflict' }>): string {
  switch (outcome.kind) {
    case 'up-to-date':
      return `up-to-date ${commitId(outcome.head)}`;
    case 'fast-forward':
      return `fast-forward ${outcome.head}`;
    case 'merged':
      return `merged ${outcome.commit.hash}`;
  }
}

/** Prints the id of the commit a write made: alone, or as `{"commit": id, ...extra}` with `--json`. */
export function printCommit(ctx: { readonly io: Io; readonly options: { readonly json?: true } }, hash: Hash, extra: Record<string, unknown> = {}): void {
  if (ctx.options.json) printJson(ctx.io, { commit: hash, ...extra });
  else ctx.io.stdout(hash);
}
