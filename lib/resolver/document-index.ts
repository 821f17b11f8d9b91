/**
 * In-memory candidate index over documents, keyed the way lookupKeys() asks (normalized code, alias keys,
 * number+type+issuer). Pure; used by the dataset build and the command-line scanner. The extension's background
 * keeps the same keys in IndexedDB instead.
 */
import type { Reference } from '../detector/types';
import type { DocumentRecord } from '../records/schema';
import { documentKeys, lookupKeys, resolveReference, type ResolveContext, type Resolution } from './resolve';

export interface DocumentIndex {
  /** Documents that may be what the reference names (before ranking). */
  candidatesFor(ref: Reference): DocumentRecord[];
  resolve(ref: Reference, ctx: ResolveContext): Resolution;
  byId(id: string): DocumentRecord | undefined;
}

export function createDocumentIndex(documents: readonly DocumentRecord[]): DocumentIndex {
  const byCode = new Map<string, DocumentRecord[]>();
  const byAlias = new Map<string, DocumentRecord[]>();
  const byNti = new Map<string, DocumentRecord[]>();
  const ids = new Map<string, DocumentRecord>();
  const add = (map: Map<string, DocumentRecord[]>, key: string, doc: DocumentRecord) => {
    const list = map.get(key);
    if (list) { if (!list.includes(doc)) list.push(doc); } else map.set(key, [doc]);
  };
  for (const doc of documents) {
    const keys = documentKeys(doc);
    ids.set(doc.id, doc);
    add(byCode, keys.code, doc);
    for (const a of keys.aliases) add(byAlias, a, doc);
    add(byNti, keys.numberTypeIssuer.join('|'), doc);
  }
  const candidatesFor = (ref: Reference): DocumentRecord[] => {
    const keys = lookupKeys(ref);
    const out: DocumentRecord[] = [];
    const push = (list: DocumentRecord[] | undefined) => { for (const d of list ?? []) if (!out.includes(d)) out.push(d); };
    for (const c of keys.codes) push(byCode.get(c));
    if (!ref.code) {
      for (const a of keys.aliases) push(byAlias.get(a));
      if (keys.numberTypeIssuer) push(byNti.get(keys.numberTypeIssuer.join('|')));
    }
    return out;
  };
  return {
    candidatesFor,
    resolve: (ref, ctx) => resolveReference(ref, candidatesFor(ref), ctx),
    byId: (id) => ids.get(id),
  };
}
