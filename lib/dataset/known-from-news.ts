/**
 * "Known from news" records: codes that articles cite but the documents table lacks. A record carries only what
 * the citing sentences state (type, issuer, date or year, term, subject, place), the citing articles as its
 * sources, confidence news-only, and knownFromNews: true. Pure.
 */
import type { Reference } from '../detector/types';
import type { DocumentRecord, Reading } from '../records/schema';
import { codeKey, numberKey } from '../keys/code-key';
import { isLocalCode } from '../keys/local-codes';
import { placeKey } from '../keys/local-codes';
import { termNumeral } from '../keys/party-terms';

export interface Citation {
  ref: Reference;
  articleId: string;
  /** The article's address, or "article:<id>" when it has none. */
  source: string;
  /** The place a local code is read in (sentence or site), when known. */
  place?: string;
}

const MAX_TITLE = 200;

/** Words a subject clause cut short at the next code leaves dangling ("… thực hiện Nghị quyết số"). */
const DANGLING = /(?:\s+(?:số|của|và|các|theo|tại|về|ngày|Nghị quyết|Chỉ thị|Quyết định|Quy định|Nghị định|Thông tư|Kết luận|Kế hoạch|Hướng dẫn|Luật|văn bản hướng dẫn|[,;:–-]))+$/u;

/** A cited subject as a title: cut at MAX_TITLE, dangling words dropped; nothing when too little is left. */
export function subjectTitle(subject: string | undefined): string | undefined {
  if (!subject) return undefined;
  let t = subject.slice(0, MAX_TITLE).replace(/\s+\S*$/, (m) => (subject.length > MAX_TITLE ? '' : m)).trim();
  for (let prev = ''; prev !== t; ) { prev = t; t = t.replace(DANGLING, '').trim(); }
  return t.split(/\s+/).length >= 3 ? t : undefined;
}

/** The code (and place) part of a record's identity. */
function codeIdentity(c: Citation): string {
  return `${codeKey(c.ref.code as string)}${c.place ? `|${placeKey(c.place)}` : ''}`;
}

/**
 * What tells two news-only documents with one code apart. A state code with its year names one document; other
 * codes (Party codes restart every term, state numbers every year) are told apart by the stated date, else term.
 */
function identity(c: Citation): string {
  const key = codeIdentity(c);
  if (/^\d+\/\d{4}\//.test(c.ref.code as string)) return key;
  if (c.ref.date) return `${key}@${c.ref.date}`;
  const term = termNumeral(c.ref.term) ?? c.ref.term;
  if (term) return `${key}@khóa-${term}`;
  return key;
}

function mostCommon(values: (string | undefined)[]): { value?: string; others: string[] } {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { value: sorted[0]?.[0], others: sorted.slice(1).map((x) => x[0]) };
}

/**
 * Builds news-only records for cited codes no known document carries. `known` holds the normalized codes of the
 * documents table. Local codes are recorded only with a place; without one nothing is claimed.
 */
export function knownFromNews(citations: readonly Citation[], known: ReadonlySet<string>): DocumentRecord[] {
  const groups = new Map<string, Citation[]>();
  for (const c of citations) {
    if (!c.ref.code || c.ref.inferred) continue;
    if (known.has(codeKey(c.ref.code))) continue;
    const local = isLocalCode(c.ref.code);
    if (local && !c.place) continue;
    const id = identity(c);
    const g = groups.get(id);
    if (g) g.push(c); else groups.set(id, [c]);
  }
  // Citations that state neither date nor term get no record of their own when dated records of the code exist:
  // the resolver then chooses among those (or leaves the mention ambiguous).
  const withFacts = new Set([...groups.keys()].filter((k) => k.includes('@')).map((k) => k.slice(0, k.indexOf('@'))));
  for (const key of [...groups.keys()]) if (!key.includes('@') && withFacts.has(key)) groups.delete(key);
  const records: DocumentRecord[] = [];
  for (const [, group] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const first = group[0] as Citation;
    const ref = first.ref;
    const code = ref.code as string;
    const sources = [...new Set(group.map((c) => c.source))].sort();
    const readings: Reading[] = [];
    const dates = mostCommon(group.map((c) => c.ref.date));
    for (const other of dates.others)
      readings.push({ field: 'date', value: other, sources: [...new Set(group.filter((c) => c.ref.date === other).map((c) => c.source))].sort() });
    const issuer = mostCommon(group.map((c) => c.ref.issuerName));
    for (const other of issuer.others)
      readings.push({ field: 'issuer', value: other, sources: [...new Set(group.filter((c) => c.ref.issuerName === other).map((c) => c.source))].sort() });
    const subject = mostCommon(group.map((c) => subjectTitle(c.ref.subject)));
    const typeName = mostCommon(group.map((c) => c.ref.type.name ?? c.ref.proseType)).value ?? ref.type.abbr ?? '';
    const term = termNumeral(ref.term) ?? ref.term;
    const suffix = first.place ? `@${first.place}` : '';
    const date = dates.value;
    const id = `${code}${suffix}${date ? `@${date}` : term ? `@khóa-${term}` : ''}~news`;
    const rec: DocumentRecord = {
      id, code, family: ref.family, number: numberKey(ref.number ?? code.replace(/\D.*$/, '')),
      typeAbbr: ref.type.abbr ?? '', typeName, issuerAbbr: ref.issuer.abbr ?? '',
      aliases: [], relations: [], readings, sources: sources.map((url) => ({ url })), confidence: 'news-only', knownFromNews: true,
      note: `known from news: what ${group.length} citing sentence${group.length > 1 ? 's' : ''} state${group.length > 1 ? '' : 's'}; not checked against the document itself`,
    };
    if (issuer.value) rec.issuer = issuer.value;
    if (date) rec.date = date;
    if (term) rec.term = term;
    if (subject.value) rec.title = subject.value;
    if (first.place) rec.place = first.place;
    records.push(rec);
  }
  return records;
}
