/**
 * "Tổng kết 10 năm thực hiện Chỉ thị số 15-CT/TW": the sentence says how long the document has been carried out,
 * so a candidate of that number issued too recently is ruled out and one of the right age fits
 * (lib/detector/years-in-force.ts, the resolver's weighYearsInForce). Sentences are written for the tests; codes,
 * dates and titles are the documents' facts.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detector/detect';
import { yearsInForceBefore } from '../../../lib/detector/years-in-force';
import { resolveReference } from '../../../lib/resolver/resolve';
import { doc } from './document-record';

const ct15of2007 = doc({ id: '15-CT/TW@2007-07-07', code: '15-CT/TW', date: '2007-07-07', term: 'X', issuer: 'Bộ Chính trị', title: 'về sự lãnh đạo của Đảng đối với công tác phát hiện, xử lý vụ việc, vụ án tham nhũng' });
const ct15of2012 = doc({ id: '15-CT/TW@2012-02-24', code: '15-CT/TW', date: '2012-02-24', term: 'XI', issuer: 'Bộ Chính trị' });
const both = [ct15of2007, ct15of2012];

function ref(text: string) {
  const r = detect(text)[0];
  expect(r, text).toBeDefined();
  return r!;
}

describe('years of carrying out, read before a reference', () => {
  it.each([
    ['Ban Nội chính xây dựng Đề án tổng kết 10 năm thực hiện Chỉ thị số 15-CT/TW của Bộ Chính trị.', 10],
    ['Hội nghị sơ kết 5 năm thi hành Luật số 71/2014/QH13 đã diễn ra.', 5],
    ['Sau 15 năm triển khai thực hiện Nghị quyết số 26-NQ/TW, nông thôn đã đổi khác.', 15],
    ['Tỉnh tổ chức kỷ niệm 20 năm ban hành Chỉ thị 40-CT/TW.', 20],
    ['Qua 3 năm thực hiện Kết luận số 24, huyện đạt nhiều kết quả.', 3],
  ])('%s → %i years', (text, years) => {
    expect(ref(text).yearsInForce).toBe(years);
  });

  it.each([
    'Trong 5 năm tới, tỉnh tiếp tục thực hiện Chỉ thị số 15-CT/TW.',
    'Tổng kết 5 năm thực hiện nhiệm vụ chính trị của tỉnh và Chỉ thị số 15-CT/TW.',
    'Năm 2017, Bộ Chính trị ban hành Chỉ thị số 15-CT/TW.',
    'Sau 10 năm, Chỉ thị số 15-CT/TW vẫn còn nguyên giá trị.',
  ])('no years of carrying out: %s', (text) => {
    expect(ref(text).yearsInForce).toBeUndefined();
  });

  it('reads only what ends right before the reference', () => {
    expect(yearsInForceBefore('tổng kết 10 năm thực hiện Chỉ thị số ')).toBe(10);
    expect(yearsInForceBefore('tổng kết 10 năm thực hiện Chỉ thị số 12-CT/TW và ')).toBeUndefined();
  });
});

describe('the resolver weighs them', () => {
  const review = 'Ban Chỉ đạo giao xây dựng Đề án tổng kết 10 năm thực hiện Chỉ thị số 15-CT/TW của Bộ Chính trị.';

  it('a 2017 ten-year review rules out the directive of 2012 and names the one of 2007 as the best fit', () => {
    const res = resolveReference(ref(review), both, { pageDate: '2017-06-01' });
    expect([res.status, res.answer, res.candidates[0]?.id]).toEqual(['resolved', 'best-fit', ct15of2007.id]);
    expect(res.candidates[0]!.reasons).toContainEqual({ kind: 'yearsInForce', years: 10, year: '2017' });
    expect(res.ruledOut?.find((r) => r.id === ct15of2012.id)?.because).toContainEqual({ kind: 'tooRecentForYears', years: 10, year: '2017', recorded: '2012-02-24' });
  });

  it('without the years, the same page leaves it to the page date: the newer one, as before', () => {
    const plain = ref('Ban Chỉ đạo giao xây dựng Đề án về việc thực hiện Chỉ thị số 15-CT/TW của Bộ Chính trị.');
    expect(plain.yearsInForce).toBeUndefined();
    const res = resolveReference(plain, both, { pageDate: '2017-06-01' });
    expect(res.candidates[0]?.id).toBe(ct15of2012.id);
  });

  it('the date of the event the sentence tells of counts before the page date', () => {
    const r = ref('Ngày 5-3-2022, Tỉnh ủy tổng kết 10 năm thực hiện Chỉ thị số 15-CT/TW của Bộ Chính trị.');
    expect([r.eventDate, r.yearsInForce]).toEqual(['2022-03-05', 10]);
    const res = resolveReference(r, both, { pageDate: '2024-01-01' });
    expect(res.candidates[0]?.id).toBe(ct15of2012.id);
    expect(res.candidates[0]!.reasons).toContainEqual({ kind: 'yearsInForce', years: 10, year: '2022' });
  });

  it('a review prepared a year or two ahead still fits; a document much too recent never does', () => {
    const early = resolveReference(ref(review), [ct15of2007], { pageDate: '2016-01-01' });
    expect(early.candidates[0]?.id).toBe(ct15of2007.id);
    const res = resolveReference(ref(review), [ct15of2012], { pageDate: '2017-06-01' });
    expect([res.status, res.answer, res.candidates]).toEqual(['unresolved', 'not-in-dataset', []]);
  });

  it('an older document than the years say is not ruled out (the article may look back late), nor spoken for', () => {
    const ct15of1997 = doc({ id: '15-CT/TW@1997-08-01', code: '15-CT/TW', date: '1997-08-01', term: 'VIII', issuer: 'Bộ Chính trị' });
    const res = resolveReference(ref(review), [ct15of1997], { pageDate: '2017-06-01' });
    expect(res.ruledOut ?? []).toEqual([]);
    expect(res.candidates.flatMap((c) => c.reasons).map((r) => r.kind)).not.toContain('yearsInForce');
  });
});
