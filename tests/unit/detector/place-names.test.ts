/**
 * Place names as news writes them: dashes inside a province's name ("Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu"), short
 * forms ("TT-Huế", "BR-VT", "TP.HCM"), and a dash that starts a title rather than a name ("Thành ủy Hà Nội - Bí thư
 * …"). Local codes are placed by them, so a short form read as "T" misplaces every local code of its sentence.
 * Sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detector/detect';
import { placeInBodyName, placesIn } from '../../../lib/detector/place-names';
import { placeOf } from '../../../lib/resolver/resolve';
import { placeKey } from '../../../lib/keys/local-codes';

const names = (text: string) => placesIn(text).map((p) => [p.name, p.level, text.slice(p.start, p.end)]);

describe('place names with dashes and short forms', () => {
  it.each([
    ['UBND tỉnh TT-Huế vừa ban hành', 'Thừa Thiên Huế', 'UBND tỉnh TT-Huế'],
    ['Tỉnh ủy TT. Huế', 'Thừa Thiên Huế', 'Tỉnh ủy TT. Huế'],
    ['UBND tỉnh Thừa Thiên - Huế ban hành', 'Thừa Thiên Huế', 'UBND tỉnh Thừa Thiên - Huế'],
    ['Tỉnh ủy Bà Rịa - Vũng Tàu ban hành', 'Bà Rịa - Vũng Tàu', 'Tỉnh ủy Bà Rịa - Vũng Tàu'],
    ['ở tỉnh Bà Rịa-Vũng Tàu.', 'Bà Rịa - Vũng Tàu', 'tỉnh Bà Rịa-Vũng Tàu'],
    ['Tỉnh ủy BR-VT', 'Bà Rịa - Vũng Tàu', 'Tỉnh ủy BR-VT'],
    ['Thành ủy TP. HCM', 'Hồ Chí Minh', 'Thành ủy TP. HCM'],
    ['UBND TP.HCM ban hành', 'Hồ Chí Minh', 'TP.HCM'],
    ['tại TPHCM hôm qua', 'Hồ Chí Minh', 'TPHCM'],
  ])('%s → %s', (text, name, phrase) => expect(names(text)).toEqual([[name, 'province', phrase]]));

  it('a dash before a title or a new phrase ends the name', () => {
    expect(names('Thành ủy Hà Nội - Bí thư Thành ủy')).toEqual([['Hà Nội', 'province', 'Thành ủy Hà Nội']]);
    expect(names('Thành ủy Hà Nội – Phó Bí thư')).toEqual([['Hà Nội', 'province', 'Thành ủy Hà Nội']]);
    expect(names('tỉnh Nghệ An - Ban Thường vụ')).toEqual([['Nghệ An', 'province', 'tỉnh Nghệ An']]);
  });

  it('syllables that are also phrase openers: kept inside a name, never its last word', () => {
    expect(placesIn('UBND TP Quy Nhơn, UBND quận Nam Từ Liêm, UBND huyện Như Thanh và UBND huyện Năm Căn').map((p) => p.name)).toEqual(['Quy Nhơn', 'Nam Từ Liêm', 'Như Thanh', 'Năm Căn']);
    expect(placesIn('của UBND tỉnh Quảng Nam Quy chế phối hợp').map((p) => p.name)).toEqual(['Quảng Nam']);
    expect(placesIn('của UBND tỉnh Gia Lai Quy Định bảng giá').map((p) => p.name)).toEqual(['Gia Lai']);
    expect(placesIn('UBND tỉnh Quảng Nam Từ năm 2020 đến nay').map((p) => p.name)).toEqual(['Quảng Nam']);
    expect(placesIn('Chủ tịch UBND tỉnh Bình Định Hồ Quốc Quy đã ký').map((p) => p.name)).toEqual(['Bình Định']);
  });

  it('a word that only begins like a short form is not one', () => {
    expect(placesIn('tỉnh BRVTX').map((p) => p.name)).not.toContain('Bà Rịa - Vũng Tàu');
    expect(placesIn('mã HCMC123')).toEqual([]);
  });

  it.each([
    ['Ban Thường vụ Tỉnh ủy Nam Định', 'Nam Định'],
    ['UBND tỉnh Bình Định', 'Bình Định'],
    ['Thành ủy Hà Nội', 'Hà Nội'],
    ['Huyện ủy Diễn Châu', 'Diễn Châu'],
    ['UBND tỉnh TT-Huế', 'Thừa Thiên Huế'],
    ['Tỉnh ủy Bà Rịa - Vũng Tàu', 'Bà Rịa - Vũng Tàu'],
    ['Ban Thường vụ Tỉnh ủy', undefined],
    ['Bộ Chính trị', undefined],
  ])('the place a body names: %s → %s', (body, place) => expect(placeInBodyName(body)).toBe(place));
});

describe('local codes are placed by these names', () => {
  const placeOfCode = (text: string, code: string) => {
    const ref = detect(text).find((r) => r.code === code);
    expect(ref, code).toBeDefined();
    return placeOf(ref!, {})?.name;
  };

  it('a people\'s committee decision of "UBND tỉnh TT-Huế" belongs to Thừa Thiên Huế, not "T"', () => {
    expect(placeOfCode('UBND tỉnh TT-Huế ban hành Quyết định số 12/2020/QĐ-UBND ngày 3/4/2020 về giá đất.', '12/2020/QĐ-UBND')).toBe('Thừa Thiên Huế');
  });

  it('a directive of "Tỉnh ủy Bà Rịa - Vũng Tàu" belongs to the whole province, not to "Bà Rịa"', () => {
    const place = placeOfCode('Tỉnh ủy Bà Rịa - Vũng Tàu ban hành Chỉ thị số 05-CT/TU về phòng chống thiên tai.', '05-CT/TU');
    expect(place).toBe('Bà Rịa - Vũng Tàu');
    expect(placeKey(place!)).toBe(placeKey('tỉnh Bà Rịa-Vũng Tàu'));
    expect(placeKey(place!)).not.toBe(placeKey('Bà Rịa'));
  });

  it('a plan of "UBND TP.HCM" belongs to Hồ Chí Minh', () => {
    expect(placeOfCode('UBND TP.HCM đã ban hành Kế hoạch số 1234/KH-UBND về chuyển đổi số.', '1234/KH-UBND')).toBe('Hồ Chí Minh');
  });
});

describe('a place named after another local body is not the first body\'s', () => {
  it('"UBND Thành phố giao Chủ tịch UBND quận Hà Đông" names no place for the city\'s letter', () => {
    expect(placeInBodyName('UBND Thành phố giao Chủ tịch UBND quận Hà Đông')).toBeUndefined();
    expect(placeInBodyName('ƯBND Thành phố giao Chủ tịch UBND huyện Hoài Đức')).toBeUndefined();
  });
  it('a title or a department before the body keeps its place', () => {
    expect(placeInBodyName('Phó Chủ tịch UBND TPHCM')).toBe('Hồ Chí Minh');
    expect(placeInBodyName('Ban Tuyên giáo Tỉnh ủy Nam Định')).toBe('Nam Định');
    expect(placeInBodyName('Sở Y tế tỉnh Nghệ An')).toBe('Nghệ An');
  });
});

describe('issuing bodies named with such places', () => {
  const issuers = (text: string) => Object.fromEntries(detect(text).map((r) => [r.code, r.issuerName]));

  it('"của Tỉnh ủy Bà Rịa - Vũng Tàu" is the whole body, and a dash before a title ends it', () => {
    expect(issuers('Thực hiện Chỉ thị số 05-CT/TU ngày 3/4/2020 của Tỉnh ủy Bà Rịa - Vũng Tàu về phòng chống thiên tai.')['05-CT/TU']).toBe('Tỉnh ủy Bà Rịa - Vũng Tàu');
    expect(issuers('Theo Kế hoạch số 12-KH/TU của Thành ủy Hà Nội - Bí thư Thành ủy chủ trì hội nghị.')['12-KH/TU']).toBe('Thành ủy Hà Nội');
  });

  it('a body named before a comma is not the subject that issues after it', () => {
    // "Tỉnh ủy Nghệ An, UBND tỉnh đã ban hành Quyết định …": the decision is the people's committee's.
    expect(issuers('Theo Chỉ thị số 05-CT/TU của Tỉnh ủy Nghệ An, UBND tỉnh đã ban hành Quyết định 1234/QĐ-UBND về giá đất.')['1234/QĐ-UBND']).toBe('UBND tỉnh');
    expect(issuers('Tỉnh ủy Bà Rịa - Vũng Tàu, UBND tỉnh đã ban hành Quyết định 1234/QĐ-UBND.')['1234/QĐ-UBND']).toBe('UBND tỉnh');
    // Words between the body and its verb still belong to it when no comma parts them.
    expect(issuers('Bộ Chính trị khóa XIII đã ban hành Kết luận số 21-KL/TW về xây dựng Đảng.')['21-KL/TW']).toBe('Bộ Chính trị');
  });
});
