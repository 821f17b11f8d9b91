import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detector/detect';

const first = (text: string) => detect(text)[0]!;

describe('The date the sentence gives', () => {
  it.each([
    ['Kế hoạch số 17-KH/TW ngày 7-7-2023 của Bộ Chính trị', '2023-07-07'],
    ['Kế hoạch số 17-KH/TW ngày 07/7/2023', '2023-07-07'],
    ['Kế hoạch số 17-KH/TW ngày 7 tháng 7 năm 2023', '2023-07-07'],
    ['Kế hoạch số 17-KH/TW, ngày 07.07.2023', '2023-07-07'],
    ['Chỉ thị 35-CT/TW, 14/6/2024 của Bộ Chính trị', '2024-06-14'],
    ['Nghị quyết 27-NQ/TW năm 2018 về tiền lương', '2018'],
    ['Decision 66-QD/TW dated February 6, 2017', '2017-02-06'],
    ['Chỉ thị 35-CT/TW của Bộ Chính trị ngày 30/5/2019', '2019-05-30'],
    ['Nghị quyết 18-NQ/TW ban hành ngày 25-10-2017', '2017-10-25'],
    ['Ngày 7-7-2023, Bộ Chính trị đã ban hành Kế hoạch số 17-KH/TW về quy hoạch', '2023-07-07'],
  ])('%s → %s', (text, date) => {
    expect(first(text).date).toBe(date);
  });

  it.each([
    ['an impossible day', 'Kế hoạch 17-KH/TW ngày 31-2-2023'],
    ['a month out of range', 'Kế hoạch 17-KH/TW ngày 7-13-2023'],
    ['a year range, not a year', 'Kế hoạch 17-KH/TW năm 2021-2025'],
    ['a date in another clause', 'Kế hoạch 17-KH/TW. Ngày 7-7-2023 trời mưa'],
  ])('no date from %s', (_label, text) => {
    expect(first(text).date).toBeUndefined();
  });
});

