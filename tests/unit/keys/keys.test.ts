import { describe, expect, it } from 'vitest';
import { aliasKey } from '../../../lib/keys/alias-key';
import { codeKey, typeKey } from '../../../lib/keys/code-key';
import { termForDate, termNumeral } from '../../../lib/keys/party-terms';
import { codeIssuer, isLocalCode, placeKey } from '../../../lib/keys/local-codes';
import { placeForSite, siteKey } from '../../../lib/keys/site-place';

describe('aliasKey: accent- and case-insensitive', () => {
  it.each([
    ['Nghị quyết Trung ương 7 (khóa XII)', 'nghi quyet trung uong 7 khoa xii'],
    ['Nghị quyết Trung ương 7 khoá XII', 'nghi quyet trung uong 7 khoa xii'],
    ['nghi quyet 57', 'nghi quyet 57'],
    ['NGHỊ QUYẾT 57', 'nghi quyet 57'],
    ['NQ57', 'nq 57'],
    ['Kế hoạch 17-KH/TW', 'ke hoach 17 kh tw'],
    ['Đảng ủy', 'dang uy'],
    ['  Chỉ thị   35 ', 'chi thi 35'],
  ])('%s → %s', (input, key) => expect(aliasKey(input)).toBe(key));
});

describe('codeKey: one key however the code is typed', () => {
  it.each([
    ['35-CT/TW', '35-CT/TW'],
    ['05-CT/TƯ', '5-CT/TW'],
    ['05 - CT/TW', '5-CT/TW'],
    ['05–CT/TW', '5-CT/TW'],
    ['58/2025/NÐ-CP', '58/2025/NĐ-CP'],
    ['100/2019/nđ-cp', '100/2019/NĐ-CP'],
  ])('%s → %s', (input, key) => expect(codeKey(input)).toBe(key));
  it('treats QĐi and QĐ as one type key', () => expect(typeKey('QĐi')).toBe(typeKey('QĐ')));
});

describe('termForDate: terms start the day after a congress closes', () => {
  it.each([
    ['2014-05-26', 'XI'],
    ['2019-05-30', 'XII'],
    ['2024-06-14', 'XIII'],
    ['2016-01-28', undefined], // last day of the XII congress
    ['2016-01-29', 'XII'],
    ['2016-01-19', 'XI'],
    ['2021-02-02', 'XIII'],
    ['2026-01-24', 'XIV'],
    ['2018', 'XII'],
    ['2021', undefined], // congress year: the year alone cannot tell
    ['', undefined],
  ])('%s → %s', (date, term) => expect(termForDate(date || undefined)).toBe(term));
  it.each([
    ['TW khóa XIII', 'XIII'],
    ['khoá XII', 'XII'],
    ['XI', 'XI'],
    ['Đảng bộ tỉnh', undefined],
  ])('termNumeral(%s) → %s', (text, term) => expect(termNumeral(text)).toBe(term));
});

describe('local codes and places', () => {
  it.each([
    ['07-NQ/TU', true],
    ['2777-CV/TU', true],
    ['12-CT/HU', true],
    ['123/QĐ-UBND', true],
    ['05/2019/QĐ-UBND', true],
    ['35-CT/TW', false],
    ['26-HD/BTCTW', false],
    ['100/2019/NĐ-CP', false],
  ])('isLocalCode(%s) → %s', (code, local) => expect(isLocalCode(code)).toBe(local));
  it.each([
    ['07-NQ/TU', 'TU'],
    ['123/QĐ-UBND', 'UBND'],
    ['100/2019/NĐ-CP', 'CP'],
  ])('codeIssuer(%s) → %s', (code, issuer) => expect(codeIssuer(code)).toBe(issuer));
  it('compares places without accents or "tỉnh"', () => expect(placeKey('tỉnh Nam Định')).toBe(placeKey('Nam Dinh')));
  it.each([
    ['https://www.baonamdinh.vn/tin/1', 'baonamdinh.vn'],
    ['m.baonamdinh.vn', 'baonamdinh.vn'],
    ['BAONAMDINH.VN:8080', 'baonamdinh.vn'],
  ])('siteKey(%s) → %s', (site, key) => expect(siteKey(site)).toBe(key));
  it('finds a province for a site or its parent domain, none for unknown sites', () => {
    const table = { 'baonamdinh.vn': 'Nam Định' };
    expect(placeForSite('tin.baonamdinh.vn', table)).toBe('Nam Định');
    expect(placeForSite('dantri.com.vn', table)).toBeUndefined();
    expect(placeForSite(undefined, table)).toBeUndefined();
  });
});
