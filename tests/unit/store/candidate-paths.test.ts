/**
 * One candidate-gathering rule for every place the documents are indexed: the in-memory index of the dataset build
 * and the scanner (lib/resolver/document-index.ts), the background's document cache, and the IndexedDB index
 * records. On the whole committed dataset, every reference of the corpus and of each document's own names gets the
 * same candidates, and so the same resolution, from all three.
 */
import 'fake-indexeddb/auto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detector/detect';
import type { Reference } from '../../../lib/detector/types';
import type { Dataset, DocumentRecord } from '../../../lib/records/schema';
import { candidateLookups } from '../../../lib/resolver/candidate-keys';
import { createDocumentIndex } from '../../../lib/resolver/document-index';
import { resolveReference } from '../../../lib/resolver/resolve';
import { openStore, type VblDb } from '../../../lib/store/db';
import { DocumentCache } from '../../../lib/store/document-cache';
import { loadDataset } from '../../../lib/store/load-dataset';
import { candidatesFor } from '../../../lib/store/queries';
import type { ActiveMeta } from '../../../lib/store/stored-records';
import { freshDbName } from '../../helpers/dataset-fixture';

const ROOT = resolve(import.meta.dirname, '../../..');
const CORPUS = resolve(ROOT, '../shared/data/corpus/articles');

const dataset = JSON.parse(gunzipSync(readFileSync(join(ROOT, 'public/dataset/dataset.json.gz'))).toString('utf8')) as Dataset;

/** References as pages write them: every corpus article, and each document's code, short name and aliases. */
function references(): Reference[] {
  const refs: Reference[] = [];
  for (const name of readdirSync(CORPUS).sort()) refs.push(...detect(readFileSync(join(CORPUS, name), 'utf8')));
  for (const d of dataset.documents) {
    refs.push(...detect(`Theo ${d.typeName} số ${d.code} của ${d.issuer ?? 'cơ quan'}.`));
    refs.push(...detect(`Thực hiện ${d.typeName} số ${d.number}, các cấp đã triển khai.`));
    for (const alias of d.aliases) refs.push(...detect(`Triển khai ${alias} trong toàn tỉnh.`));
  }
  return refs;
}

const ids = (docs: readonly DocumentRecord[]) => docs.map((d) => d.id).sort();

let db: VblDb;
let active: ActiveMeta;
const refs = references();

beforeAll(async () => {
  db = await openStore(freshDbName());
  await loadDataset(db, dataset);
  active = (await db.get('meta', 'active')) as ActiveMeta;
});
afterAll(() => db.close());

describe('candidates are gathered by one rule, wherever the index is', () => {
  it('has the whole dataset and real references to check', () => {
    expect(dataset.documents.length).toBeGreaterThan(1000);
    expect(refs.length).toBeGreaterThan(5000);
    expect(refs.some((r) => !r.code)).toBe(true);
    expect(refs.some((r) => r.plenum !== undefined)).toBe(true);
  });

  it('Node index, document cache and IndexedDB give the same candidates and resolutions for every reference', async () => {
    const nodeIndex = createDocumentIndex(dataset.documents);
    const cache = new DocumentCache();
    for (const d of dataset.documents) cache.add(d);
    const fromDb = await candidatesFor(db, active.gen, active.buckets, refs.map(candidateLookups));
    let withCandidates = 0;
    const differences: string[] = [];
    refs.forEach((ref, i) => {
      const a = nodeIndex.candidatesFor(ref);
      const b = cache.candidates(ref);
      const c = fromDb[i]!;
      if (a.length) withCandidates++;
      if (JSON.stringify(ids(a)) !== JSON.stringify(ids(b)) || JSON.stringify(ids(a)) !== JSON.stringify(ids(c))) {
        differences.push(`${ref.raw}: node ${ids(a).join(',')} | cache ${ids(b).join(',')} | db ${ids(c).join(',')}`);
        return;
      }
      const ctx = { pageDate: '2024-06-30' };
      const ra = resolveReference(ref, a, ctx);
      if (JSON.stringify(resolveReference(ref, b, ctx)) !== JSON.stringify(ra) || JSON.stringify(resolveReference(ref, c, ctx)) !== JSON.stringify(ra)) {
        differences.push(`${ref.raw}: resolutions differ`);
      }
    });
    expect(differences.slice(0, 10)).toEqual([]);
    // Most references find candidates: the comparison is not between empty lists.
    expect(withCandidates / refs.length).toBeGreaterThan(0.5);
  });
});
