import { describe, expect, it } from 'vitest';
import { codeHref, parseRecordAddress, recordHref, searchHref } from '../../../lib/record/address';
import { recordCitation } from '../../../lib/record/citation';
import { buildCitingView, buildCodeList, buildRecordView } from '../../../lib/record/model';
import { buildNeighbourhood, circleLayout, edgeWidth } from '../../../lib/record/neighbourhood';
import { relationKey } from '../../../lib/card/format';
import type { RelatedDocument } from '../../../lib/lookup/client';
import { DOCS, doc } from '../../helpers/dataset-fixture';

const byId = (id: string) => DOCS.find((d) => d.id === id)!;
const ct2019 = byId('35-CT/TW@2019-05-30');

describe('the record address', () => {
  it('round-trips ids with the characters codes have (/ @ Đ ~) and the articles filter', () => {
    const id = '100/2019/NĐ-CP@2019-12-30';
    expect(parseRecordAddress(`?${recordHref(id).split('?')[1]}`)).toEqual({ kind: 'id', id, articles: { page: 0 } });
    const href = recordHref('09-NQ/TU@khóa-XIX~news', { outlet: 'Báo Nam Định', year: '2020', page: 2 });
    expect(href.startsWith('record.html?')).toBe(true);
    expect(parseRecordAddress(href.slice(href.indexOf('?')))).toEqual({ kind: 'id', id: '09-NQ/TU@khóa-XIX~news', articles: { outlet: 'Báo Nam Định', year: '2020', page: 2 } });
  });

  it('reads ?code=, prefers an id, and ignores blank or malformed values', () => {
    expect(parseRecordAddress(codeHref('35-CT/TW').slice(11))).toEqual({ kind: 'code', code: '35-CT/TW' });
    expect(parseRecordAddress('?code=35-CT%2FTW&id=x')).toMatchObject({ kind: 'id', id: 'x' });
    expect(parseRecordAddress('?id=%20%20&code=')).toEqual({ kind: 'none' });
    expect(parseRecordAddress('')).toEqual({ kind: 'none' });
    expect(parseRecordAddress('?id=x&year=20&page=-1')).toEqual({ kind: 'id', id: 'x', articles: { page: 0 } });
    expect(searchHref('35 CT TW')).toBe('search.html?q=35+CT+TW');
  });
});

describe('the citation', () => {
  it('is plain Vietnamese with the subject clause, and leaves out what is not known', () => {
    expect(recordCitation(ct2019)).toBe('Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng');
    expect(recordCitation({ ...ct2019, date: '2019', title: undefined, issuer: undefined })).toBe('Chỉ thị số 35-CT/TW năm 2019');
    expect(recordCitation({ ...ct2019, title: 'Quy chế làm việc.' })).toBe('Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị, “Quy chế làm việc”');
  });
});

describe('relation wording', () => {
  it.each([
    ['implements', 'cardRelation_implements'],
    ['implements-by', 'cardRelation_implemented_by'],
    ['guides-by', 'cardRelation_guided_by'],
    ['summarises-by', 'cardRelation_summarised_by'],
    [undefined, 'cardRelation_related'],
  ])('%s → %s', (kind, key) => expect(relationKey(kind)).toBe(key));
});

const related: RelatedDocument[] = [
  { document: byId('1-HD/TEST'), why: 'relation', kind: 'guides-by' },
  { document: byId('57-NQ/TW@2024-12-22'), why: 'co-citation', strength: 2 },
  { document: byId('17-KH/TW@2023-07-07'), why: 'co-citation', strength: 5 },
];
const sameCode = [byId('35-CT/TW@2014-05-26'), byId('35-CT/TW@2024-06-14')];

