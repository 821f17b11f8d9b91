/**
 * Written forms seen in real text (every sentence here is invented): "&" in issuers, spaced dashes, a slash for a
 * dash, swapped type and issuer, "TƯ" for a Tỉnh ủy, slugs and lower case, older forms, permits, header dates,
 * the prose type word over a guessed type, and the body a code's issuer implies. Each form has its look-alikes.
 */
import { describe, expect, it } from 'vitest';
import { expectLinearTime } from '../../helpers/linear-time';
import { detect } from '../../../lib/detector/detect';

const coded = (text: string) => detect(text).filter((r) => !r.inferred);
const one = (text: string) => {
  const refs = coded(text);
  expect(refs).toHaveLength(1);
  const r = refs[0]!;
  expect(r.raw).toBe(text.slice(r.start, r.end));
  return r;
};
const codes = (text: string) => coded(text).map((r) => r.code);

describe('"&" inside an issuer', () => {
  it.each([
    ['Công văn số 12/SVH&TT-QLVH ngày 3/4/2019 gửi các huyện', '12/SVH&TT-QLVH', '12/SVH&TT-QLVH', 'SVH&TT-QLVH'],
    ['Tờ trình 88/TTr - NN&PTNT của Sở', '88/TTr - NN&PTNT', '88/TTr-NN&PTNT', 'NN&PTNT'],
    ['Quyết định 455/QĐ-SNN&PTNT về phòng dịch', '455/QĐ-SNN&PTNT', '455/QĐ-SNN&PTNT', 'SNN&PTNT'],
    // A known issuer written with "&" for its "và" takes the table's spelling.
    ['Thông tư số 07/2015/TT-BGD&ĐT quy định', '07/2015/TT-BGD&ĐT', '07/2015/TT-BGDĐT', 'BGDĐT'],
    ['Thông tư liên tịch 09/2014/TTLT-BTC-BNN&PTNT-BYT', '09/2014/TTLT-BTC-BNN&PTNT-BYT', '09/2014/TTLT-BTC-BNNPTNT-BYT', 'BTC-BNNPTNT-BYT'],
  ])('%s', (text, raw, code, issuer) => {
    const r = one(text);
    expect([r.raw, r.code, r.issuer.abbr]).toEqual([raw, code, issuer]);
  });

  it('names a body written with "&" in full', () => {
    expect(one('Công văn 930/BGDĐT-GDTC của Bộ GD&ĐT về thể dục').issuerName).toBe('Bộ GD&ĐT');
  });

  it.each([
    ['bodies in prose', 'Sở NN&PTNT và Bộ GD&ĐT họp bàn'],
    ['R&D and S&P', 'chi 2/3 ngân sách cho R&D, chỉ số S&P 500 tăng'],
    ['an issuer-only form without a công văn word', 'khu 12/SVH&TT'],
    ['an "&" out of place', 'Công văn 12/SVH& TT và 13/&TT-VP'],
  ])('no code from %s', (_label, text) => {
    expect(codes(text)).toEqual([]);
  });
});

