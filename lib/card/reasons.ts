/**
 * The resolver's reasons (data, see lib/records/reason.ts) as message keys with their values, so the card says
 * them in the reader's language. The table has one entry per kind: a new kind fails the type check here until it
 * is worded. Pure.
 */
import type { Reason, RuleOut } from '../records/reason';
import { reasonText, ruleOutText } from '../resolver/reason-text';
import type { CandidateReason } from '@/components/card/types';
import { formatDate } from './format';

/** A reason as the card shows it: message key, values, and the English phrase (reasonText) as a fallback. */
export type ReasonText = CandidateReason;

export interface ReasonOptions {
  /**
   * The page date was only found written near the top of the article (no date in the page's metadata): the
   * reason says "the date written at the top of the page", not "the page's date" as a fact.
   */
  weakPageDate?: boolean;
}

type Lang = 'vi' | 'en';
type Worded = { key: string; subs: string[] };

const date = (value: string, lang: Lang) => formatDate(value, lang) ?? value;

const WORDING: { [K in Reason['kind']]: (r: Extract<Reason, { kind: K }>, lang: Lang, o: ReasonOptions) => Worded } = {
  exactCode: () => ({ key: 'reason_exactCode', subs: [] }),
  numberType: () => ({ key: 'reason_numberType', subs: [] }),
  plenum: (r) => ({ key: 'reason_plenum', subs: [String(r.plenum)] }),
  dateMatches: (r, l) => ({ key: 'reason_dateMatches', subs: [date(r.date, l)] }),
  yearMatches: (r) => ({ key: 'reason_yearMatches', subs: [r.year] }),
  fallsInTerm: (r, l) => ({ key: 'reason_fallsInTerm', subs: [date(r.date, l), r.term] }),
  termStated: (r) => ({ key: 'reason_term', subs: [r.term] }),
  subjectMatches: () => ({ key: 'reason_subject', subs: [] }),
  topicMatches: () => ({ key: 'reason_topic', subs: [] }),
  passageWords: (r) => ({ key: 'reason_passageWords', subs: [r.terms.map((t) => `“${t}”`).join(', ')] }),
  yearsInForce: (r) => ({ key: 'reason_yearsInForce', subs: [String(r.years), r.year] }),
  issuerMatches: (r) => ({ key: 'reason_issuer', subs: [r.issuer] }),
  citedInFull: () => ({ key: 'reason_citedInFull', subs: [] }),
  place: (r) => ({ key: `reason_place_${r.from}`, subs: [r.place] }),
  onlyBeforePageDate: (r, l, o) =>
    r.bound
      ? { key: 'reason_onlyBefore', subs: [r.bound] }
      : { key: o.weakPageDate ? 'reason_onlyBeforeWritten' : 'reason_onlyBeforePage', subs: [date(r.pageDate, l)] },
  latestBeforePageDate: (r, l, o) =>
    r.bound
      ? { key: 'reason_latestBefore', subs: [r.bound] }
      : { key: o.weakPageDate ? 'reason_latestBeforeWritten' : 'reason_latestBeforePage', subs: [date(r.pageDate, l)] },
  onlyKnownCode: () => ({ key: 'reason_onlyKnownCode', subs: [] }),
  onlyKnownName: () => ({ key: 'reason_onlyKnownName', subs: [] }),
  namesSeries: () => ({ key: 'reason_namesSeries', subs: [] }),
};

export function describeReason(reason: Reason, lang: Lang = 'vi', options: ReasonOptions = {}): ReasonText {
  const worded = (WORDING[reason.kind] as (r: Reason, l: Lang, o: ReasonOptions) => Worded)(reason, lang, options);
  return { ...worded, text: reasonText(reason) };
}

const RULE_OUT_WORDING: { [K in RuleOut['kind']]: (r: Extract<RuleOut, { kind: K }>, lang: Lang) => Worded } = {
  dateDiffers: (r, l) => ({ key: 'ruledOut_date', subs: [date(r.recorded, l), date(r.stated, l)] }),
  termDiffers: (r) => ({ key: 'ruledOut_term', subs: [r.recorded, r.stated] }),
  plenumDiffers: (r) => ({ key: 'ruledOut_plenum', subs: [String(r.recorded), String(r.stated)] }),
  afterPageDate: (r, l) => (r.bound ? { key: 'ruledOut_afterBound', subs: [date(r.recorded, l), r.bound] } : { key: 'ruledOut_afterPage', subs: [date(r.recorded, l), date(r.pageDate, l)] }),
  afterEventDate: (r, l) => ({ key: 'ruledOut_afterEvent', subs: [date(r.recorded, l), date(r.eventDate, l)] }),
  tooRecentForYears: (r, l) => ({ key: 'ruledOut_tooRecent', subs: [date(r.recorded, l), String(r.years), r.year] }),
  issuerDiffers: (r) => (r.stated ? { key: 'ruledOut_issuer', subs: [r.recorded, r.stated] } : { key: 'ruledOut_issuerOther', subs: [r.recorded] }),
  placeDiffers: (r) => (r.recorded ? { key: 'ruledOut_place', subs: [r.recorded, r.stated] } : { key: 'ruledOut_placeUnknown', subs: [r.stated] }),
  subjectDiffers: () => ({ key: 'ruledOut_subject', subs: [] }),
};

/** Why a record was ruled out, as the card says it (message key, values, and the English phrase as a fallback). */
export function describeRuleOut(rule: RuleOut, lang: Lang = 'vi'): ReasonText {
  const worded = (RULE_OUT_WORDING[rule.kind] as (r: RuleOut, l: Lang) => Worded)(rule, lang);
  return { ...worded, text: ruleOutText(rule) };
}
