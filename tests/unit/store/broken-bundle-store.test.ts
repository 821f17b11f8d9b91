/**
 * A broken bundle never changes stored data (fast-check over where and how the new bundle is broken): with v1
 * loaded, an update whose bundle is cut or has a byte changed fails its check before anything is written; the
 * store keeps v1 answering the same documents and says what failed. With nothing loaded, lookups say the data is
 * unreadable, with the kind.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeDataset } from '../../../lib/dataset/bundle';
import { DatasetStore, DatasetUnreadableError } from '../../../lib/store/dataset-store';
import { verifyBundle } from '../../../lib/store/dataset-integrity';
import { doc, fixtureDataset, freshDbName } from '../../helpers/dataset-fixture';

const v1 = fixtureDataset('v1');
const v2 = fixtureDataset('v2', [doc({ id: '99-CT/TW@2025-01-02', code: '99-CT/TW', date: '2025-01-02', title: 'Một văn bản mới' })]);
const bundle2 = encodeDataset(v2);

/** The bundle broken at `at`: cut there, or that byte changed. */
function broken(at: number, cut: boolean, xor: number): Uint8Array {
  const i = at % bundle2.bytes.length;
  if (cut) return bundle2.bytes.slice(0, i);
  const b = bundle2.bytes.slice();
  b[i] = b[i]! ^ xor;
  return b;
}

describe('a broken bundle and the store', () => {
  it('never changes the stored dataset: v1 keeps answering, the status names what failed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.boolean(), fc.integer({ min: 1, max: 255 }), async (at, cut, xor) => {
        const dbName = freshDbName();
        const first = new DatasetStore({ source: async () => v1, extVersion: '1.0.0', dbName });
        await first.ensureLoaded();
        await first.close();

        const bytes = broken(at, cut, xor);
        const store = new DatasetStore({ source: () => verifyBundle(bundle2.manifest, bytes), extVersion: '1.1.0', dbName });
        await expect(store.ensureLoaded(true)).rejects.toThrow();
        const status = await store.status();
        expect(status).toMatchObject({ ready: true, version: 'v1', documents: v1.documents.length });
        expect(['truncated', 'hash-mismatch', 'not-gzip']).toContain(status.problem);
        expect(await store.document('99-CT/TW@2025-01-02')).toBeUndefined();
        expect((await store.document(v1.documents[0]!.id))?.title).toBe(v1.documents[0]!.title);
        await store.close();
      }),
      { numRuns: 25 },
    );
  });

  it('with nothing loaded, a lookup fails at once as unreadable with the kind', async () => {
    const store = new DatasetStore({ source: () => verifyBundle(bundle2.manifest, broken(1000, true, 0)), dbName: freshDbName() });
    await expect(store.ensureLoaded()).rejects.toThrow();
    const error = await store.document('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetUnreadableError);
    expect(error).toMatchObject({ kind: 'truncated', message: expect.stringMatching(/^The bundled dataset can't be read: the data file dataset\.json\.gz is truncated: 1,000 of [\d,]+ bytes\.$/) });
    await store.close();
  });
});