describe('spaced dashes, a slash for a dash, swapped order', () => {
  it.each([
    ['Quyết định số 215 - QĐ/TWĐTN-VP của Ban Bí thư Trung ương Đoàn', '215-QĐ/TWĐTN-VP'],
    ['Quyết định số 215 - QĐ/TWĐTN - VP', '215-QĐ/TWĐTN-VP'],
    ['Kế hoạch 31-KH/TWĐTN– BTC', '31-KH/TWĐTN-BTC'],
    ['Thông tư liên tịch 13/2016/TTLT-BCA - BQP hướng dẫn', '13/2016/TTLT-BCA-BQP'],
    ['Thông tư liên tịch 14/2011/TTLT/BTC-BGDĐT hướng dẫn', '14/2011/TTLT-BTC-BGDĐT'],
    ['Thông tư 32/2013/TT/BTC', '32/2013/TT-BTC'],
    ['Văn bản số 2520/UBND/GPMB báo cáo tỉnh', '2520/UBND-GPMB'],
    ['Nghị định số 78/2013/NĐCP của Chính phủ', '78/2013/NĐ-CP'],
    ['Quyết định 12/2010/QDTTg', '12/2010/QĐ-TTg'],
    ['Kết luận số 42/TW-KL của Ban Bí thư', '42-KL/TW'],
    ['Chỉ thị 07/TU-CT về phòng chống thiên tai', '07-CT/TU'],
  ])('%s → %s', (text, code) => {
    expect(one(text).code).toBe(code);
  });

  it.each([
    ['an issuer, a slash and a unit without a công văn word', 'khu 2520/UBND/GPMB'],
    ['a glued word that is no type and issuer', 'Thông tư 78/2013/NĐXY và 5/2020/ABCD'],
  ])('no code from %s', (_label, text) => {
    expect(codes(text)).toEqual([]);
  });

  it('reads the swapped form as Party', () => {
    expect(one('Kết luận số 42/TW-KL').type).toEqual({ abbr: 'KL', name: 'Kết luận' });
    expect(one('Kết luận số 42/TW-KL').family).toBe('party');
  });

  it.each([
    ['prose after a spaced dash', 'Chỉ thị 35-CT/TW - theo đó các cấp ủy', '35-CT/TW'],
    ['a capitalised word after a spaced dash', 'Chỉ thị 35-CT/TW - Trung ương yêu cầu', '35-CT/TW'],
    ['a State công văn keeps its issuer first', 'Công văn 123/UBND-KH của huyện', '123/UBND-KH'],
  ])('keeps %s out of the code', (_label, text, code) => {
    expect(one(text).code).toBe(code);
  });
});

describe('"TƯ": Trung ương, or a Tỉnh ủy when the sentence says so', () => {
  it('reads the code as the province\'s when the sentence names a Tỉnh ủy', () => {
    const r = one('Kết luận số 120-KL/TƯ của Ban Thường vụ Tỉnh ủy về công tác cán bộ');
    expect(r.code).toBe('120-KL/TU');
    expect(r.raw).toBe('120-KL/TƯ');
    expect(r.issuer).toEqual({ abbr: 'TU', name: 'Tỉnh ủy / Thành ủy' });
    expect(r.issuerMayBeLocal).toBeUndefined();
  });

  it('keeps …/TW when the sentence names a central body', () => {
    const r = one('Kết luận số 120-KL/TƯ của Bộ Chính trị');
    expect(r.code).toBe('120-KL/TW');
    expect(r.issuerMayBeLocal).toBeUndefined();
  });

  it('reads a header\'s province after the code: central documents are dated at Hà Nội, so Nghệ An\'s is the Tỉnh ủy\'s', () => {
    const r = one('Số 120-KL/TƯ  Nghệ An, ngày 2 tháng 3 năm 2021');
    expect(r).toMatchObject({ code: '120-KL/TU', raw: '120-KL/TƯ', date: '2021-03-02', place: 'Nghệ An', placeFrom: 'sentence' });
    expect(r.issuerMayBeLocal).toBeUndefined();
  });

  it('keeps …/TW and flags the question when the sentence does not settle it (a Hà Nội header: the page layer decides)', () => {
    const r = one('Số 120-KL/TƯ  Hà Nội, ngày 2 tháng 3 năm 2021');
    expect(r.code).toBe('120-KL/TW');
    expect(r.issuerMayBeLocal).toBe(true);
    expect(r.date).toBe('2021-03-02');
    // A code written TW is never moved by a header.
    expect(one('Số 120-KL/TW  Nghệ An, ngày 2 tháng 3 năm 2021').code).toBe('120-KL/TW');
  });

  it('shares a Tỉnh ủy named after the next code', () => {
    const refs = coded('Kế hoạch số 15-KH/TƯ và Chỉ thị số 09-CT/TU của Tỉnh ủy');
    expect(refs.map((r) => [r.code, r.issuerName])).toEqual([['15-KH/TU', 'Tỉnh ủy'], ['09-CT/TU', 'Tỉnh ủy']]);
  });

  it('never flags a code written TW', () => {
    const r = one('Chỉ thị 05-CT/TW được quán triệt');
    expect(r.issuerMayBeLocal).toBeUndefined();
    expect(one('Chỉ thị 05-CT/TW của Tỉnh ủy').code).toBe('05-CT/TW');
  });
});

