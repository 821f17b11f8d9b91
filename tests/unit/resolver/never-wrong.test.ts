/**
 * Never confidently wrong: readings of the sentence and the page that keep a reference from resolving to a document
 * it does not name. Sentences and documents here are written for the tests.
 */
import { describe, expect, it } from 'vitest';
import type { Reference } from '../../../lib/detector/types';
import { detect } from '../../../lib/detector/detect';
import { doc } from './document-record';
import { resolveReference } from '../../../lib/resolver/resolve';
import { readPageMentions } from '../../../lib/resolver/page-mentions';

function refAt(text: string, raw: string): Reference {
  const ref = readPageMentions(detect(text)).find((r) => r.raw === raw);
  expect(ref, raw).toBeDefined();
  return ref!;
}

describe('a sentence naming a series of one number names no one document', () => {
  const nq19 = doc({ id: '19/2017/NQ-CP', code: '19/2017/NQ-CP', date: '2017-02-06', issuer: 'Chính phủ', title: 'Về cải thiện môi trường kinh doanh năm 2017' });
  const nq19tw = doc({ id: '19-NQ/TW@2017-10-25', code: '19-NQ/TW', date: '2017-10-25', term: 'XII', issuer: 'Ban Chấp hành Trung ương', title: 'Về đơn vị sự nghiệp công lập' });

  it.each([
    'Từ năm 2014, Chính phủ đã ban hành các Nghị quyết 19/NQ-CP về môi trường kinh doanh.',
    'Bà đã chắp bút cả bốn phiên bản Nghị quyết 19, từ bản đầu tiên.',
    'Các Nghị quyết 19 của các năm trước đã tạo thay đổi về thứ hạng.',
    'Chính phủ ban hành Nghị quyết số 19 hằng năm để cải thiện môi trường kinh doanh.',
  ])('%s', (sentence) => {
    const ref = detect(sentence)[0]!;
    expect(ref.several).toBe(true);
    // Whichever record its number finds (the Government's by its code, a Party one by a bare number), none is chosen.
    const res = resolveReference(ref, [nq19, nq19tw], { pageDate: '2017-12-01' });
    expect(res.status).not.toBe('resolved');
    if (ref.code) expect(res).toMatchObject({ status: 'ambiguous', answer: 'several', candidates: [{ id: nq19.id }] });
    // Each choice says why none is chosen.
    for (const c of res.candidates) expect(c.reasons).toContainEqual({ kind: 'namesSeries' });
  });

  it('two terms named together ("Nghị quyết Trung ương 4 (khóa XI, XII)") name one resolution of each: several', () => {
    const nq12 = doc({ id: '12-NQ/TW@2012-01-16', code: '12-NQ/TW', date: '2012-01-16', term: 'XI', plenum: 4, issuer: 'Ban Chấp hành Trung ương', title: 'Một số vấn đề cấp bách về xây dựng Đảng hiện nay' });
    const nq04 = doc({ id: '04-NQ/TW@2016-10-30', code: '04-NQ/TW', date: '2016-10-30', term: 'XII', plenum: 4, issuer: 'Ban Chấp hành Trung ương', title: 'Về tăng cường xây dựng, chỉnh đốn Đảng; ngăn chặn, đẩy lùi sự suy thoái' });
    for (const text of ['Thực hiện Nghị quyết Trung ương 4 (khóa XI, XII) về tăng cường xây dựng, chỉnh đốn Đảng.', 'Thực hiện Nghị quyết Trung ương 4 khóa XI và XII về xây dựng Đảng.']) {
      const ref = detect(text)[0]!;
      expect([ref.several, ref.term]).toEqual([true, undefined]);
      const res = resolveReference(ref, [nq12, nq04], { pageDate: '2017-06-01' });
      expect(res.status).not.toBe('resolved');
      expect(res.ruledOut ?? []).toEqual([]);
    }
    // One term: that plenum's resolution, as before.
    const one = detect('Thực hiện Nghị quyết Trung ương 4 khóa XII về tăng cường xây dựng, chỉnh đốn Đảng.')[0]!;
    expect([one.several, one.term]).toEqual([undefined, 'XII']);
  });

  it('a list of several numbers after "các" is one document each; one number without "các" is one document', () => {
    for (const r of detect('Thực hiện các Chỉ thị 05-CT/TW, 06-CT/TW của Bộ Chính trị. Theo các Quyết định số 12/QĐ-UBND ngày 2/3/2020 và số 15/QĐ-UBND.')) {
      expect(r.several, r.raw).toBeUndefined();
    }
    const one = detect('Chính phủ ban hành Nghị quyết 19/2017/NQ-CP về môi trường kinh doanh năm 2017.')[0]!;
    expect(one.several).toBeUndefined();
    expect(resolveReference(one, [nq19], {}).status).toBe('resolved');
  });

  it('on a page that also writes the 2017 resolution in full, the series mention does not take its identity', () => {
    const page = 'Ngày 6/2/2017, Chính phủ ban hành Nghị quyết 19/2017/NQ-CP về môi trường kinh doanh. Nghị quyết 19 của các năm trước đã tạo thay đổi. Theo ông, Nghị quyết 19, với 250 chỉ tiêu, rất tham vọng.';
    const series = refAt(page, 'Nghị quyết 19');
    expect(series.code).toBeUndefined();
    expect(resolveReference(series, [nq19, nq19tw], { pageDate: '2017-12-01', pageCodes: ['19/2017/NQ-CP'] }).status).not.toBe('resolved');
    // The mention after it, without the plural, is the page's 2017 resolution.
    const next = readPageMentions(detect(page)).filter((r) => r.raw === 'Nghị quyết 19')[1]!;
    expect(next.several).toBeUndefined();
    expect(next.code).toBe('19/2017/NQ-CP');
  });
});

