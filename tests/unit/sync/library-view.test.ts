import { describe, expect, it } from 'vitest';
import { buildRows, facets, filterRows, fold, EMPTY_QUERY } from '@/lib/sync/library-view';
import type { SavedReference } from '@/lib/sync/saved-reference';

const ref = (key: string, extra: Partial<SavedReference>): SavedReference => ({ key, code: '1-CT/TW', url: 'https://www.baotest.vn/a', savedAt: 0, note: '', tags: [], ...extra });
const refs = [
  ref('a', { docId: '35-CT/TW@2019-05-30', code: '35-CT/TW', savedAt: 3, note: 'Đọc lại mục 2', tags: ['cán bộ'] }),
  ref('b', { docId: '100/2019/NĐ-CP', code: '100/2019/NĐ-CP', savedAt: 1, url: 'https://vnexpress.net/x', tags: ['giao thông'] }),
  ref('c', { code: '77/UBND-KT', savedAt: 2, page: { issuer: 'UBND tỉnh Bình Định', date: '2024-03-01', type: 'Công văn' }, tags: ['cán bộ'] }),
];
const docs = {
  '35-CT/TW@2019-05-30': { title: 'Về tăng cường sự lãnh đạo của Đảng đối với công tác tiếp công dân', typeName: 'Chỉ thị', issuer: 'Bộ Chính trị', date: '2019-05-30' },
  '100/2019/NĐ-CP': { title: 'Quy định xử phạt vi phạm hành chính', typeName: 'Nghị định', issuer: 'Chính phủ', date: '2019-12-30' },
};
const rows = buildRows(refs, docs, { c: 'quota' });
const keys = (list: { ref: SavedReference }[]) => list.map((r) => r.ref.key);

describe('library view', () => {
  it('folds Vietnamese for the text filter: no marks, đ as d', () => {
    expect(fold('  Chỉ thị  ĐẢNG ')).toBe('chi thi dang');
    expect(keys(filterRows(rows, { ...EMPTY_QUERY, text: 'tang cuong dang' }))).toEqual(['a']);
    expect(keys(filterRows(rows, { ...EMPTY_QUERY, text: 'binh dinh' }))).toEqual(['c']);
    expect(keys(filterRows(rows, { ...EMPTY_QUERY, text: 'doc lai' }))).toEqual(['a']);
  });
  it('filters by tag, type, issuer, year and site; the unknown code uses what the page said', () => {
    expect(keys(filterRows(rows, { ...EMPTY_QUERY, tag: 'cán bộ' }))).toEqual(['a', 'c']);
    expect(keys(filterRows(rows, { ...EMPTY_QUERY, type: 'Nghị định' }))).toEqual(['b']);
    expect(keys(filterRows(rows, { ...EMPTY_QUERY, issuer: 'UBND tỉnh Bình Định' }))).toEqual(['c']);
    expect(keys(filterRows(rows, { ...EMPTY_QUERY, year: '2019' })).sort()).toEqual(['a', 'b']);
    expect(keys(filterRows(rows, { ...EMPTY_QUERY, site: 'baotest.vn' })).sort()).toEqual(['a', 'c']);
    expect(rows.find((r) => r.ref.key === 'c')).toMatchObject({ known: false, notSynced: 'quota', year: '2024' });
  });
  it('sorts by saved date, document date and code', () => {
    expect(keys(filterRows(rows, { ...EMPTY_QUERY, sort: 'saved' }))).toEqual(['a', 'c', 'b']);
    expect(keys(filterRows(rows, { ...EMPTY_QUERY, sort: 'date' }))).toEqual(['c', 'b', 'a']);
    expect(keys(filterRows(rows, { ...EMPTY_QUERY, sort: 'code' }))).toEqual(['a', 'c', 'b']);
  });
  it('offers each filter’s values with counts', () => {
    const f = facets(rows);
    expect(f.tags).toEqual([['cán bộ', 2], ['giao thông', 1]]);
    expect(f.years).toEqual([['2024', 1], ['2019', 2]]);
    expect(f.sites.map(([s]) => s).sort()).toEqual(['baotest.vn', 'vnexpress.net']);
  });
});
