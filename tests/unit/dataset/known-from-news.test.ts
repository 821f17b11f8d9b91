import { describe, expect, it } from 'vitest';
import type { Reference } from '../../../lib/detector/types';
import type { DocumentRecord } from '../../../lib/records/schema';
import {
  fullSubject, isLocalCorrespondence, issuerBody, knownFromNews, knownFromNewsDetailed, MAX_TITLE, subjectTitle, type Citation,
} from '../../../lib/dataset/known-from-news';
import { candidateLookups, sameStateCode } from '../../../lib/resolver/candidate-keys';
import { createDocumentIndex } from '../../../lib/resolver/document-index';

/** A reference as the detector gives it, from the parts a test states. */
function ref(code: string, facts: Partial<Reference> = {}): Reference {
  const party = /^\d+-/.test(code);
  const m = party ? /^(\d+)-([^/]+)\/(.+)$/.exec(code) : /^(\d+)\/(?:(\d{4})\/)?([^-]+)-?(.*)$/.exec(code);
  const type = party ? m![2] : m![3];
  const issuer = party ? m![3] : (m![4] || m![3]);
  return {
    raw: code, code, start: 100, end: 100 + code.length, family: party ? 'party' : 'state', number: m![1],
    ...(party ? {} : m![2] ? { codeYear: m![2] } : {}), type: { abbr: type }, issuer: { abbr: issuer }, inferred: false, ...facts,
  };
}
let n = 0;
const cite = (r: Reference, extra: Partial<Citation> = {}): Citation => ({ ref: r, articleId: `a${++n}`, source: `https://bao.example.vn/bai-${n}`, ...extra });

describe('known-from-news records: one record per document', () => {
  it('merges dated and undated citations of one Party code and term', () => {
    const recs = knownFromNews([
      cite(ref('12-CT/TW', { date: '2022-03-04' })),
      cite(ref('12-CT/TW', { term: 'khóa XIII' })),
      cite(ref('12-CT/TW')),
    ], new Set());
    expect(recs.map((r) => r.id)).toEqual(['12-CT/TW@2022-03-04~news']);
    expect(recs[0]!.sources).toHaveLength(3);
  });

  it('keeps one Party code of two terms apart, and an undated citation then joins neither', () => {
    const recs = knownFromNews([
      cite(ref('12-CT/TW', { date: '2014-03-04' })), cite(ref('12-CT/TW', { date: '2022-03-04' })), cite(ref('12-CT/TW')),
    ], new Set());
    expect(recs.map((r) => r.id)).toEqual(['12-CT/TW@2014-03-04~news', '12-CT/TW@2022-03-04~news']);
  });

  it('keeps two dates of one code and term as readings of one record', () => {
    const recs = knownFromNews([
      cite(ref('12-CT/TW', { date: '2022-03-04' })), cite(ref('12-CT/TW', { date: '2022-03-04' })), cite(ref('12-CT/TW', { date: '2022-03-14' })),
    ], new Set());
    expect(recs).toHaveLength(1);
    expect(recs[0]).toMatchObject({ date: '2022-03-04', readings: [{ field: 'date', value: '2022-03-14' }] });
  });

  it('merges a state code written with and without its year when the sentences agree on the year', () => {
    const recs = knownFromNews([
      cite(ref('67/NĐ-CP', { date: '2014-07-07' })), cite(ref('67/2014/NĐ-CP')), cite(ref('67/NĐ-CP')),
      cite(ref('35/NQ-CP', { date: '2016-05-16' })), cite(ref('35/NQ-CP', { date: '2016' })), cite(ref('35/2016/NQ-CP')),
    ], new Set());
    expect(recs.map((r) => r.id)).toEqual(['35/2016/NQ-CP@2016-05-16~news', '67/2014/NĐ-CP@2014-07-07~news']);
    expect(recs[0]!.readings).toEqual([]);
  });

  it('keeps one state number of two years apart', () => {
    const recs = knownFromNews([cite(ref('67/NĐ-CP', { date: '2014-07-07' })), cite(ref('67/2017/NĐ-CP'))], new Set());
    expect(recs.map((r) => r.id)).toEqual(['67/NĐ-CP@2014-07-07~news', '67/2017/NĐ-CP~news']);
  });

  it('finds the one record by either written form, never one of another year', () => {
    expect(sameStateCode('67/NĐ-CP', '67/2014/NĐ-CP')).toBe(true);
    expect(sameStateCode('67/2017/NĐ-CP', '67/2014/NĐ-CP')).toBe(false);
    expect(sameStateCode('67-NQ/TW', '67/NQ-TW')).toBe(false);
    expect(candidateLookups(ref('67/NĐ-CP')).map((l) => l[0])).toEqual(['code', 'nti']);
    const [rec] = knownFromNews([cite(ref('67/NĐ-CP', { date: '2014-07-07' })), cite(ref('67/2014/NĐ-CP'))], new Set());
    const index = createDocumentIndex([rec!]);
    expect(index.resolve(ref('67/NĐ-CP', { date: '2014-07-07' }), {}).status).toBe('resolved');
    expect(index.resolve(ref('67/2014/NĐ-CP'), {}).status).toBe('resolved');
    expect(index.resolve(ref('67/2016/NĐ-CP'), {}).status).toBe('unresolved');
  });

  it('collapses one article cited under several spellings of its address', () => {
    const [rec] = knownFromNews([
      cite(ref('9-KL/TW', { date: '2022-01-02' }), { source: 'https://bao.example.vn/bai-a' }),
      cite(ref('9-KL/TW', { date: '2022-01-02' }), { source: 'http://www.bao.example.vn/bai-a/' }),
      cite(ref('9-KL/TW', { date: '2022-01-02' }), { source: 'https://bao.example.vn/bai-a#binh-luan' }),
    ], new Set());
    expect(rec!.sources).toEqual([{ url: 'https://bao.example.vn/bai-a' }]);
  });
});

