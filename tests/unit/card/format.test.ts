import { describe, expect, it } from 'vitest';
import { citation, documentHeading, formatDate, safeUrl } from '@/lib/card/format';
import { issuerLevel } from '@/lib/card/code-facts';
import { describeReason } from '@/lib/card/reasons';

describe('formatDate', () => {
  it('writes Vietnamese administrative dates (leading zero for days below 10 and months 1–2)', () => {
    expect(formatDate('2023-07-07')).toBe('07/7/2023');
    expect(formatDate('2019-05-30')).toBe('30/5/2019');
    expect(formatDate('2020-02-05')).toBe('05/02/2020');
    expect(formatDate('2024-06-14')).toBe('14/6/2024');
  });
  it('keeps partial dates as precise as they are and never invents a day', () => {
    expect(formatDate('2019')).toBe('2019');
    expect(formatDate('2019-05')).toBe('5/2019');
    expect(formatDate('khoảng 2019')).toBe('khoảng 2019');
    expect(formatDate(undefined)).toBeUndefined();
  });
  it('writes English dates in words', () => {
    expect(formatDate('2023-07-07', 'en')).toBe('7 July 2023');
    expect(formatDate('2019-05', 'en')).toBe('May 2019');
  });
});

describe('citation', () => {
  it('reads like a Vietnamese citation', () => {
    expect(citation({ typeName: 'Kế hoạch', code: '17-KH/TW', date: '2023-07-07', issuer: 'Bộ Chính trị' })).toBe(
      'Kế hoạch số 17-KH/TW ngày 07/7/2023 của Bộ Chính trị',
    );
  });
  it('leaves out what is unknown', () => {
    expect(citation({ code: '26-HD/BTCTW' })).toBe('26-HD/BTCTW');
    expect(citation({ typeName: 'chỉ thị', code: '35-CT/TW', date: '2019' })).toBe('Chỉ thị số 35-CT/TW năm 2019');
  });
  it('heads a card with type and number', () => {
    expect(documentHeading('Nghị định', '100/2019/NĐ-CP')).toBe('Nghị định số 100/2019/NĐ-CP');
  });
});

describe('safeUrl', () => {
  it('keeps http(s) links only', () => {
    expect(safeUrl('https://example.vn/a?b=1')).toBe('https://example.vn/a?b=1');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,<b>x</b>')).toBeUndefined();
    expect(safeUrl('not a url')).toBeUndefined();
  });
});

describe('issuerLevel', () => {
  const party = (abbr: string) => issuerLevel({ family: 'party', issuer: { abbr } });
  it('reads the level from the issuer abbreviation', () => {
    expect(party('TW')).toBe('central-party');
    expect(party('BTCTW')).toBe('central-party');
    expect(party('TU')).toBe('provincial-party');
    expect(party('HU')).toBe('district-party');
    expect(party('ĐU')).toBe('party-committee');
    expect(issuerLevel({ family: 'state', issuer: { abbr: 'NĐ-CP' } })).toBe('central-state');
    expect(issuerLevel({ family: 'state', issuer: { abbr: 'QĐ-UBND' } })).toBe('local-state');
    expect(issuerLevel({ family: 'state', issuer: { abbr: 'TT-BTC' } })).toBe('ministry');
    expect(issuerLevel({ family: 'party', issuer: {} })).toBeUndefined();
  });
});

describe('describeReason', () => {
  it('turns the resolver’s reasons into message keys with values, keeping the English phrase', () => {
    expect(describeReason({ kind: 'dateMatches', date: '2019-05-30' })).toEqual({ key: 'reason_dateMatches', subs: ['30/5/2019'], text: 'date 2019-05-30 matches' });
    expect(describeReason({ kind: 'fallsInTerm', date: '2023', term: 'XIII' }, 'en')).toMatchObject({ key: 'reason_fallsInTerm', subs: ['2023', 'XIII'], text: 'year 2023 falls in khóa XIII' });
    expect(describeReason({ kind: 'place', place: 'Nam Định', from: 'site' })).toMatchObject({ key: 'reason_place_site', subs: ['Nam Định'] });
    expect(describeReason({ kind: 'issuerMatches', issuer: 'Bộ Chính trị' })).toMatchObject({ key: 'reason_issuer', subs: ['Bộ Chính trị'] });
    expect(describeReason({ kind: 'latestBeforePageDate', pageDate: '2024-07-01', bound: 'the end of 2017' })).toMatchObject({ key: 'reason_latestBefore', subs: ['the end of 2017'] });
  });
});

describe('articleAddressKey', () => {
  it('treats one article written in several ways as one address, and other articles as others', async () => {
    const { articleAddressKey } = await import('../../../lib/card/format');
    const key = articleAddressKey('https://vnexpress.net/bai-viet-123.html');
    for (const same of ['http://www.vnexpress.net/bai-viet-123.html', 'https://m.vnexpress.net/bai-viet-123.html#binh-luan', 'https://vnexpress.net/bai-viet-123.html/?utm_source=fb&utm_medium=x'])
      expect(articleAddressKey(same)).toBe(key);
    expect(articleAddressKey('https://vnexpress.net/bai-viet-124.html')).not.toBe(key);
    expect(articleAddressKey('https://baomoi.com/a/c.epi?id=1')).not.toBe(articleAddressKey('https://baomoi.com/a/c.epi?id=2'));
  });
});
