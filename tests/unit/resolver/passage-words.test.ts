/**
 * Subject terms of the passage and a title (lib/resolver/passage-words.ts), and the resolver's rule on them: the
 * passage that speaks of one candidate's subject, and of no other's, makes it lead; a weak overlap, a shared term,
 * a record without a title or a contradiction keeps it from deciding. Sentences are written for the tests; codes,
 * dates and titles are the documents' facts.
 */
import { describe, expect, it } from 'vitest';
import type { Reference } from '../../../lib/detector/types';
import { detect } from '../../../lib/detector/detect';
import { passageWords, titleTerms } from '../../../lib/resolver/passage-words';
import { resolveReference } from '../../../lib/resolver/resolve';
import { doc } from './document-record';
import { readPageMentions } from '../../../lib/resolver/page-mentions';

const SPORT = 'về tăng cường sự lãnh đạo của Đảng, tạo bước phát triển mạnh mẽ về thể dục, thể thao đến năm 2020';
const nq08of2007 = doc({ id: '08-NQ/TW@2007-02-05', code: '08-NQ/TW', date: '2007-02-05', term: 'X', issuer: 'Ban Chấp hành Trung ương', title: 'về một số chủ trương, chính sách lớn để nền kinh tế phát triển nhanh và bền vững khi Việt Nam là thành viên của Tổ chức Thương mại thế giới' });
const nq08of2011 = doc({ id: '08-NQ/TW@2011-12-01', code: '08-NQ/TW', date: '2011-12-01', term: 'XI', issuer: 'Bộ Chính trị', title: SPORT });
const nq08of2017 = doc({ id: '08-NQ/TW@2017-01-16', code: '08-NQ/TW', date: '2017-01-16', term: 'XII', issuer: 'Bộ Chính trị', title: 'về phát triển du lịch trở thành ngành kinh tế mũi nhọn' });
const all08 = [nq08of2007, nq08of2011, nq08of2017];

function first(text: string): Reference {
  const ref = detect(text)[0];
  expect(ref, text).toBeDefined();
  return ref!;
}

describe('passageWords', () => {
  it('counts the title\'s subject terms the passage says, and one more when it says one twice', () => {
    const once = passageWords('Phong trào thể thao quần chúng được quan tâm.', SPORT);
    expect(once).toEqual({ terms: ['thể thao'], strength: 1 });
    const twice = passageWords('Phong trào thể thao quần chúng, thể thao trường học được quan tâm.', SPORT);
    expect(twice).toEqual({ terms: ['thể thao'], strength: 2 });
    const both = passageWords('Công tác thể dục và thể thao trường học.', SPORT);
    expect(both.strength).toBe(2);
  });

  it('reads an acronym as the title words whose initials spell it', () => {
    expect(passageWords('cần sửa Luật TDTT cho phù hợp', SPORT)).toEqual({ terms: ['thể dục', 'thể thao'], strength: 2 });
    const bhxh = passageWords('tỷ lệ lao động tham gia BHXH còn thấp', 'về tăng cường sự lãnh đạo của Đảng đối với công tác bảo hiểm xã hội, bảo hiểm y tế giai đoạn 2012-2020');
    expect(bhxh.terms).toEqual(['bảo hiểm xã hội', 'bảo hiểm']);
    // A word with a vowel is a word, not an acronym ("thao" is no t-h-a-o of anything).
    expect(passageWords('thao tác nhanh', 'tăng hiệu quả an ninh ổn định').strength).toBe(0);
  });

  it('never counts the terms every title uses, nor pairs across the title\'s punctuation', () => {
    const title = 'về một số chủ trương, chính sách lớn nhằm tiếp tục đổi mới mô hình tăng trưởng, nâng cao chất lượng tăng trưởng';
    const keys = titleTerms(title).map((t) => t.key);
    expect(keys).not.toContain('chinh sach');
    expect(keys).not.toContain('nang cao');
    // "chủ trương, chính sách": no "trương chính" (the passage's "Trường Chinh" is a name).
    expect(keys).not.toContain('truong chinh');
    expect(passageWords('Đồng chí Trường Chinh tiếp tục đổi mới, nâng cao chất lượng công tác.', title).strength).toBe(0);
  });
});

