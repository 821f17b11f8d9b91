import { describe, expect, it } from 'vitest';
import { buildCardModel, unreadableKey } from '@/lib/card/model';
import { UNREADABLE_KINDS } from '@/lib/lookup/messages';
import viMessages from '../../../public/_locales/vi/messages.json';
import enMessages from '../../../public/_locales/en/messages.json';
import { ct35, ct35Ambiguous, kh17, kh17Doc, kh17Resolved, ref, tVi, unknownRef } from './fixtures';

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

  it('names each source by its outlet or portal and links the official full text', () => {
    const doc = {
      ...kh17Doc,
      officialUrl: 'https://tulieuvankien.dangcongsan.vn/van-ban/17',
      sources: [{ url: 'https://tulieuvankien.dangcongsan.vn/van-ban/17', note: 'checked: code 17-KH/TW, date 2023-07-07' }, { url: 'https://www.nhandan.vn/bai-17' }, { url: 'https://example.vn/nguon-17' }],
    };
    const model = buildCardModel({ ref: kh17, resolution: kh17Resolved, details: { document: doc } });
    expect(model.sources).toEqual([
      { url: 'https://tulieuvankien.dangcongsan.vn/van-ban/17', label: 'Tư liệu văn kiện Đảng' },
      { url: 'https://www.nhandan.vn/bai-17', label: 'Nhân Dân' },
      { url: 'https://example.vn/nguon-17', label: 'example.vn' },
    ]);
    expect(model.officialText).toEqual({ url: 'https://tulieuvankien.dangcongsan.vn/van-ban/17', label: 'Tư liệu văn kiện Đảng' });
    expect(buildCardModel({ ref: kh17, resolution: kh17Resolved, details: { document: kh17Doc } }).officialText).toBeUndefined();
    expect(buildCardModel({ ref: kh17, resolution: kh17Resolved, details: { document: { ...doc, officialUrl: 'javascript:alert(1)' } } }).officialText).toBeUndefined();
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

  it('never lists the page being read among the articles citing the document', () => {
    const items = [0, 1, 2, 3].map((i) => ({ id: `a${i}`, url: `https://bao.vn/bai-${i}`, outlet: 'Báo A', title: `Bài ${i}` }));
    const articles = { items, total: 9 };
    const here = buildCardModel({ ref: kh17, resolution: kh17Resolved, details: { document: kh17Doc, articles }, pageUrl: 'http://www.bao.vn/bai-1/?utm_source=x#doan-2' });
    expect(here.articles.map((a) => a.title)).toEqual(['Bài 0', 'Bài 2', 'Bài 3']);
    expect(here.articlesTotal).toBe(8);
    const elsewhere = buildCardModel({ ref: kh17, resolution: kh17Resolved, details: { document: kh17Doc, articles }, pageUrl: 'https://bao.vn/bai-9' });
    expect(elsewhere.articles.map((a) => a.title)).toEqual(['Bài 0', 'Bài 1', 'Bài 2']);
    expect(elsewhere.articlesTotal).toBe(9);
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

describe('buildCardModel: what the page says and what is a guess', () => {
  const nq999 = ref({
    raw: 'Nghị quyết số 999',
    number: '999',
    family: 'party',
    type: { name: 'Nghị quyết' },
    proseType: 'Nghị quyết',
    issuerName: 'Bộ Chính trị',
    inferred: true,
  });

  it('names an unknown short name once: “Nghị quyết số 999”, never “Nghị quyết số Nghị quyết số 999”', () => {
    const model = buildCardModel({ ref: nq999, resolution: { status: 'unresolved', candidates: [] } });
    expect(model.heading).toBe('Nghị quyết số 999');
    expect(model.citation).toBe('Nghị quyết số 999 của Bộ Chính trị');
    const plenum = ref({ raw: 'Nghị quyết Trung ương 7', family: 'party', type: { name: 'Nghị quyết' }, proseType: 'Nghị quyết', plenum: 7, inferred: true });
    expect(buildCardModel({ ref: plenum, resolution: { status: 'unresolved', candidates: [] } }).heading).toBe('Nghị quyết Trung ương 7');
  });

  it('keeps an ambiguous card’s heading and citation to the page’s words until the reader picks', () => {
    const nd100 = ref({ raw: 'Nghị định 100', number: '100', family: 'state', type: { name: 'Nghị định' }, proseType: 'Nghị định', inferred: true });
    const resolution = {
      status: 'ambiguous' as const,
      candidates: [
        { id: 'a', code: '100/2019/NĐ-CP', date: '2019-12-30', issuer: 'Chính phủ', score: 0.5, reasons: [{ kind: 'numberType' as const }] },
        { id: 'b', code: '100/2016/NĐ-CP', date: '2016-07-01', issuer: 'Chính phủ', score: 0.5, reasons: [{ kind: 'numberType' as const }] },
      ],
    };
    const unsure = buildCardModel({ ref: nd100, resolution });
    expect(unsure.heading).toBe('Nghị định số 100');
    expect(unsure.citation).toBe('Nghị định số 100');
    expect(unsure.citationFromPage).toBe(true);
    expect(unsure.several).toBe('year');
    const picked = buildCardModel({ ref: nd100, resolution, selected: 1 });
    expect(picked.heading).toBe('Nghị định số 100/2016/NĐ-CP');
    expect(picked.citation).toBe('Nghị định số 100/2016/NĐ-CP ngày 01/7/2016 của Chính phủ');
    expect(picked.citationFromPage).toBeUndefined();
  });

  it('says why a reference fits several documents: Party terms, state years, a plenum', () => {
    expect(buildCardModel({ ref: ct35, resolution: ct35Ambiguous }).several).toBe('term');
    const plenum = ref({ raw: 'Nghị quyết Trung ương 4', family: 'party', type: { name: 'Nghị quyết' }, plenum: 4, inferred: true });
    const twoResolutions = {
      status: 'ambiguous' as const,
      candidates: [
        { id: 'x', code: '04-NQ/TW', score: 0.5, reasons: [{ kind: 'plenum' as const, plenum: 4 }] },
        { id: 'y', code: '05-NQ/TW', score: 0.5, reasons: [{ kind: 'plenum' as const, plenum: 4 }] },
      ],
    };
    expect(buildCardModel({ ref: plenum, resolution: twoResolutions }).several).toBe('plenum');
    expect(buildCardModel({ ref: kh17, resolution: kh17Resolved }).several).toBeUndefined();
  });

  it('says where the facts come from when no source has a public address', () => {
    const lawText = buildCardModel({ ref: kh17, resolution: kh17Resolved, details: { document: { ...kh17Doc, sources: [{ url: 'law-text:luat-1.txt' }] } } });
    expect(lawText.sources).toEqual([]);
    expect(lawText.sourceNotes).toEqual(['cardSourceLawText']);
    const none = buildCardModel({ ref: kh17, resolution: kh17Resolved, details: { document: { ...kh17Doc, sources: [] } } });
    expect(none.sourceNotes).toEqual(['cardNoPublicAddress']);
    expect(buildCardModel({ ref: kh17, resolution: kh17Resolved, details: { document: kh17Doc } }).sourceNotes).toEqual([]);
  });

  it('words a reason on a date read from the page’s text as such, not as the page’s date', () => {
    const weak = buildCardModel({ ref: ct35, resolution: ct35Ambiguous, pageDateWeak: true });
    expect(weak.candidates[0]!.reasons[0]!.key).toBe('reason_latestBeforeWritten');
    expect(tVi(weak.candidates[0]!.reasons[0]!.key!, weak.candidates[0]!.reasons[0]!.subs)).toContain('ngày ghi ở đầu bài (01/7/2024');
  });
});

describe('the card when the data cannot be read', () => {
  it('is an error card that says what failed, in words for every kind in both languages', () => {
    const model = buildCardModel({ ref: kh17, error: 'integrity_card_title', unreadable: { kind: 'hash-mismatch' } });
    expect(model.state).toBe('error');
    expect(model.unreadable).toEqual({ what: 'integrity_kind_hash_mismatch' });
    expect(buildCardModel({ ref: kh17, error: 'integrity_card_title', unreadable: { kind: 'truncated', retrying: true } }).unreadable).toEqual({ what: 'integrity_kind_truncated', retrying: true });
    expect(UNREADABLE_KINDS).toContain('truncated');
    for (const kind of UNREADABLE_KINDS) {
      const key = unreadableKey(kind);
      expect((viMessages as Record<string, { message: string }>)[key]?.message, key).toBeTruthy();
      expect((enMessages as Record<string, { message: string }>)[key]?.message, key).toBeTruthy();
    }
    // A kind it does not know (a newer background) is worded as a failed load, never as a raw key.
    expect(unreadableKey('<script>')).toBe('integrity_kind_load_failed');
    expect(unreadableKey('disk-on-fire')).toBe('integrity_kind_load_failed');
  });
});
