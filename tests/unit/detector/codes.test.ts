import { describe, expect, it } from 'vitest';
import { expectLinearTime } from '../../helpers/linear-time';
import { detect } from '../../../lib/detector/detect';

const codes = (text: string) => detect(text).filter((r) => !r.inferred).map((r) => r.code);
const one = (text: string) => {
  const refs = detect(text).filter((r) => !r.inferred);
  expect(refs).toHaveLength(1);
  return refs[0]!;
};

describe('Party codes: every attested type and issuer', () => {
  it.each([
    ['Nghị quyết số 57-NQ/TW về khoa học', '57-NQ/TW', 'NQ', 'Nghị quyết', 'TW', 'Trung ương'],
    ['Chỉ thị 05-CT/TW được quán triệt', '05-CT/TW', 'CT', 'Chỉ thị', 'TW', 'Trung ương'],
    ['Kết luận 200-KL/TW mới ban hành', '200-KL/TW', 'KL', 'Kết luận', 'TW', 'Trung ương'],
    ['Quy chế 09-QC/TW', '09-QC/TW', 'QC', 'Quy chế', 'TW', 'Trung ương'],
    ['Hướng dẫn 36-HD/VPTW về thể thức', '36-HD/VPTW', 'HD', 'Hướng dẫn', 'VPTW', 'Văn phòng Trung ương Đảng'],
    ['Hướng dẫn 26-HD/BTCTW', '26-HD/BTCTW', 'HD', 'Hướng dẫn', 'BTCTW', 'Ban Tổ chức Trung ương'],
    ['Hướng dẫn 151-HD/BTGTW', '151-HD/BTGTW', 'HD', 'Hướng dẫn', 'BTGTW', 'Ban Tuyên giáo Trung ương'],
    ['Hướng dẫn 25-HD/BCĐTW', '25-HD/BCĐTW', 'HD', 'Hướng dẫn', 'BCĐTW', 'Ban Chỉ đạo Trung ương'],
    ['Quy định 01-QĐi/UBKTTW', '01-QĐi/UBKTTW', 'QĐi', 'Quy định', 'UBKTTW', 'Ủy ban Kiểm tra Trung ương'],
    ['Quy định 08-QĐi/TW năm 2018', '08-QĐi/TW', 'QĐi', 'Quy định', 'TW', 'Trung ương'],
    ['Kế hoạch 17-KH/TW', '17-KH/TW', 'KH', 'Kế hoạch', 'TW', 'Trung ương'],
    ['Thông báo 05-TB/BCĐTW', '05-TB/BCĐTW', 'TB', 'Thông báo', 'BCĐTW', 'Ban Chỉ đạo Trung ương'],
    ['Báo cáo 493-BC/VPTW', '493-BC/VPTW', 'BC', 'Báo cáo', 'VPTW', 'Văn phòng Trung ương Đảng'],
    ['Chương trình 01-CTr/TU', '01-CTr/TU', 'CTr', 'Chương trình', 'TU', 'Tỉnh ủy / Thành ủy'],
    ['Công văn 8011-CV/BTCTW', '8011-CV/BTCTW', 'CV', 'Công văn', 'BTCTW', 'Ban Tổ chức Trung ương'],
    ['Thông tri 01-TT/TW', '01-TT/TW', 'TT', 'Thông tri', 'TW', 'Trung ương'],
    ['Tờ trình 12-TTr/TU', '12-TTr/TU', 'TTr', 'Tờ trình', 'TU', 'Tỉnh ủy / Thành ủy'],
    ['Đề án 05-ĐA/TU', '05-ĐA/TU', 'ĐA', 'Đề án', 'TU', 'Tỉnh ủy / Thành ủy'],
    ['Nghị quyết 02-NQ/HNTW khóa VIII', '02-NQ/HNTW', 'NQ', 'Nghị quyết', 'HNTW', 'Hội nghị Trung ương'],
    ['Chỉ thị 590-CT/ĐUQSTW', '590-CT/ĐUQSTW', 'CT', 'Chỉ thị', 'ĐUQSTW', 'Đảng ủy Quân sự Trung ương'],
    ['Chỉ thị 2423-CT/QUTW', '2423-CT/QUTW', 'CT', 'Chỉ thị', 'QUTW', 'Quân ủy Trung ương'],
    ['Nghị quyết 10-NQ/HU', '10-NQ/HU', 'NQ', 'Nghị quyết', 'HU', 'Huyện ủy'],
    ['Nghị quyết 03-NQ/ĐU', '03-NQ/ĐU', 'NQ', 'Nghị quyết', 'ĐU', 'Đảng ủy'],
    ['Quyết định số 470-QĐNS/TW của Bộ Chính trị', '470-QĐNS/TW', 'QĐNS', 'Quyết định nhân sự', 'TW', 'Trung ương'],
    ['Kế hoạch 225-KH/TWĐTN-TNNT', '225-KH/TWĐTN-TNNT', 'KH', 'Kế hoạch', 'TWĐTN-TNNT', 'Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh'],
  ])('%s → %s', (text, code, typeAbbr, typeName, issuerAbbr, issuerName) => {
    const r = one(text);
    expect(r.code).toBe(code);
    expect(r.family).toBe('party');
    expect(r.type).toEqual({ abbr: typeAbbr, name: typeName });
    expect(r.issuer).toEqual({ abbr: issuerAbbr, name: issuerName });
    expect(r.raw).toBe(text.slice(r.start, r.end));
  });

  it('keeps Youth Union and military codes as their own issuers, not Party-central ones', () => {
    const refs = detect('Quyết định 367-QĐ/TWĐTN-VP và Quyết định 2155-QĐ/QUTW.');
    expect(refs.map((r) => r.issuer.abbr)).toEqual(['TWĐTN-VP', 'QUTW']);
    expect(refs.every((r) => r.issuer.abbr !== 'TW')).toBe(true);
  });
});

