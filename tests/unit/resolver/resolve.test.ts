import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reasonText } from '../../../lib/resolver/reason-text';
import type { Reference } from '../../../lib/detector/types';
import type { DocumentRecord } from '../../../lib/records/schema';
import { parseDocuments } from '../../../lib/dataset/documents-file';
import { codeKey } from '../../../lib/keys/code-key';
import { createDocumentIndex } from '../../../lib/resolver/document-index';
import { resolveReference } from '../../../lib/resolver/resolve';
import { documentKeys, lookupKeys } from '../../../lib/resolver/candidate-keys';
import { termForDate } from '../../../lib/keys/party-terms';

const repo = join(import.meta.dirname, '../../..');
const { documents, errors } = parseDocuments(readFileSync(join(repo, 'data/documents.tsv'), 'utf8'));
const index = createDocumentIndex(documents);

function ref(partial: Partial<Reference> & { code?: string }): Reference {
  const code = partial.code;
  const party = code ? /^\d+-/.test(code) : true;
  const m = code ? /^(\d+)-([^/]+)\/(.+)$/.exec(code) : null;
  return {
    raw: partial.raw ?? code ?? '', start: 0, end: (partial.raw ?? code ?? '').length,
    family: party ? 'party' : 'state', inferred: false,
    number: m ? String(Number(m[1])) : undefined,
    type: { abbr: m?.[2] }, issuer: { abbr: m?.[3] },
    ...partial,
  } as Reference;
}

function doc(partial: Partial<DocumentRecord> & { id: string; code: string }): DocumentRecord {
  const m = /^(\d+)-([^/]+)\/(.+)$/.exec(partial.code);
  return {
    family: 'party', number: m ? String(Number(m[1])) : '1', typeAbbr: m?.[2] ?? '', typeName: 'Chỉ thị', issuerAbbr: m?.[3] ?? '',
    aliases: [], relations: [], readings: [], sources: [{ url: 'https://example.org/x' }], confidence: 'secondary', ...partial,
  };
}

const reused = [...documents.reduce((map, d) => map.set(codeKey(d.code), [...(map.get(codeKey(d.code)) ?? []), d]), new Map<string, DocumentRecord[]>())]
  .filter(([, docs]) => docs.length > 1 && docs.every((d) => !d.place));

describe('the committed documents table', () => {
  it('validates without errors', () => expect(errors).toEqual([]));
  it('holds the 93 reused codes of the sources (12-KL/TW@2022-04-06 held back; codes that gained a second document when sourced by hand on 2026-12-05 are listed in data/import-log.md)', () => expect(reused.length).toBe(93));
});

// Every document of every reused code, with the fact that should single it out.
const byDate = reused.flatMap(([, docs]) => docs.filter((d) => d.date?.length === 10 && docs.filter((o) => o.date === d.date).length === 1).map((d) => [d.code, d.date as string, d.id] as const));
const byYear = reused.flatMap(([, docs]) => docs.filter((d) => d.date && docs.filter((o) => o.date?.slice(0, 4) === d.date!.slice(0, 4)).length === 1).map((d) => [d.code, d.date!.slice(0, 4), d.id] as const));
const byTerm = reused.flatMap(([, docs]) => docs.filter((d) => d.term && docs.filter((o) => o.term === d.term).length === 1).map((d) => [d.code, d.term as string, d.id] as const));
// Page date: the day before the next document with the code (or a year after the last one) names this one.
const byPageDate = reused.flatMap(([, docs]) => {
  const dated = docs.filter((d) => d.date?.length === 10).sort((a, b) => a.date!.localeCompare(b.date!));
  if (dated.length !== docs.length) return [];
  return dated.map((d, i) => {
    const next = dated[i + 1];
    const page = next ? new Date(Date.parse(next.date!) - 86_400_000).toISOString().slice(0, 10) : `${Number(d.date!.slice(0, 4)) + 1}-12-31`;
    return [d.code, page, d.id] as const;
  }).filter(([, page], i) => page >= dated[i]!.date!);
});