describe('The issuing body and term the sentence names', () => {
  it.each([
    ['Kế hoạch số 17-KH/TW ngày 7-7-2023 của Bộ Chính trị về quy hoạch', 'Bộ Chính trị', undefined],
    ['Quy định số 137-QĐ/TW của Ban Bí thư Trung ương Đảng về chức năng', 'Ban Bí thư Trung ương Đảng', undefined],
    ['Nghị quyết số 21-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XIII.', 'Ban Chấp hành Trung ương Đảng', 'XIII'],
    ['Nghị quyết 18-NQ/TW của Ban Chấp hành Trung ương khoá XII', 'Ban Chấp hành Trung ương', 'XII'],
    ['Nghị quyết số 09-NQ/TU của Ban Chấp hành Đảng bộ tỉnh (khóa XIX) về cán bộ', 'Ban Chấp hành Đảng bộ tỉnh', 'XIX'],
    ['Chỉ thị 12-CT/TU của Ban Thường vụ Tỉnh ủy, yêu cầu', 'Ban Thường vụ Tỉnh ủy', undefined],
    ['Bộ Chính trị đã ban hành Kết luận 21-KL/TW', 'Bộ Chính trị', undefined],
    ['Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 67-KH/TU', 'Ban Thường vụ Tỉnh ủy', undefined],
    ['Nghị định 100/2019/NĐ-CP của Chính phủ quy định xử phạt', 'Chính phủ', undefined],
    ['Chỉ thị 05-CT/TW của Bộ Chính trị khóa XII', 'Bộ Chính trị', 'XII'],
    ['Thông tư 01/2021/TT-BGDĐT của Bộ Giáo dục và Đào tạo về mã số', 'Bộ Giáo dục và Đào tạo', undefined],
    ['Quyết định 2500/QĐ-UBND của Ủy ban nhân dân tỉnh Hà Nam về', 'Ủy ban nhân dân tỉnh Hà Nam', undefined],
    ['Công văn 425/BCĐ-TW của Ban Chỉ đạo quốc gia phòng chống dịch Covid-19 về', 'Ban Chỉ đạo quốc gia phòng chống dịch Covid-19', undefined],
    ['Nghị định 15/2020/NĐ-CP của Chính phủ liên tục bị nhắc đến trong', 'Chính phủ', undefined],
    ['Kế hoạch 17-KH/TW của Bộ Chính trị và Nghị định 100/2019/NĐ-CP', 'Bộ Chính trị', undefined],
    ['Nghị quyết số 21-NQ/TW của Bộ Chính trị đặt ra mục tiêu đến năm 2020', 'Bộ Chính trị', undefined],
    ['Chỉ thị 05-CT/TW của Ban Bí thư nhấn mạnh điều đó', 'Ban Bí thư', undefined],
    ['Thủ tướng đã ký Chỉ thị số 24 vào ngày 2/6', 'Thủ tướng', undefined],
    ['Phó Thủ tướng Vương Đình Huệ vừa ký Quyết định số 1234/QĐ-TTg về đề án', 'Thủ tướng', undefined],
    ['Công văn 12/BGTVT của Bộ Giao thông vận tải đặt hàng', 'Bộ Giao thông vận tải', undefined],
    ['Ngày 1.11.2023, UBND tỉnh Bình Định ban hành Quyết định số 4025/QĐ-UBND xếp hạng di tích', 'UBND tỉnh Bình Định', undefined],
    ['UBND tỉnh Hà Nam vừa có quyết định số 669/QĐ-UBND ngày 29/4 về cách ly', 'UBND tỉnh Hà Nam', undefined],
    ['Chủ tịch UBND tỉnh Phú Thọ vừa ký ban hành Văn bản số 339 về nhiệm vụ', 'Chủ tịch UBND tỉnh Phú Thọ', undefined],
    ['Bộ trưởng Bộ Công Thương đã ra Quyết định số 376/QĐ-BCT thành lập hội đồng', 'Bộ trưởng Bộ Công Thương', undefined],
    ['Theo đề nghị của Bộ Tài chính, Thủ tướng có Quyết định số 12/QĐ-TTg về giá', 'Thủ tướng', undefined],
    // A two-syllable verb after the name ends it: the name was read on and cut back to "Bộ Tài", "Bộ Chính".
    ['Thông tư số 02/2023/TT-BTC của Bộ Tài chính hướng dẫn chế độ kế toán', 'Bộ Tài chính', undefined],
    ['Kết luận số 14-KL/TW của Bộ Chính trị chỉ đạo các cấp khuyến khích cán bộ năng động', 'Bộ Chính trị', undefined],
    ['Nghị quyết số 12/NQ-CP của Chính phủ triển khai nhiệm vụ trọng tâm năm nay', 'Chính phủ', undefined],
    ['Quyết định số 7/QĐ-BCĐ của Ban chỉ đạo phòng chống thiên tai tỉnh Quảng Ninh về ứng phó', 'Ban chỉ đạo phòng chống thiên tai tỉnh Quảng Ninh', undefined],
    // A central body's complete name ends before lower-case words that go on with the sentence.
    ['Nhiệm vụ tại Quyết định số 12 của Thủ tướng Chính phủ nhanh chóng xác định kinh phí', 'Thủ tướng Chính phủ', undefined],
    // A stop word written as a name's syllable stays in the name ("quy", "như", "từ" end a name in lower case).
    ['Quyết định số 45/QĐ-UBND của UBND TP Quy Nhơn về giá đất', 'UBND TP Quy Nhơn', undefined],
    ['Quyết định số 12/QĐ-UBND của UBND quận Nam Từ Liêm về việc di dời', 'UBND quận Nam Từ Liêm', undefined],
    ['Quyết định số 12/QĐ-UBND của UBND huyện Như Thanh về việc di dời', 'UBND huyện Như Thanh', undefined],
    ['Nghị quyết số 21-NQ/TW của Bộ Chính trị Về việc xây dựng', 'Bộ Chính trị', undefined],
    ['Thông tư 15/2015/TT-BVHTTDL của Bộ VHTTDL Quy định về hoạt động', 'Bộ VHTTDL', undefined],
    ['Quyết định số 1/QĐ-UBND của UBND tỉnh Quảng Nam Quy chế phối hợp', 'UBND tỉnh Quảng Nam', undefined],
    ['Quyết định số 15/QĐ-UBND của UBND TP Hà Nội Như vậy là đã rõ', 'UBND TP Hà Nội', undefined],
    ['Quyết định số 15/QĐ-UBND của UBND tỉnh Quảng Nam Từ năm 2020 đến nay', 'UBND tỉnh Quảng Nam', undefined],
    // A one-word body before its verb.
    ['Quyết định số 12/QĐ-UBND do UBND ban hành ngày 3/4/2024', 'UBND', undefined],
    ['Quyết định số 12/QĐ-TTg của Thủ tướng Chính phủ giao Bộ Tài chính chủ trì', 'Thủ tướng Chính phủ', undefined],
    ['Quyết định số 12/QĐ-UBND của UBND tỉnh Quảng Nam giao Sở Tài chính chủ trì', 'UBND tỉnh Quảng Nam', undefined],
    ['Công văn số 12/BNG-LS của Bộ Ngoại giao Việt Nam về lãnh sự', 'Bộ Ngoại giao Việt Nam', undefined],
    // A local body's place ends its name: lower-case words after it go on with the sentence.
    ['Công văn 1998/UBND-VP của UBND huyện Bắc Trà My phản hồi ý kiến cử tri', 'UBND huyện Bắc Trà My', undefined],
    ['Thành ủy TP.HCM ban hành Chỉ thị số 05-CT/TU về chuyển đổi số', 'Thành ủy TP.HCM', undefined],
    ['Ngày 9-6-2017, UBND quận Hoàng Mai lại có Công văn số 1496/UBND-QLĐT yêu cầu tạm dừng', 'UBND quận Hoàng Mai', undefined],
    // The formal order: type word, "của" and the body, then the number.
    ['Theo Quyết định của Thủ tướng Chính phủ số 1234/QĐ-TTg ngày 3/4/2020 thì', 'Thủ tướng Chính phủ', undefined],
    ['Thực hiện Chỉ thị của Bộ Chính trị số 35-CT/TW, các cấp', 'Bộ Chính trị', undefined],
    // "TP." before a city's name neither ends the sentence nor the body's name.
    ['Sở Y tế TP. Hồ Chí Minh ban hành Công văn số 123/SYT-NVY ngày 3/4/2024', 'Sở Y tế TP. Hồ Chí Minh', undefined],
    ['Quyết định số 45/QĐ-UBND của UBND TP. Cần Thơ về giá đất', 'UBND TP. Cần Thơ', undefined],
  ])('%s', (text, issuerName, term) => {
    const r = first(text);
    expect(r.issuerName).toBe(issuerName);
    expect(r.term).toBe(term);
  });

  it('reads a law\'s type from the type word before its name ("Luật Doanh nghiệp số 68/2014/QH13")', () => {
    expect(first('Luật Doanh nghiệp số 68/2014/QH13 quy định').type.name).toBe('Luật');
    expect(first('theo Luật Phòng, chống tham nhũng số 36/2018/QH14 thì').type.name).toBe('Luật');
    expect(first('Bộ luật Hình sự số 100/2015/QH13 có hiệu lực').type.name).toBe('Bộ luật');
    expect(first('Nghị quyết của Quốc hội số 43/2022/QH15 về chính sách').type.name).toBe('Nghị quyết');
    // Not across a clause, not a school named for the law, not for a code that is no law's.
    expect(first('Luật sư cho biết theo số 43/2022/QH15 thì').type.name).not.toBe('Luật');
    expect(first('Theo Luật Đất đai thì thửa đất số 12/2020/QH14 được cấp').type.name).not.toBe('Luật');
    expect(first('Công văn gửi Trường Đại học Luật Hà Nội số 123/ĐHL-ĐT về tuyển sinh').type.name).toBe('Công văn');
    expect(first('Pháp lệnh Công an xã số 06/2008/PL-UBTVQH12 quy định').type.name).toBe('Pháp lệnh');
  });

  it('does not take a lower-case phrase for a body', () => {
    expect(first('Chỉ thị 35-CT/TW của các cấp ủy').issuerName).toBeUndefined();
    expect(first('Ông đã ký Chỉ thị số 24 vào ngày 2/6').issuerName).toBeUndefined();
    // A verb that is not the body's ("đưa ra"), or a body far from the verb, names no issuer.
    expect(first('Quốc hội đưa ra Nghị quyết số 5 về thuế').issuerName).toBeUndefined();
    expect(first('UBND tỉnh cho biết người dân đã có Quyết định số 12 từ lâu').issuerName).toBeUndefined();
  });

  it('shares the trailing body across "X và Y của Z", but not across separate clauses', () => {
    const refs = detect('thực hiện Chỉ thị số 35-CT/TW và Quy định số 205-QĐ/TW của Bộ Chính trị; Kết luận số 55-KL/TW của Ban Bí thư');
    expect(refs.map((r) => [r.code, r.issuerName])).toEqual([
      ['35-CT/TW', 'Bộ Chính trị'],
      ['205-QĐ/TW', 'Bộ Chính trị'],
      ['55-KL/TW', 'Ban Bí thư'],
    ]);
    const apart = detect('giải pháp trong Kết luận số 21-KL/TW và 11 nhóm nhiệm vụ trong Kế hoạch số 03-KH/TW của Bộ Chính trị');
    expect(apart.map((r) => r.issuerName)).toEqual([undefined, 'Bộ Chính trị']);
  });

  it('shares a body only with codes it could have issued', () => {
    const refs = detect('rà soát theo Chỉ thị số 35-CT/TW và Hướng dẫn số 26 của Ban Tổ chức Trung ương.');
    expect(refs.map((r) => r.issuerName)).toEqual([undefined, 'Ban Tổ chức Trung ương']);
  });

  it('keeps "TW" alone from naming a central body', () => {
    const r = first('Kết luận 21-KL/TW được triển khai');
    expect(r.issuer).toEqual({ abbr: 'TW', name: 'Trung ương' });
    expect(r.issuerName).toBeUndefined();
  });
});

