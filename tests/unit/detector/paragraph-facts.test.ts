/**
 * What a sentence and its paragraph state beyond a reference's own clause: a governing clause's issuing body and
 * term carry to the references it governs (and to a list after a colon); a local code's place comes from its
 * sentence, else its paragraph, of the level the code needs. Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detector/detect';
import { placesIn } from '../../../lib/detector/place-names';

const byRaw = (text: string) => new Map(detect(text).map((r) => [r.raw, r]));

describe('a governing clause carries to the references it governs', () => {
  it('"Bộ Chính trị khóa IX đã ban hành … Nghị quyết 42 … và Nghị quyết số 11": both are of khóa IX and the Politburo', () => {
    const refs = byRaw('Bộ Chính trị khóa IX đã ban hành nhiều văn bản quan trọng như Nghị quyết số 42-NQ/TW về quy hoạch cán bộ và Nghị quyết số 11-NQ/TW về công tác phụ nữ.');
    for (const raw of ['42-NQ/TW', '11-NQ/TW']) {
      expect(refs.get(raw)?.term, raw).toBe('IX');
      expect(refs.get(raw)?.issuerName, raw).toBe('Bộ Chính trị');
    }
  });

  it('a list after a colon: "Ban Thường vụ Tỉnh ủy … ban hành các văn bản:" then one code per line', () => {
    const text = 'Ban Thường vụ Tỉnh ủy Hà Tĩnh đã ban hành các văn bản:\n- Nghị quyết số 02-NQ/TU về chuyển đổi số;\n- Chỉ thị số 05-CT/TU về công tác cán bộ.\nCác huyện triển khai Kế hoạch số 09-KH/HU.';
    const refs = byRaw(text);
    expect(refs.get('02-NQ/TU')?.issuerName).toBe('Ban Thường vụ Tỉnh ủy Hà Tĩnh');
    expect(refs.get('05-CT/TU')?.issuerName).toBe('Ban Thường vụ Tỉnh ủy Hà Tĩnh');
    // The list has ended: the next paragraph is not governed by it (and a district code is no Tỉnh ủy's).
    expect(refs.get('09-KH/HU')?.issuerName).toBeUndefined();
  });

  it('a reference that states its own body and term keeps them; a code the body cannot issue gets nothing', () => {
    const refs = byRaw('Tỉnh ủy Nghệ An ban hành Kế hoạch số 20-KH/TU để thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị khóa XIII.');
    expect(refs.get('20-KH/TU')?.issuerName).toMatch(/^Tỉnh ủy Nghệ An/);
    expect(refs.get('35-CT/TW')?.issuerName).toBe('Bộ Chính trị');
    expect(refs.get('35-CT/TW')?.term).toBe('XIII');
    const other = byRaw('Huyện ủy Yên Thành ban hành hướng dẫn, căn cứ Quy định số 205-QĐ/TW.');
    expect(other.get('205-QĐ/TW')?.issuerName).toBeUndefined();
  });

  it('a reference carried out, summed up or replaced by what the body issues is not the body\'s own', () => {
    // The Tỉnh ủy issues the programme, not the Politburo's resolution it carries out.
    const own = byRaw('Tỉnh ủy Quảng Bình đã ban hành Chương trình hành động thực hiện Nghị quyết số 57 về phát triển khoa học.');
    expect(own.get('Nghị quyết số 57')?.issuerName).toBeUndefined();
    // Nor does the Politburo of one term give its term to the earlier directive its conclusion reviews.
    const term = byRaw('Bộ Chính trị khóa XIII đã ban hành Kết luận số 11-KL/TW về tiếp tục thực hiện Chỉ thị số 05-CT/TW.');
    expect(term.get('11-KL/TW')).toMatchObject({ issuerName: 'Bộ Chính trị', term: 'XIII' });
    expect(term.get('05-CT/TW')?.term).toBeUndefined();
    expect(term.get('05-CT/TW')?.issuerName).toBeUndefined();
    // In a list after a colon, each item is read from its own start.
    const list = byRaw('Ban Thường vụ Tỉnh ủy Hà Tĩnh đã ban hành các văn bản triển khai:\n- Kế hoạch số 12-KH/TU thực hiện Nghị quyết số 03-NQ/TU;\n- Chỉ thị số 05-CT/TU về chuyển đổi số.');
    expect(list.get('12-KH/TU')?.issuerName).toBe('Ban Thường vụ Tỉnh ủy Hà Tĩnh');
    expect(list.get('03-NQ/TU')?.issuerName).toBeUndefined();
    expect(list.get('05-CT/TU')?.issuerName).toBe('Ban Thường vụ Tỉnh ủy Hà Tĩnh');
  });

  it('a verb inside an earlier title or clause does not keep the body from the references it issues', () => {
    const cases: [string, string, string[]][] = [
      ['Ban Thường vụ Tỉnh ủy đã ban hành nhiều văn bản lãnh đạo, chỉ đạo triển khai thực hiện, như: Chỉ thị số 05-CT/TU, Kế hoạch số 12-KH/TU.', 'Ban Thường vụ Tỉnh ủy', ['05-CT/TU', '12-KH/TU']],
      ['Ban Thường vụ Tỉnh ủy Hà Tĩnh đã ban hành các văn bản triển khai: Kế hoạch số 12-KH/TU, Chỉ thị số 05-CT/TU.', 'Ban Thường vụ Tỉnh ủy Hà Tĩnh', ['12-KH/TU', '05-CT/TU']],
      ['Bộ Chính trị đã ban hành Quy định số 132-QĐ/TW về kiểm soát quyền lực trong xét xử, thi hành án và Quy định số 131-QĐ/TW về công tác kiểm tra.', 'Bộ Chính trị', ['132-QĐ/TW', '131-QĐ/TW']],
      ['Bộ Chính trị ban hành Nghị quyết số 57-NQ/TW, theo đó đặt mục tiêu cao, và Nghị quyết số 59-NQ/TW.', 'Bộ Chính trị', ['57-NQ/TW', '59-NQ/TW']],
      ['Tỉnh ủy Nghệ An ban hành Nghị quyết số 03-NQ/TU về phát triển du lịch theo hướng bền vững và Chỉ thị số 05-CT/TU về cán bộ.', 'Tỉnh ủy Nghệ An', ['03-NQ/TU', '05-CT/TU']],
      ['Bộ Chính trị đã ban hành theo thẩm quyền Quy định số 13-QĐ/TW.', 'Bộ Chính trị', ['13-QĐ/TW']],
    ];
    for (const [text, body, codes] of cases) {
      const refs = byRaw(text);
      for (const code of codes) expect(refs.get(code)?.issuerName, `${code} in ${text}`).toBe(body);
    }
  });

  it('a provincial body\'s term is not a central term', () => {
    const refs = byRaw('Tỉnh ủy khóa XIX đã ban hành Nghị quyết số 03-NQ/TU về phát triển du lịch.');
    expect(refs.get('03-NQ/TU')?.term).toBeUndefined();
  });
});

describe('the place of a local code', () => {
  it('from its sentence, the nearest of the level the code needs', () => {
    const refs = byRaw('UBND huyện Diễn Châu, tỉnh Nghệ An ban hành Kế hoạch số 45/KH-UBND; Huyện ủy Diễn Châu ban hành Quyết định số 352-QĐ/HU.');
    expect(refs.get('45/KH-UBND')).toMatchObject({ place: 'Diễn Châu', placeFrom: 'sentence' });
    expect(refs.get('352-QĐ/HU')).toMatchObject({ place: 'Diễn Châu', placeFrom: 'sentence' });
  });

  it('from its paragraph when the sentence names none; a province for …/TU, a district for …/HU', () => {
    const text = 'Hội nghị Tỉnh ủy Thanh Hóa lần thứ 12 diễn ra hôm qua. Các đại biểu thảo luận việc thực hiện Nghị quyết số 02-NQ/TU và Kế hoạch số 10-KH/HU.';
    const refs = byRaw(text);
    expect(refs.get('02-NQ/TU')).toMatchObject({ place: 'Thanh Hóa', placeFrom: 'paragraph' });
    expect(refs.get('10-KH/HU')?.place).toBeUndefined();
  });

  it('never from another paragraph, and not for a commune\'s people\'s committee', () => {
    const refs = byRaw('Tỉnh Quảng Trị đón đoàn công tác.\nTheo Nghị quyết số 07-NQ/TU, các cấp đã triển khai.');
    expect(refs.get('07-NQ/TU')?.place).toBeUndefined();
    expect(byRaw('Tại tỉnh Bình Phước, UBND xã Tân Lợi ban hành Quyết định số 12/QĐ-UBND.').get('12/QĐ-UBND')?.place).toBeUndefined();
  });

  it('a people\'s committee code is placed at the level of the body its sentence credits with it, not of another body named first', () => {
    const refs = byRaw('UBND TP Hà Nội đã giữ nguyên Quyết định số 4849/QĐ-UBND ngày 11/7/2016 của Chủ tịch UBND huyện Thanh Trì về khiếu nại.');
    expect(refs.get('4849/QĐ-UBND')).toMatchObject({ place: 'Thanh Trì', placeFrom: 'sentence' });
    // No body credited with it: the first the sentence names decides the level, as before.
    expect(byRaw('UBND TP Hà Nội đã giữ nguyên Quyết định số 4849/QĐ-UBND ngày 11/7/2016, theo đề nghị của UBND huyện Thanh Trì.').get('4849/QĐ-UBND')?.place).toBe('Hà Nội');
    // A body read too long (it goes on past another body) is not the credited one.
    expect(byRaw('Văn bản số 5279/UBND-TKBT ngày 9/9/2016 của UBND Thành phố giao Chủ tịch UBND quận Hà Đông xử lý.').get('5279/UBND-TKBT')?.place).not.toBe('Hà Đông');
  });

  it('from a document header after the code: the local body\'s own place, a dash inside it kept', () => {
    const header = byRaw('Số: 2863/QĐ-UBND  Bà Rịa - Vũng Tàu, ngày 12 tháng 10 năm 2023').get('2863/QĐ-UBND');
    expect(header).toMatchObject({ place: 'Bà Rịa - Vũng Tàu', placeFrom: 'sentence', date: '2023-10-12' });
    expect(byRaw('Số 15-CT/TU  Quảng Trị, ngày 3 tháng 5 năm 2022').get('15-CT/TU')).toMatchObject({ place: 'Quảng Trị', date: '2022-05-03' });
    // A central document's header ("Hà Nội, ngày …") places nothing.
    expect(byRaw('Số 45-CT/TW  Hà Nội, ngày 14 tháng 4 năm 2025').get('45-CT/TW')?.place).toBeUndefined();
  });

  it('"TP." ends neither the sentence nor the place; an initial ending a sentence does end it', () => {
    expect(byRaw('Thành ủy TP. Hồ Chí Minh đã ban hành Kế hoạch số 12-KH/TU về chuyển đổi số.').get('12-KH/TU')).toMatchObject({ place: 'Hồ Chí Minh' });
    expect(byRaw('Quyết định số 12/QĐ-UBND của UBND TP. Hồ Chí Minh về giá đất.').get('12/QĐ-UBND')).toMatchObject({ place: 'Hồ Chí Minh' });
    expect(byRaw('Số: 123/QĐ-UBND  Tp. Hồ Chí Minh, ngày 3 tháng 4 năm 2024').get('123/QĐ-UBND')).toMatchObject({ place: 'Hồ Chí Minh', date: '2024-04-03' });
    // "Lê Văn Q." ends its sentence: the place named before it is the paragraph's, not the sentence's.
    expect(byRaw('Tỉnh ủy Nghệ An xử lý ông Lê Văn Q. Theo Quyết định số 12/QĐ-UBND, việc này xong.').get('12/QĐ-UBND')).toMatchObject({ place: 'Nghệ An', placeFrom: 'paragraph' });
  });

  it('reads place names and their level', () => {
    expect(placesIn('Huyện ủy Diễn Châu, tỉnh Nghệ An; TP. Vinh; thành phố Hà Nội').map((p) => [p.name, p.level])).toEqual([
      ['Diễn Châu', 'district'], ['Nghệ An', 'province'], ['Vinh', 'district'], ['Hà Nội', 'province'],
    ]);
    expect(placesIn('tỉnh ủy viên, huyện nhà')).toEqual([]);
  });
});