describe('QĐ is Quyết định or Quy định: the prose word decides', () => {
  it.each([
    ['Quy định số 205-QĐ/TW', 'Quy định'],
    ['Quyết định số 259-QĐ/TW', 'Quyết định'],
    ['quy định 114-QĐ/TW', 'Quy định'],
    ['theo 99-QĐ/TW', 'Quyết định hoặc Quy định'],
  ])('%s → %s', (text, name) => {
    expect(one(text).type).toEqual({ abbr: 'QĐ', name });
  });
});

describe('State codes', () => {
  it.each([
    ['Nghị định 100/2019/NĐ-CP', '100/2019/NĐ-CP', 'NĐ', 'CP', '2019'],
    ['Thông tư 129/2017/TT-BTC', '129/2017/TT-BTC', 'TT', 'BTC', '2017'],
    ['Thông tư liên tịch 55/2005/TTLT-BNV-VPCP', '55/2005/TTLT-BNV-VPCP', 'TTLT', 'BNV-VPCP', '2005'],
    ['Nghị quyết 11/2017/NQ-HĐND', '11/2017/NQ-HĐND', 'NQ', 'HĐND', '2017'],
    ['Quyết định 82/2005-QĐ-UBND', '82/2005/QĐ-UBND', 'QĐ', 'UBND', '2005'],
    ['Quyết định 749/QĐ-TTg', '749/QĐ-TTg', 'QĐ', 'TTg', undefined],
    ['Nghị quyết 560/NQ-UBTVQH15', '560/NQ-UBTVQH15', 'NQ', 'UBTVQH15', undefined],
    ['Quyết định 2500/QĐ-BGDĐT', '2500/QĐ-BGDĐT', 'QĐ', 'BGDĐT', undefined],
    ['Văn bản hợp nhất 01/VBHN-VPQH', '01/VBHN-VPQH', 'VBHN', 'VPQH', undefined],
    ['Thông tư 09/2023/TT-BCT', '09/2023/TT-BCT', 'TT', 'BCT', '2023'],
    ['Nghị quyết 30a/2008/NQ-CP về giảm nghèo', '30a/2008/NQ-CP', 'NQ', 'CP', '2008'],
    ['Nghị quyết số 19-2017/NQ-CP ngày 6/2/2017', '19/2017/NQ-CP', 'NQ', 'CP', '2017'],
    ['Thông tư 11/2021/TT-BGDĐTvề chương trình', '11/2021/TT-BGDĐT', 'TT', 'BGDĐT', '2021'],
    ['Quyết định thanh tra số 71/QĐ-TTr do Chánh thanh tra', '71/QĐ-TTr', 'QĐ', 'TTr', undefined],
  ])('%s → %s', (text, code, typeAbbr, issuerAbbr, year) => {
    const r = one(text);
    expect(r.code).toBe(code);
    expect(r.family).toBe('state');
    expect(r.type.abbr).toBe(typeAbbr);
    expect(r.issuer.abbr).toBe(issuerAbbr);
    expect(r.codeYear).toBe(year);
  });

  it.each([
    ['Luật số 80/2015/QH13', '80/2015/QH13', 'QH13'],
    ['Luật 64/2025/QH15 có hiệu lực', '64/2025/QH15', 'QH15'],
  ])('law %s → %s', (text, code, issuer) => {
    const r = one(text);
    expect(r.code).toBe(code);
    expect(r.issuer.abbr).toBe(issuer);
    expect(r.issuer.name).toBe('Quốc hội');
  });

  it.each([
    ['Công văn số 4912/UBND-NC', '4912/UBND-NC'],
    ['Công văn 197/STTTT ngày 3/4/2020', '197/STTTT'],
    ['công văn số 1745/TTg-QHQT về việc', '1745/TTg-QHQT'],
  ])('công văn %s → %s (no type abbreviation)', (text, code) => {
    const r = one(text);
    expect(r.code).toBe(code);
    expect(r.type).toEqual({ name: 'Công văn' });
  });

  it('needs the prose to call an issuer-only code a công văn', () => {
    expect(codes('khu phố 12/KPHA và 197/STTTT')).toEqual([]);
  });
});

