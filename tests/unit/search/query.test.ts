import { describe, expect, it } from 'vitest';
import { codeOfQuery, matchText, queryFromParams, queryToParams, sameQuery } from '../../../lib/search/query';
import { facetsOf, matchesFilters, romanValue } from '../../../lib/search/filter';
import { DOCS, doc } from '../../helpers/dataset-fixture';

describe('search address', () => {
  it('round-trips a query with every filter through the address', () => {
    const query = { q: 'chỉ thị đại hội', filters: { family: 'party' as const, type: 'Chỉ thị', issuer: 'Bộ Chính trị', term: 'XIII', yearFrom: 2019, yearTo: 2024, cited: true } };
    const params = queryToParams(query);
    expect(params.toString()).toBe('q=ch%E1%BB%89+th%E1%BB%8B+%C4%91%E1%BA%A1i+h%E1%BB%99i&family=party&type=Ch%E1%BB%89+th%E1%BB%8B&issuer=B%E1%BB%99+Ch%C3%ADnh+tr%E1%BB%8B&term=XIII&from=2019&to=2024&cited=1');
    expect(queryFromParams(new URLSearchParams(params.toString()))).toEqual(query);
  });

  it('drops malformed values instead of guessing, and orders a reversed year range', () => {
    const q = queryFromParams(new URLSearchParams('q=x&family=other&term=13&from=abcd&to=1800&cited=yes'));
    expect(q).toEqual({ q: 'x', filters: {} });
    expect(queryFromParams(new URLSearchParams('from=2024&to=2019')).filters).toEqual({ yearFrom: 2019, yearTo: 2024 });
    expect(queryFromParams(new URLSearchParams('term=xii')).filters).toEqual({ term: 'XII' });
  });

  it('leaves empty parts out and compares searches by their address', () => {
    expect(queryToParams({ q: '  ', filters: {} }).toString()).toBe('');
    expect(sameQuery({ q: 'a ', filters: { cited: false } }, { q: 'a', filters: {} })).toBe(true);
    expect(sameQuery({ q: 'a', filters: { term: 'XII' } }, { q: 'a', filters: {} })).toBe(false);
  });
});

describe('codes in queries', () => {
  it.each([
    ['35-CT/TW', '35-CT/TW'],
    ['35/CT-TW', '35-CT/TW'],
    ['35 CT TW', '35-CT/TW'],
    ['35-ct/tư', '35-CT/TW'],
    ['05 - CT/TƯ', '5-CT/TW'],
    ['100/2019/NĐ-CP', '100/2019/NĐ-CP'],
    ['100 2019 nđ cp', '100/2019/NĐ-CP'],
    ['26-HD/BTCTW', '26-HD/BTCTW'],
  ])('"%s" is the code %s', (q, code) => {
    expect(codeOfQuery(q)).toBe(code);
  });

  it.each(['chi thi 35', 'nghi quyet 57', '35', 'tăng cường sự lãnh đạo', ''])('"%s" is not a code', (q) => {
    expect(codeOfQuery(q)).toBeUndefined();
  });

  it('reads TƯ after a code separator as TW, and leaves the word "tư" alone', () => {
    expect(matchText('35-CT/TƯ')).toBe('35-CT/TW');
    expect(matchText('kinh tế tư nhân')).toBe('kinh tế tư nhân');
  });
});

describe('filters', () => {
  const d = DOCS[1]!; // 35-CT/TW@2019-05-30, Bộ Chính trị, XII
  it('passes a document only when every filter set holds', () => {
    expect(matchesFilters(d, {}, 0)).toBe(true);
    expect(matchesFilters(d, { family: 'party', type: 'Chỉ thị', issuer: 'Bộ Chính trị', term: 'XII', yearFrom: 2019, yearTo: 2019 }, 0)).toBe(true);
    expect(matchesFilters(d, { family: 'state' }, 0)).toBe(false);
    expect(matchesFilters(d, { type: 'Nghị quyết' }, 0)).toBe(false);
    expect(matchesFilters(d, { term: 'XIII' }, 0)).toBe(false);
    expect(matchesFilters(d, { yearFrom: 2020 }, 0)).toBe(false);
    expect(matchesFilters(d, { yearTo: 2018 }, 0)).toBe(false);
    expect(matchesFilters(d, { cited: true }, 0)).toBe(false);
    expect(matchesFilters(d, { cited: true }, 3)).toBe(true);
    expect(matchesFilters(doc({ id: 'x', code: '1-CT/TW' }), { yearFrom: 2000 }, 0)).toBe(false); // no date, no year
  });

  it('offers every type, issuer and term with counts, terms in order', () => {
    const f = facetsOf(DOCS);
    expect(f.types[0]).toEqual({ value: 'Chỉ thị', count: 3 });
    expect(f.issuers.find((i) => i.value === 'Bộ Chính trị')?.count).toBe(5);
    expect(f.issuers.find((i) => i.value === 'TEST')?.count).toBe(2); // no body named: the abbreviation
    expect(f.terms.map((t) => t.value)).toEqual(['XI', 'XII', 'XIII']);
    expect(f.years).toEqual({ min: 2014, max: 2024 });
    expect(romanValue('XIV')).toBe(14);
  });
});