describe('reused codes resolve by the sentence date', () => {
  it.each(byDate)('%s dated %s → %s', (code, date, id) => {
    const res = index.resolve(ref({ code, date }), {});
    expect(res.status).toBe('resolved');
    expect(res.candidates[0]?.id).toBe(id);
    expect(res.candidates[0]?.reasons.map(reasonText)).toContain(`date ${date} matches`);
  });
  it('covers every reused code with a full date', () => expect(new Set(byDate.map(([c]) => c)).size).toBeGreaterThanOrEqual(30));
});

describe('reused codes resolve by the year the sentence gives', () => {
  it.each(byYear)('%s of %s → %s', (code, year, id) => {
    const res = index.resolve(ref({ code, date: year }), {});
    expect(res.status).toBe('resolved');
    expect(res.candidates[0]?.id).toBe(id);
  });
});

describe('reused codes resolve by the term (khóa)', () => {
  it.each(byTerm)('%s khóa %s → %s', (code, term, id) => {
    const res = index.resolve(ref({ code, term }), {});
    expect(res.status).toBe('resolved');
    expect(res.candidates[0]?.id).toBe(id);
    expect(res.candidates[0]?.reasons.map(reasonText)).toContain(`term ${term}`);
  });
});

describe('reused codes resolve by the page date: the latest document dated before it', () => {
  // The page date picks the latest document before it when nothing in the sentence speaks for any: only one of
  // the page's own term (or of the last two years); an older one may be another term's document the dataset lacks,
  // so it is offered among the candidates, never chosen.
  const recent = (pageDate: string, id: string) => {
    const d = documents.find((x) => x.id === id)!;
    return termForDate(pageDate) === (d.term ?? termForDate(d.date)) || Number(pageDate.slice(0, 4)) - Number(d.date!.slice(0, 4)) <= 2;
  };
  it.each(byPageDate.filter(([, page, id]) => recent(page, id)))('%s on a page of %s → %s', (code, pageDate, id) => {
    const res = index.resolve(ref({ code }), { pageDate });
    expect(res).toMatchObject({ status: 'resolved', answer: 'best-fit' });
    expect(res.candidates[0]?.id).toBe(id);
    expect(res.candidates[0]?.reasons.map(reasonText).join(' ')).toMatch(/before page date/);
  });
  it.each(byPageDate.filter(([, page, id]) => !recent(page, id)))('%s on a page of %s: %s is offered, not chosen', (code, pageDate, id) => {
    const res = index.resolve(ref({ code }), { pageDate });
    expect(res).toMatchObject({ status: 'ambiguous', answer: 'several' });
    expect(res.candidates.map((c) => c.id)).toContain(id);
  });
  it('covers most reused codes', () => expect(new Set(byPageDate.map(([c]) => c)).size).toBeGreaterThanOrEqual(25));
});

describe('reused codes without context stay ambiguous, never a silent guess', () => {
  it.each(reused.map(([, docs]) => [docs[0]!.code, docs.length] as const))('%s (%i documents)', (code, n) => {
    const res = index.resolve(ref({ code }), {});
    expect(res.status).toBe('ambiguous');
    expect(res.candidates.length).toBe(n);
    expect(res.candidates.every((c) => c.reasons.map(reasonText).includes('exact code'))).toBe(true);
  });
});

