/**
 * A bookmark or a saved reference made today opens the same record after a dataset update: document ids come from
 * what a document is (code, then its date or term; "~news" for known-from-news records, keyed by what citing
 * sentences state), never from row order. The fixture data is rebuilt with one more document, written first so
 * every row moves, and a document of the same code (a reused Party number); each old id must open the same record,
 * in the built dataset and through the store after the update is loaded.
 */
import 'fake-indexeddb/auto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDataset, type BuildOptions } from '../../../scripts/lib/dataset-build';
import { LookupService } from '../../../lib/lookup/service';
import type { Dataset } from '../../../lib/records/schema';
import { freshDbName } from '../../helpers/dataset-fixture';

const fixtures = join(import.meta.dirname, '../../fixtures/dataset');
const opts: BuildOptions = { dataDir: join(fixtures, 'data'), corpusDir: join(fixtures, 'corpus'), seedsDir: join(fixtures, 'seeds') };
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The fixture data with one more row (an invented 35-CT/TW of an earlier term) before every other row. */
function withOneMore(): BuildOptions {
  const dir = mkdtempSync(join(tmpdir(), 'vbl-stable-'));
  dirs.push(dir);
  cpSync(opts.dataDir, dir, { recursive: true });
  const [header, ...rows] = readFileSync(join(dir, 'documents.tsv'), 'utf8').split('\n');
  const cols = header!.split('\t');
  const row: Record<string, string> = {
    id: '35-CT/TW@2009-03-02', code: '35-CT/TW', family: 'party', type_abbr: 'CT', type_name: 'Chỉ thị', number: '35', issuer_abbr: 'TW',
    issuer: 'Ban Bí thư', date: '2009-03-02', term: 'X', title: 'về một việc thử nghiệm', sources: 'https://example.org/fixture/35-2009', confidence: 'secondary',
  };
  writeFileSync(join(dir, 'documents.tsv'), [header, cols.map((c) => row[c] ?? '').join('\t'), ...rows].join('\n'));
  return { ...opts, dataDir: dir };
}

describe('document ids across dataset versions', () => {
  const before = buildDataset(opts).dataset!;
  const after = buildDataset(withOneMore()).dataset!;

  it('the rebuilt dataset has the new document, and every old id names the same record', () => {
    expect(after.version).not.toBe(before.version);
    expect(after.documents.length).toBe(before.documents.length + 1);
    expect(after.documents.map((d) => d.id)).toContain('35-CT/TW@2009-03-02');
    // Sourced records and known-from-news records alike.
    expect(before.documents.some((d) => d.knownFromNews)).toBe(true);
    const byId = new Map(after.documents.map((d) => [d.id, d]));
    for (const doc of before.documents) expect(byId.get(doc.id), doc.id).toEqual(doc);
  });

  it('every old id opens the same record through the store after the update is loaded', async () => {
    let source: Dataset = before;
    const service = new LookupService({ source: async () => source, extVersion: '1.0.0', dbName: freshDbName() });
    await service.ensureDataset();
    const ids = before.documents.map((d) => d.id);
    const opened = await Promise.all(ids.map((id) => service.handle({ op: 'document', id })));
    source = after;
    await service.ensureDataset(true); // an update: the new bundled dataset is loaded
    expect((await service.status()).version).toBe(after.version);
    expect(await Promise.all(ids.map((id) => service.handle({ op: 'document', id })))).toEqual(opened);
    // The new document shares the code: the ?code= list has it, and the old ones are still there.
    const byCode = (await service.handle({ op: 'byCode', code: '35-CT/TW' })).map((d) => d.id);
    expect(byCode).toEqual(['35-CT/TW@2009-03-02', '35-CT/TW@2014-05-26', '35-CT/TW@2019-05-30', '35-CT/TW@2024-06-14']);
    await service.close();
  });
});
