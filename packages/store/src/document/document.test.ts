/** Examples of the document API over values of one blob (counters, text, JSON), on the memory backend. */
import { counter, isGroveError } from '@grove/merge';
import { describe, expect, it } from 'vitest';
import { document, json, Repo, text, type StoreError } from '../index.js';

function repo() {
  let now = 1_700_000_000_000;
  return Repo.memory({ clock: () => (now += 1000) });
}

const schema = { visits: counter, title: text, pages: { home: text, meta: json } };

async function commits(doc: { branch: { log(): AsyncIterable<unknown> } }): Promise<number> {
  let n = 0;
  for await (const _ of doc.branch.log()) n++;
  return n;
}

describe('document', () => {
  it('groups several edits into one commit and reads typed values back', async () => {
    const doc = document(repo().branch('main'), schema);
    const commit = await doc.change(async (d) => {
      await d.visits.inc(2);
      await d.visits.inc();
      await d.title.set('Hi');
      await d.title.update((t) => `${t}!`);
      await d.pages.home.set('Welcome');
    }, { message: 'first edits' });
    expect(commit?.message).toBe('first edits');
    expect(await commits(doc)).toBe(1);
    expect(await doc.read(async (d) => [await d.visits.get(), await d.title.get(), await d.pages.home.get(), await d.pages.meta.get()])).toEqual([3n, 'Hi!', 'Welcome', undefined]);
    expect(await doc.branch.get(['pages', 'home'])).toBe('Welcome');
  });

  it('writes each edited value once, with a default message naming them', async () => {
    const doc = document(repo().branch('main'), schema);
    const commit = await doc.change(async (d) => {
      await Promise.all([d.visits.inc(1), d.visits.inc(2), d.visits.inc(3)]);
      await d.pages.meta.set({ lang: 'en' });
    });
    expect(commit?.message).toBe('2 changes\n\nset visits\nset pages/meta');
    expect(await doc.read((d) => d.visits.get())).toBe(6n);
  });

  it('deletes values, and makes no commit when nothing changed', async () => {
    const doc = document(repo().branch('main'), schema);
    await doc.change((d) => d.title.set('Hi'));
    expect(await doc.change((d) => d.title.set('Hi'))).toBeUndefined();
    expect(await doc.change((d) => d.visits.get())).toBeUndefined();
    await doc.change((d) => d.title.delete());
    expect(await doc.read((d) => d.title.get())).toBeUndefined();
    expect(await commits(doc)).toBe(2);
  });

  it('runs a change again on the new head when another writer got in first', async () => {
    const main = repo().branch('main');
    const doc = document(main, schema);
    await doc.change((d) => d.visits.inc(10));
    let runs = 0;
    await doc.change(async (d) => {
      if (runs++ === 0) await document(main, schema).change((other) => other.visits.inc(5));
      await d.visits.inc(1);
    });
    expect(runs).toBe(2);
    expect(await doc.read((d) => d.visits.get())).toBe(16n);
  });

  it('refuses edits inside read, and bad schema keys, with typed errors', async () => {
    const doc = document(repo().branch('main'), schema);
    const e = await doc.read((d) => d.title.set('x')).catch((x: unknown) => x);
    expect(isGroveError(e) && (e as StoreError).code).toBe('read-only');
    expect((e as Error).message).toMatch(/make edits inside doc.change/);
    const bad = (() => {
      try {
        document(repo().branch('main'), { '..': text });
      } catch (x) {
        return x as StoreError;
      }
    })();
    expect(bad?.code).toBe('invalid-path');
  });
});
