/**
 * The resolver states its reasons as short English phrases ("latest before page date 2024-08-20"). This turns
 * the known ones into message keys with their values, so the card says them in the reader's language; an
 * unknown phrase is shown as it is. Pure.
 */
import { formatDate } from './format';

export interface ReasonText {
  /** Message key, when the phrase is known. */
  key?: string;
  subs?: string[];
  /** The phrase as the resolver wrote it. */
  text: string;
}

type Rule = [RegExp, string, (m: RegExpExecArray, lang: 'vi' | 'en') => string[]];

const date = (value: string | undefined, lang: 'vi' | 'en') => formatDate(value, lang) ?? value ?? '';

const RULES: Rule[] = [
  [/^exact code$/, 'reason_exactCode', () => []],
  [/^number and type$/, 'reason_numberType', () => []],
  [/^plenum (\d+)$/, 'reason_plenum', (m) => [m[1]!]],
  [/^date (\S+) matches$/, 'reason_dateMatches', (m, l) => [date(m[1], l)]],
  [/^year (\d{4}) matches$/, 'reason_yearMatches', (m) => [m[1]!]],
  [/^(?:date|year) (\S+) falls in khóa (\S+)$/, 'reason_fallsInTerm', (m, l) => [date(m[1], l), m[2]!]],
  [/^term (\S+)$/, 'reason_term', (m) => [m[1]!]],
  [/^subject matches title$/, 'reason_subject', () => []],
  [/^issuer (.+)$/, 'reason_issuer', (m) => [m[1]!]],
  [/^cited in full on the same page$/, 'reason_citedInFull', () => []],
  [/^place (.+) \((sentence|site|context)\)$/, 'reason_place_', (m) => [m[1]!]],
  [/^only candidate dated before page date (\S+)$/, 'reason_onlyBeforePage', (m, l) => [date(m[1], l)]],
  [/^latest before page date (\S+)$/, 'reason_latestBeforePage', (m, l) => [date(m[1], l)]],
  [/^only candidate dated before (.+)$/, 'reason_onlyBefore', (m, l) => [date(m[1], l)]],
  [/^latest before (.+)$/, 'reason_latestBefore', (m, l) => [date(m[1], l)]],
  [/^only known document with this code$/, 'reason_onlyKnownCode', () => []],
  [/^only known document with this name$/, 'reason_onlyKnownName', () => []],
];

/** Reasons that name the page's date: said differently when that date was only read from the page's text. */
const PAGE_DATE_KEYS: Record<string, string> = {
  reason_onlyBeforePage: 'reason_onlyBeforeWritten',
  reason_latestBeforePage: 'reason_latestBeforeWritten',
};

export interface ReasonOptions {
  /**
   * The page date was only found written near the top of the article (no date in the page's metadata): the
   * reason says "the date written at the top of the page", not "the page's date" as a fact.
   */
  weakPageDate?: boolean;
}

export function describeReason(text: string, lang: 'vi' | 'en' = 'vi', options: ReasonOptions = {}): ReasonText {
  for (const [pattern, rule, subs] of RULES) {
    const m = pattern.exec(text.trim());
    if (!m) continue;
    let key = rule === 'reason_place_' ? `reason_place_${m[2]}` : rule;
    if (options.weakPageDate) key = PAGE_DATE_KEYS[key] ?? key;
    return { key, subs: subs(m, lang), text };
  }
  return { text };
}
