/**
 * Evidence rules candidates out: whatever else speaks for a candidate, a fact the page states that it contradicts
 * (term, date, an event before it existed, issuing body or level, place, subject) rules it out; the answer says
 * which kind it is, and lists what ruled others out. Documents here are written for the tests.
 */
import { describe, expect, it } from 'vitest';
import type { Reference } from '../../../lib/detector/types';
import { resolveReference } from '../../../lib/resolver/resolve';
import { ruleOutText } from '../../../lib/resolver/reason-text';
import { compareBodies } from '../../../lib/keys/body-key';
import { detect } from '../../../lib/detector/detect';
import { doc } from './document-record';

/** The first reference the detector reads in a sentence of our own writing. */
function first(sentence: string): Reference {
  const refs = detect(sentence);
  expect(refs.length, sentence).toBeGreaterThan(0);
  return refs[0]!;
}

const nq11Of2007 = doc({ id: '11-NQ/TW@2007-02-05', code: '11-NQ/TW', date: '2007-02-05', term: 'X', issuer: 'Bộ Chính trị', title: 'Về công tác phụ nữ thời kỳ đẩy mạnh công nghiệp hóa' });
const ct35 = [
  doc({ id: '35-CT/TW@2014-05-26', code: '35-CT/TW', date: '2014-05-26', term: 'XI', issuer: 'Bộ Chính trị', title: 'Về tăng cường sự lãnh đạo của Đảng đối với công tác tiếp công dân' }),
  doc({ id: '35-CT/TW@2019-05-30', code: '35-CT/TW', date: '2019-05-30', term: 'XII', issuer: 'Bộ Chính trị', title: 'Về đại hội đảng bộ các cấp tiến tới Đại hội XIII' }),
];

