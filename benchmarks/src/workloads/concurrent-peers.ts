/**
 * A concurrent trace replayed by CRDT peers the way their users sync: one
 * document per author; before each transaction the author receives, as
 * update messages, the other authors' transactions that the transaction's
 * parents include (each message once, in order), then applies its patches
 * and records the update it made. Relies on each author's transactions
 * forming one chain, true of the traces shipped with the rope. Replica ids
 * are fixed (author + 1), so ties between concurrent edits break the same
 * way in every run.
 */
import * as Automerge from '@automerge/automerge';
import { LoroDoc } from 'loro-crdt';
import type { ConcurrentTrace, Patch } from '@grove/rope/traces';
import * as Y from 'yjs';

export type SyncPeer = 'yjs' | 'loro' | 'automerge';

/** The origin of updates a replica receives, so it does not send them on. */
const REMOTE = Symbol('remote');

/** A document of one author: apply patches and emit an update; receive others' updates. */
interface Replica {
  edit(patches: readonly Patch[]): Uint8Array;
  /** Applies the updates of another replica, in order, as one sync message. */
  receive(updates: readonly Uint8Array[]): void;
  text(): string;
}

function replica(peer: SyncPeer, agent: number, shared: Uint8Array): Replica {
  switch (peer) {
    case 'yjs': {
      const doc = new Y.Doc();
      doc.clientID = agent + 1;
      const text = doc.getText('t');
      let made: Uint8Array = new Uint8Array();
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== REMOTE) made = update;
      });
      return {
        edit(patches) {
          doc.transact(() => {
            for (const [pos, del, ins] of patches) {
              if (del > 0) text.delete(pos, del);
              if (ins.length > 0) text.insert(pos, ins);
            }
          });
          return made;
        },
        receive: (updates) => Y.applyUpdate(doc, Y.mergeUpdates(updates as Uint8Array[]), REMOTE),
        text: () => text.toString(),
      };
    }
    case 'loro': {
      const doc = new LoroDoc();
      doc.setPeerId(BigInt(agent + 1));
      const text = doc.getText('t');
      let made: Uint8Array = new Uint8Array();
      doc.subscribeLocalUpdates((update) => {
        made = update;
      });
      return {
        edit(patches) {
          for (const [pos, del, ins] of patches) {
            if (del > 0) text.delete(pos, del);
            if (ins.length > 0) text.insert(pos, ins);
          }
          doc.commit();
          return made;
        },
        receive: (updates) => void doc.importBatch(updates as Uint8Array[]),
        text: () => text.toString(),
      };
    }
    case 'automerge': {
      let doc = Automerge.load<{ text: string }>(shared, { actor: (agent + 1).toString(16).padStart(32, '0') });
      return {
        edit(patches) {
          doc = Automerge.change(doc, (d) => {
            for (const [pos, del, ins] of patches) Automerge.splice(d, ['text'], pos, del, ins);
          });
          return Automerge.getLastLocalChange(doc)!;
        },
        receive(updates) {
          [doc] = Automerge.applyChanges(doc, updates as Uint8Array[]);
        },
        text: () => doc.text,
      };
    }
  }
}

/** The final text of `trace` replayed by `peer` with sync messages. */
export function replayWithSync(peer: SyncPeer, trace: ConcurrentTrace): string {
  const agents = trace.numAgents;
  const shared = Automerge.save(Automerge.from<{ text: string }>({ text: '' }));
  const replicas = Array.from({ length: agents }, (_, a) => replica(peer, a, shared));
  const updates: Uint8Array[] = [];
  /** For each transaction: the latest transaction of each author it includes. */
  const seen: number[][] = [];
  /** Each author's transactions, and for each replica how many of each author's it has received. */
  const byAgent = Array.from({ length: agents }, () => [] as number[]);
  const received = replicas.map(() => new Array<number>(agents).fill(0));
  for (const [i, txn] of trace.txns.entries()) {
    const vector = new Array<number>(agents).fill(-1);
    for (const p of txn.parents) for (let a = 0; a < agents; a++) vector[a] = Math.max(vector[a]!, seen[p]![a]!);
    const me = txn.agent;
    for (let a = 0; a < agents; a++) {
      const from = byAgent[a]!;
      const got = received[me]!;
      const message: Uint8Array[] = [];
      if (a !== me) for (; got[a]! < from.length && from[got[a]!]! <= vector[a]!; got[a]!++) message.push(updates[from[got[a]!]!]!);
      if (message.length > 0) replicas[me]!.receive(message);
    }
    updates[i] = replicas[me]!.edit(txn.patches);
    vector[me] = i;
    seen[i] = vector;
    byAgent[me]!.push(i);
  }
  return replicas[trace.txns.at(-1)!.agent]!.text();
}
