/**
 * The record page's content as plain data, from what the lookup service answers: the document's fields with
 * their sources and the readings where sources disagree, its aliases, the same code in other terms, explicit
 * relations and co-cited documents (each a link to its record), the citing articles' page with what each
 * sentence stated, and a code's list. Pure.
 */
import { documentHeading, formatDate, hostLabel, relationKey, safeUrl, statusText } from '../card/format';
import type { CitingArticlesPage, RelatedDocument } from '../lookup/client';
import type { DocumentRecord, Reading } from '../records/schema';
import { recordHref, searchHref } from './address';
import { recordCitation } from './citation';
import type { CitingView, CodeListView, DocumentLink, Link, RecordField, RecordView } from '@/components/record/types';

type Lang = 'vi' | 'en';

const link = (url: string | undefined): Link | undefined => {
  const safe = safeUrl(url);
  return safe ? { url: safe, label: hostLabel(safe) } : undefined;
};

/** "14/06/2024 · Bộ Chính trị · khóa XIII" (what tells documents of one code apart). */
export function documentSummary(doc: DocumentRecord, lang: Lang): string {
  const term = doc.term ? (lang === 'en' ? `term ${doc.term}` : `khóa ${doc.term}`) : undefined;
  return [formatDate(doc.date, lang), doc.issuer, term, doc.place].filter(Boolean).join(' · ');
}

export function documentLink(doc: DocumentRecord, lang: Lang): DocumentLink {
  return {
    id: doc.id,
    href: recordHref(doc.id),
    heading: documentHeading(doc.typeName, doc.code),
    summary: documentSummary(doc, lang),
    ...(doc.title ? { title: doc.title } : {}),
  };
}

const READING_NAMES: Record<Reading['field'], string> = { date: 'date', issuer: 'issuer', title: 'title', term: 'term', type: 'type' };

export function buildRecordView(input: { document: DocumentRecord; related: RelatedDocument[]; sameCode: DocumentRecord[]; lang: Lang }): RecordView {
  const { document: doc, related, sameCode, lang } = input;
  const readingsOf = (field: string) =>
    doc.readings
      .filter((r) => READING_NAMES[r.field] === field)
      .map((r) => ({
        value: r.field === 'date' ? formatDate(r.value, lang)! : r.value,
        sources: r.sources.flatMap((s) => (link(s) ? [link(s)!] : [])),
      }));
  const fields: RecordField[] = [];
  const add = (name: string, label: string, value: string | undefined, more: Partial<RecordField> = {}) => {
    const readings = readingsOf(name);
    if (!value && readings.length === 0) return;
    fields.push({ name, label, value: value ?? '', readings, ...more });
  };
  add('type', 'record_field_type', doc.typeAbbr ? `${doc.typeName} (${doc.typeAbbr})` : doc.typeName);
  add('code', 'record_field_code', doc.code);
  add('issuer', 'record_field_issuer', doc.issuer);
  add('date', 'record_field_date', formatDate(doc.date, lang));
  add('term', 'record_field_term', doc.term);
  if (doc.plenum !== undefined) add('plenum', 'record_field_plenum', String(doc.plenum));
  add('place', 'record_field_place', doc.place);
  add('family', 'record_field_family', doc.family === 'party' ? 'family_party' : 'family_state', { valueIsKey: true });
  if (doc.status) add('status', 'record_field_status', statusText(doc.status.text, lang), link(doc.status.source) ? { source: link(doc.status.source)! } : {});
  add('title', 'record_field_title', doc.title);

  const sources: Link[] = [];
  const seen = new Set<string>();
  for (const url of [doc.officialUrl, ...doc.sources.map((s) => s.url)]) {
    const l = link(url);
    if (l && !seen.has(l.url)) {
      seen.add(l.url);
      sources.push(l);
    }
  }
  const sourceNotes = sources.length ? [] : doc.sources.some((s) => /^law-text:/i.test(s.url)) ? ['cardSourceLawText'] : ['cardNoPublicAddress'];

  const relations = related
    .filter((r) => r.why === 'relation')
    .map((r) => ({ ...documentLink(r.document, lang), kind: r.kind ?? 'related', kindKey: relationKey(r.kind) }));
  const coCited = related
    .filter((r) => r.why === 'co-citation')
    .map((r) => ({ ...documentLink(r.document, lang), count: r.strength ?? 0 }))
    .sort((a, b) => b.count - a.count);

  return {
    id: doc.id,
    heading: documentHeading(doc.typeName, doc.code),
    code: doc.code,
    ...(doc.title ? { title: doc.title } : {}),
    confidence: doc.confidence,
    ...(doc.knownFromNews ? { knownFromNews: true } : {}),
    ...(doc.lead ? { lead: doc.lead } : {}),
    fields,
    sources,
    sourceNotes,
    aliases: [...doc.aliases],
    sameCode: sameCode.map((d) => documentLink(d, lang)),
    relations,
    coCited,
    citation: recordCitation(doc),
  };
}

/** The citing articles' page as the list shows it: each article with what its sentences stated, worded. */
export function buildCitingView(page: CitingArticlesPage, at: { page: number; pageSize: number; outlet?: string; year?: string }, lang: Lang): CitingView {
  return {
    state: 'ready',
    total: page.total,
    all: page.all,
    page: at.page,
    pageSize: at.pageSize,
    outlets: page.outlets,
    years: page.years,
    ...(at.outlet ? { outlet: at.outlet } : {}),
    ...(at.year ? { year: at.year } : {}),
    items: page.items.map(({ article, stated }) => ({
      title: article.title,
      ...(safeUrl(article.url) ? { url: safeUrl(article.url)! } : {}),
      outlet: article.outlet,
      ...(article.date ? { date: formatDate(article.date, lang)! } : {}),
      stated: stated.map((s) => ({
        raw: s.raw,
        facts: [formatDate(s.date, lang), s.issuerName, s.term ? (lang === 'en' ? `term ${s.term}` : `khóa ${s.term}`) : undefined].filter((f): f is string => Boolean(f)),
      })),
    })),
  };
}

/** Every document sharing a code, each linking to its record, and where to search when there is none. */
export function buildCodeList(code: string, documents: DocumentRecord[], lang: Lang): CodeListView {
  return { code, documents: documents.map((d) => documentLink(d, lang)), searchHref: searchHref(code) };
}

