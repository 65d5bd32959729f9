/**
 * Git's pkt-line framing (gitprotocol-common): four hex digits of length
 * (including themselves) then the payload; `0000` is a flush packet, `0001`
 * a delimiter. Decoding untrusted bytes returns typed errors with the offset.
 */
import { SyncError } from '../errors.js';

/** The largest pkt-line Git allows: 65520 bytes including the length. */
export const MAX_PKT = 65520;

/** One decoded packet: bytes, or a flush or delimiter marker. */
export type Packet = { readonly kind: 'data'; readonly data: Buffer } | { readonly kind: 'flush' } | { readonly kind: 'delim' };

/** A flush packet `0000`. */
export const FLUSH = Buffer.from('0000');

/** Frames `data` (a string is UTF-8) as one pkt-line. */
export function pktLine(data: string | Uint8Array): Buffer {
  const payload = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (payload.length + 4 > MAX_PKT) throw new RangeError(`pkt-line payload of ${payload.length} bytes exceeds ${MAX_PKT - 4}`);
  return Buffer.concat([Buffer.from((payload.length + 4).toString(16).padStart(4, '0')), payload]);
}

/** A cursor over pkt-lines in a buffer; what follows them (a pack) stays readable through `rest`. */
export class PktReader {
  #at: number;

  constructor(
    readonly bytes: Buffer,
    offset = 0,
  ) {
    this.#at = offset;
  }

  /** The offset of the next unread byte. */
  get offset(): number {
    return this.#at;
  }

  /** True when every byte has been read. */
  get done(): boolean {
    return this.#at >= this.bytes.length;
  }

  /** The bytes after the packets read so far. */
  rest(): Buffer {
    return this.bytes.subarray(this.#at);
  }

  /** The next packet; throws `malformed-pkt-line` on a bad or truncated length. */
  read(): Packet {
    const at = this.#at;
    if (at + 4 > this.bytes.length) throw malformed('the message ends inside a pkt-line length', at);
    const hex = this.bytes.toString('latin1', at, at + 4);
    if (!/^[0-9a-f]{4}$/i.test(hex)) throw malformed(`${JSON.stringify(hex)} is not a pkt-line length`, at);
    const length = parseInt(hex, 16);
    if (length === 0 || length === 1) {
      this.#at += 4;
      return length === 0 ? { kind: 'flush' } : { kind: 'delim' };
    }
    if (length < 4 || length > MAX_PKT) throw malformed(`pkt-line length ${length} is out of range`, at);
    if (at + length > this.bytes.length) throw malformed(`a ${length}-byte pkt-line is truncated`, at);
    this.#at += length;
    return { kind: 'data', data: this.bytes.subarray(at + 4, at + length) };
  }

  /** The data packets up to the next flush (consumed); text lines lose a final newline. */
  lines(): string[] {
    const out: string[] = [];
    for (let p = this.read(); p.kind !== 'flush'; p = this.read()) {
      if (p.kind === 'data') out.push(textOf(p.data));
    }
    return out;
  }
}

/** A packet's payload as text, without a final newline. */
export function textOf(data: Buffer): string {
  const text = data.toString('utf8');
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

function malformed(reason: string, offset: number): SyncError {
  return new SyncError('malformed-pkt-line', `${reason} at byte ${offset}; send Git pkt-lines (gitprotocol-common)`, { offset });
}
