import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset, type BuildOptions } from '../../../scripts/lib/dataset-build';
import { decodeDataset, encodeDataset } from '../../../lib/dataset/bundle';
import type { MentionRecord } from '../../../lib/records/schema';
import { reasonText } from '../../../lib/resolver/reason-text';

const fixtures = join(import.meta.dirname, '../../fixtures/dataset');
const opts: BuildOptions = { dataDir: join(fixtures, 'data'), corpusDir: join(fixtures, 'corpus'), seedsDir: join(fixtures, 'seeds') };
const built = buildDataset(opts);
const ds = built.dataset!;
const mention = (articleId: string, raw: string): MentionRecord => {
  const m = ds.mentions.find((x) => x.articleId === articleId && x.raw === raw);
  if (!m) throw new Error(`no mention ${raw} in ${articleId}`);
  return m;
};

describe('dataset build over the fixture corpus', () => {
  it('builds without errors, with articles from the corpus and the seeds', () => {
    expect(built.errors).toEqual([]);
    expect(ds.articles.map((a) => a.id)).toEqual(['fx-1', 'fx-2', 'fx-3', 'old-4', 'seed-000']);
    expect(ds.articles[0]).toMatchObject({ url: 'https://baohatay.vn/a/1', site: 'baohatay.vn', date: '2022-04-02', origin: 'fixture/repo@000000000000:articles/fx-1.txt' });
  });

  it.each([
    ['fx-1', '35-CT/TW', 'resolved', '35-CT/TW@2019-05-30', 'date 2019-05-30 matches'],
    ['fx-2', '35-CT/TW', 'resolved', '35-CT/TW@2014-05-26', 'only candidate dated before page date 2016-03-01'],
    // Dated only by a bound, three years after the 2014 directive and of another term: offered, not chosen.
    ['old-4', '35-CT/TW', 'ambiguous', undefined, undefined],
    ['fx-3', '35-CT/TW', 'ambiguous', undefined, undefined],
    ['fx-1', '07-NQ/TU', 'resolved', '07-NQ/TU@2021-03-01', 'place Hà Tây (site)'],
    ['fx-3', '07-NQ/TU', 'needs-place', undefined, undefined],
    ['fx-3', '100/2019/NĐ-CP', 'resolved', '100/2019/NĐ-CP@2019-12-30', 'only known document with this code'],
    ['seed-000', 'Nghị quyết Trung ương 7 (khóa XII)', 'resolved', '26-NQ/TW@khóa-XII', 'term XII'],
  ])('%s: %s → %s %s', (articleId, raw, status, documentId, reason) => {
    const m = mention(articleId, raw);
    expect(m.status).toBe(status);
    expect(m.documentId).toBe(documentId);
    if (reason) expect((m.reasons ?? []).map(reasonText)).toContain(reason);
    if (status === 'ambiguous') expect(m.candidates).toEqual(articleId === 'old-4' ? ['35-CT/TW@2014-05-26'] : ['35-CT/TW@2024-06-14', '35-CT/TW@2019-05-30', '35-CT/TW@2014-05-26']);
    if (status === 'needs-place') expect(m.candidates).toBeUndefined();
  });

  it('records what the sentence states on each mention', () => {
    expect(mention('fx-1', '35-CT/TW')).toMatchObject({ date: '2019-05-30', issuerName: 'Bộ Chính trị', code: '35-CT/TW' });
    expect(mention('old-4', '999-KH/TW')).toMatchObject({ term: 'XII', issuerName: 'Ban Bí thư' });
  });

  it('creates clearly marked known-from-news records with only the sentence facts and the citing articles as sources', () => {
    const news = ds.documents.filter((d) => d.knownFromNews);
    expect(news.map((d) => d.id)).toEqual(['12-NQ/TU@Hà Tây~news', '999-KH/TW@khóa-XII~news', '999/QĐ-TTg@2016-01-05~news']);
    const qd = news.find((d) => d.code === '999/QĐ-TTg')!;
    expect(qd).toMatchObject({ confidence: 'news-only', date: '2016-01-05', issuer: 'Thủ tướng Chính phủ', family: 'state', sources: [{ url: 'https://baotoanquoc.vn/a/2' }] });
    expect(qd.note).toMatch(/known from news/);
    expect(news.find((d) => d.code === '12-NQ/TU')).toMatchObject({ place: 'Hà Tây', issuerAbbr: 'TU' });
    expect(mention('fx-2', '999/QĐ-TTg').documentId).toBe('999/QĐ-TTg@2016-01-05~news');
  });

  it('gives no news record to a local code read without a place', () => {
    expect(ds.documents.some((d) => d.code === '07-NQ/TU' && d.knownFromNews)).toBe(false);
  });

  it('keeps the sourced facts: lead-only rows stay news-only, readings and relations carry their sources', () => {
    expect(ds.documents.find((d) => d.id === '24-QĐ/TW@2021-07-30')).toMatchObject({ confidence: 'news-only', lead: 'lead: one unverified register listing' });
    expect(ds.documents.find((d) => d.id === '100/2019/NĐ-CP@2019-12-30')?.readings).toEqual([{ field: 'date', value: '2019-12-31', sources: ['https://example.org/fixture/100-other'] }]);
    expect(ds.documents.find((d) => d.id === '35-CT/TW@2024-06-14')?.relations).toEqual([{ kind: 'replaces', target: '35-CT/TW@2019-05-30', sources: ['https://tulieuvankien.dangcongsan.vn/fixture/35-2024', 'https://example.org/fixture/35-2024'] }]);
  });

  it('derives co-citations from resolved mentions of one article', () => {
    expect(ds.coCitations).toContainEqual({ a: '07-NQ/TU@2021-03-01', b: '12-NQ/TU@Hà Tây~news', articles: 1 });
    expect(ds.coCitations).toContainEqual({ a: '07-NQ/TU@2021-03-01', b: '26-NQ/TW@khóa-XII', articles: 1 });
  });

  it('writes a report with the counts and the ambiguous and unplaced mentions', () => {
    expect(built.report).toMatch(/Documents: \*\*10\*\*/);
    expect(built.report).toMatch(/Articles: \*\*5\*\*/);
    expect(built.report).toMatch(/Ambiguous: \*\*2\*\*/);
    expect(built.report).toMatch(/fx-3 @\d+ "35-CT\/TW" → 35-CT\/TW@2024-06-14/);
    expect(built.report).toMatch(/fx-3 @\d+ "07-NQ\/TU"/);
  });

  it('is deterministic: building twice gives the same bytes, and they decode to the dataset', () => {
    const again = buildDataset(opts);
    const a = encodeDataset(ds);
    const b = encodeDataset(again.dataset!);
    expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
    expect(again.report).toBe(built.report);
    expect(a.manifest.version).toMatch(/^[0-9a-f]{16}$/);
    expect(decodeDataset(a.bytes, a.manifest.encoding)).toEqual(ds);
  });

  it('changes the version when a source changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vbl-data-'));
    cpSync(opts.dataDir, dir, { recursive: true });
    const tsv = readFileSync(join(dir, 'documents.tsv'), 'utf8').replace('về phát triển nông nghiệp', 'về phát triển nông nghiệp bền vững');
    writeFileSync(join(dir, 'documents.tsv'), tsv);
    expect(buildDataset({ ...opts, dataDir: dir }).dataset!.version).not.toBe(ds.version);
  });

  it.each([
    ['documents.tsv', (t: string) => t.replace('2019-05-30\tXII', '2019-05-32\tXII'), /^data\/documents\.tsv:3: date "2019-05-32"/],
    ['documents.tsv', (t: string) => t.replaceAll('https://tulieuvankien.dangcongsan.vn/fixture/35-2024|checked:35-CT/TW,2024-06-14 ; ', '').replace('https://tulieuvankien.dangcongsan.vn/fixture/35-2024', ''), /^data\/documents\.tsv:4: confidence official needs an address on an official portal/],
    ['documents.tsv', (t: string) => t.replace('\tCP\tChính phủ\t', '\tCP\tThủ tướng Chính phủ\t'), /^data\/documents\.tsv:7: issuer "Thủ tướng Chính phủ" is not Chính phủ/],
    ['sites.tsv', (t: string) => t.replace('baohatay.vn', 'Báo Hà Tây'), /^data\/sites\.tsv:2: /],
    ['seeds.tsv', (t: string) => t.replace('2022-05-10', '10/5/2022'), /^data\/seeds\.tsv:2: date "10\/5\/2022"/],
    ['corpus-dates.tsv', (t: string) => t.replace('2017-12-31', '2017'), /^data\/corpus-dates\.tsv:2: not_after/],
  ])('fails on a bad row in %s with file:line and the reason', (file, edit, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'vbl-data-'));
    cpSync(opts.dataDir, dir, { recursive: true });
    writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
    const r = buildDataset({ ...opts, dataDir: dir });
    expect(r.dataset).toBeUndefined();
    expect(r.errors[0]).toMatch(message);
  });

  it('fails on a corpus index row naming a missing article', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vbl-corpus-'));
    cpSync(opts.corpusDir, dir, { recursive: true });
    writeFileSync(join(dir, 'index.tsv'), readFileSync(join(dir, 'index.tsv'), 'utf8').replace('articles/fx-3.txt\t', 'articles/fx-9.txt\t'));
    const r = buildDataset({ ...opts, corpusDir: dir });
    expect(r.errors).toEqual([`${dir.split('/').at(-1)}/index.tsv:4: articles/fx-9.txt not found`]);
  });
});