describe('The subject, up to the clause end', () => {
  it.each([
    ['Chỉ thị số 35-CT/TW ngày 30-5-2019 của Bộ Chính trị về đại hội đảng bộ các cấp; tiếp theo', 'về đại hội đảng bộ các cấp'],
    ['Quy định 137-QĐ/TW về “chức năng, nhiệm vụ của cơ quan” và nội dung khác', 'về “chức năng, nhiệm vụ của cơ quan”'],
    ['Hướng dẫn 26-HD/BTCTW về việc sắp xếp tổ chức, cán bộ. Câu khác', 'về việc sắp xếp tổ chức, cán bộ'],
  ])('%s', (text, subject) => {
    expect(first(text).subject).toBe(subject);
  });
});

describe('Bare references: a type word and a number, inferred', () => {
  it.each([
    ['Quy định số 138 ngày 1-12-2023 của Ban Bí thư về chức năng', 'Quy định số 138', 'QĐ', 'Quy định', '138', 'TW', '2023-12-01', 'Ban Bí thư'],
    ['Hướng dẫn số 26 của Ban Tổ chức Trung ương.', 'Hướng dẫn số 26', 'HD', 'Hướng dẫn', '26', 'BTCTW', undefined, 'Ban Tổ chức Trung ương'],
    ['Chỉ thị số 35 ngày 30/5/2019 của Bộ Chính trị', 'Chỉ thị số 35', 'CT', 'Chỉ thị', '35', 'TW', '2019-05-30', 'Bộ Chính trị'],
    ['Kế hoạch số 67 của Ban Thường vụ Tỉnh ủy', 'Kế hoạch số 67', 'KH', 'Kế hoạch', '67', 'TU', undefined, 'Ban Thường vụ Tỉnh ủy'],
    ['Nghị quyết số 18 ngày 25-10-2017 của BCH TW Đảng khóa XII', 'Nghị quyết số 18', 'NQ', 'Nghị quyết', '18', 'TW', '2017-10-25', 'BCH TW Đảng'],
    ['thực hiện Nghị quyết 57, nhiều địa phương', 'Nghị quyết 57', 'NQ', 'Nghị quyết', '57', undefined, undefined, undefined],
    ['theo tinh thần Nghị quyết 57 của Bộ Chính trị', 'Nghị quyết 57', 'NQ', 'Nghị quyết', '57', 'TW', undefined, 'Bộ Chính trị'],
    ['(Chỉ thị 05)', 'Chỉ thị 05', 'CT', 'Chỉ thị', '5', undefined, undefined, undefined],
  ])('%s', (text, raw, typeAbbr, typeName, number, issuerAbbr, date, issuerName) => {
    const r = first(text);
    expect(r.inferred).toBe(true);
    expect(r.code).toBeUndefined();
    expect(r.raw).toBe(raw);
    expect(r.type).toEqual({ abbr: typeAbbr, name: typeName });
    expect(r.number).toBe(number);
    expect(r.issuer.abbr).toBe(issuerAbbr);
    expect(r.date).toBe(date);
    expect(r.issuerName).toBe(issuerName);
  });

  it('reads a state shorthand with its year and no invented suffix', () => {
    const r = first('Nghị định 100/2019 về xử phạt giao thông');
    expect(r).toMatchObject({ inferred: true, family: 'state', number: '100', codeYear: '2019', type: { abbr: 'NĐ' } });
    expect(r.code).toBeUndefined();
  });

  it.each([
    ['a five-year plan', 'Kế hoạch 5 năm 2021-2025'],
    ['a count of points', 'Chỉ thị 3 điểm mới'],
    ['a year', 'Luật 2013 sửa đổi'],
    ['a lower-case type word without số', 'các nghị quyết 5 năm qua'],
    ['a full code is not also a bare one', 'Quy định số 138-QĐ/TW'],
  ])('not a bare reference: %s', (_label, text) => {
    expect(detect(text).filter((r) => r.inferred)).toEqual([]);
  });
});

