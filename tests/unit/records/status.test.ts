/**
 * A document's status in the one form data/documents.tsv writes it (lib/records/status.ts), and how the card and
 * the record say it in the reader's language (statusText in lib/card/format.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseStatus } from '../../../lib/records/status';
import { statusText } from '../../../lib/card/format';

describe('the status form', () => {
  it.each([
    ['in force', { kind: 'in-force' }],
    ['in force from 2025-07-01', { kind: 'in-force', from: '2025-07-01' }],
    ['in force, amended, stated 2025-01', { kind: 'in-force', amended: true, stated: '2025-01' }],
    ['expired from 2021-05-15', { kind: 'expired', from: '2021-05-15' }],
    ['expired from 2024-12-31, replaced by 29/2023/QH15', { kind: 'expired', from: '2024-12-31', by: '29/2023/QH15' }],
    ['partly expired', { kind: 'partly-expired' }],
    ['replaced by 45-CT/TW', { kind: 'replaced', by: '45-CT/TW' }],
    ['replaced by 146/2018/NĐ-CP from 2018-12-01, stated undated', { kind: 'replaced', by: '146/2018/NĐ-CP', from: '2018-12-01', stated: 'undated' }],
  ])('%s', (text, status) => expect(parseStatus(text)).toEqual(status));

  it.each([
    'hết hiệu lực 2020-04-15',
    'còn hiệu lực (as stated on vbpl.vn page, date of statement unknown)',
    'expired from 15/05/2021',
    'replaced by 45-CT/TW, replaced by 46-CT/TW',
    'in force since 2020',
    'expired from 2021-13-45',
    'expired from 2021-02-30',
    'in force, stated 2025-00',
    'in force, replaced by 45-CT/TW',
    '',
  ])('rejects %j', (text) => expect(parseStatus(text)).toBeUndefined());
});

describe('the status in the reader\'s language', () => {
  it.each([
    ['replaced by 45-CT/TW', 'Được thay thế bởi 45-CT/TW', 'Replaced by 45-CT/TW'],
    ['expired from 2021-05-15', 'Hết hiệu lực từ 15/5/2021', 'No longer in force since 15 May 2021'],
    ['expired from 2024-12-31, replaced by 29/2023/QH15', 'Hết hiệu lực từ 31/12/2024, được thay thế bởi 29/2023/QH15', 'No longer in force since 31 December 2024, replaced by 29/2023/QH15'],
    ['in force from 2025-07-01', 'Có hiệu lực từ 01/7/2025', 'In force since 1 July 2025'],
    ['in force, stated undated', 'Còn hiệu lực (theo nguồn, không rõ thời điểm nguồn nêu)', 'In force (as the source states; when it said so is unknown)'],
    ['in force, amended, stated 2025-01', 'Còn hiệu lực, đã được sửa đổi, bổ sung (theo nguồn, nêu tháng 01/2025)', 'In force, amended (as the source stated in January 2025)'],
    ['replaced by 76/2019/NĐ-CP from 2019-10-15, stated 2019-10-27', 'Được thay thế bởi 76/2019/NĐ-CP từ 15/10/2019 (theo nguồn, nêu ngày 27/10/2019)', 'Replaced by 76/2019/NĐ-CP from 15 October 2019 (as the source stated on 27 October 2019)'],
    ['partly expired', 'Hết hiệu lực một phần', 'Partly no longer in force'],
  ])('%s', (text, vi, en) => {
    expect(statusText(text, 'vi')).toBe(vi);
    expect(statusText(text, 'en')).toBe(en);
  });

  it('shows a text in no known form as it is', () => {
    expect(statusText('còn hiệu lực', 'en')).toBe('còn hiệu lực');
  });
});