describe('a stated fact the candidate contradicts rules it out', () => {
  it('a stated term: the only 11-NQ/TW held is of another term, so the answer is "not in the dataset", never that one', () => {
    const ref = first('Bộ Chính trị đã ban hành Nghị quyết số 11-NQ/TW khóa IX về công tác tổ chức.');
    const res = resolveReference(ref, [nq11Of2007], { pageDate: '2010-01-01' });
    expect(res).toMatchObject({ status: 'unresolved', answer: 'not-in-dataset', candidates: [] });
    expect(res.ruledOut).toEqual([expect.objectContaining({ id: nq11Of2007.id, because: [{ kind: 'termDiffers', stated: 'IX', recorded: 'X' }] })]);
    expect(ruleOutText(res.ruledOut![0]!.because[0]!)).toBe('of khóa X, the sentence says khóa IX');
  });

  it('an event before the document existed: a conference of March 2019 cannot review the directive of 30 May 2019', () => {
    const ref = first('Ngày 5-3-2019, Tỉnh ủy tổ chức hội nghị sơ kết 5 năm thực hiện Chỉ thị số 35-CT/TW.');
    expect(ref.eventDate).toBe('2019-03-05');
    const res = resolveReference(ref, ct35, { pageDate: '2019-03-06' });
    expect(res.candidates.map((c) => c.id)).toEqual(['35-CT/TW@2014-05-26']);
    expect(res.ruledOut?.[0]?.because.map((b) => b.kind)).toContain('afterEventDate');
  });

  it('the event date alone decides, without a page date', () => {
    const res = resolveReference(first('Ngày 5-3-2019, Tỉnh ủy tổ chức hội nghị sơ kết Chỉ thị số 35-CT/TW.'), ct35, {});
    expect(res).toMatchObject({ status: 'resolved', answer: 'best-fit' });
    expect(res.candidates[0]!.id).toBe('35-CT/TW@2014-05-26');
  });

  it('a signing is the document\'s own date, not an event after which it existed', () => {
    const signed = first('Ngày 30-5-2019, Tổng Bí thư đã ký ban hành Chỉ thị số 35-CT/TW về đại hội đảng bộ.');
    expect([signed.date, signed.eventDate]).toEqual(['2019-05-30', undefined]);
    expect(resolveReference(signed, ct35, {}).candidates[0]!.id).toBe('35-CT/TW@2019-05-30');
    // A conference that reviews the directive is an event; so is a plan issued to carry it out.
    expect(first('Ngày 5-3-2019, Tỉnh ủy ban hành kế hoạch thực hiện Chỉ thị số 35-CT/TW.').eventDate).toBe('2019-03-05');
  });

  it('a period\'s start or a deadline is no event date', () => {
    expect(first('Từ ngày 1-1-2015, các cấp thực hiện Chỉ thị số 35-CT/TW.').eventDate).toBeUndefined();
    expect(first('Trước ngày 30-6-2019, các tỉnh hoàn thành theo Chỉ thị số 35-CT/TW.').eventDate).toBeUndefined();
    // The date of the document itself is its date, not an event before it.
    const own = first('Ngày 30-5-2019, Bộ Chính trị ban hành Chỉ thị số 35-CT/TW về đại hội đảng bộ các cấp.');
    expect(own.date).toBe('2019-05-30');
    expect(own.eventDate).toBeUndefined();
  });

  it('an issuing body of another level: a Tỉnh ủy never issues a …/TW record', () => {
    const tw = doc({ id: '02-NQ/TW@2021-06-16', code: '02-NQ/TW', date: '2021-06-16', term: 'XIII', issuer: 'Bộ Chính trị' });
    // "TƯ" with a Tỉnh ủy in the sentence is read as the province's code (…/TU); written "TW", the record is a
    // candidate by its code, and the stated body rules it out.
    expect(first('Ban Thường vụ Tỉnh ủy Thanh Hóa ban hành Nghị quyết số 02-NQ/TƯ về phát triển nông nghiệp.').code).toBe('02-NQ/TU');
    const ref = first('Ban Thường vụ Tỉnh ủy Thanh Hóa ban hành Nghị quyết số 02-NQ/TW về phát triển nông nghiệp.');
    const res = resolveReference(ref, [tw], {});
    expect(res.status).toBe('unresolved');
    expect(res.ruledOut![0]!.because).toEqual([expect.objectContaining({ kind: 'issuerDiffers', recorded: 'Bộ Chính trị' })]);
  });

  it('a Party code says its level: a …/TU record is never the Bộ Chính trị\'s document, even when the record says so', () => {
    // A record made from a sentence that wrote a central resolution with a province's code.
    const tu = doc({ id: '33-NQ/TU@Đà Nẵng~news', code: '33-NQ/TU', place: 'Đà Nẵng', issuer: 'Bộ Chính trị', knownFromNews: true });
    const ref = first('Thành phố phát triển theo tinh thần Nghị quyết 33/NQ-TU của Bộ Chính trị về Đà Nẵng.');
    const res = resolveReference(ref, [tu], { place: 'Đà Nẵng' });
    expect(res).toMatchObject({ status: 'unresolved', answer: 'not-in-dataset' });
    expect(res.ruledOut![0]!.because).toContainEqual(expect.objectContaining({ kind: 'issuerDiffers', stated: 'Bộ Chính trị' }));
    // The province's own body still names it; and a local state code is compared by its body, as before.
    const own = resolveReference(first('Ban Thường vụ Thành ủy Đà Nẵng ban hành Nghị quyết 33-NQ/TU về phát triển.'), [{ ...tu, issuer: 'Thành ủy Đà Nẵng' }], {});
    expect(own.status).toBe('resolved');
    const ub = doc({ id: '1090/QĐ-UB@Kiên Giang', code: '1090/QĐ-UB', place: 'Kiên Giang', issuer: 'UBND thị xã Rạch Giá', knownFromNews: true });
    const state = resolveReference(first('Quyết định số 1090/QĐ-UB của UBND thị xã Rạch Giá về thu hồi đất.'), [ub], { place: 'Kiên Giang' });
    expect(state.status).toBe('resolved');
  });

  it('another ministry rules a circular out; initials name the same ministry', () => {
    const bct = doc({ id: '22/2009/TT-BCT', code: '22/2009/TT-BCT', date: '2009-08-04', issuer: 'Bộ Công Thương', typeName: 'Thông tư' });
    const ref = first('Theo Thông tư số 22 của Bộ Thông tin và Truyền thông, các đơn vị phải báo cáo.');
    expect(resolveReference(ref, [bct], {})).toMatchObject({ status: 'unresolved', answer: 'not-in-dataset' });
    expect(compareBodies('Bộ NN&PTNT', 'Bộ Nông nghiệp và Phát triển nông thôn')).toBe('same');
    expect(compareBodies('Bộ NNPTNT', 'Bộ NN-PTNT')).toBe('same');
    expect(compareBodies('Bộ GD&ĐT', 'Bộ Giáo dục và Đào tạo')).toBe('same');
    expect(compareBodies('Bộ Y tế', 'Bộ Tài chính')).toBe('differs');
  });

  it('a ministry named with a decree drafted it: it neither confirms nor rules out the Government\'s decree', () => {
    const nd = doc({ id: '100/2019/NĐ-CP', code: '100/2019/NĐ-CP', date: '2019-12-30', issuer: 'Chính phủ', typeName: 'Nghị định' });
    const ref = first('Nghị định 100/2019/NĐ-CP do Bộ Giao thông vận tải chủ trì soạn thảo đã có hiệu lực.');
    const res = resolveReference({ ...ref, issuerName: 'Bộ Giao thông vận tải' }, [nd], {});
    expect(res).toMatchObject({ status: 'resolved' });
  });

  it('bodies of one group (Bộ Chính trị / Ban Bí thư) are told apart only when another candidate is the one named', () => {
    const bct = doc({ id: '05-CT/TW@2016-05-15', code: '05-CT/TW', date: '2016-05-15', term: 'XII', issuer: 'Bộ Chính trị' });
    const bbt = doc({ id: '05-CT/TW@2011-x', code: '05-CT/TW', term: 'XI', issuer: 'Ban Bí thư' });
    const ref = first('Thực hiện Chỉ thị số 05-CT/TW của Ban Bí thư, chi bộ đã họp.');
    const both = resolveReference(ref, [bct, bbt], {});
    expect(both.candidates.map((c) => c.id)).toEqual(['05-CT/TW@2011-x']);
    expect(both.ruledOut![0]!.because[0]!.kind).toBe('issuerDiffers');
    // Alone, a near body (often confused in news) does not rule the only record out.
    expect(resolveReference(ref, [bct], {}).status).toBe('resolved');
  });

  it('a local code in another province is ruled out, and says where it is from', () => {
    const na = doc({ id: '02-NQ/TU@Nghệ An', code: '02-NQ/TU', date: '2021-03-01', place: 'Nghệ An', issuer: 'Tỉnh ủy Nghệ An' });
    const ref = first('Ban Thường vụ Tỉnh ủy Thanh Hóa ban hành Nghị quyết số 02-NQ/TU về xây dựng nông thôn mới.');
    const res = resolveReference(ref, [na], {});
    expect(res.status).toBe('unresolved');
    expect(res.ruledOut![0]!.because).toContainEqual({ kind: 'placeDiffers', stated: 'Thanh Hóa', recorded: 'Nghệ An' });
  });
});

