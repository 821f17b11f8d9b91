import { describe, expect, it } from 'vitest';
import { centralPartyParts, coverageMarkdown, coverageTable, numberRanges } from '../../../lib/dataset/coverage';
import type { DocumentRecord } from '../../../lib/records/schema';

const doc = (code: string, edit: Partial<DocumentRecord> = {}): DocumentRecord => ({
  id: `${code}@${edit.date ?? edit.term ?? ''}`, code, family: 'party', number: code.split('-')[0] as string, typeAbbr: '', typeName: '',
  issuerAbbr: 'TW', aliases: [], relations: [], readings: [], sources: [], confidence: 'secondary', ...edit,
});

describe('central Party register coverage', () => {
  it('reads the type and number of central Party codes only', () => {
    expect(centralPartyParts('57-NQ/TW')).toEqual({ type: 'NQ', number: 57 });
    expect(centralPartyParts('05-CT/TW')).toEqual({ type: 'CT', number: 5 });
    expect(centralPartyParts('138-QĐ/TW')).toEqual({ type: 'QĐ', number: 138 });
    expect(centralPartyParts('09-NQ/TU')).toBeUndefined();
    expect(centralPartyParts('26-HD/BTCTW')).toBeUndefined();
    expect(centralPartyParts('100/2019/NĐ-CP')).toBeUndefined();
  });

  it('counts sourced numbers per term and type, the highest known and the numbers missing', () => {
    const rows = coverageTable([
      doc('01-NQ/TW', { term: 'XIII' }),
      doc('3-NQ/TW', { date: '2021-06-01' }), // term from the date
      doc('3-NQ/TW', { date: '2021-06-01', knownFromNews: true, confidence: 'news-only' }),
      doc('6-NQ/TW', { term: 'XIII', knownFromNews: true, confidence: 'news-only' }),
      doc('2-CT/TW', { term: 'XII' }),
      doc('4-NQ/TW', { term: 'XIII', place: 'Nam Định' }), // local: not counted
      doc('9-NQ/TW', { term: 'X' }), // term outside the register
      doc('12/2020/NĐ-CP', { family: 'state', date: '2020-01-01' }),
    ]);
    const xiiiNq = rows.find((r) => r.term === 'XIII' && r.type === 'NQ');
    expect(xiiiNq).toEqual({ term: 'XIII', type: 'NQ', held: 2, highest: 6, highestSourced: false, missing: [2, 4, 5, 6] });
    expect(rows.find((r) => r.term === 'XII' && r.type === 'CT')).toEqual({ term: 'XII', type: 'CT', held: 1, highest: 2, highestSourced: true, missing: [1] });
    expect(rows.find((r) => r.term === 'XI' && r.type === 'NQ')).toEqual({ term: 'XI', type: 'NQ', held: 0, highest: 0, highestSourced: false, missing: [] });
    expect(rows.some((r) => r.type === 'KL')).toBe(false);
    expect(coverageMarkdown(rows)).toContain('| XIII | NQ | 2 | 6 (news) | 33 % | 2, 4–6 |');
  });

  it('a reviewed row marked news-only (only citing articles found) is not held: its number stays missing', () => {
    const rows = coverageTable([
      doc('1-CT/TW', { term: 'XII' }),
      doc('2-CT/TW', { term: 'XII', confidence: 'news-only' }),
      doc('3-CT/TW', { term: 'XII', confidence: 'official' }),
    ]);
    expect(rows.find((r) => r.term === 'XII' && r.type === 'CT')).toEqual({ term: 'XII', type: 'CT', held: 2, highest: 3, highestSourced: true, missing: [2] });
    const top = coverageTable([doc('1-CT/TW', { term: 'XII' }), doc('4-CT/TW', { term: 'XII', confidence: 'news-only' })]);
    expect(top.find((r) => r.term === 'XII' && r.type === 'CT')).toMatchObject({ held: 1, highest: 4, highestSourced: false, missing: [2, 3, 4] });
  });

  it('writes numbers as ranges', () => {
    expect(numberRanges([1, 2, 3, 5, 8, 9, 10])).toBe('1–3, 5, 8–10');
    expect(numberRanges([])).toBe('');
  });
});
