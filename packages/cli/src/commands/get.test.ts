import { codecs, defaultMerge } from '@grove/merge';
import { markTree, Repo, type Structure } from '@grove/store';
import { describe, expect, it } from 'vitest';
import { grove, newRepo } from '../testing/harness.js';

describe('grove get', () => {
  it('prints text as is, counters in decimal and JSON as JSON', async () => {
    const dir = await newRepo();
    await grove(dir, 'set', 'docs/readme', 'two\nlines');
    await grove(dir, 'set', 'hits', '7', '--type', 'counter');
    await grove(dir, 'set', 'cfg', '{"b":1,"a":2}', '--type', 'json');
    expect(await grove(dir, 'get', 'docs/readme')).toEqual({ code: 0, out: ['two\nlines'], err: [] });
    expect((await grove(dir, 'get', 'hits')).out).toEqual(['7']);
    expect((await grove(dir, 'get', '/cfg/')).out).toEqual(['{"a":2,"b":1}']);
  });

  it('prints JSON with the type tag, blob id and value; bigints as strings', async () => {
    const dir = await newRepo();
    await grove(dir, 'set', 'hits', '12345678901234567890', '--type', 'counter');
    const { code, out } = await grove(dir, 'get', 'hits', '--json');
    expect(code).toBe(0);
    const hash = (await (await Repo.open(dir)).branch('main').read(['hits']))!.hash;
    expect(JSON.parse(out[0]!)).toEqual({ path: 'hits', tag: 'grove/counter@1', hash, known: true, value: '12345678901234567890' });
  });

  it('prints bytes, and values of types it does not know, as base64 under a marker', async () => {
    const dir = await newRepo();
    const point = defaultMerge(codecs.string, { tag: 'app/point@1' });
    const main = (await Repo.open(dir)).branch('main');
    await main.set(['raw'], new Uint8Array([0xff, 0]));
    await main.set(['p'], '1,2', { type: point });
    expect(JSON.parse((await grove(dir, 'get', 'raw', '--json')).out[0]!)).toMatchObject({ tag: 'bytes', known: true, value: { $base64: '/wA=' } });
    expect(JSON.parse((await grove(dir, 'get', 'p', '--json')).out[0]!)).toMatchObject({ tag: 'app/point@1', known: false, value: { $base64: 'MSwy' } });
    expect((await grove(dir, 'get', 'raw')).out).toEqual(['{"$base64":"/wA="}']);
  });

  it('shows a structure of a type it does not know as its tree id', async () => {
    const dir = await newRepo();
    const tagged: Structure<string> = {
      kind: 'structure',
      tag: 'app/tagged@1',
      save: async (_value, nodes) => ({ kind: 'tree', tree: await markTree(nodes.emptyTree(), 'app/tagged@1') }),
      load: async () => 'loaded',
      merge: async ({ ours }) => ({ ok: true, value: ours }),
    };
    const main = (await Repo.open(dir)).branch('main');
    await main.set(['s'], 'anything', { type: tagged });
    const hash = (await (await main.tree()).subtree(['s']))!.hash;
    expect(JSON.parse((await grove(dir, 'get', 's', '--json')).out[0]!)).toEqual({ path: 's', tag: 'app/tagged@1', hash, known: false, value: { $tree: hash } });
    expect(JSON.parse((await grove(dir, 'ls', '--json')).out[0]!)).toEqual([{ name: 's', kind: 'value', tag: 'app/tagged@1' }]);
  });

  it('exits 1 when there is no value, and 2 for a folder', async () => {
    const dir = await newRepo();
    expect(await grove(dir, 'get', 'docs/readme')).toEqual({ code: 1, out: [], err: ['grove: nothing at docs/readme on branch main'] });
    await grove(dir, 'set', 'docs/readme', 'hi');
    expect(await grove(dir, 'get', 'docs/other')).toEqual({ code: 1, out: [], err: ['grove: nothing at docs/other on branch main'] });
    expect(await grove(dir, 'get', 'docs/readme/deeper')).toMatchObject({ code: 1 });
    expect(await grove(dir, 'get', 'docs')).toEqual({ code: 2, out: [], err: ['grove: docs is a folder; list it with grove ls docs'] });
  });
});