describe('the record view', () => {
  it('lists every field, with the readings where sources disagree and the status with its source', () => {
    const d = doc({
      ...ct2019,
      readings: [{ field: 'date', value: '2019-05-31', sources: ['https://a.example.vn/x', 'javascript:alert(1)'] }],
      status: { text: 'còn hiệu lực', source: 'https://b.example.vn/s' },
      aliases: ['Chỉ thị 35'],
    });
    const view = buildRecordView({ document: d, related, sameCode, lang: 'vi' });
    expect(view.fields.map((f) => f.name)).toEqual(['type', 'code', 'issuer', 'date', 'term', 'family', 'status', 'title']);
    const date = view.fields.find((f) => f.name === 'date')!;
    expect(date.value).toBe('30/5/2019');
    expect(date.readings).toEqual([{ value: '31/5/2019', sources: [{ url: 'https://a.example.vn/x', label: 'a.example.vn' }] }]);
    expect(view.fields.find((f) => f.name === 'status')!.source).toEqual({ url: 'https://b.example.vn/s', label: 'b.example.vn' });
    expect(view.aliases).toEqual(['Chỉ thị 35']);
    expect(view.sources.map((s) => s.url)).toEqual(['https://fixture.invalid/source']);
    expect(view.relations.map((r) => [r.id, r.kindKey, r.href])).toEqual([['1-HD/TEST', 'cardRelation_guided_by', 'record.html?id=1-HD%2FTEST']]);
    // Co-cited documents strongest first.
    expect(view.coCited.map((r) => [r.id, r.count])).toEqual([['17-KH/TW@2023-07-07', 5], ['57-NQ/TW@2024-12-22', 2]]);
    expect(view.sameCode.map((s) => s.summary)).toEqual(['26/5/2014 · Bộ Chính trị · khóa XI', '14/6/2024 · Bộ Chính trị · khóa XIII']);
  });

  it('says where sources have no address', () => {
    const view = buildRecordView({ document: doc({ id: 'x', code: '1-CT/TW', sources: [{ url: 'law-text:luat.txt' }] }), related: [], sameCode: [], lang: 'en' });
    expect(view.sources).toEqual([]);
    expect(view.sourceNotes).toEqual(['cardSourceLawText']);
  });

  it('words what each citing sentence stated, and keeps only http(s) links', () => {
    const view = buildCitingView(
      {
        items: [
          { article: { id: 'a', url: 'javascript:alert(1)', outlet: 'Báo A', title: 'T', date: '2020-02-05' }, stated: [{ raw: '35-CT/TW', date: '2019-05-30', issuerName: 'Bộ Chính trị', term: 'XII' }, { raw: 'Chỉ thị 35' }] },
        ],
        total: 1, all: 3, outlets: [{ name: 'Báo A', count: 3 }], years: [{ year: '2020', count: 1 }],
      },
      { page: 0, pageSize: 20, outlet: 'Báo A' },
      'vi',
    );
    expect(view.items[0]).toEqual({ title: 'T', outlet: 'Báo A', date: '05/02/2020', stated: [{ raw: '35-CT/TW', facts: ['30/5/2019', 'Bộ Chính trị', 'khóa XII'] }, { raw: 'Chỉ thị 35', facts: [] }] });
    expect(view).toMatchObject({ total: 1, all: 3, outlet: 'Báo A', state: 'ready' });
  });

  it('a code list links each document, and an empty one offers a search', () => {
    const list = buildCodeList('35-CT/TW', sameCode, 'vi');
    expect(list.documents.map((d) => d.href)).toEqual(['record.html?id=35-CT%2FTW%402014-05-26', 'record.html?id=35-CT%2FTW%402024-06-14']);
    expect(buildCodeList('999-CT/TW', [], 'vi')).toEqual({ code: '999-CT/TW', documents: [], searchHref: 'search.html?q=999-CT%2FTW' });
  });
});

describe('the neighbourhood', () => {
  const graph = buildNeighbourhood(ct2019, related, sameCode);

  it('has the document, its relations, co-cited documents and the same code, with kinds and weights', () => {
    expect(graph.nodes.map((n) => [n.id, n.label, Boolean(n.self)])).toEqual([
      ['35-CT/TW@2019-05-30', '35-CT/TW (2019)', true],
      ['1-HD/TEST', '1-HD/TEST', false],
      ['57-NQ/TW@2024-12-22', '57-NQ/TW', false],
      ['17-KH/TW@2023-07-07', '17-KH/TW', false],
      ['35-CT/TW@2014-05-26', '35-CT/TW (2014)', false],
      ['35-CT/TW@2024-06-14', '35-CT/TW (2024)', false],
    ]);
    expect(graph.edges).toEqual([
      // 1-HD/TEST guides this document: the edge points from it.
      { source: '1-HD/TEST', target: '35-CT/TW@2019-05-30', kind: 'guides', weight: 1 },
      { source: '35-CT/TW@2019-05-30', target: '57-NQ/TW@2024-12-22', kind: 'co-citation', weight: 2 },
      { source: '35-CT/TW@2019-05-30', target: '17-KH/TW@2023-07-07', kind: 'co-citation', weight: 5 },
      { source: '35-CT/TW@2019-05-30', target: '35-CT/TW@2014-05-26', kind: 'same-code', weight: 1 },
      { source: '35-CT/TW@2019-05-30', target: '35-CT/TW@2024-06-14', kind: 'same-code', weight: 1 },
    ]);
  });

  it('draws relations between two neighbours from their own records', () => {
    const g = buildNeighbourhood(ct2019, [...related, { document: byId('2-KH/TEST'), why: 'co-citation', strength: 1 }], []);
    expect(g.edges).toContainEqual({ source: '2-KH/TEST', target: '1-HD/TEST', kind: 'implements', weight: 1 });
  });

  it('places the document at the centre and the others on a circle; edge width grows with the weight', () => {
    const at = circleLayout(graph, 400, 300);
    expect(at.get('35-CT/TW@2019-05-30')).toEqual({ x: 0, y: 0 });
    expect(at.get('1-HD/TEST')).toEqual({ x: 0, y: -106 });
    for (const n of graph.nodes.slice(1)) expect(Math.hypot(at.get(n.id)!.x, at.get(n.id)!.y)).toBeCloseTo(106, -0.5);
    expect(edgeWidth(1, 5)).toBe(1.5);
    expect(edgeWidth(5, 5)).toBe(9);
    expect(edgeWidth(2, 5)).toBeGreaterThan(edgeWidth(1, 5));
  });
});
