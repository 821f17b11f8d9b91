import { describe, expect, it } from 'vitest';
import { filterOf, findDocuments, prepareFind } from '../../../lib/lookup/find';
import { addDocuments, createSearchIndex, searchIds } from '../../../lib/lookup/search-index';
import { matchesFilters } from '../../../lib/search/filter';
import type { SearchFilters } from '../../../lib/search/query';
import { DOCS, doc } from '../../helpers/dataset-fixture';

const docs = [
  ...DOCS,
  doc({ id: '100/2019/NĐ-CP', code: '100/2019/NĐ-CP', family: 'state', number: '100', typeAbbr: 'NĐ', typeName: 'Nghị định', issuerAbbr: 'CP', issuer: 'Chính phủ', date: '2019-12-30',
    title: 'Quy định xử phạt vi phạm hành chính trong lĩnh vực giao thông đường bộ và đường sắt' }),
  doc({ id: 'undated', code: '9-CT/TW', title: 'Không ngày' }),
];
const index = () => {
  const s = createSearchIndex();
  addDocuments(s, docs);
  prepareFind(s);
  return s;
};
const cited = new Map([['35-CT/TW@2019-05-30', 3], ['1-HD/TEST', 1]]);

describe('find', () => {
  it('filters exactly as matchesFilters does, for every filter and combination', () => {
    const s = index();
    const options: SearchFilters[] = [
      {}, { family: 'party' }, { family: 'state' }, { type: 'Chỉ thị' }, { type: 'Không có' }, { issuer: 'Bộ Chính trị' }, { issuer: 'TEST' },
      { term: 'XII' }, { term: 'XIV' }, { yearFrom: 2019 }, { yearTo: 2019 }, { yearFrom: 2019, yearTo: 2020 }, { cited: true },
      { family: 'party', term: 'XIII', yearFrom: 2024, cited: true }, { type: 'Nghị định', issuer: 'Chính phủ', yearTo: 2019 },
    ];
    for (const filters of options) {
      const fast = filterOf(s, filters, cited);
      const got = docs.filter((_, d) => fast(d)).map((d) => d.id);
      const want = docs.filter((d) => matchesFilters(d, filters, cited.get(d.id) ?? 0)).map((d) => d.id);
      expect(got, JSON.stringify(filters)).toEqual(want);
    }
  });

  it('completes the word being typed', () => {
    const s = index();
    expect(searchIds(s, 'xu phat giao th', 3)[0]?.id).toBe('100/2019/NĐ-CP');
    expect(searchIds(s, 'chuyen doi s', 3)[0]?.id).toBe('57-NQ/TW@2024-12-22');
  });

  it('pages the ranked list and counts every match', () => {
    const s = index();
    const first = findDocuments(s, cited, { q: 'chi thi', filters: {}, offset: 0, limit: 2 });
    const second = findDocuments(s, cited, { q: 'chi thi', filters: {}, offset: 2, limit: 2 });
    expect(first.total).toBe(4);
    expect(second.total).toBe(4);
    const ids = [...first.items, ...second.items].map((i) => i.document.id);
    expect(new Set(ids).size).toBe(4);
    expect(first.items.find((i) => i.document.id === '35-CT/TW@2019-05-30')?.cited ?? second.items.find((i) => i.document.id === '35-CT/TW@2019-05-30')?.cited).toBe(3);
  });

  it('finds nothing for a query of words that say nothing, and everything newest first for none', () => {
    const s = index();
    expect(findDocuments(s, cited, { q: 'số về ,', filters: {}, offset: 0, limit: 5 })).toEqual({ items: [], total: 0 });
    expect(findDocuments(s, cited, { q: ' ', filters: { family: 'state' }, offset: 0, limit: 5 }).items.map((i) => i.document.id)).toEqual(['100/2019/NĐ-CP']);
  });

  it('puts the exact code first whatever the words score', () => {
    const s = index();
    const found = findDocuments(s, cited, { q: '100 2019 ND CP', filters: {}, offset: 0, limit: 5 });
    expect(found.code).toBe('100/2019/NĐ-CP');
    expect(found.items[0]?.document.id).toBe('100/2019/NĐ-CP');
  });
});
