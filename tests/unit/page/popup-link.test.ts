import { describe, expect, it } from 'vitest';
import { groupKeyOf, groupReferences, type MarkedEntry } from '../../../lib/page/popup-link';
import type { Reference } from '../../../lib/detector/types';
import type { Resolution } from '../../../lib/resolver/resolve';

const ref = (raw: string, code?: string): Reference => ({ raw, code, start: 0, end: raw.length, family: 'party', type: {}, issuer: {}, inferred: !code });
const resolved = (id: string, code: string, title?: string): Resolution => ({ status: 'resolved', candidates: [{ id, code, title, score: 1, reasons: [] }] });

describe('the popup\'s groups', () => {
  it('groups by resolved document in the page\'s order, counts each, and keeps unresolved codes apart', () => {
    const entries: MarkedEntry[] = [
      { id: '1', ref: ref('Chỉ thị 35-CT/TW', '35-CT/TW'), resolution: resolved('35-CT/TW@2019-05-30', '35-CT/TW', 'Về đại hội'), selected: 0 },
      { id: '2', ref: ref('Kế hoạch 17-KH/TW', '17-KH/TW'), selected: 0 },
      { id: '3', ref: ref('Chỉ thị số 35', undefined), resolution: resolved('35-CT/TW@2019-05-30', '35-CT/TW', 'Về đại hội'), selected: 0 },
      { id: '4', ref: ref('17-KH/TƯ', '17-KH/TƯ'), selected: 0 },
      { id: '5', ref: ref('Chỉ thị 35-CT/TW', '35-CT/TW'), resolution: { status: 'ambiguous', candidates: [{ id: 'a', code: '35-CT/TW', score: 1, reasons: [] }, { id: 'b', code: '35-CT/TW', score: 1, reasons: [] }] }, selected: 0 },
    ];
    const { groups, total } = groupReferences(entries);
    expect(total).toBe(5);
    expect(groups.map((g) => [g.key, g.code, g.count, g.status])).toEqual([
      ['doc:35-CT/TW@2019-05-30', '35-CT/TW', 2, 'resolved'],
      ['code:17-KH/TW', '17-KH/TW', 2, 'pending'],
      ['code:35-CT/TW', '35-CT/TW', 1, 'ambiguous'],
    ]);
    expect(groups[0]).toMatchObject({ title: 'Về đại hội', documentId: '35-CT/TW@2019-05-30' });
    expect(groupKeyOf(entries[2]!)).toBe('doc:35-CT/TW@2019-05-30');
  });
});