describe('slugs and lower case', () => {
  it.each([
    ['Thông tư 05-2020-TT-BYT hướng dẫn', '05-2020-TT-BYT', '05/2020/TT-BYT', '2020'],
    ['Thông tư 27-2018 TT BTC về phí', '27-2018 TT BTC', '27/2018/TT-BTC', '2018'],
    ['tải tệp 15-2021-nd-cp.pdf về máy', '15-2021-nd-cp', '15/2021/NĐ-CP', '2021'],
    ['Quyết định 1234-2019-QĐ-UBND của tỉnh', '1234-2019-QĐ-UBND', '1234/2019/QĐ-UBND', '2019'],
    ['theo quyết định 749/qđ-ttg', '749/qđ-ttg', '749/QĐ-TTg', undefined],
    ['thông tư 100/2019/tt-btc', '100/2019/tt-btc', '100/2019/TT-BTC', '2019'],
    ['công văn số 4912/ubnd-nc gửi các xã', '4912/ubnd-nc', '4912/UBND-NC', undefined],
    ['quyết định 12/qđ-ubnd-vx', '12/qđ-ubnd-vx', '12/QĐ-UBND-VX', undefined],
  ])('%s', (text, raw, code, year) => {
    const r = one(text);
    expect([r.raw, r.code, r.codeYear]).toEqual([raw, code, year]);
  });

  it.each([
    ['a year range', 'nhiệm kỳ 2021-2025, giai đoạn 2020-2025 TT Huế'],
    ['a range before a type and an issuer', 'giai đoạn 2020-2025-TT-BYT'],
    ['spaces and an unknown issuer', 'Số 12-2018 TT HN'],
    ['spaces and a type that is no normative one', 'đợt 3-2019 BC UBND'],
    ['an unknown type', 'mã hàng 10-2020-XY-ABC'],
    ['a slug inside a web address', 'xem https://example.vn/thong-tu-05-2020-tt-byt.html'],
    ['a URL with numbers', 'tại www.example.vn/27-2018-tt-btc/123'],
    ['a phone number', 'Điện thoại 0912-345-678 hoặc 028-3822-1234'],
    ['a date with dashes', 'ngày 12-5-2020, tuần 3-2021'],
    ['lower case after an unknown issuer', 'công văn số 12/abc-de và quyết định 5/qđ-abc-de'],
    ['lower-case units after an upper-case issuer', 'Công văn 4912/UBND-nc'],
  ])('no code from %s', (_label, text) => {
    expect(codes(text)).toEqual([]);
  });
});

