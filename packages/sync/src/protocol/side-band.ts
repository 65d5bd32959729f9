/**
 * Side-band-64k (gitprotocol-pack): once negotiated, the pack and messages
 * travel in pkt-lines whose first byte names the band: 1 data, 2 progress,
 * 3 a fatal error.
 */
import { SyncError } from '../errors.js';
import { MAX_PKT, pktLine, type PktReader } from './pkt-line.js';

/** Payload bytes per side-band-64k packet: 65520 less the length and the band byte. */
const CHUNK = MAX_PKT - 5;

/** `data` in band `band` (1: data, 2: progress, 3: error), split into packets. Without the closing flush. */
export function sideBand(band: 1 | 2 | 3, data: Uint8Array): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < data.length; at += CHUNK) {
    out.push(pktLine(Buffer.concat([Buffer.from([band]), data.subarray(at, at + CHUNK)])));
  }
  return out;
}

/**
 * Joins band 1 of the packets from `reader` up to a flush (or the end);
 * band 3 throws `rejected` with the server's message, band 2 goes to `progress`.
 */
export function readSideBand(reader: PktReader, progress?: (message: string) => void): Buffer {
  const parts: Buffer[] = [];
  while (!reader.done) {
    const at = reader.offset;
    const packet = reader.read();
    if (packet.kind === 'flush') break;
    if (packet.kind !== 'data' || packet.data.length === 0) continue;
    const band = packet.data[0];
    const body = packet.data.subarray(1);
    if (band === 1) parts.push(body);
    else if (band === 2) progress?.(body.toString('utf8'));
    else if (band === 3) throw new SyncError('rejected', `the server failed: ${body.toString('utf8').trim()}`, { offset: at });
    else throw new SyncError('malformed-pkt-line', `unknown side-band ${band} at byte ${at}; the server does not speak side-band-64k`, { offset: at });
  }
  return Buffer.concat(parts);
}
