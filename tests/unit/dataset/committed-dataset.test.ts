import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeDataset, type DatasetManifest } from '../../../lib/dataset/bundle';
import { buildDataset } from '../../../scripts/lib/dataset-build';
import { loadDataset, resolveAll } from '../../../scripts/lib/load-dataset';
import { detect } from '../../../lib/detector/detect';

const repo = join(import.meta.dirname, '../../..');
const corpus = join(repo, '../shared/data/corpus');
/** The raw corpus lives beside the clone (../shared, as in CI): these checks run always, and fail without it. */

describe('the committed dataset (public/dataset/)', () => {
  const dataset = loadDataset();
  const manifest = JSON.parse(readFileSync(join(repo, 'public/dataset/manifest.json'), 'utf8')) as DatasetManifest;

  it('loads through its manifest, with matching version and counts', () => {
    expect(dataset.version).toBe(manifest.version);
    expect(manifest.counts.documents).toBe(dataset.documents.length);
    expect(manifest.counts.mentions).toBe(dataset.mentions.length);
    expect(new Set(dataset.documents.map((d) => d.id)).size).toBe(dataset.documents.length);
  });

  it('every mention points at an article, and resolved ones at a document', () => {
    const articles = new Set(dataset.articles.map((a) => a.id));
    const docs = new Set(dataset.documents.map((d) => d.id));
    for (const m of dataset.mentions) {
      expect(articles.has(m.articleId)).toBe(true);
      if (m.status === 'resolved') expect(docs.has(m.documentId!)).toBe(true);
      for (const c of m.candidates ?? []) expect(docs.has(c)).toBe(true);
    }
  });

  it('resolveAll resolves a page the way the build does', () => {
    const text = 'Thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị về đại hội đảng bộ các cấp; Nghị quyết số 09-NQ/TU của Tỉnh ủy.';
    const refs = detect(text);
    const [ct, tu] = resolveAll(refs, dataset, { pageDate: '2020-02-05', site: 'baonamdinh.vn' });
    expect(ct?.status).toBe('resolved');
    expect(ct?.candidates[0]?.id).toBe('35-CT/TW@2019-05-30');
    expect(tu?.place).toEqual({ name: 'Nam Định', from: 'site' });
    const [, noPlace] = resolveAll(refs, dataset, { pageDate: '2020-02-05' });
    expect(noPlace?.status).toBe('needs-place');
  });

  it('is what npm run dataset rebuilds, byte for byte', () => {
    const built = buildDataset({ dataDir: join(repo, 'data'), corpusDir: corpus, seedsDir: join(repo, '../shared/seeds') });
    expect(built.errors).toEqual([]);
    const { bytes, manifest: m } = encodeDataset(built.dataset!);
    expect(m.version).toBe(manifest.version);
    expect(m).toEqual(manifest);
    expect(Buffer.from(bytes).equals(readFileSync(join(repo, 'public/dataset', manifest.file)))).toBe(true);
    expect(built.report).toBe(readFileSync(join(repo, 'data/build-report.md'), 'utf8'));
  });
});