describe('the kind of answer', () => {
  it('is "confirmed" when the sentence\'s facts match the record, "best-fit" when the page date or elimination chose', () => {
    const stated = first('Chỉ thị số 35-CT/TW ngày 30-5-2019 của Bộ Chính trị về đại hội đảng bộ các cấp.');
    expect(resolveReference(stated, ct35, {})).toMatchObject({ status: 'resolved', answer: 'confirmed' });
    const bare = first('Các cấp ủy thực hiện Chỉ thị số 35-CT/TW nghiêm túc.');
    expect(resolveReference(bare, ct35, { pageDate: '2020-01-01' })).toMatchObject({ status: 'resolved', answer: 'best-fit' });
    expect(resolveReference(bare, ct35, {})).toMatchObject({ status: 'ambiguous', answer: 'several' });
    expect(resolveReference(bare, [], {})).toMatchObject({ status: 'unresolved', answer: 'not-in-dataset' });
  });

  it('a dated and an undated record of one code and term are one document: shown once', () => {
    const undated = doc({ id: '35-CT/TW~news', code: '35-CT/TW', term: 'XII', issuer: 'Bộ Chính trị', knownFromNews: true, confidence: 'news-only' });
    const res = resolveReference(first('Thực hiện Chỉ thị số 35-CT/TW khóa XII, các tỉnh tổ chức đại hội.'), [...ct35, undated], {});
    expect(res).toMatchObject({ status: 'resolved', answer: 'confirmed' });
    expect(res.candidates.map((c) => c.id)).toEqual(['35-CT/TW@2019-05-30']);
  });
});
