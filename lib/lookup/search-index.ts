/**
 * Full-text search over codes, type names, aliases, titles and issuers, accent- and case-insensitive
 * ("chi thi 35", "nghi quyet 57", "ke hoach 17 kh tw"), with minisearch. Built lazily from the store on the first
 * search and kept in memory for the active generation.
 */
import MiniSearch from 'minisearch';
import type { DocumentRecord } from '../dataset/schema';
import { aliasKey } from '../resolver/alias-key';

/** Words that say nothing about which document ("số", "về", "của", "năm"…): left out of queries and titles. */
const QUERY_STOPWORDS = new Set(['so', 've', 'cua', 'va', 'cac', 'ngay', 'thang', 'nam', 'ban', 'hanh', 'doi', 'voi', 'trong', 'nhung', 'mot', 'la']);

interface Indexed {
  id: string;
  /** Type name, code and term in one field ("Chỉ thị 35-CT/TW khóa XII"): one posting list per word, not three. */
  head: string;
  aliases: string;
  title: string;
  news: boolean;
}

export function tokenize(text: string): string[] {
  const key = aliasKey(text);
  return key ? key.split(' ') : [];
}

export function createSearchIndex(): MiniSearch<Indexed> {
  return new MiniSearch<Indexed>({
    idField: 'id',
    // The issuing body is not indexed: its words ("Bộ Chính trị") are on most documents and would make every
    // query slower; its abbreviation is part of the code.
    fields: ['head', 'aliases', 'title'],
    storeFields: ['news'],
    tokenize,
    processTerm: (term, field) => (field === 'title' && QUERY_STOPWORDS.has(term) ? null : term),
    searchOptions: {
      tokenize,
      processTerm: (term) => (QUERY_STOPWORDS.has(term) ? null : term),
      boost: { head: 3, aliases: 2, title: 1 },
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
    head: `${doc.typeName} ${doc.code}${doc.term ? ` khoa ${doc.term}` : ''}`,
    aliases: doc.aliases.join(' · '),
    title: doc.title ?? '',
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