describe('known-from-news issuers: a complete body, never a signer', () => {
  it.each([
    ['Bộ Tài chính hướng dẫn', 'Bộ Tài chính'],
    ['Bộ Tài', undefined],
    ['Ngân hàng', undefined],
    ['Văn phòng Chính', undefined],
    ['Ngân hàng Nhà nước', 'Ngân hàng Nhà nước Việt Nam'],
    ['Bộ trưởng Bộ Y tế', 'Bộ Y tế'],
    ['Bộ trưởng Bộ GD', undefined],
    ['Thống đốc NHNN', 'Ngân hàng Nhà nước Việt Nam'],
    ['Thượng tướng Trần Văn Bình', undefined],
    ['Chủ tịch UBND tỉnh Hòa Bình', 'UBND tỉnh Hòa Bình'],
    ['UBND tỉnh Quảng Trị phê duyệt', 'UBND tỉnh Quảng Trị'],
    ['Thủ tướng Chính phủ phê duyệt', 'Thủ tướng Chính phủ'],
    ['Bộ Chính trị', 'Bộ Chính trị'],
    ['Ban Bí thư Trung ương Đảng', 'Ban Bí thư'],
    // A city written "TP.HCM", a province's name with a spaced dash, a signer's name after the body.
    ['UBND TP.HCM', 'UBND TP.HCM'],
    ['UBND tỉnh Thừa Thiên - Huế', 'UBND tỉnh Thừa Thiên - Huế'],
    ['Phó Chủ tịch UBND TP Nguyễn Văn Hùng', 'UBND TP'],
    ['Tỉnh ủy Nghệ An – Bí thư Tỉnh ủy', 'Tỉnh ủy Nghệ An'],
    ['UBND tỉnh Thừa Thiên - Huế Nguyễn Văn Phương', 'UBND tỉnh Thừa Thiên - Huế'],
    [undefined, undefined],
  ])('%s → %s', (phrase, body) => expect(issuerBody(phrase)).toBe(body));

  it('takes a state code\'s issuer from the code, whatever the sentences name (a signer, a cut name)', () => {
    const [rec] = knownFromNews([
      cite(ref('88/2019/TT-BTC', { issuerName: 'Bộ Tài' })), cite(ref('88/2019/TT-BTC', { issuerName: 'Thứ trưởng Lê Văn C' })),
    ], new Set());
    expect(rec).toMatchObject({ issuer: 'Bộ Tài chính', readings: [] });
  });

  it('cleans a Party record\'s issuer and keeps another body as a reading', () => {
    const [rec] = knownFromNews([
      cite(ref('15-QĐ/TW', { date: '2022-05-06', issuerName: 'Bộ Chính trị ban hành' })),
      cite(ref('15-QĐ/TW', { date: '2022-05-06', issuerName: 'Bộ Chính trị' })),
      cite(ref('15-QĐ/TW', { date: '2022-05-06', issuerName: 'Ban Bí thư' })),
    ], new Set());
    expect(rec).toMatchObject({ issuer: 'Bộ Chính trị', readings: [{ field: 'issuer', value: 'Ban Bí thư' }] });
  });
});