describe('Swapped separators are read as the Party form', () => {
  it.each([
    ['Nghị quyết 18/NQ-TW về sắp xếp', '18-NQ/TW'],
    ['Nghị quyết 21/NQ-TW', '21-NQ/TW'],
    ['Quyết định 646/QĐ/QUTW', '646-QĐ/QUTW'],
  ])('%s → %s', (text, code) => {
    const r = one(text);
    expect(r.code).toBe(code);
    expect(r.family).toBe('party');
  });
});

describe('Real-text variants normalize to the same code', () => {
  it.each([
    ['en dash with spaces', 'Nghị quyết 21 – NQ/TW', '21-NQ/TW'],
    ['em dash', 'Chỉ thị 05—CT/TW', '05-CT/TW'],
    ['non-breaking hyphen', 'Chỉ thị 35\u2011CT/TW', '35-CT/TW'],
    ['minus sign', 'Chỉ thị 35\u2212CT/TW', '35-CT/TW'],
    ['space after the dash', 'Quy định 08- QĐi/TW', '08-QĐi/TW'],
    ['space after the slash', 'Chỉ thị 35-CT/ TW', '35-CT/TW'],
    ['non-breaking spaces', 'Chỉ thị 35\u00A0-\u00A0CT/TW', '35-CT/TW'],
    ['soft hyphen inside', 'Chỉ thị 35-\u00ADCT/TW', '35-CT/TW'],
    ['zero-width space', 'Kế hoạch 17-KH/\u200BTW', '17-KH/TW'],
    ['no hyphen at all', 'Quyết định 84 QĐ/TWĐTN', '84-QĐ/TWĐTN'],
    ['no space after số', 'Quyết định số31-QĐ/TW', '31-QĐ/TW'],
    ['TƯ for TW', 'Chỉ thị 05-CT/TƯ', '05-CT/TW'],
    ['TƯ in an issuer', 'Kết luận 445-KL/TƯ', '445-KL/TW'],
    ['ASCII QD', 'Decision 66-QD/TW', '66-QĐ/TW'],
    ['ASCII ND', 'Decree 100/2019/ND-CP', '100/2019/NĐ-CP'],
    ['ASCII QD state', 'Decision 810/QD-NHNN', '810/QĐ-NHNN'],
    ['ASCII DU', 'Nghị quyết 03-NQ/DU', '03-NQ/ĐU'],
    ['decomposed Unicode (NFD)', 'Chỉ thị 05-CT/TƯ'.normalize('NFD'), '05-CT/TW'],
    ['NFD Đ type', 'Quy định 205-QĐ/TW'.normalize('NFD'), '205-QĐ/TW'],
    ['Icelandic eth typed for Đ', 'Nghị định số 58/2025/N\u00d0-CP', '58/2025/NĐ-CP'],
    ['eth with NFD marks around it', 'Quy định của Ban Bí thư 205-Q\u00d0/TƯ'.normalize('NFD'), '205-QĐ/TW'],
    ['lower case', 'chỉ thị số 05-ct/tw', '05-CT/TW'],
    ['lower case kết luận', 'kết luận số 01-kl/tw', '01-KL/TW'],
    ['leading zeros', 'Kế hoạch 007-KH/TW', '07-KH/TW'],
    ['single digit', 'Chỉ thị 5-CT/TW', '05-CT/TW'],
    ['line break inside', 'Kế hoạch số 17-KH/\nTW ngày', '17-KH/TW'],
    ['line break after dash', 'Kế hoạch số 17-\nKH/TW', '17-KH/TW'],
    ['state with spaces', 'Nghị định 100 / 2019 / NĐ - CP', '100/2019/NĐ-CP'],
  ])('%s', (_label, text, code) => {
    const r = one(text);
    expect(r.code).toBe(code);
    expect(r.raw).toBe(text.slice(r.start, r.end));
  });

  it('reads an eth (Ð) as Đ but reports the text as written, and a lone Ð is no code', () => {
    const text = 'Ông Ðức nói: theo Nghị định 58/2025/N\u00d0-CP ngày 3.3.2025 của Chính phủ.';
    const r = one(text);
    expect(r).toMatchObject({ code: '58/2025/NĐ-CP', raw: '58/2025/N\u00d0-CP', issuerName: 'Chính phủ', date: '2025-03-03' });
    expect(detect('Ðà Nẵng, Ðồng Nai')).toEqual([]);
  });

  it('reports offsets into decomposed input, not into a normalized copy', () => {
    const text = 'Theo Quyết định và Chỉ thị 05-CT/TƯ của Bộ Chính trị'.normalize('NFD');
    const r = one(text);
    expect(r.raw).toBe(text.slice(r.start, r.end));
    expect(r.raw.normalize('NFC')).toBe('05-CT/TƯ');
    expect(r.issuerName).toBe('Bộ Chính trị');
  });
});

