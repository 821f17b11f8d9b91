/**
 * Small datasets for store and lookup tests, written for the tests. The 35-CT/TW and 57-NQ/TW rows carry real
 * codes, dates and subjects; the TEST-issued documents and every article are invented test data.
 */
import { DATASET_SCHEMA, type ArticleRecord, type Dataset, type DocumentRecord, type MentionRecord } from '../../lib/records/schema';
import type { Reference } from '../../lib/detector/types';

const SRC = [{ url: 'https://fixture.invalid/source' }];

export function doc(partial: Partial<DocumentRecord> & Pick<DocumentRecord, 'id' | 'code'>): DocumentRecord {
  const [head, tail = ''] = partial.code.split('/');
  const [number = '', typeAbbr = ''] = (head ?? '').split('-');
  return {
    family: 'party',
    number,
    typeAbbr,
    typeName: typeAbbr === 'CT' ? 'Chỉ thị' : typeAbbr === 'NQ' ? 'Nghị quyết' : typeAbbr === 'KH' ? 'Kế hoạch' : 'Hướng dẫn',
    issuerAbbr: tail,
    aliases: [],
    relations: [],
    readings: [],
    sources: SRC,
    confidence: 'official',
    ...partial,
  };
}

export const DOCS: DocumentRecord[] = [
  doc({ id: '35-CT/TW@2014-05-26', code: '35-CT/TW', date: '2014-05-26', term: 'XI', issuer: 'Bộ Chính trị',
    title: 'Về tăng cường sự lãnh đạo của Đảng đối với công tác tiếp công dân và giải quyết khiếu nại, tố cáo' }),
  doc({ id: '35-CT/TW@2019-05-30', code: '35-CT/TW', date: '2019-05-30', term: 'XII', issuer: 'Bộ Chính trị',
    title: 'Về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng' }),
  doc({ id: '35-CT/TW@2024-06-14', code: '35-CT/TW', date: '2024-06-14', term: 'XIII', issuer: 'Bộ Chính trị',
    title: 'Về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng' }),
  doc({ id: '57-NQ/TW@2024-12-22', code: '57-NQ/TW', date: '2024-12-22', term: 'XIII', issuer: 'Bộ Chính trị',
    title: 'Về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
    aliases: ['Nghị quyết 57'] }),
  doc({ id: '17-KH/TW@2023-07-07', code: '17-KH/TW', date: '2023-07-07', term: 'XIII', issuer: 'Bộ Chính trị' }),
  // Invented documents for relations.
  doc({ id: '1-HD/TEST', code: '1-HD/TEST', date: '2020-01-01', title: 'Hướng dẫn thử nghiệm',
    relations: [{ kind: 'guides', target: '35-CT/TW@2019-05-30', sources: ['https://fixture.invalid/rel'] },
      { kind: 'implements', target: 'missing@1900', sources: [] }] }),
  doc({ id: '2-KH/TEST', code: '2-KH/TEST', date: '2020-02-01', title: 'Kế hoạch thử nghiệm',
    relations: [{ kind: 'implements', target: '1-HD/TEST', sources: [] }] }),
];

export const ARTICLES: ArticleRecord[] = [
  { id: 'a1', url: 'http://127.0.0.1/a1', outlet: 'Báo Thử', site: 'baothu.vn', title: 'Bài một', date: '2019-08-01' },
  { id: 'a2', url: 'http://127.0.0.1/a2', outlet: 'Báo Thử', site: 'baothu.vn', title: 'Bài hai', date: '2025-01-05' },
  { id: 'a3', url: 'http://127.0.0.1/a3', outlet: 'Báo Thử', site: 'baothu.vn', title: 'Bài ba', date: '2020-01-10' },
  { id: 'a4', url: 'http://127.0.0.1/a4', outlet: 'Báo Thử', site: 'baothu.vn', title: 'Bài bốn (không ngày)' },
];

function mention(articleId: string, documentId: string | undefined, code: string): MentionRecord {
  return { articleId, documentId, code, raw: code, start: 0, end: code.length, status: documentId ? 'resolved' : 'ambiguous' };
}

export const MENTIONS: MentionRecord[] = [
  mention('a1', '35-CT/TW@2019-05-30', '35-CT/TW'),
  mention('a1', '1-HD/TEST', '1-HD/TEST'),
  mention('a2', '57-NQ/TW@2024-12-22', '57-NQ/TW'),
  mention('a2', '35-CT/TW@2024-06-14', '35-CT/TW'),
  mention('a3', '35-CT/TW@2019-05-30', '35-CT/TW'),
  mention('a3', '35-CT/TW@2019-05-30', '35-CT/TW'),
  mention('a3', '57-NQ/TW@2024-12-22', '57-NQ/TW'),
  mention('a3', '1-HD/TEST', '1-HD/TEST'),
  mention('a4', '35-CT/TW@2019-05-30', '35-CT/TW'),
  mention('a4', '1-HD/TEST', '1-HD/TEST'),
  mention('a4', undefined, '35-CT/TW'),
];

/** The fixture dataset under a given version; `extra` documents are added (to tell versions apart). */
export function fixtureDataset(version: string, extra: DocumentRecord[] = []): Dataset {
  return {
    schema: DATASET_SCHEMA,
    version,
    documents: [...DOCS, ...extra],
    articles: ARTICLES,
    mentions: MENTIONS,
    sites: [],
    coCitations: [],
  } as Dataset;
}

/** A reference as the detector would give it for a full Party code. */
export function partyRef(code: string, more: Partial<Reference> = {}): Reference {
  const [head = '', issuer = ''] = code.split('/');
  const [number = '', type = ''] = head.split('-');
  return { raw: code, code, start: 0, end: code.length, family: 'party', number, type: { abbr: type }, issuer: { abbr: issuer }, inferred: false, ...more };
}

let counter = 0;
/** A database name no other test uses. */
export function freshDbName(): string {
  return `vbl-test-${Date.now()}-${counter++}`;
}
