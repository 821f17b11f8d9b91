/** Within one page the same document is the same document (lib/resolver/page-mentions.ts). Sentences of our own. */
import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detector/detect';
import { readPageMentions } from '../../../lib/resolver/page-mentions';

const read = (text: string) => readPageMentions(detect(text));
const find = (refs: ReturnType<typeof read>, raw: string, nth = 0) => refs.filter((r) => r.raw === raw)[nth]!;

describe('the facts one mention states carry to the other mentions of the same document', () => {
  it('the second mention of a code reads like the first', () => {
    const refs = read('Bộ Chính trị ban hành Chỉ thị số 35-CT/TW ngày 30-5-2019 về đại hội đảng bộ các cấp.\nCác tỉnh quán triệt Chỉ thị số 35-CT/TW trong tháng Bảy.');
    expect(find(refs, '35-CT/TW', 1)).toMatchObject({ date: '2019-05-30', issuerName: 'Bộ Chính trị' });
  });

  it('unless its own sentence says otherwise: then it is another document, and nothing carries', () => {
    const refs = read('Chỉ thị số 35-CT/TW ngày 30-5-2019 của Bộ Chính trị đã được thực hiện.\nTrước đó, Chỉ thị số 35-CT/TW khóa XI về tiếp công dân cũng được sơ kết.');
    const second = find(refs, '35-CT/TW', 1);
    expect(second.term).toBe('XI');
    expect(second.date).toBeUndefined();
  });

  it('a place one mention of a local code states carries to the others, said to come from the page', () => {
    const refs = read('Ban Thường vụ Tỉnh ủy Thanh Hóa ban hành Nghị quyết số 02-NQ/TU về nông nghiệp.\n\nSau một năm, Nghị quyết số 02-NQ/TU đã có kết quả.');
    expect(find(refs, '02-NQ/TU', 1)).toMatchObject({ place: 'Thanh Hóa', placeFrom: 'page' });
  });
});

describe('a programme named by the number of the decision that approved it', () => {
  it('"Quyết định 224/1999/QĐ-TTg phê duyệt Chương trình … (Chương trình 224)": the programme is that decision\'s', () => {
    const refs = read('Năm 1999, Thủ tướng ban hành Quyết định số 224/1999/QĐ-TTg phê duyệt Chương trình phát triển nuôi trồng thủy sản (Chương trình 224).\nSau 10 năm thực hiện Chương trình 224, diện tích nuôi tôm tăng.');
    expect(find(refs, 'Chương trình 224')).toMatchObject({ code: '224/1999/QĐ-TTg' });
    expect(find(refs, 'Chương trình 224', 1)).toMatchObject({ code: '224/1999/QĐ-TTg' });
  });

  it('not another type\'s short form, not a decision of another number, not when the programme has a code of its own', () => {
    const refs = read('Theo Quyết định số 224/1999/QĐ-TTg về thủy sản. Kế hoạch số 224 của tỉnh và Chương trình 225 cũng được triển khai.');
    expect(find(refs, 'Kế hoạch số 224').code).toBeUndefined();
    expect(find(refs, 'Chương trình 225').code).toBeUndefined();
    const own = read('Quyết định số 89/QĐ-TTg phê duyệt Đề án 89/ĐA-BGDĐT (Đề án 89).');
    expect(find(own, 'Đề án 89').code).not.toBe('89/QĐ-TTg');
  });
});

describe('the year a short form writes carries to its other short forms', () => {
  it('"Thông tư 15/2015 của Bộ VHTTDL", then "Thông tư 15": of 2015', () => {
    const refs = read('Nghị định mới kế thừa Thông tư 15/2015 của Bộ VHTTDL về lễ hội.\nThực tế, Thông tư 15 của Bộ cũng quy định rõ điều này.');
    expect(find(refs, 'Thông tư 15')).toMatchObject({ codeYear: '2015' });
  });

  it('a short form of another year is another document and keeps its year', () => {
    const refs = read('Nghị định số 39/2021 sửa đổi Nghị định 39/2007 về thương mại.\nTheo đó, Nghị định 39/2007 vẫn còn hiệu lực, còn Nghị định số 39 mới bổ sung nhiều hành vi.');
    expect(find(refs, 'Nghị định 39/2007', 1).codeYear).toBe('2007');
    // Two years written on the page: the short form without one is not given either.
    expect(find(refs, 'Nghị định số 39').codeYear).toBeUndefined();
  });
});

