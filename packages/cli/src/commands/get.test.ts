import * as GMap from '@grove/map';
import { codecs, counter, defaultMerge } from '@grove/merge';
import * as GSet from '@grove/set';
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

  it('prints bytes as base64 under a marker', async () => {
    const dir = await newRepo();
    await (await Repo.open(dir)).branch('main').set(['raw'], new Uint8Array([0xff, 0]));
    expect(JSON.parse((await grove(dir, 'get', 'raw', '--json')).out[0]!)).toMatchObject({ tag: 'bytes', known: true, value: { $base64: '/wA=' } });
    expect((await grove(dir, 'get', 'raw')).out).toEqual(['{"$base64":"/wA="}']);
  });

  it('refuses a value or a structure of a type it does not know: exit 2, naming the tag and how to register it', async () => {
    const dir = await newRepo();
    const point = defaultMerge(codecs.string, { tag: 'app/point@1' });
    const tagged: Structure<string> = {
      kind: 'structure',
      tag: 'app/tagged@1',
      save: async (_value, nodes) => ({ kind: 'tree', tree: await markTree(nodes.emptyTree(), 'app/tagged@1') }),
      load: async () => 'loaded',
      merge: async ({ ours }) => ({ ok: true, value: ours }),
    };
    const main = (await Repo.open(dir)).branch('main');
    await main.set(['p'], '1,2', { type: point });
    await main.set(['s'], 'anything', { type: tagged });
    const head = await main.head();
    for (const [path, tag] of [['p', 'app/point@1'], ['s', 'app/tagged@1']] as const) {
      const { code, out, err } = await grove(dir, 'get', path);
      expect({ code, out }).toEqual({ code: 2, out: [] });
      expect(err).toEqual([
        `grove: ${path} at commit ${head} holds a ${tag}, a type this process does not know (no type is registered for ${tag}); ` +
          'import the package that defines it, or register it: Repo.open(dir, { types: [yourType] }) or repo.types.register(yourType)',
      ]);
      const json = await grove(dir, 'get', path, '--json');
      expect(json.code).toBe(2);
      expect(JSON.parse(json.err[0]!)).toEqual({ code: 'unknown-type', message: err[0]!.slice('grove: '.length), exit: 2 });
    }
    expect(JSON.parse((await grove(dir, 'ls', '--json')).out[0]!)).toEqual([
      { name: 'p', kind: 'value', tag: 'app/point@1' },
      { name: 's', kind: 'value', tag: 'app/tagged@1' },
    ]);
  });

  it('prints every built-in type readably: maps as objects, sets and queues as arrays, ropes as text, registers as integers', async () => {
    const dir = await newRepo();
    const write = async (path: string, type: string, value: string) => expect((await grove(dir, 'set', path, value, '--type', type)).code).toBe(0);
    await write('votes', 'map<counter>', '{"ada":2,"bob":-1}');
    await write('tags', 'set<text>', '["git","crdt"]');
    await write('doc', 'rope', 'héllo, wörld');
    await write('jobs', 'queue<json>', '[1,{"x":[2]},"three"]');
    await write('hi', 'max', '7');
    await write('lo', 'min', '-7');
    await write('maybe', 'option<text>', 'null');
    await write('title', 'lww<text>', '"Hello"');
    await write('bag', 'multiset<text>', '[["a",2]]');
    await write('tally', 'map<map<counter>>', '{"x":{"a":1,"b":2},"y":{}}');
    await write('people', 'grove/sharded-map@1(grove/set@1(grove/record@1{age:grove/counter@1,name:string}))', '{"team":[{"name":"Ada","age":36}]}');
    await write('notes', 'map<rope>', '{"a":"text in a map"}');
    await write('inbox', 'map<queue<text>>', '{"ada":["hi","there"]}');
    const get = async (path: string) => (await grove(dir, 'get', path)).out;
    expect(await get('votes')).toEqual(['{"ada":2,"bob":-1}']);
    expect(JSON.parse((await get('tags'))[0]!).sort()).toEqual(['crdt', 'git']);
    expect(await get('doc')).toEqual(['héllo, wörld']);
    expect(await get('jobs')).toEqual(['[1,{"x":[2]},"three"]']);
    expect([await get('hi'), await get('lo')]).toEqual([['7'], ['-7']]);
    expect(await get('maybe')).toEqual(['null']);
    expect(await get('title')).toEqual(['Hello']);
    expect(await get('bag')).toEqual(['[["a",2]]']);
    expect(await get('tally')).toEqual(['{"x":{"a":1,"b":2},"y":{}}']);
    expect(await get('people')).toEqual(['{"team":[{"age":36,"name":"Ada"}]}']);
    expect(await get('notes')).toEqual(['{"a":"text in a map"}']);
    expect(await get('inbox')).toEqual(['{"ada":["hi","there"]}']);
    expect(JSON.parse((await grove(dir, 'get', 'tally', '--json')).out[0]!)).toMatchObject({
      tag: 'grove/sharded-map@1(grove/map@1(grove/counter@1))',
      known: true,
      value: { x: { a: '1', b: '2' }, y: {} },
    });
  });

  it('loads a sharded map or set whole before printing it', async () => {
    const dir = await newRepo();
    const keys = Array.from({ length: 60 }, (_, i) => `k${i}`);
    const main = (await Repo.open(dir)).branch('main');
    await main.set(['big'], GMap.of(counter, keys.map((k, i) => [k, BigInt(i)] as const), { leafCapacity: 4 }), { type: GMap.structure(counter, { leafCapacity: 4 }) });
    await main.set(['many'], GSet.of(codecs.string, keys, { leafCapacity: 4 }), { type: GSet.structure(codecs.string, { leafCapacity: 4 }) });
    expect((await (await main.tree()).list(['big'])).length).toBeGreaterThan(2);
    expect(JSON.parse((await grove(dir, 'get', 'big')).out[0]!)).toEqual(Object.fromEntries(keys.map((k, i) => [k, i])));
    expect(JSON.parse((await grove(dir, 'get', 'many')).out[0]!).sort()).toEqual([...keys].sort());
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
