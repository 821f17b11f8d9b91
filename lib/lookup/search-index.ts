/**
 * Full-text search over codes, type names, aliases, titles and issuers, accent- and case-insensitive
 * ("chi thi 35", "nghi quyet 57", "ke hoach 17 kh tw"), with minisearch. Built lazily from the store on the first
 * search and kept in memory for the active generation.
 */
import MiniSearch from 'minisearch';
import type { DocumentRecord } from '../dataset/schema';
import { aliasKey } from '../resolver/alias-key';

/** Words of a query that say nothing about which document ("số", "về", "của", "năm"…). */
const QUERY_STOPWORDS = new Set(['so', 've', 'cua', 'va', 'cac', 'ngay', 'thang', 'nam', 'ban', 'hanh']);

interface Indexed {
  id: string;
  code: string;
  type: string;
  aliases: string;
  title: string;
  issuer: string;
  term: string;
  news: boolean;
}

export function tokenize(text: string): string[] {
  const key = aliasKey(text);
  return key ? key.split(' ') : [];
}

export function createSearchIndex(): MiniSearch<Indexed> {
  return new MiniSearch<Indexed>({
    idField: 'id',
    fields: ['code', 'type', 'aliases', 'title', 'issuer', 'term'],
    storeFields: ['news'],
    tokenize,
    processTerm: (term) => term,
    searchOptions: {
      tokenize,
      processTerm: (term) => (QUERY_STOPWORDS.has(term) ? null : term),
      boost: { code: 3, aliases: 2, type: 1.5, term: 1, title: 1, issuer: 0.5 },
      // Complete the last word as typed; tolerate one typo in long words.
      prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 2,
      fuzzy: (term) => (term.length >= 6 && !/\d/.test(term) ? 1 : false),
      maxFuzzy: 1,
      boostDocument: (_id, _term, stored) => (stored?.news ? 0.8 : 1),
    },
  });
}

export function toIndexed(doc: DocumentRecord): Indexed {
  return {
    id: doc.id,
    code: doc.code,
    type: `${doc.typeName} ${doc.typeAbbr}`,
    aliases: doc.aliases.join(' · '),
    title: doc.title ?? '',
    issuer: `${doc.issuer ?? ''} ${doc.issuerAbbr}`,
    term: doc.term ? `khoa ${doc.term}` : '',
    news: doc.knownFromNews === true,
  };
}

/** Ranked ids: every word must match; when nothing does, documents matching most words. */
export function searchIds(index: MiniSearch<Indexed>, query: string, limit: number): Array<{ id: string; score: number }> {
  if (tokenize(query).filter((t) => !QUERY_STOPWORDS.has(t)).length === 0) return [];
  let hits = index.search(query, { combineWith: 'AND' });
  if (hits.length === 0) hits = index.search(query, { combineWith: 'OR' });
  return hits.slice(0, limit).map((h) => ({ id: String(h.id), score: Math.round(h.score * 1000) / 1000 }));
}
