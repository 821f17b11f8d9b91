import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detector/detect';
import { readSeed, SEED_NAM_DINH_2020, SEED_NEWS_2024 } from '../../helpers/seeds';

const summary = (name: string) =>
  detect(readSeed(name)).map((r) => ({
    ref: r.code ?? r.raw,
    inferred: r.inferred,
    date: r.date,
    issuerName: r.issuerName,
    term: r.term,
    type: r.type.name,
  }));

describe('seed article 000 (Central Organization Commission, 2024)', () => {
  it.each([
    [0, { ref: '17-KH/TW', inferred: false, date: '2023-07-07', issuerName: 'Bộ Chính trị', term: undefined, type: 'Kế hoạch' }],
    [1, { ref: '35-CT/TW', inferred: false, date: '2019-05-30', issuerName: 'Bộ Chính trị', term: undefined, type: 'Chỉ thị' }],
    [2, { ref: '21-NQ/TW', inferred: false, date: undefined, issuerName: 'Ban Chấp hành Trung ương Đảng', term: 'XIII', type: 'Nghị quyết' }],
    [3, { ref: '138-QĐ/TW', inferred: false, date: undefined, issuerName: undefined, term: undefined, type: 'Quy định' }],
    [4, { ref: '138-QĐ/TW', inferred: false, date: undefined, issuerName: 'Ban Bí thư', term: undefined, type: 'Quy định' }],
    [5, { ref: '137-QĐ/TW', inferred: false, date: '2023-12-01', issuerName: 'Ban Bí thư Trung ương Đảng', term: undefined, type: 'Quy định' }],
    [6, { ref: 'Quy định số 138', inferred: true, date: '2023-12-01', issuerName: 'Ban Bí thư', term: undefined, type: 'Quy định' }],
    [7, { ref: '26-HD/BTCTW', inferred: false, date: '2023-11-30', issuerName: 'Ban Tổ chức Trung ương', term: undefined, type: 'Hướng dẫn' }],
    [8, { ref: '21-KL/TW', inferred: false, date: undefined, issuerName: undefined, term: undefined, type: 'Kết luận' }],
    [9, { ref: '03-KH/TW', inferred: false, date: undefined, issuerName: 'Bộ Chính trị', term: undefined, type: 'Kế hoạch' }],
  ])('reference %i', (i, expected) => {
    expect(summary(SEED_NEWS_2024)[i]).toEqual(expected);
  });

  it('finds these ten and nothing else', () => {
    expect(summary(SEED_NEWS_2024)).toHaveLength(10);
  });

  it('gives offsets that point at the text as written', () => {
    const text = readSeed(SEED_NEWS_2024);
    for (const r of detect(text)) expect(text.slice(r.start, r.end)).toBe(r.raw);
  });
});

describe('seed article 004 (Báo Nam Định, 2020-02-05)', () => {
  it.each([
    [0, { ref: 'Nghị quyết Trung ương 7 (khóa XII)', inferred: true, date: undefined, issuerName: undefined, term: 'XII', type: 'Nghị quyết' }],
    [1, { ref: '09-NQ/TU', inferred: false, date: undefined, issuerName: 'Ban Chấp hành Đảng bộ tỉnh', term: 'XIX', type: 'Nghị quyết' }],
    [2, { ref: '35-CT/TW', inferred: false, date: undefined, issuerName: 'Bộ Chính trị', term: undefined, type: 'Chỉ thị' }],
    [3, { ref: '35-CT/TW', inferred: false, date: undefined, issuerName: undefined, term: undefined, type: 'Chỉ thị' }],
    [4, { ref: 'Hướng dẫn số 26', inferred: true, date: undefined, issuerName: 'Ban Tổ chức Trung ương', term: undefined, type: 'Hướng dẫn' }],
    [5, { ref: 'Công văn số 48', inferred: true, date: undefined, issuerName: 'Tiểu ban Điều lệ Đảng Đại hội XIII', term: undefined, type: 'Công văn' }],
    [6, { ref: 'Kế hoạch số 67', inferred: true, date: undefined, issuerName: 'Ban Thường vụ Tỉnh ủy', term: undefined, type: 'Kế hoạch' }],
    [7, { ref: '35-CT/TW', inferred: false, date: undefined, issuerName: 'Bộ Chính trị', term: undefined, type: 'Chỉ thị' }],
    [8, { ref: '205-QĐ/TW', inferred: false, date: undefined, issuerName: 'Bộ Chính trị', term: undefined, type: 'Quy định' }],
    [9, { ref: '55-KL/TW', inferred: false, date: undefined, issuerName: 'Ban Bí thư', term: undefined, type: 'Kết luận' }],
  ])('reference %i', (i, expected) => {
    expect(summary(SEED_NAM_DINH_2020)[i]).toEqual(expected);
  });

  it('finds these ten and nothing else: not the phone number, house number, counts or term ranges', () => {
    const refs = detect(readSeed(SEED_NAM_DINH_2020));
    expect(refs).toHaveLength(10);
    for (const r of refs) expect(r.raw).not.toMatch(/0228|Số 68|nhóm|2020-2025/);
  });

  it('reads the provincial resolution as a local Party code (…/TU)', () => {
    const r = detect(readSeed(SEED_NAM_DINH_2020)).find((x) => x.code === '09-NQ/TU')!;
    expect(r.issuer).toEqual({ abbr: 'TU', name: 'Tỉnh ủy / Thành ủy' });
    expect(r.family).toBe('party');
  });
});