describe('older forms, Sắc lệnh, permits: codes when the prose word says so', () => {
  it.each([
    ['Nghị định số 64/CP ngày 27/9/1993 của Chính phủ', '64/CP', 'Nghị định', 'CP', '1993-09-27'],
    ['Nghị định 28-CP ngày 7-5-1996', '28-CP', 'Nghị định', 'CP', '1996-05-07'],
    ['Quyết định số 41/TTg năm 1977', '41/TTg', 'Quyết định', 'TTg', '1977'],
    ['Nghị định 388-HĐBT ngày 20/11/1991', '388-HĐBT', 'Nghị định', 'HĐBT', '1991-11-20'],
    ['Sắc lệnh số 34/SL ngày 20/3/1946', '34/SL', 'Sắc lệnh', undefined, '1946-03-20'],
  ])('%s', (text, code, typeName, issuer, date) => {
    const r = one(text);
    expect([r.code, r.type.name, r.issuer.abbr, r.date, r.family]).toEqual([code, typeName, issuer, date, 'state']);
  });

  it('names the Sắc lệnh issuer', () => {
    expect(one('Sắc lệnh số 34/SL').issuer).toEqual({ name: 'Chủ tịch nước' });
  });

  it.each([
    ['giấy phép xây dựng số 95/GPXD ngày 18-6-2015', '95/GPXD', { abbr: 'GPXD', name: 'Giấy phép' }, undefined],
    ['Giấy phép số 278/GP-UBND cho phép nhận chìm', '278/GP-UBND', { abbr: 'GP', name: 'Giấy phép' }, 'UBND'],
  ])('permit %s', (text, code, type, issuer) => {
    const r = one(text);
    expect([r.code, r.type, r.issuer.abbr]).toEqual([code, type, issuer]);
  });

  it.each([
    ['no prose word', 'nhóm 28-CP và đội 64/CP, lớp 41/TTg'],
    ['SL without "Sắc lệnh"', 'Quyết định 34/SL'],
    ['a permit form without "giấy phép"', 'mẫu 95/GPXD'],
    ['an older form called a permit', 'giấy phép số 64/CP'],
    ['a State code glued to a word', 'Nghị định 28-CPx'],
  ])('no code: %s', (_label, text) => {
    expect(codes(text)).toEqual([]);
  });

  it('makes no bare reference of "giấy phép số 12"', () => {
    expect(detect('Giấy phép số 12 ngày 3/4/2020 của Sở')).toEqual([]);
  });
});

describe('the prose word wins over a guess from the code', () => {
  it.each([
    ['Bản Kết luận số 2517/KL-TCHQ nêu rõ', { abbr: 'KL', name: 'Kết luận' }],
    ['theo kết luận thanh tra 1234/KL-TTCP', { abbr: 'KL', name: 'Kết luận' }],
    ['Tờ trình số 2000/BTC-TTr gửi Chính phủ', { name: 'Tờ trình' }],
    ['Báo cáo số 900/SYT-NVY của Sở Y tế', { name: 'Báo cáo' }],
    ['Luật số 80/2015/QH13', { name: 'Luật' }],
    ['Nghị quyết 24/2016/QH14', { name: 'Nghị quyết' }],
    // "Văn bản" names no type: the công văn shape stays a công văn; a type written in the code beats the prose word.
    ['Văn bản số 422/UBND-GD gửi các trường', { name: 'Công văn' }],
    ['Công văn 09-QC/TW', { abbr: 'QC', name: 'Quy chế' }],
  ])('%s', (text, type) => {
    expect(one(text).type).toEqual(type);
  });
});

describe('the body a code\'s issuer implies', () => {
  it.each([
    ['Nghị định 15/2020/NĐ-CP do Bộ Thông tin và Truyền thông chủ trì soạn thảo', 'Chính phủ'],
    ['Quyết định 1001/QĐ-TTg do Phó Thủ tướng ký ban hành', 'Thủ tướng Chính phủ'],
    ['Luật 100/2015/QH13 do Chủ nhiệm Ủy ban Tư pháp trình bày', 'Quốc hội'],
    ['Nghị quyết 560/NQ-UBTVQH15 của Quốc hội', 'Ủy ban Thường vụ Quốc hội'],
    ['Nghị định 100/2019/NĐ-CP của Chính phủ', 'Chính phủ'],
    ['Nghị định 100/2019/NĐ-CP được Chính phủ ban hành ngày 30/12/2019', 'Chính phủ'],
    ['Nghị định 100/2019/NĐ-CP quy định xử phạt', undefined],
  ])('%s → %s', (text, issuerName) => {
    expect(one(text).issuerName).toBe(issuerName);
  });

  it('never shares a ministry with a decree, and shares the named Prime Minister before the Government', () => {
    expect(coded('Nghị định 111/2015/NĐ-CP và Thông tư 55/2015/TT-BCT của Bộ Công Thương').map((r) => r.issuerName)).toEqual([undefined, 'Bộ Công Thương']);
    expect(coded('Quyết định 2218/QĐ-TTg và Nghị định số 108/2014/NĐ-CP của Thủ tướng Chính phủ').map((r) => r.issuerName)).toEqual(['Thủ tướng Chính phủ', 'Chính phủ']);
  });

  it('does not credit a bare decree to the ministry that drafted it', () => {
    const r = detect('Nghị định số 100 do Bộ Tài chính soạn thảo')[0]!;
    expect(r).toMatchObject({ inferred: true, issuerName: 'Chính phủ', issuer: { abbr: 'CP' } });
  });

  it('keeps a ministry for its own circular', () => {
    expect(one('Thông tư 01/2021/TT-BGDĐT của Bộ Giáo dục và Đào tạo').issuerName).toBe('Bộ Giáo dục và Đào tạo');
  });
});