describe('35-CT/TW: the three directives', () => {
  it.each([
    [{ subject: 'về tăng cường sự lãnh đạo của Đảng đối với công tác tiếp công dân và giải quyết khiếu nại, tố cáo' }, {}, '35-CT/TW@2014-05-26'],
    [{ subject: 'về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng' }, {}, '35-CT/TW@2019-05-30'],
    [{ subject: 'về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng' }, {}, '35-CT/TW@2024-06-14'],
    [{ date: '2019-05-30' }, {}, '35-CT/TW@2019-05-30'],
    [{ term: 'XIII' }, {}, '35-CT/TW@2024-06-14'],
    [{}, { pageDate: '2020-02-05' }, '35-CT/TW@2019-05-30'],
    [{}, { pageDate: '2016-12-31' }, '35-CT/TW@2014-05-26'],
    [{}, { pageDate: '2025-01-01' }, '35-CT/TW@2024-06-14'],
  ] as const)('%o %o → %s', (facts, ctx, id) => {
    const res = index.resolve(ref({ code: '35-CT/TW', ...facts }), ctx);
    expect(res.status).toBe('resolved');
    expect(res.candidates[0]?.id).toBe(id);
  });
  it('a page dated before every known document cites none of them: unresolved', () => {
    const res = index.resolve(ref({ code: '35-CT/TW' }), { pageDate: '2010-01-01' });
    expect(res).toMatchObject({ status: 'unresolved', answer: 'not-in-dataset', candidates: [] });
    // The card can say why: each directive is dated after the page.
    expect(res.ruledOut!.map((r) => [r.id, r.because.map((b) => b.kind)])).toEqual([
      ['35-CT/TW@2014-05-26', ['afterPageDate']], ['35-CT/TW@2019-05-30', ['afterPageDate']], ['35-CT/TW@2024-06-14', ['afterPageDate']],
    ].sort());
  });
  it('a year-only page date keeps documents of that year', () => {
    const res = index.resolve(ref({ code: '35-CT/TW' }), { pageDate: '2019' });
    expect(res.status).toBe('ambiguous');
    expect(res.candidates.map((c) => c.id)).toEqual(['35-CT/TW@2019-05-30', '35-CT/TW@2014-05-26']);
  });
  it('a stated date no document has is unresolved, not forced onto one', () => {
    const res = index.resolve(ref({ code: '35-CT/TW', date: '2030-01-01' }), {});
    expect(res).toMatchObject({ status: 'unresolved', answer: 'not-in-dataset', candidates: [] });
    expect(res.ruledOut!.every((r) => r.because.some((b) => b.kind === 'dateDiffers' && b.stated === '2030-01-01'))).toBe(true);
  });
  it('a subject wins over the page date', () => {
    const res = index.resolve(ref({ code: '35-CT/TW', subject: 'về tăng cường sự lãnh đạo của Đảng đối với công tác tiếp công dân' }), { pageDate: '2020-02-05' });
    expect(res.candidates[0]?.id).toBe('35-CT/TW@2014-05-26');
  });
});

describe('undated documents known by their term', () => {
  it.each([
    ['2017', '01-CT/TW@khóa-XII', 'year 2017 falls in khóa XII'],
    ['2017-03-22', '01-CT/TW@khóa-XII', 'date 2017-03-22 falls in khóa XII'],
    ['2021-03-09', '01-CT/TW@2021-03-09', 'date 2021-03-09 matches'],
  ])('01-CT/TW of %s → %s', (date, id, reason) => {
    const res = index.resolve(ref({ code: '01-CT/TW', date }), {});
    expect(res.status).toBe('resolved');
    expect(res.candidates[0]?.id).toBe(id);
    expect(res.candidates[0]?.reasons.map(reasonText)).toContain(reason);
  });
});

describe('45-CT/TW: four directives', () => {
  it.each([
    ['2011-01-01', '45-CT/TW@2010-07-22'],
    ['2016-01-01', '45-CT/TW@2015-05-19'],
    ['2021-01-01', '45-CT/TW@2020-06-20'],
    ['2025-06-01', '45-CT/TW@2025-04-14'],
  ])('page %s → %s', (pageDate, id) => expect(index.resolve(ref({ code: '45-CT/TW' }), { pageDate }).candidates[0]?.id).toBe(id));
});

