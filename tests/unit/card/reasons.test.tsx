// @vitest-environment happy-dom
/**
 * Every kind of reason the resolver can give, walked through the card in Vietnamese and English: each is worded
 * by a message of both locale files (no raw key, no English phrase, no leftover placeholder), with its values.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { Card } from '@/components/card/Card';
import { buildCardModel } from '@/lib/card/model';
import type { Reason, ReasonKind, RuleOut, RuleOutKind } from '@/lib/records/reason';
import { reasonText, ruleOutText } from '@/lib/resolver/reason-text';
import type { Resolution } from '@/lib/resolver/resolve';
import { ct35, ct35Ambiguous, tEn, tVi } from './fixtures';
import vi from '../../../public/_locales/vi/messages.json';
import en from '../../../public/_locales/en/messages.json';

/** One example of each kind (a kind missing here fails the type check), with the values its wording must show. */
const EXAMPLES: { [K in ReasonKind]: Array<{ reason: Extract<Reason, { kind: K }>; shows: { vi: string[]; en: string[] } }> } = {
  exactCode: [{ reason: { kind: 'exactCode' }, shows: { vi: [], en: [] } }],
  numberType: [{ reason: { kind: 'numberType' }, shows: { vi: [], en: [] } }],
  plenum: [{ reason: { kind: 'plenum', plenum: 7 }, shows: { vi: ['7'], en: ['7'] } }],
  dateMatches: [{ reason: { kind: 'dateMatches', date: '2019-05-30' }, shows: { vi: ['30/5/2019'], en: ['30 May 2019'] } }],
  yearMatches: [{ reason: { kind: 'yearMatches', year: '2023' }, shows: { vi: ['2023'], en: ['2023'] } }],
  fallsInTerm: [
    { reason: { kind: 'fallsInTerm', date: '2017-03-04', term: 'XII' }, shows: { vi: ['04/3/2017', 'XII'], en: ['4 March 2017', 'XII'] } },
    { reason: { kind: 'fallsInTerm', date: '2017', term: 'XII' }, shows: { vi: ['2017', 'XII'], en: ['2017', 'XII'] } },
  ],
  termStated: [{ reason: { kind: 'termStated', term: 'XIII' }, shows: { vi: ['XIII'], en: ['XIII'] } }],
  subjectMatches: [{ reason: { kind: 'subjectMatches' }, shows: { vi: [], en: [] } }],
  topicMatches: [{ reason: { kind: 'topicMatches' }, shows: { vi: [], en: [] } }],
  passageWords: [{ reason: { kind: 'passageWords', terms: ['thể dục', 'thể thao'] }, shows: { vi: ['“thể dục”, “thể thao”'], en: ['“thể dục”, “thể thao”'] } }],
  yearsInForce: [{ reason: { kind: 'yearsInForce', years: 10, year: '2017' }, shows: { vi: ['10', '2017'], en: ['10', '2017'] } }],
  issuerMatches: [{ reason: { kind: 'issuerMatches', issuer: 'Ban Bí thư' }, shows: { vi: ['Ban Bí thư'], en: ['Ban Bí thư'] } }],
  citedInFull: [{ reason: { kind: 'citedInFull' }, shows: { vi: [], en: [] } }],
  place: (['sentence', 'paragraph', 'page', 'headline', 'site', 'context'] as const).map((from) => ({
    reason: { kind: 'place' as const, place: 'Nam Định', from },
    shows: { vi: ['Nam Định'], en: ['Nam Định'] },
  })),
  onlyBeforePageDate: [
    { reason: { kind: 'onlyBeforePageDate', pageDate: '2020-02-05' }, shows: { vi: ['05/02/2020'], en: ['5 February 2020'] } },
    { reason: { kind: 'onlyBeforePageDate', pageDate: '2017-12-31', bound: 'cuối năm 2017' }, shows: { vi: ['cuối năm 2017'], en: ['cuối năm 2017'] } },
  ],
  latestBeforePageDate: [
    { reason: { kind: 'latestBeforePageDate', pageDate: '2024-08-20' }, shows: { vi: ['20/8/2024'], en: ['20 August 2024'] } },
    { reason: { kind: 'latestBeforePageDate', pageDate: '2017-12-31', bound: 'cuối năm 2017' }, shows: { vi: ['cuối năm 2017'], en: ['cuối năm 2017'] } },
  ],
  onlyKnownCode: [{ reason: { kind: 'onlyKnownCode' }, shows: { vi: [], en: [] } }],
  onlyKnownName: [{ reason: { kind: 'onlyKnownName' }, shows: { vi: [], en: [] } }],
  namesSeries: [{ reason: { kind: 'namesSeries' }, shows: { vi: ['nhiều văn bản cùng số'], en: ['several documents of this number'] } }],
};