describe('a short form given its body by another mention is that body\'s document', () => {
  it('"Thủ tướng đã ký Chỉ thị số 24", then "Chỉ thị 24": both the Prime Minister\'s, a state directive', () => {
    const refs = read('Thủ tướng đã ký Chỉ thị số 24 vào ngày 2/6.\nCác ngành thực hiện nghiêm túc Chỉ thị 24, kể cả các tập đoàn.');
    expect(find(refs, 'Chỉ thị số 24')).toMatchObject({ issuerName: 'Thủ tướng', family: 'state', issuer: { abbr: 'TTg' } });
    expect(find(refs, 'Chỉ thị 24')).toMatchObject({ issuerName: 'Thủ tướng', family: 'state', issuer: { abbr: 'TTg' } });
  });

  it('a mention that names its own body keeps it; with no body anywhere, a bare directive stays as read', () => {
    const refs = read('Thủ tướng đã ký Chỉ thị số 24 vào ngày 2/6.\nBộ Chính trị ban hành Chỉ thị số 24 năm 2013, khác hẳn.');
    expect(find(refs, 'Chỉ thị số 24', 1)).toMatchObject({ issuerName: 'Bộ Chính trị', family: 'party' });
    const alone = read('Các ngành thực hiện nghiêm túc Chỉ thị số 24, kể cả các tập đoàn.');
    expect(find(alone, 'Chỉ thị số 24').issuer.abbr).toBeUndefined();
    expect(find(alone, 'Chỉ thị số 24').issuerName).toBeUndefined();
  });
});

describe('a short form takes the identity of the code the page writes in full', () => {
  it('"Luật số 71" after "Luật số 71/2014/QH13"', () => {
    const refs = read('Luật số 71/2014/QH13 sửa đổi các luật về thuế. Từ năm 2015, Luật số 71 được áp dụng rộng rãi.');
    const short = find(refs, 'Luật số 71');
    expect(short.code).toBe('71/2014/QH13');
    expect(short.inferred).toBe(true);
  });

  it('also when the full code comes later on the page', () => {
    const refs = read('Theo Nghị định 100, mức phạt tăng mạnh.\nNghị định 100/2019/NĐ-CP có hiệu lực từ năm 2020.');
    expect(find(refs, 'Nghị định 100').code).toBe('100/2019/NĐ-CP');
  });

  it('not when the page writes two full codes of that type and number', () => {
    const refs = read('Nghị định 100/2019/NĐ-CP thay thế Nghị định 100/2013/NĐ-CP. Theo Nghị định 100, mức phạt tăng.');
    expect(find(refs, 'Nghị định 100').code).toBeUndefined();
  });

  it('not when the short form states another year', () => {
    const refs = read('Nghị định 100/2019/NĐ-CP đã có hiệu lực. Còn Nghị định 100/2013 thì hết hiệu lực.');
    expect(refs.find((r) => r.raw.startsWith('Nghị định 100/2013'))?.code).not.toBe('100/2019/NĐ-CP');
  });

  it('two short forms of one document share what they state ("Kết luận số 24 … Kết luận 24")', () => {
    const refs = read('Kết luận số 24 ngày 15-3-2022 của Bộ Chính trị nêu rõ yêu cầu.\nCác cấp thực hiện Kết luận 24, bảo đảm tiến độ.');
    const second = refs.filter((r) => r.number === '24')[1];
    expect(second).toMatchObject({ date: '2022-03-15', issuerName: 'Bộ Chính trị' });
  });
});
