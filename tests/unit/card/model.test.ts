import { describe, expect, it } from 'vitest';
import { buildCardModel } from '@/lib/card/model';
import { ct35, ct35Ambiguous, kh17, kh17Doc, kh17Resolved, unknownRef } from './fixtures';

describe('buildCardModel', () => {
  it('shows type and number, issuer, date and term, and a citation for a resolved code', () => {
    const model = buildCardModel({ ref: kh17, resolution: kh17Resolved, details: { document: kh17Doc } });
    expect(model.state).toBe('resolved');
    expect(model.heading).toBe('Kế hoạch số 17-KH/TW');
    expect(model.facts).toEqual([
      { label: 'cardIssuer', value: 'Bộ Chính trị' },
      { label: 'cardDate', value: '07/7/2023' },
      { label: 'cardTerm', value: 'XIII' },
    ]);
    expect(model.title).toBe(kh17Doc.title);
    expect(model.citation).toBe('Kế hoạch số 17-KH/TW ngày 07/7/2023 của Bộ Chính trị');
    // Unsafe source addresses never become links.
    expect(model.sources).toEqual([{ url: 'https://example.vn/nguon-17', label: 'example.vn' }]);
    expect(model.confidence).toBe('secondary');
  });

  it('opens from the batch alone, before details arrive', () => {
    const model = buildCardModel({ ref: kh17, resolution: kh17Resolved });
    expect(model.facts.map((f) => f.label)).toEqual(['cardIssuer', 'cardDate', 'cardTerm']);
    expect(model.citation).toBe('Kế hoạch số 17-KH/TW ngày 07/7/2023 của Bộ Chính trị');
  });

  it('lists every candidate of a reused code, best first, and follows the reader’s choice', () => {
    const best = buildCardModel({ ref: ct35, resolution: ct35Ambiguous });
    expect(best.state).toBe('ambiguous');
    expect(best.candidates.map((c) => c.summary)).toEqual(['14/6/2024 · Bộ Chính trị · khóa XIII', '30/5/2019 · Bộ Chính trị · khóa XII']);
    expect(best.selected).toBe(0);
    expect(best.candidates[0]!.reasons).toEqual([{ key: 'reason_latestBeforePage', subs: ['01/7/2024'], text: 'latest before page date 2024-07-01' }]);
    const other = buildCardModel({ ref: ct35, resolution: ct35Ambiguous, selected: 1 });
    expect(other.citation).toBe('Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị');
  });

  it('for an unknown code, says what the code and the sentence say', () => {
    const model = buildCardModel({ ref: unknownRef, resolution: { status: 'unresolved', candidates: [] } });
    expect(model.state).toBe('unresolved');
    expect(model.fromCode).toContainEqual({ label: 'cardLevel', value: 'level_provincial_party', valueIsKey: true });
    expect(model.fromPage).toEqual([
      { label: 'cardDate', value: '02/3/2021' },
      { label: 'cardIssuer', value: 'Ban Thường vụ Tỉnh ủy' },
      { label: 'cardSubject', value: unknownRef.subject },
    ]);
    expect(model.citation).toBe('Chỉ thị số 999-CT/TU ngày 02/3/2021 của Ban Thường vụ Tỉnh ủy');
    expect(model.citationFromPage).toBe(true);
  });

  it('is loading until the batch answers, and says so when the lookup fails', () => {
    expect(buildCardModel({ ref: kh17 }).state).toBe('loading');
    expect(buildCardModel({ ref: kh17 }).citation).toBeUndefined();
    expect(buildCardModel({ ref: kh17, error: 'cardErrorLookup' }).state).toBe('error');
  });

  it('keeps at most three related articles and counts the rest', () => {
    const items = Array.from({ length: 3 }, (_, i) => ({ id: `a${i}`, url: `https://bao.vn/${i}`, outlet: 'Báo A', title: `Bài ${i}`, date: '2024-01-0' + (i + 1) }));
    const model = buildCardModel({
      ref: kh17,
      resolution: kh17Resolved,
      details: { document: kh17Doc, articles: { items: [...items, { ...items[0]!, id: 'x' }], total: 12 }, related: [] },
    });
    expect(model.articles).toHaveLength(3);
    expect(model.articles[0]).toEqual({ outlet: 'Báo A', date: '01/01/2024', title: 'Bài 0', url: 'https://bao.vn/0' });
    expect(model.articlesTotal).toBe(12);
  });
});