describe('Plenum resolutions and shorthand', () => {
  it.each([
    ['bám sát Nghị quyết Trung ương 7 (khóa XII) và', 'Nghị quyết Trung ương 7 (khóa XII)', 7, 'XII'],
    ['Nghị quyết T.Ư 4, khóa XI về xây dựng Đảng', 'Nghị quyết T.Ư 4, khóa XI', 4, 'XI'],
    ['NQ T.Ư 4 khóa XII', 'NQ T.Ư 4 khóa XII', 4, 'XII'],
    ['Nghị quyết Hội nghị Trung ương 5 khóa XIII về đất đai', 'Nghị quyết Hội nghị Trung ương 5 khóa XIII', 5, 'XIII'],
    ['Nghị quyết Hội nghị lần thứ 6 Ban Chấp hành Trung ương Đảng khóa XII', 'Nghị quyết Hội nghị lần thứ 6 Ban Chấp hành Trung ương Đảng khóa XII', 6, 'XII'],
    ['Nghị quyết Trung ương 4 đã đi vào cuộc sống', 'Nghị quyết Trung ương 4', 4, undefined],
    ['Nghị quyết Hội nghị lần thứ năm Ban Chấp hành Trung ương khóa XII về doanh nghiệp', 'Nghị quyết Hội nghị lần thứ năm Ban Chấp hành Trung ương khóa XII', 5, 'XII'],
    ['Nghị quyết Hội nghị lần thứ mười hai Ban Chấp hành Trung ương Đảng (khóa XII)', 'Nghị quyết Hội nghị lần thứ mười hai Ban Chấp hành Trung ương Đảng (khóa XII)', 12, 'XII'],
  ])('%s', (text, raw, plenum, term) => {
    const r = first(text);
    expect(r).toMatchObject({ raw, plenum, inferred: true, family: 'party', type: { abbr: 'NQ' }, issuer: { abbr: 'TW' } });
    expect(r.term).toBe(term);
    expect(r.code).toBeUndefined();
  });

  it.each([
    ['triển khai NQ21 ở cơ sở', 'NQ21', '21'],
    ['NQ18 về sắp xếp bộ máy', 'NQ18', '18'],
  ])('shorthand %s', (text, raw, number) => {
    expect(first(text)).toMatchObject({ raw, number, inferred: true, type: { abbr: 'NQ' } });
  });

  it.each([
    ['Nghị quyết số 26-NQ/TW tại Hội nghị Trung ương 7 khóa X xác định năm mục tiêu.', 7, 'X', undefined],
    ['Nghị quyết 26-NQ/TW của Hội nghị lần thứ bảy Ban Chấp hành Trung ương khóa X về nông nghiệp.', 7, 'X', 'Hội nghị lần thứ bảy Ban Chấp hành Trung ương'],
    ['Nghị quyết 12-NQ/TW (Hội nghị TƯ 5) về doanh nghiệp nhà nước.', 5, undefined, undefined],
  ])('the plenum a code was adopted at, after the code: %s', (text, plenum, term, issuerName) => {
    const r = first(text);
    expect(r).toMatchObject({ code: expect.stringMatching(/-NQ\/TW$/), plenum, inferred: false });
    expect(r.term).toBe(term);
    expect(r.issuerName).toBe(issuerName);
  });

  it('a conference that is no plenum, or a count of plenums, gives no plenum', () => {
    expect(first('Nghị quyết 26-NQ/TW tại Hội nghị cán bộ toàn quốc ngày 5-8-2008.').plenum).toBeUndefined();
    expect(first('Nghị quyết số 26-NQ/TW, qua 3 Hội nghị Trung ương liên tiếp.').plenum).toBeUndefined();
    expect(first('Nghị quyết số 26-NQ/TW tại Hội nghị Trung ương năm 2008.').plenum).toBeUndefined();
  });

  it('does not read shorthand inside a longer token', () => {
    expect(detect('mã SNQ21X và NQ21-B')).toEqual([]);
  });
});