describe('the passage\'s subject words decide among records of one number', () => {
  const sportPassage = 'Thứ trưởng đề nghị bổ sung nội dung về thể thao quần chúng, thể thao trong nhà trường vào Luật TDTT sửa đổi, dựa trên Nghị quyết số 08-NQ/TW, phát huy vai trò của Nhà nước.';

  it('a passage on sport names the resolution on sport, not the one the page date would pick', () => {
    const res = resolveReference(first(sportPassage), all08, { pageDate: '2017-12-31' });
    expect([res.status, res.answer, res.candidates[0]!.id]).toEqual(['resolved', 'best-fit', nq08of2011.id]);
    expect(res.candidates[0]!.reasons).toContainEqual({ kind: 'passageWords', terms: ['thể dục', 'thể thao'] });
    expect(res.candidates[0]!.reasons.map((r) => r.kind)).not.toContain('latestBeforePageDate');
  });

  it('a weak overlap (one subject term, said once) decides nothing, and keeps the page date from picking another: several fit', () => {
    const res = resolveReference(first('Ngành đã triển khai Nghị quyết số 08-NQ/TW, phong trào thể thao có nhiều đổi mới.'), all08, { pageDate: '2017-12-31' });
    expect([res.status, res.answer]).toEqual(['ambiguous', 'several']);
    expect(res.candidates.flatMap((c) => c.reasons).map((r) => r.kind)).not.toContain('passageWords');
    expect(res.candidates.flatMap((c) => c.reasons).map((r) => r.kind)).not.toContain('latestBeforePageDate');
  });

  it('with no subject word of any title in the passage, the page date still breaks the tie', () => {
    const res = resolveReference(first('Ngành đã triển khai Nghị quyết số 08-NQ/TW, kết quả có nhiều đổi mới.'), all08, { pageDate: '2017-12-31' });
    expect([res.status, res.candidates[0]!.id]).toEqual(['resolved', nq08of2017.id]);
    expect(res.candidates[0]!.reasons.map((r) => r.kind)).toContain('latestBeforePageDate');
  });

  it('a study of Hồ Chí Minh\'s example cited as "Chỉ thị 03" in 2017 is not the 2016 directive on the Red Cross congress by date alone', () => {
    const ct03of2011 = doc({ id: '03-CT/TW@2011', code: '03-CT/TW', date: '2011', term: 'XI', issuer: 'Bộ Chính trị', title: 'về tiếp tục đẩy mạnh việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh' });
    const ct03of2016 = doc({ id: '03-CT/TW@2016-03-31', code: '03-CT/TW', date: '2016-03-31', term: 'XII', issuer: 'Ban Bí thư', title: 'về lãnh đạo Đại hội Hội Chữ thập đỏ các cấp và Đại hội đại biểu toàn quốc Hội Chữ thập đỏ Việt Nam lần thứ X' });
    const res = resolveReference(first('Nhìn lại việc học tập và làm theo Bác qua Chỉ thị số 03 cho thấy vai trò người đứng đầu.'), [ct03of2011, ct03of2016], { pageDate: '2017-12-31' });
    expect(res.status).toBe('ambiguous');
    expect(res.candidates.map((c) => c.id)).toEqual(expect.arrayContaining([ct03of2011.id, ct03of2016.id]));
  });

  it('no lead when another candidate\'s title shares a subject term with the passage', () => {
    const tourism = { ...nq08of2017, title: 'về phát triển du lịch và thể thao trở thành ngành kinh tế mũi nhọn' };
    const res = resolveReference(first(sportPassage), [nq08of2007, nq08of2011, tourism], { pageDate: '2017-12-31' });
    expect(res.candidates.flatMap((c) => c.reasons).map((r) => r.kind)).not.toContain('passageWords');
  });

  it('no lead while another candidate has no known title (it may be the one the passage speaks of)', () => {
    const untitled = { ...nq08of2017, title: undefined };
    const res = resolveReference(first(sportPassage), [nq08of2007, nq08of2011, untitled], { pageDate: '2017-12-31' });
    expect(res.candidates.flatMap((c) => c.reasons).map((r) => r.kind)).not.toContain('passageWords');
  });

  it('never overrides what the sentence states: a term the sports resolution is not of rules it out', () => {
    const ref = first('Bộ Chính trị khóa XII đã ban hành Nghị quyết số 08-NQ/TW; Luật TDTT sửa đổi cần bổ sung về thể thao quần chúng, thể thao trường học.');
    expect(ref.term).toBe('XII');
    const res = resolveReference(ref, all08, { pageDate: '2017-12-31' });
    expect(res.candidates[0]!.id).toBe(nq08of2017.id);
    expect(res.ruledOut?.map((r) => r.id)).toContain(nq08of2011.id);
  });
});

