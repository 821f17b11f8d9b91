/**
 * Within one page the same document is cited again by a short form: a type word and a number that the sentence
 * alone would not confirm ("… mà Nghị định 86 chưa quy định") is a citation when the page cites that type and
 * number elsewhere in a form that stands on its own. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detector/detect';
import { PageForms } from '../../../lib/detector/page-forms';

const raws = (text: string) => detect(text).map((r) => r.raw);

describe('a short form the page has cited before', () => {
  it('is read when the page writes the code in full, or the short form with "số", a body or a clause end', () => {
    expect(raws('Theo Nghị định 86/2015/NĐ-CP của Chính phủ, học phí tăng. Đây là điểm mới mà Nghị định 86 chưa quy định.')).toEqual(['86/2015/NĐ-CP', 'Nghị định 86']);
    expect(raws('Thủ tướng đã ký Chỉ thị số 24 vào ngày 2/6. Các ngành thực hiện nghiêm Chỉ thị 24 vừa ban hành.')).toEqual(['Chỉ thị số 24', 'Chỉ thị 24']);
    // Before or after the standing form: the page is read as a whole.
    expect(raws('Nghị quyết 35 chưa đi vào cuộc sống. Chính phủ ban hành Nghị quyết 35/NQ-CP về doanh nghiệp.')).toEqual(['Nghị quyết 35', '35/NQ-CP']);
  });

  it('is not read without that: another number, another type, or nothing else on the page', () => {
    expect(raws('Đây là điểm mới mà Nghị định 86 chưa quy định.')).toEqual([]);
    expect(raws('Theo Nghị định 86/2015/NĐ-CP, học phí tăng. Còn Nghị định 87 chưa quy định. Thông tư 86 chưa quy định.')).toEqual(['86/2015/NĐ-CP']);
  });

  it('a page read in parts remembers its standing forms from one part to the next', () => {
    const forms = new PageForms();
    expect(detect('Theo Nghị định 86/2015/NĐ-CP của Chính phủ, học phí tăng.', forms).map((r) => r.raw)).toEqual(['86/2015/NĐ-CP']);
    expect(detect('Đây là điểm mới mà Nghị định 86 chưa quy định.', forms).map((r) => r.raw)).toEqual(['Nghị định 86']);
    expect(detect('Còn Nghị định 87 chưa quy định.', forms)).toEqual([]);
    expect(detect('Đây là điểm mới mà Nghị định 86 chưa quy định.', new PageForms())).toEqual([]);
  });

  it('a count stays a count even when the page cites that number', () => {
    expect(raws('Thực hiện Kế hoạch số 5-KH/TW của Tỉnh ủy. Kế hoạch 5 năm đã hoàn thành.')).toEqual(['5-KH/TW']);
  });
});

describe('other short forms', () => {
  it('a year after a dash: "Nghị quyết 19-2017" is resolution 19 of 2017; a period of years is not', () => {
    expect(detect('Nghị quyết 19-2017 về năng lực cạnh tranh quốc gia.')[0]).toMatchObject({ raw: 'Nghị quyết 19-2017', number: '19', codeYear: '2017', inferred: true });
    expect(raws('Kế hoạch 2021-2025 của tỉnh đã được thông qua.')).toEqual([]);
  });

  it('a headline ending in a short form is no count of the next line\'s noun; "năm 2017" after it is its year', () => {
    expect(raws('Phú Yên hỗ trợ ngư dân theo Nghị định 67\nTỉnh Phú Yên đã giải ngân.')).toEqual(['Nghị định 67']);
    expect(raws('Khác với các năm trước, Nghị quyết 19 năm 2017 có cách tiếp cận mới.')).toEqual(['Nghị quyết 19']);
    // A count on its own line, and a plan of five years for a period, stay counts.
    expect(raws('Theo Nghị định 67 tỉnh đã hỗ trợ ngư dân.')).toEqual([]);
    expect(raws('Kế hoạch 5 năm 2021-2025 của tỉnh đã được thông qua.')).toEqual([]);
  });

  it('a committee named after a programme is no citation of it', () => {
    const text = 'Ban Chỉ đạo Đề án 896 họp định kỳ. Các tỉnh triển khai thực hiện Đề án 896 tại địa phương, theo Đề án số 896.';
    expect(raws(text)).toEqual(['Đề án 896', 'Đề án số 896']);
    expect(detect(text)[0]!.start).toBe(text.indexOf('thực hiện Đề án') + 'thực hiện '.length);
  });
});
