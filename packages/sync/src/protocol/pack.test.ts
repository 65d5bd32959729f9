/** Packs we write, whole or deltified by offset or by id, read back through the verifying parser. */
import { createHash } from 'node:crypto';
import { hashObject, type RawObject } from '@grove/store';
import { describe, expect, it } from 'vitest';
import { encodePack } from './pack-encode.js';
import { parsePack } from './pack-parse.js';

const blob = (text: string): RawObject => {
  const payload = Buffer.from(text);
  return { hash: hashObject('blob', payload), type: 'blob', payload };
};

describe('pack encode and parse', () => {
  const v1 = blob('x'.repeat(5000));
  const v2 = blob(`${'x'.repeat(2500)}y${'x'.repeat(2500)}`);
  const entries = [{ object: v1 }, { object: v2, base: v1.hash }];

  it.each(['ofs', 'ref', 'none'] as const)('round-trips with %s deltas', async (style) => {
    const pack = Buffer.concat(encodePack(entries, style));
    if (style !== 'none') expect(pack.length).toBeLessThan(200);
    const { entries: parsed, thin } = await parsePack(pack, async () => undefined);
    expect(thin).toBe(false);
    const objects = parsed.map((e) => e.object);
    expect(objects.map((o) => o.hash).sort()).toEqual([v1.hash, v2.hash].sort());
    expect(objects.find((o) => o.hash === v2.hash)?.payload).toEqual(v2.payload);
  });

  it('resolves a REF_DELTA against an object outside the pack (a thin pack)', async () => {
    const [header, , , deltaHead, deltaData] = encodePack(entries, 'ref');
    const one = Buffer.from(header!);
    one.writeUInt32BE(1, 8);
    const body = Buffer.concat([one, deltaHead!, deltaData!]);
    const thin = Buffer.concat([body, createHash('sha1').update(body).digest()]);
    const parsed = await parsePack(thin, async (h) => (h === v1.hash ? v1 : undefined));
    expect(parsed.entries.map((e) => [e.object.hash, e.offset])).toEqual([[v2.hash, 12]]);
    expect(parsed.thin).toBe(true);
    await expect(parsePack(thin, async () => undefined)).rejects.toMatchObject({ code: 'bad-pack' });
  });
});
