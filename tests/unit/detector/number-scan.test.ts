/**
 * The detector finds codes and bare references from the runs of digits in the text, trying its patterns only
 * where one could match. These cases pin down what that scan must keep from a search of the whole text:
 * where a match starts within a run of digits, which type word owns a number, and what is no reference at all.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detector/detect';

const brief = (text: string) =>
  detect(text).map((r) => ({ raw: r.raw, code: r.code, number: r.number, inferred: r.inferred, proseType: r.proseType, date: r.date, issuerName: r.issuerName }));

describe('number scan: where references start and end', () => {
  it.each([
    // A code never starts inside a longer number, nor a bare number that is part of one.
    ['Xem văn bản 123456-QĐ/TW đã nêu.', []],
    ['Nghị quyết 123456 của Bộ Chính trị', []],
    // The letter some State numbers carry, before the slash.
    ['Theo Nghị quyết 30a/2008/NQ-CP của Chính phủ.', [{ raw: '30a/2008/NQ-CP', code: '30a/2008/NQ-CP', number: '30a', inferred: false, proseType: 'Nghị quyết', date: undefined, issuerName: 'Chính phủ' }]],
    // Spaces around both separators.
    ['Chỉ thị số 35 - CT / TW ngày 30/5/2019', [{ raw: '35 - CT / TW', code: '35-CT/TW', number: '35', inferred: false, proseType: 'Chỉ thị', date: '2019-05-30', issuerName: undefined }]],
    ['Nghị quyết số 18 / NQ - TW ngày 25-10-2017', [{ raw: '18 / NQ - TW', code: '18-NQ/TW', number: '18', inferred: false, proseType: 'Nghị quyết', date: '2017-10-25', issuerName: undefined }]],
    // "số", a colon and several spaces between the type word and the number.
    ['Quy định số:   138 ngày 1-12-2023 của Ban Bí thư', [{ raw: 'Quy định số:   138', code: undefined, number: '138', inferred: true, proseType: 'Quy định', date: '2023-12-01', issuerName: 'Ban Bí thư' }]],
    // The longest type word ending before the number owns it ("Thông báo kết luận", not "Kết luận").
    ['Thông báo kết luận 25 của Bộ Chính trị', [{ raw: 'Thông báo kết luận 25', code: undefined, number: '25', inferred: true, proseType: 'Thông báo kết luận', date: undefined, issuerName: 'Bộ Chính trị' }]],
    // A number with its year after the type word.
    ['Nghị định 100/2019 của Chính phủ', [{ raw: 'Nghị định 100/2019', code: undefined, number: '100', inferred: true, proseType: 'Nghị định', date: undefined, issuerName: 'Chính phủ' }]],
    // A code and a bare reference in one sentence share the body named last.
    ['Kết luận 21-KL/TW và Chỉ thị số 05 của Ban Bí thư', [
      { raw: '21-KL/TW', code: '21-KL/TW', number: '21', inferred: false, proseType: 'Kết luận', date: undefined, issuerName: 'Ban Bí thư' },
      { raw: 'Chỉ thị số 05', code: undefined, number: '5', inferred: true, proseType: 'Chỉ thị', date: undefined, issuerName: 'Ban Bí thư' },
    ]],
    // Not references: a type word glued to a word, a count, dates, ratios and ranges with slashes and dashes.
    ['xNghị quyết 57 của Bộ Chính trị', []],
    ['Kế hoạch 5 năm của tỉnh', []],
    ['ngày 7-7-2023, 30/5/2019, 56/67 chỉ tiêu, 2020-2025/2030', []],
  ])('%s', (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  it('finds the same references in decomposed text (NFD), with offsets into that text', () => {
    const nfc = 'Theo Chỉ thị số 35-CT/TƯ ngày 30/5/2019 của Bộ Chính trị và Quy định số 138 ngày 1-12-2023 của Ban Bí thư.';
    const nfd = nfc.normalize('NFD');
    const a = detect(nfc);
    const b = detect(nfd);
    expect(b.map((r) => [r.code, r.number, r.date, r.issuerName])).toEqual(a.map((r) => [r.code, r.number, r.date, r.issuerName]));
    expect(b).toHaveLength(2);
    for (const r of b) expect(r.raw).toBe(nfd.slice(r.start, r.end));
  });
});
