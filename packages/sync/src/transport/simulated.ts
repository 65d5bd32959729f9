/**
 * A simulated network for tests: every request and every response is a
 * message that may be dropped, duplicated (the server sees the request
 * twice) or delayed, and so reordered, all drawn from a seed. Time is
 * virtual: `run` delivers messages in the order of their delivery times.
 */
import { SyncError } from '../errors.js';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';

/** How hostile the network is. Probabilities are per message. */
export interface NetworkOptions {
  readonly seed: number;
  /** Probability that a request or a response is lost (default 0.1). */
  readonly drop?: number;
  /** Probability that a request is delivered twice (default 0.1). */
  readonly duplicate?: number;
  /** Largest delay of a message, in virtual milliseconds (default 100). */
  readonly maxDelay?: number;
}

interface Message {
  readonly at: number;
  readonly seq: number;
  deliver(): void;
}

/** A seeded pseudo-random generator (mulberry32): the same seed, the same network. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lets every pending promise chain run (no timers: one macrotask turn drains the microtasks). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A lossy, duplicating, reordering network between clients and servers in one process. */
export class SimulatedNetwork {
  readonly #random: () => number;
  readonly #drop: number;
  readonly #duplicate: number;
  readonly #maxDelay: number;
  #queue: Message[] = [];
  #seq = 0;
  #now = 0;
  /** Messages lost and duplicated so far. */
  dropped = 0;
  duplicated = 0;

  constructor(options: NetworkOptions) {
    this.#random = random(options.seed);
    this.#drop = options.drop ?? 0.1;
    this.#duplicate = options.duplicate ?? 0.1;
    this.#maxDelay = options.maxDelay ?? 100;
  }

  /** The virtual time, in milliseconds. */
  get now(): number {
    return this.#now;
  }

  /** A transport to `target` whose messages cross this network. */
  connect(target: Transport): Transport {
    return { url: target.url, request: (request) => this.#send(target, request) };
  }

  /** Delivers messages, earliest first, until none is in flight and every client has had its answer. */
  async run(): Promise<void> {
    for (;;) {
      await settle();
      if (this.#queue.length === 0) await settle();
      if (this.#queue.length === 0) return;
      this.#queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const message = this.#queue.shift()!;
      this.#now = Math.max(this.#now, message.at);
      message.deliver();
    }
  }

  #post(deliver: () => void): void {
    this.#queue.push({ at: this.#now + Math.floor(this.#random() * this.#maxDelay), seq: this.#seq++, deliver });
  }

  #lost(): boolean {
    const lost = this.#random() < this.#drop;
    if (lost) this.dropped++;
    return lost;
  }

  #send(target: Transport, request: TransportRequest): Promise<TransportResponse> {
    return new Promise((resolve, reject) => {
      const unreachable = (what: string) => reject(new SyncError('unreachable', `the simulated network lost the ${what} of ${request.method} ${request.path}; retry`, { url: target.url }));
      const copies = this.#random() < this.#duplicate ? 2 : 1;
      if (copies === 2) this.duplicated++;
      for (let copy = 0; copy < copies; copy++) {
        const lostRequest = this.#lost();
        const lostResponse = this.#lost();
        this.#post(() => {
          if (lostRequest) {
            if (copy === 0) unreachable('request');
            return;
          }
          target.request(request).then(
            (response) => this.#post(() => (lostResponse ? unreachable('response') : resolve(response))),
            (error: unknown) => this.#post(() => reject(error)),
          );
        });
      }
    });
  }
}