describe('words tell apart only documents whose titles are known', () => {
  const nq10 = doc({ id: '10-NQ/TW@2017-06-03', code: '10-NQ/TW', date: '2017-06-03', term: 'XII', plenum: 5, issuer: 'Ban Chấp hành Trung ương', title: 'Về phát triển kinh tế tư nhân trở thành một động lực quan trọng của nền kinh tế thị trường định hướng xã hội chủ nghĩa' });
  // Held without its title.
  const nq11 = doc({ id: '11-NQ/TW@2017-06-03', code: '11-NQ/TW', date: '2017-06-03', term: 'XII', plenum: 5, issuer: 'Ban Chấp hành Trung ương' });

  it('a subject partly in one title does not rule out a resolution of the same plenum held without one', () => {
    const ref = detect('Nghị quyết Hội nghị Trung ương 5 khóa XII về hoàn thiện thể chế kinh tế thị trường định hướng xã hội chủ nghĩa đã được ban hành.')[0]!;
    const res = resolveReference(ref, [nq10, nq11], { pageDate: '2017-07-01' });
    expect(res).toMatchObject({ status: 'ambiguous', answer: 'several' });
    expect(res.candidates.map((c) => c.id).sort()).toEqual([nq10.id, nq11.id]);
  });

  it('a subject in the title\'s words throughout names it; with every title known, words decide as before', () => {
    const ref = detect('Nghị quyết Hội nghị Trung ương 5 khóa XII về phát triển kinh tế tư nhân trở thành một động lực quan trọng của nền kinh tế thị trường định hướng xã hội chủ nghĩa.')[0]!;
    const full = resolveReference(ref, [nq10, nq11], { pageDate: '2017-07-01' });
    expect([full.status, full.candidates[0]!.id]).toEqual(['resolved', nq10.id]);
    const partly = detect('Nghị quyết Hội nghị Trung ương 5 khóa XII về hoàn thiện thể chế kinh tế thị trường định hướng xã hội chủ nghĩa đã được ban hành.')[0]!;
    const titled = { ...nq11, title: 'Về cải cách chính sách tiền lương đối với cán bộ, công chức' };
    const known = resolveReference(partly, [nq10, titled], { pageDate: '2017-07-01' });
    expect([known.status, known.candidates[0]!.id]).toEqual(['resolved', nq10.id]);
  });
});

describe('a plenum name is one of the plenum\'s resolutions only when the words point at its title', () => {
  // The dataset holds one resolution of plenum 6 khóa X; the plenum adopted others.
  const nq20 = doc({ id: '20-NQ/TW@2008-01-28', code: '20-NQ/TW', date: '2008-01-28', term: 'X', plenum: 6, issuer: 'Ban Chấp hành Trung ương', title: 'Về tiếp tục xây dựng giai cấp công nhân Việt Nam thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước' });

  it('a passage sharing a word pair or two with the title is no match: offered, not chosen', () => {
    const ref = detect('Qua hơn 30 năm đổi mới, nhất là từ khi thực hiện Nghị quyết Trung ương 6 khóa X, Đảng ta luôn quan tâm xây dựng, hoàn thiện thể chế kinh tế thị trường của đất nước Việt Nam.')[0]!;
    const res = resolveReference(ref, [nq20], { pageDate: '2017-12-31' });
    expect(res).toMatchObject({ status: 'ambiguous', answer: 'several' });
  });

  it('a passage on the title\'s subject names it', () => {
    const ref = detect('Thực hiện Nghị quyết Trung ương 6 khóa X, tỉnh chú trọng xây dựng giai cấp công nhân Việt Nam thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước.')[0]!;
    const res = resolveReference(ref, [nq20], { pageDate: '2017-12-31' });
    expect([res.status, res.candidates[0]?.id]).toEqual(['resolved', nq20.id]);
  });
});