describe('a lone candidate needs positive evidence, and subject words can give it', () => {
  const bhxh = doc({ id: '21-NQ/TW@2012', code: '21-NQ/TW', date: '2012', term: 'XI', issuer: 'Bộ Chính trị', title: 'về tăng cường sự lãnh đạo của Đảng đối với công tác bảo hiểm xã hội, bảo hiểm y tế giai đoạn 2012-2020' });

  it('a passage on social insurance confirms the only record of 21-NQ/TW, on its subject', () => {
    const res = resolveReference(first('Nghị quyết số 21-NQ/TW đặt mục tiêu mở rộng diện tham gia BHXH, nhưng số lao động tham gia BHXH còn thấp.'), [bhxh], { pageDate: '2017-12-31' });
    expect(res).toMatchObject({ status: 'resolved', answer: 'best-fit', candidates: [{ id: bhxh.id }] });
  });

  it('a passage of another subject leaves it offered, not chosen (the page may cite a document the dataset lacks)', () => {
    const res = resolveReference(first('Nghị quyết số 21-NQ/TW nêu rõ yêu cầu về công tác dân số, quy mô dân số và chất lượng dân số.'), [bhxh], { pageDate: '2017-12-31' });
    expect(res).toMatchObject({ status: 'ambiguous', answer: 'several' });
  });

  it('"Chỉ thị số 26" on civil-service discipline is not the only 26-CT/TW held (foreign information)', () => {
    const ct26 = doc({ id: '26-CT/TW@2008-09-10', code: '26-CT/TW', date: '2008-09-10', term: 'X', issuer: 'Ban Bí thư', title: 'về tiếp tục đổi mới và tăng cường công tác thông tin đối ngoại trong tình hình mới' });
    const ref = first('Bộ trưởng đã lập hội đồng kỷ luật, thực hiện nghiêm Chỉ thị số 26 về tăng cường kỷ luật, kỷ cương và công điện của Thủ tướng về kỷ luật lao động.');
    expect(resolveReference(ref, [ct26], { pageDate: '2017-02-20' }).status).not.toBe('resolved');
  });
});

describe('a plenum name: the passage\'s subject words pick the plenum\'s resolution', () => {
  const plenum5 = (n: string, title: string) => doc({ id: `${n}-NQ/TW@2017-06-03`, code: `${n}-NQ/TW`, date: '2017-06-03', term: 'XII', plenum: 5, issuer: 'Ban Chấp hành Trung ương', title });
  const nq10 = plenum5('10', 'về phát triển kinh tế tư nhân trở thành một động lực quan trọng của nền kinh tế thị trường định hướng xã hội chủ nghĩa');
  const nq11 = plenum5('11', 'về hoàn thiện thể chế kinh tế thị trường định hướng xã hội chủ nghĩa');
  const nq12 = plenum5('12', 'về tiếp tục cơ cấu lại, đổi mới và nâng cao hiệu quả doanh nghiệp nhà nước');

  it('a passage on the private sector names resolution 10', () => {
    const res = resolveReference(first('Các doanh nhân mong Chính phủ sớm cụ thể hóa Nghị quyết Hội nghị Trung ương 5 để khu vực kinh tế tư nhân phát triển bình đẳng.'), [nq10, nq11, nq12], { pageDate: '2017-12-31' });
    expect([res.status, res.candidates[0]!.id]).toEqual(['resolved', nq10.id]);
    expect(res.candidates[0]!.reasons).toContainEqual({ kind: 'passageWords', terms: ['kinh tế tư nhân'] });
  });

  it('a passage speaking only of the economy in general names none of them', () => {
    const res = resolveReference(first('Các doanh nhân mong Chính phủ sớm cụ thể hóa Nghị quyết Hội nghị Trung ương 5 để kinh tế phát triển nhanh, bền vững.'), [nq10, nq11, nq12], { pageDate: '2017-12-31' });
    expect(res.status).toBe('ambiguous');
  });
});