const cases = Object.values(EXAMPLES).flat() as Array<{ reason: Reason; shows: { vi: string[]; en: string[] } }>;
const messages = { vi: vi as Record<string, { message: string }>, en: en as Record<string, { message: string }> };

afterEach(() => {
  document.body.innerHTML = '';
});

function whyLine(reason: Reason, lang: 'vi' | 'en', weakPageDate = false): string {
  const resolution: Resolution = {
    status: 'resolved',
    candidates: [{ id: '35-CT/TW@2019-05-30', code: '35-CT/TW', date: '2019-05-30', issuer: 'Bộ Chính trị', term: 'XII', score: 1, reasons: [reason] }],
  };
  const root = document.createElement('div');
  document.body.append(root);
  render(<Card t={lang === 'vi' ? tVi : tEn} model={buildCardModel({ ref: ct35, resolution, lang, pageDateWeak: weakPageDate })} />, root);
  const why = root.querySelector('.why');
  expect(why, 'the card shows why').not.toBeNull();
  return why!.textContent!.replace(/^\s*\S[^:]*:\s*/, '');
}

describe('every kind of reason reaches the card worded', () => {
  it('has an example of every kind', () => {
    expect(new Set(cases.map((c) => c.reason.kind)).size).toBe(Object.keys(EXAMPLES).length);
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  for (const lang of ['vi', 'en'] as const) {
    it.each(cases.map((c) => [reasonText(c.reason), c] as const))(`${lang}: %s`, (_name, { reason, shows }) => {
      const line = whyLine(reason, lang);
      expect(line.trim().length).toBeGreaterThan(0);
      expect(line).not.toMatch(/reason_|\$\d/);
      // Not the English phrase the scanner uses: the card says it from the locale file.
      if (lang === 'vi') expect(line).not.toContain(reasonText(reason));
      for (const value of shows[lang]) expect(line).toContain(value);
      // The message the card used exists in both languages.
      const keys = Object.keys(messages[lang]).filter((k) => k.startsWith('reason_'));
      expect(keys.some((k) => line.startsWith(messages[lang][k]!.message.split('$')[0]!.trim()))).toBe(true);
    });
  }

  it('words page-date reasons carefully when the date was only read from the text', () => {
    const weak = whyLine({ kind: 'latestBeforePageDate', pageDate: '2024-07-01' }, 'vi', true);
    expect(weak).toContain('ngày ghi ở đầu bài (01/7/2024');
    expect(whyLine({ kind: 'latestBeforePageDate', pageDate: '2024-07-01' }, 'vi')).not.toContain('ngày ghi ở đầu bài');
  });
});

/** One example of each way a record is ruled out (a kind missing here fails the type check). */
const RULE_OUTS: { [K in RuleOutKind]: Array<{ rule: Extract<RuleOut, { kind: K }>; shows: { vi: string[]; en: string[] } }> } = {
  dateDiffers: [{ rule: { kind: 'dateDiffers', stated: '2019-05-31', recorded: '2019-05-30' }, shows: { vi: ['30/5/2019', '31/5/2019'], en: ['30 May 2019', '31 May 2019'] } }],
  termDiffers: [{ rule: { kind: 'termDiffers', stated: 'IX', recorded: 'X' }, shows: { vi: ['khóa X', 'khóa IX'], en: ['term X', 'term IX'] } }],
  plenumDiffers: [{ rule: { kind: 'plenumDiffers', stated: 5, recorded: 7 }, shows: { vi: ['7', '5'], en: ['7', '5'] } }],
  afterPageDate: [
    { rule: { kind: 'afterPageDate', pageDate: '2010-01-01', recorded: '2014-05-26' }, shows: { vi: ['26/5/2014', '01/01/2010'], en: ['26 May 2014', '1 January 2010'] } },
    { rule: { kind: 'afterPageDate', pageDate: '2017-12-31', recorded: '2019-05-30', bound: 'cuối năm 2017' }, shows: { vi: ['30/5/2019', 'cuối năm 2017'], en: ['30 May 2019', 'cuối năm 2017'] } },
  ],
  afterEventDate: [{ rule: { kind: 'afterEventDate', eventDate: '2019-03-05', recorded: '2019-05-30' }, shows: { vi: ['30/5/2019', '05/3/2019'], en: ['30 May 2019', '5 March 2019'] } }],
  tooRecentForYears: [{ rule: { kind: 'tooRecentForYears', years: 10, year: '2017', recorded: '2012-02-24' }, shows: { vi: ['24/02/2012', '10', '2017'], en: ['24 February 2012', '10', '2017'] } }],
  issuerDiffers: [
    { rule: { kind: 'issuerDiffers', stated: 'Bộ Thông tin và Truyền thông', recorded: 'Bộ Công Thương' }, shows: { vi: ['Bộ Công Thương', 'Bộ Thông tin và Truyền thông'], en: ['Bộ Công Thương', 'Bộ Thông tin và Truyền thông'] } },
  ],
  placeDiffers: [
    { rule: { kind: 'placeDiffers', stated: 'Thanh Hóa', recorded: 'Nghệ An' }, shows: { vi: ['Nghệ An', 'Thanh Hóa'], en: ['Nghệ An', 'Thanh Hóa'] } },
    { rule: { kind: 'placeDiffers', stated: 'Thanh Hóa' }, shows: { vi: ['Thanh Hóa'], en: ['Thanh Hóa'] } },
  ],
  subjectDiffers: [{ rule: { kind: 'subjectDiffers' }, shows: { vi: [], en: [] } }],
};
const ruleCases = Object.values(RULE_OUTS).flat() as Array<{ rule: RuleOut; shows: { vi: string[]; en: string[] } }>;

function ruledOutLine(rule: RuleOut, lang: 'vi' | 'en'): string {
  const resolution: Resolution = {
    status: 'unresolved',
    answer: 'not-in-dataset',
    candidates: [],
    ruledOut: [{ id: '11-NQ/TW@2007-02-05', code: '11-NQ/TW', date: '2007-02-05', issuer: 'Bộ Chính trị', term: 'X', because: [rule] }],
  };
  const root = document.createElement('div');
  document.body.append(root);
  render(<Card t={lang === 'vi' ? tVi : tEn} model={buildCardModel({ ref: ct35, resolution, lang })} />, root);
  const item = root.querySelector('.ruled-out li');
  expect(item, 'the card lists what was ruled out').not.toBeNull();
  expect(root.querySelector('.answer')!.textContent).toBe(lang === 'vi' ? 'Chưa có trong dữ liệu' : 'Not in the dataset');
  return item!.textContent!;
}

describe('every way a record is ruled out reaches the card worded', () => {
  for (const lang of ['vi', 'en'] as const) {
    it.each(ruleCases.map((c) => [ruleOutText(c.rule), c] as const))(`${lang}: %s`, (_name, { rule, shows }) => {
      const line = ruledOutLine(rule, lang);
      expect(line).toContain('11-NQ/TW');
      const said = line.slice(line.indexOf(':') + 1).trim();
      expect(said.length).toBeGreaterThan(0);
      expect(said).not.toMatch(/ruledOut_|\$\d/);
      if (lang === 'vi') expect(said).not.toBe(ruleOutText(rule));
      for (const value of shows[lang]) expect(said).toContain(value);
    });
  }
});

describe('the card says what kind of answer it is', () => {
  it.each([
    ['confirmed', 'Khớp với câu trích dẫn', 'Confirmed by the sentence'],
    ['best-fit', 'Phù hợp nhất', 'Best fit'],
    ['several', 'Nhiều văn bản phù hợp', 'Several documents fit'],
  ] as const)('%s', (answer, vi, en) => {
    const resolution: Resolution = { ...ct35Ambiguous, status: answer === 'several' ? 'ambiguous' : 'resolved', answer };
    for (const [lang, t, text] of [['vi', tVi, vi], ['en', tEn, en]] as const) {
      const root = document.createElement('div');
      document.body.append(root);
      render(<Card t={t} model={buildCardModel({ ref: ct35, resolution, lang })} />, root);
      expect(root.querySelector('.answer')!.getAttribute('data-answer')).toBe(answer);
      expect(root.querySelector('.answer')!.textContent).toContain(text);
    }
  });

  it('candidates that would look alike show their titles', () => {
    const resolution: Resolution = {
      status: 'ambiguous',
      answer: 'several',
      candidates: [
        { id: 'a', code: '04-NQ/TW', date: '2016-10-30', issuer: 'Ban Chấp hành Trung ương', term: 'XII', title: 'Về tăng cường xây dựng, chỉnh đốn Đảng', score: 1, reasons: [] },
        { id: 'b', code: '05-NQ/TW', date: '2016-10-30', issuer: 'Ban Chấp hành Trung ương', term: 'XII', title: 'Về một số chủ trương, chính sách lớn nhằm tiếp tục đổi mới mô hình tăng trưởng', score: 1, reasons: [] },
      ],
    };
    const summaries = buildCardModel({ ref: ct35, resolution }).candidates.map((c) => c.summary);
    expect(new Set(summaries).size).toBe(2);
    expect(summaries[0]).toContain('04-NQ/TW');
    expect(summaries[1]).toContain('Về một số chủ trương');
  });
});