describe('inferred references: plenum names, bare numbers, shorthand', () => {
  it('a plenum with its term lists the resolutions of that plenum and none other', () => {
    const res = index.resolve(ref({ raw: 'Nghị quyết Trung ương 7 (khóa XII)', code: undefined, plenum: 7, term: 'XII', inferred: true, type: { abbr: 'NQ' }, issuer: { abbr: 'TW' } }), { pageDate: '2020-02-05' });
    expect(res.status).toBe('ambiguous'); // 26-, 27- and 28-NQ/TW: different documents of one plenum, not told apart by time
    expect(res.candidates.map((c) => c.code).sort()).toEqual(['26-NQ/TW', '27-NQ/TW', '28-NQ/TW']);
  });
  it('a plenum and a subject single one resolution out', () => {
    const res = index.resolve(ref({ raw: 'Nghị quyết Trung ương 7 khóa XII', code: undefined, plenum: 7, term: 'XII', inferred: true, subject: 'về cải cách chính sách bảo hiểm xã hội', type: { abbr: 'NQ' }, issuer: { abbr: 'TW' } }), {});
    expect(res.status).toBe('resolved');
    expect(res.candidates[0]?.code).toBe('28-NQ/TW');
  });
  it.each([
    [{ raw: 'Nghị quyết 57', number: '57', type: { abbr: 'NQ' }, issuer: {} }, '57-NQ/TW@2024-12-22'],
    [{ raw: 'Chỉ thị số 35', number: '35', type: { abbr: 'CT' }, issuer: {}, date: '2019-05-30' }, '35-CT/TW@2019-05-30'],
    [{ raw: 'Hướng dẫn số 26', number: '26', type: { abbr: 'HD' }, issuer: { abbr: 'BTCTW' }, date: '2019-10-18' }, '26-HD/BTCTW@2019-10-18'],
    [{ raw: 'NQ57', number: '57', type: { abbr: 'NQ' }, issuer: {} }, '57-NQ/TW@2024-12-22'],
  ] as const)('%o → %s', (facts, id) => {
    const r = ref({ code: undefined, inferred: true, family: 'party', ...facts } as Partial<Reference>);
    const res = index.resolve(r, {});
    expect(res.status).toBe('resolved');
    expect(res.candidates[0]?.id).toBe(id);
  });
  it('lookupKeys gives alias keys and number+type+issuer for inferred references', () => {
    const keys = lookupKeys(ref({ raw: 'Nghị quyết Trung ương 7 (khóa XII)', code: undefined, plenum: 7, term: 'XII', inferred: true, type: { abbr: 'NQ' }, issuer: { abbr: 'TW' } }));
    expect(keys.codes).toEqual([]);
    expect(keys.aliases).toContain('nghi quyet trung uong 7 khoa xii');
    expect(keys.aliases).toContain('nghi quyet trung uong 7');
    const doc26 = documents.find((d) => d.code === '26-NQ/TW' && d.term === 'XII')!;
    expect(documentKeys(doc26).aliases).toContain('nghi quyet trung uong 7 khoa xii');
    expect(lookupKeys(ref({ code: '05-CT/TƯ' })).codes).toEqual(['5-CT/TW']);
  });
});

describe('a short name prefers the code the same page cites in full', () => {
  const docs = [
    doc({ id: '86/2015/NĐ-CP@2015-10-02', code: '86/2015/NĐ-CP', family: 'state', number: '86', typeAbbr: 'NĐ', typeName: 'Nghị định', issuerAbbr: 'CP', date: '2015-10-02' }),
    doc({ id: '86/2011/NĐ-CP@2011-09-22', code: '86/2011/NĐ-CP', family: 'state', number: '86', typeAbbr: 'NĐ', typeName: 'Nghị định', issuerAbbr: 'CP', date: '2011-09-22' }),
  ];
  const bare = ref({ raw: 'Nghị định số 86', code: undefined, family: 'state', inferred: true, number: '86', type: { abbr: 'NĐ', name: 'Nghị định' }, issuer: {} });
  it.each([
    [{}, 'ambiguous', undefined],
    [{ pageCodes: ['86/2015/NĐ-CP'] }, 'resolved', '86/2015/NĐ-CP@2015-10-02'],
    [{ pageCodes: ['86/2011/NĐ-CP', '100/2019/NĐ-CP'] }, 'resolved', '86/2011/NĐ-CP@2011-09-22'],
    [{ pageCodes: ['86/2015/NĐ-CP', '86/2011/NĐ-CP'] }, 'ambiguous', undefined],
  ] as const)('page codes %o → %s', (ctx, status, id) => {
    const res = resolveReference(bare, docs, ctx);
    expect(res.status).toBe(status);
    if (id) { expect(res.candidates[0]?.id).toBe(id); expect(res.candidates[0]?.reasons.map(reasonText)).toContain('cited in full on the same page'); }
  });
  it('never overrides a written code', () => {
    const res = resolveReference(ref({ code: '86/2011/NĐ-CP', family: 'state' }), docs, { pageCodes: ['86/2015/NĐ-CP'] });
    expect(res.candidates[0]?.id).toBe('86/2011/NĐ-CP@2011-09-22');
  });
});

