/** Reasons in plain English, for the command-line scanner and the dataset's build report. Pure. */
import type { Reason, RuleOut } from '../records/reason';

const TEXT: { [K in Reason['kind']]: (r: Extract<Reason, { kind: K }>) => string } = {
  exactCode: () => 'exact code',
  numberType: () => 'number and type',
  plenum: (r) => `plenum ${r.plenum}`,
  dateMatches: (r) => `date ${r.date} matches`,
  yearMatches: (r) => `year ${r.year} matches`,
  fallsInTerm: (r) => `${r.date.length === 10 ? 'date' : 'year'} ${r.date} falls in khóa ${r.term}`,
  termStated: (r) => `term ${r.term}`,
  subjectMatches: () => 'subject matches title',
  topicMatches: () => 'the passage matches the title',
  passageWords: (r) => `the passage speaks of ${r.terms.map((t) => `"${t}"`).join(', ')}, as only this title does`,
  yearsInForce: (r) => `the sentence tells of ${r.years} years of carrying it out by ${r.year}: its date fits`,
  issuerMatches: (r) => `issuer ${r.issuer}`,
  citedInFull: () => 'cited in full on the same page',
  place: (r) => `place ${r.place} (${r.from})`,
  onlyBeforePageDate: (r) => `only candidate dated before ${r.bound ?? `page date ${r.pageDate}`}`,
  latestBeforePageDate: (r) => `latest before ${r.bound ?? `page date ${r.pageDate}`}`,
  onlyKnownCode: () => 'only known document with this code',
  onlyKnownName: () => 'only known document with this name',
  namesSeries: () => 'the sentence names several documents of this number',
};

/** One reason as an English phrase ("date 2019-05-30 matches", "latest before page date 2024-08-20"). */
export function reasonText(reason: Reason): string {
  return (TEXT[reason.kind] as (r: Reason) => string)(reason);
}

const RULED_OUT: { [K in RuleOut['kind']]: (r: Extract<RuleOut, { kind: K }>) => string } = {
  dateDiffers: (r) => `dated ${r.recorded}, the sentence says ${r.stated}`,
  termDiffers: (r) => `of khóa ${r.recorded}, the sentence says khóa ${r.stated}`,
  plenumDiffers: (r) => `of plenum ${r.recorded}, the sentence says plenum ${r.stated}`,
  afterPageDate: (r) => `dated ${r.recorded}, after ${r.bound ?? `the page date ${r.pageDate}`}`,
  afterEventDate: (r) => `dated ${r.recorded}, after the event the sentence tells of (${r.eventDate})`,
  tooRecentForYears: (r) => `dated ${r.recorded}, too recent for the ${r.years} years of carrying it out the sentence tells of by ${r.year}`,
  issuerDiffers: (r) => `issued by ${r.recorded}, the sentence says ${r.stated}`,
  placeDiffers: (r) => `${r.recorded ? `of ${r.recorded}` : 'of no known place'}, the page names ${r.stated}`,
  subjectDiffers: () => 'its title does not match the subject the sentence gives',
};

/** Why a candidate was ruled out, as an English phrase ("of khóa X, the sentence says khóa IX"). */
export function ruleOutText(rule: RuleOut): string {
  return (RULED_OUT[rule.kind] as (r: RuleOut) => string)(rule);
}
