/**
 * One editing trace applied by each text implementation: a plain string,
 * Grove's rope, and the CRDT libraries json-joy, Yjs, Loro and Automerge.
 * Every patch is one edit (Automerge: one change per patch, as an editor
 * would). The traces used here hold no astral character, so the peers'
 * UTF-16 (or code point) positions equal the trace's code point positions.
 */
import * as Automerge from '@automerge/automerge';
import { Model } from 'json-joy/lib/json-crdt/index.js';
import { LoroDoc } from 'loro-crdt';
import { Rope } from '@grove/rope';
import type { Patch } from '@grove/rope/traces';
import * as Y from 'yjs';

export type TextPeer = 'string' | 'grove rope' | 'json-joy' | 'yjs' | 'loro' | 'automerge';

/** The text `start` with `patches` applied by `peer`. */
export function applyWith(peer: TextPeer, start: string, patches: readonly Patch[]): string {
  switch (peer) {
    case 'string': {
      let s = start;
      for (const [pos, del, ins] of patches) s = s.slice(0, pos) + ins + s.slice(pos + del);
      return s;
    }
    case 'grove rope': {
      let r = Rope.from(start);
      for (const [pos, del, ins] of patches) r = r.splice(pos, del, ins);
      return r.toString();
    }
    case 'json-joy': {
      const model = Model.create();
      model.api.root({ text: start });
      const str = model.api.str(['text']);
      for (const [pos, del, ins] of patches) {
        if (del > 0) str.del(pos, del);
        if (ins.length > 0) str.ins(pos, ins);
      }
      return str.view();
    }
    case 'yjs': {
      const text = new Y.Doc().getText('t');
      text.insert(0, start);
      for (const [pos, del, ins] of patches) {
        if (del > 0) text.delete(pos, del);
        if (ins.length > 0) text.insert(pos, ins);
      }
      return text.toString();
    }
    case 'loro': {
      const doc = new LoroDoc();
      const text = doc.getText('t');
      text.insert(0, start);
      for (const [pos, del, ins] of patches) {
        if (del > 0) text.delete(pos, del);
        if (ins.length > 0) text.insert(pos, ins);
      }
      return text.toString();
    }
    case 'automerge': {
      let doc = Automerge.from<{ text: string }>({ text: start });
      for (const [pos, del, ins] of patches) doc = Automerge.change(doc, (d) => Automerge.splice(d, ['text'], pos, del, ins));
      return doc.text;
    }
  }
}
