/**
 * Values as people and programs read them, whatever their type: the tag
 * says how. Maps become objects, sets, queues and multisets arrays, ropes
 * their text, counters and registers integers, records objects and options
 * their value or null; sharded maps and sets are loaded whole first.
 */
import * as GMap from '@grove/map';
import { parseTag, type TypeTerm } from '@grove/merge';
import type { Rope } from '@grove/rope';
import * as GSet from '@grove/set';

/** A rendered value: JSON, except that integers stay bigints and bytes stay bytes until printed. */
export type Rendered = null | boolean | number | string | bigint | Uint8Array | readonly Rendered[] | { readonly [key: string]: Rendered };

/** Renders each of `values` as `param`, in order. */
function all(param: TypeTerm, values: Iterable<unknown>): Promise<Rendered[]> {
  return Promise.all([...values].map((v) => renderAs(param, v)));
}

/** An object of `entries`, each value rendered as `param`. */
async function object(param: TypeTerm, entries: Iterable<readonly [string, unknown]>): Promise<Rendered> {
  return Object.fromEntries(await Promise.all([...entries].map(async ([k, v]) => [k, await renderAs(param, v)] as const)));
}

/** `value`, of the type `term` names, as a `Rendered` tree. Types this file does not know pass through as they are. */
export async function renderAs(term: TypeTerm, value: unknown): Promise<Rendered> {
  const [param] = term.args;
  switch (term.name) {
    case 'grove/rope@1':
    case 'grove/rope-text@1':
      return (value as Rope).toString();
    case 'grove/sharded-map@1': {
      const map = await GMap.load(value as GMap.GroveMap<unknown>);
      return object(param!, GMap.entries(map));
    }
    case 'grove/map@1':
      return object(param!, value as ReadonlyMap<string, unknown>);
    case 'grove/sharded-set@1':
      return all(param!, GSet.values(await GSet.load(value as GSet.GroveSet<unknown>)));
    case 'grove/set@1':
    case 'grove/queue@1':
      return all(param!, value as Iterable<unknown>);
    case 'grove/multiset@1':
      return Promise.all([...(value as ReadonlyMap<unknown, number>)].map(async ([e, n]) => [await renderAs(param!, e), n]));
    case 'grove/option@1':
      return value === undefined ? null : renderAs(param!, value);
    case 'grove/lww@1':
      return renderAs(param!, (value as { value: unknown }).value);
    case 'grove/record@1': {
      const fields = new Map(term.fields);
      const entries = Object.entries(value as Record<string, unknown>);
      return Object.fromEntries(await Promise.all(entries.map(async ([k, v]) => [k, await renderAs(fields.get(k)!, v)] as const)));
    }
    default:
      return value as Rendered;
  }
}

/** The value a stored value of type `tag` holds, rendered. */
export function render(tag: string, value: unknown): Promise<Rendered> {
  return renderAs(parseTag(tag), value);
}

/** `value` as one line of JSON with integers written out in full (no quotes), for people. */
export function stringify(value: Rendered): string {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return JSON.stringify({ $base64: Buffer.from(value).toString('base64') });
  if (Array.isArray(value)) return `[${value.map(stringify).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${stringify(v as Rendered)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A rendered value for people: text as is, an integer in decimal, anything else as one line of JSON. */
export function formatRendered(value: Rendered): string {
  return typeof value === 'string' ? value : stringify(value);
}
