/**
 * A signer named after the body is neither the issuer nor part of the place (lib/detector/person-names.ts), while
 * places and bodies that carry a person's name keep it. Sentences are written for the tests.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detector/detect';
import { placesIn } from '../../../lib/detector/place-names';
import { bodyWithoutPerson } from '../../../lib/detector/person-names';

const first = (text: string) => {
  const r = detect(text)[0];
  expect(r, text).toBeDefined();
  return r!;
};

describe('a signer after the body', () => {
  it.each([
    ['Ngày 3-2, Chủ tịch UBND TP Hà Nội Nguyễn Đức Chung đã có Công điện số 2/CĐ-UBND về việc đôn đốc.', 'Chủ tịch UBND TP Hà Nội', 'Hà Nội'],
    ['Chủ tịch UBND TP Hồ Chí Minh Nguyễn Thành Phong đã ký Quyết định số 12/QĐ-UBND.', 'Chủ tịch UBND TP Hồ Chí Minh', 'Hồ Chí Minh'],
    ['Chủ tịch UBND quận Liên Chiểu Đàm Quang Hưng đã ký quyết định số 522/QĐ-UBND.', 'Chủ tịch UBND quận Liên Chiểu', 'Liên Chiểu'],
    ['Chủ tịch UBND tỉnh Bình Dương Võ Văn Minh đã ký Quyết định số 15/QĐ-UBND.', 'Chủ tịch UBND tỉnh Bình Dương', 'Bình Dương'],
    // A signer's given name that is also a stop word ("Quy") is still part of the person's name, not the place's.
    ['Chủ tịch UBND tỉnh Bình Định Hồ Quốc Quy đã ký Quyết định số 15/QĐ-UBND.', 'Chủ tịch UBND tỉnh Bình Định', 'Bình Định'],
    // The city left unnamed: the signer's name is no city's (the sentence before names it).
    ['Văn phòng UBND TP Đà Nẵng cho biết, Phó Chủ tịch UBND TP Nguyễn Văn Hùng vừa ký Quyết định 569/QĐ-UBND.', 'Phó Chủ tịch UBND TP', 'Đà Nẵng'],
  ])('%s', (text, issuer, place) => {
    const r = first(text);
    expect([r.issuerName, r.place]).toEqual([issuer, place]);
  });

  it('a minister or the Prime Minister named with the title: the title, not the person', () => {
    expect(first('Bộ trưởng Bộ Công Thương Trần Tuấn Anh đã ký Quyết định số 1234/QĐ-BCT.').issuerName).toBe('Bộ trưởng Bộ Công Thương');
    expect(first('Thủ tướng Nguyễn Xuân Phúc đã ký Quyết định số 12/QĐ-TTg.').issuerName).toBe('Thủ tướng');
    expect(bodyWithoutPerson('Bộ GD&ĐT Nguyễn Thị Kim Tiến')).toBe('Bộ GD&ĐT');
  });

  it('a province\'s or city\'s head followed only by a signer\'s name names no place', () => {
    const r = first('Phó Chủ tịch UBND tỉnh Nguyễn Văn Hùng vừa ký Quyết định 569/QĐ-UBND.');
    expect([r.issuerName, r.place]).toEqual(['Phó Chủ tịch UBND tỉnh', undefined]);
    expect(placesIn('UBND TP Phan Rang - Tháp Chàm và UBND TP Hồ Chí Minh').map((p) => p.name)).toEqual(['Phan Rang - Tháp Chàm', 'Hồ Chí Minh']);
  });

  it('names that are places or bodies keep every word', () => {
    expect(first('Theo Thông báo số 47/TB-UBND của UBND phường Lê Thanh Nghị, các hộ phải di dời.').issuerName).toBe('UBND phường Lê Thanh Nghị');
    expect(first('Theo Quyết định số 12/QĐ-UBND của UBND TP Hồ Chí Minh, các sở rà soát.').issuerName).toBe('UBND TP Hồ Chí Minh');
    for (const name of ['Bộ Giáo dục và Đào tạo', 'Ngân hàng Nhà nước Việt Nam', 'Học viện Chính trị quốc gia Hồ Chí Minh', 'UBND thành phố Phan Thiết', 'UBND huyện Lương Sơn', 'Tỉnh ủy Thanh Hóa']) {
      expect(bodyWithoutPerson(name)).toBe(name);
    }
    expect(placesIn('UBND huyện Đô Lương và UBND tỉnh Hà Nam').map((p) => p.name)).toEqual(['Đô Lương', 'Hà Nam']);
  });
});
