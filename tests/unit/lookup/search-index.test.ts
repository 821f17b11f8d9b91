import { describe, expect, it } from 'vitest';
import { addDocuments, compoundQuery, createSearchIndex, searchIds, tokenize } from '../../../lib/lookup/search-index';
import { DOCS, doc } from '../../helpers/dataset-fixture';

function index() {
  const search = createSearchIndex();
  addDocuments(search, [
    ...DOCS,
    doc({ id: '100/2019/NĐ-CP', code: '100/2019/NĐ-CP', family: 'state', number: '100', typeAbbr: 'NĐ', typeName: 'Nghị định', issuerAbbr: 'CP',
      title: 'Quy định xử phạt vi phạm hành chính trong lĩnh vực giao thông đường bộ và đường sắt' }),
    doc({ id: '26-HD/BTCTW', code: '26-HD/BTCTW', typeName: 'Hướng dẫn', title: 'Một số vấn đề cụ thể thi hành Điều lệ Đảng' }),
  ]);
  return search;
}

describe('search index', () => {
  it('compounds type words and numbers, and codes written in words', () => {
    const s = index();
    expect(compoundQuery(s, tokenize('chi thi 35'))).toEqual(['chithi35']);
    expect(compoundQuery(s, tokenize('Kế hoạch 17 KH/TW'))).toEqual(['kehoach17', '17khtw']);
    expect(compoundQuery(s, tokenize('nq57'))).toEqual(['nq57']);
    expect(compoundQuery(s, tokenize('nghị định 100 2019'))).toEqual(['nghidinh100', '2019']);
    expect(compoundQuery(s, tokenize('100/2019/NĐ-CP'))).toEqual(['1002019ndcp']);
    expect(compoundQuery(s, tokenize('Hướng dẫn 26-BTCTW'))).toEqual(['huongdan26', '26hdbtctw']);
    expect(compoundQuery(s, tokenize('tiep cong dan'))).toBeUndefined();
  });

  it.each([
    ['chi thi 35', '35-CT/TW'],
    ['NQ57', '57-NQ/TW'],
    ['nghi dinh 100 2019', '100/2019/NĐ-CP'],
    ['100/2019/NĐ-CP', '100/2019/NĐ-CP'],
    ['xu phat giao thong', '100/2019/NĐ-CP'],
    ['huong dan 26 btctw', '26-HD/BTCTW'],
    ['dieu le dang', '26-HD/BTCTW'],
    ['khoa XII chi thi', '35-CT/TW'],
  ])('"%s" finds %s first', (query, code) => {
    const s = index();
    const [first] = searchIds(s, query, 5);
    expect(first).toBeDefined();
    expect(first!.id.startsWith(code)).toBe(true);
  });

  it('falls back to plain words when the compound names nothing, then to any word', () => {
    const s = index();
    // No "Chỉ thị 36": all words fail too (no document has "36"), so documents matching most words come back.
    const hits = searchIds(s, 'chi thi 36', 10);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.slice(0, 3).every((h) => h.id.startsWith('35-CT/TW'))).toBe(true);
    // A typo in a long word is tolerated.
    expect(searchIds(s, 'giao thongg', 3)[0]?.id).toBe('100/2019/NĐ-CP');
  });

  it('tells the three 35-CT/TW apart by term and subject', () => {
    const s = index();
    expect(searchIds(s, 'chi thi 35 khoa XI', 1)[0]?.id).toBe('35-CT/TW@2014-05-26');
    expect(searchIds(s, 'chi thi 35 dai hoi XIV', 1)[0]?.id).toBe('35-CT/TW@2024-06-14');
  });
});