describe('dates after the code: headers, dots, after the issuing body, "ký ngày"', () => {
  it.each([
    ['Số 37-TB/TU  Hà Tĩnh, ngày 14.3.2019', '2019-03-14', undefined],
    ['Kế hoạch 17-KH/TW TP. Hồ Chí Minh, ngày 5 tháng 1 năm 2024', '2024-01-05', undefined],
    ['Kết luận số 21-KL/TW ngày 14.3.2019', '2019-03-14', undefined],
    ['Quyết định 12/QĐ-UBND được UBND tỉnh ban hành ngày 14.3.2019', '2019-03-14', 'UBND tỉnh'],
    ['Thông tư 46/2017/TT-BTC được Bộ Tài chính ban hành ngày 12/05/2017 hướng dẫn', '2017-05-12', 'Bộ Tài chính'],
    ['Quyết định 291/QĐ-XPVPHC ký ngày 9.6.2017, Thanh tra sở nêu rõ', '2017-06-09', undefined],
    ['Quyết định 2163/QĐ-TTg của Thủ tướng Chính phủ do Phó Thủ tướng Nguyễn Văn A ký ngày 9.11.2016 với', '2016-11-09', 'Thủ tướng Chính phủ'],
    ['Quyết định 1947/QĐ-UBND ngày 16/7/2015 do UBND tỉnh phê duyệt', '2015-07-16', 'UBND tỉnh'],
  ])('%s', (text, date, issuerName) => {
    const r = one(text);
    expect([r.date, r.issuerName]).toEqual([date, issuerName]);
  });

  it.each([
    ['an effective date', 'Thông tư 10/2021/TT-BGDĐT có hiệu lực từ 22/5/2021'],
    ['a place without "ngày"', 'Kế hoạch 17-KH/TW Hà Nội, 5/1/2024'],
    ['a body and a verb that issues nothing', 'Quyết định 12/QĐ-UBND được UBND tỉnh thông qua ngày 3/3/2020'],
    ['a lower-case clause before a comma', 'Kế hoạch 17-KH/TW đã nêu, ngày 7-7-2023 trời mưa'],
  ])('no date from %s', (_label, text) => {
    expect(one(text).date).toBeUndefined();
  });

  it('takes no body from "được X thông qua"', () => {
    expect(one('Quyết định 12/QĐ-UBND được UBND tỉnh thông qua ngày 3/3/2020').issuerName).toBeUndefined();
  });
});

describe('robustness of the new forms', () => {
  it('stays linear on adversarial slugs, ampersands, spaced dashes and older forms', () => {
    expectLinearTime('1-2020-TT-1-2020 TT B 12/A&B&-C 3-CP- 4 - QĐ/TW - A - B - 5-2019--TT--BYT 7/TW-KL-& ');
  });

  it('never throws on fragments of the new forms', () => {
    for (const s of ['1-2020-', '1-2020 TT', '1/A&', '&', '1-CP', 'Sắc lệnh 1/SL', 'giấy phép 1/GP', 'Số 1-KL/TƯ  X, ngày']) {
      expect(() => detect(s)).not.toThrow();
    }
  });
});