describe('Not references', () => {
  it.each([
    ['a date', 'ngày 30-5-2019 và 22-8'],
    ['a slashed date', 'ngày 30/5/2019'],
    ['year ranges', 'nhiệm kỳ 2021-2025, giai đoạn 2020 - 2025'],
    ['a score', 'thắng 3-1 và 2/0'],
    ['a phone number', 'Điện thoại: 0228.3849386'],
    ['a house number', 'Tòa soạn: Số 68 Trần Phú, số 12/3A ngõ 5'],
    ['a licence plate', 'xe biển số 29A-123.45 và 30H-999.99'],
    ['a virus code', 'cúm A/H5N6 và COVID-19'],
    ['a roman-numeral term', 'khóa XIII, Đại hội XIV'],
    ['a URL', 'xem https://example.vn/van-ban/17-KH/TW.html'],
    ['a www address', 'tại www.example.vn/35-CT/TW'],
    ['an e-mail address', 'gửi về 17-KH/TW@example.vn'],
    ['a count', '8 nhóm nhiệm vụ, 2 trọng tâm, 5 đột phá'],
    ['a fraction', 'đạt 56/67 chỉ tiêu, 2/10 huyện'],
    ['a product code', 'máy iPhone 15/Pro và RTX-4090/TI'],
    ['unknown type', 'mã 12-AB/CD và 17-XYZ/TW'],
  ])('%s', (_label, text) => {
    expect(codes(text)).toEqual([]);
  });
});

describe('Robustness', () => {
  it('never throws on odd input', () => {
    for (const s of ['', '-', '/', '1-/', '1-A/', '\u0301\u0301', '\uD800', 'số', 'Nghị quyết', '1'.repeat(5000)]) {
      expect(() => detect(s)).not.toThrow();
    }
    // @ts-expect-error: callers from plain JavaScript may pass anything
    expect(detect(undefined)).toEqual([]);
  });

  it('finishes 1 MB of adversarial digits, dashes and slashes in linear time', () => {
    expectLinearTime('1-1/1-/-1/1/1 - 1 / 1-NQ/1-/NQ-11/2019/ 12- /TW 3/2019/NĐ-');
  });
});
