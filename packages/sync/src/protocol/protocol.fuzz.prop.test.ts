/**
 * Fuzzing pkt-lines, side-band and pack parsing: random bytes and mutations
 * of real messages end in packets or a typed Grove error; real messages
 * read back as what was framed.
 */
import * as fc from 'fast-check';
import { isGroveError } from '@grove/merge';
import { hashObject, type ObjectType, type RawObject } from '@grove/store';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodePack } from './pack-encode.js';
import { parsePack } from './pack-parse.js';
import { FLUSH, PktReader, pktLine } from './pkt-line.js';
import { readSideBand, sideBand } from './side-band.js';
import { fuzzedBytes, typedOrValue } from '@grove/merge/laws';

const RUNS = 10_000;

const payloads = fc.array(fc.uint8Array({ maxLength: 12 }), { maxLength: 4 });
const message = payloads.map((ps) => Buffer.concat([...ps.map((p) => pktLine(p)), FLUSH]));

describe('pkt-lines (fuzzed)', () => {
  it('read back the payloads that were framed', () => {
    fc.assert(
      fc.property(payloads, (ps) => {
        const reader = new PktReader(Buffer.concat([...ps.map((p) => pktLine(p)), FLUSH, pktLine('x')]));
        for (const p of ps) expect(reader.read()).toEqual({ kind: 'data', data: Buffer.from(p) });
        expect(reader.read()).toEqual({ kind: 'flush' });
        expect(reader.rest()).toEqual(pktLine('x'));
      }),
      { numRuns: RUNS },
    );
  });

  it('read packets, lines and side-band from any bytes or throw a typed error', () => {
    fc.assert(
      fc.property(fuzzedBytes(message), (bytes) => {
        const buf = Buffer.from(bytes);
        typedOrValue(() => {
          const reader = new PktReader(buf);
          while (!reader.done) reader.read();
        });
        typedOrValue(() => new PktReader(buf).lines());
        typedOrValue(() => readSideBand(new PktReader(buf), () => {}));
      }),
      { numRuns: RUNS },
    );
  });

  it('side-band reads back band 1', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 32 }), (data) => {
        expect(readSideBand(new PktReader(Buffer.concat([...sideBand(1, data), FLUSH])))).toEqual(Buffer.from(data));
      }),
      { numRuns: RUNS },
    );
  });
});

const object = fc.tuple(fc.constantFrom<ObjectType>('blob', 'commit', 'tree', 'tag'), fc.uint8Array({ maxLength: 24 })).map(([type, bytes]): RawObject => {
  const payload = Buffer.from(bytes);
  return { hash: hashObject(type, payload), type, payload };
});
/** Objects, each a delta against the one before when that is smaller: packs with OFS_DELTA or REF_DELTA entries. */
const objects = fc.array(object, { maxLength: 4 }).map((os) => {
  const grown = os.flatMap((o, i): RawObject[] => (i % 2 === 1 ? [o, { ...o, payload: Buffer.concat([Buffer.from(o.payload), Buffer.alloc(40, 7)]), hash: hashObject(o.type, Buffer.concat([Buffer.from(o.payload), Buffer.alloc(40, 7)])) }] : [o]));
  return [...new Map(grown.map((o) => [o.hash, o])).values()];
});
const style = fc.constantFrom('ofs', 'ref', 'none' as const);
const packOf = (os: readonly RawObject[], deltas: 'ofs' | 'ref' | 'none') => Buffer.concat(encodePack(os.map((o, i) => (i > 0 ? { object: o, base: os[i - 1]!.hash } : { object: o })), deltas));

/** `pack` with its trailing checksum recomputed, so a mutation gets past the checksum to the entries. */
function resealed(pack: Uint8Array): Buffer {
  if (pack.length < 20) return Buffer.from(pack);
  const body = Buffer.from(pack.subarray(0, pack.length - 20));
  return Buffer.concat([body, createHash('sha1').update(body).digest()]);
}

const none = async () => undefined;

describe('parsePack (fuzzed)', () => {
  it('parses back the objects encodePack wrote', async () => {
    await fc.assert(
      fc.asyncProperty(objects, style, async (os, deltas) => {
        const parsed = await parsePack(packOf(os, deltas), none);
        const byHash = new Map(parsed.entries.map((e) => [e.object.hash, e.object]));
        expect(byHash.size).toBe(os.length);
        for (const o of os) expect(Buffer.from(byHash.get(o.hash)!.payload).equals(Buffer.from(o.payload))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('returns objects or throws a typed error on any bytes, resealed or not', async () => {
    const packs = fuzzedBytes(fc.tuple(objects, style).map(([os, d]) => packOf(os, d)));
    await fc.assert(
      fc.asyncProperty(packs, fc.boolean(), async (bytes, reseal) => {
        try {
          await parsePack(reseal ? resealed(bytes) : Buffer.from(bytes), none);
        } catch (e) {
          if (!isGroveError(e)) throw e;
        }
      }),
      { numRuns: RUNS },
    );
  });
});