describe('what the page says around its other mentions of one document speaks for it at each mention', () => {
  const nd67of2014 = doc({ id: '67/2014/NĐ-CP@2014-07-07', code: '67/2014/NĐ-CP', date: '2014-07-07', issuer: 'Chính phủ', title: 'về một số chính sách phát triển thủy sản' });
  const nd67of2017 = doc({ id: '67/2017/NĐ-CP@2017', code: '67/2017/NĐ-CP', date: '2017', issuer: 'Chính phủ', title: 'quy định xử phạt vi phạm hành chính trong lĩnh vực dầu khí, kinh doanh xăng dầu và khí' });
  const filler = 'Buổi làm việc diễn ra trong không khí cởi mở, các đại biểu đã nêu nhiều ý kiến thẳng thắn. '.repeat(6);
  const page = `Nhiều ngư dân đã vay vốn đóng tàu theo Nghị định 67 để vươn khơi.\n${filler}\nNgành thủy sản của tỉnh đã có bước tiến rõ.\n${filler}\nTheo Nghị định 67, chủ tàu được hỗ trợ chi phí bảo hiểm thân tàu hằng năm.`;
  const refs = () => readPageMentions(detect(page)).filter((r) => r.raw === 'Nghị định 67');

  it('words that stand near no mention of it are not read for it; one term said once around one mention is weak', () => {
    for (const r of refs()) expect(resolveReference(r, [nd67of2014, nd67of2017], { pageDate: '2017-12-31' }).status).toBe('ambiguous');
    const lone = first('Nghị định 67 và thủy sản.');
    expect(resolveReference(lone, [nd67of2014, nd67of2017], { pageDate: '2017-12-31' }).status).toBe('ambiguous');
  });

  it('a short form far from the words still counts them when they stand around another mention of it', () => {
    const text = `Ngành thủy sản cần đóng tàu theo Nghị định 67 cho ngư dân.\n${filler}\nNgư dân khai thác thủy sản đã hưởng Nghị định 67 từ lâu.\n${filler}\nTheo Nghị định 67, chủ tàu được hỗ trợ.`;
    const all = readPageMentions(detect(text)).filter((r) => r.raw === 'Nghị định 67');
    expect(all).toHaveLength(3);
    const last = all[2]!;
    expect(last.pageContexts).toHaveLength(2);
    const res = resolveReference(last, [nd67of2014, nd67of2017], { pageDate: '2017-12-31' });
    expect([res.status, res.candidates[0]!.id]).toEqual(['resolved', nd67of2014.id]);
    expect(res.candidates[0]!.reasons).toContainEqual({ kind: 'passageWords', terms: ['thủy sản'] });
  });

  it('mentions close together read one passage once: a term said once is not said twice', () => {
    const text = 'Ngành thủy sản làm theo Nghị định 67, và Nghị định 67 đã giúp chủ tàu.';
    const all = readPageMentions(detect(text)).filter((r) => r.raw === 'Nghị định 67');
    expect(all).toHaveLength(2);
    for (const r of all) {
      expect(r.pageContexts).toBeUndefined();
      expect(resolveReference(r, [nd67of2014, nd67of2017], { pageDate: '2017-12-31' }).status).toBe('ambiguous');
    }
  });

  it('a page naming two documents by one short form (two years) pools no passage for it: the fisheries words of the 2017 one never reach the others', () => {
    const text = `Nghị định 67 năm 2017 nói về xăng dầu; ngành thủy sản, thủy sản xa bờ cũng được nhắc.\n${filler}\nNghị định 67 năm 2014 hỗ trợ chủ tàu.\n${filler}\nTheo Nghị định 67 năm 2014, chủ tàu vay vốn.`;
    const all = readPageMentions(detect(text)).filter((r) => r.raw === 'Nghị định 67');
    expect(all.map((r) => r.date)).toEqual(['2017', '2014', '2014']);
    for (const r of all) expect(r.pageContexts).toBeUndefined();
  });
});
