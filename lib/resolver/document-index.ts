/**
 * In-memory candidate index over documents, keyed as candidate-keys.ts says (normalized code, alias keys,
 * number+type+issuer) and gathered by its one rule. Pure; used by the dataset build and the command-line scanner.
 * The extension's background keeps the same keys in IndexedDB and in its document cache (lib/store).
 */
import type { Reference } from '../detector/types';
import type { DocumentRecord } from '../records/schema';
import { documentKeys, gatherCandidates, ntiKey, type CandidateIndex } from './candidate-keys';
import { resolveReference, type ResolveContext, type Resolution } from './resolve';

export interface DocumentIndex {
  /** Documents that may be what the reference names (before ranking). */
  candidatesFor(ref: Reference): DocumentRecord[];
  resolve(ref: Reference, ctx: ResolveContext): Resolution;
  byId(id: string): DocumentRecord | undefined;
}

export function createDocumentIndex(documents: readonly DocumentRecord[]): DocumentIndex {
  const index: Record<CandidateIndex, Map<string, DocumentRecord[]>> = { code: new Map(), alias: new Map(), nti: new Map() };
  const ids = new Map<string, DocumentRecord>();
  const add = (map: Map<string, DocumentRecord[]>, key: string, doc: DocumentRecord) => {
    const list = map.get(key);
    if (list) { if (!list.includes(doc)) list.push(doc); } else map.set(key, [doc]);
  };
  for (const doc of documents) {
    const keys = documentKeys(doc);
    ids.set(doc.id, doc);
    add(index.code, keys.code, doc);
    for (const a of keys.aliases) add(index.alias, a, doc);
    add(index.nti, ntiKey(keys.numberTypeIssuer), doc);
  }
  const candidatesFor = (ref: Reference): DocumentRecord[] => gatherCandidates(ref, (kind, key) => index[kind].get(key));
  return {
    candidatesFor,
    resolve: (ref, ctx) => resolveReference(ref, candidatesFor(ref), ctx),
    byId: (id) => ids.get(id),
  };
}