describe('provincial codes resolve only with a place', () => {
  const docs = [
    doc({ id: '07-NQ/TU@2021-03-01', code: '07-NQ/TU', place: 'Nam Định', date: '2021-03-01', typeName: 'Nghị quyết' }),
    doc({ id: '07-NQ/TU@2016-05-02', code: '07-NQ/TU', place: 'Bình Định', date: '2016-05-02', typeName: 'Nghị quyết' }),
  ];
  const sites = { 'baonamdinh.vn': 'Nam Định', 'baobinhdinh.vn': 'Bình Định' };
  it.each([
    [{}, {}, 'needs-place', undefined],
    [{}, { site: 'dantri.com.vn', sites }, 'needs-place', undefined],
    [{}, { site: 'baonamdinh.vn', sites }, 'resolved', '07-NQ/TU@2021-03-01'],
    [{}, { site: 'www.baobinhdinh.vn', sites }, 'resolved', '07-NQ/TU@2016-05-02'],
    [{ issuerName: 'Ban Thường vụ Tỉnh ủy Bình Định' }, { site: 'baonamdinh.vn', sites }, 'resolved', '07-NQ/TU@2016-05-02'],
    [{}, { place: 'Hà Nội' }, 'unresolved', undefined],
  ] as const)('%o on %o → %s', (facts, ctx, status, id) => {
    const res = resolveReference(ref({ code: '07-NQ/TU', ...facts }), docs, ctx);
    expect(res.status).toBe(status);
    expect(res.candidates[0]?.id).toBe(id);
    if (status === 'needs-place') expect(res.candidates).toEqual([]);
  });
});

describe('known-from-news records and readings', () => {
  it('prefers a sourced document over a news-only record with the same facts', () => {
    const docs = [
      doc({ id: '9-CT/TW~news', code: '9-CT/TW', knownFromNews: true, confidence: 'news-only' }),
      doc({ id: '9-CT/TW@2020-01-01', code: '9-CT/TW', date: '2020-01-01' }),
    ];
    const res = resolveReference(ref({ code: '9-CT/TW' }), docs, {});
    expect(res.status).toBe('ambiguous');
    expect(res.candidates[0]?.id).toBe('9-CT/TW@2020-01-01');
  });
  it('matches a date any reading of the document gives', () => {
    const d = doc({ id: '03-CT/TW@2011', code: '03-CT/TW', date: '2011', readings: [{ field: 'date', value: '2011-05-14', sources: ['https://example.org/a'] }] });
    const res = resolveReference(ref({ code: '03-CT/TW', date: '2011-05-14' }), [d], {});
    expect(res.status).toBe('resolved');
    expect(res.candidates[0]?.reasons.map(reasonText)).toContain('date 2011-05-14 matches');
  });
  it('derives a term from the date when the record has none', () => {
    expect(termForDate('2019-05-30')).toBe('XII');
    const d = doc({ id: 'x@2019-05-30', code: '1-KH/TW', date: '2019-05-30' });
    expect(resolveReference(ref({ code: '1-KH/TW', term: 'XIII' }), [d], {}).status).toBe('unresolved');
    expect(resolveReference(ref({ code: '1-KH/TW', term: 'XII' }), [d], {}).status).toBe('resolved');
  });
});