describe('known-from-news titles end at their clause', () => {
  it.each([
    ['về phát triển nghề muối giai đoạn 2021', undefined],
    ['về kế hoạch đầu tư công (giai đoạn 2021', undefined],
    ['về bảo vệ nguồn nước ngầm đã nêu rõ các nhiệm vụ của từng ngành', 'về bảo vệ nguồn nước ngầm'],
    ['về sắp xếp các trường học: mỗi xã giữ một điểm trường', 'về sắp xếp các trường học'],
    ['về quản lý chợ đêm), các hộ kinh doanh phải đăng ký', 'về quản lý chợ đêm'],
    ['về văn hóa - thể thao cơ sở', 'về văn hóa - thể thao cơ sở'],
    [`về ${'đổi mới quản lý tài sản công ở các cơ quan, '.repeat(4)}`, undefined],
  ])('%s → %s', (subject, title) => expect(subjectTitle(subject)).toBe(title));

  it('reads a year range the sentence reader cut at its dash back from the article', () => {
    const text = 'Tỉnh đang thực hiện Quyết định 77/QĐ-UBND về phát triển nghề muối giai đoạn 2021 - 2025 trên địa bàn. Sau đó';
    const subject = 'về phát triển nghề muối giai đoạn 2021';
    expect(fullSubject(subject, text, 20)).toBe('về phát triển nghề muối giai đoạn 2021 - 2025 trên địa bàn');
    expect(subjectTitle(fullSubject(subject, text, 20))).toBe('về phát triển nghề muối giai đoạn 2021 - 2025 trên địa bàn');
    expect(MAX_TITLE).toBeLessThanOrEqual(160);
  });
});

describe('known-from-news: what makes no record', () => {
  it('never makes a …/TW record of a local body\'s document', () => {
    const recs = knownFromNews([cite(ref('21-NQ/TW', { date: '2019-04-05', issuerName: 'Thành ủy Cần Thơ' }))], new Set());
    expect(recs).toEqual([]);
    expect(knownFromNews([cite(ref('21-NQ/TU', { date: '2019-04-05', issuerName: 'Thành ủy Cần Thơ' }), { place: 'Cần Thơ' })], new Set()))
      .toHaveLength(1);
  });

  it.each([
    ['1234/UBND-KT', {}],
    ['56/BC-UBND', {}],
    ['78/TTr-UBND', {}],
    ['90/CV-UBND', {}],
    ['12/SNV', { type: { abbr: undefined, name: 'Công văn' } }],
  ])('gives local correspondence %s no record', (code, facts) => {
    const r = { ...ref(code), ...facts } as Reference;
    if (code === '12/SNV') r.code = '12/UBND';
    expect(isLocalCorrespondence(r)).toBe(true);
    expect(knownFromNews([cite(r, { place: 'Nam Định' })], new Set())).toEqual([]);
  });

  it('still records a local body\'s decision', () => {
    expect(isLocalCorrespondence(ref('345/QĐ-UBND'))).toBe(false);
    expect(knownFromNews([cite(ref('345/QĐ-UBND', { date: '2020-02-03' }), { place: 'Nam Định' })], new Set())).toHaveLength(1);
  });

  it('flags a citation whose subject contradicts the sourced record of its code and term as a likely misprint', () => {
    const sourced: DocumentRecord = {
      id: '41-CT/TW@2020-04-01', code: '41-CT/TW', family: 'party', number: '41', typeAbbr: 'CT', typeName: 'Chỉ thị', issuerAbbr: 'TW',
      date: '2020-04-01', term: 'XII', title: 'về tăng cường công tác bảo vệ rừng phòng hộ ven biển', aliases: [], relations: [], readings: [],
      sources: [{ url: 'https://example.org/41' }], confidence: 'secondary',
    };
    const wrong = cite(ref('41-CT/TW', { term: 'khóa XII', subject: 'về đổi mới chương trình giáo dục mầm non' }));
    const same = cite(ref('41-CT/TW', { date: '2020-06-01', subject: 'về tăng cường công tác bảo vệ rừng phòng hộ' }));
    const otherTerm = cite(ref('41-CT/TW', { date: '2024-06-01', subject: 'về đổi mới chương trình giáo dục mầm non' }));
    const r = knownFromNewsDetailed([wrong, same, otherTerm], new Set(), [sourced]);
    expect(r.misprints).toEqual([{ articleId: wrong.articleId, code: '41-CT/TW', subject: 'về đổi mới chương trình giáo dục mầm non', records: ['41-CT/TW@2020-04-01'] }]);
    expect(r.records.map((d) => d.id)).toEqual(['41-CT/TW@2020-06-01~news', '41-CT/TW@2024-06-01~news']);
  });
});
